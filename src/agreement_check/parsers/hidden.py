"""Text a reader cannot see is not agreement text.

Word and OpenDocument can mark text hidden, or colour it like its background; a PDF can
draw text invisibly (render mode 3), off the page or too small to read. Such words are
left out of the document model, so a provision that only hidden words state is missing,
as a reader would find it, and the report says what was left out, so a person can look.
"""

from __future__ import annotations

from dataclasses import dataclass, field

MIN_POINTS = 2.0  # text smaller than this cannot be read
MIN_CONTRAST = 1.1  # WCAG contrast ratio below which text and background look the same

MARKED = "marked as hidden"
SAME_COLOUR = "the same colour as its background"
INVISIBLE = "drawn invisibly"
OFF_PAGE = "outside the page"
TINY = "too small to read (under 2 pt)"

_QUOTE_WORDS = 40


@dataclass
class HiddenText:
    """Hidden text of one document, in reading order, and the ways it was hidden."""

    texts: list[str] = field(default_factory=list)
    reasons: dict[str, None] = field(default_factory=dict)  # an ordered set

    def __init__(self, pieces: list[tuple[str, str]] | None = None) -> None:
        self.texts, self.reasons = [], {}
        for text, reason in pieces or []:
            self.add(text, reason)

    def add(self, text: str, reason: str) -> None:
        """One hidden word or passage, set apart from its neighbours by a space."""
        self.add_joined([(text, reason)])

    def add_joined(self, pieces: list[tuple[str, str]]) -> None:
        """Hidden runs of one paragraph: their text runs on, as it would if shown."""
        text = "".join(text for text, _ in pieces)
        if text.strip():
            self.texts.append(text)
            self.reasons.update((reason, None) for text, reason in pieces if text.strip())

    def words(self) -> int:
        return sum(len(text.split()) for text in self.texts)

    def warning(self) -> str | None:
        """'12 words in this document are hidden from a reader and were not checked: …'"""
        count = self.words()
        if not count:
            return None
        words = " ".join(self.texts).split()
        quote = " ".join(words[:_QUOTE_WORDS]) + (" …" if len(words) > _QUOTE_WORDS else "")
        several = count != 1
        return (
            f"{count} word{'s' if several else ''} in this document {'are' if several else 'is'} hidden "
            f"from a reader and {'were' if several else 'was'} not checked: “{quote}” ({'; '.join(self.reasons)})."
        )


def colour(value: str | None) -> tuple[int, int, int] | None:
    """'FFFFFF' or '#ffffff' as RGB; None for 'auto', a theme name or anything else."""
    if not value:
        return None
    value = value.strip().lstrip("#")
    if len(value) != 6:
        return None
    try:
        return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)
    except ValueError:
        return None


def looks_same(text: tuple[int, int, int], background: tuple[int, int, int]) -> bool:
    """Whether text of one colour on another is practically invisible."""
    lighter, darker = sorted((_luminance(text), _luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05) < MIN_CONTRAST


def _luminance(rgb: tuple[int, int, int]) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


WHITE = (255, 255, 255)
