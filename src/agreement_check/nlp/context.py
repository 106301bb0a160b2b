"""Everything the rules of one document share, computed once: units, the document's
text for matching, spaCy docs, parties, and the results of named language components.

Matchers run once over the whole document (in chunks below spaCy's `max_length`, split
only between units) rather than once per sentence: a 100,000-paragraph agreement costs
a few calls per matcher, not millions. Hits are mapped back to the unit they fall in.
"""

from __future__ import annotations

from bisect import bisect_right
from functools import cached_property
from typing import TYPE_CHECKING

from agreement_check.model import Document
from agreement_check.nlp.actions import VOCABULARY
from agreement_check.nlp.parties import Parties, PartyNames, find_parties, party_names
from agreement_check.nlp.provisions import Provision, read_provisions
from agreement_check.nlp.units import Unit, build_units

if TYPE_CHECKING:
    from spacy.tokens import Doc

SEPARATOR = "\n\n"  # between units: a whitespace token, so no phrase can run across two units
CHUNK_CHARS = 200_000


class DocumentContext:
    def __init__(self, document: Document) -> None:
        self.document = document
        self.units: list[Unit] = build_units(document)
        self.warnings: list[str] = []
        self.cache: dict[str, object] = {}
        self.starts: list[int] = []
        parts: list[str] = []
        offset = 0
        for unit in self.units:
            self.starts.append(offset)
            parts.append(unit.text)
            offset += len(unit.text) + len(SEPARATOR)
        self.text = SEPARATOR.join(parts)
        self._docs: list[tuple[int, Doc]] | None = None
        self._provisions: list[Provision] = []
        self._read_actions: frozenset[str] = frozenset()
        self._expected_actions: frozenset[str] = frozenset()

    @cached_property
    def parties(self) -> Parties:
        return find_parties([u.text for u in self.units])

    @cached_property
    def party_names(self) -> PartyNames:
        """How the document names the funder and the recipient, for wording written back."""
        return party_names([u.text for u in self.units], self.parties)

    @property
    def provisions(self) -> list[Provision]:
        """What each clause does, for every action of the vocabulary."""
        return self.provisions_of(VOCABULARY)

    def expect_actions(self, actions: frozenset[str]) -> None:
        """Say which actions the rules about to run can ask about, so that the provisions
        are read once for all of them (and not for the actions no rule asks about)."""
        self._expected_actions |= actions

    def provisions_of(self, actions: frozenset[str]) -> list[Provision]:
        """The provisions whose action is one of `actions`, in reading order. Read once for
        these and the expected actions, and shared by every rule that asks; asking for an
        action not read yet reads again, for all of them."""
        if not actions <= self._read_actions:
            self._read_actions |= actions | self._expected_actions
            clause_of = {b.index: b.location.clause for b in self.document.blocks}
            self._provisions = read_provisions(self.units, self.parties, clause_of, self._read_actions)
        if actions >= self._read_actions:
            return self._provisions
        return [p for p in self._provisions if p.action in actions]

    def locate(self, start: int, end: int) -> tuple[int, int, int] | None:
        """(unit, start, end) within that unit for a span of `self.text`, or None when the
        span runs across units."""
        index = bisect_right(self.starts, start) - 1
        if index < 0:
            return None
        base = self.starts[index]
        if end - base > len(self.units[index].text):
            return None
        return index, start - base, end - base

    def chunks(self) -> list[tuple[int, str]]:
        """(offset, text) pieces of the document text below CHUNK_CHARS, cut between units;
        a single unit longer than that is cut at a space, never dropped."""
        out: list[tuple[int, str]] = []
        begin = 0
        while begin < len(self.text):
            end = min(begin + CHUNK_CHARS, len(self.text))
            if end < len(self.text):
                cut = self.text.rfind(SEPARATOR, begin + 1, end)
                if cut <= begin:
                    cut = self.text.rfind(" ", begin + 1, end)
                end = cut if cut > begin else end
            out.append((begin, self.text[begin:end]))
            begin = end
        return out

    def docs(self) -> list[tuple[int, Doc]]:
        """The spaCy docs of the document's chunks, made once with `nlp.pipe`."""
        if self._docs is None:
            from agreement_check.nlp.pipeline import get_nlp

            chunks = self.chunks()
            docs = get_nlp().pipe(text for _, text in chunks)
            self._docs = [(offset, doc) for (offset, _), doc in zip(chunks, docs)]
        return self._docs

    def warn(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)
