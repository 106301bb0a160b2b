"""Fixed phrases, matched on lower case or on lemmas with spaCy's PhraseMatcher
(nearly free at run time, however many phrases a rule lists)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from agreement_check.matchers.base import Hit, spacy_hits

if TYPE_CHECKING:
    from spacy.matcher import PhraseMatcher as SpacyPhraseMatcher

    from agreement_check.nlp.context import DocumentContext


class PhraseMatcher:
    """Built on first use, so that loading rule files never imports spaCy."""

    def __init__(self, phrases: list[str], attr: str = "LEMMA") -> None:
        self._phrases = [p.lower() for p in phrases]
        self._attr = attr
        self._matcher: SpacyPhraseMatcher | None = None

    def _build(self) -> SpacyPhraseMatcher:
        from agreement_check.nlp.pipeline import get_nlp

        nlp = get_nlp()  # first: it imports spaCy without its command line (nlp.pipeline.import_spacy)
        from spacy.matcher import PhraseMatcher as SpacyPhraseMatcher

        # the pipeline keeps each word's lemma in NORM (see nlp.pipeline)
        matcher = SpacyPhraseMatcher(nlp.vocab, attr="NORM" if self._attr == "LEMMA" else self._attr)
        matcher.add("phrase", [nlp.make_doc(p) for p in self._phrases])
        return matcher

    def hits(self, ctx: DocumentContext) -> list[Hit]:
        if self._matcher is None:
            self._matcher = self._build()
        return spacy_hits(self._matcher, ctx)
