"""Clause numbers as a reader cites them, shared by every format.

A number may be typed at the start of the text ("14.2", "GC17.1", "(b)", "Schedule 2")
or produced by Word's numbering; sub-items ("(a)", "(iv)") are cited with their parent
("12(a)"), and plain paragraphs under a numbered clause are cited as that clause.
"""

from __future__ import annotations

import re

from agreement_check.parsers.leading_numbers import is_running_number

# "14.", "14.2", "14.2.1", "GC17.1", "SC6", "A.", "12(a)" at the very start of a paragraph.
_DOTTED = re.compile(r"^(?P<num>(?:[A-Z]{1,3})?\d{1,3}(?:\.\d{1,3})*)(?:[.)]|(?=\s))\s+(?=\S)")
_LETTER_ITEM = re.compile(r"^(?P<num>\((?:[a-z]{1,2}|[ivxlc]{1,6}|[A-Z]|\d{1,2})\)|[a-z]\))\s+")
_SCHEDULE = re.compile(r"^(?P<num>(?:Schedule|Appendix|Annex|Annexe)\s+(?:\d{1,2}[A-Z]?|[A-Z]|[IVX]{1,4})\b)", re.I)
_RECITAL = re.compile(r"^(?P<num>[A-Z])[.)]\s+(?=[A-Z])")
_NAMED = re.compile(
    r"^(?:Clause|Condition|Section|Article|Paragraph|Para\.?)\s+(?P<num>\d{1,3}(?:\.\d{1,3})*[A-Z]?)\b", re.I
)
_NUMERIC = re.compile(r"(?P<prefix>[A-Z]{0,3})(?P<parts>\d{1,3}(?:\.\d{1,3})*)")
# the opening words of an execution or sign-off block, which belongs to no clause
_SIGN_OFF = re.compile(
    r"^(?:signed\s+(?:by|for|on\s+behalf|and\s+dated|as\s+a\s+deed)\b|signed\s*:|signatures?\b\s*(?::|of\b|$)"
    r"|in\s+witness\b|executed\s+(?:as\s+a\s+deed|by)\b|for\s+and\s+on\s+behalf\s+of\b|authori[sz]ed\s+signatory\b)",
    re.I,
)


def typed_number(text: str) -> str | None:
    """The number typed at the start of a paragraph, normalised without its trailing dot.
    A date, period, page count, postcode or address at the start is not one."""
    if is_running_number(text):
        return None
    for pattern in (_DOTTED, _LETTER_ITEM, _RECITAL, _NAMED):
        match = pattern.match(text)
        if match:
            return match.group("num")
    return None


def follows(previous: str | None, number: str) -> bool:
    """Whether `number` can be the clause after `previous`: the next number at some level
    ("2.2.9" -> "2.2.10", "2.3", "3", "3.1") or the first one below it ("6.2" -> "6.2.1").
    With no previous clause, or across numbering schemes ("SC6" -> "GC1"), any can be."""
    old, new = _numeric(previous), _numeric(number)
    if old is None or new is None or old[0] != new[0]:
        return True
    before, after = old[1], new[1]
    starts = [(*before[:level], before[level] + 1) for level in range(len(before))] + [before]
    for head in starts:
        rest = after[len(head) :]
        if after[: len(head)] == head and all(n <= 1 for n in rest) and (rest or head != before):
            return True
    return False


def _numeric(number: str | None) -> tuple[str, tuple[int, ...]] | None:
    match = _NUMERIC.fullmatch(number.rstrip(".")) if number else None
    if not match:
        return None
    return match.group("prefix"), tuple(int(n) for n in match.group("parts").split("."))


def is_sign_off(text: str) -> bool:
    """The start of the signature block ("Signed for and on behalf of ...")."""
    return bool(_SIGN_OFF.match(text.lstrip()))


def schedule_label(text: str) -> str | None:
    """The number of a schedule heading ("Schedule 2"), or None."""
    match = _SCHEDULE.match(text)
    return match.group("num") if match else None


def clean_label(label: str) -> str:
    """'12.' -> '12', '(b)' stays '(b)', 'b)' -> '(b)'."""
    label = label.strip()
    if re.fullmatch(r"[a-z]{1,2}\)|[ivxlc]{1,6}\)", label):
        return f"({label[:-1]})"
    return label.rstrip(".:").strip() or label


def is_sub_item(label: str) -> bool:
    """Whether a label numbers a sub-item, such as (a) or a), not a clause."""
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

    def block(self, number: str | None, text: str = "") -> str | None:
        if number is None:
            if is_sign_off(text):  # the signatures close the last clause, they are not part of it
                self._clause = None
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
