"""The one spaCy pipeline: blank English with lookup lemmas, built once per process.

No trained model and no download: lemmas come from `spacy-lookups-data`, which is an
ordinary installed package. Building takes about half a second, so it is lazy and cached.
The lookup table is case-sensitive ("Overheads" stays "Overheads"), and agreements
capitalise freely, so a small component lemmatises capitalised words by their lower case.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

MAX_CHARS = 100_000  # a unit is a sentence; anything longer is processed in chunks


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    import spacy
    from spacy.language import Language

    nlp = spacy.blank("en")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()
    table = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_lookup")

    if not Language.has_factory("agreement_check_lower_lemmas"):

        @Language.component("agreement_check_lower_lemmas")
        def lower_lemmas(doc: Doc) -> Doc:
            for token in doc:
                if token.lemma_ == token.text and not token.is_lower:
                    lower = token.lower_
                    token.lemma_ = table.get(lower, lower)
            return doc

    nlp.add_pipe("agreement_check_lower_lemmas")
    nlp.max_length = MAX_CHARS * 2
    return nlp
