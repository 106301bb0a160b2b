"""A private folder for a helper program (LibreOffice, Tesseract) that leaves nothing
behind, even when the worker running it is killed.

The worker's supervisor kills a worker that overruns its deadline or memory with SIGKILL,
so no `finally` of the worker runs then. Each folder therefore has a guard: a tiny
separate program (`scratch_guard`) holding the read end of a pipe. When the worker exits
in any way the pipe closes; unless the worker said "done", the guard kills the process
groups the worker registered (each helper runs in its own group) and removes the folder.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

_GUARD = Path(__file__).with_name("scratch_guard.py")


class Scratch:
    def __init__(self, folder: Path, guard: subprocess.Popen[bytes] | None) -> None:
        self.folder = folder
        self._guard = guard
        self._groups: list[int] = []

    def watch(self, process: subprocess.Popen[bytes]) -> None:
        """Register a helper started with `start_new_session=True`: its group is killed
        when the folder is given up, or by the guard if this process dies first."""
        self._groups.append(process.pid)
        self._tell(f"{process.pid}\n")

    def close(self) -> None:
        for group in self._groups:
            kill_group(group)
        shutil.rmtree(self.folder, ignore_errors=True)
        self._tell("done\n")
        if self._guard is not None:
            with contextlib.suppress(OSError):
                _stdin(self._guard).close()
            with contextlib.suppress(subprocess.TimeoutExpired):
                self._guard.wait(timeout=5)

    def _tell(self, line: str) -> None:
        if self._guard is not None:
            with contextlib.suppress(OSError):
                stream = _stdin(self._guard)
                stream.write(line.encode())
                stream.flush()


@contextlib.contextmanager
def private_folder(prefix: str) -> Iterator[Scratch]:
    """A new folder only this user can open, removed on leaving, with its guard."""
    folder = Path(tempfile.mkdtemp(prefix=f"agreement-check-{prefix}-"))
    guard = subprocess.Popen(
        [sys.executable, "-I", str(_GUARD), str(folder)],
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # not in the worker's group: it must outlive the worker
    )
    scratch = Scratch(folder, guard)
    try:
        yield scratch
    finally:
        scratch.close()


def kill_group(group: int) -> None:
    """Kill a helper program's whole process group."""
    with contextlib.suppress(OSError):
        os.killpg(group, signal.SIGKILL)


def _stdin(process: subprocess.Popen[bytes]) -> IO[bytes]:
    assert process.stdin is not None
    return process.stdin
