"""Composition of matchers: all / any / not, within one sentence, block, section or the
whole document, or a window of N words; and scoping by heading and by negation.

A node finds hits over the whole document, so that "all of these within one clause"
and "anywhere but the definitions" are expressed in the rule file, not in Python.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from agreement_check.matchers.base import Hit, Matcher
from agreement_check.nlp.negation import is_negated

if TYPE_CHECKING:
    from agreement_check.nlp.context import DocumentContext
    from agreement_check.nlp.units import Unit


class Node:
    def find(self, ctx: DocumentContext) -> list[Hit]:
        raise NotImplementedError


@dataclass
class Leaf(Node):
    """One matcher, applied to every unit of the document."""

    matcher: Matcher

    def find(self, ctx: DocumentContext) -> list[Hit]:
        return self.matcher.hits(ctx)


@dataclass
class Filtered(Node):
    """Keeps the hits of any node that are (or are not) negated where they stand, that are
    (or are not) in the text of a heading, and that lie under (or outside) the named headings."""

    child: Node
    negated: bool | None = None
    in_heading: bool | None = None
    headings: list[re.Pattern[str]] = field(default_factory=list)
    not_headings: list[re.Pattern[str]] = field(default_factory=list)

    def find(self, ctx: DocumentContext) -> list[Hit]:
        out = []
        for hit in self.child.find(ctx):
            unit = ctx.units[hit.unit]
            if not in_scope(unit, self.headings, self.not_headings):
                continue
            if self.in_heading is not None and unit.is_heading != self.in_heading:
                continue
            if self.negated is None or is_negated(unit.text, hit.start, hit.end, unit.lead_in) == self.negated:
                out.append(hit)
        return out


def in_scope(unit: Unit, headings: list[re.Pattern[str]], not_headings: list[re.Pattern[str]]) -> bool:
    """Whether a unit's heading path matches the headings a find is limited to and none it excludes."""
    path = " / ".join(unit.heading)
    if headings and not any(p.search(path) for p in headings):
        return False
    return not any(p.search(path) for p in not_headings)


@dataclass
class Any(Node):
    children: list[Node]

    def find(self, ctx: DocumentContext) -> list[Hit]:
        hits: list[Hit] = []
        for child in self.children:
            hits.extend(child.find(ctx))
        return _unique(hits)


@dataclass
class Not(Node):
    """Inside `all`: the group must not contain this. Alone: matches nothing itself."""

    child: Node

    def find(self, ctx: DocumentContext) -> list[Hit]:
        return []


@dataclass
class All(Node):
    children: list[Node]
    within: str = "sentence"
    window: int | None = None

    def find(self, ctx: DocumentContext) -> list[Hit]:
        positive = [c for c in self.children if not isinstance(c, Not)]
        negative = [c.child for c in self.children if isinstance(c, Not)]
        key = _grouping(self.within, ctx)
        per_child = [_group(child.find(ctx), key) for child in positive]
        blocked = set()
        for child in negative:
            blocked |= set(_group(child.find(ctx), key))
        out: list[Hit] = []
        groups = set(per_child[0]) if per_child else set()
        for grouped in per_child[1:]:
            groups &= set(grouped)
        for group in sorted(groups, key=str):
            if group in blocked:
                continue
            hits = [h for grouped in per_child for h in grouped[group]]
            if self.window is None or _within_window(per_child, group, self.window, ctx):
                out.extend(hits)
        return _unique(out)


def _grouping(within: str, ctx: DocumentContext) -> Callable[[Hit], Hashable]:
    """An enumerated item belongs with the lead-in sentence it completes ("The Council may
    withhold payment if:" ... "(b) the Recipient breaches these terms")."""

    def sentence(hit: Hit) -> int:
        unit = ctx.units[hit.unit]
        return unit.lead_unit if unit.lead_unit is not None else unit.index

    if within == "sentence":
        return sentence
    if within == "block":
        return lambda hit: ctx.units[sentence(hit)].block
    if within == "section":
        return lambda hit: ctx.units[hit.unit].heading
    return lambda hit: 0


def _group(hits: list[Hit], key: Callable[[Hit], Hashable]) -> dict[Hashable, list[Hit]]:
    grouped: dict[Hashable, list[Hit]] = defaultdict(list)
    for hit in hits:
        grouped[key(hit)].append(hit)
    return grouped


def _within_window(
    per_child: list[dict[Hashable, list[Hit]]], group: Hashable, window: int, ctx: DocumentContext
) -> bool:
    anchors = per_child[0][group]
    for anchor in anchors:
        if all(any(_distance(anchor, other, ctx) <= window for other in grouped[group]) for grouped in per_child[1:]):
            return True
    return False


def _distance(a: Hit, b: Hit, ctx: DocumentContext) -> int:
    """Words between two hits in the same unit (a large number across units)."""
    if a.unit != b.unit:
        return 10**6
    text = ctx.units[a.unit].text
    lo, hi = (a, b) if a.start <= b.start else (b, a)
    return len(text[lo.end : hi.start].split())


def _unique(hits: list[Hit]) -> list[Hit]:
    return sorted(set(hits), key=lambda h: (h.unit, h.start, h.end))
