"""What one check was asked to do: which rules, how to read, how many workers, what to
cache and where the marked-up copies go. Built by the command line (from its settings)
and the web page, and handed unchanged to every worker. The defaults of what a user can
set come from `settings_spec`."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from agreement_check import settings_spec as spec
from agreement_check.annotate.targets import MarkedCopies
from agreement_check.parsers import ParseOptions


@dataclass(frozen=True)
class CheckOptions:
    pack: str = spec.PACK.default
    rules: tuple[Path, ...] = ()
    parse: ParseOptions = field(default_factory=ParseOptions)
    jobs: int | None = spec.JOBS.default  # None: one worker per core
    include: tuple[str, ...] = spec.INCLUDE.default
    exclude: tuple[str, ...] = spec.EXCLUDE.default
    cache: Path | None = None  # the setting holds the folder as text
    enable: tuple[str, ...] = spec.ENABLE.default  # only these rules (ids or names); empty: all
    disable: tuple[str, ...] = spec.DISABLE.default
    severity: tuple[tuple[str, str], ...] = spec.SEVERITY.default  # (rule id or name, severity)
    isolate: bool = True  # each document in a worker that can be stopped
    timeout: float = spec.TIMEOUT.default  # seconds per document
    memory_mb: int = spec.MEMORY_LIMIT.default  # how far a worker may grow while reading one document
    marked_copies: MarkedCopies | None = None  # made in each document's worker, from its reading
    scheduler: str | None = spec.SCHEDULER.default  # a Dask scheduler (tcp://host:port) to send the documents to
    # the Dask workers open the paths themselves (a shared file system)
    scheduler_reads_paths: bool = spec.SCHEDULER_READS_PATHS.default
