"""A Dask task runs the local worker's check: the same result for the same bytes, the same
deadline, and a process kept for the next task unless the last one left it unfit."""

from __future__ import annotations

import functools
from pathlib import Path

from agreement_check.api import CheckOptions, check
from agreement_check.batch.dask_worker import Payload, _ask, _start, _stop, check_task, forget_processes, process_ids
from agreement_check.batch.isolation import Limits
from tests.cli.test_main import COMPLIANT
from tests.robustness.slow_worker import hang


def test_a_document_sent_as_bytes_is_checked_as_the_file_is(tmp_path: Path) -> None:
    path = tmp_path / "offer.txt"
    path.write_text(COMPLIANT.replace("six (6) months'", "one week's"), encoding="utf-8")
    local = check([path], CheckOptions(jobs=1)).documents[0]
    try:
        remote = check_task(Payload(path.name, data=path.read_bytes()), CheckOptions(), Limits())
        kept = process_ids()
        again = check_task(Payload(path.name, path=str(path)), CheckOptions(), Limits())
        assert process_ids() == kept and len(kept) == 1  # the same process, its packs already loaded
    finally:
        forget_processes()
    assert remote.with_path(str(path)) == local
    assert again.with_path(str(path)) == local


def test_a_document_past_its_deadline_is_a_timeout(tmp_path: Path) -> None:
    pids = tmp_path / "pids"
    pids.mkdir()
    limits = Limits(seconds=1)
    worker = _start(CheckOptions(), limits, serve=functools.partial(hang, str(pids)))
    try:
        result = _ask(worker, tmp_path / "slow.docx", None, limits)
    finally:
        _stop(worker)
    assert (result.status, result.error_code) == ("error", "timeout")
    assert "longer than 1 seconds" in (result.error_message or "")
