"""Regular expressions from rule files, run with a time limit.

A rule file is user input: a pattern such as `(a+)+$` backtracks for ever on a long run
of "a"s. The `regex` module stops a search after a timeout; a pattern that times out
on the document is reported as a warning on the finding, never a hang.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex

from agreement_check.matchers.base import Hit

if TYPE_CHECKING:
    from agreement_check.context import DocumentContext
    from agreement_check.units import Unit

TIMEOUT_SECONDS = 0.25


def compile_pattern(pattern: str) -> regex.Pattern[str]:
    """Compile case-insensitively; raises regex.error with the reason for a bad pattern."""
    return regex.compile(pattern, regex.IGNORECASE | regex.VERSION1)


class RegexMatcher:
    def __init__(self, patterns: list[str]) -> None:
        self._patterns = [compile_pattern(p) for p in patterns]

    def hits(self, unit: Unit, ctx: DocumentContext) -> list[Hit]:
        out = []
        for pattern in self._patterns:
            try:
                for match in pattern.finditer(unit.text, timeout=TIMEOUT_SECONDS):
                    if match.end() > match.start():
                        out.append(Hit(unit.index, match.start(), match.end()))
            except TimeoutError:
                ctx.warn(f"a pattern took too long on one sentence and was skipped: {pattern.pattern[:60]}")
        return out
