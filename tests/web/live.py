"""A real uvicorn on 127.0.0.1 and a raw socket to talk to it, for what an in-process
client cannot do: send a body in chunks with no length, send it slowly, stop half way or
hang up while the answer is being worked out."""

from __future__ import annotations

import contextlib
import functools
import os
import select
import socket
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import uvicorn

from agreement_check.api import CheckOptions
from agreement_check.batch.isolation import Limits, run_isolated
from agreement_check.web.app import WebSettings, create_app
from tests.robustness.slow_worker import hang

BOUNDARY = "agreementcheckboundary"
WAIT = threading.Event()  # never set: `WAIT.wait(s)` is a pause that reads as one


@contextlib.contextmanager
def live_server(settings: WebSettings) -> Iterator[int]:
    """Serve `create_app(settings)` on a free port of 127.0.0.1; yield the port."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = uvicorn.Config(create_app(settings), host="127.0.0.1", port=port, log_level="warning", access_log=False)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(200):
        if server.started:
            break
        WAIT.wait(0.05)
    try:
        yield port
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def head(port: int, *, chunked: bool = True, length: int | None = None) -> bytes:
    """Request headers; the server is asked to close the connection after its answer."""
    lines = [
        "POST /check HTTP/1.1",
        f"Host: 127.0.0.1:{port}",
        f"Origin: http://127.0.0.1:{port}",
        "Connection: close",
        f"Content-Type: multipart/form-data; boundary={BOUNDARY}",
        "Transfer-Encoding: chunked" if chunked else f"Content-Length: {length}",
    ]
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


def part(name: str = "files", filename: str = "offer.pdf") -> bytes:
    return (
        f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
        "Content-Type: application/pdf\r\n\r\n"
    ).encode()


def end() -> bytes:
    return f"\r\n--{BOUNDARY}--\r\n".encode()


def chunk(data: bytes) -> bytes:
    return f"{len(data):x}\r\n".encode() + data + b"\r\n"


def answered(sock: socket.socket) -> bool:
    return bool(select.select([sock], [], [], 0)[0])


def send_until_answered(sock: socket.socket, pieces: Iterator[bytes], pause: float = 0.0) -> int:
    """Send pieces until the server answers or hangs up; the number of bytes sent."""
    sent = 0
    for piece in pieces:
        if answered(sock):
            break
        try:
            sock.sendall(piece)
        except (BrokenPipeError, ConnectionResetError):
            break
        sent += len(piece)
        if pause:
            WAIT.wait(pause)
    return sent


def status_of(sock: socket.socket, seconds: float = 20.0) -> tuple[int | None, bytes]:
    """The status and body of the answer, or None when none comes in `seconds`."""
    sock.settimeout(seconds)
    data = b""
    with contextlib.suppress(TimeoutError, ConnectionResetError):
        while more := sock.recv(65536):  # a refusal closes the connection after it
            data += more
    if not data.startswith(b"HTTP/1.1 "):
        return None, data
    return int(data[9:12]), data


def connect(port: int) -> socket.socket:
    return socket.create_connection(("127.0.0.1", port), timeout=20)


def hanging_run(pids: Path) -> Callable[..., dict[str, object]]:
    """A stand-in for the web page's `_run`: one real isolated worker per file that never
    answers and writes its process id into `pids`; it stops only when `cancel` is set."""

    def run(files, pack, settings, cancel=None):  # type: ignore[no-untyped-def]
        serve = functools.partial(hang, str(pids))
        run_isolated([path for path, _ in files], CheckOptions(), 1, Limits(seconds=60), serve=serve, cancel=cancel)
        return {"documents": [], "downloads": []}

    return run


def record_spawns(monkeypatch) -> list[int]:  # type: ignore[no-untyped-def]
    """The process id of every worker the isolation layer starts from now on, noted as it
    starts (so a test need not wait for the worker to get as far as its document)."""
    from agreement_check.batch import isolation

    spawned: list[int] = []
    real = isolation._spawn

    def spawn(*args):  # type: ignore[no-untyped-def]
        worker = real(*args)
        spawned.append(worker.process.pid)
        return worker

    monkeypatch.setattr(isolation, "_spawn", spawn)
    return spawned


def worker_pids(pids: Path, count: int = 1) -> list[int]:
    for _ in range(400):  # a bound, so that a broken server fails the test rather than hanging it
        found = [int(p.name) for p in pids.iterdir()]
        if len(found) >= count:
            return found
        WAIT.wait(0.05)
    raise AssertionError("no worker started")


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def gone_soon(pid: int) -> bool:
    """True once the process has gone; False if it is still there after 20 s (the old code
    leaves it running until the document deadline)."""
    for _ in range(200):
        if not alive(pid):
            return True
        WAIT.wait(0.1)
    return False
