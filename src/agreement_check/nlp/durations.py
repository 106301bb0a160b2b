"""Periods of time in the forms agreements write them, compared unit by unit.

"six (6) calendar months'", "26 weeks", "ninety days", "half a year", "not less than
three months": each becomes a `Duration` with an ISO 8601 value in the document's own
unit and whole days. Thresholds compare in the same unit where they can, so that six
months is always at least six months (never "180 days, less than 182").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from agreement_check.nlp.numbers import NUMBER_WORDS_PATTERN, parse_number

DAYS_PER_UNIT = {"D": 1.0, "W": 7.0, "M": 30.4375, "Y": 365.25}
_UNIT_WORDS = {
    "day": "D",
    "days": "D",
    "working day": "D",
    "working days": "D",
    "business day": "D",
    "business days": "D",
    "operational day": "D",
    "operational days": "D",
    "calendar day": "D",
    "calendar days": "D",
    "clear days": "D",
    "clear day": "D",
    "week": "W",
    "weeks": "W",
    "calendar week": "W",
    "calendar weeks": "W",
    "month": "M",
    "months": "M",
    "calendar month": "M",
    "calendar months": "M",
    "year": "Y",
    "years": "Y",
    "calendar year": "Y",
    "calendar years": "Y",
}
_QUALIFIERS = {
    "at least": "min",
    "not less than": "min",
    "no less than": "min",
    "a minimum of": "min",
    "minimum of": "min",
    "minimum": "min",
    "not fewer than": "min",
    "no fewer than": "min",
    "up to": "max",
    "not more than": "max",
    "no more than": "max",
    "no later than": "max",
    "not later than": "max",
    "within": "max",
    "a maximum of": "max",
    "maximum of": "max",
}

_NUM = rf"(?:\d{{1,4}}(?:\.\d+)?|{NUMBER_WORDS_PATTERN}|an?)"
_PAREN = rf"(?:\s*\(\s*(?:\d{{1,4}}|{NUMBER_WORDS_PATTERN})\s*\))?"
_UNIT = r"(?:(?:working|business|operational|calendar|clear)\s+)?(?:days?|weeks?|months?|years?)"
_QUAL = "|".join(sorted((re.escape(q) for q in _QUALIFIERS), key=len, reverse=True))
PATTERN = re.compile(
    rf"(?P<qual>\b(?:{_QUAL})\s+)?"
    rf"(?:(?P<half>\bhalf\s+an?\s+(?P<hunit>year|month|day|week))|"
    rf"\b(?P<num>{_NUM}){_PAREN}[\s-]+(?P<unit>{_UNIT})(?P<poss>['’]s?)?)\b",
    re.I,
)


@dataclass(frozen=True)
class Duration:
    amount: float
    unit: str  # D, W, M or Y
    start: int
    end: int
    text: str
    qualifier: str | None = None
    business_days: bool = False

    @property
    def iso(self) -> str:
        amount = self.amount
        if amount != int(amount):
            # half a year -> P6M, half a month -> P15D: ISO 8601 values stay whole
            return _whole_iso(amount, self.unit)
        return f"P{int(amount)}{self.unit}"

    @property
    def days(self) -> int:
        return round(self.amount * DAYS_PER_UNIT[self.unit])

    def at_least(self, threshold: Duration) -> bool:
        """Whether this period is at least `threshold`, comparing like units exactly."""
        return compare(self, threshold) >= 0


def _whole_iso(amount: float, unit: str) -> str:
    if unit == "Y":
        return f"P{round(amount * 12)}M"
    if unit == "W":
        return f"P{round(amount * 7)}D"
    if unit == "M":
        return f"P{round(amount * 30.4375)}D"
    return f"P{round(amount)}D"


def _months(amount: float, unit: str) -> float | None:
    return {"M": amount, "Y": amount * 12}.get(unit)


def _weeks_or_days(amount: float, unit: str) -> float | None:
    return {"W": amount * 7, "D": amount}.get(unit)


def compare(a: Duration, b: Duration) -> int:
    """-1, 0 or 1. Months and years compare as months, weeks and days as days; across the
    two families 6 months equals 26 weeks equals 182 days (the Compact's six months)."""
    ma, mb = _months(a.amount, a.unit), _months(b.amount, b.unit)
    if ma is not None and mb is not None:
        return (ma > mb) - (ma < mb)
    da, db = _weeks_or_days(a.amount, a.unit), _weeks_or_days(b.amount, b.unit)
    if da is not None and db is not None:
        return (da > db) - (da < db)
    # Across families: a month is 182/6 days for comparison, so 26 weeks == 6 months.
    xa = ma * (182 / 6) if ma is not None else da
    xb = mb * (182 / 6) if mb is not None else db
    assert xa is not None and xb is not None
    if abs(xa - xb) < 0.5:
        return 0
    return (xa > xb) - (xa < xb)


_UNIT_STEMS = ("day", "week", "month", "year")  # every period names one of them


def find_durations(text: str) -> list[Duration]:
    """Every period written in `text`, in order."""
    folded = text.casefold()  # as the pattern's case-insensitive matching compares letters
    if not any(stem in folded for stem in _UNIT_STEMS):
        return []  # most sentences name no period; the pattern would try every character
    found = []
    for match in PATTERN.finditer(text):
        duration = _from_match(match)
        if duration is not None:
            found.append(duration)
    return found


def _from_match(match: re.Match[str]) -> Duration | None:
    qualifier = _QUALIFIERS.get(re.sub(r"\s+", " ", (match.group("qual") or "").strip().lower()))
    if match.group("half"):
        unit = _UNIT_WORDS[match.group("hunit").lower()]
        amount = 0.5
        unit_text = match.group("hunit")
    else:
        amount_value = parse_number(match.group("num"))
        if amount_value is None or amount_value <= 0:
            return None
        amount = amount_value
        unit_text = re.sub(r"\s+", " ", match.group("unit").lower())
        unit = _UNIT_WORDS.get(unit_text) or _UNIT_WORDS[unit_text.split()[-1]]
    business = bool(re.match(r"(working|business|operational)", unit_text, re.I))
    return Duration(
        amount=amount,
        unit=unit,
        start=match.start(),
        end=match.end(),
        text=match.group(0).strip(),
        qualifier=qualifier,
        business_days=business,
    )


_ISO = re.compile(r"^P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?$")


def parse_iso(value: str) -> Duration:
    """'P6M' -> Duration(6, 'M'); raises ValueError for anything else (one unit only)."""
    match = _ISO.match(value.strip().upper())
    if not match or not any(match.groups()):
        raise ValueError(f"not an ISO 8601 duration such as P6M, P26W or P182D: {value!r}")
    parts = [(float(v), u) for v, u in zip(match.groups(), "YMWD") if v is not None]
    if len(parts) != 1:
        raise ValueError(f"use one unit in a threshold (P6M, not P1Y6M): {value!r}")
    amount, unit = parts[0]
    return Duration(amount=amount, unit=unit, start=0, end=0, text=value)


def zero(text: str = "") -> Duration:
    """The period of a right that needs no notice at all ("at any time", "immediately")."""
    return Duration(amount=0, unit="D", start=0, end=0, text=text)
