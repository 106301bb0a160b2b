"""Why a party may end, suspend or claw back: the recipient's default, or a reason of
the funder's own (convenience, changed funding or priorities, "any reason").

The Compact's six months' notice protects against the second kind only; immediate action
for fraud, insolvency or safeguarding is not a failure to give a chance to remedy.
"""

from __future__ import annotations

import re

PURPOSE_CUES: dict[str, re.Pattern[str]] = {
    "any-reason": re.compile(
        r"\bfor\s+any\s+(?:other\s+)?reason\b|\bfor\s+convenience\b|\bwithout\s+(?:giving\s+(?:a\s+|any\s+)?reasons?|cause)\b|\bwhether\s+or\s+not\b.{0,30}\bbreach",
        re.I,
    ),
    "funding": re.compile(
        r"\b(?:budget|financial\s+allocations?|allocations?|funding\s+(?:is|are|has\s+been|being)\s+(?:reduced|withdrawn|cut|stopped)|"
        r"funds?\s+(?:available|are\s+reduced)|income\s+(?:falls|is\s+reduced|drops|decreases)|resources\s+(?:are\s+)?(?:reduced|withdrawn)|"
        r"(?:reduction|cut|withdrawal|change)s?\s+(?:in|of|to)\s+(?:its\s+|our\s+|the\s+)?(?:funding|budget|grant\s+in\s+aid|allocation|resources|income)|"
        r"(?:no\s+longer|not)\s+(?:able|have\s+the\s+(?:money|funds))\s+to\s+(?:fund|pay|continue)|investment\s+income|"
        r"lack\s+of\s+(?:\w+\s+)?funds|insufficient\s+(?:funds|funding|budget|resources)|funds?\s+(?:are\s+|is\s+)?no\s+longer\s+available|"
        r"(?:funding|grant\s+in\s+aid|allocation)\s+from\s+(?:central\s+)?government|spending\s+review|financial\s+(?:pressures|constraints|position)|"
        r"(?:government|central)\s+funding|funding\s+(?:ceases|ends|stops|reductions?))\b",
        re.I,
    ),
    "priorities": re.compile(
        r"\b(?:priorit(?:y|ies)|needs?\s+(?:change|have\s+changed)|changed\s+needs|change(?:s|d)?\s+(?:in|of|to)\s+(?:policy|legislation|law|needs|strategy|commissioning)|"
        r"strategic\s+(?:review|direction)|re-?organi[sz]ation|recommission|re-?procure|service\s+redesign|policy\s+changes?)\b",
        re.I,
    ),
    "convenience": re.compile(r"\bat\s+any\s+time\b", re.I),
    "breach": re.compile(
        r"\b(?:breach(?:es|ed)?|default(?:s|ed)?|fails?\s+to|failure\s+to|failing\s+to|does\s+not\s+(?:comply|meet|keep|deliver)|not\s+(?:comply|keep)|"
        r"not\s+(?:been\s+)?put\s+right|not\s+remedied|purposes?\s+other\s+than|satisfactory\s+progress|negligen\w+|problem|"
        r"poor\s+performance|under-?perform|non-?compliance|not\s+(?:used|spent)\s+(?:for|on)\s+the|misuse[sd]?|"
        r"unsatisfactory|not\s+(?:being\s+)?delivered|any\s+of\s+(?:these|the)\s+(?:terms|conditions))\b",
        re.I,
    ),
    "serious": re.compile(
        r"\b(?:fraud(?:ulent(?:ly)?)?|dishonest(?:y|ly)?|insolven(?:t|cy)|bankrupt(?:cy)?|liquidation|administration|"
        r"wound\s+up|winding[\s-]up|receiver(?:ship)?|stops?\s+operating|ceases?\s+(?:to\s+)?(?:operate|trade|trading)|safeguarding|"
        r"criminal|convicted|offence|corrupt(?:ion)?|bribe(?:ry)?|false\s+or\s+misleading|false\s+information|misleading\s+information|"
        r"removed\s+from\s+the\s+register|deregistered|risk\s+of\s+(?:serious\s+)?harm|harm\s+to|disrepute|gross\s+misconduct|"
        r"terrorism|money\s+laundering|sanctions\s+list)\b",
        re.I,
    ),
}
DEFAULT_PURPOSES = frozenset({"breach", "serious"})
OWN_PURPOSES = frozenset({"any-reason", "funding", "priorities"})


def purposes(text: str) -> set[str]:
    """Every purpose cue present in `text`."""
    return {name for name, pattern in PURPOSE_CUES.items() if pattern.search(text)}


_CONDITION = re.compile(r"\b(?:if|where|unless|in\s+the\s+event|should|provided\s+that|following|once|when)\b", re.I)


def is_own_reason(found: set[str], text: str = "") -> bool:
    """A right the funder may use without the recipient being at fault: for a reason of
    its own, "at any time" with no fault named, or with no condition at all ("This
    Agreement may be terminated by either party on 30 days' notice")."""
    if found & OWN_PURPOSES:
        return True
    if found & DEFAULT_PURPOSES:
        return False
    return "convenience" in found or (bool(text) and not _CONDITION.search(text))
