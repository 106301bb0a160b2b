"""OpenDocument text (.odt, .ott) to the document model, reading content.xml directly.

We read the package's XML ourselves, as for DOCX, through the same guarded zip and XML
layer (`safexml`: no DTDs, capped inflation): odfpy, the Python library for ODF, has
had no release since 2020 and parses with a SAX layer of its own. Lists are numbered
from their list styles (LibreOffice stores no rendered numbers), headings from the
outline style; tracked changes are read as accepted; footnotes follow the body as in
DOCX. Hidden text (hidden fields and paragraphs, `text:display="none"`, text coloured
like its background, text under 2 pt) is left out and reported (`hidden`).
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from agreement_check.errors import DocumentError
from agreement_check.model import Document
from agreement_check.parsers.builder import BlockBuilder
from agreement_check.parsers.hidden import MARKED, MIN_POINTS, SAME_COLOUR, TINY, WHITE, HiddenText, looks_same
from agreement_check.parsers.numbering import format_number
from agreement_check.parsers.odt_styles import DRAW, OFFICE, TABLE, TEXT, Look, OdtStyles
from agreement_check.parsers.options import ParseOptions
from agreement_check.parsers.safexml import SafePackage

XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
_CONTAINERS = {
    f"{TEXT}section",
    f"{TEXT}table-of-content",
    f"{TEXT}index-body",
    f"{TEXT}illustration-index",
    f"{TEXT}table-index",
    f"{TEXT}alphabetical-index",
    f"{TEXT}user-index",
    f"{TEXT}bibliography",
    f"{TEXT}index-title",
    f"{TABLE}table-header-rows",
    f"{TABLE}table-rows",
    f"{TABLE}table-row-group",
}
_SKIP = {f"{TEXT}tracked-changes", f"{OFFICE}annotation", f"{TEXT}note-citation", f"{TEXT}sequence-decls"}
_LEVELS = 10


@dataclass(frozen=True)
class _Item:
    """The list an element sits in: its counters, list style and level, and the label
    still to be given to the item's first paragraph."""

    key: int
    style: str | None
    level: int
    label: list[str | None]


def read_odt(path: Path, sha256: str, options: ParseOptions) -> Document:
    """Read an OpenDocument text file into the document model."""
    try:
        with zipfile.ZipFile(path) as zf:
            package = SafePackage(zf, options)
            manifest = package.read("META-INF/manifest.xml") or b""
            if b"encryption-data" in manifest:
                raise DocumentError("encrypted", "The document is protected by a password; ask for an unlocked copy.")
            content = package.xml("content.xml")
            styles = package.xml("styles.xml")
    except zipfile.BadZipFile as exc:
        raise DocumentError("corrupt", f"The OpenDocument file is damaged ({exc}).") from exc
    body = content.find(f"{OFFICE}body/{OFFICE}text") if content is not None else None
    if body is None:
        raise DocumentError("corrupt", "The OpenDocument file has no text body.")
    reader = _OdtReader(OdtStyles(styles, content), options, body)
    reader.walk(body)
    for note in reader.notes:
        reader.builder.add(note, "footnote")
    warnings = [w for w in [reader.hidden.warning()] if w]
    if body.find(f"{TEXT}tracked-changes") is not None:
        warnings.append(
            "The document has tracked changes that are not yet accepted; it was read with all changes accepted."
        )
    return Document(
        path=str(path),
        sha256=sha256,
        format="odt",
        blocks=reader.builder.blocks,
        warnings=warnings,
        pages=reader.page if reader.rendered_pages else None,
    )


class _OdtReader:
    def __init__(self, styles: OdtStyles, options: ParseOptions, body: etree._Element) -> None:
        self.styles = styles
        self.builder = BlockBuilder(options.max_blocks)
        self.hidden = HiddenText()
        self.notes: list[str] = []
        self.rendered_pages = next(body.iter(f"{TEXT}soft-page-break"), None) is not None
        self.page = 1
        self.tables = 0
        self._counters: dict[int, list[int]] = {}
        self._outline = [0] * (_LEVELS + 1)
        self._by_style: dict[str, int] = {}
        self._by_id: dict[str, int] = {}
        self._cell_background: tuple[int, int, int] | None = None

    # -- structure -------------------------------------------------------------------

    def walk(
        self, container: etree._Element, cell: tuple[int, int, int] | None = None, item: _Item | None = None
    ) -> list[str]:
        """Blocks for the container's children; in a table cell, their texts instead."""
        texts: list[str] = []
        for child in container:
            tag = child.tag
            if tag == f"{TEXT}p" or tag == f"{TEXT}h":
                texts += self._paragraph(child, cell, item)
            elif tag == f"{TEXT}list":
                texts += self._list(child, cell, item)
            elif tag == f"{TABLE}table":
                self._table(child)
            elif tag == f"{TEXT}soft-page-break":
                self.page += 1
            elif tag in _CONTAINERS:
                texts += self.walk(child, cell, item)
        return texts

    def _paragraph(self, p: etree._Element, cell: tuple[int, int, int] | None, item: _Item | None) -> list[str]:
        style = p.get(f"{TEXT}style-name")
        look = self.styles.look("paragraph", style)
        if look.background is None and self._cell_background is not None:
            look = Look(background=self._cell_background).over(look)
        text = _Text(self, look).read(p)
        label = item.label[0] if item else None
        if item and text.strip():
            item.label[0] = None  # only an item's first paragraph carries its number
        if cell is not None:
            return [text]
        name = self.styles.display_name("paragraph", style)
        heading = p.tag == f"{TEXT}h" or self.styles.outline_level(style) is not None
        if heading and len(text) < 300:
            level = _int(p.get(f"{TEXT}outline-level")) or self.styles.outline_level(style) or 1
            if label is None and p.get(f"{TEXT}is-list-header") != "true" and text.strip():
                label = self._outline_label(level)
            self.builder.add(text, "heading", number=label, level=level, page=self._page(), style=name)
        else:
            self.builder.add(text, "list-item" if label else "paragraph", number=label, page=self._page(), style=name)
        for box in _Text.boxes_of(self, p):
            self.builder.add(box, "text-box", page=self._page())
        return []

    def _page(self) -> int | None:
        return self.page if self.rendered_pages else None

    def _list(self, element: etree._Element, cell: tuple[int, int, int] | None, outer: _Item | None) -> list[str]:
        style = element.get(f"{TEXT}style-name") or (outer.style if outer else None)
        if outer is not None:
            key, level = outer.key, outer.level + 1
        else:
            key, level = self._list_key(element, style), 1
        texts: list[str] = []
        for child in element:
            if child.tag == f"{TEXT}list-item":
                label = self._next(key, style, level, _int(child.get(f"{TEXT}start-value")))
                texts += self.walk(child, cell, _Item(key, style, level, [label]))
            elif child.tag == f"{TEXT}list-header":
                texts += self.walk(child, cell, _Item(key, style, level, [None]))
        return texts

    def _list_key(self, element: etree._Element, style: str | None) -> int:
        """A list continues an earlier one when it says so; otherwise it counts afresh."""
        earlier = element.get(f"{TEXT}continue-list")
        if earlier in self._by_id:
            key = self._by_id[earlier]
        elif element.get(f"{TEXT}continue-numbering") == "true" and (style or "") in self._by_style:
            key = self._by_style[style or ""]
        else:
            key = len(self._counters)
            self._counters[key] = [0] * (_LEVELS + 1)
        if element.get(XML_ID):
            self._by_id[element.get(XML_ID, "")] = key
        self._by_style[style or ""] = key
        return key

    def _next(self, key: int, style: str | None, level: int, start: int | None) -> str | None:
        counters = self._counters[key]
        return _advance(counters, level, start, lambda n: self.styles.level(style, n))

    def _outline_label(self, level: int) -> str | None:
        return _advance(self._outline, level, None, self.styles.outline_numbering)

    def _table(self, table: etree._Element) -> None:
        index = self.tables
        self.tables += 1
        rows = [row for row in table.iter(f"{TABLE}table-row") if _owner_table(row) is table]
        for r, row in enumerate(rows):
            cells = [c for c in row if c.tag in {f"{TABLE}table-cell", f"{TABLE}covered-table-cell"}]
            for c, cell in enumerate(cells):
                self._cell_background = self.styles.look("table-cell", cell.get(f"{TABLE}style-name")).background
                texts = self.walk(cell, (index, r, c))
                self._cell_background = None
                self.builder.add("\n".join(texts), "table-cell", cell=(index, r, c), page=self._page())


def _advance(counters: list[int], level: int, start: int | None, level_of) -> str | None:  # type: ignore[no-untyped-def]
    level = max(1, min(level, _LEVELS))
    spec = level_of(level)
    if start is not None:
        counters[level] = start
    else:
        counters[level] = counters[level] + 1 if counters[level] else spec.start
    for deeper in range(level + 1, _LEVELS + 1):
        counters[deeper] = 0
    if spec.fmt == "none":
        return None
    first = max(1, level - spec.display + 1)
    parts = [format_number(counters[n] or level_of(n).start, level_of(n).fmt) for n in range(first, level + 1)]
    return str(spec.prefix + ".".join(parts) + spec.suffix)


class _Text:
    """The visible text of one paragraph; hidden pieces go to the reader's `hidden`."""

    def __init__(self, reader: _OdtReader, look: Look) -> None:
        self.reader = reader
        self.base = look
        self.parts: list[str] = []
        self.hidden: list[tuple[str, str]] = []

    def read(self, p: etree._Element) -> str:
        if _hidden_paragraph(p):
            self.reader.hidden.add("".join(_Text(self.reader, self.base)._all(p)), MARKED)
            return ""
        self._element(p, self.base)
        self.reader.hidden.add_joined(self.hidden)
        return "".join(self.parts)

    def _all(self, p: etree._Element) -> list[str]:
        self._element(p, Look())
        return self.parts

    def _element(self, element: etree._Element, look: Look) -> None:
        self._chars(element.text, look)
        for child in element:
            self._child(child, look)
            self._chars(child.tail, look)

    def _child(self, child: etree._Element, look: Look) -> None:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIP or tag == f"{DRAW}frame":
            return
        if tag == f"{TEXT}s":
            self._chars(" " * (_int(child.get(f"{TEXT}c")) or 1), look)
        elif tag == f"{TEXT}tab":
            self._chars("\t", look)
        elif tag == f"{TEXT}line-break":
            self._chars("\n", look)
        elif tag == f"{TEXT}note":
            body = child.find(f"{TEXT}note-body")
            if body is not None:
                self.reader.notes.append("\n".join(_Text(self.reader, Look()).read(p) for p in body.iter(f"{TEXT}p")))
        elif tag == f"{TEXT}hidden-text":
            hidden = child.get(f"{TEXT}is-hidden") == "true"
            self._chars(
                child.get(f"{TEXT}string-value") or "".join(child.itertext()), Look(hidden=True) if hidden else look
            )
        elif tag == f"{TEXT}span":
            self._element(child, self.reader.styles.look("text", child.get(f"{TEXT}style-name")).over(look))
        else:
            self._element(child, look)

    def _chars(self, text: str | None, look: Look) -> None:
        if not text:
            return
        reason = _hidden_reason(look) if text.strip() else None  # hidden spaces still part words
        if reason:
            self.hidden.append((text, reason))
        else:
            self.parts.append(text)

    @staticmethod
    def boxes_of(reader: _OdtReader, p: etree._Element) -> list[str]:
        boxes = []
        for box in p.iter(f"{DRAW}text-box"):
            paragraphs = [_Text(reader, Look()).read(inner) for inner in box.iter(f"{TEXT}p")]
            boxes.append("\n".join(paragraphs))
        return boxes


def _hidden_reason(look: Look) -> str | None:
    if look.hidden:
        return MARKED
    if look.size is not None and look.size < MIN_POINTS:
        return TINY
    if look.color is not None and not look.auto_color and looks_same(look.color, look.background or WHITE):
        return SAME_COLOUR
    return None


def _hidden_paragraph(p: etree._Element) -> bool:
    return any(field.get(f"{TEXT}is-hidden") == "true" for field in p.iter(f"{TEXT}hidden-paragraph"))


def _owner_table(row: etree._Element) -> etree._Element | None:
    node = row.getparent()
    while node is not None and node.tag != f"{TABLE}table":
        node = node.getparent()
    return node


def _int(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() else None
