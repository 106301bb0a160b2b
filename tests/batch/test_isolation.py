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


def test_a_check_of_word_files_leaves_the_pdf_libraries_unloaded(tmp_path: Path) -> None:
    """Workers are forked from the checking process: it loads the PDF libraries for them
    only when a file is named .pdf (a cold check of one DOCX does without them)."""
    import subprocess
    import sys
    import textwrap

    from tests.builders import body_lines, make_docx, make_pdf, p

    docx = make_docx(tmp_path / "offer.docx", p("The Funder will pay the grant in two parts."))
    pdf = make_pdf(tmp_path / "offer.pdf", [body_lines(["The Funder will pay the grant in two parts."])])
    code = textwrap.dedent(
        """
        import sys
        from agreement_check.api import CheckOptions, check
        report = check(sys.argv[1:], CheckOptions(jobs=1, pack="leeds-compact"))
        print([d.status for d in report.documents], "pypdfium2" in sys.modules, "pdfminer" in sys.modules)
        """
    )
    for files, loaded in (([docx], False), ([docx, pdf], True)):
        done = subprocess.run(
            [sys.executable, "-c", code, *map(str, files)], capture_output=True, text=True, check=True
        )
        assert done.stdout.split("]", 1)[1].split() == [str(loaded), str(loaded)]
        assert done.stdout.startswith(str(["checked"] * len(files)))
