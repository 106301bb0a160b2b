"""A worker loop that never returns for one file, standing in for a parser that hangs
(as pdfminer can), so the supervisor's deadline is tested without such a PDF."""

from __future__ import annotations

import time

from agreement_check.worker_main import serve as real_serve


class _HangingConnection:
    def __init__(self, conn) -> None:  # type: ignore[no-untyped-def]
        self._conn = conn

    def recv(self):  # type: ignore[no-untyped-def]
        index, path = self._conn.recv()
        if path.endswith("a-slow.docx"):
            while True:
                time.sleep(1)
        return index, path

    def send(self, message) -> None:  # type: ignore[no-untyped-def]
        self._conn.send(message)


def serve(conn, options, memory_mb) -> None:  # type: ignore[no-untyped-def]
    real_serve(_HangingConnection(conn), options, memory_mb)
