"""Read each document in a worker process that can be stopped.

Parsers meet hostile files: pdfminer can loop for ever on a PDF whose page tree refers to
itself, and a small DOCX can inflate to gigabytes. Each worker has an address-space cap,
and the supervisor gives each document a deadline; a worker that overruns is killed and
replaced, and its document becomes a `timeout` or `too-large` error entry while the rest
of the batch goes on. Workers come from a fork server that has already imported spaCy,
so starting or replacing one costs milliseconds, not seconds. A caller that no longer
wants the results (the web page, when its visitor leaves) sets `cancel`: every worker is
killed within a fraction of a second and `CheckCancelled` is raised.
"""

from __future__ import annotations

import contextlib
import importlib
import multiprocessing as mp
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any

from agreement_check import settings_spec as spec
from agreement_check.batch.document import display_path, needs_fresh_worker
from agreement_check.batch.options import CheckOptions
from agreement_check.batch.progress import Progress
from agreement_check.codes import ErrorCode
from agreement_check.errors import CheckCancelled
from agreement_check.report import DocumentResult

PDF_LIBRARIES = ["pdfminer.pdfdocument", "pypdfium2"]
PRELOAD = ["agreement_check.batch.worker", *PDF_LIBRARIES]  # the fork server may meet any file
CANCEL_POLL = 0.1  # seconds between looks at `cancel` while workers are busy


@dataclass
class Limits:
    """A worker's deadline and memory cap; the defaults are those of `--timeout` and `--memory-limit`."""

    seconds: float = spec.TIMEOUT.default  # per document
    memory_mb: int = spec.MEMORY_LIMIT.default  # address space a worker may grow by, above its start


@dataclass
class _Worker:
    process: Any
    conn: Connection
    task: int | None = None
    started: float = 0.0


def _context(files: list[Path] | None = None) -> Any:
    """Fork directly when this process runs no other thread (the usual case for the command
    line: the workers inherit everything already loaded); otherwise a fork server, since
    forking a process with threads can deadlock the child. The PDF libraries are loaded
    before forking unless `files` (when known) has no file named .pdf: a check of Word files
    does without them, and a PDF under another name has its worker load them."""
    if threading.active_count() == 1 and "fork" in mp.get_all_start_methods():
        import agreement_check.batch.worker  # noqa: F401  (loaded once here, inherited by every worker)

        if files is None or any(path.suffix.lower() == ".pdf" for path in files):
            for name in PDF_LIBRARIES:
                importlib.import_module(name)
        return mp.get_context("fork")
    if "forkserver" in mp.get_all_start_methods():
        ctx = mp.get_context("forkserver")
        ctx.set_forkserver_preload(PRELOAD)
        return ctx
    return mp.get_context("spawn")  # pragma: no cover - not on Linux


def run_isolated(
    files: list[Path],
    options: CheckOptions,
    jobs: int,
    limits: Limits,
    progress: Progress | None = None,
    serve: Callable[..., None] | None = None,
    cancel: threading.Event | None = None,
    copies: list[Path | None] | None = None,
) -> list[DocumentResult]:
    """`serve` is the worker's loop (batch.worker.serve); tests pass a stand-in. Setting
    `cancel` stops every worker and raises `CheckCancelled`. `copies` gives where the
    worker writes each file's marked-up copy (None: no copy)."""
    from agreement_check.batch.worker import serve as default_serve

    ctx = _context(files)
    target = serve or default_serve
    pending = list(enumerate(files))
    pending.reverse()
    results: dict[int, DocumentResult] = {}
    workers = [_spawn(ctx, target, options, limits) for _ in range(min(jobs, len(files)))]
    poll = CANCEL_POLL if cancel is not None else None
    try:
        while len(results) < len(files):
            if cancel is not None and cancel.is_set():
                raise CheckCancelled("the check was cancelled")
            for worker in workers:
                if worker.task is None and pending:
                    index, path = pending.pop()
                    copy_to = copies[index] if copies else None
                    worker.conn.send((index, str(path), str(copy_to) if copy_to else None))
                    worker.task, worker.started = index, time.monotonic()
            _collect(workers, files, results, limits, progress, lambda: _spawn(ctx, target, options, limits), poll)
    finally:
        for worker in workers:
            _stop(worker)
    return [results[i] for i in range(len(files))]


def _collect(workers, files, results, limits, progress, respawn, poll=None) -> None:  # type: ignore[no-untyped-def]  # noqa: C901  (each branch is one way a document's turn ends)
    busy = [w for w in workers if w.task is not None]
    if not busy:
        return
    now = time.monotonic()
    timeout = max(0.01, min(w.started + limits.seconds for w in busy) - now)
    if poll is not None:
        timeout = min(timeout, poll)
    ready = wait([w.conn for w in busy] + [w.process.sentinel for w in busy], timeout=timeout)
    for i, worker in enumerate(workers):
        if worker.task is None:
            continue
        result = None
        if worker.conn in ready:
            with contextlib.suppress(EOFError, OSError):
                index, result = worker.conn.recv()
                if index != worker.task:  # pragma: no cover - a protocol error, never expected
                    result = None
        if result is None and (worker.process.sentinel in ready or not worker.process.is_alive()):
            result = _died(files[worker.task], _exit_code(worker.process))
        elif result is None and time.monotonic() - worker.started > limits.seconds:
            result = _error(
                files[worker.task],
                "timeout",
                f"Reading this file took longer than {limits.seconds:g} seconds, so it was stopped.",
            )
        if result is None:
            continue
        results[worker.task] = result
        worker.task = None
        if progress:
            progress.advance(result)
        if not worker.process.is_alive() or needs_fresh_worker(result):
            _stop(worker)
            workers[i] = respawn()


def _spawn(ctx, target: Callable[..., None], options: CheckOptions, limits: Limits) -> _Worker:  # type: ignore[no-untyped-def]
    parent, child = ctx.Pipe()
    process = ctx.Process(target=target, args=(child, options, limits.memory_mb), daemon=True)
    process.start()
    child.close()
    return _Worker(process, parent)


def _stop(worker: _Worker) -> None:
    with contextlib.suppress(Exception):
        worker.conn.close()
    if worker.process.is_alive():
        worker.process.kill()
    worker.process.join(timeout=5)


def _exit_code(process: Any) -> int | None:
    """A dying process closes its pipes a moment before it can be reaped: wait for that
    moment, so a worker that aborted for memory is told from one that crashed."""
    process.join(timeout=5)
    code: int | None = process.exitcode
    return code


def _died(path: Path, exitcode: int | None) -> DocumentResult:
    if exitcode is not None and exitcode < 0 and -exitcode in {6, 9}:  # killed for memory, or aborted allocating
        return _error(path, "too-large", "Reading this file needed more memory than allowed, so it was stopped.")
    return _error(path, "unreadable", f"The checker stopped while reading this file (exit {exitcode}).")


def _error(path: Path, code: ErrorCode, message: str) -> DocumentResult:
    return DocumentResult.error(display_path(path), code, message)
