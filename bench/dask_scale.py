"""Throughput as workers are added: a local batch with --jobs 1 and 2, then a Dask
LocalCluster on loopback with 1 and 2 single-threaded workers, over the same documents.

    .venv/bin/python -m bench.generate /tmp/scale --count 300 --pages 2
    .venv/bin/python -m bench.dask_scale /tmp/scale

Each Dask cluster is warmed first (its workers import spaCy and load the packs once, as a
long-running cluster has done before a sweep); that start-up is reported on its own.
Prints one JSON object per configuration.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from agreement_check.api import CheckOptions, check
from agreement_check.report import DocumentResult

WARM_UP = 2  # documents per worker in the untimed first sweep


def timed(files: list[Path], options: CheckOptions) -> float:
    start = time.perf_counter()
    report = check(files, options)
    elapsed = time.perf_counter() - start
    if len(report.documents) != len(files):  # pragma: no cover - a broken run, not a measurement
        raise SystemExit("not every document was reported")
    return elapsed


def local(files: list[Path], jobs: int) -> dict[str, object]:
    seconds = timed(files, CheckOptions(jobs=jobs))
    return {
        "run": f"--jobs {jobs}",
        "documents": len(files),
        "seconds": round(seconds, 1),
        "per_second": _rate(files, seconds),
    }


def on_dask(files: list[Path], workers: int, reads_paths: bool) -> dict[str, object]:
    import dask
    from distributed import LocalCluster

    settings = {"distributed.scheduler.allowed-failures": 0, "distributed.scheduler.worker-saturation": 1.0}
    start = time.perf_counter()
    with (
        dask.config.set(settings),
        LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
        ) as cluster,
    ):
        options = CheckOptions(scheduler=cluster.scheduler_address, scheduler_reads_paths=reads_paths)
        timed(files[: WARM_UP * workers], options)
        warm = time.perf_counter() - start
        seconds = timed(files, options)
    mode = "paths" if reads_paths else "bytes"
    return {
        "run": f"dask {workers} worker(s), {mode}",
        "documents": len(files),
        "seconds": round(seconds, 1),
        "per_second": _rate(files, seconds),
        "cluster_start_and_warm_up_seconds": round(warm, 1),
    }


def no_check(payload, options, limits) -> DocumentResult:  # type: ignore[no-untyped-def]
    """Runs on the worker in place of the check: what is left is the executor's own cost."""
    return DocumentResult(path=payload.name, status="error", error_code="empty", error_message="not checked")


def overhead(files: list[Path], workers: int) -> dict[str, object]:
    """The executor alone: each document read, sent as bytes, scheduled and answered."""
    import dask
    from distributed import LocalCluster

    from agreement_check.batch.dask_executor import run_on_dask
    from agreement_check.batch.isolation import Limits

    settings = {"distributed.scheduler.allowed-failures": 0, "distributed.scheduler.worker-saturation": 1.0}
    with (
        dask.config.set(settings),
        LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
        ) as cluster,
    ):
        options = CheckOptions(scheduler=cluster.scheduler_address)
        run_on_dask(files[:workers], options, Limits(), task=no_check)
        start = time.perf_counter()
        run_on_dask(files, options, Limits(), task=no_check)
        seconds = time.perf_counter() - start
    return {
        "run": f"dask {workers} worker(s), executor only",
        "documents": len(files),
        "seconds": round(seconds, 1),
        "ms_per_document": round(1000 * seconds / len(files), 1),
    }


def _rate(files: list[Path], seconds: float) -> float:
    return round(len(files) / seconds, 2)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--workers", type=int, nargs="*", default=[1, 2])
    parser.add_argument("--jobs", type=int, nargs="*", default=[1, 2])
    parser.add_argument("--paths", action="store_true", help="Also measure --scheduler-reads-paths.")
    parser.add_argument("--overhead", action="store_true", help="Only the executor's own cost per document.")
    args = parser.parse_args()
    files = sorted(p for p in args.folder.iterdir() if p.suffix in {".docx", ".pdf"})
    if args.overhead:
        for workers in args.workers:
            print(json.dumps(overhead(files, workers)), flush=True)
        return
    for jobs in args.jobs:
        print(json.dumps(local(files, jobs)), flush=True)
    for workers in args.workers:
        print(json.dumps(on_dask(files, workers, reads_paths=False)), flush=True)
        if args.paths:
            print(json.dumps(on_dask(files, workers, reads_paths=True)), flush=True)


if __name__ == "__main__":
    main()
