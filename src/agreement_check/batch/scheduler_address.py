"""The address of a Dask scheduler, checked before anything is sent to it.

Documents go only where the user named: a scheduler address is taken from the command
line, or from a settings file only when it is on this computer. A settings file is
repository content (see `config`), and connecting to a scheduler means trusting it: Dask
exchanges pickled objects, so a scheduler someone else runs could both read every
document and run code here. Only `tcp://` and `tls://` addresses are accepted.
"""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

from agreement_check.errors import UsageError

SCHEMES = ("tcp", "tls")
LOOPBACK_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost"}


def parse_scheduler(address: str) -> str:
    """`tcp://host:port` (or `tls://`); a bare `host:port` means tcp. Anything else, or an
    address without a port, is a `UsageError` naming what is wrong."""
    text = address.strip()
    if "://" not in text:
        text = f"tcp://{text}"
    parts = urlsplit(text)
    if parts.scheme not in SCHEMES:
        raise UsageError(f"the Dask scheduler address must start tcp:// or tls://, not {address!r}")
    try:
        port = parts.port
    except ValueError:
        port = None
    if not parts.hostname or port is None or parts.path not in {"", "/"} or parts.query or parts.username:
        raise UsageError(f"the Dask scheduler address must be tcp://HOST:PORT (or tls://), not {address!r}")
    return f"{parts.scheme}://{parts.netloc}"


def is_loopback(address: str) -> bool:
    """True when the scheduler is on this computer (127.0.0.0/8, ::1, localhost)."""
    host = urlsplit(parse_scheduler(address)).hostname or ""
    if host.lower() in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
