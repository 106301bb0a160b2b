"""`agreement-check serve` as an organisation runs it: the request log reaches the
server's output, one line per request, with counts and timings and nothing else."""

from __future__ import annotations

import re
import signal
import socket
import subprocess
import sys

import pytest

pytest.importorskip("uvicorn")

from tests.web.live import WAIT, connect, status_of


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def ask(port: int, request: str) -> int | None:
    with connect(port) as sock:
        sock.sendall(request.encode())
        return status_of(sock)[0]


def test_serve_logs_one_line_per_request_without_names() -> None:
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "agreement_check", "serve", "--port", str(port)], stderr=subprocess.PIPE, text=True
    )
    try:
        for _ in range(600):  # a bound on start-up, not a timing
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                WAIT.wait(0.05)
        home = f"GET / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n"
        forged = (
            f"POST /check HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nOrigin: https://elsewhere.example\r\n"
            "Content-Type: multipart/form-data; boundary=b\r\nContent-Length: 5\r\nConnection: close\r\n\r\nJo B."
        )
        assert [ask(port, home), ask(port, forged)] == [200, 403]
    finally:
        server.send_signal(signal.SIGINT)
        _, err = server.communicate(timeout=30)
    lines = [line for line in err.splitlines() if " bytes=" in line]
    assert len(lines) == 2, err
    assert re.fullmatch(
        r"INFO: +GET / 200 bytes=0 files=0 wait=0\.00s upload=0\.00s check=0\.00s total=\d+\.\d\ds", lines[0]
    )
    assert re.fullmatch(r"INFO: +POST /check 403 bytes=0 files=0 .* outcome=cross-origin", lines[1])
    assert "elsewhere" not in err and "Jo B" not in err
