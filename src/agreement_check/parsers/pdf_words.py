"""Engine-neutral word boxes: what any PDF library gives the layout code."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool


@dataclass
class Line:
    words: list[Word]

    @property
    def text(self) -> str:
        return join_words(self.words)

    @property
    def x0(self) -> float:
        return self.words[0].x0

    @property
    def x1(self) -> float:
        return max(w.x1 for w in self.words)

    @property
    def top(self) -> float:
        return min(w.top for w in self.words)

    @property
    def bottom(self) -> float:
        return max(w.bottom for w in self.words)

    @property
    def size(self) -> float:
        sizes = [w.size for w in self.words]
        return max(set(sizes), key=sizes.count)

    @property
    def bold(self) -> bool:
        return all(w.bold for w in self.words)


@dataclass
class PageWords:
    number: int
    width: float
    height: float
    words: list[Word]
    hidden: list[tuple[str, str]] = field(default_factory=list)  # (text, why) of words a reader cannot see
    pictures: bool = False  # the page draws an image (a page with pictures and no words looks scanned)


def join_words(words: list[Word]) -> str:
    """Words of one line as text: touching words (a bold name and the comma after it, which
    some engines report as two words) are joined without a space."""
    out = ""
    previous: Word | None = None
    for word in words:
        if previous is not None and word.x0 - previous.x1 > 0.8:
            out += " "
        out += word.text
        previous = word
    return out


def group_lines(words: list[Word]) -> list[Line]:
    """Words into lines, top to bottom, left to right. Words share a line when their
    heights overlap by at least half, so a word in another font (italic, bold, with a
    different ascent) stays on its line."""
    lines: list[Line] = []
    spans: list[tuple[float, float]] = []
    for word in sorted(words, key=lambda w: ((w.top + w.bottom) / 2, w.x0)):
        if lines:
            top, bottom = spans[-1]
            overlap = min(bottom, word.bottom) - max(top, word.top)
            if overlap >= 0.5 * min(bottom - top, word.bottom - word.top, word.size or 1):
                lines[-1].words.append(word)
                spans[-1] = (min(top, word.top), max(bottom, word.bottom))
                continue
        lines.append(Line([word]))
        spans.append((word.top, word.bottom))
    for line in lines:
        line.words.sort(key=lambda w: w.x0)
    return lines
