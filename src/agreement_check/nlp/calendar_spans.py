"""Spans of the calendar an agreement runs over, written as dates rather than lengths.

"from 1 April 2025 to 31 March 2027", "for the 2026/27 financial year", "ending on the
third anniversary of the Commencement Date", a template's "starts on [start date] and ends
on [end date]", or a particulars table with a start date row and an end date row. Each
is a period with the role `duration`; whether it is the *funding's* duration is the
rule's question, not this module's.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from agreement_check.nlp.dates import YEAR, CalendarDate, find_dates
from agreement_check.nlp.durations import Duration

_END_WORDS = re.compile(r"\b(?:to|until|and|ends?|ending|expir\w*|end\s+date|–|-|through)\b", re.I)
_FINANCIAL_YEAR = re.compile(
    r"\b(?:for|during|in|over|cover(?:s|ing)?)\s+(?:the\s+)?(?:20\d\d)\s*[/-]\s*(?:20)?\d\d\s+(?:financial|fiscal)\s+year\b"
    r"|\b(?:financial|fiscal)\s+years?\s+20\d\d\s*[/-]\s*(?:20)?\d\d(?:\s*(?:,|and|to|-|–)\s*20\d\d\s*[/-]\s*(?:20)?\d\d)*",
    re.I,
)
_ORDINALS = {
    w: i
    for i, w in enumerate(
        ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"], start=1
    )
}
_ANNIVERSARY = re.compile(
    r"\b(?:end\w*|expir\w*|until|terminat\w*)\s+(?:on\s+)?(?:the\s+)?"
    r"(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d{1,2}(?:st|nd|rd|th))\s+anniversary\b",
    re.I,
)
_BLANK = r"(?:\[[^\]]{1,40}\]|_{3,}|\.{4,}|DD/MM/YYYY|<[^>]{1,30}>|\{[^}]{1,30}\})"
_PLACEHOLDER_RANGE = re.compile(
    rf"\b(?:start\w*|commenc\w*|begin\w*|from)\b[^.;]{{0,40}}{_BLANK}[^.;]{{0,60}}\b(?:end\w*|expir\w*|until|to)\b[^.;]{{0,20}}{_BLANK}",
    re.I,
)
_ENDS_ON = re.compile(
    r"\b(?:period|term)\b[^.;]{0,40}?\b(?:up\s+to(?:\s+and\s+including)?|until|ending\s+on|ends\s+on|expir(?:es|ing)\s+on|to)\s+(?:the\s+)?$",
    re.I,
)
# Words each pattern above cannot match without, searched with the same flags first.
_ANNIVERSARY_WORD = re.compile(r"anniversary", re.I)
_BLANK_PATTERN = re.compile(_BLANK, re.I)
_DATE_WORD = re.compile(r"date", re.I)
_START_ROW = re.compile(r"\b(?:start|commencement|begin)\w*\s+date\b", re.I)
_END_ROW = re.compile(r"\b(?:end|expiry|finish)\w*\s+date\b", re.I)


@dataclass(frozen=True)
class CalendarSpan:
    start: int
    end: int
    duration: Duration | None  # None for a template whose dates are blanks


def calendar_spans(text: str) -> list[CalendarSpan]:
    """Every span of the calendar written in `text`. Each pattern is tried only where a
    plain word or figure it cannot match without is present (a year, "anniversary", a
    blank): most sentences of an agreement hold none of them."""
    has_year = YEAR.search(text) is not None
    dates = find_dates(text)
    spans = _date_ranges(text, dates)
    if has_year:
        spans += [_financial_years(m) for m in _FINANCIAL_YEAR.finditer(text)]
    anniversary = _ANNIVERSARY.search(text) if _ANNIVERSARY_WORD.search(text) else None
    if anniversary:
        word = anniversary.group(1).lower()
        years = _ORDINALS.get(word) or int(re.sub(r"\D", "", word) or 1)
        duration = Duration(years, "Y", anniversary.start(), anniversary.end(), anniversary.group(0))
        spans.append(CalendarSpan(anniversary.start(), anniversary.end(), duration))
    if dates and not spans and _ENDS_ON.search(text[max(0, dates[0].start - 80) : dates[0].start]):
        spans.append(CalendarSpan(dates[0].start, dates[0].end, None))  # "the Grant Period ends on 31 March 2027"
    placeholder = _PLACEHOLDER_RANGE.search(text) if _BLANK_PATTERN.search(text) else None
    if placeholder:
        spans.append(CalendarSpan(placeholder.start(), placeholder.end(), None))
    return spans


def start_and_end_rows(texts: list[str]) -> tuple[int, CalendarSpan] | None:
    """(index of the end row, its span) for a particulars table that gives a start date
    in one row and an end or expiry date in another."""
    texts = [t if _DATE_WORD.search(t) else "" for t in texts]  # both rows name a date
    starts = [(i, find_dates(t)) for i, t in enumerate(texts) if t and _START_ROW.search(t)]
    ends = [(i, find_dates(t)) for i, t in enumerate(texts) if t and _END_ROW.search(t)]
    starts = [(i, d) for i, d in starts if d]
    ends = [(i, d) for i, d in ends if d]
    if not starts or not ends:
        return None
    first, (end_index, end_dates) = starts[0][1][0], ends[0]
    last = end_dates[0]
    months = first.months_to(last)
    if months <= 0:
        return None
    return end_index, CalendarSpan(last.start, last.end, Duration(months, "M", 0, 0, ""))


def _date_ranges(text: str, dates: list[CalendarDate]) -> list[CalendarSpan]:
    out = []
    for first, second in itertools.pairwise(dates):
        between = text[first.end : second.start]
        months = first.months_to(second)
        if len(between) < 60 and _END_WORDS.search(between) and months > 0:
            duration = Duration(months, "M", first.start, second.end, text[first.start : second.end])
            out.append(CalendarSpan(first.start, second.end, duration))
    return out


def _financial_years(match: re.Match[str]) -> CalendarSpan:
    """One year per financial year named, or every year of a span ("2025/26 to 2027/28")."""
    starts = [int(y) for y in re.findall(r"(20\d\d)\s*[/-]", match.group(0))]
    spans = bool(re.search(r"\bto\b|–", match.group(0)))
    count = starts[-1] - starts[0] + 1 if spans and len(starts) > 1 else max(1, len(starts))
    return CalendarSpan(match.start(), match.end(), Duration(count, "Y", match.start(), match.end(), match.group(0)))
