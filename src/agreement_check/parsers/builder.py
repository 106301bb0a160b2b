"""Assembles blocks in reading order with their locations, for every parser alike, so
that heading paths and clause numbers mean the same whatever the source format."""

from __future__ import annotations

import re

from agreement_check.errors import DocumentError
from agreement_check.model import Block, BlockKind, Location
from agreement_check.parsers.clauses import ClauseTracker, typed_number

_SPACES = re.compile(r"[ \t\u00a0\u2007\u202f]+")


def normalise_text(text: str) -> str:
    """Text with runs of spaces collapsed and empty lines dropped."""
    lines = [_SPACES.sub(" ", line).strip() for line in text.replace("\r", "\n").split("\n")]
    return "\n".join(line for line in lines if line)


class BlockBuilder:
    def __init__(self, max_blocks: int = 200_000) -> None:
        self.blocks: list[Block] = []
        self._headings: list[tuple[int, str]] = []
        self._clauses = ClauseTracker()
        self._max_blocks = max_blocks

    def heading_path(self) -> tuple[str, ...]:
        return tuple(text for _, text in self._headings)

    def add(
        self,
        text: str,
        kind: BlockKind,
        *,
        number: str | None = None,
        level: int = 0,
        page: int | None = None,
        cell: tuple[int, int, int] | None = None,
        style: str | None = None,
    ) -> Block | None:
        text = normalise_text(text)
        if not text:
            return None
        if len(self.blocks) >= self._max_blocks:
            raise DocumentError("too-large", f"The document has more than {self._max_blocks} blocks.")
        own = number or (typed_number(text) if kind != "table-cell" else None)
        if kind == "heading":
            clause = self._clauses.heading(text, own)
            self._push_heading(level, text)
            path = self.heading_path()[:-1]
        elif kind in {"header", "footer"}:
            clause, path = None, ()
        else:
            clause = self._clauses.block(own, text)
            path = self.heading_path()
        table, row, column = cell if cell else (None, None, None)
        location = Location(
            block=len(self.blocks),
            page=page,
            clause=clause,
            heading=path,
            table=table,
            row=row,
            column=column,
        )
        block = Block(text=text, kind=kind, location=location, number=own, level=level, style=style)
        self.blocks.append(block)
        return block

    def _push_heading(self, level: int, text: str) -> None:
        while self._headings and self._headings[-1][0] >= level:
            self._headings.pop()
        self._headings.append((level, text))
