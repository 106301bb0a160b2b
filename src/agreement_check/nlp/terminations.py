"""Rights to end an agreement (or withdraw its funding): who holds each, why it may be
used, and how much notice it gives.

Only notice of the ending itself counts: the recipient's own notice, notice of a default,
the time allowed to put a breach right, and other periods (payment, reporting, records)
are left out. A right that refers to a defined period ("the Commissioner Termination
Notice Period") is resolved from the table or definition that sets it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from agreement_check.nlp.durations import Duration, find_durations, zero
from agreement_check.nlp.parties import EITHER, FUNDER, UNKNOWN, Parties
from agreement_check.nlp.purposes import is_own_reason, purposes
from agreement_check.units import Unit

_OBJECT = r"(?:this|the|our|its|their|your|that)\s+(?:\w+\s+){0,2}?(?:agreement|contract|grant|funding|arrangement|award|sla|offer|conditions|services?)"
_VERB = re.compile(
    rf"\b(?:terminat(?:e|es|ed|ing|ion)|(?:end|ends|ending)\s+(?:{_OBJECT}|it|the\s+grant\s+early)|"
    rf"bring\s+(?:{_OBJECT}|it)\s+to\s+an\s+end|cancel(?:l?ing)?\s+{_OBJECT}|"
    r"be\s+(?:withdrawn|ended|cancell?ed|discontinued|revoked|brought\s+to\s+an\s+end)|"
    r"(?:withdraw|discontinue|cease|stop|revoke|cancel)(?:s|ing|l?ing)?\s+(?:the\s+|its\s+|our\s+|this\s+|your\s+|all\s+|any\s+|further\s+)*(?:grant|funding|payments?|offer|award|support))\b",
    re.I,
)
_PERMISSION = re.compile(
    r"\b(?:may|can|could|shall\s+be\s+entitled\s+to|is\s+entitled\s+to|are\s+entitled\s+to|reserves?\s+the\s+right\s+to|"
    r"has\s+the\s+right\s+to|have\s+the\s+right\s+to|right\s+to|will\s+be\s+able\s+to|is\s+free\s+to)\b",
    re.I,
)
_NO_PERIOD = re.compile(
    r"\b(?:immediately|with\s+immediate\s+effect|forthwith|at\s+any\s+time|without\s+(?:prior\s+)?notice|"
    r"on\s+(?:written\s+)?notice|by\s+(?:written\s+)?notice|by\s+notice\s+in\s+writing|on\s+notice\s+in\s+writing|"
    r"by\s+giving\s+(?:written\s+)?notice|by\s+writing\s+to|by\s+telling)\b",
    re.I,
)
_NOTICE_WORD = re.compile(r"\bnotice\b|\bin\s+advance\b|\bin\s+writing\b|\bwarning\b|\bprior\b", re.I)
_NOT_NOTICE = re.compile(
    r"\b(?:remed(?:y|ied)|put\s+(?:it\s+|the\s+\w+\s+)?right|rectif(?:y|ied)|cure[ds]?|make\s+good|"
    r"repay|return|pay(?:ment)?|invoice|report|records?|keep|of\s+(?:receiving|the\s+date\s+of)|after\s+(?:the\s+)?(?:end|expiry|termination))\b",
    re.I,
)
_DEFINED_PERIOD = re.compile(
    r"\b(?:(?:the|its|their|that\s+party[’']s|each\s+party[’']s|the\s+relevant|the\s+applicable)\s+)?"
    r"((?:[A-Z][\w’']+\s+){0,3}notice\s+period)\b",
    re.I,
)


@dataclass(frozen=True)
class TerminationRight:
    unit: Unit
    holder: str
    purposes: frozenset[str]
    notice: Duration
    notice_unit: Unit

    @property
    def own_reason(self) -> bool:
        return is_own_reason(set(self.purposes), self.unit.context_text)

    @property
    def funder_may_use(self) -> bool:
        return self.holder in {FUNDER, EITHER, UNKNOWN}


def termination_rights(units: list[Unit], parties: Parties) -> list[TerminationRight]:
    rights = []
    lead_ins = {u.lead_unit for u in units if u.lead_unit is not None}
    for position, unit in enumerate(units):
        if unit.index in lead_ins or unit.is_heading or unit.text.rstrip().endswith("?"):
            continue  # a lead-in is completed by its items; "Can we end the grant early?" grants nothing
        found = _right_in(unit, parties)
        if found is None:
            continue
        holder, _verb_text = found
        reasons = frozenset(purposes(unit.context_text))
        notice, where = _notice(unit, units, position, parties, holder)
        rights.append(TerminationRight(unit, holder, reasons, notice, where))
    return rights


def _right_in(unit: Unit, parties: Parties) -> tuple[str, str] | None:
    for text in (unit.text, unit.lead_in):
        if not text:
            continue
        verb = _VERB.search(text)
        if verb is None:
            continue
        window = text[max(0, verb.start() - 70) : verb.start()]
        if not _PERMISSION.search(window) and not re.search(r"\bright\s+to\s*$", window, re.I):
            continue
        return parties.holder(text, verb.start()), verb.group(0)
    return None


def _notice(unit: Unit, units: list[Unit], position: int, parties: Parties, holder: str) -> tuple[Duration, Unit]:
    own = _notice_periods(unit.text) or (_notice_periods(unit.lead_in) if unit.lead_in else [])
    if own:
        return min(own, key=lambda d: d.days), unit
    defined = _defined_period(unit, units, parties)
    if defined is not None:
        return defined
    if not _NO_PERIOD.search(unit.text):
        for follower in units[position + 1 : position + 3]:
            if follower.block != unit.block:
                break
            periods = _notice_periods(follower.text)
            if periods:
                return min(periods, key=lambda d: d.days), follower
    return zero(unit.text), unit


def _notice_periods(text: str) -> list[Duration]:
    """Periods in `text` that are notice of an ending, not cure or other periods."""
    found = []
    for duration in find_durations(text):
        after = text[duration.end : duration.end + 40]
        before = text[max(0, duration.start - 60) : duration.start]
        tied = bool(_NOTICE_WORD.search(after[:25])) or bool(re.search(r"\bnotice\b[^.;]{0,25}$", before, re.I))
        if not tied:
            continue
        if duration.qualifier == "max" and re.search(r"\bwithin\s*$", before + " ", re.I):
            continue
        if _NOT_NOTICE.search(before[-30:]) and not re.search(r"\bgiv\w*\b", before[-30:], re.I):
            continue
        found.append(duration)
    return found


def _defined_period(unit: Unit, units: list[Unit], parties: Parties) -> tuple[Duration, Unit] | None:
    """A right that points at a notice period set elsewhere (a particulars table or a
    definition): the funder's period there, or the only one given."""
    if _DEFINED_PERIOD.search(unit.text) is None:
        return None
    candidates = []
    for other in units:
        label = other.text.split("|")[0] if other.row else other.text
        if other is unit or not re.search(r"\bnotice\b", label, re.I) or not re.search(r"\bperiod\b", other.text, re.I):
            continue
        periods = find_durations(other.text)
        if periods:
            roles = {role for _, _, role in parties.mentions(label)}
            candidates.append((roles, min(periods, key=lambda d: d.days), other))
    chosen = [c for c in candidates if FUNDER in c[0]] or [c for c in candidates if not c[0]]
    if not chosen:
        return None
    _, duration, where = min(chosen, key=lambda c: c[1].days)
    return duration, where
