"""Numbers that start a line of text without being clause numbers.

A line of running text often begins with a number: a period ("26 weeks' notice"), a date
("31 March 2026"), a share ("10 per cent"), a page count ("3 of 9"), a postcode or the
house number of an address. Read as clause numbers they split sentences and give later
paragraphs a clause they do not belong to, so every format asks here first.
"""

from __future__ import annotations

import re

_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december"
    "|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec"
)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])"
# "31 March", "1st October", "4 of June": a day of the month, never followed by a dot
_DATE = re.compile(rf"^{_DAY}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTHS})\b", re.I)
# "04/09/2024", "4-9-24", "31.03.2026"; with dots only a four-digit year, as "8.1.10" is a clause
_NUMERIC_DATE = re.compile(rf"^{_DAY}(?:([/-])(?:1[0-2]|0?[1-9])\1(?:\d{{4}}|\d{{2}})|\.(?:1[0-2]|0?[1-9])\.\d{{4}})\b")
_TIME = re.compile(r"^\d{1,2}[.:]\d{2}\s*(?:am|pm|a\.m\.|p\.m\.|hrs|hours)(?!\w)", re.I)
_PAGE_OF = re.compile(r"^(?:page\s+)?\d{1,4}\s+(?:of|/)\s+\d{1,4}\b", re.I)
_POSTCODE = re.compile(r"^[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}\b")
_STREET = (
    "Street|St|Road|Rd|Lane|Avenue|Ave|Way|Place|Square|Drive|Close|Crescent|Terrace|Gardens"
    "|Row|Walk|Parade|Hill|Park|Court|House|Buildings|Quay|Wharf|Mews|Green|Grove|Yard|Gate"
)
# "1 Victoria Street", "20a Park Lane": a house number and a street name in capitals
_ADDRESS = re.compile(rf"^\d{{1,4}}[a-z]?,?\s+(?:[A-Z][\w'’.-]*\s+){{0,3}}(?:{_STREET})\b")
_UNIT = (
    "days?|weeks?|months?|years?|hours?|minutes?|quarters?|fortnights?"
    "|pounds?|pence|million|thousand|billion|per\\s*cent|percent"
)
_QUALIFIER = r"(?:working|business|calendar|clear|banking|full|consecutive|whole|complete|school|financial)"
# "26 weeks", "30 calendar days", "2 (two) months", "10 per cent", "12.5%"
_QUANTITY = re.compile(
    rf"^\d{{1,4}}(?:[.,]\d+)?\s*(?:\([a-z -]+\)\s*)?(?:%|(?:{_QUALIFIER}\s+)?(?P<unit>{_UNIT})\b)", re.I
)


def is_running_number(text: str) -> bool:
    """True when the number at the start of `text` belongs to the sentence (a date, period,
    share, page count, postcode or address) rather than numbering a clause."""
    text = text.lstrip()
    if not text[:1].isdigit():  # most lines: only a postcode or "Page 3 of 9" starts otherwise
        return bool(_POSTCODE.match(text) or _PAGE_OF.match(text))
    if any(p.match(text) for p in (_DATE, _NUMERIC_DATE, _TIME, _PAGE_OF, _ADDRESS)):
        return True
    return _is_quantity(text)


def _is_quantity(text: str) -> bool:
    """A count and its unit. A unit in title case ("12 Months Review") reads as a heading's
    first word, so only a unit in lower case or capitals counts."""
    match = _QUANTITY.match(text)
    if not match:
        return False
    unit = match.group("unit")
    return unit is None or unit == unit.lower() or unit == unit.upper()
