"""The document model every parser produces and every rule reads.

A document is a flat list of blocks in reading order. Each block keeps where a reader
would find it (page, clause number, heading path, table cell) so that a finding can say
exactly where its evidence is, whichever format the agreement came in.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

BlockKind = Literal["heading", "paragraph", "list-item", "table-cell", "footnote", "header", "footer", "text-box"]
BODY_KINDS: frozenset[str] = frozenset({"heading", "paragraph", "list-item", "table-cell", "footnote", "text-box"})


@dataclass(frozen=True)
class Location:
    """Where a block is, in the terms a reader uses."""

    block: int
    page: int | None = None
    clause: str | None = None
    heading: tuple[str, ...] = ()
    table: int | None = None
    row: int | None = None
    column: int | None = None

    def to_dict(self) -> dict[str, object]:
        out: dict[str, object] = {}
        if self.page is not None:
            out["page"] = self.page
        if self.clause:
            out["clause"] = self.clause
        if self.heading:
            out["heading"] = self.heading[-1]
        out["block"] = self.block
        for key in ("table", "row", "column"):
            value = getattr(self, key)
            if value is not None:
                out[key] = value
        return out

    def describe(self) -> str:
        """A short human phrase: 'clause 14.2, page 4'."""
        parts = []
        if self.clause:
            parts.append(f"clause {self.clause}")
        elif self.heading:
            parts.append(f"under “{self.heading[-1]}”")
        if self.table is not None and self.row is not None:
            parts.append(f"table {self.table + 1}, row {self.row + 1}")
        if self.page is not None:
            parts.append(f"page {self.page}")
        return ", ".join(parts) if parts else f"paragraph {self.block + 1}"


@dataclass(frozen=True)
class Block:
    """One unit of text a reader sees: a paragraph, heading, list item or table cell.

    `number` is the block's own number as rendered ("12.2", "(b)"); the location's
    clause is the number a reader would cite, which a sub-item inherits from its parent.
    """

    text: str
    kind: BlockKind
    location: Location
    number: str | None = None
    level: int = 0
    style: str | None = None

    @property
    def index(self) -> int:
        return self.location.block


@dataclass(frozen=True)
class TrackedChange:
    """One pending tracked change in a Word document, and the blocks it falls in in each
    reading: `blocks` in this document's reading, `other_blocks` in its other reading.
    `ordinals` are the places of its elements among the body's change elements in document
    order (Word may split one edit over several), so that a marked-up copy can find them
    again in the XML it writes."""

    kind: Literal["insertion", "deletion", "move"]
    author: str
    date: str
    text: str
    ordinals: tuple[int, ...] = ()
    blocks: tuple[int, ...] = ()
    other_blocks: tuple[int, ...] = ()


@dataclass
class Document:
    """A parsed agreement. Built once per file; rules only read it."""

    path: str
    sha256: str
    format: Literal["docx", "pdf", "txt", "md", "odt", "doc", "rtf"]
    blocks: list[Block] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    pages: int | None = None
    # Pending tracked changes, and the document read the other way (the text before the
    # changes) when it was read both ways; None when there is no second reading.
    changes: list[TrackedChange] = field(default_factory=list)
    original: Document | None = None

    def body(self) -> list[Block]:
        """Blocks that are agreement text (running headers and footers left out)."""
        return [b for b in self.blocks if b.kind in BODY_KINDS]

    def text(self) -> str:
        return "\n".join(b.text for b in self.body())

    def to_dict(self) -> dict[str, object]:
        return {
            "path": self.path,
            "sha256": self.sha256,
            "format": self.format,
            "pages": self.pages,
            "warnings": list(self.warnings),
            "blocks": [
                {
                    "text": b.text,
                    "kind": b.kind,
                    "number": b.number,
                    "location": {**b.location.to_dict(), "heading_path": list(b.location.heading)},
                }
                for b in self.blocks
            ],
        }


__all__ = ["BODY_KINDS", "Block", "BlockKind", "Document", "Location", "TrackedChange"]
