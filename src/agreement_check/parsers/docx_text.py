"""Text of one Word paragraph as a reader sees it, with tracked changes resolved.

`accepted` reads the document as if every revision were accepted (insertions and moves
kept, deletions dropped); `original` reads it as it was before the revisions.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"

REVISION_TAGS = {f"{W}ins", f"{W}del", f"{W}moveFrom", f"{W}moveTo"}
_SKIP = {
    f"{W}pPr",
    f"{W}rPr",
    f"{W}instrText",
    f"{W}delInstrText",
    f"{W}footnoteReference",
    f"{W}endnoteReference",
    f"{W}commentReference",
    f"{W}annotationRef",
    f"{W}sectPr",
    f"{W}tblPr",
    f"{W}fldData",
    f"{W}sdtPr",
    f"{W}sdtEndPr",
}


@dataclass
class ParagraphText:
    text: str = ""
    text_boxes: list[str] = field(default_factory=list)
    page_breaks: int = 0
    rendered_breaks: int = 0
    leading_breaks: int = 0  # breaks before any text: the paragraph starts on the new page
    has_revisions: bool = False
    changes: list[etree._Element] = field(default_factory=list)  # the revision elements met, kept or not
    hidden: list[tuple[str, str]] = field(default_factory=list)  # (text, why) of runs a reader cannot see


class _Reader:
    def __init__(self, mode: str, judge: Any = None) -> None:
        self.judge = judge  # docx_visibility.RunJudge: which runs can be seen
        self.keep = {f"{W}ins", f"{W}moveTo"} if mode == "accepted" else {f"{W}del", f"{W}moveFrom"}
        self.deleted_text = mode != "accepted"
        self.parts: list[str] = []
        self.out = ParagraphText()

    def walk(self, element: etree._Element) -> None:  # noqa: C901  (one flat branch per kind of run content)
        for child in element:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIP:
                continue
            if tag == f"{W}r" and self.judge is not None and self._hidden(child):
                continue
            if tag in REVISION_TAGS:
                self.out.has_revisions = True
                self.out.changes.append(child)
                if tag in self.keep:
                    self.walk(child)
            elif tag == f"{W}t" or (tag == f"{W}delText" and self.deleted_text):
                self.parts.append(child.text or "")
            elif tag == f"{W}tab" or tag == f"{W}ptab":
                self.parts.append("\t")
            elif tag in {f"{W}br", f"{W}cr"}:
                self._line_break(child)
            elif tag == f"{W}lastRenderedPageBreak":
                self._page_break(rendered=True)
            elif tag == f"{W}noBreakHyphen":
                self.parts.append("-")
            elif tag == f"{W}txbxContent":
                self.out.text_boxes.append(_text_box(child, self))
            elif tag == f"{MC}AlternateContent":
                self._alternate(child)
            else:
                self.walk(child)

    def _hidden(self, run: etree._Element) -> bool:
        """Whether to leave the run out. A run of spaces stays whatever it looks like:
        it hides no words, and dropping it would join the words around it."""
        reason = self.judge.reason(run)
        if not reason:
            return False
        tags = {f"{W}t", f"{W}delText"} if self.deleted_text else {f"{W}t"}
        text = "".join(t.text or "" for t in run.iter(*tags))
        if not text.strip():
            return False
        self.out.hidden.append((text, reason))
        return True

    def _line_break(self, element: etree._Element) -> None:
        if element.get(f"{W}type") == "page":
            self._page_break(rendered=False)
            self.parts.append(" ")
        else:
            self.parts.append("\n")

    def _page_break(self, rendered: bool) -> None:
        if not "".join(self.parts).strip():
            self.out.leading_breaks += 1
        elif rendered:
            self.out.rendered_breaks += 1
        else:
            self.out.page_breaks += 1

    def _alternate(self, element: etree._Element) -> None:
        # The same drawing is stored twice (modern Choice, legacy Fallback): read one.
        choice = element.find(f"{MC}Choice")
        self.walk(choice if choice is not None else element)


def _text_box(content: etree._Element, outer: _Reader) -> str:
    paragraphs = []
    for p in content.iter(f"{W}p"):
        inner = _Reader("accepted" if f"{W}ins" in outer.keep else "original", outer.judge)
        inner.walk(p)
        outer.out.hidden += inner.out.hidden
        outer.out.changes += inner.out.changes
        paragraphs.append("".join(inner.parts))
    return "\n".join(paragraphs)


def paragraph_text(p: etree._Element, mode: str = "accepted", judge: Any = None) -> ParagraphText:
    """With `judge`, runs a reader cannot see are left out and listed in `hidden`."""
    reader = _Reader(mode, judge)
    reader.walk(p)
    reader.out.text = "".join(reader.parts)
    return reader.out


def mark_changes(p: etree._Element) -> list[etree._Element]:
    """Tracked changes of the paragraph mark itself (`w:pPr/w:rPr/w:ins|del`)."""
    props = p.find(f"{W}pPr/{W}rPr")
    return [] if props is None else [c for c in props if c.tag in REVISION_TAGS]


def runs_on(p: etree._Element, mode: str) -> bool:
    """Whether the paragraph runs on into the next one in this reading: its mark is a
    tracked deletion and the changes are accepted, or a tracked insertion (the paragraph
    was split) and the text is read as it was before."""
    gone = {f"{W}del", f"{W}moveFrom"} if mode == "accepted" else {f"{W}ins", f"{W}moveTo"}
    return any(c.tag in gone for c in mark_changes(p))


MARK_TEXT = "(paragraph break)"
_KINDS = {f"{W}ins": "insertion", f"{W}del": "deletion", f"{W}moveFrom": "move", f"{W}moveTo": "move"}


def change_fields(element: etree._Element) -> tuple[str, str, str, str]:
    """(kind, author, date, text) of one revision element; a paragraph mark's change has
    no text of its own and reads as a paragraph break."""
    text = "".join(t.text or "" for t in element.iter(f"{W}t", f"{W}delText"))
    if element.getparent() is not None and element.getparent().tag == f"{W}rPr":
        text = MARK_TEXT
    return _KINDS[element.tag], element.get(f"{W}author", ""), element.get(f"{W}date", ""), text
