"""Engine-neutral word boxes: what any PDF library gives the layout code."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Generic, NamedTuple, TypeVar

T = TypeVar("T")


class once(Generic[T]):  # a decorator, lower case like functools.cached_property
    """A property worked out on first use and then kept in the instance. Like
    `functools.cached_property`, without the lock that class takes on every first use
    before Python 3.12 (a page has hundreds of lines, each asked for several properties)."""

    def __init__(self, compute: Callable[[Any], T]) -> None:
        self.compute = compute
        self.name = compute.__name__

    def __get__(self, instance: Any, owner: type | None = None) -> T:
        value = instance.__dict__[self.name] = self.compute(instance)
        return value


class Word(NamedTuple):
    """One word's text and box (points from the page's top left), its font size and weight.
    A named tuple: a page holds hundreds of words, and a tuple is made several times faster
    than a frozen dataclass."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool


@dataclass
class Line:
    """Words of one line, left to right. The layout code asks for a line's text, box, size
    and weight many times, so each is worked out once: a line's words are complete before
    anything asks (`group_lines` sorts them first) and are not changed after."""

    words: list[Word]

    @once
    def text(self) -> str:
        return join_words(self.words)

    @property
    def x0(self) -> float:
        return self.words[0].x0

    @once
    def x1(self) -> float:
        return max(w.x1 for w in self.words)

    @once
    def top(self) -> float:
        return min(w.top for w in self.words)

    @once
    def bottom(self) -> float:
        return max(w.bottom for w in self.words)

    @once
    def size(self) -> float:
        sizes = [w.size for w in self.words]
        return max(set(sizes), key=sizes.count)

    @once
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
    different ascent) stays on its line. (The comparisons written out are `min` and `max`
    of two values, without the calls: this runs for every word of a document.)"""
    lines: list[Line] = []
    current: list[Word] = []
    top = bottom = 0.0
    for word in sorted(words, key=_centre_then_left):
        if current:
            word_top, word_bottom = word.top, word.bottom
            overlap = (word_bottom if word_bottom < bottom else bottom) - (word_top if word_top > top else top)
            needed = bottom - top  # min(line height, word height, size)
            if word_bottom - word_top < needed:
                needed = word_bottom - word_top
            if (word.size or 1) < needed:
                needed = word.size or 1
            if overlap >= 0.5 * needed:
                current.append(word)
                top = word_top if word_top < top else top
                bottom = word_bottom if word_bottom > bottom else bottom
                continue
        current = [word]
        lines.append(Line(current))
        top, bottom = word.top, word.bottom
    for line in lines:
        line.words.sort(key=_left)
    return lines


def _centre_then_left(word: Word) -> tuple[float, float]:
    return ((word.top + word.bottom) / 2, word.x0)


def _left(word: Word) -> float:
    return word.x0
