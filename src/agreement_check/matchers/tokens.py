"""Token patterns (spaCy Matcher: LEMMA, LOWER, LIKE_NUM, OP ...) for wording that
varies in more than fixed phrases can capture."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from agreement_check.matchers.base import Hit

if TYPE_CHECKING:
    from agreement_check.context import DocumentContext
    from agreement_check.units import Unit


def validate_patterns(patterns: list[list[dict[str, Any]]]) -> list[str]:
    """Every problem with the patterns, as spaCy's own schema reports them."""
    from spacy.matcher import Matcher as SpacyMatcher

    from agreement_check.nlp.pipeline import get_nlp

    problems = []
    matcher = SpacyMatcher(get_nlp().vocab, validate=True)
    for index, pattern in enumerate(patterns):
        try:
            matcher.add(f"p{index}", [pattern])
        except (ValueError, TypeError, KeyError) as exc:
            problems.append(f"pattern {index + 1}: {str(exc).strip().splitlines()[-1] if str(exc).strip() else exc}")
    return problems


class TokenMatcher:
    def __init__(self, patterns: list[list[dict[str, Any]]]) -> None:
        from spacy.matcher import Matcher as SpacyMatcher

        from agreement_check.nlp.pipeline import get_nlp

        self._matcher = SpacyMatcher(get_nlp().vocab)
        self._matcher.add("tokens", patterns)

    def hits(self, unit: Unit, ctx: DocumentContext) -> list[Hit]:
        doc = ctx.doc(unit)
        out = []
        for _, start, end in self._matcher(doc):
            span = doc[start:end]
            out.append(Hit(unit.index, span.start_char, span.end_char))
        return out
