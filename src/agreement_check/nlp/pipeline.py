"""The one spaCy pipeline: a blank English tokenizer whose NORM attribute is the lookup
lemma of the lower-cased word, built once per process.

No trained model and no download: lemmas come from `spacy-lookups-data`, an ordinary
installed package. Putting the lemma in NORM, a lexeme attribute that spaCy computes
once per distinct word and caches in the vocabulary, makes lemma matching nearly free:
a 100,000-paragraph agreement needs no per-token Python at all. Rule files still say
`LEMMA` (phrases and token patterns); the compiler maps it onto NORM.
"""

from __future__ import annotations

import gzip
import json
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

MAX_CHARS = 1_000_000


@lru_cache(maxsize=1)
def lemma_table() -> dict[str, str]:
    """spaCy's English lemma lookup, lower-cased, loaded once."""
    data = resources.files("spacy_lookups_data") / "data" / "en_lemma_lookup.json.gz"
    with data.open("rb") as raw, gzip.open(raw) as unzipped:
        table: dict[str, str] = json.load(unzipped)
    return {k.lower(): v.lower() for k, v in table.items()}


def lemma(word: str) -> str:
    """A word's lemma from the lookup table, or the word itself."""
    lower = word.lower()
    return lemma_table().get(lower, lower)


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    """The shared blank English pipeline, with each word's lemma kept in NORM for the matchers."""
    import spacy
    from spacy.attrs import NORM

    nlp = spacy.blank("en")
    nlp.vocab.lex_attr_getters[NORM] = lemma  # type: ignore[attr-defined]  # set at run time; missing from spaCy's types
    nlp.max_length = MAX_CHARS + 1
    return nlp
