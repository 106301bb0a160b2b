"""Check a batch on a Dask cluster (`check --scheduler ADDRESS`): the same interface as the
local pool (`isolation.run_isolated`), the same results.

Each document is one task (`dask_worker.check_task`) that runs the same isolated check as
a local worker. Each worker thread is given one document at a time, the next once its
result is collected: a Dask worker never holds a document waiting behind the one it runs,
nor a finished result we have not collected, so when one dies it takes with it only the
documents it was checking. Such a document is sent again once; if that worker dies too,
it is reported with the error code `worker-lost` and the sweep goes on. A result that was
lost with its worker after it finished is computed again by the scheduler and costs its
document nothing. Results are put in the order of the paths, with the progress bar told
of each; the client never holds more documents than the cluster has threads.

Documents travel as bytes by default, read here and sent through the scheduler the user
named, so the workers need no access to our files. With `scheduler_reads_paths` the
workers open the same absolute paths themselves (a shared file system): nothing but the
path is sent, and the marked-up copies can be written. The result cache stays on this
machine: a document whose result is cached is never sent.
"""

from __future__ import annotations

import hashlib
import os
import queue
import stat
import threading
import time
import uuid
from collections import Counter, deque
from collections.abc import Callable
from concurrent.futures import CancelledError
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, NamedTuple

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

CONNECT_TIMEOUT = "30s"
CANCEL_POLL = 0.1  # seconds between looks at `cancel` while waiting for results
REFILL = 1.0  # seconds at most between looks for workers that joined (or came back)
ATTEMPTS = 2  # a document whose worker dies is sent once more
LOST = ("lost", "pending")  # a finished task whose result was lost with its worker, computed again


@dataclass
class _Sent:
    index: int
    attempt: int
    payload: Payload
    digest: str | None  # for the cache, None when not cached


class _InFlight(NamedTuple):
    sent: _Sent
    future: Any
    worker: str  # the address of the worker it was given to


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
    """One batch on the cluster: what is in flight, on which worker, and what came back."""

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
        self.waiting = deque(range(len(files)))  # not yet read
        self.ready: deque[_Sent] = deque()  # read and not cached, or to be sent again: for the next free thread
        self.in_flight: dict[str, _InFlight] = {}  # by task key
        self.done = as_completed(loop=client.loop)
        self.results: dict[int, DocumentResult] = {}
        self.run_id = uuid.uuid4().hex[:12]

    def run(self, cancel: threading.Event | None) -> list[DocumentResult]:
        while len(self.results) < len(self.files):
            self._fill()
            if self.in_flight:
                for future in self._finished(cancel):
                    self._receive(future)
            elif self.ready or self._prepare():  # a document for the cluster, and not one thread in it
                _pause(cancel)
        return [self.results[i] for i in range(len(self.files))]

    def _fill(self) -> None:
        """One document for each free worker thread, and no more: a Dask worker then holds
        only the documents it is running, so its death is charged to those alone, and it
        never holds a finished result we have not collected while it runs the next."""
        threads = self.client.nthreads()  # asked each time: workers die, restart, join
        busy = Counter(flight.worker for flight in self.in_flight.values())
        for worker, count in threads.items():
            for _ in range(count - busy[worker]):
                if not (self.ready or self._prepare()):
                    return
                self._submit(self.ready.popleft(), worker)

    def _prepare(self) -> bool:
        """Read the next documents until one is for the cluster (put in `ready`); those
        cached or unreadable are finished here. False when none is left to read."""
        while self.waiting:
            sent = self._read(self.waiting.popleft())
            if sent is not None:
                self.ready.append(sent)
                return True
        return False

    def _read(self, index: int) -> _Sent | None:
        path, copy_to = self.files[index], self.copies[index]
        if self.options.scheduler_reads_paths:
            payload = Payload(
                path.name, path=os.path.abspath(path), copy_to=os.path.abspath(copy_to) if copy_to else None
            )
            digest = file_digest(path) if self.cache and not copy_to else None
        else:
            data = _read_whole(path, self.options.parse.max_file_bytes)
            if data is None:
                self._finish(index, self._here(path))
                return None
            payload = Payload(path.name, data=data)
            digest = hashlib.sha256(data).hexdigest() if self.cache else None
        cached = self.cache.get(path, digest) if self.cache and digest else None
        if cached is not None:
            self._finish(index, cached)
            return None
        return _Sent(index, 1, payload, digest)

    def _submit(self, sent: _Sent, worker: str) -> None:
        """To the worker we chose. The restriction is loose: should that worker be gone
        by the time the task arrives, the scheduler gives it to another."""
        key = f"agreement-check-{self.run_id}-{sent.index}-{sent.attempt}"
        future = self.client.submit(
            self.task,
            sent.payload,
            self.remote,
            self.limits,
            key=key,
            pure=False,
            workers=[worker],
            allow_other_workers=True,
        )
        self.in_flight[future.key] = _InFlight(sent, future, worker)
        self.done.add(future)

    def _finished(self, cancel: threading.Event | None) -> list[Any]:
        """The tasks that ended, as soon as one does; none after `REFILL` seconds, so that
        workers that joined meanwhile are given work; `cancel` is looked at every
        `CANCEL_POLL` seconds."""
        deadline = time.monotonic() + REFILL
        while not (cancel and cancel.is_set()):
            try:  # as_completed's own queue: next_batch(block=True) has no timeout
                first = self.done.queue.get(timeout=CANCEL_POLL)
            except queue.Empty:
                if time.monotonic() >= deadline:
                    return []
                continue
            return [first, *self.done.next_batch(block=False)]
        self.client.cancel([flight.future for flight in self.in_flight.values()])
        raise CheckCancelled("the check was cancelled")

    def _receive(self, future: Any) -> None:
        if future.status in LOST:  # its result went with its worker and is being computed again
            self.done.add(future)
            return
        sent = self.in_flight.pop(future.key).sent
        result = _outcome(future, self.files[sent.index], sent.attempt)
        future.release()
        if result is None:
            self.ready.appendleft(replace(sent, attempt=sent.attempt + 1))
            return
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


def _pause(cancel: threading.Event | None) -> None:
    """No worker has a thread to give: wait for one to join (the cluster may be starting,
    or its workers restarting)."""
    if cancel is None:
        time.sleep(REFILL)
    elif cancel.wait(REFILL):
        raise CheckCancelled("the check was cancelled")


def _outcome(future: Any, path: Path, attempt: int) -> DocumentResult | None:
    """The task's result; None when the worker running it died and it may be sent again."""
    from distributed.scheduler import KilledWorker

    try:
        result: DocumentResult = future.result()  # waits again if the result is lost on the way
        return result
    except (KilledWorker, CancelledError):  # cancelled by the scheduler (we raise before receiving ours)
        return None if attempt < ATTEMPTS else _lost(path)
    except Exception as exc:
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
