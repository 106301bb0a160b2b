"""Clause numbers as a reader cites them, shared by every format.

A number may be typed at the start of the text ("14.2", "GC17.1", "(b)", "Schedule 2")
or produced by Word's numbering; sub-items ("(a)", "(iv)") are cited with their parent
("12(a)"), and plain paragraphs under a numbered clause are cited as that clause.
"""

from __future__ import annotations

import re

# "14.", "14.2", "14.2.1", "GC17.1", "SC6", "A.", "12(a)" at the very start of a paragraph.
_DOTTED = re.compile(r"^(?P<num>(?:[A-Z]{1,3})?\d{1,3}(?:\.\d{1,3})*)(?:[.)]|(?=\s))\s+(?=\S)")
_LETTER_ITEM = re.compile(r"^(?P<num>\((?:[a-z]{1,2}|[ivxlc]{1,6}|[A-Z]|\d{1,2})\)|[a-z]\))\s+")
_SCHEDULE = re.compile(r"^(?P<num>(?:Schedule|Appendix|Annex|Annexe)\s+(?:\d{1,2}[A-Z]?|[A-Z]|[IVX]{1,4})\b)", re.I)
_RECITAL = re.compile(r"^(?P<num>[A-Z])[.)]\s+(?=[A-Z])")
_NAMED = re.compile(
    r"^(?:Clause|Condition|Section|Article|Paragraph|Para\.?)\s+(?P<num>\d{1,3}(?:\.\d{1,3})*[A-Z]?)\b", re.I
)


def typed_number(text: str) -> str | None:
    """The number typed at the start of a paragraph, normalised without its trailing dot."""
    for pattern in (_DOTTED, _LETTER_ITEM, _RECITAL, _NAMED):
        match = pattern.match(text)
        if match:
            return match.group("num")
    return None


def schedule_label(text: str) -> str | None:
    match = _SCHEDULE.match(text)
    return match.group("num") if match else None


def clean_label(label: str) -> str:
    """'12.' -> '12', '(b)' stays '(b)', 'b)' -> '(b)'."""
    label = label.strip()
    if re.fullmatch(r"[a-z]{1,2}\)|[ivxlc]{1,6}\)", label):
        return f"({label[:-1]})"
    return label.rstrip(".:").strip() or label


def is_sub_item(label: str) -> bool:
    return label.startswith("(") or bool(re.fullmatch(r"[a-z]\)", label))


class ClauseTracker:
    """Turns each block's own number into the clause a reader would cite."""

    def __init__(self) -> None:
        self._clause: str | None = None
        self._schedule: str | None = None

    def heading(self, text: str, number: str | None) -> str | None:
        schedule = schedule_label(text)
        if schedule:
            self._schedule = schedule
            self._clause = None
            return schedule
        self._clause = clean_label(number) if number else None
        return self._clause

    def block(self, number: str | None) -> str | None:
        if number is None:
            return self._cite(self._clause)
        label = clean_label(number)
        if is_sub_item(label) and self._clause and not is_sub_item(self._clause):
            base = re.sub(r"\(.*$", "", self._clause)
            return self._cite(f"{base}{label}")
        self._clause = label
        return self._cite(label)

    def _cite(self, clause: str | None) -> str | None:
        if clause and self._schedule and not clause.lower().startswith(self._schedule.lower()):
            return f"{self._schedule} para {clause}"
        return clause or self._schedule
