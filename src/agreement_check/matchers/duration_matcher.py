"""Periods of time that meet a threshold ("at least P6M", "under P1M")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from agreement_check.matchers.base import Hit
from agreement_check.nlp.durations import compare, find_durations, parse_iso

if TYPE_CHECKING:
    from agreement_check.nlp.context import DocumentContext


class DurationMatcher:
    def __init__(self, at_least: str | None = None, less_than: str | None = None) -> None:
        self._min = parse_iso(at_least) if at_least else None
        self._below = parse_iso(less_than) if less_than else None

    def hits(self, ctx: DocumentContext) -> list[Hit]:
        out = []
        for unit in ctx.units:
            for duration in find_durations(unit.text):
                if self._min is not None and compare(duration, self._min) < 0:
                    continue
                if self._below is not None and compare(duration, self._below) >= 0:
                    continue
                out.append(Hit(unit.index, duration.start, duration.end))
        return out
