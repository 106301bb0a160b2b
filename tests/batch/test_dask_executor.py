"""Checking on a Dask cluster gives the report a local run gives: a scheduler and two
worker processes on loopback, the same documents, the JSON compared whole. A worker that
dies costs only the document it was checking: sent once more, then reported `worker-lost`."""

from __future__ import annotations

import functools
import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from agreement_check.api import CheckOptions, build_report, check, load_configured_packs
from agreement_check.batch.isolation import Limits
from agreement_check.errors import UsageError
from agreement_check.reporters import get_reporter
from tests.builders import make_docx, p
from tests.cli.test_main import COMPLIANT, run

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def scheduler(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A scheduler and two single-threaded workers under a nanny, started as `dask
    scheduler` and `dask worker` are, on loopback only. In processes of their own, they
    leave no thread in this one (a LocalCluster's scheduler would stay here, with its
    thread pool, and make the local pool of later tests fork from a fork server). The
    scheduler gives a task up at its worker's first death (`allowed-failures` 0, as
    docs/scale.md advises), so the one retry the tests see is the executor's own."""
    folder = tmp_path_factory.mktemp("dask")
    address_file = folder / "scheduler.json"
    env = {
        **os.environ,
        "DASK_DISTRIBUTED__SCHEDULER__ALLOWED_FAILURES": "0",
        "PYTHONPATH": os.pathsep.join(p for p in sys.path if p),  # the stand-in tasks travel by reference
    }
    loopback = ["--host", "127.0.0.1", "--dashboard-address", "127.0.0.1:0"]  # their HTTP servers too
    common = [*loopback, "--no-dashboard", "--scheduler-file", str(address_file)]
    commands = [
        ["distributed.cli.dask_scheduler", "--port", "0", *common],
        ["distributed.cli.dask_worker", "--nworkers", "2", "--nthreads", "1", "--memory-limit", "0", *common],
    ]
    with (folder / "cluster.log").open("wb") as log:
        started = [subprocess.Popen([sys.executable, "-m", *command], env=env, stderr=log) for command in commands]
        try:
            yield _address_once_workers_joined(address_file, 2, started)
        finally:
            for process in reversed(started):  # the workers first: they take leave of the scheduler
                process.terminate()
                try:
                    process.wait(timeout=60)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()


def _address_once_workers_joined(address_file: Path, count: int, started: list[subprocess.Popen[bytes]]) -> str:
    deadline = time.monotonic() + 300  # starting Python processes on a loaded machine
    while not (address_file.is_file() and address_file.read_text()):
        if time.monotonic() > deadline or any(process.poll() is not None for process in started):
            raise RuntimeError(f"the Dask scheduler did not start: see {address_file.parent / 'cluster.log'}")
        time.sleep(0.1)
    address: str = json.loads(address_file.read_text())["address"]
    with distributed.Client(address, set_as_default=False, timeout="60s") as client:
        client.wait_for_workers(count, timeout=300)
    return address


@pytest.fixture(scope="module")
def documents(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    folder = tmp_path_factory.mktemp("agreements")
    files = [
        make_docx(
            folder / "grant.docx",
            p("The Council may end this agreement by giving the Charity three months' written notice.")
            + p("The Council will pay each valid invoice within thirty days of receipt."),
        ),
        folder / "compliant.txt",
        folder / "broken.docx",
        folder / "shorter-notice.txt",
    ]
    files[1].write_text(COMPLIANT, encoding="utf-8")
    files[2].write_bytes(b"PK\x03\x04 not a zip at all")
    files[3].write_text(COMPLIANT.replace("six (6) months'", "one week's"), encoding="utf-8")
    return files


def as_json(results: list, options: CheckOptions) -> dict:  # type: ignore[type-arg]
    return json.loads(get_reporter("json").render(build_report(results, load_configured_packs(options))))


def check_each(paths: list[Path]) -> list:  # type: ignore[type-arg]
    """Local results in the order given (a report orders them as the folder walk does)."""
    return [check([path], CheckOptions(jobs=1)).documents[0] for path in paths]


def report_json(paths: list[Path], options: CheckOptions) -> dict:  # type: ignore[type-arg]
    return json.loads(get_reporter("json").render(check(paths, options)))


def test_the_report_is_the_local_one(scheduler: str, documents: list[Path]) -> None:
    local = report_json(documents, CheckOptions(jobs=2))
    assert [d["status"] for d in local["documents"]].count("error") == 1  # the broken file is compared too
    assert report_json(documents, CheckOptions(scheduler=scheduler)) == local
    assert report_json(documents, CheckOptions(scheduler=scheduler, scheduler_reads_paths=True)) == local


def test_worker_processes_are_kept_between_tasks(scheduler: str, documents: list[Path]) -> None:
    """The packs are loaded once per worker process: a second sweep finds the same ones."""
    from agreement_check.batch.dask_worker import process_ids

    check(documents, CheckOptions(scheduler=scheduler))
    with distributed.Client(scheduler, set_as_default=False) as client:
        first = client.run(process_ids)
        check(documents, CheckOptions(scheduler=scheduler))
        second = client.run(process_ids)
    assert first == second
    assert all(len(pids) == 1 for pids in second.values())  # one per worker thread, not one per document


def die_in(marker_folder: str, payload, options, limits):  # type: ignore[no-untyped-def]
    """Runs on the worker: notes each start of a document (a line in its own file), then
    a document named die-once kills its worker the first time only, die-always every time;
    the others are checked as usual."""
    from agreement_check.batch.dask_worker import check_task

    with (Path(marker_folder) / f"{payload.name}.starts").open("a") as starts:
        starts.write("started\n")
    marker = Path(marker_folder) / payload.name
    if payload.name.startswith("die-always") or (payload.name.startswith("die-once") and not marker.exists()):
        marker.write_text("")
        os._exit(1)
    return check_task(payload, options, limits)


def test_a_dead_worker_loses_only_its_document(scheduler: str, documents: list[Path], tmp_path: Path) -> None:
    """Three worker deaths among four documents on two workers: only the documents that
    were running when a worker died are sent again, and each of the others runs once (a
    result lost with a worker before it was collected would run twice)."""
    from agreement_check.batch.dask_executor import run_on_dask

    once = tmp_path / "die-once.txt"
    always = tmp_path / "die-always.txt"
    once.write_text(COMPLIANT, encoding="utf-8")
    always.write_text(COMPLIANT, encoding="utf-8")
    markers = tmp_path / "markers"
    markers.mkdir()
    files = [documents[0], once, always, documents[1]]
    options = CheckOptions(scheduler=scheduler)
    results = run_on_dask(files, options, Limits(), task=functools.partial(die_in, str(markers)))

    local = report_json([documents[0], once, documents[1]], CheckOptions(jobs=2))["documents"]
    remote = as_json(results, options)["documents"]
    assert [d["path"] for d in remote] == [str(f) for f in files]  # in the order given
    assert [remote[0], remote[1], remote[3]] == sorted(local, key=lambda d: [str(f) for f in files].index(d["path"]))
    assert remote[2]["status"] == "error"
    assert remote[2]["error"]["code"] == "worker-lost"
    starts = {f.name: len((markers / f"{f.name}.starts").read_text().splitlines()) for f in files}
    assert starts == {files[0].name: 1, "die-once.txt": 2, "die-always.txt": 2, files[3].name: 1}


def never_sent(payload, options, limits):  # type: ignore[no-untyped-def]
    raise AssertionError(f"{payload.name} was sent although its result is cached")


def test_cached_documents_are_not_sent(scheduler: str, documents: list[Path], tmp_path: Path) -> None:
    from agreement_check.batch.dask_executor import run_on_dask

    checked = [d for d in documents if d.name != "broken.docx"]  # errors are never cached
    options = CheckOptions(scheduler=scheduler, cache=tmp_path / "cache")
    first = run_on_dask(checked, options, Limits())
    assert as_json(first, options) == as_json(check_each(checked), options)
    again = run_on_dask(checked, options, Limits(), task=never_sent)
    assert again == first


def test_marked_up_copies_need_paths_the_workers_share(scheduler: str, documents: list[Path], tmp_path: Path) -> None:
    from agreement_check.annotate.targets import MarkedCopies

    options = CheckOptions(scheduler=scheduler, marked_copies=MarkedCopies(tmp_path / "copies", None, False))
    with pytest.raises(UsageError, match="--scheduler-reads-paths"):
        check(documents[:1], options)


def test_the_command_line_reports_as_a_local_run(
    scheduler: str, documents: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(documents[0].parent)
    names = [d.name for d in documents]
    local = run(["check", *names, "--format", "json", "--quiet", "--jobs", "2"])
    remote = run(["check", *names, "--format", "json", "--quiet", "--scheduler", scheduler])
    assert remote.exit_code == local.exit_code == 3  # the broken file
    assert json.loads(remote.stdout) == json.loads(local.stdout)


def test_a_sweep_leaves_no_thread_behind(scheduler: str, documents: list[Path]) -> None:
    """Its client is closed with its event-loop thread: the local pool can fork again."""
    before = set(threading.enumerate())
    check(documents[:1], CheckOptions(scheduler=scheduler))
    assert set(threading.enumerate()) == before


def test_an_unreachable_scheduler_is_a_usage_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from agreement_check.batch import dask_executor

    monkeypatch.setattr(dask_executor, "CONNECT_TIMEOUT", "1s")
    (tmp_path / "a.txt").write_text(COMPLIANT, encoding="utf-8")
    with pytest.raises(UsageError, match="cannot reach the Dask scheduler"):
        check([tmp_path / "a.txt"], CheckOptions(scheduler="tcp://127.0.0.1:9"))
