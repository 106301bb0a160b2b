"""Reading order for PDF pages, from word boxes alone (any PDF library can supply them).

A PDF has no paragraphs, headings or tables, only positioned words. This module rebuilds
what a reader sees: running headers and footers set aside, two-column pages read column
by column, table rows found from column alignment, lines joined into paragraphs (also
across a page break), end-of-line hyphenation repaired only where the joined word is a
word, and headings told apart by size and weight.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from agreement_check.parsers.clauses import typed_number
from agreement_check.parsers.pdf_words import Line, PageWords, Word, group_lines, join_words

RUNNING_BAND = 0.09  # top and bottom share of the page where running heads live
_PAGE_NUMBER = re.compile(r"^(?:page\s+)?[-–—]?\s*\d{1,4}\s*[-–—]?(?:\s*(?:of|/)\s*\d{1,4})?$", re.I)
_BULLET = re.compile(r"^[•◦▪‣●○■\-–—*]\s")
_TERMINAL = re.compile(r"[.:;!?)]\s*$|[.:;!?][\"'”’]\s*$")


@dataclass
class LayoutBlock:
    text: str
    kind: str  # heading | paragraph | table-cell | header | footer
    page: int
    level: int = 0
    cell: tuple[int, int, int] | None = None
    size: float = 0.0


def lay_out(pages: list[PageWords], is_word: Callable[[str], bool]) -> list[LayoutBlock]:
    page_lines = [(p, group_lines(p.words)) for p in pages]
    running = _running_lines(page_lines)
    body_size = _body_size(page_lines)
    blocks: list[LayoutBlock] = []
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
                blocks.append(LayoutBlock(line.text, role, page.number))
        for segment in _columns(body, page.width):
            for kind, content in _tables(segment):
                if kind == "table":
                    blocks.extend(_table_blocks(content, page.number, tables))
                    tables += 1
                else:
                    blocks.extend(_paragraphs(content, page.number, body_size, is_word))
    return _join_across_pages(blocks, is_word)


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
        if word.x0 - prev.x1 > max(18.0, 1.8 * word.size):
            out.append([word])
        else:
            out[-1].append(word)
    label = join_words(out[0])
    if len(out) > 1 and len(out[0]) == 1 and (typed_number(label + " x") or _BULLET.match(label + " ")):
        out = [out[0] + out[1], *out[2:]]  # "12.  Text" is a numbered clause, not a row
    return out


def _tables(lines: list[Line]) -> list[tuple[str, list]]:
    out: list[tuple[str, list]] = []
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
        cols = [_column_of(seg[0].x0, starts) for seg in segs]
        if None in cols:
            break
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


def _wrapped_first_cell(segs: list[list[Word]], starts: list[float], rows: list, gap: float) -> bool:
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


# -- paragraphs and headings -----------------------------------------------------------


def _paragraphs(lines: list[Line], page: int, body_size: float, is_word: Callable[[str], bool]) -> list[LayoutBlock]:
    groups: list[list[Line]] = []
    for line in lines:
        if groups and not _starts_paragraph(groups[-1][-1], line):
            groups[-1].append(line)
        else:
            groups.append([line])
    return [_block(group, page, body_size, is_word) for group in groups]


def _starts_paragraph(prev: Line, line: Line) -> bool:
    gap = line.top - prev.bottom
    if gap > max(prev.size, line.size) * 0.55 or gap < -2:
        return True
    if abs(prev.size - line.size) > 0.6 or prev.bold != line.bold:
        return True
    text = line.text
    return bool(typed_number(text) or _BULLET.match(text))


def _block(group: list[Line], page: int, body_size: float, is_word: Callable[[str], bool]) -> LayoutBlock:
    text = join_lines([line.text for line in group], is_word)
    size = max(line.size for line in group)
    words = len(text.split())
    bigger = size >= body_size * 1.12
    bold = all(line.bold for line in group)
    if (bigger or bold) and words <= 16 and not text.rstrip().endswith((".", ";", ",")):
        level = _heading_level(size, body_size, bold)
        return LayoutBlock(text, "heading", page, level=level, size=size)
    return LayoutBlock(text, "paragraph", page, size=size)


def _heading_level(size: float, body: float, bold: bool) -> int:
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


def _join(left: str, right: str, is_word: Callable[[str], bool]) -> str:
    match = re.search(r"(\w+)-$", left)
    first = re.match(r"([a-z]+)(.*)$", right, re.S)
    if match and first:
        head, tail = match.group(1), first.group(1)
        if is_word(head + tail):  # "termi-" + "nation"; "non-" + "recurrent" keeps its hyphen
            return left[:-1] + right
        return left + right
    return f"{left} {right}"


def _join_across_pages(blocks: list[LayoutBlock], is_word: Callable[[str], bool]) -> list[LayoutBlock]:
    """A paragraph cut by a page break is one paragraph (on the page where it starts)."""
    out: list[LayoutBlock] = []
    last_body: int | None = None
    for block in blocks:
        if block.kind in {"header", "footer"}:
            out.append(block)
            continue
        prev = out[last_body] if last_body is not None else None
        if (
            prev is not None
            and block.kind == "paragraph"
            and prev.kind == "paragraph"
            and block.page == prev.page + 1
            and not _TERMINAL.search(prev.text)
            and abs(prev.size - block.size) < 0.6
            and not typed_number(block.text)
        ):
            prev.text = _join(prev.text, block.text, is_word)
            continue
        out.append(block)
        last_body = len(out) - 1
    return out
