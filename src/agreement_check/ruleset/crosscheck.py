"""Every name a rule uses is defined: checked when the rule loads, not when a document
is checked (where a typo would make every document fail, or a check silently pass).

Names used in `find` (other entries), `extract` (`provisions`, `within`, `not_within`),
`decide` (`when`, `values.*.from`, `evidence`, `message`, the {fields} of its message)
and the `values` of `examples` are looked up in what the rule defines. The checks run on
whatever parts of a file passed the schema, so one run lists every mistake.
"""

from __future__ import annotations

import difflib
import string
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, TypeVar

from pydantic import TypeAdapter, ValidationError

from agreement_check.ruleset.decide_schema import (
    AllCondition,
    AnyCondition,
    Condition,
    FoundCondition,
    LargestBelowCondition,
    NoneCondition,
    NotCondition,
    Outcome,
    ShortestAtLeastCondition,
    ValueFrom,
)
from agreement_check.ruleset.find_schema import AllEntry, AnyEntry, FindEntry, NotEntry, RefEntry
from agreement_check.ruleset.schema import Example, Extract, PeriodsExtract, ProvisionExtract, RuleSpec

KeyPath = tuple[Any, ...]
Problems = list[tuple[KeyPath, str]]
T = TypeVar("T")

MESSAGE_FIELDS = {"where": None, "quote": None, "notice_words": "notice_days"}
"""{fields} the engine fills in a message besides the decision's values, with the value
each needs (engine/run.py `_message`)."""


@dataclass(frozen=True)
class RuleParts:
    """What the cross-checks read. A section is None when it is malformed (its problem is
    reported already; nothing is checked against it); an entry is None when it failed
    the schema (its name is still defined)."""

    finds: dict[str, FindEntry | None] | None
    extracts: dict[str, Extract | None] | None
    messages: dict[str, str] | None
    decide: list[Outcome | None] | None
    examples: list[Example | None] | None

    @classmethod
    def of_spec(cls, spec: RuleSpec) -> RuleParts:
        return cls(dict(spec.find), dict(spec.extract), dict(spec.messages), list(spec.decide), list(spec.examples))

    @classmethod
    def of_data(cls, data: dict[str, Any]) -> RuleParts:
        """The parts of a file that failed the schema, each entry validated on its own."""
        messages = data.get("messages")
        return cls(
            _mapping(_FIND, data.get("find", {})),
            _mapping(_EXTRACT, data.get("extract", {})),
            {str(k): str(v) for k, v in messages.items()} if isinstance(messages, dict) else None,
            [_outcome(d) for d in data["decide"]] if isinstance(data.get("decide"), list) else None,
            _sequence(_EXAMPLE, data.get("examples")),
        )


_FIND: TypeAdapter[FindEntry] = TypeAdapter(FindEntry)
_EXTRACT: TypeAdapter[Extract] = TypeAdapter(Extract)
_OUTCOME_FIELDS = {key: TypeAdapter(info.rebuild_annotation()) for key, info in Outcome.model_fields.items()}
_EXAMPLE = TypeAdapter(Example)


def _valid(adapter: TypeAdapter[T], value: Any) -> T | None:
    try:
        return adapter.validate_python(value)
    except ValidationError:
        return None


def _outcome(value: Any) -> Outcome | None:
    """A decision, or as much of it as is valid: a mistake in its `values` must not hide
    an undefined name in its `when`."""
    if not isinstance(value, dict):
        return None
    try:
        return Outcome.model_validate(value)
    except ValidationError:
        pass
    valid = {k: _valid(adapter, value[k]) for k, adapter in _OUTCOME_FIELDS.items() if k in value}
    fields = {k: v for k, v in valid.items() if v is not None}
    return Outcome.model_construct(**fields) if "status" in fields else None


def _mapping(adapter: TypeAdapter[T], value: Any) -> dict[str, T | None] | None:
    return {str(k): _valid(adapter, v) for k, v in value.items()} if isinstance(value, dict) else None


def _sequence(adapter: TypeAdapter[T], value: Any) -> list[T | None] | None:
    return [_valid(adapter, v) for v in value] if isinstance(value, list) else None


def check_names(parts: RuleParts) -> Problems:
    """Every use of an undefined name, and the decisions that cannot work as written."""
    problems: Problems = []
    lookup = _Lookup(parts, problems)
    for name, entry in (parts.finds or {}).items():
        for ref, where in find_refs(entry, ("find", name)):
            lookup.use(ref, where, "find")
    _check_cycles(parts.finds or {}, problems)
    for name, extract in (parts.extracts or {}).items():
        if name in (parts.finds or {}):
            problems.append((("extract", name), "the name of a find entry too; give it a name of its own"))
        for key in ("provisions", "within", "not_within"):
            wanted = getattr(extract, key, None) if isinstance(extract, (ProvisionExtract, PeriodsExtract)) else None
            if wanted is not None:
                lookup.use(wanted, ("extract", name, key), "find")
    for i, outcome in enumerate(parts.decide or []):
        if outcome is not None:
            _check_outcome(outcome, ("decide", i), lookup, parts.messages, problems)
    _check_templates(parts.messages or {}, problems)
    _check_decide_order(parts.decide or [], problems)
    _check_example_values(parts, problems)
    return problems


class _Lookup:
    """Looks names up in the sections that may define them, with a hint for a near miss."""

    def __init__(self, parts: RuleParts, problems: Problems) -> None:
        self.defined = {
            "find": set(parts.finds) if parts.finds is not None else None,
            "extract": set(parts.extracts) if parts.extracts is not None else None,
            "message": set(parts.messages) if parts.messages is not None else None,
        }
        self.problems = problems

    def use(self, name: str, where: KeyPath, *kinds: str) -> None:
        sections = [self.defined[k] for k in kinds]
        if any(s is None or name in s for s in sections):
            return
        message = f"no {' or '.join(kinds)} {'entry ' if 'message' not in kinds else ''}named {name!r}"
        others = [k for k in ("find", "extract") if k not in kinds and name in (self.defined[k] or ())]
        candidates = sorted({n for s in sections for n in s or ()})
        close = difflib.get_close_matches(name, candidates, n=1)
        if others:
            message += f" ({name!r} is {'an' if others[0] == 'extract' else 'a'} {others[0]} entry)"
        elif close:
            message += f"; did you mean {close[0]!r}?"
        self.problems.append((where, message))


def find_refs(entry: FindEntry | None, where: KeyPath) -> Iterator[tuple[str, KeyPath]]:
    """The names of other find entries an entry refers to, with where each stands."""
    if isinstance(entry, str):
        yield entry, where
    elif isinstance(entry, RefEntry):
        yield entry.ref, (*where, "ref")
    elif isinstance(entry, AllEntry):
        for i, child in enumerate(entry.all):
            yield from find_refs(child, (*where, "all", i))
    elif isinstance(entry, AnyEntry):
        for i, child in enumerate(entry.any):
            yield from find_refs(child, (*where, "any", i))
    elif isinstance(entry, NotEntry):
        yield from find_refs(entry.not_, (*where, "not"))


def _check_cycles(finds: dict[str, FindEntry | None], problems: Problems) -> None:
    graph = {name: [ref for ref, _ in find_refs(entry, ())] for name, entry in finds.items()}
    for name in graph:
        trail = _path_back(graph, name, [name])
        if trail:
            problems.append((("find", name), f"refers to itself ({' -> '.join(trail)})"))


def _path_back(graph: dict[str, list[str]], start: str, trail: list[str]) -> list[str] | None:
    for ref in graph.get(trail[-1], []):
        if ref == start:
            return [*trail, ref]
        if ref not in trail:
            found = _path_back(graph, start, [*trail, ref])
            if found:
                return found
    return None


def _check_outcome(
    outcome: Outcome, where: KeyPath, lookup: _Lookup, messages: dict[str, str] | None, problems: Problems
) -> None:
    if outcome.when is not None:
        for name, place, kinds in condition_names(outcome.when, (*where, "when")):
            lookup.use(name, place, *kinds)
    for key, value in outcome.values.items():
        if isinstance(value, ValueFrom):
            lookup.use(value.from_, (*where, "values", key, "from"), "extract")
    for i, name in enumerate(outcome.evidence or []):
        lookup.use(name, (*where, "evidence", i), "find", "extract")
    if outcome.message is not None:
        lookup.use(outcome.message, (*where, "message"), "message")
    elif messages is not None and outcome.status not in messages:
        problems.append(((*where, "status"), f"no message for status {outcome.status!r}"))
    template = (messages or {}).get(outcome.message or outcome.status)
    if template is not None:
        _check_fields(template, outcome, where, problems)


def condition_names(condition: Condition, where: KeyPath) -> Iterator[tuple[str, KeyPath, tuple[str, ...]]]:
    """Each name a condition uses, where it stands, and the sections that may define it."""
    if isinstance(condition, (FoundCondition, NoneCondition)):
        key = "found" if isinstance(condition, FoundCondition) else "none"
        names = condition.found if isinstance(condition, FoundCondition) else condition.none
        if isinstance(names, str):
            yield names, (*where, key), ("find", "extract")
        else:
            yield from ((n, (*where, key, i), ("find", "extract")) for i, n in enumerate(names))
    elif isinstance(condition, (AllCondition, AnyCondition)):
        key = "all" if isinstance(condition, AllCondition) else "any"
        parts = condition.all if isinstance(condition, AllCondition) else condition.any
        for i, part in enumerate(parts):
            yield from condition_names(part, (*where, key, i))
    elif isinstance(condition, NotCondition):
        yield from condition_names(condition.not_, (*where, "not"))
    elif isinstance(condition, ShortestAtLeastCondition):
        yield condition.shortest_at_least.of, (*where, "shortest_at_least", "of"), ("extract",)
    elif isinstance(condition, LargestBelowCondition):
        yield condition.largest_below.of, (*where, "largest_below", "of"), ("extract",)


def _template_fields(template: str) -> set[str]:
    """The {fields} of a message template; ValueError if it is not a valid template."""
    fields = set()
    for _, name, _, _ in string.Formatter().parse(template):
        if name is not None:
            base = name.split(".")[0].split("[")[0]
            if not base or base.isdigit():
                raise ValueError("use named fields such as {where}, not {} or {0}")
            fields.add(base)
    return fields


def _check_templates(messages: dict[str, str], problems: Problems) -> None:
    for key, template in messages.items():
        try:
            _template_fields(template)
        except ValueError as exc:
            problems.append((("messages", key), f"bad message template: {exc}"))


def _check_fields(template: str, outcome: Outcome, where: KeyPath, problems: Problems) -> None:
    try:
        fields = _template_fields(template)
    except ValueError:
        return  # reported against the message itself
    reported = set(outcome.values) | {
        k for k, needs in MESSAGE_FIELDS.items() if needs is None or needs in outcome.values
    }
    for field in sorted(fields - reported):
        name = outcome.message or outcome.status
        problems.append((where, f"message {name!r} uses {{{field}}}, which this decision does not report"))


def _check_decide_order(decide: list[Outcome | None], problems: Problems) -> None:
    if decide and decide[-1] is not None and decide[-1].when is not None:
        problems.append((("decide",), "the last decision must have no `when` (it is the default)"))


def _check_example_values(parts: RuleParts, problems: Problems) -> None:
    """An example can only expect values that a decision of its status reports."""
    decisions = [d for d in parts.decide or [] if d is not None]
    for i, example in enumerate(parts.examples or []):
        if example is None or not example.values:
            continue
        reported = {k for d in decisions if d.status == example.status for k in d.values}
        if not any(d.status == example.status for d in decisions):
            continue
        for key in example.values:
            if key not in reported:
                problems.append(
                    (("examples", i, "values", key), f"no {example.status} decision reports a value named {key!r}")
                )
