"""Stopping a run: SIGTERM (a cancelled CI job, `kill`, `timeout`) ends the worker processes
as Ctrl+C does, instead of leaving them running after the checker has gone.

No timing is asserted: the test waits for things to happen, with generous bounds so that a
bug fails the test rather than hanging it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

# The real command line, with each worker replaced by one that takes a document, records
# its process id and never answers (as a parser stuck on a hostile file would).
SCRIPT = """
import functools, sys
import agreement_check.batch.worker as worker_main
from tests.robustness.slow_worker import hang
worker_main.serve = functools.partial(hang, sys.argv[1])
from agreement_check.cli.main import main
sys.argv = ["agreement-check", "check", "--quiet", "--jobs", "2", "--timeout", "3600", "--", *sys.argv[2:]]
main()
"""


def gone(pid: int) -> bool:
    """Exited (a zombie waiting for a parent that is itself gone counts as exited)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return True
    except OSError:
        return False
    return state in {"Z", "X"}


def wait_until(condition, rounds: int = 2400) -> bool:  # type: ignore[no-untyped-def]
    """Poll `condition` every 50 ms, at most `rounds` times (a bound, not a timing)."""
    pause = threading.Event()
    for _ in range(rounds):
        if condition():
            return True
        pause.wait(0.05)
    return condition()


def test_sigterm_ends_every_worker(tmp_path: Path) -> None:
    pids = tmp_path / "pids"
    pids.mkdir()
    files = [tmp_path / "a.docx", tmp_path / "b.docx"]
    for path in files:
        path.write_bytes(b"never read")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in [str(REPO), os.environ.get("PYTHONPATH")] if p)}
    run = subprocess.Popen(
        [sys.executable, "-c", SCRIPT, str(pids), *map(str, files)],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    workers: list[int] = []
    try:
        assert wait_until(lambda: len(list(pids.iterdir())) == 2 or run.poll() is not None), "no worker started"
        workers = [int(p.name) for p in pids.iterdir()]
        assert len(workers) == 2 and run.poll() is None, run.stderr.read() if run.stderr else ""
        run.send_signal(signal.SIGTERM)
        run.wait(timeout=300)
        assert wait_until(lambda: all(gone(pid) for pid in workers)), "a worker outlived the checker"
        assert run.returncode in {-signal.SIGTERM, 128 + signal.SIGTERM}
        assert b"Traceback" not in (run.stderr.read() if run.stderr else b"")
    finally:
        for pid in workers:  # only the processes this test started
            if not gone(pid):
                os.kill(pid, signal.SIGKILL)
        if run.poll() is None:
            run.kill()
            run.wait()
