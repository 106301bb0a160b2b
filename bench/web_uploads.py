"""Measure how the web page meets hostile uploads: a server with the default limits in a
process of its own, and a raw socket for the attacker. For each attack: the answer, how
long until it came, how much the client managed to send, and how far the server's
memory grew (its peak resident size above what it used before the attack).

    .venv/bin/python -m bench.web_uploads          # about 2.5 minutes: the trickle waits for the deadline
"""

from __future__ import annotations

import itertools
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from tests.web.live import chunk, connect, head, part, send_until_answered, status_of

MB = 1024 * 1024
SERVER = "import uvicorn; from agreement_check.web.app import create_app; uvicorn.run(create_app(), host='127.0.0.1', port={port}, log_level='warning')"


def endless(piece: bytes, total: int) -> Iterator[bytes]:
    return itertools.islice(itertools.repeat(chunk(piece)), total // len(piece))


def attacks(port: int) -> dict[str, tuple[str, bytes, Iterator[bytes], float]]:
    """name -> (size shown, what is sent first, what follows, pause between pieces)"""
    block = b"x" * 65536
    declared = head(port, chunked=False, length=2048 * MB)
    return {
        "chunked upload, one 2 GB file": ("2 GB", head(port) + chunk(part()), endless(block, 2048 * MB), 0.0),
        "chunked upload, 2 GB in a part the page ignores": (
            "2 GB",
            head(port) + chunk(part(name="other")),
            endless(block, 2048 * MB),
            0.0,
        ),
        "Content-Length: 2 GB": ("2 GB", declared + part(), endless(block, 2048 * MB), 0.0),
        "silent after the first bytes": ("1 KB", head(port) + chunk(part() + b"x" * 900), iter(()), 0.0),
        "one byte every 5 s": ("1 B/5 s", head(port) + chunk(part()), endless(b"x", 10_000), 5.0),
    }


def measure(port: int, pid: int, first: bytes, rest: Iterator[bytes], pause: float) -> tuple[str, float, int, float]:
    Path(f"/proc/{pid}/clear_refs").write_text("5")  # reset the peak to the current size
    before = _kb(pid, "VmRSS")
    started = time.monotonic()
    with connect(port) as sock:
        sock.sendall(first)
        sent = len(first) + send_until_answered(sock, rest, pause)
        status, _ = status_of(sock, seconds=300)
    return str(status), time.monotonic() - started, sent, max(0, _kb(pid, "VmHWM") - before) / 1024


def _kb(pid: int, field: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise KeyError(field)


def main() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-c", SERVER.format(port=port)])
    try:
        for _ in range(600):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        print("| input | size | outcome | time | sent before the answer | peak memory above start |")
        print("| --- | ---: | --- | ---: | ---: | ---: |")
        for name, (size, first, rest, pause) in attacks(port).items():
            status, seconds, sent, grown = measure(port, server.pid, first, rest, pause)
            print(f"| {name} | {size} | HTTP {status} | {seconds:.1f} s | {sent / MB:.1f} MB | {grown:.0f} MB |")
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
