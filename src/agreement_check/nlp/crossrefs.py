"""References from one clause to another, and to periods defined elsewhere.

"The Council may terminate with immediate effect in the circumstances described in
clause 11.3(c)" means whatever clause 11.3(c) says; "on giving the Notice Period" means
the period the definitions or the particulars table give. A reader follows the reference;
so does the checker.
"""

from __future__ import annotations

import re

from agreement_check.nlp.durations import Duration, find_durations
from agreement_check.nlp.parties import FUNDER, Parties
from agreement_check.nlp.units import Unit

_REFERENCE = re.compile(
    r"\b(?:(?:circumstances|events?|grounds|reasons|cases)\s+(?:\w+\s+){0,3}(?:in|under|by)|under|pursuant\s+to|in\s+accordance\s+with|"
    r"as\s+(?:set\s+out|described|specified|listed|referred\s+to)\s+in|(?:set\s+out|described|specified|listed|referred\s+to)\s+in)\s+"
    r"(?:clauses?|conditions?|paragraphs?|sections?|sub-?clauses?|para\.?)\s+"
    r"(\d{1,3}(?:\.\d{1,3}){0,3}(?:\s*\([a-z0-9]{1,4}\))*|\([a-z0-9]{1,4}\)(?:\s*\([a-z0-9]{1,4}\))?)",
    re.I,
)
_DEFINED_PERIOD = re.compile(
    r"\b(?:(?:the|its|their|that\s+party[’']s|each\s+party[’']s|the\s+relevant|the\s+applicable)\s+)?"
    r"((?:[A-Z][\w’']+\s+){0,3}notice\s+period)\b",
    re.I,
)


def referenced_clauses(text: str) -> list[str]:
    """The clauses whose circumstances `text` invokes ("in the circumstances described in
    clause 11.3(c)", "under clause 7"), normalised; a bare mention ("clauses 19 to 21 do
    not apply") invokes nothing."""
    return [re.sub(r"\s+", "", m.group(1)).strip(".") for m in _REFERENCE.finditer(text)]


class ClauseIndex:
    """The units of each clause number, built once per document, so that following a
    reference costs a look-up rather than a pass over the document."""

    def __init__(self, units: list[Unit], clause_of: dict[int, str | None]) -> None:
        self._units: dict[str, list[Unit]] = {}
        for unit in units:
            clause = (clause_of.get(unit.block) or "").lower().replace(" ", "")
            if clause:
                self._units.setdefault(clause, []).append(unit)

    def units_of(self, number: str) -> list[Unit]:
        """The units of the clause `number` and its sub-clauses, in order."""
        wanted = number.lower()
        out: list[Unit] = []
        for clause, units in self._units.items():
            if clause == wanted or clause.startswith((wanted + ".", wanted + "(")):
                out.extend(units)
        return sorted(out, key=lambda u: u.index)


NoticeRow = tuple[set[str], Duration, Unit]


def notice_period_rows(units: list[Unit], parties: Parties) -> list[NoticeRow]:
    """Every unit that sets a notice period (a particulars row or a definition), with the
    parties its label names: read once per document, looked up by each provision."""
    rows: list[NoticeRow] = []
    for other in units:
        label = other.text.split("|")[0] if other.row else other.text
        if not re.search(r"\bnotice\b", label, re.I) or not re.search(r"\bperiod\b", other.text, re.I):
            continue
        periods = find_durations(other.text)
        if periods:
            roles = {role for _, _, role in parties.mentions(label)}
            rows.append((roles, min(periods, key=lambda d: d.days), other))
    return rows


def defined_notice_period(unit: Unit, rows: list[NoticeRow]) -> tuple[Duration, Unit] | None:
    """A provision that points at a notice period set elsewhere: the funder's period
    there, or the only one given."""
    if _DEFINED_PERIOD.search(unit.text) is None:
        return None
    candidates = [row for row in rows if row[2] is not unit]
    chosen = [c for c in candidates if FUNDER in c[0]] or [c for c in candidates if not c[0]]
    if not chosen:
        return None
    _, duration, where = min(chosen, key=lambda c: c[1].days)
    return duration, where
