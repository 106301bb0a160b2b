"""Run as a separate program by `scratch.private_folder`: it outlives the worker that
started it, so a worker killed for its deadline or memory still leaves nothing behind.

It reads process-group ids from standard input, one a line. "done" means the worker
cleaned up itself; end of input without it means the worker died, so every group named
is killed and the folder removed. Standard library only: it runs with `python -I`.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import sys


def main(folder: str) -> None:
    """Read process groups from stdin; unless told "done", kill them all and remove `folder`."""
    groups: list[int] = []
    for line in sys.stdin:
        word = line.strip()
        if word == "done":
            return
        if word.isdigit():
            groups.append(int(word))
    for group in groups:
        with contextlib.suppress(OSError):
            os.killpg(group, signal.SIGKILL)
    shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main(sys.argv[1])
