"""The isolation layer's cancellation hook: a caller that sets `cancel` gets its workers
killed and `CheckCancelled`, whatever the document deadline says."""

from __future__ import annotations

import functools
import os
import threading
from pathlib import Path

import pytest

from agreement_check.api import CheckOptions
from agreement_check.batch.isolation import Limits, run_isolated
from agreement_check.errors import CheckCancelled
from tests.robustness.slow_worker import hang


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def wait_for_pids(folder: Path, count: int) -> list[int]:
    event = threading.Event()
    for _ in range(400):  # a bound, not a timing: fail rather than hang if workers never start
        pids = [int(p.name) for p in folder.iterdir()]
        if len(pids) >= count:
            return pids
        event.wait(0.05)
    raise AssertionError("the workers never started")


def test_cancel_kills_the_workers_and_raises(tmp_path: Path) -> None:
    files = [tmp_path / "a.docx", tmp_path / "b.docx"]
    for path in files:
        path.write_bytes(b"not read")
    pids = tmp_path / "pids"
    pids.mkdir()
    cancel = threading.Event()
    outcome: list[BaseException] = []

    def supervise() -> None:
        try:
            run_isolated(
                files, CheckOptions(), 2, Limits(seconds=300), serve=functools.partial(hang, str(pids)), cancel=cancel
            )
        except BaseException as exc:
            outcome.append(exc)

    thread = threading.Thread(target=supervise)
    thread.start()
    started = wait_for_pids(pids, 2)
    cancel.set()
    thread.join(timeout=30)
    assert not thread.is_alive()
    assert [type(e) for e in outcome] == [CheckCancelled]
    assert not any(alive(pid) for pid in started)


def test_cancel_set_before_start_reads_nothing(tmp_path: Path) -> None:
    cancel = threading.Event()
    cancel.set()
    (tmp_path / "a.docx").write_bytes(b"not read")
    with pytest.raises(CheckCancelled):
        run_isolated(
            [tmp_path / "a.docx"],
            CheckOptions(),
            1,
            Limits(),
            serve=functools.partial(hang, str(tmp_path)),
            cancel=cancel,
        )
