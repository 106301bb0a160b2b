"""Paragraph styles of a DOCX: which are headings, at what level, and which carry
numbering, following `basedOn` chains as Word does."""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_HEADING = re.compile(r"^heading\s*(\d)$", re.I)


@dataclass(frozen=True)
class StyleInfo:
    name: str
    heading_level: int | None
    num_id: str | None
    ilvl: int | None


class Styles:
    def __init__(self, root: etree._Element | None) -> None:
        self._raw: dict[str, etree._Element] = {}
        self._cache: dict[str, StyleInfo] = {}
        if root is not None:
            for style in root.iter(f"{W}style"):
                if style.get(f"{W}type") == "paragraph":
                    self._raw[style.get(f"{W}styleId", "")] = style

    def get(self, style_id: str | None) -> StyleInfo:
        style_id = style_id or ""
        if style_id not in self._cache:
            self._cache[style_id] = self._resolve(style_id, depth=0)
        return self._cache[style_id]

    def _resolve(self, style_id: str, depth: int) -> StyleInfo:
        style = self._raw.get(style_id)
        if style is None or depth > 20:
            return _from_name(style_id, None, None, None)
        name_el = style.find(f"{W}name")
        name = name_el.get(f"{W}val", style_id) if name_el is not None else style_id
        outline = style.find(f"{W}pPr/{W}outlineLvl")
        num_id = style.find(f"{W}pPr/{W}numPr/{W}numId")
        ilvl = style.find(f"{W}pPr/{W}numPr/{W}ilvl")
        based = style.find(f"{W}basedOn")
        parent = self._resolve(based.get(f"{W}val", ""), depth + 1) if based is not None else None
        level = int(outline.get(f"{W}val", "9")) + 1 if outline is not None else None
        info = _from_name(
            name,
            level,
            num_id.get(f"{W}val") if num_id is not None else None,
            int(ilvl.get(f"{W}val", "0")) if ilvl is not None else None,
        )
        if parent is not None:
            info = StyleInfo(
                name=info.name,
                heading_level=info.heading_level if info.heading_level is not None else parent.heading_level,
                num_id=info.num_id or parent.num_id,
                ilvl=info.ilvl if info.ilvl is not None else parent.ilvl,
            )
        return info


def _from_name(name: str, level: int | None, num_id: str | None, ilvl: int | None) -> StyleInfo:
    match = _HEADING.match(name.strip())
    if match:
        level = int(match.group(1))
    elif name.strip().lower() == "title":
        level = 0
    if level is not None and level > 9:
        level = None
    return StyleInfo(name=name, heading_level=level, num_id=num_id, ilvl=ilvl)
