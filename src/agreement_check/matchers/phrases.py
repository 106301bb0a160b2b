"""Fixed phrases, matched on lower case or on lemmas with spaCy's PhraseMatcher
(nearly free at run time, however many phrases a rule lists)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from agreement_check.matchers.base import Hit, hits_from_spans

if TYPE_CHECKING:
    from agreement_check.context import DocumentContext


class PhraseMatcher:
    def __init__(self, phrases: list[str], attr: str = "LEMMA") -> None:
        from spacy.matcher import PhraseMatcher as SpacyPhraseMatcher

        from agreement_check.nlp.pipeline import get_nlp

        nlp = get_nlp()
        # the pipeline keeps each word's lemma in NORM (see nlp.pipeline)
        self._matcher = SpacyPhraseMatcher(nlp.vocab, attr="NORM" if attr == "LEMMA" else attr)
        self._matcher.add("phrase", [nlp.make_doc(p.lower()) for p in phrases])

    def hits(self, ctx: DocumentContext) -> list[Hit]:
        spans = []
        for offset, doc in ctx.docs():
            for _, start, end in self._matcher(doc):
                span = doc[start:end]
                spans.append((offset + span.start_char, offset + span.end_char))
        return hits_from_spans(ctx, spans)
