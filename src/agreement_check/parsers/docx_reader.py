"""DOCX to the document model, reading the package's XML directly.

We walk `word/document.xml` with a hardened lxml parser instead of loading the package
through python-docx: python-docx has no view of tracked changes, content controls or text
boxes, loads every part of a package whatever its size, and costs about five times a raw
walk on long agreements. python-docx still builds the inputs of our tests.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from lxml import etree

from agreement_check.errors import DocumentError
from agreement_check.model import BlockKind, Document
from agreement_check.parsers.builder import BlockBuilder
from agreement_check.parsers.docx_revisions import Parts, tracked_changes
from agreement_check.parsers.docx_styles import StyleInfo, Styles
from agreement_check.parsers.docx_text import REVISION_TAGS, W, mark_changes, paragraph_text, runs_on
from agreement_check.parsers.docx_visibility import Visibility, cell_fill
from agreement_check.parsers.hidden import HiddenText
from agreement_check.parsers.numbering import Numbering
from agreement_check.parsers.options import ParseOptions
from agreement_check.parsers.safexml import SafePackage

_CONTAINERS = {f"{W}sdt", f"{W}sdtContent", f"{W}customXml", f"{W}smartTag"}


def read_docx_tree(
    path: Path, sha256: str, options: ParseOptions
) -> tuple[Document, etree._Element, dict[int, list[etree._Element]]]:
    """The document, plus the parsed word/document.xml and the paragraphs behind each
    block: what a marked-up copy needs to anchor comments on the evidence.

    With `revisions="both"`, a document whose first reading met pending tracked changes
    is walked a second time as the original text, from the same parsed parts; a document
    without changes is read once."""
    try:
        with zipfile.ZipFile(path) as zf:
            parts = Parts(SafePackage(zf, options))
            reader = _DocxReader(parts, options, "original" if options.revisions == "original" else "accepted")
            document = reader.read(path, sha256)
            assert reader.root is not None
            if reader.revisions and options.revisions == "both":
                other = _DocxReader(parts, options, "original")
                document.original = other.read(path, sha256)
                document.changes = tracked_changes(reader.root, reader.change_blocks, other.change_blocks)
            return document, reader.root, reader.elements
    except zipfile.BadZipFile as exc:
        raise DocumentError("corrupt", f"The DOCX is damaged ({exc}).") from exc


class _DocxReader:
    def __init__(self, package: Parts, options: ParseOptions, mode: str) -> None:
        self.package = package
        self.mode = mode
        self.both = options.revisions == "both"
        styles = package.xml("word/styles.xml")
        self.styles = Styles(styles)
        self.visibility = Visibility(styles)
        self.hidden = HiddenText()
        self.numbering = Numbering(package.xml("word/numbering.xml"))
        self.builder = BlockBuilder(options.max_blocks)
        self.tables = 0
        self.revisions = False
        self.rendered_pages = False
        self.page = 1
        self.carry = ""
        self._open_cells: list[list[str]] = []
        self._open_cell_paragraphs: list[list[etree._Element]] = []
        self.root: etree._Element | None = None
        # block index -> the w:p elements it came from, for writing a marked-up copy
        self.elements: dict[int, list[etree._Element]] = {}
        # revision element -> the blocks it falls in; `_pending` waits for its block
        self.change_blocks: dict[etree._Element, list[int]] = {}
        self._pending: list[etree._Element] = []

    def read(self, path: Path, sha256: str) -> Document:
        root = self.package.xml("word/document.xml")
        self.root = root
        self.visibility.set_page(root)
        body = root.find(f"{W}body") if root is not None else None
        if body is None:
            raise DocumentError("corrupt", "The DOCX has no document body.")
        self.rendered_pages = next(body.iter(f"{W}lastRenderedPageBreak"), None) is not None
        self._walk(body)
        self._notes("word/footnotes.xml", "footnote")
        self._notes("word/endnotes.xml", "endnote")
        self._headers_and_footers()
        warnings = [w for w in [self.hidden.warning()] if w]
        if self.revisions:
            warnings.append(self._revisions_note())
        return Document(
            path=str(path),
            sha256=sha256,
            format="docx",
            blocks=self.builder.blocks,
            warnings=warnings,
            pages=self.page if self.rendered_pages else None,
        )

    def _revisions_note(self) -> str:
        if self.both:
            return (
                "The document has tracked changes that are not yet accepted; it was read with all changes "
                "accepted, and also as the original text to show what the changes do to each finding."
            )
        return (
            "The document has tracked changes that are not yet accepted; it was read with "
            f"all changes {'accepted' if self.mode == 'accepted' else 'rejected (original text)'}."
        )

    def _walk(self, container: etree._Element, cell: tuple[int, int, int] | None = None) -> None:
        for child in container:
            if child.tag == f"{W}p":
                self._paragraph(child, cell)
            elif child.tag == f"{W}tbl":
                self._table(child)
            elif child.tag in _CONTAINERS:
                self._walk(child, cell)
            elif child.tag in REVISION_TAGS:
                self.revisions = True
                self._pending.append(child)
                if (child.tag in {f"{W}ins", f"{W}moveTo"}) == (self.mode == "accepted"):
                    self._walk(child, cell)

    def _paragraph(self, p: etree._Element, cell: tuple[int, int, int] | None) -> None:
        read = paragraph_text(p, self.mode, self.visibility.paragraph(p, cell_fill(p) if cell is not None else None))
        self.hidden.add_joined(read.hidden)
        marks = mark_changes(p)
        if read.has_revisions or marks:
            self.revisions = True
            self._pending += read.changes + marks
        text = self.carry + read.text
        if marks and runs_on(p, self.mode):
            self.carry = text
            return
        self.carry = ""
        self.page += read.leading_breaks
        page = self.page if self.rendered_pages else None
        style_id = _attr(p.find(f"{W}pPr/{W}pStyle"))
        style = self.styles.get(style_id)
        outline = _attr(p.find(f"{W}pPr/{W}outlineLvl"))
        level = int(outline) + 1 if outline is not None and outline.isdigit() else style.heading_level
        label = self._number(p, style) if text.strip() else None
        if cell is not None:
            self._open_cells[-1].append(text)
            self._open_cell_paragraphs[-1].append(p)
        elif level is not None and len(text) < 300:
            self._record(self.builder.add(text, "heading", number=label, level=level, page=page, style=style.name), [p])
        else:
            # a bullet is a list item with no label, as "•" is in a PDF: it can complete a lead-in
            bulleted = label is None and bool(text.strip()) and self._bulleted(p, style)
            kind: BlockKind = "list-item" if label or bulleted else "paragraph"
            self._record(self.builder.add(text, kind, number=label, page=page, style=style.name), [p])
        for box in read.text_boxes:
            self.builder.add(box, "text-box", page=page)
        self.page += read.page_breaks + read.rendered_breaks

    def _number(self, p: etree._Element, style: StyleInfo) -> str | None:
        num_id = _attr(p.find(f"{W}pPr/{W}numPr/{W}numId"))
        ilvl = _attr(p.find(f"{W}pPr/{W}numPr/{W}ilvl"))
        num_id = num_id or style.num_id
        if not num_id:
            return None
        level = int(ilvl) if ilvl and ilvl.isdigit() else (style.ilvl or 0)
        return self.numbering.next_label(num_id, level)

    def _bulleted(self, p: etree._Element, style: StyleInfo) -> bool:
        """Whether the paragraph is an item of a bulleted Word list (its level draws a bullet)."""
        num_id = _attr(p.find(f"{W}pPr/{W}numPr/{W}numId")) or style.num_id
        if not num_id or num_id == "0":
            return False
        ilvl = _attr(p.find(f"{W}pPr/{W}numPr/{W}ilvl"))
        level = self.numbering.levels(num_id).get(int(ilvl) if ilvl and ilvl.isdigit() else (style.ilvl or 0))
        return level is not None and level.fmt == "bullet"

    def _table(self, tbl: etree._Element) -> None:
        index = self.tables
        self.tables += 1
        for r, tr in enumerate(tbl.iterchildren(f"{W}tr")):
            for c, tc in enumerate(_cells(tr)):
                self._open_cells.append([])
                self._open_cell_paragraphs.append([])
                self._walk(tc, (index, r, c))
                text = "\n".join(self._open_cells.pop())
                block = self.builder.add(
                    text, "table-cell", cell=(index, r, c), page=self.page if self.rendered_pages else None
                )
                self._record(block, self._open_cell_paragraphs.pop())

    def _record(self, block, paragraphs: list[etree._Element]) -> None:  # type: ignore[no-untyped-def]
        if block is not None:
            self.elements[block.index] = paragraphs
            for change in self._pending:
                self.change_blocks.setdefault(change, []).append(block.index)
        self._pending.clear()

    def _notes(self, part: str, tag: str) -> None:
        root = self.package.xml(part)
        if root is None:
            return
        for note in root.iter(f"{W}{tag}"):
            if note.get(f"{W}type") in {"separator", "continuationSeparator", "continuationNotice"}:
                continue
            reads = [paragraph_text(p, self.mode, self.visibility.paragraph(p)) for p in note.iter(f"{W}p")]
            for read in reads:
                self.hidden.add_joined(read.hidden)
            self.builder.add("\n".join(read.text for read in reads), "footnote")

    def _headers_and_footers(self) -> None:
        for name in sorted(self.package.names):
            match = re.fullmatch(r"word/(header|footer)\d*\.xml", name)
            root = self.package.xml(name) if match else None
            if match is None or root is None:
                continue
            text = "\n".join(paragraph_text(p, self.mode).text for p in root.iter(f"{W}p"))
            self.builder.add(text, "header" if match.group(1) == "header" else "footer")


def _cells(tr: etree._Element) -> list[etree._Element]:
    cells = []
    for child in tr:
        if child.tag == f"{W}tc":
            cells.append(child)
        elif child.tag in _CONTAINERS:
            cells.extend(child.iter(f"{W}tc"))
    return cells


def _attr(element: etree._Element | None) -> str | None:
    return None if element is None else element.get(f"{W}val")
