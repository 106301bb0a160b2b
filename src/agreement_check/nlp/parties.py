"""Who is who: defined terms and pronouns mapped to the funder and the recipient.

Agreements name their parties once ("MOORSIDE CITY COUNCIL ... (the "Council")",
'"Provider" means ...') and letters use "we" and "you". A rule asks whether the funder
or the recipient holds a right, so each mention is resolved to a role.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

FUNDER, RECIPIENT, EITHER, UNKNOWN = "funder", "recipient", "either", "unknown"

_FUNDER_NAMES = re.compile(
    r"\b(?:council|commissioners?|funders?|authority|board|icb|ccg|department|grantor|"
    r"foundation|trust|trustees|fund|commission|pcc|government|nhs|lottery|purchaser|"
    r"local\s+authority|combined\s+authority|police)\b",
    re.I,
)
_RECIPIENT_NAMES = re.compile(
    r"\b(?:organisation|organization|recipient|grantee|provider|grant\s+holder|charity|"
    r"applicant|supplier|contractor|delivery\s+partner|service\s+provider|group|cic|cio|"
    r"association|project\s+lead|lead\s+partner|beneficiary\s+organisation|awardee|grant\s+recipient)\b",
    re.I,
)
_CHARITY_DESCRIPTION = re.compile(
    r"\b(?:charit(?:y|able)|registered\s+charity|company\s+limited\s+by\s+guarantee|"
    r"community\s+interest\s+company|voluntary|community\s+group|social\s+enterprise|cio)\b",
    re.I,
)
_DEFINED = [
    re.compile(r"\((?:the\s+|each\s+a\s+|together\s+the\s+)?[\"“‘']([A-Z][\w&' -]{1,40}?)[\"”’']\)"),
    re.compile(r"\([\"“‘'](?:the|The)\s+([A-Z][\w&' -]{1,40}?)[\"”’']\)"),
    re.compile(r"[\"“‘']([A-Z][\w&' -]{1,40}?)[\"”’']\s+(?:means|shall\s+mean|refers\s+to|is)\b"),
    re.compile(r"\b(?:referred\s+to\s+as|hereinafter)\s+(?:the\s+)?[\"“‘']?([A-Z][\w&-]{1,30})"),
]
_EITHER = re.compile(
    r"\b(?:either|each|both|any)\s+(?:party|parties|of\s+us|of\s+them)\b|\bthe\s+parties\b|\bwe\s+or\s+you\b|\byou\s+or\s+we\b|\beither\s+side\b",
    re.I,
)
_PRONOUNS = {"we": FUNDER, "us": FUNDER, "our": FUNDER, "you": RECIPIENT, "your": RECIPIENT}


@dataclass
class Parties:
    """The roles of the party names one document uses."""

    terms: dict[str, str] = field(default_factory=dict)

    def mentions(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, role) of each party mention, in order."""
        found: list[tuple[int, int, str]] = []
        for match in _EITHER.finditer(text):
            found.append((match.start(), match.end(), EITHER))
        for term, role in self.terms.items():
            for match in re.finditer(rf"\b{re.escape(term)}(?:['’]s)?\b", text, re.I):
                if not _other(text, match.start()):
                    found.append((match.start(), match.end(), role))
        for match in re.finditer(r"\b(we|us|our|you|your)\b", text, re.I):
            found.append((match.start(), match.end(), _PRONOUNS[match.group(1).lower()]))
        for pattern, role in ((_FUNDER_NAMES, FUNDER), (_RECIPIENT_NAMES, RECIPIENT)):
            for match in pattern.finditer(text):
                if (
                    match.group(0)[0].isupper()
                    and not _overlaps(found, match.start())
                    and not _other(text, match.start())
                ):
                    found.append((match.start(), match.end(), role))
        return sorted(found)

    def holder(self, text: str, verb_start: int) -> str:
        """The role of whoever holds the right expressed by the verb at `verb_start`."""
        subject = text[:verb_start]
        clause_start = max(subject.rfind(";"), subject.rfind(":"))
        subject = _main_clause(subject[clause_start + 1 :])
        mentions = [m for m in self.mentions(subject) if not _is_object(subject, m[0])]
        if mentions and not _passive(text, verb_start):  # "payment is withheld": not the subject's act
            return mentions[-1][2]
        agent = re.match(r"[^.;]{0,80}?\bby\s+(.{0,60})", text[verb_start:], re.I)
        if agent:
            after = self.mentions(agent.group(1))
            if after:
                return after[0][2]
        return UNKNOWN


_CONDITIONAL_OPENER = re.compile(
    r"^\W*(?:\(?[a-z0-9]{1,4}[.)]\s*)?(?:if|where|when|whenever|should|unless|in\s+the\s+event|once|after|before|following)\b",
    re.I,
)


_REPORTED = re.compile(
    r"^.*\b(?:acknowledges?|agrees?|accepts?|understands?|confirms?|notes?|recognises?|recognizes?)\s+that\b", re.I
)


_BE = re.compile(r"^(?:be|is|are|been|being|was|were)\b", re.I)
_BE_BEFORE = re.compile(r"\b(?:be|is|are|been|being|was|were)\s+(?:\w+ly\s+)?$", re.I)


def _passive(text: str, verb_start: int) -> bool:
    return bool(_BE.match(text[verb_start:]) or _BE_BEFORE.search(text[max(0, verb_start - 25) : verb_start]))


def _main_clause(subject: str) -> str:
    """The main clause's subject: "If the Provider falls short, the officer will" is
    about the officer, not the Provider."""
    reported = _REPORTED.search(subject)
    if reported:  # "The Recipient acknowledges that [the Council may ...]"
        subject = subject[reported.end() :]
    if _CONDITIONAL_OPENER.match(subject) and "," in subject:
        return subject[subject.rfind(",") + 1 :]
    return subject


def _other(text: str, start: int) -> bool:
    return bool(re.search(r"\bthe\s+other\s+$", text[max(0, start - 10) : start], re.I))


def _is_object(text: str, start: int) -> bool:
    return bool(re.search(r"\b(?:to|with|from|against|of|on)\s+(?:the\s+)?$", text[max(0, start - 12) : start], re.I))


def _overlaps(found: list[tuple[int, int, str]], start: int) -> bool:
    return any(a <= start < b for a, b, _ in found)


def find_parties(texts: list[str]) -> Parties:
    """The defined party terms of a document and the role of each."""
    terms: dict[str, str] = {}
    for text in texts:
        for pattern in _DEFINED:
            for match in pattern.finditer(text):
                term = match.group(1).strip()
                role = classify(term, text[max(0, match.start() - 250) : match.start()])
                if role and term.lower() not in terms:
                    terms[term.lower()] = role
    return Parties(terms)


_NOT_A_PARTY = re.compile(
    r"^(?:the\s+)?(?:\w+\s+)*(?:grant|agreement|contract|project|services?|funding|fund|budget|period|date|days?|"
    r"programme|schedule|conditions?|terms|legislation|plan|report|value|payments?|costs?|data)$",
    re.I,
)


def classify(term: str, description: str) -> str | None:
    """The role of a defined term, from its own name first, then how it was described."""
    if _NOT_A_PARTY.match(term):
        return None
    if _RECIPIENT_NAMES.search(term):
        return RECIPIENT
    if _FUNDER_NAMES.search(term):
        return FUNDER
    near = description[-160:]
    if _CHARITY_DESCRIPTION.search(near):
        return RECIPIENT
    if _FUNDER_NAMES.search(near):
        return FUNDER
    return None


@dataclass(frozen=True)
class PartyNames:
    """How a document names its two sides, for wording written back into it: the terms it
    defines ("the Council", "the Organisation"), or "we" and "you" in a letter; the full
    name of each where the document gives it ("Moorside City Council"); and what the
    document calls itself ("this Agreement", "this offer")."""

    funder: str = "the Funder"
    recipient: str = "the Recipient"
    funder_name: str | None = None
    recipient_name: str | None = None
    letter: bool = False
    itself: str = "this Agreement"

    def to_dict(self) -> dict[str, object]:
        out: dict[str, object] = {"funder": self.funder, "recipient": self.recipient, "letter": self.letter}
        if self.funder_name:
            out["funder_name"] = self.funder_name
        if self.recipient_name:
            out["recipient_name"] = self.recipient_name
        return out


_ORG_WORD = re.compile(
    r"\b(?:council|authority|board|trust|foundation|fund|charity|cic|cio|ltd|limited|association|group|"
    r"commission|partnership|network|centre|center|project|society|department|icb|nhs|forum|alliance)\b",
    re.I,
)
_NAME_BEFORE = re.compile(
    r"((?:[A-Z][\w&'’.-]*|of|for|and|the|&|in|on)(?:\s+(?:[A-Z][\w&'’.-]*|of|for|and|the|&|in|on)){0,9})"
    r"(?:\s*,\s*(?:a|an)\s+[^,()]{3,90}?)?\s*,?\s*$"
)
_JOINERS = {"of", "for", "and", "the", "&", "in", "on"}
_SELF_NAME = re.compile(
    r"\b(?:this|these)\s+(agreement|contract|letter|offer|grant|memorandum|terms)\b"
    r"(?!\s+(?:agreement|contract|letter|offer|of\s+grant|funding))",  # "this grant agreement" is an agreement
    re.I,
)


def party_names(texts: list[str], parties: Parties) -> PartyNames:
    """The words a document uses for the funder and the recipient: the defined terms when
    it has one for each side, "we" and "you" when it is written as a letter, and the
    neutral "the Funder" and "the Recipient" otherwise."""
    defined, full = _defined_terms(texts, parties)
    itself = _itself(texts)
    if FUNDER in defined and RECIPIENT in defined:
        return PartyNames(
            funder=_the(defined[FUNDER]),
            recipient=_the(defined[RECIPIENT]),
            funder_name=full.get(FUNDER),
            recipient_name=full.get(RECIPIENT),
            itself=itself,
        )
    if _written_as_letter(texts):
        return PartyNames(funder="we", recipient="you", funder_name=_letterhead(texts), letter=True, itself=itself)
    return PartyNames(funder_name=full.get(FUNDER), recipient_name=full.get(RECIPIENT), itself=itself)


def _defined_terms(texts: list[str], parties: Parties) -> tuple[dict[str, str], dict[str, str]]:
    """The defined term of each side as written, and the full name written before it."""
    defined: dict[str, str] = {}
    full: dict[str, str] = {}
    for text in texts:
        if "(" not in text:  # both patterns define a term in brackets; most units have none
            continue
        for pattern in _DEFINED[:2]:
            for match in pattern.finditer(text):
                term = match.group(1).strip()
                role = parties.terms.get(term.lower())
                if role in {FUNDER, RECIPIENT} and role not in defined:
                    defined[role] = term
                    name = _full_name(text[: match.start()], term)
                    if name:
                        full[role] = name
    for term, role in parties.terms.items():  # '"Provider" means ...' definitions
        if role in {FUNDER, RECIPIENT} and role not in defined:
            defined[role] = _as_written(texts, term)
    return defined, full


def _the(term: str) -> str:
    """'the Council' for a defined common noun; a proper name stands alone."""
    return term if term.lower().startswith("the ") or len(term.split()) > 2 else f"the {term}"


def _as_written(texts: list[str], term: str) -> str:
    for text in texts:
        match = re.search(rf"\b{re.escape(term)}\b", text, re.I)
        if match and match.group(0)[0].isupper():
            return match.group(0)
    return term.title()


def _full_name(before: str, term: str) -> str | None:
    """The name written just before a definition: 'Moorside City Council (the "Council")',
    or 'Hope Lane Trust, a registered charity (the "Organisation")'."""
    match = _NAME_BEFORE.search(before.rstrip()[-200:])
    if not match:
        return None
    words = match.group(1).split()
    lowered = [w.lower() for w in words]
    for joiner in ("between", "and"):  # "Agreement between X and Y": the name is after the last joiner
        if joiner in lowered:
            words = words[len(lowered) - lowered[::-1].index(joiner) :]
            lowered = [w.lower() for w in words]
    while words and words[0].lower() in _JOINERS:
        words.pop(0)
    while words and words[-1].lower() in _JOINERS:
        words.pop()
    name = " ".join(words)
    if len(words) < 2 or not _ORG_WORD.search(name) or name.lower() == term.lower():
        return None
    return name


def _written_as_letter(texts: list[str]) -> bool:
    joined = " ".join(texts[:400])
    yours = len(re.findall(r"\b(?:you|your)\b", joined, re.I))
    ours = len(re.findall(r"\b(?:we|our|us)\b", joined, re.I))
    return yours >= 3 and ours >= 2


def _letterhead(texts: list[str]) -> str | None:
    """The sender of a letter: a short line near the top naming an organisation."""
    for text in texts[:6]:
        parts = [p.strip() for p in re.split(r"\s+[–—-]\s+|:\s+", text.strip())]
        for line in reversed(parts):
            short = 1 < len(line.split()) <= 8 and line[:1].isupper() and not line.endswith(".")
            if short and _ORG_WORD.search(line) and not re.search(r"\b(?:dear|re|ref|offer|agreement)\b", line, re.I):
                return str(line)
    return None


def _itself(texts: list[str]) -> str:
    """What the document calls itself most often ('this Agreement', 'this offer')."""
    counts: dict[str, int] = {}
    for text in texts:
        if "his " not in text and "hese " not in text and "HIS " not in text and "HESE " not in text:
            continue
        for match in _SELF_NAME.finditer(text):
            counts[match.group(0)] = counts.get(match.group(0), 0) + 1
    if not counts:
        return "this Agreement"
    best = max(counts, key=lambda k: counts[k])
    return best[0].lower() + best[1:]
