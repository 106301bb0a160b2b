"""Sums of money ("£4,500", "£1.2 million", "£12k")."""

from __future__ import annotations

import re
from dataclasses import dataclass

MONEY = re.compile(
    r"£\s?(?P<num>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?P<pence>\d{2}))?\s*(?P<scale>million|m\b|k\b|thousand)?", re.I
)


@dataclass(frozen=True)
class Money:
    amount: float
    start: int
    end: int


def find_money(text: str) -> list[Money]:
    """Every sum of money written in pounds in the text, with scales such as "million" applied."""
    out = []
    for m in MONEY.finditer(text):
        value = float(m.group("num").replace(",", "")) + (int(m.group("pence") or 0) / 100)
        scale = (m.group("scale") or "").lower()
        if scale in {"million", "m"}:
            value *= 1_000_000
        elif scale in {"k", "thousand"}:
            value *= 1000
        out.append(Money(value, m.start(), m.end()))
    return out
