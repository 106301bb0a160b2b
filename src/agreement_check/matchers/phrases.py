"""Fixed phrases, matched on lower case or on lemmas with spaCy's PhraseMatcher
(nearly free at run time, however many phrases a rule lists)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from agreement_check.matchers.base import Hit

if TYPE_CHECKING:
    from agreement_check.context import DocumentContext
    from agreement_check.units import Unit


class PhraseMatcher:
    def __init__(self, phrases: list[str], attr: str = "LEMMA") -> None:
        from spacy.matcher import PhraseMatcher as SpacyPhraseMatcher

        from agreement_check.nlp.pipeline import get_nlp

        nlp = get_nlp()
        self.attr = attr
        self._matcher = SpacyPhraseMatcher(nlp.vocab, attr=attr)
        patterns = (
            list(nlp.pipe(p.lower() for p in phrases))
            if attr == "LEMMA"
            else [nlp.make_doc(p.lower()) for p in phrases]
        )
        self._matcher.add("phrase", patterns)

    def hits(self, unit: Unit, ctx: DocumentContext) -> list[Hit]:
        doc = ctx.doc(unit)
        out = []
        for _, start, end in self._matcher(doc):
            span = doc[start:end]
            out.append(Hit(unit.index, span.start_char, span.end_char))
        return out
