"""Named language components a rule's `extract` section calls: each returns items with a
value and the place that gave it, so rules can compare values with thresholds.

Registered in `COMPONENTS`; a rule file names one with `component:`.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass

from agreement_check.context import DocumentContext
from agreement_check.nlp.dates import find_dates
from agreement_check.nlp.durations import Duration, find_durations
from agreement_check.nlp.money import find_money


@dataclass(frozen=True)
class Item:
    unit: int
    start: int
    end: int
    duration: Duration | None = None
    amount: float | None = None
    also: tuple[int, ...] = ()  # further units that show the value (a defining table row)


_GRANT_SUM = re.compile(
    r"\b(?:grant|award|contract\s+value|annual\s+value|total|sum|funding|offer|pay\s+(?:you|the\s+\w+)|value)\b", re.I
)


def grant_amounts(ctx: DocumentContext) -> list[Item]:
    """Sums the document gives as the grant or contract value."""
    items = []
    for unit in ctx.units:
        if not _GRANT_SUM.search(unit.text):
            continue
        for money in find_money(unit.text):
            items.append(Item(unit.index, money.start, money.end, amount=money.amount))
    return items


_PERIOD_WORDS = re.compile(r"\b(?:grant|agreement|contract|funding|award|term|period|project|sla)\b", re.I)
_LENGTH = re.compile(
    r"\b(?:for|runs?\s+for|lasts?|period\s+of|term\s+of|duration\s+of|over)\s+(?:a\s+period\s+of\s+)?$|"
    r"(?:^|\|)\s*(?:(?:grant|contract|funding|agreement)\s+)?(?:term|period|duration)\s*\|?\s*$",
    re.I,
)
_ROLLING = re.compile(
    r"\b(?:until\s+(?:it\s+is\s+)?(?:terminated|ended)|continues?\s+(?:in\s+force\s+)?(?:until|unless)|rolling\s+(?:agreement|contract|basis)|no\s+fixed\s+(?:end|term))",
    re.I,
)
_END_WORDS = re.compile(r"\b(?:to|until|and|ends?|ending|expir\w*|end\s+date|–|-|through)\b", re.I)


_FINANCIAL_YEAR = re.compile(
    r"\b(?:for|during|in|covering)\s+(?:the\s+)?(?:20\d\d)\s*[/-]\s*(?:20)?\d\d\s+(?:financial|fiscal)\s+year\b"
    r"|\b(?:financial|fiscal)\s+years?\s+20\d\d\s*[/-]\s*(?:20)?\d\d(?:\s*(?:,|and|to|-|–)\s*20\d\d\s*[/-]\s*(?:20)?\d\d)*",
    re.I,
)
_ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
}
_ANNIVERSARY = re.compile(
    r"\b(?:end\w*|expir\w*|until|terminat\w*)\s+(?:on\s+)?(?:the\s+)?(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d{1,2}(?:st|nd|rd|th))\s+anniversary\b",
    re.I,
)
_BLANK = r"(?:\[[^\]]{1,40}\]|_{3,}|\.{4,}|DD/MM/YYYY|<[^>]{1,30}>|\{[^}]{1,30}\})"
_PLACEHOLDER_RANGE = re.compile(
    rf"\b(?:start\w*|commenc\w*|begin\w*|from)\b[^.;]{{0,40}}{_BLANK}[^.;]{{0,60}}\b(?:end\w*|expir\w*|until|to)\b[^.;]{{0,20}}{_BLANK}",
    re.I,
)


def funding_periods(ctx: DocumentContext) -> list[Item]:
    """Statements of when the funding starts and ends, or how long it lasts."""
    items = []
    for unit in ctx.units:
        text = unit.text
        if not _PERIOD_WORDS.search(text) or _ROLLING.search(text):
            continue
        items.extend(_length_items(unit.index, text))
        items.extend(_range_items(unit.index, text))
        for year in _FINANCIAL_YEAR.finditer(
            text
        ):  # "for the 2026/27 financial year", "financial years 2025/26 and 2026/27"
            items.append(Item(unit.index, year.start(), year.end(), duration=_financial_years(year)))
        anniversary = _ANNIVERSARY.search(text)
        if anniversary:  # "ending on the third anniversary of the Commencement Date"
            years = _ORDINALS.get(anniversary.group(1).lower()) or int(re.sub(r"\D", "", anniversary.group(1)) or 1)
            items.append(
                Item(
                    unit.index,
                    anniversary.start(),
                    anniversary.end(),
                    duration=Duration(years, "Y", anniversary.start(), anniversary.end(), anniversary.group(0)),
                )
            )
        placeholder = _PLACEHOLDER_RANGE.search(text)
        if placeholder:  # a template: "starts on [start date] and ends on [end date]"
            items.append(Item(unit.index, placeholder.start(), placeholder.end()))
    items.extend(_start_end_rows(ctx))
    return items


_STARTING = re.compile(r"\s*(?:from|starting|beginning|commencing)\b", re.I)
_LENGTH_NOUN = re.compile(r"\s*(?:grant|funding|agreement|contract|award|programme|term)\b", re.I)


def _financial_years(match: re.Match[str]) -> Duration:
    """One year per financial year named, or every year of a span ("2025/26 to 2027/28")."""
    starts = [int(y) for y in re.findall(r"(20\d\d)\s*[/-]", match.group(0))]
    spans = bool(re.search(r"\bto\b|–", match.group(0)))
    count = starts[-1] - starts[0] + 1 if spans and len(starts) > 1 else max(1, len(starts))
    return Duration(count, "Y", match.start(), match.end(), match.group(0))


def _length_items(index: int, text: str) -> list[Item]:
    """ "for three years from", "runs for 24 months", "a one-year grant"."""
    out = []
    for duration in find_durations(text):
        before = text[max(0, duration.start - 40) : duration.start]
        after = text[duration.end : duration.end + 40]
        stated = (
            _LENGTH.search(before)
            or _STARTING.match(after)
            or ("-" in duration.text and _LENGTH_NOUN.match(after))  # "a one-year grant"
        )
        excluded = re.search(r"\b(?:notice|within|after|before|records?)\b", before[-25:] + after[:12], re.I)
        if duration.unit in {"M", "Y", "W"} and stated and not excluded:
            out.append(Item(index, duration.start, duration.end, duration=duration))
    return out


def _range_items(index: int, text: str) -> list[Item]:
    dates = find_dates(text)
    out = []
    for first, second in itertools.pairwise(dates):
        between = text[first.end : second.start]
        if len(between) < 60 and _END_WORDS.search(between) and first.months_to(second) > 0:
            months = first.months_to(second)
            out.append(
                Item(
                    index,
                    first.start,
                    second.end,
                    duration=Duration(months, "M", first.start, second.end, text[first.start : second.end]),
                )
            )
    return out


def _start_end_rows(ctx: DocumentContext) -> list[Item]:
    """A particulars table with a start date row and an end or expiry date row."""
    starts = [
        u
        for u in ctx.units
        if re.search(r"\b(?:start|commencement|begin)\w*\s+date\b", u.text, re.I) and find_dates(u.text)
    ]
    ends = [
        u for u in ctx.units if re.search(r"\b(?:end|expiry|finish)\w*\s+date\b", u.text, re.I) and find_dates(u.text)
    ]
    if not starts or not ends:
        return []
    first, last = find_dates(starts[0].text)[0], find_dates(ends[0].text)[0]
    months = first.months_to(last)
    if months <= 0:
        return []
    return [Item(ends[0].index, last.start, last.end, duration=Duration(months, "M", 0, 0, ""))]


COMPONENTS: dict[str, Callable[[DocumentContext], list[Item]]] = {
    "grant-amounts": grant_amounts,
    "funding-periods": funding_periods,
}
