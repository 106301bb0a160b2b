"""Periods with their role: what a stated length of time is *for*.

One clause can hold several: "If the breach is not put right within 30 days of our
notice, we may end the agreement on one month's written notice; you must keep records for
six years." Only the role tells them apart:

- `notice`: advance notice of an action ("one month's written notice", "90 days' notice");
- `remedy`: time to put something right ("30 days to address our concerns");
- `deadline`: a time limit for doing something ("within 30 days of the invoice");
- `duration`: how long the funding or agreement runs ("for three years", dates from/to);
- `records`: how long records are kept;
- `other`: any other period.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from agreement_check.nlp.durations import Duration, find_durations

ROLES = ("notice", "remedy", "deadline", "duration", "records", "other")

_NOTICE_AFTER = re.compile(
    r"^\W{0,3}(?:\w+\s+){0,2}?(?:notice|warning)\b|^\W{0,3}(?:in\s+advance|prior|beforehand|before\s+(?:it|we|the\s+\w+)\s+(?:ends|terminat\w*|withdraw\w*))\b",
    re.I,
)
_REMEDY = re.compile(
    r"\b(?:remed\w*|put\s+(?:\w+\s+){0,2}right|rectif\w+|cure|correct(?:ed|ing)?\s+(?:it|the|this|any|them)|address\w*|make\s+good|improve\w*|resolv\w+|respond|action\s+plan|sort\s+(?:it\s+)?out)\b",
    re.I,
)
_RECORDS = re.compile(
    r"\b(?:records?|retain\w*|keep\s+(?:all\s+)?(?:\w+\s+){0,3}(?:records|documents|accounts|receipts|evidence)|archiv\w+)\b",
    re.I,
)
_DEADLINE = re.compile(
    r"\b(?:within|no\s+later\s+than|not\s+later\s+than|by|after|of\s+(?:receiv\w+|the\s+date)|from\s+the\s+date|following)\s*$",
    re.I,
)
_DURATION_BEFORE = re.compile(
    r"\b(?:for|runs?\s+for|(?<!the\s)lasts?|period\s+of|term\s+of|duration\s+of|over)\s+(?:a\s+(?:further\s+)?period\s+of\s+)?(?:up\s+to\s+)?$|"
    r"(?:^|\|)\s*(?:(?:grant|contract|funding|agreement)\s+)?(?:term|period|duration)\s*\|?\s*$",
    re.I,
)
_DURATION_AFTER = re.compile(r"^\s*(?:from|starting|beginning|commencing)\b", re.I)
_LENGTH_NOUN = re.compile(r"^\s*(?:grant|funding|agreement|contract|award|programme|term|project)\b", re.I)


@dataclass(frozen=True)
class Period:
    duration: Duration
    role: str


def role_of(text: str, duration: Duration) -> str:
    """The role of one period, from the words around it."""
    before = text[max(0, duration.start - 60) : duration.start]
    after = text[duration.end : duration.end + 40]
    near_before = before[-30:]
    if _RECORDS.search(before[-45:] + " " + after[:25]) and duration.unit == "Y":
        return "records"
    if _NOTICE_AFTER.search(after):
        return "deadline" if duration.text.lower().startswith("within") else "notice"
    if _REMEDY.search(after[:30]) or (_REMEDY.search(near_before) and not re.search(r"\bgiv\w*\b", near_before, re.I)):
        return "remedy"
    if re.search(r"\bnotice\b[^.;]{0,25}$", before, re.I):
        return "notice"
    if _DEADLINE.search(before) or duration.qualifier == "max" or re.search(r"\bwithin\b", before[-25:], re.I):
        return "deadline"
    stated = _DURATION_BEFORE.search(before) or _DURATION_AFTER.match(after)
    if duration.unit != "D" and (stated or ("-" in duration.text and _LENGTH_NOUN.match(after))):
        return "duration"
    return "other"


def find_periods(text: str) -> list[Period]:
    """Every period in `text`, each with its role."""
    return list(_periods(text))


@lru_cache(maxsize=4096)
def _periods(text: str) -> tuple[Period, ...]:
    """Cached: a sentence is read for its periods by every rule that extracts periods of
    some role, and by the provisions read in it and in the sentence before."""
    return tuple(Period(d, role_of(text, d)) for d in find_durations(text))
