"""Uploads against a real server: limits enforced while the body streams in (a chunked
upload has no Content-Length to trust), slow senders stopped, nothing held whole in
memory, and a visitor who hangs up stops the worker reading their document. No test
asserts a duration; the limits are made small and the status code is what is checked."""

from __future__ import annotations

import itertools
import tracemalloc
from pathlib import Path

import pytest

pytest.importorskip("uvicorn")

from agreement_check.web import app as web_app
from agreement_check.web.app import WebSettings
from tests.web.live import (
    chunk,
    connect,
    end,
    gone_soon,
    hanging_run,
    head,
    live_server,
    part,
    send_until_answered,
    status_of,
    worker_pids,
)

MB = 1024 * 1024
SMALL = WebSettings(max_files=2, max_file_mb=1)


def endless(piece: bytes, limit: int = 16 * MB) -> itertools.islice[bytes]:
    """Chunks of `piece`, up to `limit` bytes: far past every limit, and never the end."""
    return itertools.islice(itertools.repeat(chunk(piece)), limit // len(piece))


def test_chunked_file_over_the_limit_is_refused_while_it_streams() -> None:
    with live_server(SMALL) as port, connect(port) as sock:
        sock.sendall(head(port) + chunk(part()))
        sent = send_until_answered(sock, endless(b"x" * 65536))
        status, answer = status_of(sock)
    assert status == 413 and b"A file is too big" in answer
    assert sent < 16 * MB  # stopped long before the end of what the client had to send


def test_chunked_request_over_the_limit_is_refused_while_it_streams() -> None:
    """Data in a part the page does not keep still counts towards the request's limit."""
    with live_server(SMALL) as port, connect(port) as sock:
        sock.sendall(head(port) + chunk(part(name="something-else")))
        send_until_answered(sock, endless(b"x" * 65536))
        status, answer = status_of(sock)
    assert status == 413 and b"Those files are too big" in answer


def test_an_upload_that_stops_arriving_is_refused() -> None:
    settings = WebSettings(max_files=2, max_file_mb=1, upload_idle_seconds=0.5, upload_seconds=30)
    with live_server(settings) as port, connect(port) as sock:
        sock.sendall(head(port) + chunk(part() + b"%PDF-1.4 half a file"))
        status, answer = status_of(sock)
    assert status == 408 and b"too slow" in answer


def test_an_upload_trickling_in_is_refused_at_the_upload_deadline() -> None:
    """One byte at a time, each well inside the quiet-spell limit, never finishing."""
    settings = WebSettings(max_files=2, max_file_mb=1, upload_idle_seconds=2, upload_seconds=1)
    with live_server(settings) as port, connect(port) as sock:
        sock.sendall(head(port) + chunk(part()))
        send_until_answered(sock, itertools.islice(itertools.repeat(chunk(b"x")), 200), pause=0.1)
        status, _ = status_of(sock)
    assert status == 408


def test_an_upload_is_written_to_disk_as_it_arrives_not_held_in_memory(monkeypatch: pytest.MonkeyPatch) -> None:
    sizes: list[int] = []

    def run(files, pack, settings, cancel=None):  # type: ignore[no-untyped-def]
        sizes.extend(path.stat().st_size for path, _ in files)
        return {"documents": [], "downloads": []}

    monkeypatch.setattr(web_app, "_run", run)
    file_size = 12 * MB
    body = part() + b"%PDF-1.4" + b"x" * (file_size - 8) + end()
    with live_server(WebSettings(max_files=1, max_file_mb=16)) as port, connect(port) as sock:
        tracemalloc.start()
        try:
            sock.sendall(head(port, chunked=False, length=len(body)))
            for start in range(0, len(body), 65536):
                sock.sendall(body[start : start + 65536])
            status, _ = status_of(sock, seconds=30)
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    assert status == 200 and sizes == [file_size]
    assert peak < 4 * MB  # a few chunks at a time, not the 12 MB file (the test's own copy was made before)


def test_a_visitor_who_hangs_up_stops_the_worker(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(web_app, "_run", hanging_run(tmp_path))
    body = part() + b"%PDF-1.4 a document that takes for ever" + end()
    with live_server(WebSettings(request_seconds=120)) as port:
        sock = connect(port)
        sock.sendall(head(port, chunked=False, length=len(body)) + body)
        [pid] = worker_pids(tmp_path)
        sock.close()
        assert gone_soon(pid)
