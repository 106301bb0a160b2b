"""The interface every matcher kind implements."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from agreement_check.nlp.context import DocumentContext


@dataclass(frozen=True)
class Hit:
    """A match inside one unit: character offsets into the unit's text."""

    unit: int
    start: int
    end: int


class Matcher(Protocol):
    def hits(self, ctx: DocumentContext) -> list[Hit]:
        """Every place in the document where this matcher matches."""
        ...


def spacy_hits(matcher, ctx: DocumentContext) -> list[Hit]:  # type: ignore[no-untyped-def]
    """Run a spaCy Matcher or PhraseMatcher over the document's chunks."""
    spans = []
    for offset, doc in ctx.docs():
        for _, start, end in matcher(doc):
            span = doc[start:end]
            spans.append((offset + span.start_char, offset + span.end_char))
    return hits_from_spans(ctx, spans)


def hits_from_spans(ctx: DocumentContext, spans: list[tuple[int, int]]) -> list[Hit]:
    """Document-text spans as hits in units; spans that run across units are dropped."""
    out = []
    for start, end in spans:
        found = ctx.locate(start, end)
        if found is not None and ctx.units[found[0]].text:
            out.append(Hit(*found))
    return out
