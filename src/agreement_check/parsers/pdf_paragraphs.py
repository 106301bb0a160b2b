"""Lines of a PDF, in reading order, into paragraphs and headings.

A paragraph ends at a gap, a change of size or weight, a bullet, or a clause number; it
goes on across a column or page break while its sentence is unfinished. A line that
starts with a number is not always a new clause ("not less than" / "26 weeks' notice"):
`line_flow` decides. Words broken by a hyphen at a line end are repaired only where the
joined word is a word.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from agreement_check.parsers.clauses import typed_number
from agreement_check.parsers.line_flow import continues, is_item
from agreement_check.parsers.pdf_words import Line


@dataclass
class LayoutBlock:
    text: str
    kind: str  # heading | paragraph | table-cell | header | footer
    page: int
    level: int = 0
    cell: tuple[int, int, int] | None = None
    size: float = 0.0


class ParagraphFlow:
    """Collects blocks in reading order. The open paragraph keeps its place in `blocks`
    from its first line, so a running head met on the next page lands after it."""

    def __init__(self, body_size: float, is_word: Callable[[str], bool]) -> None:
        self.blocks: list[LayoutBlock] = []
        self._body_size = body_size
        self._is_word = is_word
        self._lines: list[Line] = []
        self._slot = 0
        self._page = 0
        self._last_clause: str | None = None
        self._after_break = False

    def add_aside(self, block: LayoutBlock) -> None:
        """A running head or foot: set aside without ending the paragraph it interrupts."""
        self.blocks.append(block)

    def add_table(self, cells: list[LayoutBlock]) -> None:
        self._close()
        self.blocks.extend(cells)

    def column_break(self) -> None:
        """The next line starts a new column or page."""
        self._after_break = True

    def add_line(self, line: Line, page: int) -> None:
        if self._lines and not self._starts_paragraph(line):
            self._lines.append(line)
        else:
            self._close()
            self._open(line, page)
        self._after_break = False

    def finish(self) -> list[LayoutBlock]:
        self._close()
        return self.blocks

    def _open(self, line: Line, page: int) -> None:
        number = typed_number(line.text)
        if number and not is_item(number):
            self._last_clause = number
        self._lines, self._page, self._slot = [line], page, len(self.blocks)
        self.blocks.append(LayoutBlock("", "paragraph", page))

    def _close(self) -> None:
        if self._lines:
            self.blocks[self._slot] = self._block()
        self._lines = []

    def _starts_paragraph(self, line: Line) -> bool:
        prev = self._lines[-1]
        if abs(prev.size - line.size) > 0.6 or prev.bold != line.bold:
            return True
        if self._after_break:
            if self._block().kind != "paragraph":  # a heading ends where its column ends
                return True
        elif _gap_between(prev, line):
            return True
        return not continues(prev.text, line.text, self._last_clause, after_break=self._after_break)

    def _block(self) -> LayoutBlock:
        group = self._lines
        text = join_lines([line.text for line in group], self._is_word)
        size = max(line.size for line in group)
        bigger = size >= self._body_size * 1.12
        bold = all(line.bold for line in group)
        if (bigger or bold) and len(text.split()) <= 16 and not text.rstrip().endswith((".", ";", ",")):
            level = _heading_level(size, self._body_size)
            return LayoutBlock(text, "heading", self._page, level=level, size=size)
        return LayoutBlock(text, "paragraph", self._page, size=size)


def _gap_between(prev: Line, line: Line) -> bool:
    """Blank space (or a jump back up the page) between two lines of one column."""
    gap = line.top - prev.bottom
    return gap > max(prev.size, line.size) * 0.55 or gap < -2


def _heading_level(size: float, body: float) -> int:
    ratio = size / body
    if ratio >= 1.55:
        return 1
    if ratio >= 1.35:
        return 2
    if ratio >= 1.12:
        return 3
    return 4


def join_lines(lines: list[str], is_word: Callable[[str], bool]) -> str:
    """Lines of one paragraph into one string, repairing words broken at a line end."""
    out = lines[0].strip() if lines else ""
    for line in lines[1:]:
        out = _join(out, line.strip(), is_word)
    return out


_BROKEN_WORD = re.compile(r"(\w+)-$")


def _join(left: str, right: str, is_word: Callable[[str], bool]) -> str:
    if not left.endswith("-"):  # the usual case, without searching the paragraph so far
        return f"{left} {right}"
    match = _BROKEN_WORD.search(left)
    first = re.match(r"([a-z]+)(.*)$", right, re.S)
    if match and first:
        head, tail = match.group(1), first.group(1)
        if is_word(head + tail):  # "termi-" + "nation"; "non-" + "recurrent" keeps its hyphen
            return left[:-1] + right
        return left + right
    return f"{left} {right}"
