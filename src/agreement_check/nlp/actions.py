"""What a clause does: the action words of agreements, grouped into a small vocabulary
that rule files name (`end`, `suspend`, `reclaim`, ...).

Agreements write one action many ways: "terminate this Agreement", "withdraw the
grant", "bring the funding to an end", "could result in the withdrawal of allocations",
"monies will be repaid", "the right to claim back any grant". Each pattern here names
the action, not any one rule's policy.

Word sense matters: "reserves the right to" is a way of saying *may* (see
`nlp/modality.py`), never an action on reserves; "privacy notice" is not notice.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_DET = r"(?:(?:this|the|our|its|their|your|that|these|any|all|such|an?|some|or\s+part|part\s+of|whole|full|remaining|further|future|unspent|outstanding|relevant)\s+)*"
_MOD = r"(?:[\w-]+\s+){0,2}?"
_COORD = r"(?:(?:or|and|and/or)\s+[\w-]+\s+)?"  # "withdraw or reduce the funding"
_PASSIVE = r"\b(?:be|been|being|is|are|was|were)\s+(?:[\w-]+\s+(?:or|and|and/or)\s+)?"  # "is reduced or withdrawn"
_FUNDING = r"(?:agreement|contract|grants?|funding|arrangement|awards?|sla|offer|allocations?|support|monies|money|funds?|sums?|payments?|instalments?|amounts?)"
_MONEY = (
    r"(?:grants?|funding|awards?|monies|money|funds?|sums?|payments?|instalments?|amounts?|allocations?|it|them|this)"
)

ACTIONS: dict[str, re.Pattern[str]] = {
    "end": re.compile(
        r"\bterminat(?:e|es|ed|ing|ion)\b|\btermination\b"
        rf"|(?<!\bthe\s)\b(?:end|ends|ending|ended)\s+(?!of\b|date\b){_DET}{_MOD}(?:agreement|contract|grant|funding|arrangement|award|sla|offer|it|support|relationship)\b"
        rf"|\b(?:end|ends|ending)\s+(?!of\b){_DET}{_MOD}(?:grant|funding|agreement|contract)\s+early\b"
        rf"|\bbr(?:ing|ings|ought)\s+(?:{_DET}{_MOD}{_FUNDING}|it)\s+to\s+an\s+end\b|\bbrought\s+to\s+an\s+end\b"
        rf"|\bcancel(?:s|led|ling)?\s+{_DET}{_MOD}{_FUNDING}\b|\bcancell?ation\s+of\b"
        rf"|\bwithdr[ae]w(?:s|n|ing)?\s+{_COORD}{_DET}{_MOD}(?:grants?|funding|offer|awards?|allocations?|support|funds?|monies|it)\b"
        rf"|\bwithdrawal\s+of\s+{_DET}{_MOD}(?:grants?|funding|offer|awards?|allocations?|support|funds?)\b"
        rf"|{_PASSIVE}(?:withdrawn|ended|cancell?ed|discontinued|revoked|terminated|brought\s+to\s+an\s+end)\b"
        rf"|\b(?:discontinue|revoke|cease|stop)(?:s|d|ped|ping)?\s+{_DET}(?:to\s+(?:fund|support)\b|(?:funding|the\s+grant|grant|support|award)\b)"
        r"|\b(?:not|decline\s+to)\s+(?:to\s+)?renew\b"
        r"|\b(?:grant|funding|award|support)\s+(?:will|shall|may|would|could|might)\s+(?:also\s+)?(?:then\s+)?(?P<act>stop|cease|end|come\s+to\s+an\s+end)\b",
        re.I,
    ),
    "suspend": re.compile(
        r"\bsuspen(?:d|ds|ded|ding|sion)\b|\bwithh[oe]ld(?:s|ing)?\b"
        rf"|\b(?:defer|delay|stop|cease|halt)(?:s|red|ring|ed|ped|ping|d)?\s+(?:making\s+)?{_DET}(?:payments?|instalments?)\b"
        r"|\b(?:will|shall|may|would)\s+not\s+be\s+(?:paid|released|available|made\s+available|payable)\b"
        r"|\bno\s+(?:further\s+)?payments?\s+(?:will|shall)\s+be\s+made\b",
        re.I,
    ),
    "reclaim": re.compile(
        r"\bclaw(?:s|ed|ing)?[\s-]*back\b|\bclawback\b|\breclaim\w*\b"
        rf"|\bclaim(?:s|ed|ing)?\s+back\b|\bclaim(?:s|ed|ing)?\s+{_DET}{_MOD}{_MONEY}\s+back\b"
        rf"|\brecover(?:s|ed|ing|y)?\s+(?:of\s+)?{_DET}{_MOD}(?:{_MONEY}|costs?|all|any|some|part|overpayments?)\b"
        r"|\brepa(?:y|ys|id|ying|yment|yments|yable)\b|\brefund(?:s|ed|ing)?\b"
        rf"|{_PASSIVE}(?:returned|paid\s+back|repaid|refunded|reclaimed|recovered)\b|\breturn(?:s|ed|ing)?\s+{_DET}{_MOD}{_MONEY}\b"
        r"|\b(?:money|grant|funding|award)\s+back\b|\b(?:pay|paid|paying|hand|give)\s+(?:(?:it|them|this|all|any|some|part|of|the|our|your|grant|money|funding|award)\s+){0,4}back\b",
        re.I,
    ),
    "reduce": re.compile(
        rf"\breduc(?:e|es|ed|ing|tion)\s+(?:in\s+|of\s+)?{_DET}{_MOD}(?:grants?|funding|payments?|amounts?|awards?|sums?|it)\b"
        r"|\bdeduct(?:s|ed|ing|ion)?\b|\boffset(?:s|ting)?\b|\babate\w*\b",
        re.I,
    ),
    "take-action": re.compile(
        r"\btak(?:e|es|ing|en)\s+(?:(?:any|such|further|other|enforcement|appropriate|legal|whatever)\s+){1,3}(?:action|steps)\b|\bimpos\w+\s+(?:\w+\s+)?sanctions?\b",
        re.I,
    ),
    "vary": re.compile(
        r"\bvar(?:y|ies|ied|ying|iation)\b|\bamend(?:s|ed|ing|ment)?\b|\bchange\s+(?:these|the|this|its)\s+(?:terms|conditions|agreement)\b",
        re.I,
    ),
    "notify": re.compile(
        r"\bnotif(?:y|ies|ied|ying|ication)\b|\binform(?:s|ed|ing)?\b|\btell(?:s|ing)?\b|\bwrite\s+to\b|\bwriting\s+to\b"
        r"|\bgive\s+(?:\w+\s+){0,3}(?:written\s+)?(?<!privacy\s)(?<!processing\s)notice\b|\blet\s+(?:you|them|the\s+\w+)\s+know\b",
        re.I,
    ),
    "discuss": re.compile(
        r"\bdiscuss\w*\b|\bmeet(?:s|ing)?\s+(?:with|to)\b|\btalk(?:s|ed|ing)?\s+(?:to|with|about|through)\b|\bconsult\w*\b"
        r"|\bwork\s+(?:with|together)\b|\bget\s+in\s+touch\b|\bcontact\s+(?:you|them|the\s+\w+)\b|\braise\s+(?:it|them|the\s+matter|concerns?)\b",
        re.I,
    ),
    "remedy": re.compile(
        r"\bremed(?:y|ied|ies|ying|ial)\b|\bput\s+(?:it|this|that|things|matters?|the\s+\w+|them)\s+right\b|\brectif\w+\b"
        r"|\bcure[sd]?\b|\bcorrect(?:ed|ing)?\s+(?:the|it|this|any)\b|\baddress\s+(?:our|the|any|these|those)\s+(?:\w+\s+)?concerns?\b"
        r"|\b(?:improvement|action|recovery)\s+plan\b|\bsort(?:ed)?\s+(?:it\s+|this\s+|them\s+)?out\b"
        r"|\breasonable\s+(?:time|period|opportunity|timetable)\s+(?:(?:to|for|in\s+which)\s+(?:\w+\s+){0,3}(?:put|remed\w*|correct|address|respond|improve\w*|make\s+good|rectif\w+|resolv\w+)|for\s+(?:improvement|remedial))\b|\bopportunity\s+to\s+(?:put|remedy|correct|address|respond|improve|make)\b"
        r"|\bimprove(?:ment)?\b|\bresolv(?:e|ed|ing)\s+(?:it|them|(?:the|any|this|that|these)\s+(?:\w+\s+)?(?:problems?|issues?|breach(?:es)?|concerns?|matters?|failures?))\b",
        re.I,
    ),
    "refer-disputes": re.compile(
        r"\brefer(?:s|red|ring)?\s+(?:\w+\s+){0,6}?(?:to|for)\s+(?:\w+\s+){0,5}?(?:mediation|arbitration|adjudication|expert|dispute)\b"
        r"|\bmediat(?:ion|or|e|ed)\b|\barbitrat\w+\b|\bexpert\s+determination\b"
        r"|\b(?:decision|determination)\s+(?:\w+\s+){0,4}(?:is|shall\s+be|will\s+be)\s+final\b",
        re.I,
    ),
    "treat-costs": re.compile(
        r"\b(?:in)?eligible\b|\b(?:not\s+)?allowable\b|\bcan(?:not|['’]t)?\s+(?:be\s+)?(?:used|spent|go)\s+(?:on|for|towards)\b"
        r"|\b(?:will|may|can|do)\s+(?:not\s+)?(?:fund|pay\s+for|cover|contribute\s+(?:to|towards))\b",
        re.I,
    ),
    "pay": re.compile(r"\bpa(?:y|ys|id|ying)\s+(?:\w+\s+){0,3}?(?:grant|you|the\s+\w+|instalments?|£)", re.I),
    "report": re.compile(
        r"\breport(?:s|ed|ing)?\b|\bmonitor\w*\b|\bsubmit\w*\b|\bprovide\s+(?:\w+\s+)?(?:information|evidence|returns?)\b",
        re.I,
    ),
    "contribute": re.compile(
        r"\bmatch(?:ed)?[\s-]+fund\w*|\bcontribut\w+\b|\bco-?fund\w*\b|\bpartnership\s+funding\b|\bin[\s-]+kind\b", re.I
    ),
    "hold-reserves": re.compile(r"\b(?<!the\s)reserves\b(?!\s+the\s+right)", re.I),
    "involve-volunteers": re.compile(r"\bvolunteer(?:s|ing|ed)?\b", re.I),
    # How a partnership runs itself: what it makes public, passes round, looks at again,
    # who fills its places and stands in for whom, and who sends word of an absence.
    "publish": re.compile(
        r"\bpublish(?:es|ed|ing)?\b|\bmade?\s+(?:publicly\s+)?(?:available\s+to\s+the\s+public|public)\b"
        r"|\b(?:post(?:s|ed|ing)?|put|puts|placed?|uploaded?|made?\s+available)\s+(?:\w+\s+){0,4}?on\s+(?:the|our|its|their|a)\s+(?:[\w'’-]+\s+){0,2}?(?:website|web\s*site|web\s*pages?|intranet|social\s+media|noticeboard)\b",
        re.I,
    ),
    "circulate": re.compile(
        r"\bcirculat(?:e|es|ed|ing|ion)\b|\bdistribut(?:e|es|ed|ing)\b|\bcascad(?:e|es|ed|ing)\b"
        r"|\bshar(?:e|es|ed|ing)\s+(?:[\w'’-]+\s+){0,8}?(?:with|among|amongst|across|within)\b|\b(?:is|are|be|been|being)\s+shared\b"
        r"|\b(?:sen[dt]|sends|sending|e-?mail(?:s|ed)?|forward(?:s|ed)?)\s+(?:out\s+)?(?:[\w'’-]+\s+){0,5}?to\s+(?:all\s+|each\s+|the\s+)?(?:members?|partners?|parties|representatives|leads?|attendees|network)\b"
        r"|\b(?:is|are|be|been|will\s+be)\s+sent\s+(?:out\b|to\b)"
        r"|\breport(?:s|ed|ing)?\s+back\b|\bfe(?:ed|eds|eding|d)\s+back\b"
        r"|\bkeeps?\s+(?:\w+\s+){0,4}?(?:informed|up\s+to\s+date|updated|aware)\b|\bliaise\s+with\s+absent\b",
        re.I,
    ),
    "review": re.compile(
        r"\breview(?:s|ed|ing)?\b|\brevisit(?:s|ed|ing)?\b|\blook(?:s|ed)?\s+again\s+at\b|\b(?:re-?)?evaluat(?:e|es|ed|ing|ion)\b"
        r"|\btak(?:e|es|ing)\s+stock\b",
        re.I,
    ),
    "appoint": re.compile(
        r"\bappoint(?:s|ed|ing|ment)?\b|\belect(?:s|ed|ing|ion)?\b|\bnominat(?:e|es|ed|ing|ion)\b|\bco-?opt(?:s|ed|ing|ion)?\b"
        r"|\bselect(?:s|ed|ing|ion)?\b",
        re.I,
    ),
    "deputise": re.compile(
        r"\bdeputi[sz](?:e|es|ed|ing)\b|\bstand(?:s|ing)?\s+in\s+for\b|\bsubstitut(?:e|es|ed|ing)\s+for\b"
        r"|\b(?:send|sends|nominate|nominates|name|names|appoint|appoints|bring|brings)\s+(?:(?:[\w-]+\s+){1,4}?(?:and|or|plus)\s+)?(?:a\s+|an\s+|one\s+|their\s+|its\s+)?(?:named\s+|nominated\s+)?(?:deputy|deputies|substitutes?|subs|alternates?|replacement)\b"
        r"|\b(?:attend|act|vote|speak|chair)s?\s+(?:\w+\s+){0,3}?in\s+(?:their|his|her|its|the\s+\w+[’']s)\s+(?:place|absence|stead)\b"
        r"|\bin\s+the\s+absence\s+of\s+(?:the|a|any)\s+(?:chair|vice-chair|member|representative|lead|secretary)\b",
        re.I,
    ),
    "apologise": re.compile(
        r"\bapologi[sz](?:e|es|ed|ing)\b|\b(?:send|sends|give|gives|offer|offers|tender|tenders|submit|submits)\s+(?:their\s+|his\s+|her\s+|its\s+)?apologies\b"
        r"|\bapologies\s+(?:should|must|shall|will|are\s+to|to)\s+be\b|\bnotice\s+of\s+(?:their\s+|any\s+)?absence\b",
        re.I,
    ),
}
VOCABULARY = frozenset(ACTIONS)
# Literal stems one of which every pattern of an action needs: a cheap test that spares
# most sentences the full patterns (reading provisions is most of the rules stage).
_TRIGGERS: dict[str, tuple[str, ...]] = {
    "end": ("terminat", "end", "withdr", "cancel", "ceas", "stop", "revok", "discontinu", "renew", "brought", "bring"),
    "suspend": ("suspen", "withh", "defer", "delay", "stop", "ceas", "halt", "not be", "no further", "no payment"),
    "reclaim": ("claw", "claim", "recover", "repa", "refund", "return", "back"),
    "reduce": ("reduc", "deduct", "offset", "abat"),
    "take-action": ("action", "steps", "sanction"),
    "vary": ("var", "amend", "change"),
    "notify": ("notif", "inform", "tell", "writ", "notice", "know"),
    "discuss": ("discuss", "meet", "talk", "consult", "work with", "work together", "touch", "contact", "raise"),
    "remedy": (
        "remed",
        "right",
        "rectif",
        "cure",
        "correct",
        "address",
        "plan",
        "sort",
        "reasonable",
        "opportunity",
        "improv",
        "resolv",
    ),
    "refer-disputes": ("refer", "mediat", "arbitrat", "expert", "final"),
    "treat-costs": ("eligib", "allowab", "used", "spent", "go ", "fund", "pay for", "cover", "contribute"),
    "pay": ("pa",),
    "report": ("report", "monitor", "submit", "provide"),
    "contribute": ("match", "contribut", "fund", "kind"),
    "hold-reserves": ("reserves",),
    "involve-volunteers": ("volunteer",),
    "publish": ("publish", "public", "website", "web site", "web page", "intranet", "social media", "noticeboard"),
    "circulate": ("circulat", "distribut", "cascad", "shar", "sen", "mail", "forward", "back", "keep", "liaise"),
    "review": ("review", "revisit", "again", "evaluat", "stock"),
    "appoint": ("appoint", "elect", "nominat", "opt", "select"),
    "deputise": ("deput", "stand", "subs", "alternate", "replacement", "place", "absence", "stead"),
    "apologise": ("apolog", "absence"),
}


@dataclass(frozen=True)
class ActionMention:
    action: str
    start: int
    end: int


@lru_cache(maxsize=4096)
def find_actions(text: str, actions: frozenset[str] = VOCABULARY) -> tuple[ActionMention, ...]:
    """Every action of `actions` (all of them unless told) written in `text`, in order;
    one mention per place and action. Each action is found on its own, so asking for
    fewer gives the same mentions of those. Cached: a lead-in is read with each item it
    completes."""
    found = []
    lower = text.lower()
    for name, pattern in ACTIONS.items():
        if name not in actions or not any(stem in lower for stem in _TRIGGERS[name]):
            continue
        seen_end = -1
        for match in pattern.finditer(text):
            if match.start() < seen_end:
                continue
            start = match.start("act") if "act" in pattern.groupindex and match.group("act") else match.start()
            found.append(ActionMention(name, start, match.end()))
            seen_end = match.end()
    return tuple(sorted(found, key=lambda m: (m.start, m.action)))
