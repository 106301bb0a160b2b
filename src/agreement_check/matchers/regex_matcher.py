"""Regular expressions from rule files, run over the whole document with a time limit.

A rule file is user input: a pattern such as `(a+)+$` backtracks for ever on a long run
of "a"s. The `regex` module stops a search after a timeout; a pattern that times out is
reported as a warning on the document, never a hang. A match that runs across two units
is searched again within each of them, so running over the whole text never changes
what a pattern finds in a sentence.

The engine is tried only where a pattern can match (`prefilter.py`): not at all in a
document without any of the literals it cannot match without; where every match starts
with one of a few literals, only at the offsets where one does; otherwise only from the
start of each unit that contains one to the end of the unit after it (a match within a
unit needs its literal in that unit; a match that runs into the next unit is found, and
searched again within units, as before), or over the whole text when those units cover
most of it. Which of these is cheapest is estimated from how often the literals occur
(counted once a document each), before any offset is listed. Every search runs over the document text itself, so lookarounds and `\b`
see the text around as they would over the whole text. A document's hits for one
pattern are kept, so a pattern that several rules share runs once.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import TYPE_CHECKING

import regex

from agreement_check.matchers.base import Hit
from agreement_check.matchers.prefilter import DocumentIndex, leading_literals, required_literals, windows

if TYPE_CHECKING:
    from agreement_check.nlp.context import DocumentContext

SECONDS_PER_MB = 2.0
MIN_SECONDS = 0.25
AFTER_UNITS = 1  # searched after a candidate unit, for matches that run into the next unit
CHARS_PER_TRY = 15  # one try at an offset costs about what a search over this many characters does (measured)
WHOLE_TEXT_SHARE = 0.6  # above this share of the text in windows, one search over all of it


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
            key = f"regex:{pattern.pattern}"
            if key not in ctx.cache:
                try:
                    ctx.cache[key] = self._search(pattern, ctx, budget)
                except TimeoutError:
                    ctx.cache[key] = []
                    ctx.warn(f"a pattern took too long on this document and was skipped: {pattern.pattern[:60]}")
            out.extend(ctx.cache[key])  # type: ignore[arg-type]
        return out

    def _search(self, pattern: regex.Pattern[str], ctx: DocumentContext, budget: float) -> list[Hit]:
        hits: list[Hit] = []
        across = []
        for match in _matches(pattern, ctx, budget):
            if match.end() <= match.start():
                continue
            found = ctx.locate(match.start(), match.end())
            if found is None:
                across.append(match.start())
            elif ctx.units[found[0]].text:
                hits.append(Hit(*found))
        for start in across:  # look again inside the units the long match touched
            first = ctx.locate(start, start)
            for index in range(first[0] if first else 0, min(len(ctx.units), (first[0] if first else 0) + 3)):
                for m in pattern.finditer(ctx.units[index].text, timeout=budget):
                    if m.end() > m.start():
                        hits.append(Hit(index, m.start(), m.end()))
        return sorted(set(hits), key=lambda h: (h.unit, h.start))


def _matches(pattern: regex.Pattern[str], ctx: DocumentContext, budget: float) -> Iterator[regex.Match[str]]:
    """What `pattern.finditer(ctx.text)` finds, trying it only where it can match."""
    index = _index(ctx)
    required = required_literals(pattern.pattern) if index.usable else None
    if required is None:
        yield from pattern.finditer(ctx.text, timeout=budget)
        return
    holding = index.count(required, cap=len(ctx.units) // 2)
    if not holding:
        return  # every match holds one of these literals, and the document holds none
    yield from _search_where(pattern, ctx, index, required, holding, budget)


def _search_where(
    pattern: regex.Pattern[str],
    ctx: DocumentContext,
    index: DocumentIndex,
    required: frozenset[str],
    holding: int,
    budget: float,
) -> Iterator[regex.Match[str]]:
    """The cheapest of three equivalent searches, by an estimate made from literal counts
    alone: tries at the offsets of the leading literals, a search of the units holding a
    required literal (each occurrence opens at most two units), or the whole text."""
    text = ctx.text
    windows_cost = min(len(text), holding * 2 * (len(text) // max(1, len(ctx.units)) + 1))
    leading = leading_literals(pattern.pattern)
    if leading is not None and index.count(leading, cap=windows_cost // CHARS_PER_TRY) * CHARS_PER_TRY <= windows_cost:
        yield from _anchored(pattern, text, index.starts_of(leading), budget)
        return
    regions = [(0, len(text))]
    if windows_cost < len(text):
        runs = windows(index.units_with(required), len(ctx.units), 0, AFTER_UNITS)
        regions = [(ctx.starts[first], _end_of(ctx, last)) for first, last in runs]
        if sum(end - start for start, end in regions) > WHOLE_TEXT_SHARE * len(text):
            regions = [(0, len(text))]
    for pos, endpos in regions:
        yield from pattern.finditer(text, pos, endpos, timeout=budget)


def _anchored(pattern: regex.Pattern[str], text: str, starts: list[int], budget: float) -> Iterator[regex.Match[str]]:
    """finditer's matches when every match starts at one of `starts`: a search tries each
    offset in turn and resumes after a match, so trying those offsets in turn is the same.

    Each try has the search's time limit; the tries together stop after `budget` seconds
    of this process's CPU time (not wall time, which a busy machine stretches: the whole
    search is one call to the engine, these tries are many)."""
    deadline = time.process_time() + budget
    resume = 0
    for at in starts:
        if at < resume:
            continue
        match = pattern.match(text, at, timeout=budget)
        if match is not None and match.end() > match.start():
            resume = match.end()
            yield match
        if time.process_time() > deadline:
            raise TimeoutError


def _index(ctx: DocumentContext) -> DocumentIndex:
    index = ctx.cache.get("prefilter:index")
    if not isinstance(index, DocumentIndex):
        index = ctx.cache["prefilter:index"] = DocumentIndex(ctx.text, ctx.starts)
    return index


def _end_of(ctx: DocumentContext, last: int) -> int:
    """Where the window ending with unit `last` stops: after the following unit's separator."""
    return ctx.starts[last + 1] if last + 1 < len(ctx.units) else len(ctx.text)
