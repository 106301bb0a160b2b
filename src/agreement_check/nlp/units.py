"""Sentences of a document with the context a rule needs around them.

Rules decide over units: one sentence of a paragraph, or one table row read across
("Commissioner Termination Notice Period | three (3) months"). A unit keeps where it is
(block and character offsets) and its lead-in: the sentence ending with a colon that an
enumerated item completes ("The following costs are not eligible:" ... "(b) overheads;").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from agreement_check.model import Block, Document
from agreement_check.nlp.sentences import split_sentences

_TITLE_WORDS = 20  # longer than this, a "heading" is prose
_SENTENCE_WORDS = 6  # a heading this long that ends with a full stop is a sentence
_SUB_ITEM = re.compile(r"^\s*(?:\(?[a-z]{1,2}\)|\(?[ivx]{1,5}\)|\(\d{1,2}\)|[•\-–])\s")


@dataclass(frozen=True)
class Unit:
    index: int
    text: str
    block: int
    start: int
    end: int
    lead_in: str = ""
    heading: tuple[str, ...] = ()
    row: bool = False
    lead_unit: int | None = None  # the unit of the lead-in this item completes
    is_heading: bool = False

    @property
    def context_text(self) -> str:
        """The unit read with its lead-in, as a reader would."""
        return f"{self.lead_in} {self.text}" if self.lead_in else self.text


def build_units(document: Document) -> list[Unit]:
    """The units rules read: each block's sentences, with list lead-ins and table rows joined to their items."""
    units: list[Unit] = []
    lead_in = ""
    lead_unit: int | None = None
    lead_block: Block | None = None
    rows: dict[tuple[int, int], list[Block]] = {}
    for block in document.body():
        loc = block.location
        if block.kind == "table-cell" and loc.table is not None and loc.row is not None:
            key = (loc.table, loc.row)
            if key not in rows:
                rows[key] = []
                units.append(_placeholder(len(units), block))
            rows[key].append(block)
            continue
        sub_item = _is_sub_item(block) or _completes(block, lead_block)
        if block.kind == "heading" or not sub_item:
            lead_in, lead_unit, lead_block = "", None, None
        for start, end in split_sentences(block.text):
            text = block.text[start:end]
            item = bool(lead_in) and (sub_item or bool(_SUB_ITEM.match(text)))
            units.append(
                Unit(
                    len(units),
                    text,
                    block.index,
                    start,
                    end,
                    lead_in if item else "",
                    loc.heading,
                    lead_unit=lead_unit if item else None,
                    is_heading=block.kind == "heading" and names_a_subject(text),
                )
            )
            if text.rstrip().endswith(":"):
                lead_in, lead_unit, lead_block = text, len(units) - 1, block
    units = _lead_ins_are_sentences(units)
    return [_fill_row(u, rows, document) if u.row else u for u in units]


def _lead_ins_are_sentences(units: list[Unit]) -> list[Unit]:
    """A heading that is a lead-in sentence ("2. The members of the panel are to:") and that
    items complete is read as a sentence, with its items, as a list in a paragraph would be.
    A heading over nothing stays a heading: it provides nothing by itself."""
    completed = {u.lead_unit for u in units if u.lead_unit is not None}
    return [
        replace(u, is_heading=False)
        if u.is_heading and u.index in completed and len(u.text.split()) >= _SENTENCE_WORDS
        else u
        for u in units
    ]


def names_a_subject(heading: str) -> bool:
    """A heading names a subject ("Complaints", "4. Quorum and voting"); a whole sentence set
    in a heading's style ("The group will always oppose racism.") is a provision like any
    other, and is read as one."""
    words = heading.split()
    return len(words) <= _TITLE_WORDS and not (len(words) >= _SENTENCE_WORDS and heading.rstrip().endswith("."))


def _is_sub_item(block: Block) -> bool:
    number = block.number or ""
    return (
        number.startswith("(")
        or bool(re.fullmatch(r"[a-z]{1,2}\)|[ivx]{1,5}\)", number))
        or bool(_SUB_ITEM.match(block.text))
        or (block.kind == "list-item" and number == "")
    )


def _completes(block: Block, lead: Block | None) -> bool:
    """A numbered list item after an unnumbered lead-in ("... repayment if:" then "1. The
    contract is breached."), or one level deeper than a numbered lead-in, completes it; a
    clause numbered like its lead-in is the next clause, not an item."""
    if lead is None or block.index <= lead.index or not (block.kind == "list-item" or block.number):
        return False
    return not lead.number or block.level > lead.level


def _placeholder(index: int, block: Block) -> Unit:
    return Unit(index, "", block.index, 0, 0, "", block.location.heading, row=True)


def _fill_row(unit: Unit, rows: dict[tuple[int, int], list[Block]], document: Document) -> Unit:
    first = document.blocks[unit.block]
    cells = rows[(first.location.table, first.location.row)]  # type: ignore[index]
    text = " | ".join(cell.text.replace("\n", " ") for cell in cells)
    return Unit(unit.index, text, unit.block, 0, len(first.text), "", unit.heading, row=True)
