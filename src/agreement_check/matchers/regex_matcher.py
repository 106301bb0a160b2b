"""Regular expressions from rule files, run over the whole document with a time limit.

A rule file is user input: a pattern such as `(a+)+$` backtracks for ever on a long run
of "a"s. The `regex` module stops a search after a timeout; a pattern that times out is
reported as a warning on the document, never a hang. A match that runs across two units
is searched again within each of them, so running over the whole text never changes
what a pattern finds in a sentence.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex

from agreement_check.matchers.base import Hit, hits_from_spans

if TYPE_CHECKING:
    from agreement_check.nlp.context import DocumentContext

SECONDS_PER_MB = 2.0
MIN_SECONDS = 0.25


def compile_pattern(pattern: str) -> regex.Pattern[str]:
    """Compile case-insensitively; raises regex.error with the reason for a bad pattern."""
    return regex.compile(pattern, regex.IGNORECASE | regex.VERSION1)


class RegexMatcher:
    def __init__(self, patterns: list[str]) -> None:
        self._patterns = [compile_pattern(p) for p in patterns]

    def hits(self, ctx: DocumentContext) -> list[Hit]:
        budget = max(MIN_SECONDS, len(ctx.text) / 1e6 * SECONDS_PER_MB)
        out: list[Hit] = []
        for pattern in self._patterns:
            try:
                out.extend(self._search(pattern, ctx, budget))
            except TimeoutError:
                ctx.warn(f"a pattern took too long on this document and was skipped: {pattern.pattern[:60]}")
        return out

    def _search(self, pattern: regex.Pattern[str], ctx: DocumentContext, budget: float) -> list[Hit]:
        spans, across = [], []
        for match in pattern.finditer(ctx.text, timeout=budget):
            if match.end() <= match.start():
                continue
            if ctx.locate(match.start(), match.end()) is None:
                across.append(match.start())
            else:
                spans.append((match.start(), match.end()))
        hits = hits_from_spans(ctx, spans)
        for start in across:  # look again inside the units the long match touched
            first = ctx.locate(start, start)
            for index in range(first[0] if first else 0, min(len(ctx.units), (first[0] if first else 0) + 3)):
                for m in pattern.finditer(ctx.units[index].text, timeout=budget):
                    if m.end() > m.start():
                        hits.append(Hit(index, m.start(), m.end()))
        return sorted(set(hits), key=lambda h: (h.unit, h.start))
