"""A progress bar on the terminal for batches, silent otherwise."""

from __future__ import annotations

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn, TimeRemainingColumn

from agreement_check.report import DocumentResult

MIN_DOCUMENTS = 4


class TerminalProgress:
    def __init__(self) -> None:
        self._console = Console(stderr=True)
        self._bar: Progress | None = None
        self._task: TaskID | None = None

    @property
    def enabled(self) -> bool:
        return self._console.is_terminal

    def start(self, total: int) -> None:
        if not self.enabled or total < MIN_DOCUMENTS:
            return
        self._bar = Progress(
            TextColumn("Checking"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            console=self._console,
            transient=True,
        )
        self._bar.start()
        self._task = self._bar.add_task("check", total=total)

    def advance(self, result: DocumentResult) -> None:
        if self._bar is not None and self._task is not None:
            self._bar.advance(self._task)

    def stop(self) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None
