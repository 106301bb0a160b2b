"""Provisions: what each clause does, read the way a careful reader reads it.

Every unit (a sentence, a list item completed by its lead-in, a table row) becomes zero
or more provisions: who (actor) may or must (modality) do what (action), for which
reasons and with which exceptions, when (timing), and with which periods, each period
with its role. Rules ask questions of provisions in their YAML ("a funder provision whose
action is `end` and whose reasons are not the recipient's default: its notice period"),
so that the meaning of a commitment lives in the rule file and this module only reads.

A provision that refers to another clause ("in the circumstances described in clause
11.3(c)") takes that clause's reasons; one that refers to a defined notice period takes
the period from the definitions or the particulars table; a notice given in the next
sentence of the same paragraph ("If that happens we will give you ninety days' notice")
belongs to the action before it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

from agreement_check.nlp.actions import VOCABULARY, find_actions
from agreement_check.nlp.crossrefs import (
    ClauseIndex,
    NoticeRow,
    defined_notice_period,
    notice_period_rows,
    referenced_clauses,
)
from agreement_check.nlp.modality import modality_before
from agreement_check.nlp.parties import EITHER, FUNDER, UNKNOWN, Parties
from agreement_check.nlp.periods import Period, find_periods
from agreement_check.nlp.reasons import DEFAULT_REASONS, classify, reasons_of
from agreement_check.nlp.units import Unit

_IMMEDIATE = re.compile(
    r"\b(?:immediate(?:ly)?|with\s+immediate\s+effect|forthwith|at\s+once|straight\s+away|"
    r"without\s+(?:any\s+|further\s+|prior\s+|advance\s+)?(?:notice|warning))\b",
    re.I,
)
_ON_NOTICE = re.compile(
    r"\b(?:on|by|upon|after)\s+(?:giving\s+)?(?:\w+\s+)?(?:written\s+)?notice(?:\s+in\s+writing)?\b|\bby\s+(?:writing\s+to|telling)\b|\bby\s+notice\s+in\s+writing\b",
    re.I,
)
# "Notwithstanding the Council's right to terminate for breach, either party may ..." sets
# another right aside: its reasons are not this provision's.
_ASIDE = re.compile(
    r"^\W*(?:[\d.()a-z]{1,8}\s+)?(?:notwithstanding|without\s+prejudice\s+to|in\s+addition\s+to|as\s+well\s+as)\b[^,;]{0,200},",
    re.I,
)
_FAILED = re.compile(r"\b(?:fail(?:s|ed|ing|ure)?|neglects?|omits?|refus(?:es|ed|al))\s+to\s+(?:\w+\s+)?$", re.I)
_AT_ANY_TIME = re.compile(r"\bat\s+any\s+time\b", re.I)
_THIRD_PARTY = re.compile(r"\b(?:third\s+part(?:y|ies)|any\s+other\s+(?:person|body|organisation))\b", re.I)
_ACTS_ON_MONEY = frozenset({"end", "suspend", "reclaim", "reduce"})
_FUNDER_SIDE = frozenset({FUNDER, EITHER, UNKNOWN})


@dataclass(frozen=True)
class Provision:
    """One thing a clause does. Offsets are into `unit.text` (or its lead-in when
    `in_lead_in`), so evidence quotes the right words."""

    unit: int
    action: str
    actor: str
    modality: str
    reasons: frozenset[str]
    exceptions: frozenset[str]
    timing: frozenset[str]
    periods: tuple[Period, ...]
    start: int
    end: int
    in_lead_in: bool = False
    period_units: tuple[int, ...] = field(default=())  # other units that gave a period

    def periods_of(self, role: str) -> list[Period]:
        return [p for p in self.periods if p.role == role]

    def describe(self) -> str:
        """One line a rule author can read: who may do what, why, when, with what period."""
        parts = [f"{self.actor} {self.modality} {self.action}"]
        if self.reasons:
            parts.append("for " + ", ".join(sorted(self.reasons)))
        if self.exceptions:
            parts.append("except " + ", ".join(sorted(self.exceptions)))
        if self.timing:
            parts.append("timing " + ", ".join(sorted(self.timing)))
        for period in self.periods:
            parts.append(f"{period.role} {period.duration.iso}")
        return "; ".join(parts)


def read_provisions(
    units: list[Unit], parties: Parties, clause_of: dict[int, str | None], actions: frozenset[str] = VOCABULARY
) -> list[Provision]:
    """Every provision of a document whose action is one of `actions` (all unless told),
    in reading order. A provision is read from its own action words and the text around
    them, never from another action's, so asking for fewer actions gives exactly those
    provisions of the full reading: rules ask about a few actions, and reading what every
    action word of every sentence does is most of the rules stage."""
    lead_ins = {u.lead_unit for u in units if u.lead_unit is not None}
    index = ClauseIndex(units, clause_of)
    notice_rows = cache(lambda: notice_period_rows(units, parties))  # read only if a clause needs it
    out: list[Provision] = []
    for position, unit in enumerate(units):
        if unit.index in lead_ins or unit.is_heading or unit.text.rstrip().endswith("?"):
            continue  # a lead-in is read with each item it completes; a question grants nothing
        out.extend(_unit_provisions(unit, units, position, parties, index, notice_rows, actions))
    return _with_notice_procedures(out)


def _with_notice_procedures(provisions: list[Provision]) -> list[Provision]:
    """A clause that says how any ending is done ("Where the funding is withdrawn, at least
    three months' written notice will be given") sets the notice of every right to end
    that states none of its own; immediate rights keep none."""
    procedures = [p for p in provisions if _is_notice_procedure(p)]
    if not procedures:
        return provisions
    notice = min((period for p in procedures for period in p.periods_of("notice")), key=lambda x: x.duration.days)
    where = next(p.unit for p in procedures if notice in p.periods)
    out = []
    for provision in provisions:
        if (
            provision.action == "end"
            and provision.actor in _FUNDER_SIDE
            and not provision.periods_of("notice")
            and "immediate" not in provision.timing
            and not provision.reasons & DEFAULT_REASONS
        ):
            provision = _add_period(provision, notice, where)
        out.append(provision)
    return out


def _is_notice_procedure(provision: Provision) -> bool:
    return (
        provision.action == "end"
        and provision.actor in _FUNDER_SIDE
        and provision.modality in {"states", "will", "must"}
        and bool(provision.periods_of("notice"))
        and not provision.reasons & DEFAULT_REASONS
    )


def _unit_provisions(
    unit: Unit,
    units: list[Unit],
    position: int,
    parties: Parties,
    index: ClauseIndex,
    notice_rows: Callable[[], list[NoticeRow]],
    actions: frozenset[str],
) -> list[Provision]:
    found: dict[tuple[str, bool, int], Provision] = {}
    for in_lead_in, text, other in ((False, unit.text, unit.lead_in), (True, unit.lead_in, unit.text)):
        if not text:
            continue
        for mention in find_actions(text, actions):
            if _FAILED.search(text[max(0, mention.start - 25) : mention.start]):
                continue  # "if you fail to repay": the action is what went wrong, a condition
            seg_start, seg_end = _segment(text, mention.start)
            key = (mention.action, in_lead_in, mention.start)
            if key in found:
                continue
            segment = text[seg_start:seg_end]
            # the action's own words are not its reason ("withdrawal of the funding")
            own = (
                segment[: mention.start - seg_start]
                + " " * (mention.end - mention.start)
                + segment[mention.end - seg_start :]
            )
            own = _ASIDE.sub(lambda m: " " * len(m.group(0)), own)
            reasons, exceptions = reasons_of(own, other)
            reasons = reasons | _referenced_reasons(own + " " + other, index, unit)
            periods = tuple(find_periods(segment) + find_periods(other))
            timing = _timing(segment + " " + other)
            provision = Provision(
                unit=unit.index,
                action=mention.action,
                actor=_actor(text, mention.start, parties),
                modality=modality_before(text, mention.start),
                reasons=frozenset(reasons - ({"unconditional"} if reasons - {"unconditional"} else set())),
                exceptions=exceptions,
                timing=timing,
                periods=periods,
                start=mention.start,
                end=mention.end,
                in_lead_in=in_lead_in,
            )
            provision = _only_if(provision)
            if mention.action in _ACTS_ON_MONEY and not provision.periods_of("notice"):
                provision = _with_notice_from_elsewhere(provision, unit, units, position, notice_rows())
            found[key] = provision
    return list(found.values())


def _only_if(provision: Provision) -> Provision:
    """ "We will not withhold payment unless you have failed to follow the plan" grants
    the power on the exception's terms: may withhold, for that reason only."""
    if provision.modality not in {"will-not", "must-not"} or not provision.exceptions:
        return provision
    return Provision(
        **{**provision.__dict__, "modality": "may", "reasons": provision.exceptions, "exceptions": frozenset()}
    )


def _segment(text: str, position: int) -> tuple[int, int]:
    """The stretch of `text` between semicolons that holds `position`."""
    start = text.rfind(";", 0, position) + 1
    end = text.find(";", position)
    return start, len(text) if end < 0 else end


def _actor(text: str, position: int, parties: Parties) -> str:
    actor = parties.holder(text, position)
    if actor == UNKNOWN and _THIRD_PARTY.search(text[max(0, position - 60) : position]):
        return "third-party"
    return actor


def _timing(text: str) -> frozenset[str]:
    timing = set()
    if _IMMEDIATE.search(text):
        timing.add("immediate")
    if _AT_ANY_TIME.search(text):
        timing.add("at-any-time")
    if _ON_NOTICE.search(text):
        timing.add("on-notice")
    return frozenset(timing)


def _referenced_reasons(text: str, index: ClauseIndex, unit: Unit) -> set[str]:
    """The reasons of the clauses a provision refers to ("in the circumstances described
    in clause 11.3(c)")."""
    found: set[str] = set()
    for number in referenced_clauses(text):
        for other in index.units_of(number)[:12]:
            if other.index != unit.index:
                found |= classify(other.context_text)
    return found


def _with_notice_from_elsewhere(
    provision: Provision, unit: Unit, units: list[Unit], position: int, rows: list[NoticeRow]
) -> Provision:
    """Notice set by a defined period, or given in the next sentence of the paragraph."""
    defined = defined_notice_period(unit, rows)
    if defined is not None:
        duration, where = defined
        return _add_period(provision, Period(duration, "notice"), where.index)
    if provision.timing & {"immediate", "on-notice"}:
        return provision
    for follower in units[position + 1 : position + 3]:
        if follower.block != unit.block:
            break
        notices = [p for p in find_periods(follower.text) if p.role == "notice"]
        if notices:
            return _add_period(provision, min(notices, key=lambda p: p.duration.days), follower.index)
    return provision


def _add_period(provision: Provision, period: Period, where: int) -> Provision:
    return Provision(
        **{
            **provision.__dict__,
            "periods": (*provision.periods, period),
            "period_units": (*provision.period_units, where),
        }
    )
