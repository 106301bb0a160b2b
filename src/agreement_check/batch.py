"""Check many documents: in parallel worker processes, each building its rule packs and
NLP pipeline once, with results in a stable order whatever order they finish in.

A document that cannot be read, or that breaks the checker, becomes an error entry; the
rest of the batch goes on.
"""

from __future__ import annotations

import gc
import os
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from agreement_check.report import DocumentResult

if TYPE_CHECKING:
    from agreement_check.api import CheckOptions


class Progress(Protocol):
    """Told how many documents there are, then of each result as it arrives."""

    def start(self, total: int) -> None: ...
    def advance(self, result: DocumentResult) -> None: ...


_WORKER: dict[str, object] = {}


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def check_files(files: list[Path], options: CheckOptions, progress: Progress | None = None) -> list[DocumentResult]:
    jobs = min(options.jobs or default_jobs(), max(1, len(files)))
    if progress:
        progress.start(len(files))
    if jobs <= 1 or len(files) <= 1:
        _init_worker(options)
        results = []
        for path in files:
            result = _check_one(path)
            results.append(result)
            if progress:
                progress.advance(result)
        return results
    return _in_pool(files, options, jobs, progress)


def _in_pool(files: list[Path], options: CheckOptions, jobs: int, progress: Progress | None) -> list[DocumentResult]:
    results: dict[int, DocumentResult] = {}
    with ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(options,)) as pool:
        futures = {pool.submit(_check_one, path): i for i, path in enumerate(files)}
        for future in as_completed(futures):
            index = futures[future]
            try:
                result = future.result()
            except Exception as exc:  # a worker that died (memory, signal) loses only its document
                result = DocumentResult(
                    path=str(files[index]),
                    status="error",
                    error_code="unreadable",
                    error_message=f"The checker stopped while reading this file ({type(exc).__name__}).",
                )
            results[index] = result
            if progress:
                progress.advance(result)
    return [results[i] for i in range(len(files))]


def _init_worker(options: CheckOptions) -> None:
    """Build what every document needs once per process, then freeze it out of the
    garbage collector's way."""
    from agreement_check.api import load_configured_packs
    from agreement_check.nlp.pipeline import get_nlp

    if _WORKER.get("options") is options:
        return
    _WORKER["options"] = options
    _WORKER["packs"] = load_configured_packs(options)
    get_nlp()
    gc.collect()
    gc.freeze()


def _check_one(path: Path) -> DocumentResult:
    from agreement_check.api import check_file

    options = _WORKER["options"]
    packs = _WORKER["packs"]
    try:
        return check_file(path, packs, options)  # type: ignore[arg-type]
    except Exception as exc:  # never a traceback for one document: report it and go on
        return DocumentResult(
            path=str(path),
            status="error",
            error_code="corrupt",
            error_message=f"The file could not be processed ({type(exc).__name__}).",
        )
