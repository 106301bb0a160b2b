"""What a Dask worker runs for one document: the same isolated check as a local batch.

Each task hands its document to a worker process of our own (`isolation`), with the same
deadline and memory cap as a local run, and waits for it. Those processes are kept
between tasks, one for each task a Dask worker runs at once, so the rule packs and the
NLP pipeline are loaded once per process, not once per document; one that overran or ran
out of memory is replaced, as locally. Documents arrive as bytes (written to a private
temporary folder under their own name, removed afterwards) or as paths the worker reads.

Imported on the Dask workers only; it never imports dask itself.
"""

from __future__ import annotations

import contextlib
import multiprocessing as mp
import shutil
import tempfile
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from multiprocessing.connection import wait
from pathlib import Path

from agreement_check import __version__
from agreement_check.batch.document import needs_fresh_worker as _needs_fresh_worker
from agreement_check.batch.isolation import Limits, _context, _died, _error, _exit_code, _spawn, _stop, _Worker
from agreement_check.batch.options import CheckOptions
from agreement_check.report import DocumentResult


@dataclass(frozen=True)
class Payload:
    """One document as sent to a worker: its bytes and file name, or a path the worker
    can read; and, for a marked-up copy, the path the worker writes it to."""

    name: str
    data: bytes | None = None
    path: str | None = None
    copy_to: str | None = None


_LOCK = threading.Lock()
_IDLE: list[_Worker] = []
_built_for: list[tuple[CheckOptions, Limits]] = []  # the options the idle processes were built for


def worker_version() -> str:
    """Run on every worker before a sweep: a worker with another version would report
    differently."""
    return __version__


def check_task(payload: Payload, options: CheckOptions, limits: Limits) -> DocumentResult:
    """The Dask task: check one document in an isolated process of this worker."""
    worker = _take(options, limits)
    healthy = False
    try:
        with _staged(payload) as path:
            result = _ask(worker, path, payload.copy_to, limits)
        healthy = worker.process.is_alive() and not _needs_fresh_worker(result)
        return result
    finally:
        _give_back(worker, options, limits, healthy)


def _ask(worker: _Worker, path: Path, copy_to: str | None, limits: Limits) -> DocumentResult:
    """Send one document and wait for its result, its worker's death or its deadline,
    exactly as the local supervisor does (the same error codes and messages)."""
    worker.conn.send((0, str(path), copy_to))
    ready = wait([worker.conn, worker.process.sentinel], timeout=limits.seconds)
    if worker.conn in ready:
        with contextlib.suppress(EOFError, OSError):
            result: DocumentResult = worker.conn.recv()[1]
            return result
    if ready:
        return _died(path, _exit_code(worker.process))
    return _error(path, "timeout", f"Reading this file took longer than {limits.seconds:g} seconds, so it was stopped.")


@contextlib.contextmanager
def _staged(payload: Payload) -> Iterator[Path]:
    """The document as a file: the worker's own path, or its bytes written under its own
    name (the readers tell formats by name and content) in a folder only we can read."""
    if payload.data is None:
        yield Path(payload.path or "")
        return
    folder = tempfile.mkdtemp(prefix="agreement-check-")
    try:
        path = Path(folder) / (Path(payload.name).name or "document")
        path.write_bytes(payload.data)
        yield path
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _take(options: CheckOptions, limits: Limits) -> _Worker:
    """An idle process built for these options, or a new one."""
    with _LOCK:
        if _built_for != [(options, limits)]:
            while _IDLE:
                _stop(_IDLE.pop())
            _built_for[:] = [(options, limits)]
        if _IDLE:
            return _IDLE.pop()
    return _start(options, limits)


def _give_back(worker: _Worker, options: CheckOptions, limits: Limits, healthy: bool) -> None:
    with _LOCK:
        if healthy and _built_for == [(options, limits)]:
            _IDLE.append(worker)
            return
    _stop(worker)


def _start(options: CheckOptions, limits: Limits, serve: Callable[..., None] | None = None) -> _Worker:
    """A Dask worker under a nanny is a daemonic process, which multiprocessing forbids to
    start children. Ours end on their own when this process goes (their pipe closes), so
    the flag is lifted for the moment of the start."""
    from agreement_check.batch.worker import serve as default_serve

    process = mp.current_process()
    daemon = process._config.get("daemon")  # type: ignore[attr-defined]
    process._config["daemon"] = False  # type: ignore[attr-defined]
    try:
        return _spawn(_context(), serve or default_serve, replace(options, cache=None), limits)
    finally:
        process._config["daemon"] = daemon  # type: ignore[attr-defined]


def forget_processes() -> int:
    """Stop the idle processes (tests; a worker that should give back its memory)."""
    with _LOCK:
        count = len(_IDLE)
        while _IDLE:
            _stop(_IDLE.pop())
        _built_for.clear()
    return count


def process_ids() -> list[int]:
    """The idle processes' ids: tests check that they are reused, not started per task."""
    with _LOCK:
        return [w.process.pid for w in _IDLE]
