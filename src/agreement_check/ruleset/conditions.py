"""The `when` of a decision: a small boolean language over what a rule found.

found / none: whether named `find` or `extract` entries have results;
all / any / not: combinations; shortest_at_least / largest_below: value thresholds
over an `extract` entry (durations unit by unit, sums of money).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from agreement_check.nlp.durations import Duration, compare, parse_iso
from agreement_check.ruleset.decide_schema import (
    AllCondition,
    AnyCondition,
    FoundCondition,
    LargestBelowCondition,
    NoneCondition,
    NotCondition,
    ShortestAtLeastCondition,
)
from agreement_check.ruleset.decide_schema import Condition as ConditionSpec


class Results(Protocol):
    def has(self, name: str) -> bool: ...
    def durations(self, name: str) -> list[Duration]: ...
    def amounts(self, name: str) -> list[float]: ...


class Condition:
    def holds(self, results: Results) -> bool:
        raise NotImplementedError

    def names(self) -> list[str]:
        return []


@dataclass
class Found(Condition):
    items: list[str]
    negate: bool = False

    def holds(self, results: Results) -> bool:
        present = (
            all(results.has(n) for n in self.items) if not self.negate else not any(results.has(n) for n in self.items)
        )
        return present

    def names(self) -> list[str]:
        return [] if self.negate else list(self.items)


@dataclass
class Combined(Condition):
    kind: str
    parts: list[Condition]

    def holds(self, results: Results) -> bool:
        if self.kind == "all":
            return all(p.holds(results) for p in self.parts)
        if self.kind == "any":
            return any(p.holds(results) for p in self.parts)
        return not self.parts[0].holds(results)

    def names(self) -> list[str]:
        if self.kind == "not":
            return []
        return [n for p in self.parts for n in p.names()]


@dataclass
class ShortestAtLeast(Condition):
    of: str
    threshold: Duration

    def holds(self, results: Results) -> bool:
        found = results.durations(self.of)
        return bool(found) and compare(min(found, key=lambda d: d.days), self.threshold) >= 0

    def names(self) -> list[str]:
        return [self.of]


@dataclass
class LargestBelow(Condition):
    of: str
    amount: float

    def holds(self, results: Results) -> bool:
        found = results.amounts(self.of)
        return not found or max(found) < self.amount

    def names(self) -> list[str]:
        return [self.of]


def compile_condition(spec: ConditionSpec) -> Condition:
    """A validated `when` as a condition the engine evaluates."""
    if isinstance(spec, (FoundCondition, NoneCondition)):
        names = spec.found if isinstance(spec, FoundCondition) else spec.none
        return Found([names] if isinstance(names, str) else list(names), negate=isinstance(spec, NoneCondition))
    if isinstance(spec, AllCondition):
        return Combined("all", [compile_condition(p) for p in spec.all])
    if isinstance(spec, AnyCondition):
        return Combined("any", [compile_condition(p) for p in spec.any])
    if isinstance(spec, NotCondition):
        return Combined("not", [compile_condition(spec.not_)])
    if isinstance(spec, ShortestAtLeastCondition):
        return ShortestAtLeast(spec.shortest_at_least.of, parse_iso(spec.shortest_at_least.duration))
    if isinstance(spec, LargestBelowCondition):
        return LargestBelow(spec.largest_below.of, spec.largest_below.amount)
    raise TypeError(f"not a condition: {spec!r}")
