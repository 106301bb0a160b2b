"""Render Word's automatic numbering as a reader sees it ("12.2.1", "(b)", "iv.").

Word stores only the list definitions (numbering.xml) and, on each paragraph, which list
and level it belongs to; the numbers themselves exist only when Word lays the document
out. We replay the counters in document order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@dataclass
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    restart: int | None = None  # restart after this (1-based) level; None = any higher level
    legal: bool = False
    style: str | None = None


@dataclass
class Instance:
    abstract_id: str
    overrides: dict[int, int] = field(default_factory=dict)
    level_overrides: dict[int, Level] = field(default_factory=dict)


class Numbering:
    """Definitions from numbering.xml plus the running counters of one document."""

    def __init__(self, root: etree._Element | None) -> None:
        self.abstracts: dict[str, dict[int, Level]] = {}
        self.instances: dict[str, Instance] = {}
        self.style_links: dict[str, tuple[str, int]] = {}
        self._counters: dict[str, list[int | None]] = {}
        self._started: set[tuple[str, str]] = set()
        if root is not None:
            self._load(root)

    def _load(self, root: etree._Element) -> None:
        for abstract in root.iter(f"{W}abstractNum"):
            aid = abstract.get(f"{W}abstractNumId", "")
            self.abstracts[aid] = {int(lvl.get(f"{W}ilvl", "0")): _read_level(lvl) for lvl in abstract.iter(f"{W}lvl")}
        for num in root.iter(f"{W}num"):
            ref = num.find(f"{W}abstractNumId")
            instance = Instance(abstract_id=_val(ref) or "")
            for override in num.iter(f"{W}lvlOverride"):
                ilvl = int(override.get(f"{W}ilvl", "0"))
                start = override.find(f"{W}startOverride")
                if start is not None:
                    instance.overrides[ilvl] = int(_val(start) or 1)
                lvl = override.find(f"{W}lvl")
                if lvl is not None:
                    instance.level_overrides[ilvl] = _read_level(lvl)
            self.instances[num.get(f"{W}numId", "")] = instance

    def levels(self, num_id: str) -> dict[int, Level]:
        instance = self.instances.get(num_id)
        if instance is None:
            return {}
        merged = dict(self.abstracts.get(instance.abstract_id, {}))
        merged.update(instance.level_overrides)
        return merged

    def next_label(self, num_id: str, ilvl: int) -> str | None:
        """Advance the counter of (list, level) and return the rendered label."""
        instance = self.instances.get(num_id)
        levels = self.levels(num_id)
        if instance is None or ilvl not in levels or num_id == "0":
            return None
        key = self._counter_key(num_id, instance)
        counters = self._counters.setdefault(key, [None] * 9)
        started = (key, num_id)
        if started not in self._started:
            self._started.add(started)
            for lvl, value in instance.overrides.items():
                counters[lvl] = value - 1
        level = levels[ilvl]
        current = counters[ilvl]
        counters[ilvl] = level.start if current is None else current + 1
        for deeper in range(ilvl + 1, 9):
            deeper_level = levels.get(deeper)
            if deeper_level is None or deeper_level.restart is None or deeper_level.restart > ilvl:
                counters[deeper] = None
        if level.fmt in {"bullet", "none"}:
            return None
        return _render(level, levels, counters, ilvl)

    def _counter_key(self, num_id: str, instance: Instance) -> str:
        # Lists that point at the same abstract definition continue one another in Word,
        # unless the instance restarts its numbering with an override.
        if instance.overrides:
            return f"num:{num_id}"
        return f"abs:{instance.abstract_id}"


def _read_level(lvl: etree._Element) -> Level:
    start = lvl.find(f"{W}start")
    fmt = lvl.find(f"{W}numFmt")
    text = lvl.find(f"{W}lvlText")
    restart = lvl.find(f"{W}lvlRestart")
    style = lvl.find(f"{W}pStyle")
    return Level(
        start=int(_val(start) or 1) if start is not None else 1,
        fmt=_val(fmt) or "decimal",
        text=(_val(text) or "") if text is not None else "",
        restart=int(_val(restart) or 0) if restart is not None else None,
        legal=lvl.find(f"{W}isLgl") is not None,
        style=_val(style),
    )


def _val(element: etree._Element | None) -> str | None:
    return None if element is None else element.get(f"{W}val")


def _render(level: Level, levels: dict[int, Level], counters: list[int | None], ilvl: int) -> str:
    def substitute(match: re.Match[str]) -> str:
        index = int(match.group(1)) - 1
        ref = levels.get(index, Level())
        value = counters[index]
        value = ref.start if value is None else value
        fmt = "decimal" if (level.legal and index < ilvl) else ref.fmt
        return format_number(value, fmt)

    return re.sub(r"%([1-9])", substitute, level.text).strip()


def format_number(value: int, fmt: str) -> str:
    """One counter value in a Word number format."""
    if fmt in {"lowerLetter", "upperLetter"}:
        letters = _letters(value)
        return letters if fmt == "lowerLetter" else letters.upper()
    if fmt in {"lowerRoman", "upperRoman"}:
        roman = to_roman(value)
        return roman if fmt == "upperRoman" else roman.lower()
    if fmt == "decimalZero":
        return f"{value:02d}"
    if fmt == "ordinal":
        return f"{value}{_ordinal_suffix(value)}"
    return str(value)


def _letters(value: int) -> str:
    # Word repeats the letter past z: a..z, aa..zz, aaa...
    value = max(value, 1)
    letter = chr(ord("a") + (value - 1) % 26)
    return letter * ((value - 1) // 26 + 1)


def to_roman(value: int) -> str:
    """A positive number in upper-case Roman numerals (Word's upperRoman and lowerRoman numbering)."""
    numerals = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ]
    out = []
    for amount, numeral in numerals:
        while value >= amount:
            out.append(numeral)
            value -= amount
    return "".join(out)


def _ordinal_suffix(value: int) -> str:
    if 10 <= value % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(value % 10, "th")
