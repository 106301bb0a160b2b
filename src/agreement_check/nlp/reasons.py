"""Why a provision applies: the conditions and purposes attached to an action.

An agreement gives the same power (end, suspend, reclaim) for very different reasons: the
recipient's default ("if you breach these terms", "grant not used for its purpose"), a
serious matter (fraud, insolvency, safeguarding), or a reason of the funder's own ("if our
budget is reduced", "for any reason", "at any time"). Rules name these categories; this
module only knows how agreements write them.

Text after "unless", "except" or "provided that" is an exception to the provision, not a
reason for it, so it is classified separately.
"""

from __future__ import annotations

import re
from functools import lru_cache

REASON_CUES: dict[str, re.Pattern[str]] = {
    "any-reason": re.compile(
        r"\bfor\s+any\s+(?:other\s+)?reason(?:\s+whatsoever)?\b|\bfor\s+(?:its|our|their)?\s*convenience\b"
        r"|\bwithout\s+(?:giving\s+(?:a\s+|any\s+)?reasons?|cause)\b|\bwhether\s+or\s+not\b.{0,30}\bbreach"
        r"|\bat\s+(?:its|our|their)\s+(?:sole\s+|absolute\s+)?discretion\b(?![^.;]{0,60}\b(?:if|where)\b)",
        re.I,
    ),
    "funding": re.compile(
        r"\b(?:budget|financial\s+allocations?|allocations?\s+(?:is|are|has|have)\s+(?:been\s+)?(?:reduced|withdrawn|cut)|"
        r"funding\s+(?:is|are|has\s+been|being)\s+(?:reduced|withdrawn|cut|stopped)|"
        r"funds?\s+(?:(?:is|are)\s+)?(?:available|no\s+longer\s+available|are\s+reduced)|income\s+(?:falls|is\s+reduced|drops|decreases)|"
        r"resources\s+(?:are\s+)?(?:reduced|withdrawn)|"
        r"(?:reduction|cut|withdrawal|change|loss)s?\s+(?:in|of|to)\s+(?:its\s+|our\s+|the\s+|their\s+)?(?:\w+\s+)?(?:funding|budget|grant\s+in\s+aid|allocation|resources|income)|"
        r"(?:no\s+longer|not)\s+(?:able|have\s+the\s+(?:money|funds))\s+to\s+(?:fund|pay|continue)|investment\s+income|"
        r"lack\s+of\s+(?:\w+\s+)?funds|insufficient\s+(?:funds|funding|budget|resources)|"
        r"(?:funding|grant\s+in\s+aid|allocation|money)\s+(?:it\s+|we\s+)?(?:receives?|received|from)\s+(?:from\s+)?(?:central\s+)?(?:government|\w+)|"
        r"(?:subject\s+to|depend\w*\s+on|conditional\s+(?:up)?on)\s+(?:the\s+)?(?:\w+\s+){0,3}(?:receiv\w+|availability\s+of|continu\w+\s+(?:of\s+)?)\s*(?:\w+\s+){0,3}(?:funds?|funding|grant|monies|money)|"
        r"(?:money|funding|funds|grant\s+in\s+aid|income|allocation)\b(?:[^.;]{0,40}\b(?:receives?|gets?|is\s+given|is\s+paid)\b[^.;]{0,30})?\s+(?:stops|ceases|ends|is\s+(?:withdrawn|cut|reduced|stopped)|falls|dries\s+up|runs\s+out)|spending\s+review|financial\s+(?:pressures|constraints|position)|(?:government|central)\s+funding|"
        r"funding\s+(?:ceases|ends|stops|reductions?))\b",
        re.I,
    ),
    "priorities": re.compile(
        r"\b(?:priorit(?:y|ies)|needs?\s+(?:change|have\s+changed)|changed\s+needs|"
        r"change(?:s|d)?\s+(?:in|of|to)\s+(?:government\s+)?(?:policy|legislation|law|needs|strategy|commissioning)|"
        r"strategic\s+(?:review|direction)|re-?organi[sz]ation|recommission|re-?procure|service\s+redesign|policy\s+changes?)\b",
        re.I,
    ),
    "at-any-time": re.compile(r"\bat\s+any\s+time\b", re.I),
    "breach": re.compile(
        r"\b(?:breach(?:es|ed|ing)?|default(?:s|ed)?|(?:break|breaks|breaking|broken|broke)\s+(?:any\s+of\s+)?(?:these|the|this|our|its|your|any)\s+(?:\w+\s+)?(?:terms|conditions|agreement|rules|promises)|fail(?:s|ed|ing)?\s+to|failure\s+to|failures?\b|"
        r"(?:does|do|did|has|have)\s+not\s+(?:\w+\s+)?(?:comply|complied|meet|met|keep|kept|deliver|delivered|follow|followed|fulfil|fulfilled|observe|observed|adhere)|"
        r"not\s+(?:be\s+|been\s+|being\s+)?(?:complied|fulfilled|met|kept|observed|adhered|satisfied|delivered|achieved)|not\s+(?:comply|keep)|"
        r"non[\s-]?(?:compliance|delivery|performance)|poor\s+performance|falls?\s+(?:short|below)|fallen\s+(?:short|below)|under-?perform\w*|unsatisfactory|"
        r"(?:is|are)\s+not\s+satisfied|dissatisf\w+|satisfactory\s+progress|negligen\w+|problems?\s+with|"
        r"(?:there\s+is|there\s+are|arises?|have)\s+(?:a\s+|any\s+)?(?:problems?|difficult(?:y|ies)|issues?)|"
        r"(?:concern(?:s|ed)?|worried|worries)\s+(?:about|over|regarding|with|that)\s+(?:the\s+|your\s+|its\s+)?(?:\w+\s+)?(?:delivery|performance|progress|project|use|way|work|grant|service|outcomes?)|"
        r"purposes?\s+other\s+than|(?:not|wrongly)\s+(?:been\s+)?(?:used|spent|applied)\s+(?:for|on|towards)\s+(?:the|its)|wrongly\s+applied|misus\w+|misappl\w+|"
        r"without\s+(?:our|its|the\s+\w+[’']s|their)\s+(?:prior\s+)?(?:written\s+)?(?:consent|agreement|approval)|"
        r"any\s+of\s+(?:these|the|its|our)\s+(?:terms|conditions|obligations)|conditions?\s+(?:of\s+(?:this|the)\s+\w+\s+)?(?:are|is|have|has)\s+not)\b",
        re.I,
    ),
    "serious": re.compile(
        r"\b(?:fraud(?:ulent(?:ly)?)?|dishonest(?:y|ly)?|insolven(?:t|cy)|bankrupt(?:cy)?|liquidation|(?:into|in|enters?)\s+administration|"
        r"wound\s+up|winding[\s-]up|receiver(?:ship)?|stops?\s+operating|ceases?\s+(?:to\s+)?(?:operate|trade|trading|exist)|safeguarding|"
        r"criminal|convicted|offence|corrupt(?:ion)?|bribe(?:ry)?|false|misleading|inaccurate|misrepresent\w*|"
        r"removed\s+from\s+the\s+register|deregistered|risk\s+of\s+(?:serious\s+)?harm|harm\s+to|disrepute|gross\s+misconduct|"
        r"terrorism|money\s+laundering|sanctions\s+list|irregularit(?:y|ies))\b",
        re.I,
    ),
    "remedy-failed": re.compile(
        r"\b(?:not\s+(?:been\s+|be\s+)?(?:remedied|rectified|put\s+(?:\w+\s+){0,2}right|corrected|resolved|addressed|sorted\s+out)|"
        r"fail\w*\s+to\s+(?:remedy|rectify|put\s+\w+\s+right|correct|address|resolve|(?:\w+\s+){0,3}(?:improvement|action|recovery)\s+plan)|"
        r"(?:not|in)capable\s+of\s+remedy|irremediable|cannot\s+be\s+remedied|remediable|"
        r"after\s+(?:a|the)\s+(?:\w+\s+){0,3}(?:warning|notice\s+(?:of|requiring))|despite\s+(?:a\s+|being\s+given\s+)?(?:warning|notice))\b",
        re.I,
    ),
    "unspent": re.compile(
        r"\b(?:unspent|unused|underspen\w+|not\s+(?:been\s+)?(?:spent|used|needed|required)(?!\s+(?:for|on|towards)\s+(?:the|its|their|your|any)\b)|no\s+longer\s+(?:needed|required)|surplus)\b",
        re.I,
    ),
}
DEFAULT_REASONS = frozenset({"breach", "serious"})
_CONDITION = re.compile(
    r"\b(?:if|where|whereby|unless|in\s+the\s+event|should|provided\s+that|following|once|when|in\s+the\s+circumstances|"
    r"in\s+(?:any\s+of\s+)?the\s+(?:following\s+)?(?:cases|events)|on\s+the\s+occurrence|subject\s+to)\b",
    re.I,
)
_EXCEPTION = re.compile(
    r"\b(?:unless|except(?:\s+where|\s+if)?|provided\s+(?:always\s+)?that|save\s+(?:where|that|for))\b", re.I
)


_ABOUT_SERIOUS = re.compile(r"^[^,;.]{0,50}?\b(?:safeguard\w*|fraud\w*|insolv\w*|bribe\w*|corrupt\w*)\b", re.I)


_SERIOUS_BEFORE = re.compile(r"\b(?:safeguarding|fraud|financial|insolvency)\s+(?:\w+\s+)?$", re.I)


def _about_serious(text: str, breach: re.Match[str]) -> bool:
    return bool(
        _ABOUT_SERIOUS.match(text[breach.end() :])
        or _SERIOUS_BEFORE.search(text[max(0, breach.start() - 30) : breach.start()])
    )


def classify(text: str) -> set[str]:
    """Every reason category written in `text`. A breach *of* a serious duty ("fails to
    safeguard children", "breach of the anti-fraud terms") is serious, not ordinary."""
    return set(_classify(text))


@lru_cache(maxsize=4096)
def _classify(text: str) -> frozenset[str]:
    found = {name for name, pattern in REASON_CUES.items() if pattern.search(text)}
    breaches = list(REASON_CUES["breach"].finditer(text))
    if breaches and all(_about_serious(text, m) for m in breaches):
        found.discard("breach")
        found.add("serious")
    if "remedy-failed" in found:
        found.add("breach")
    return frozenset(found)


def split_exception(text: str) -> tuple[str, str]:
    """(the provision's own conditions, its exceptions): "... unless we agree otherwise"."""
    match = _EXCEPTION.search(text)
    if match is None:
        return text, ""
    return text[: match.start()], text[match.start() :]


def reasons_of(text: str, other: str = "") -> tuple[frozenset[str], frozenset[str]]:
    """The reasons and the exceptions of a provision written in `text`, completed by
    `other` (the lead-in an item completes, or the item a lead-in introduces). A
    provision with no condition at all is `unconditional`."""
    own, exception = split_exception(text)
    more, more_exception = split_exception(other)
    reasons = classify(own) | classify(more)
    if not reasons and not _CONDITION.search(own) and not _CONDITION.search(more):
        reasons.add("unconditional")
    return frozenset(reasons), frozenset(classify(exception + " " + more_exception))
