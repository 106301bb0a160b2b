"""Everything the rules of one document share, computed once: units, spaCy docs,
parties, and the results of named language components."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from agreement_check.model import Document
from agreement_check.nlp.parties import Parties, find_parties
from agreement_check.units import Unit, build_units

if TYPE_CHECKING:
    from spacy.tokens import Doc


class DocumentContext:
    def __init__(self, document: Document) -> None:
        self.document = document
        self.units: list[Unit] = build_units(document)
        self.warnings: list[str] = []
        self._docs: list[Doc] | None = None
        self.cache: dict[str, object] = {}

    @cached_property
    def parties(self) -> Parties:
        return find_parties([u.text for u in self.units])

    def doc(self, unit: Unit) -> Doc:
        """The spaCy doc of a unit; the whole document goes through `nlp.pipe` once."""
        if self._docs is None:
            from agreement_check.nlp.pipeline import MAX_CHARS, get_nlp

            nlp = get_nlp()
            self._docs = list(nlp.pipe(u.text[:MAX_CHARS] for u in self.units))
        return self._docs[unit.index]

    def warn(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)
