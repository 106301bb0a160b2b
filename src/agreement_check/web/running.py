"""Run a request's check in a thread for as long as someone wants it.

The check itself blocks (it supervises worker processes), so it runs in a thread while the
request waits for whichever comes first: the check's answer, the request's time limit, or
the client going away. In the last two cases the check is told to stop, which kills its
workers, and the request waits for the thread to wind up before it answers, so that the
uploads are not deleted under a live worker and the concurrency gate stays closed until
the checker is really free.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from typing import Any, TypeVar

from starlette.requests import Request

T = TypeVar("T")


class Abandoned(Exception):
    """The check was stopped: `timeout` (its time ran out) or `disconnected` (its visitor left)."""


async def while_wanted(request: Request, work: Callable[[], T], cancel: threading.Event, seconds: float) -> T:
    """`work`'s result; or, when `seconds` pass or the client leaves first, set `cancel`,
    wait for `work` to return (it must watch `cancel`) and raise `Abandoned`."""
    job = asyncio.ensure_future(asyncio.to_thread(work))
    gone = asyncio.ensure_future(_client_gone(request))
    done: set[asyncio.Future[Any]] = set()
    try:
        done, _ = await asyncio.wait([job, gone], timeout=seconds, return_when=asyncio.FIRST_COMPLETED)
    finally:
        gone.cancel()
        if not job.done():
            cancel.set()
            await asyncio.wait({job})
    if job in done:
        return job.result()
    if not job.cancelled():
        job.exception()  # retrieved: a CheckCancelled here is expected
    raise Abandoned("disconnected" if gone in done else "timeout")


async def _client_gone(request: Request) -> None:
    """Return when the server reports that the client has gone (the body is read by now,
    so the next message is the disconnect)."""
    while (await request.receive())["type"] != "http.disconnect":
        pass
