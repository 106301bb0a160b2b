"""Literal prefilters for rule patterns: the words a pattern cannot match without.

Most rule patterns are alternations of words (`\\b(?:quorum|quorate|casting\\s+vote)\\b`).
Run over a whole agreement, the regular-expression engine tries every alternative at
every character, about 20 ms a megabyte for each pattern, while looking for a plain
word in the text costs almost nothing. So each pattern is read once for a set of
literals such that every match contains at least one of them, and where it can be known,
one of them at its start: a document containing none of them cannot match, a pattern
whose matches start with one is tried only where one does, and any other is run only
over the units that contain one.

The literals are a necessary condition, never a guess: where the pattern's structure is
not understood (a construct of the `regex` module that the standard parser reads
differently, a lookaround, a character class), that part contributes no literal, and a
pattern with no required literal is run over the whole text as before. Text and literals
are compared case-folded, as the pattern's case-insensitive matching compares them.
"""

from __future__ import annotations

import importlib
import re
import sys
from bisect import bisect_right
from collections.abc import Callable
from functools import lru_cache
from typing import Any

# the standard library's own pattern parser (private, renamed in Python 3.11)
_NEW_NAMES = sys.version_info >= (3, 11)
_c: Any = importlib.import_module("re._constants" if _NEW_NAMES else "sre_constants")
_p: Any = importlib.import_module("re._parser" if _NEW_NAMES else "sre_parse")

MIN_LITERAL = 2  # a one-letter literal prefilters nothing
_UNSAFE = frozenset("{}[]")  # the regex module reads these differently (fuzzy and set syntax)
_ATOMIC = getattr(_c, "ATOMIC_GROUP", object())
_ZERO_WIDTH = (_c.AT, _c.ASSERT, _c.ASSERT_NOT)
_REPEATS = tuple(op for op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)) if op is not None)


@lru_cache(maxsize=1024)
def required_literals(pattern: str) -> frozenset[str] | None:
    """Case-folded strings, one of which every match of `pattern` contains; None when no
    such set is known (the pattern must then run everywhere)."""
    return _checked(_sequence(items) if (items := _parsed(pattern)) is not None else None)


@lru_cache(maxsize=1024)
def leading_literals(pattern: str) -> frozenset[str] | None:
    """Case-folded ASCII strings, one of which every match of `pattern` starts with (after
    zero-width assertions such as `\\b`); None when no such set is known."""
    found = _checked(_leading(items) if (items := _parsed(pattern)) is not None else None)
    return found if found is not None and all(s.isascii() for s in found) else None


def _parsed(pattern: str) -> list[tuple[Any, Any]] | None:
    if "[[" in pattern:
        return None
    try:
        return list(_p.parse(pattern, re.IGNORECASE))
    except Exception:  # anything the standard parser refuses is simply not prefiltered
        return None


def _checked(found: set[str] | None) -> frozenset[str] | None:
    if not found or any(_UNSAFE & set(s) or len(s) < MIN_LITERAL for s in found):
        return None
    return frozenset(found)


def _sequence(items: list[tuple[Any, Any]]) -> set[str] | None:
    """The best required set of a sequence: runs of literals, or one element's own set."""
    options: list[set[str]] = []
    run: list[str] = []
    for op, arg in items:
        if op is _c.LITERAL:
            run.append(chr(arg))
            continue
        if run:
            options.append({"".join(run).casefold()})
            run = []
        found = _element(op, arg)
        if found:
            options.append(found)
    if run:
        options.append({"".join(run).casefold()})
    return max(options, key=_strength) if options else None


def _leading(items: list[tuple[Any, Any]]) -> set[str] | None:
    """What every match of a sequence starts with: its first run of literals, or the
    leading set of its first element that consumes text."""
    run: list[str] = []
    for position, (op, arg) in enumerate(items):
        if op is _c.LITERAL:
            run.append(chr(arg))
            continue
        if run:
            break
        if op in _ZERO_WIDTH:
            continue
        if op in _REPEATS and arg[0] == 0:  # optional ("(?:will\s+)?not"): a match starts with it or with what follows
            own, rest = _leading(list(arg[2])), _leading(items[position + 1 :])
            return own | rest if own and rest else None
        return _first(op, arg)
    return {"".join(run).casefold()} if run else None


def _first(op: Any, arg: Any) -> set[str] | None:
    return _through(op, arg, _leading, atomic=False)


def _strength(option: set[str]) -> tuple[int, int]:
    """Longer shortest literal first (fewer false candidates), then fewer literals."""
    return (min(len(s) for s in option), -len(option))


def _element(op: Any, arg: Any) -> set[str] | None:
    return _through(op, arg, _sequence, atomic=True)


def _through(op: Any, arg: Any, inner: Callable[[list[Any]], set[str] | None], *, atomic: bool) -> set[str] | None:
    """The literals `inner` finds inside a group, a repeat taken at least once or every
    branch of an alternation; None where there is no literal every match must contain."""
    if op is _c.SUBPATTERN:
        return inner(list(arg[-1]))
    if atomic and op is _ATOMIC:
        return inner(list(arg))
    if op in _REPEATS:
        low, _high, item = arg
        return inner(list(item)) if low >= 1 else None
    if op is _c.BRANCH:
        union: set[str] = set()
        for branch in arg[1]:
            found = inner(list(branch))
            if not found:
                return None
            union |= found
        return union
    return None  # classes, categories, anchors, lookarounds, back-references: no literal


class DocumentIndex:
    """Where literals occur in a document's text, compared case-folded.

    Used only where case folding keeps every character one character long (no "ß", no
    ligature, no dotted capital I), so that a position in the folded text is the same
    position in the document text; `usable` says whether that holds.
    """

    def __init__(self, text: str, starts: list[int]) -> None:
        self.text = text.casefold()
        self.usable = len(self.text) == len(text)
        self.starts = starts
        self._positions: dict[str, list[int]] = {}
        self._counts: dict[str, int] = {}

    def positions(self, literal: str) -> list[int]:
        """Every offset where `literal` starts, overlapping occurrences included."""
        if literal not in self._positions:
            found, at = [], self.text.find(literal)
            while at != -1:
                found.append(at)
                at = self.text.find(literal, at + 1)
            self._positions[literal] = found
        return self._positions[literal]

    def count(self, literals: frozenset[str], cap: int | None = None) -> int:
        """About how many offsets `starts_of` would give (at most as many), cheaply; once
        the count passes `cap` the rest of the literals are not counted (the shortest,
        most common, first)."""
        total = 0
        for literal in _shortest_first(literals):
            total += self._count(literal)
            if cap is not None and total > cap:
                break
        return total

    def _count(self, literal: str) -> int:
        """Non-overlapping occurrences of one literal, counted once a document (patterns share words)."""
        found = self._counts.get(literal)
        if found is None:
            found = self._counts[literal] = self.text.count(literal)
        return found

    def starts_of(self, literals: frozenset[str]) -> list[int]:
        """Offsets where one of `literals` starts, in order."""
        out: set[int] = set()
        for literal in literals:
            out.update(self.positions(literal))
        return sorted(out)

    def units_with(self, literals: frozenset[str]) -> set[int]:
        """Indexes of the units where one of `literals` starts."""
        return {bisect_right(self.starts, at) - 1 for literal in literals for at in self.positions(literal)}


@lru_cache(maxsize=1024)
def _shortest_first(literals: frozenset[str]) -> tuple[str, ...]:
    return tuple(sorted(literals, key=lambda s: (len(s), s)))


def windows(units: set[int], count: int, before: int, after: int) -> list[tuple[int, int]]:
    """Runs of unit indexes [first, last] around `units`, each widened by `before` and
    `after` units, merged where they meet."""
    out: list[tuple[int, int]] = []
    for index in sorted(units):
        first, last = max(0, index - before), min(count - 1, index + after)
        if out and first <= out[-1][1] + 1:
            out[-1] = (out[-1][0], max(out[-1][1], last))
        else:
            out.append((first, last))
    return out
