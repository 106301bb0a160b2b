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
import sys
from functools import lru_cache
from importlib import resources
from types import ModuleType
from typing import TYPE_CHECKING, Any

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


_SPACY_CLI = ("spacy.cli", "spacy.cli.info")


def import_spacy() -> ModuleType:
    """spaCy, imported without its command line.

    `import spacy` also imports `spacy.cli` (for the one function `spacy.info`), and with it
    typer, weasel, httpx, rich, jinja2 and requests: about two fifths of the CPU time of
    importing spaCy, which a cold `check` of one file pays, for commands the checker never
    runs. The first import in a process finds a stand-in for `spacy.cli.info`, which is
    then taken away again, so a later `import spacy.cli` imports the real command line and
    `spacy.info` calls the real function. A spaCy that needs more of its command line
    while it is imported is imported the ordinary way."""
    if "spacy" in sys.modules:
        return sys.modules["spacy"]
    stand_ins = {name: ModuleType(name) for name in _SPACY_CLI}
    stand_ins["spacy.cli"].__path__ = []
    stand_ins["spacy.cli.info"].info = _spacy_info  # type: ignore[attr-defined]
    sys.modules.update(stand_ins)
    try:
        import spacy
    except ImportError:
        _remove(stand_ins)
        import spacy
    else:
        _remove(stand_ins)
        if getattr(spacy, "cli", None) is stand_ins["spacy.cli"]:
            delattr(spacy, "cli")
    return spacy


def _remove(stand_ins: dict[str, ModuleType]) -> None:
    for name, module in stand_ins.items():
        if sys.modules.get(name) is module:
            del sys.modules[name]


def _spacy_info(*args: Any, **kwargs: Any) -> Any:
    """`spacy.info`, importing spaCy's command line when someone asks for it."""
    from spacy.cli.info import info

    return info(*args, **kwargs)


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    """The shared blank English pipeline, with each word's lemma kept in NORM for the matchers."""
    import_spacy()
    import spacy
    from spacy.attrs import NORM

    nlp = spacy.blank("en")
    nlp.vocab.lex_attr_getters[NORM] = lemma  # type: ignore[attr-defined]  # set at run time; missing from spaCy's types
    nlp.max_length = MAX_CHARS + 1
    return nlp
