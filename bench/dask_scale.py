"""Throughput as workers are added, in one run: a local batch with --jobs 1 and 2, then a
Dask LocalCluster on loopback with 1 and 2 single-threaded workers, documents sent as
bytes and as paths, over the same documents; then a projection for N machines.

    .venv/bin/python -m bench.generate /tmp/scale --count 300 --pages 2
    .venv/bin/python -m bench.dask_scale /tmp/scale

For each run: documents a minute (wall time) and CPU-seconds a document (this process,
the cluster's and every worker's processes: unlike wall time, it does not stretch when
other work shares the cores), and for Dask the CPU this process spent a document, being
the client and (in a LocalCluster) the scheduler and the nannies: what does not grow with
the machines, and so bounds the projection. Each Dask cluster is
warmed first (its workers import spaCy and load the packs once, as a long-running
cluster has before a sweep); that start-up is reported on its own. Prints one JSON
object per run, the projection, then the table for the README. The machine's load
average is printed at the start and the end: on a busy machine the wall-time figures
say little about scaling.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import json
import os
import time
from collections.abc import Iterator
from pathlib import Path

import psutil  # installed with distributed

from agreement_check.api import CheckOptions, check
from agreement_check.report import DocumentResult

WARM_UP = 2  # documents per worker in the untimed first sweep
MACHINES = (1, 10, 100, 1000)
SCHEDULER_TASKS_A_MINUTE = 60_000  # Dask's scheduler: on the order of 1 ms a task
SETTINGS = {"distributed.scheduler.allowed-failures": 0}  # as docs/scale.md advises


def cpu_seconds() -> float:
    """CPU time of this process and all its descendants, living or waited for."""
    total = 0.0
    me = psutil.Process()
    for process in [me, *me.children(recursive=True)]:
        with contextlib.suppress(psutil.Error):
            times = process.cpu_times()
            total += times.user + times.system + times.children_user + times.children_system
    return total


def own_cpu_seconds() -> float:
    return time.process_time()


def measured(files: list[Path], options: CheckOptions) -> dict[str, float]:
    """Wall and CPU figures of one batch."""
    start, cpu, own = time.perf_counter(), cpu_seconds(), own_cpu_seconds()
    report = check(files, options)
    seconds = time.perf_counter() - start
    if len(report.documents) != len(files):  # pragma: no cover - a broken run, not a measurement
        raise SystemExit("not every document was reported")
    return {
        "seconds": round(seconds, 1),
        "documents_a_minute": round(len(files) / seconds * 60, 1),
        "cpu_seconds_a_document": round((cpu_seconds() - cpu) / len(files), 3),
        "this_process_cpu_ms_a_document": round(1000 * (own_cpu_seconds() - own) / len(files), 1),
    }


def local(files: list[Path], jobs: int) -> dict[str, object]:
    figures = measured(files, CheckOptions(jobs=jobs))
    del figures["this_process_cpu_ms_a_document"]  # the local pool's supervisor: not comparable
    return {"run": f"local --jobs {jobs}", "documents": len(files), **figures}


@contextlib.contextmanager
def cluster(workers: int) -> Iterator[str]:
    """A LocalCluster of single-threaded worker processes, everything on loopback."""
    import dask
    from distributed import LocalCluster

    with (
        dask.config.set(SETTINGS),
        LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
        ) as running,
    ):
        yield running.scheduler_address


def on_dask(files: list[Path], workers: int, reads_paths: bool) -> dict[str, object]:
    start = time.perf_counter()
    with cluster(workers) as address:
        options = CheckOptions(scheduler=address, scheduler_reads_paths=reads_paths)
        check(files[: WARM_UP * workers], options)
        warm = time.perf_counter() - start
        figures = measured(files, options)
    return {
        "run": f"dask {workers} worker{'s' if workers > 1 else ''}, {'paths' if reads_paths else 'bytes'}",
        "documents": len(files),
        **figures,
        "cluster_start_and_warm_up_seconds": round(warm, 1),
    }


def projection(rows: list[dict[str, object]], workers: int) -> dict[str, object]:
    """N machines like this one, each running `workers` single-threaded Dask workers at the
    rate measured here with documents sent as bytes."""
    row = next(r for r in rows if r["run"] == f"dask {workers} worker{'s' if workers > 1 else ''}, bytes")
    rate = float(row["documents_a_minute"])  # type: ignore[arg-type]
    client_ms = float(row["this_process_cpu_ms_a_document"])  # type: ignore[arg-type]
    ceiling = min(SCHEDULER_TASKS_A_MINUTE, 60_000 / client_ms) if client_ms else SCHEDULER_TASKS_A_MINUTE
    return {
        "projection": {str(n): round(min(rate * n, ceiling)) for n in MACHINES},
        "per_machine_documents_a_minute": rate,
        "ceiling_documents_a_minute": round(ceiling),
        "assumption": (
            f"each machine is like this one, with {workers} single-threaded Dask workers checking at the rate"
            f" measured here ({rate:g} documents a minute); documents are independent, so throughput is"
            " that rate times N, until the one client and the one scheduler are the limit: this process"
            f" (the client, and here also the LocalCluster's scheduler and nannies) spent {client_ms:g} CPU-ms"
            f" a document, so one core of it keeps up with {60_000 / client_ms if client_ms else float('inf'):,.0f}"
            f" documents a minute, and Dask's scheduler handles about {SCHEDULER_TASKS_A_MINUTE:,} tasks a"
            " minute (1 ms a task)"
        ),
    }


def no_check(payload, options, limits) -> DocumentResult:  # type: ignore[no-untyped-def]
    """Runs on the worker in place of the check: what is left is the executor's own cost."""
    return DocumentResult(path=payload.name, status="error", error_code="empty", error_message="not checked")


def overhead(files: list[Path], workers: int) -> dict[str, object]:
    """The executor alone: each document read, sent as bytes, scheduled and answered."""
    from agreement_check.batch.dask_executor import run_on_dask
    from agreement_check.batch.isolation import Limits

    with cluster(workers) as address:
        options = CheckOptions(scheduler=address)
        run_on_dask(files[:workers], options, Limits(), task=no_check)
        start, own = time.perf_counter(), own_cpu_seconds()
        run_on_dask(files, options, Limits(), task=no_check)
        seconds, cpu = time.perf_counter() - start, own_cpu_seconds() - own
    return {
        "run": f"dask {workers} worker(s), executor only",
        "documents": len(files),
        "seconds": round(seconds, 1),
        "ms_a_document": round(1000 * seconds / len(files), 1),
        "this_process_cpu_ms_a_document": round(1000 * cpu / len(files), 1),
    }


def table(rows: list[dict[str, object]], plan: dict[str, object] | None) -> str:
    lines = [
        f"| run ({rows[0]['documents']} documents) | documents a minute | CPU-s a document | warm-up |",
        "| --- | ---: | ---: | ---: |",
    ]
    for row in rows:
        warm = row.get("cluster_start_and_warm_up_seconds")
        lines.append(
            f"| {row['run']} | {row['documents_a_minute']} | {row['cpu_seconds_a_document']}"
            f" | {f'{warm} s' if warm is not None else ''} |"
        )
    if plan:
        projected = ", ".join(f"{n}: {v:,}" for n, v in plan["projection"].items())  # type: ignore[attr-defined]
        lines += ["", f"Documents a minute on N machines ({projected}), assuming {plan['assumption']}."]
    return "\n".join(lines)


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--workers", type=int, nargs="*", default=[1, 2])
    parser.add_argument("--jobs", type=int, nargs="*", default=[1, 2])
    parser.add_argument("--bytes-only", action="store_true", help="Skip --scheduler-reads-paths.")
    parser.add_argument("--overhead", action="store_true", help="Only the executor's own cost per document.")
    args = parser.parse_args()
    files = sorted(p for p in args.folder.iterdir() if p.suffix in {".docx", ".pdf"})
    print(json.dumps({"load_average_at_start": load(), "cpus": os.cpu_count()}), flush=True)
    if args.overhead:
        for workers in args.workers:
            print(json.dumps(overhead(files, workers)), flush=True)
        return
    runs = [functools.partial(local, files, jobs) for jobs in args.jobs]  # first: a LocalCluster leaves a thread here
    for workers in args.workers:
        for reads_paths in (False,) if args.bytes_only else (False, True):
            runs.append(functools.partial(on_dask, files, workers, reads_paths))
    rows = []
    for run in runs:
        rows.append(run())
        print(json.dumps(rows[-1]), flush=True)
    plan = projection(rows, max(args.workers)) if args.workers else None
    if plan:
        print(json.dumps(plan), flush=True)
    print(json.dumps({"load_average_at_end": load()}), flush=True)
    print(table(rows, plan), flush=True)


if __name__ == "__main__":
    main()
