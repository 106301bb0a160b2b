"""Engine-neutral word boxes: what any PDF library gives the layout code."""

from __future__ import annotations

from dataclasses import dataclass


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
        return " ".join(w.text for w in self.words)

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


def group_lines(words: list[Word]) -> list[Line]:
    """Words into lines, top to bottom, left to right."""
    lines: list[Line] = []
    for word in sorted(words, key=lambda w: (round(w.top), w.x0)):
        if lines and abs(lines[-1].words[0].top - word.top) <= max(2.0, word.size * 0.3):
            lines[-1].words.append(word)
        else:
            lines.append(Line([word]))
    for line in lines:
        line.words.sort(key=lambda w: w.x0)
    return lines
