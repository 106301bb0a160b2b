"""Check many documents: each in a worker process with a deadline and a memory cap
(`isolation`), several at once, with results in the order of the paths whatever order
they finish in. A document that cannot be read, or that breaks the checker, becomes an
error entry; the rest of the batch goes on.
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
from collections.abc import Iterator
from pathlib import Path

from agreement_check.batch.document import check_file, display_path, load_configured_packs
from agreement_check.batch.isolation import Limits, run_isolated
from agreement_check.batch.options import CheckOptions
from agreement_check.batch.progress import Progress
from agreement_check.errors import CheckCancelled
from agreement_check.report import DocumentResult


def default_jobs() -> int:
    """One worker per core this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


class _Terminated(BaseException):
    """SIGTERM arrived; unwinds like KeyboardInterrupt, past any `except Exception`."""


@contextlib.contextmanager
def _sigterm_like_sigint() -> Iterator[None]:
    """SIGTERM (a cancelled CI job, `kill`, `timeout`) ends a batch as Ctrl+C does: the
    supervisor unwinds and kills its workers, and then the process ends by SIGTERM as its
    sender expects. Left to the default, the process would vanish and its workers read on.
    Only in the main thread, and only while nobody else has claimed SIGTERM."""
    if threading.current_thread() is not threading.main_thread() or signal.getsignal(signal.SIGTERM) != signal.SIG_DFL:
        yield
        return
    owner = os.getpid()

    def stop(signum: int, frame: object) -> None:
        if os.getpid() != owner:  # a forked worker inherits this handler: it simply ends
            signal.signal(signal.SIGTERM, signal.SIG_DFL)
            os.kill(os.getpid(), signal.SIGTERM)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)  # a second SIGTERM must not cut the clean-up short
        raise _Terminated

    signal.signal(signal.SIGTERM, stop)
    try:
        yield
    except _Terminated:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        os.kill(owner, signal.SIGTERM)  # the workers are gone: end as SIGTERM would have
        raise
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)


def check_files(
    files: list[Path],
    options: CheckOptions,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
    copies: list[Path | None] | None = None,
) -> list[DocumentResult]:
    """Setting `cancel` (from another thread) stops the workers and raises `CheckCancelled`.
    `copies` gives the marked-up copy of each file (or None), made by its worker."""
    if progress:
        progress.start(len(files))
    if not files:
        return []
    if options.scheduler:  # a Dask cluster: always isolated, as many at once as it has threads
        from agreement_check.batch.dask_executor import run_on_dask

        with _sigterm_like_sigint():
            return run_on_dask(files, options, Limits(options.timeout, options.memory_mb), progress, cancel, copies)
    jobs = min(options.jobs or default_jobs(), len(files))
    if options.isolate:
        limits = Limits(seconds=options.timeout, memory_mb=options.memory_mb)
        with _sigterm_like_sigint():
            return run_isolated(files, options, jobs, limits, progress, cancel=cancel, copies=copies)
    return _in_process(files, options, progress, cancel, copies or [None] * len(files))


def _in_process(
    files: list[Path],
    options: CheckOptions,
    progress: Progress | None,
    cancel: threading.Event | None,
    copies: list[Path | None],
) -> list[DocumentResult]:
    """Without isolation, for embedding in a process that is itself a sandbox."""
    packs = load_configured_packs(options)
    results = []
    for path, copy_to in zip(files, copies):
        if cancel is not None and cancel.is_set():
            raise CheckCancelled("the check was cancelled")
        try:
            result = check_file(path, packs, options, copy_to)
        except Exception as exc:  # never a traceback for one document: report it and go on
            result = DocumentResult.error(
                str(path), "corrupt", f"The file could not be processed ({type(exc).__name__})."
            )
        result = result.with_path(display_path(path))
        results.append(result)
        if progress:
            progress.advance(result)
    return results
