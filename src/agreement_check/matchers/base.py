"""The interface every matcher kind implements."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from agreement_check.context import DocumentContext
    from agreement_check.units import Unit


@dataclass(frozen=True)
class Hit:
    """A match inside one unit: character offsets into the unit's text."""

    unit: int
    start: int
    end: int


class Matcher(Protocol):
    def hits(self, unit: Unit, ctx: DocumentContext) -> list[Hit]:
        """Where in `unit` this matcher matches (empty when it does not)."""
        ...
