"""Named language components a rule's `extract` section calls: each returns items with a
value and the place that gave it, so rules can compare values with thresholds.

Registered in `COMPONENTS`; a rule file names one with `component:`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from agreement_check.nlp.context import DocumentContext
from agreement_check.nlp.durations import Duration
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


COMPONENTS: dict[str, Callable[[DocumentContext], list[Item]]] = {
    "grant-amounts": grant_amounts,
}
