"""A worker loop that takes one document and aborts, as a parser does when an allocation
fails under the memory cap. A dying process closes its pipes a moment before it can be
reaped; this one stretches that moment (it closes them, waits, then aborts), so the
supervisor is seen to wait for the real exit status instead of guessing."""

from __future__ import annotations

import os
import resource
import signal
import time


def serve(conn, options, memory_mb) -> None:  # type: ignore[no-untyped-def]
    conn.recv()
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))  # no core file
    os.closerange(3, 4096)  # the document's pipe and the process sentinel's pipe
    time.sleep(0.5)
    os.kill(os.getpid(), signal.SIGABRT)
