"""The `when` of a decision: a small boolean language over what a rule found.

found / none: whether named `find` or `extract` entries have results;
all / any / not: combinations; shortest_at_least / largest_below: value thresholds
over an `extract` entry (durations unit by unit, sums of money).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

from agreement_check.nlp.durations import Duration, compare, parse_iso

Problems = list[tuple[tuple[Any, ...], str]]


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


CONDITION_KEYS = ("found", "none", "all", "any", "not", "shortest_at_least", "largest_below")


def compile_condition(spec: Any, path: tuple[Any, ...], known: set[str], problems: Problems) -> Condition | None:
    if not isinstance(spec, dict) or len(spec) != 1:
        problems.append((path, f"expected a mapping with one of {', '.join(CONDITION_KEYS)}"))
        return None
    ((key, value),) = spec.items()
    where = (*path, key)
    if key in {"found", "none"}:
        names = [value] if isinstance(value, str) else value
        if not isinstance(names, list) or not names:
            problems.append((where, "expected a name or a list of names"))
            return None
        for name in names:
            if name not in known:
                problems.append((where, f"no find or extract entry named {name!r}"))
        return Found(list(names), negate=key == "none")
    if key in {"all", "any"}:
        if not isinstance(value, list) or not value:
            problems.append((where, "expected a non-empty list of conditions"))
            return None
        parts = [compile_condition(v, (*where, i), known, problems) for i, v in enumerate(value)]
        return None if any(p is None for p in parts) else Combined(key, [p for p in parts if p])
    if key == "not":
        part = compile_condition(value, where, known, problems)
        return Combined("not", [part]) if part else None
    if key == "shortest_at_least":
        return _threshold(value, where, known, problems)
    if key == "largest_below":
        if not isinstance(value, dict) or set(value) != {"of", "amount"}:
            problems.append((where, "expected {of: NAME, amount: NUMBER}"))
            return None
        if value["of"] not in known:
            problems.append(((*where, "of"), f"no extract entry named {value['of']!r}"))
        return LargestBelow(value["of"], float(value["amount"]))
    problems.append((where, f"unknown condition (expected one of {', '.join(CONDITION_KEYS)})"))
    return None


def _threshold(value: Any, where: tuple[Any, ...], known: set[str], problems: Problems) -> Condition | None:
    if not isinstance(value, dict) or set(value) != {"of", "duration"}:
        problems.append((where, "expected {of: NAME, duration: ISO 8601 such as P6M}"))
        return None
    if value["of"] not in known:
        problems.append(((*where, "of"), f"no extract entry named {value['of']!r}"))
    try:
        threshold = parse_iso(str(value["duration"]))
    except ValueError as exc:
        problems.append(((*where, "duration"), f"bad duration: {exc}"))
        return None
    return ShortestAtLeast(value["of"], threshold)
