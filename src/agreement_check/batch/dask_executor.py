"""Check a batch on a Dask cluster (`check --scheduler ADDRESS`): the same interface as the
local pool (`isolation.run_isolated`), the same results.

Each document is one task (`dask_worker.check_task`) that runs the same isolated check as
a local worker. Tasks are kept a few per worker thread ahead of the results, so a sweep of
a million documents never holds more than that many in the client's memory; results come
back as they finish and are put in the order of the paths, with the progress bar told of
each. A task whose Dask worker dies is sent again once; if that worker dies too, the
document is reported with the error code `worker-lost` and the sweep goes on.

Documents travel as bytes by default, read here and sent through the scheduler the user
named, so the workers need no access to our files. With `scheduler_reads_paths` the
workers open the same absolute paths themselves (a shared file system): nothing but the
path is sent, and the marked-up copies can be written. The result cache stays on this
machine: a document whose result is cached is never sent.
"""

from __future__ import annotations

import hashlib
import os
import stat
import threading
import uuid
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from agreement_check import __version__
from agreement_check.batch.cache import ResultCache, file_digest
from agreement_check.batch.dask_worker import Payload, check_task, worker_version
from agreement_check.batch.document import cache_fingerprint, check_file, display_path, load_configured_packs
from agreement_check.batch.isolation import Limits
from agreement_check.batch.options import CheckOptions
from agreement_check.batch.progress import Progress
from agreement_check.batch.scheduler_address import parse_scheduler
from agreement_check.errors import CheckCancelled, UsageError
from agreement_check.report import DocumentResult

TASKS_PER_THREAD = 4  # tasks in flight for each worker thread: enough to keep every thread busy
MIN_IN_FLIGHT = 16
CONNECT_TIMEOUT = "30s"
CANCEL_POLL = 0.1  # seconds between looks at `cancel` while waiting for results
ATTEMPTS = 2  # a document whose worker dies is sent once more


@dataclass
class _Sent:
    index: int
    attempt: int
    payload: Payload
    digest: str | None  # for the cache, None when not cached


def run_on_dask(
    files: list[Path],
    options: CheckOptions,
    limits: Limits,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
    copies: list[Path | None] | None = None,
    task: Callable[..., DocumentResult] = check_task,
) -> list[DocumentResult]:
    """Results in the order of `files`, as a local run gives them. `task` is what the
    workers run for one document; tests pass a stand-in that kills its worker."""
    address = parse_scheduler(options.scheduler or "")
    copies = copies or [None] * len(files)
    if any(copies) and not options.scheduler_reads_paths:
        raise UsageError(
            "marked-up copies made on a Dask cluster are written by its workers: add --scheduler-reads-paths "
            "and give --annotate a folder the workers share"
        )
    client = _connect(address)
    try:
        _check_versions(client, address)
        return _Sweep(client, files, options, limits, progress, copies, task).run(cancel)
    finally:
        client.close()


def _connect(address: str) -> Any:
    try:
        from distributed import Client
    except ImportError as exc:
        raise UsageError("--scheduler needs the dask extra: pip install 'agreement-check[dask]'") from exc
    try:
        return Client(address, set_as_default=False, timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError) as exc:
        raise UsageError(f"cannot reach the Dask scheduler at {address} ({exc})") from exc


def _check_versions(client: Any, address: str) -> None:
    """Every worker must run this version: another would report differently."""
    try:
        versions = client.run(worker_version)
    except Exception as exc:  # e.g. agreement_check not installed there
        raise UsageError(
            f"the Dask workers at {address} cannot run agreement-check ({type(exc).__name__}: {exc})"
        ) from exc
    others = sorted(f"{worker} has {version}" for worker, version in versions.items() if version != __version__)
    if others:
        raise UsageError(f"the Dask workers must run agreement-check {__version__}: {'; '.join(others)}")


class _Sweep:
    """One batch on the cluster: what is in flight, what came back."""

    def __init__(
        self,
        client: Any,
        files: list[Path],
        options: CheckOptions,
        limits: Limits,
        progress: Progress | None,
        copies: list[Path | None],
        task: Callable[..., DocumentResult],
    ) -> None:
        from distributed import as_completed

        self.client, self.files, self.copies, self.task = client, files, copies, task
        self.options, self.limits, self.progress = options, limits, progress
        self.packs = load_configured_packs(options)
        self.cache = ResultCache(options.cache, cache_fingerprint(self.packs, options)) if options.cache else None
        self.remote = replace(options, scheduler=None, scheduler_reads_paths=False, cache=None, jobs=None)
        self.in_flight: dict[str, tuple[_Sent, Any]] = {}  # task key -> what was sent, its future
        self.done = as_completed(loop=client.loop)
        self.results: dict[int, DocumentResult] = {}
        self.run_id = uuid.uuid4().hex[:12]

    def run(self, cancel: threading.Event | None) -> list[DocumentResult]:
        waiting = deque(range(len(self.files)))
        limit = max(MIN_IN_FLIGHT, TASKS_PER_THREAD * sum(self.client.nthreads().values()))
        while len(self.results) < len(self.files):
            while waiting and len(self.in_flight) < limit:
                self._send(waiting.popleft())
            if self.in_flight:
                for future in self._ready(cancel):
                    self._receive(future)
        return [self.results[i] for i in range(len(self.files))]

    def _ready(self, cancel: threading.Event | None) -> list[Any]:
        if cancel is None:
            return list(self.done.next_batch(block=True))
        while not cancel.is_set():
            batch = list(self.done.next_batch(block=False))
            if batch:
                return batch
            cancel.wait(CANCEL_POLL)
        self.client.cancel([future for _, future in self.in_flight.values()])
        raise CheckCancelled("the check was cancelled")

    def _send(self, index: int) -> None:
        path, copy_to = self.files[index], self.copies[index]
        if self.options.scheduler_reads_paths:
            payload = Payload(
                path.name, path=os.path.abspath(path), copy_to=os.path.abspath(copy_to) if copy_to else None
            )
            digest = file_digest(path) if self.cache and not copy_to else None
        else:
            data = _read_whole(path, self.options.parse.max_file_bytes)
            if data is None:
                return self._finish(index, self._here(path))
            payload = Payload(path.name, data=data)
            digest = hashlib.sha256(data).hexdigest() if self.cache else None
        cached = self.cache.get(path, digest) if self.cache and digest else None
        if cached is not None:
            return self._finish(index, cached)
        self._submit(_Sent(index, 1, payload, digest))

    def _submit(self, sent: _Sent) -> None:
        key = f"agreement-check-{self.run_id}-{sent.index}-{sent.attempt}"
        future = self.client.submit(self.task, sent.payload, self.remote, self.limits, key=key, pure=False)
        self.in_flight[future.key] = (sent, future)
        self.done.add(future)

    def _receive(self, future: Any) -> None:
        sent, _ = self.in_flight.pop(future.key)
        result = _outcome(future, self.files[sent.index], sent.attempt)
        future.release()
        if result is None:
            return self._submit(replace(sent, attempt=sent.attempt + 1))
        if self.cache and sent.digest and result.status == "checked":
            self.cache.put(sent.digest, result)
        self._finish(sent.index, result)

    def _here(self, path: Path) -> DocumentResult:
        """A file we cannot read whole (missing, not a regular file, over the size limit):
        checked here, where it fails as it would in a local worker, reading nothing big."""
        return check_file(path, self.packs, replace(self.remote, marked_copies=None))

    def _finish(self, index: int, result: DocumentResult) -> None:
        result = result.with_path(display_path(self.files[index]))
        copy_to = self.copies[index]
        if result.marked_copy is not None and result.marked_copy.path and copy_to is not None:
            result = replace(result, marked_copy=replace(result.marked_copy, path=str(copy_to)))
        self.results[index] = result
        if self.progress:
            self.progress.advance(result)


def _outcome(future: Any, path: Path, attempt: int) -> DocumentResult | None:
    """The task's result; None when its worker died and it may be sent again."""
    from distributed.scheduler import KilledWorker

    if future.status == "finished":
        result: DocumentResult = future.result()
        return result
    exc = future.exception() if future.status == "error" else None
    if exc is None or isinstance(exc, KilledWorker):
        if attempt < ATTEMPTS:
            return None
        return _lost(path)
    return DocumentResult.error(
        str(path), "unreadable", f"The checker stopped while reading this file ({type(exc).__name__})."
    )


def _lost(path: Path) -> DocumentResult:
    return DocumentResult.error(
        str(path),
        "worker-lost",
        f"The Dask worker checking this file stopped, {ATTEMPTS} times, so it was not checked.",
    )


def _read_whole(path: Path, limit: int) -> bytes | None:
    """The bytes of a regular file of at most `limit` bytes; None for anything else."""
    try:
        info = path.stat()  # before opening: opening a FIFO would wait for a writer
        if not stat.S_ISREG(info.st_mode) or info.st_size > limit:
            return None
        with path.open("rb") as handle:
            data = handle.read(limit + 1)
    except OSError:
        return None
    return data if len(data) <= limit else None
