"""Reading order for PDF pages, from word boxes alone (any PDF library can supply them).

A PDF has no paragraphs, headings or tables, only positioned words. This module rebuilds
what a reader sees: running headers and footers set aside, two-column pages read column
by column, and table rows found from column alignment. The remaining lines go, in that
reading order, to `pdf_paragraphs`, which joins them into paragraphs and headings (also
across a column or page break).
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Callable
from typing import Any

from agreement_check.parsers.clauses import typed_number
from agreement_check.parsers.line_flow import BULLET
from agreement_check.parsers.pdf_paragraphs import LayoutBlock, ParagraphFlow
from agreement_check.parsers.pdf_words import Line, PageWords, Word, group_lines, join_words

RUNNING_BAND = 0.09  # top and bottom share of the page where running heads live
_PAGE_NUMBER = re.compile(r"^(?:page\s+)?[-–—]?\s*\d{1,4}\s*[-–—]?(?:\s*(?:of|/)\s*\d{1,4})?$", re.I)

__all__ = ["LayoutBlock", "lay_out"]


def lay_out(pages: list[PageWords], is_word: Callable[[str], bool]) -> list[LayoutBlock]:
    """The pages' words as blocks in reading order: running headers and footers aside, columns and tables found."""
    page_lines = [(p, group_lines(p.words)) for p in pages]
    running = _running_lines(page_lines)
    flow = ParagraphFlow(_body_size(page_lines), is_word)
    seen_running: set[str] = set()
    tables = 0
    for page, lines in page_lines:
        body: list[Line] = []
        for line in lines:
            role = _running_role(line, page, running)
            if role is None:
                body.append(line)
                continue
            key = _shape(line.text)
            if key not in seen_running and not _PAGE_NUMBER.match(line.text.strip()):
                seen_running.add(key)
                flow.add_aside(LayoutBlock(line.text, role, page.number))
        for segment in _columns(body, page.width):
            flow.column_break()
            for kind, content in _tables(segment):
                if kind == "table":
                    flow.add_table(_table_blocks(content, page.number, tables))
                    tables += 1
                else:
                    for line in content:
                        flow.add_line(line, page.number)
    return flow.finish()


# -- running headers and footers ---------------------------------------------------------


def _shape(text: str) -> str:
    return re.sub(r"\d+", "#", text.strip().lower())


def _running_lines(page_lines: list[tuple[PageWords, list[Line]]]) -> set[str]:
    if len(page_lines) < 2:
        return set()
    counts: Counter[str] = Counter()
    for page, lines in page_lines:
        shapes = {_shape(line.text) for line in lines if _in_band(line, page)}
        counts.update(shapes)
    needed = max(2, int(len(page_lines) * 0.4 + 0.5))
    return {shape for shape, n in counts.items() if n >= needed}


def _in_band(line: Line, page: PageWords) -> bool:
    band = page.height * RUNNING_BAND
    return line.bottom <= band or line.top >= page.height - band


def _running_role(line: Line, page: PageWords, running: set[str]) -> str | None:
    if not _in_band(line, page):
        return None
    if _shape(line.text) in running or _PAGE_NUMBER.match(line.text.strip()):
        return "header" if line.top < page.height / 2 else "footer"
    return None


def _body_size(page_lines: list[tuple[PageWords, list[Line]]]) -> float:
    sizes: Counter[float] = Counter()
    for _, lines in page_lines:
        for line in lines:
            for word in line.words:
                sizes[round(word.size, 1)] += len(word.text)
    return sizes.most_common(1)[0][0] if sizes else 11.0


# -- columns ---------------------------------------------------------------------------


def _columns(lines: list[Line], width: float) -> list[list[Line]]:
    """Two-column pages as [full-width lines above, left column, right column, below]."""
    gutter = _gutter(lines, width)
    if gutter is None:
        return [lines]
    above: list[Line] = []
    left: list[Line] = []
    right: list[Line] = []
    below: list[Line] = []
    started = False
    for line in lines:
        lw = [w for w in line.words if w.x1 <= gutter]
        rw = [w for w in line.words if w.x0 >= gutter]
        if len(lw) + len(rw) < len(line.words):  # crosses the gutter: full width
            (below if started else above).append(line)
            continue
        started = True
        if lw:
            left.append(Line(lw))
        if rw:
            right.append(Line(rw))
    return [part for part in (above, left, right, below) if part]


def _gutter(lines: list[Line], width: float) -> float | None:
    if len(lines) < 8 or _mostly_full_width(lines, width):
        return None
    for x in _candidates(width):
        crossing = sum(1 for line in lines if any(w.x0 < x < w.x1 for w in line.words))
        left = [line for line in lines if any(w.x1 <= x for w in line.words)]
        right = [line for line in lines if any(w.x0 >= x for w in line.words)]
        if crossing > len(lines) * 0.15 or len(left) < 6 or len(right) < 6:
            continue
        if _wraps_at(left, x, width) and _has_gap_at(lines, x):
            return x
    return None


def _mostly_full_width(lines: list[Line], width: float) -> bool:
    """Most lines run across the middle of the page with no wide gap: one column. A quick
    test that spares single-column pages the search for a gutter."""
    low, high = width * 0.38, width * 0.62
    crossing = 0
    for line in lines:
        words = line.words
        if words[0].x0 >= low or words[-1].x1 <= high:
            continue
        if all(b.x0 - a.x1 < 12 for a, b in itertools.pairwise(words)):
            crossing += 1
    return crossing > len(lines) * 0.15


def _candidates(width: float) -> list[float]:
    middle = width / 2
    steps = [middle + d for d in range(0, int(width * 0.12), 4)]
    steps += [middle - d for d in range(4, int(width * 0.12), 4)]
    return steps


def _wraps_at(left: list[Line], x: float, width: float) -> bool:
    """Running text in the left column fills it: many lines end close to the gutter
    (a table's first column, by contrast, holds short labels of varying length)."""
    ends = [max(w.x1 for w in line.words if w.x1 <= x) for line in left]
    edge = max(ends)
    return sum(1 for e in ends if edge - e < 25) >= len(ends) * 0.6 and x - edge < width * 0.15


def _has_gap_at(lines: list[Line], x: float) -> bool:
    both = 0
    for line in lines:
        has_left = any(w.x1 <= x for w in line.words)
        has_right = any(w.x0 >= x for w in line.words)
        both += has_left and has_right
    return both >= 6


# -- tables ----------------------------------------------------------------------------


def _segments(line: Line) -> list[list[Word]]:
    """Runs of words separated by a wide horizontal gap (a table's cell boundary)."""
    out: list[list[Word]] = [[line.words[0]]]
    for prev, word in zip(line.words, line.words[1:]):
        wide = 1.8 * word.size
        if word.x0 - prev.x1 > (wide if wide > 18.0 else 18.0):  # max(18.0, wide)
            out.append([word])
        else:
            out[-1].append(word)
    label = join_words(out[0])
    if len(out) > 1 and len(out[0]) == 1 and (typed_number(label + " x") or BULLET.match(label + " ")):
        out = [out[0] + out[1], *out[2:]]  # "12.  Text" is a numbered clause, not a row
    return out


def _tables(lines: list[Line]) -> list[tuple[str, list[Any]]]:
    out: list[tuple[str, list[Any]]] = []
    i = 0
    while i < len(lines):
        rows, j = _table_at(lines, i)
        if rows is not None:
            out.append(("table", rows))
            i = j
            continue
        if out and out[-1][0] == "lines":
            out[-1][1].append(lines[i])
        else:
            out.append(("lines", [lines[i]]))
        i += 1
    return out


def _table_at(lines: list[Line], start: int) -> tuple[list[list[str]] | None, int]:
    first = _segments(lines[start])
    if len(first) < 2:
        return None, start
    starts = [seg[0].x0 for seg in first]
    rows: list[list[list[str]]] = []
    i = start
    prev_bottom = lines[start].top
    while i < len(lines):
        line = lines[i]
        if line.top - prev_bottom > line.size * 1.6:
            break
        segs = _segments(line)
        found = [_column_of(seg[0].x0, starts) for seg in segs]
        if None in found:
            break
        cols = [col for col in found if col is not None]
        if _wrapped_first_cell(segs, starts, rows, line.top - prev_bottom):
            rows[-1][0].append(join_words(segs[0]))
        elif len(segs) >= 2 or (rows and cols[0] != 0):
            if len(segs) >= 2 and cols[0] == 0:
                rows.append([[] for _ in starts])
            for seg, col in zip(segs, cols):
                rows[-1][col].append(join_words(seg))
        else:
            break
        prev_bottom = line.bottom
        i += 1
    if len(rows) < 2:
        return None, start
    return [[" ".join(cell) for cell in row] for row in rows], i


def _wrapped_first_cell(segs: list[list[Word]], starts: list[float], rows: list[list[list[str]]], gap: float) -> bool:
    """A short line tucked under a row's first cell is that cell's text wrapping."""
    if not rows or len(segs) != 1 or _column_of(segs[0][0].x0, starts) != 0:
        return False
    return segs[0][-1].x1 < starts[1] - 2 and gap < segs[0][0].size * 0.5


def _column_of(x0: float, starts: list[float]) -> int | None:
    for index in range(len(starts) - 1, -1, -1):
        if x0 >= starts[index] - 6:
            return index
    return None


def _table_blocks(rows: list[list[str]], page: int, table: int) -> list[LayoutBlock]:
    return [
        LayoutBlock(text, "table-cell", page, cell=(table, r, c))
        for r, row in enumerate(rows)
        for c, text in enumerate(row)
        if text.strip()
    ]
