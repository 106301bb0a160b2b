"""An English word list for repairing end-of-line hyphenation, from the lemma tables that
spaCy's lookup data already ships (no download, no extra dependency)."""

from __future__ import annotations

import gzip
import json
from functools import lru_cache
from importlib import resources

_SUFFIXES = ("ing", "ed", "es", "s", "ly", "er", "al")


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """Every English word form in spaCy's lemma index, loaded once."""
    data = resources.files("spacy_lookups_data") / "data"
    words: set[str] = set()
    with (data / "en_lemma_index.json.gz").open("rb") as raw, gzip.open(raw) as unzipped:
        for forms in json.load(unzipped).values():
            words.update(forms)
    with (data / "en_lemma_lookup.json.gz").open("rb") as raw, gzip.open(raw) as unzipped:
        table = json.load(unzipped)
    words.update(table)
    words.update(table.values())
    return frozenset(w.lower() for w in words if w.isalpha())


def is_english_word(word: str, extra: frozenset[str] | set[str] = frozenset()) -> bool:
    """Whether a word is English (or in `extra`), allowing common suffixes."""
    word = word.lower()
    words = english_words()
    if word in extra or word in words:
        return True
    for suffix in _SUFFIXES:
        stem = word[: -len(suffix)]
        if word.endswith(suffix) and len(stem) > 2 and (stem in words or stem + "e" in words):
            return True
    return False
