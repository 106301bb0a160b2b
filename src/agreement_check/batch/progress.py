"""What a caller implements to follow a batch: told the number of documents, then each
result as it arrives (the terminal bar and the web page both do)."""

from __future__ import annotations

from typing import Protocol

from agreement_check.report import DocumentResult


class Progress(Protocol):
    """Told how many documents there are, then of each result as it arrives."""

    def start(self, total: int) -> None: ...
    def advance(self, result: DocumentResult) -> None: ...
