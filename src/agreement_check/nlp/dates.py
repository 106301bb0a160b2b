"""Calendar dates and date ranges as agreements write them."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

MONTHS = {
    m: i
    for i, m in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ],
        start=1,
    )
}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
_MONTH = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
DATE = re.compile(
    rf"\b(?:(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{_MONTH})\.?,?\s+(?P<year>(?:19|20)\d\d)|"
    rf"(?P<month2>{_MONTH})\s+(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year2>(?:19|20)\d\d)|"
    rf"(?P<month3>{_MONTH})\s+(?P<year3>(?:19|20)\d\d)|"
    r"(?P<d4>\d{1,2})[/.](?P<m4>\d{1,2})[/.](?P<y4>(?:19|20)\d\d))\b",
    re.I,
)


@dataclass(frozen=True)
class CalendarDate:
    year: int
    month: int
    day: int | None
    start: int
    end: int

    def months_to(self, other: CalendarDate) -> int:
        """Whole months from this date to the end of `other`, the end date counted
        inclusively (1 April 2025 to 31 March 2027 is 24 months)."""
        first = date(self.year, self.month, self.day or 1)
        last_day = other.day or calendar.monthrange(other.year, other.month)[1]
        after = date(other.year, other.month, last_day) + timedelta(days=1)
        months = (after.year - first.year) * 12 + (after.month - first.month)
        return round(months + (after.day - first.day) / 30.4375)


# Every date this module reads names a year: a text without one is not searched (the full
# pattern is tried at every character, a year at almost no cost).
YEAR = re.compile(r"(?:19|20)\d\d")


def find_dates(text: str) -> list[CalendarDate]:
    """Every calendar date written in the text, with where it was found."""
    if YEAR.search(text) is None:
        return []
    out = []
    for m in DATE.finditer(text):
        if m.group("year"):
            day, month, year = int(m.group("day")), MONTHS[m.group("month").lower()[:3]], int(m.group("year"))
        elif m.group("year2"):
            day, month, year = int(m.group("day2")), MONTHS[m.group("month2").lower()[:3]], int(m.group("year2"))
        elif m.group("year3"):
            day, month, year = None, MONTHS[m.group("month3").lower()[:3]], int(m.group("year3"))
        else:
            day, month, year = int(m.group("d4")), int(m.group("m4")), int(m.group("y4"))
            if not 1 <= month <= 12:
                continue
        if day is not None and not 1 <= day <= 31:
            continue
        out.append(CalendarDate(year, month, day, m.start(), m.end()))
    return out
