"""OpenDocument styles as far as reading needs them: display names, which list style a
paragraph follows, how each list level is numbered, and the text properties that decide
whether text can be seen (hidden, colour, background, size), following parent styles."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from lxml import etree

from agreement_check.parsers.hidden import colour

OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
FO = "{urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0}"
TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
DRAW = "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}"

_FORMATS = {"1": "decimal", "a": "lowerLetter", "A": "upperLetter", "i": "lowerRoman", "I": "upperRoman"}
_LENGTH = re.compile(r"^\s*([\d.]+)\s*(pt|cm|mm|in|pc|px)?\s*$")
_POINTS = {"pt": 1.0, "cm": 72 / 2.54, "mm": 72 / 25.4, "in": 72.0, "pc": 12.0, "px": 0.75, None: 1.0}


@dataclass(frozen=True)
class Look:
    """What decides whether text can be seen; None where no style says."""

    hidden: bool | None = None
    color: tuple[int, int, int] | None = None
    auto_color: bool | None = None
    background: tuple[int, int, int] | None = None
    size: float | None = None

    def over(self, base: Look) -> Look:
        """These properties where set, `base` elsewhere."""
        return Look(
            hidden=self.hidden if self.hidden is not None else base.hidden,
            color=self.color if self.color is not None or self.auto_color else base.color,
            auto_color=self.auto_color if self.auto_color is not None else base.auto_color,
            background=self.background if self.background is not None else base.background,
            size=self.size if self.size is not None else base.size,
        )


@dataclass(frozen=True)
class ListLevel:
    fmt: str = "decimal"  # as numbering.format_number names it; "none" for bullets
    prefix: str = ""
    suffix: str = ""
    display: int = 1
    start: int = 1


class OdtStyles:
    def __init__(self, *roots: etree._Element | None) -> None:
        self._styles: dict[tuple[str, str], etree._Element] = {}
        self._defaults: dict[str, etree._Element] = {}
        self._lists: dict[str, etree._Element] = {}
        self.outline: etree._Element | None = None
        self._looks: dict[tuple[str, str], Look] = {}
        for root in roots:
            if root is not None:
                self._index(root)

    def _index(self, root: etree._Element) -> None:
        for style in root.iter(f"{STYLE}style"):
            self._styles[(style.get(f"{STYLE}family", ""), style.get(f"{STYLE}name", ""))] = style
        for style in root.iter(f"{STYLE}default-style"):
            self._defaults[style.get(f"{STYLE}family", "")] = style
        for style in root.iter(f"{TEXT}list-style"):
            self._lists[style.get(f"{STYLE}name", "")] = style
        outline = next(root.iter(f"{TEXT}outline-style"), None)
        if outline is not None:
            self.outline = outline

    def display_name(self, family: str, name: str | None) -> str | None:
        style = self._styles.get((family, name or ""))
        if style is None:
            return name
        parent = style.get(f"{STYLE}parent-style-name")
        if style.getparent() is not None and style.getparent().tag == f"{OFFICE}automatic-styles" and parent:
            return self.display_name(family, parent)  # an automatic style stands for its parent
        return style.get(f"{STYLE}display-name") or (name or "").replace("_20_", " ")

    def list_style(self, name: str | None) -> str | None:
        """The list style a paragraph style applies, through its parents."""
        for style in self._chain("paragraph", name):
            found = style.get(f"{STYLE}list-style-name")
            if found:
                return str(found)
        return None

    def outline_level(self, name: str | None) -> int | None:
        for style in self._chain("paragraph", name):
            level = style.get(f"{STYLE}default-outline-level")
            if level and level.isdigit():
                return int(level)
        return None

    def level(self, list_style: str | None, level: int) -> ListLevel:
        root = self._lists.get(list_style or "") if list_style else None
        return _list_level(root, level)

    def outline_numbering(self, level: int) -> ListLevel:
        return _list_level(self.outline, level)

    def look(self, family: str, name: str | None) -> Look:
        key = (family, name or "")
        if key not in self._looks:
            look = Look()
            for style in self._chain(family, name):
                look = look.over(_own_look(style))
            default = self._defaults.get(family)
            self._looks[key] = look.over(_own_look(default)) if default is not None else look
        return self._looks[key]

    def _chain(self, family: str, name: str | None) -> list[etree._Element]:
        chain: list[etree._Element] = []
        while name and len(chain) < 20:
            style = self._styles.get((family, name))
            if style is None:
                break
            chain.append(style)
            name = style.get(f"{STYLE}parent-style-name")
        return chain


def _own_look(style: etree._Element) -> Look:
    text = style.find(f"{STYLE}text-properties")
    paragraph = style.find(f"{STYLE}paragraph-properties")
    cell = style.find(f"{STYLE}table-cell-properties")
    look = Look()
    if text is not None:
        display = text.get(f"{TEXT}display")
        window = text.get(f"{STYLE}use-window-font-color")
        look = Look(
            hidden=(display == "none") if display else None,
            color=colour(text.get(f"{FO}color")),
            auto_color=(window == "true") if window else None,
            background=colour(text.get(f"{FO}background-color")),
            size=_points(text.get(f"{FO}font-size")),
        )
    for props in (paragraph, cell):
        if props is not None and look.background is None:
            look = replace(look, background=colour(props.get(f"{FO}background-color")))
    return look


def _points(value: str | None) -> float | None:
    match = _LENGTH.match(value or "")
    return float(match.group(1)) * _POINTS[match.group(2)] if match else None


def _list_level(root: etree._Element | None, level: int) -> ListLevel:
    if root is None:
        return ListLevel(fmt="none")
    for child in root:
        if child.get(f"{TEXT}level") != str(level):
            continue
        if child.tag != f"{TEXT}list-level-style-number" and child.tag != f"{TEXT}outline-level-style":
            return ListLevel(fmt="none")
        fmt = child.get(f"{STYLE}num-format", "")
        display = child.get(f"{TEXT}display-levels", "1")
        start = child.get(f"{TEXT}start-value", "1")
        return ListLevel(
            fmt=_FORMATS.get(fmt, "none"),
            prefix=child.get(f"{STYLE}num-prefix", ""),
            suffix=child.get(f"{STYLE}num-suffix", ""),
            display=int(display) if display.isdigit() else 1,
            start=int(start) if start.isdigit() else 1,
        )
    return ListLevel(fmt="none")
