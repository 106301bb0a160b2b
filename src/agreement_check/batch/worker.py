"""The loop a worker process runs: build the rule packs and NLP pipeline once, cap its
own memory, then check one document per request until the pipe closes.

Imported by the fork server (or the process that forks the workers) before any worker
starts, so spaCy is loaded, and the pipeline with its lemma table built, once and shared
by every worker (the PDF libraries too, when the batch may hold a PDF: `batch.isolation`).
"""

from __future__ import annotations

import contextlib
import gc
from multiprocessing.connection import Connection
from pathlib import Path

from agreement_check.batch.document import check_file, display_path, load_configured_packs, needs_fresh_worker
from agreement_check.batch.options import CheckOptions
from agreement_check.codes import ErrorCode
from agreement_check.nlp.pipeline import get_nlp, import_spacy, lemma_table
from agreement_check.report import DocumentResult

import_spacy()  # once, in the fork server or the forking process, shared by every worker
get_nlp()
lemma_table()


def serve(conn: Connection, options: CheckOptions, memory_mb: int) -> None:
    """A worker's loop: check each (index, path, copy) request from `conn` and send back its result."""
    packs = load_configured_packs(options)
    get_nlp()
    gc.collect()
    gc.freeze()
    _cap_memory(memory_mb)
    while True:
        try:
            index, raw, copy_to = conn.recv()
        except (EOFError, OSError):
            return
        path = Path(raw)
        try:
            result = check_file(path, packs, options, Path(copy_to) if copy_to else None)
        except MemoryError:
            result = _error(path, "too-large", "Reading this file needed more memory than allowed.")
        except RecursionError:
            result = _error(path, "corrupt", "The file is nested too deeply to read.")
        except Exception as exc:  # one bad document never stops the batch
            result = _error(path, "corrupt", f"The file could not be processed ({type(exc).__name__}).")
        result = result.with_path(display_path(path))
        try:
            conn.send((index, result))
        except (BrokenPipeError, OSError):
            return
        if needs_fresh_worker(result):
            return  # after a MemoryError the process may be in a poor state: start afresh


def _error(path: Path, code: ErrorCode, message: str) -> DocumentResult:
    return DocumentResult.error(str(path), code, message)


def _cap_memory(memory_mb: int) -> None:
    """Limit the address space to what the worker uses now plus `memory_mb`."""
    try:
        import resource
    except ImportError:  # pragma: no cover - not on POSIX
        return
    with contextlib.suppress(OSError, ValueError):
        with open("/proc/self/statm") as statm:
            pages = int(statm.read().split()[0])
        current = pages * resource.getpagesize()
        limit = current + memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
