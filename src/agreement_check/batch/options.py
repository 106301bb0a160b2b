"""What one check was asked to do: which rules, how to read, how many workers, what to
cache and where the marked-up copies go. Built by the command line (from its settings)
and the web page, and handed unchanged to every worker."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from agreement_check.annotate.targets import MarkedCopies
from agreement_check.parsers import ParseOptions


@dataclass(frozen=True)
class CheckOptions:
    pack: str = "auto"
    rules: tuple[Path, ...] = ()
    parse: ParseOptions = field(default_factory=ParseOptions)
    jobs: int | None = None  # None: one worker per core
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    cache: Path | None = None
    enable: tuple[str, ...] = ()  # only these rules (ids or names); empty: all
    disable: tuple[str, ...] = ()
    severity: tuple[tuple[str, str], ...] = ()  # (rule id or name, severity)
    isolate: bool = True  # each document in a worker that can be stopped
    timeout: float = 120.0  # seconds per document
    memory_mb: int = 1024  # how far a worker may grow while reading one document
    marked_copies: MarkedCopies | None = None  # made in each document's worker, from its reading
    scheduler: str | None = None  # a Dask scheduler (tcp://host:port) to send the documents to
    scheduler_reads_paths: bool = False  # the Dask workers open the paths themselves (a shared file system)
