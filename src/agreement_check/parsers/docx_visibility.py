"""Which runs of a DOCX a reader can see.

A run is hidden when it is marked hidden (`w:vanish`, `w:specVanish`), when it is under
2 pt (`w:sz` below 4 half-points), or when its colour is practically the colour behind
it (white on white). Properties are resolved as Word does: document defaults, then the
paragraph style's chain, then the character style's chain, then the run's own; the
background is the run's highlight or shading, else the paragraph's, the table cell's or
the page's colour, else white. An automatic colour is always readable.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from agreement_check.parsers.docx_text import W
from agreement_check.parsers.hidden import MARKED, SAME_COLOUR, TINY, WHITE, colour, looks_same

_OFF = {"0", "false", "off"}
Props = dict[str, object]
_HIGHLIGHT = {
    "black": (0, 0, 0),
    "blue": (0, 0, 255),
    "cyan": (0, 255, 255),
    "green": (0, 255, 0),
    "magenta": (255, 0, 255),
    "red": (255, 0, 0),
    "yellow": (255, 255, 0),
    "white": (255, 255, 255),
    "darkBlue": (0, 0, 139),
    "darkCyan": (0, 139, 139),
    "darkGreen": (0, 100, 0),
    "darkMagenta": (128, 0, 128),
    "darkRed": (139, 0, 0),
    "darkYellow": (128, 128, 0),
    "darkGray": (169, 169, 169),
    "lightGray": (211, 211, 211),
}


def run_props(rpr: etree._Element | None) -> Props:
    """The properties of one rPr that decide visibility; only those it sets."""
    out: Props = {}
    if rpr is None:
        return out
    for child in rpr:
        tag = child.tag
        if tag == f"{W}vanish" or tag == f"{W}specVanish":
            out["hidden"] = child.get(f"{W}val", "true") not in _OFF
        elif tag == f"{W}color":
            value = child.get(f"{W}val", "auto")
            out["color"] = None if value == "auto" else colour(value)
        elif tag == f"{W}sz":
            value = child.get(f"{W}val", "")
            if value.isdigit():
                out["size"] = int(value)
        elif tag == f"{W}highlight":
            out["highlight"] = _HIGHLIGHT.get(child.get(f"{W}val", "none"))
        elif tag == f"{W}shd":
            out["fill"] = colour(child.get(f"{W}fill"))
    return out


@dataclass
class RunJudge:
    """Judges the runs of one paragraph."""

    base: Props
    background: tuple[int, int, int]
    visibility: Visibility

    def reason(self, run: etree._Element) -> str | None:
        props = dict(self.base)
        rpr = run.find(f"{W}rPr")
        if rpr is not None:
            style = rpr.find(f"{W}rStyle")
            if style is not None:
                props.update(self.visibility.style_props(style.get(f"{W}val", "")))
            props.update(run_props(rpr))
        if not props:
            return None
        if props.get("hidden"):
            return MARKED
        size = props.get("size")
        if isinstance(size, int) and size < 4:
            return TINY
        text_colour = props.get("color")
        if isinstance(text_colour, tuple):
            behind = props.get("highlight") or props.get("fill") or self.background
            if looks_same(text_colour, behind):  # type: ignore[arg-type]
                return SAME_COLOUR
        return None


class Visibility:
    def __init__(self, styles: etree._Element | None) -> None:
        self._styles: dict[str, etree._Element] = {}
        self._resolved: dict[str, Props] = {}
        self._fills: dict[str, tuple[int, int, int] | None] = {}
        self.defaults: Props = {}
        self.default_paragraph = ""
        self.page = WHITE
        if styles is None:
            return
        for style in styles.iter(f"{W}style"):
            self._styles[style.get(f"{W}styleId", "")] = style
            if style.get(f"{W}type") == "paragraph" and style.get(f"{W}default") in {"1", "true"}:
                self.default_paragraph = style.get(f"{W}styleId", "")
        self.defaults = run_props(styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr"))

    def set_page(self, document: etree._Element | None) -> None:
        background = document.find(f"{W}background") if document is not None else None
        self.page = (colour(background.get(f"{W}color")) if background is not None else None) or WHITE

    def style_props(self, style_id: str, depth: int = 0) -> Props:
        """A style's run properties over those of the styles it is based on."""
        if style_id not in self._resolved:
            style = self._styles.get(style_id)
            props: Props = {}
            if style is not None and depth < 20:
                based = style.find(f"{W}basedOn")
                if based is not None:
                    props.update(self.style_props(based.get(f"{W}val", ""), depth + 1))
                props.update(run_props(style.find(f"{W}rPr")))
            self._resolved[style_id] = props
        return self._resolved[style_id]

    def paragraph(self, p: etree._Element, cell_fill: tuple[int, int, int] | None = None) -> RunJudge:
        style = p.find(f"{W}pPr/{W}pStyle")
        style_id = style.get(f"{W}val", "") if style is not None else self.default_paragraph
        base = {**self.defaults, **self.style_props(style_id)}
        own = p.find(f"{W}pPr/{W}shd")
        fill = colour(own.get(f"{W}fill")) if own is not None else self._style_fill(style_id)
        return RunJudge(base, fill or cell_fill or self.page, self)

    def _style_fill(self, style_id: str, depth: int = 0) -> tuple[int, int, int] | None:
        if style_id not in self._fills:
            style = self._styles.get(style_id)
            fill = None
            if style is not None and depth < 20:
                shd = style.find(f"{W}pPr/{W}shd")
                based = style.find(f"{W}basedOn")
                if shd is not None:
                    fill = colour(shd.get(f"{W}fill"))
                elif based is not None:
                    fill = self._style_fill(based.get(f"{W}val", ""), depth + 1)
            self._fills[style_id] = fill
        return self._fills[style_id]


def cell_fill(p: etree._Element) -> tuple[int, int, int] | None:
    """The shading of the table cell a paragraph sits in, if any."""
    node = p.getparent()
    while node is not None and node.tag != f"{W}tc":
        node = node.getparent()
    shd = node.find(f"{W}tcPr/{W}shd") if node is not None else None
    return colour(shd.get(f"{W}fill")) if shd is not None else None
