"""Token patterns (spaCy Matcher: LEMMA, LOWER, LIKE_NUM, OP ...) for wording that
varies in more than fixed phrases can capture."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from agreement_check.matchers.base import Hit, spacy_hits

if TYPE_CHECKING:
    from spacy.matcher import Matcher

    from agreement_check.nlp.context import DocumentContext


def lemma_as_norm(pattern: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """`LEMMA` in a rule file means the lookup lemma, which the pipeline keeps in NORM;
    values are lemmatised too, so {"LEMMA": "terminate"} and {"LEMMA": "terminated"} agree."""
    from agreement_check.nlp.pipeline import lemma

    out = []
    for token in pattern:
        spec = dict(token)
        if "LEMMA" in spec:
            value = spec.pop("LEMMA")
            if isinstance(value, str):
                value = lemma(value)
            elif isinstance(value, dict):
                value = {k: [lemma(v) for v in vs] if isinstance(vs, list) else vs for k, vs in value.items()}
            spec["NORM"] = value
        out.append(spec)
    return out


def validate_patterns(patterns: list[list[dict[str, Any]]]) -> list[str]:
    """Every problem with the patterns, as spaCy's own schema reports them."""
    from agreement_check.nlp.pipeline import get_nlp

    vocab = get_nlp().vocab  # first: it imports spaCy without its command line (nlp.pipeline.import_spacy)
    from spacy.matcher import Matcher as SpacyMatcher

    problems = []
    matcher = SpacyMatcher(vocab, validate=True)
    for index, pattern in enumerate(patterns):
        try:
            matcher.add(f"p{index}", [pattern])
        except (ValueError, TypeError, KeyError) as exc:
            detail = str(exc).strip().splitlines()[-1] if str(exc).strip() else repr(exc)
            problems.append(f"pattern {index + 1}: {detail}")
    return problems


class TokenMatcher:
    """Built on first use, so that loading rule files never imports spaCy."""

    def __init__(self, patterns: list[list[dict[str, Any]]]) -> None:
        self._patterns = patterns
        self._matcher: Matcher | None = None

    def hits(self, ctx: DocumentContext) -> list[Hit]:
        if self._matcher is None:
            from agreement_check.nlp.pipeline import get_nlp

            vocab = get_nlp().vocab  # first: it imports spaCy without its command line
            from spacy.matcher import Matcher as SpacyMatcher

            self._matcher = SpacyMatcher(vocab)
            self._matcher.add("tokens", [lemma_as_norm(p) for p in self._patterns])
        return spacy_hits(self._matcher, ctx)
