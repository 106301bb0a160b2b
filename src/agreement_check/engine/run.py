"""Decide each rule of a pack for one document: the first decision whose condition
holds gives the status; its evidence, values and message come with it."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from agreement_check.matchers.base import Hit
from agreement_check.matchers.provision_query import provision_hit, selected_provisions
from agreement_check.model import Document
from agreement_check.nlp.calendar_spans import calendar_spans, start_and_end_rows
from agreement_check.nlp.components import COMPONENTS, Item
from agreement_check.nlp.context import DocumentContext
from agreement_check.nlp.durations import Duration, parse_iso
from agreement_check.nlp.own_words import in_own_words
from agreement_check.nlp.periods import find_periods
from agreement_check.report import Evidence, Finding
from agreement_check.ruleset.nodes import found
from agreement_check.ruleset.rule import Decision, Pack, Rule
from agreement_check.ruleset.schema import PeriodsExtract, ProvisionExtract

MAX_EVIDENCE = 3
MAX_QUOTE = 400


class RuleResults:
    """What one rule's `find` and `extract` entries found in a document, computed lazily."""

    def __init__(self, rule: Rule, ctx: DocumentContext) -> None:
        self.rule = rule
        self.ctx = ctx
        self._items: dict[str, list[Item]] = {}

    def hits(self, name: str) -> list[Hit]:
        if name in self.rule.extracts:
            return [Hit(i.unit, i.start, i.end) for i in self.items(name)]
        return self._found(name)

    def items(self, name: str) -> list[Item]:
        if name not in self._items:
            extract = self.rule.extracts[name]
            if isinstance(extract, ProvisionExtract):
                self._items[name] = self._period_items(extract)
            elif isinstance(extract, PeriodsExtract):
                self._items[name] = self._role_items(extract)
            else:
                key = f"component:{extract.component}"
                if key not in self.ctx.cache:
                    self.ctx.cache[key] = COMPONENTS[extract.component](self.ctx)
                self._items[name] = list(self.ctx.cache[key])  # type: ignore[call-overload]
        return self._items[name]

    def _role_items(self, extract: PeriodsExtract) -> list[Item]:
        """Periods of one role across the document, in the units the rule allows."""
        allowed = {h.unit for h in self._found(extract.within)} if extract.within else None
        blocked = {h.unit for h in self._found(extract.not_within)} if extract.not_within else set()
        items = []
        for unit in self.ctx.units:
            if (allowed is not None and unit.index not in allowed) or unit.index in blocked:
                continue
            for period in find_periods(unit.text):
                if period.role == extract.periods:
                    d = period.duration
                    items.append(Item(unit.index, d.start, d.end, duration=d))
            if extract.periods == "duration":
                items.extend(Item(unit.index, s.start, s.end, duration=s.duration) for s in calendar_spans(unit.text))
        rows = start_and_end_rows([u.text for u in self.ctx.units]) if extract.periods == "duration" else None
        if rows is not None:
            index, span = rows
            items.append(Item(index, span.start, span.end, duration=span.duration))
        return items

    def _period_items(self, extract: ProvisionExtract) -> list[Item]:
        """The shortest period of the asked role of each selected provision (or the
        `if_none` value for a provision that states none)."""
        items = []
        for provision in selected_provisions(self.rule.finds[extract.provisions], self.ctx):
            periods = provision.periods_of(extract.period)
            if periods:
                duration = min((p.duration for p in periods), key=lambda d: d.days)
            elif extract.if_none is not None:
                duration = parse_iso(extract.if_none)
            else:
                continue
            hit = provision_hit(provision, self.ctx)
            also = tuple(u for u in provision.period_units if u != hit.unit)
            items.append(Item(hit.unit, hit.start, hit.end, duration=duration, also=also))
        return items

    def _found(self, name: str) -> list[Hit]:
        """Hits of a `find` entry (never an extract: `within` names find entries only),
        from the memo that the entries referring to it by name share."""
        return found(self.rule.finds[name], self.ctx)

    def has(self, name: str) -> bool:
        return bool(self.hits(name))

    def durations(self, name: str) -> list[Duration]:
        return [i.duration for i in self.items(name) if i.duration is not None]

    def amounts(self, name: str) -> list[float]:
        return [i.amount for i in self.items(name) if i.amount is not None]


def check_document(document: Document, pack: Pack, ctx: DocumentContext | None = None) -> list[Finding]:
    """One finding per rule of the pack, in the pack's order."""
    ctx = ctx or DocumentContext(document)
    ctx.expect_actions(frozenset().union(*(rule.provision_actions for rule in pack.rules)))
    return [decide(rule, ctx) for rule in pack.rules]


def decide(rule: Rule, ctx: DocumentContext) -> Finding:
    """Run a rule's finds on the document and take the first decision whose condition holds."""
    results = RuleResults(rule, ctx)
    decision = next(d for d in rule.decisions if d.when is None or d.when.holds(results))
    names = decision.evidence if decision.evidence is not None else _default_evidence(decision)
    evidence = _evidence(results, names, ctx)
    values = {key: _value(spec, results) for key, spec in decision.values.items()}
    message = _message(rule, decision, values, evidence)
    return Finding(
        rule=rule.id,
        status=decision.status,
        severity=rule.spec.severity,
        message=message,
        reference=rule.spec.reference,
        evidence=tuple(evidence),
        values=values,
        suggestion=in_own_words(" ".join(rule.spec.suggestion.split()), ctx.party_names),
        edit=decision.edit,
        heading=message if decision.status == "not-applicable" and message else _heading(rule, decision.status),
    )


def _heading(rule: Rule, status: str) -> str:
    """The rule's heading for this status (gap_title, met_title, review_title), or its title."""
    spec = rule.spec
    by_status = {"gap": spec.gap_title, "met": spec.met_title, "review": spec.review_title}
    return by_status.get(status) or spec.title


def _default_evidence(decision: Decision) -> list[str]:
    """What the condition looked at, or else where the reported values come from."""
    if decision.when is not None:
        return decision.when.names()
    return [spec["from"] for spec in decision.values.values() if isinstance(spec, dict) and "from" in spec]


def _evidence(results: RuleResults, names: list[str], ctx: DocumentContext) -> list[Evidence]:
    units: list[int] = []
    for name in names:
        for hit in _ordered(results, name):
            if hit.unit not in units:
                units.append(hit.unit)
    body = [i for i in units if ctx.document.blocks[ctx.units[i].block].kind != "heading"]
    units = body or units  # quote the clause itself rather than its heading where there is one
    out = []
    for index in units[:MAX_EVIDENCE]:
        unit = ctx.units[index]
        text = unit.text if len(unit.text) <= MAX_QUOTE else unit.text[: MAX_QUOTE - 1] + "…"
        out.append(Evidence(text=text, location=ctx.document.blocks[unit.block].location))
    return out


def _ordered(results: RuleResults, name: str) -> list[Hit]:
    if name in results.rule.extracts:
        items = results.items(name)
        with_duration = [i for i in items if i.duration is not None]
        if with_duration:  # the decisive value first: the shortest notice, the period found
            items = sorted(with_duration, key=lambda i: i.duration.days if i.duration else 0)
        return [Hit(u, i.start, i.end) for i in items for u in (i.unit, *i.also)]
    return results.hits(name)


def _value(spec: Any, results: RuleResults) -> Any:
    if not isinstance(spec, dict):
        return spec
    durations = results.durations(spec["from"]) if "from" in spec else []
    amounts = results.amounts(spec["from"]) if "from" in spec else []
    take = spec.get("take", "shortest")
    field = spec.get("field", "iso")
    if field == "amount":
        return (max(amounts) if take == "largest" else amounts[0]) if amounts else None
    if not durations:
        return None
    chosen = (
        {"shortest": min, "longest": max}.get(take, min)(durations, key=lambda d: d.days)
        if take != "first"
        else durations[0]
    )
    return chosen.iso if field == "iso" else chosen.days


def _message(rule: Rule, decision: Decision, values: dict[str, Any], evidence: list[Evidence]) -> str:
    template = rule.spec.messages.get(decision.message or decision.status, "")
    fields: dict[str, Any] = defaultdict(str, values)
    if evidence:
        fields["where"] = evidence[0].location.describe()
        fields["quote"] = evidence[0].text
    for key in ("notice_days",):
        if key in values and values[key] is not None:
            fields["notice_words"] = _days_in_words(values[key], values.get("notice"))
    return " ".join(template.format_map(fields).split())


def _days_in_words(days: int, iso: str | None) -> str:
    """'1 month's notice', '26 weeks' notice', 'no set period of notice'."""
    if days == 0:
        return "no set period of notice"
    unit_names = {"M": "month", "W": "week", "Y": "year", "D": "day"}
    if iso and iso[-1] in unit_names and iso[1:-1].isdigit():
        n = int(iso[1:-1])
        return f"{n} {unit_names[iso[-1]]}{'s' if n != 1 else ''}{'’' if n != 1 else '’s'} notice"
    return f"{days} days’ notice"
