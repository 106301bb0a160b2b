"""One log line per request: method, page, status, bytes received, files, and where the
time went. Never a file name, a field's value or a word of a document; a path the page
does not serve is logged as `other`, since an address can carry anything."""

from __future__ import annotations

import copy
import logging
import time
from dataclasses import dataclass
from typing import Any

from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

LOG = logging.getLogger("agreement_check.web")
PATHS = {"/", "/check", "/compact"}
STATE_KEY = "request_stats"


@dataclass
class RequestStats:
    """Filled in by the page as a request goes: seconds spent waiting for a free checker,
    receiving the upload and checking, the number of files, and why it ended early."""

    files: int = 0
    wait: float = 0.0
    upload: float = 0.0
    check: float = 0.0
    outcome: str = ""


def stats(request: Request) -> RequestStats:
    """This request's record (a fresh one when the app runs without `RequestLog`)."""
    found = request.scope.setdefault("state", {}).setdefault(STATE_KEY, RequestStats())
    assert isinstance(found, RequestStats)
    return found


class RequestLog:
    """Pure ASGI middleware, so that it counts the body as the server hands it over and
    sees the status of every response, error pages included."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.monotonic()
        record = RequestStats()
        scope.setdefault("state", {})[STATE_KEY] = record
        received, status, answered = 0, 500, False

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            return message

        async def noting_send(message: Message) -> None:
            nonlocal status, answered
            if message["type"] == "http.response.start":
                status, answered = message["status"], True
            await send(message)

        try:
            await self.app(scope, counting_receive, noting_send)
        except Exception as exc:
            record.outcome = record.outcome or f"error:{type(exc).__name__}"
            if not answered:
                raise
            # The error page has gone out; a traceback in the server's log could quote a document.
        finally:
            LOG.info(_line(scope, status, received, record, time.monotonic() - started))


def log_config() -> dict[str, Any]:
    """uvicorn's logging set-up with the request log added (to the same stream, in the same
    form), for `agreement-check serve`: uvicorn configures only its own loggers."""
    from uvicorn.config import LOGGING_CONFIG

    config = copy.deepcopy(LOGGING_CONFIG)
    config["loggers"][LOG.name] = {"handlers": ["default"], "level": "INFO", "propagate": False}
    return config


def _line(scope: Scope, status: int, received: int, record: RequestStats, total: float) -> str:
    path = scope["path"] if scope["path"] in PATHS else "other"
    line = (
        f"{scope['method']} {path} {status} bytes={received} files={record.files} "
        f"wait={record.wait:.2f}s upload={record.upload:.2f}s check={record.check:.2f}s total={total:.2f}s"
    )
    return f"{line} outcome={record.outcome}" if record.outcome else line
