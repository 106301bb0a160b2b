"""A worker loop that never returns for one file, standing in for a parser that hangs
(as pdfminer can), so the supervisor's deadline is tested without such a PDF."""

from __future__ import annotations

import time

from agreement_check.batch.worker import serve as real_serve


class _HangingConnection:
    def __init__(self, conn) -> None:  # type: ignore[no-untyped-def]
        self._conn = conn

    def recv(self):  # type: ignore[no-untyped-def]
        message = self._conn.recv()  # (index, path, where its marked-up copy goes)
        if message[1].endswith("a-slow.docx"):
            while True:
                time.sleep(1)
        return message

    def send(self, message) -> None:  # type: ignore[no-untyped-def]
        self._conn.send(message)


def serve(conn, options, memory_mb) -> None:  # type: ignore[no-untyped-def]
    real_serve(_HangingConnection(conn), options, memory_mb)


def hang(pid_folder, conn, options, memory_mb) -> None:  # type: ignore[no-untyped-def]
    """A worker that takes a document, writes its process id into `pid_folder` (so a test
    can tell whether it is still alive) and never answers. Loads nothing, starts at once."""
    import os
    from pathlib import Path

    conn.recv()
    (Path(pid_folder) / str(os.getpid())).write_text("")
    while True:
        time.sleep(1)
