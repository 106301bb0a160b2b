"""Only this page's own form may post to it.

A browser names the page a post comes from in `Origin`; a form on another site posting
here (to spend the server's time, or to show its results inside that site) carries that
site's origin and is refused. The server's own origin is the scheme it was reached by
(`https` behind a proxy that says so) and the `Host` the browser asked for. A post with no
`Origin` comes from a script or an old browser; it is let through only when its `Host` is
the address the server is listening on, which a browser on another site cannot arrange.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from starlette.requests import Request

DEFAULT_PORTS = {"http": 80, "https": 443}
LOOPBACK = {"localhost", "127.0.0.1", "::1"}


def same_origin(request: Request) -> bool:
    """Whether a post comes from this page's own form (see the module docstring for how that is judged)."""
    scheme = request.scope.get("scheme", "http")
    host = _host_port(request.headers.get("host", ""), scheme)
    if host is None:
        return False
    origin = request.headers.get("origin")
    if origin is not None:
        return _origin(origin) == (scheme, *host)
    return _is_bound_address(host, request.scope.get("server"))


def _origin(value: str) -> tuple[str, str, int] | None:
    parts = urlsplit(value.strip())
    if parts.scheme not in DEFAULT_PORTS or parts.path not in {"", "/"}:
        return None  # includes the opaque origin "null"
    found = _host_port(parts.netloc, parts.scheme)
    return (parts.scheme, *found) if found else None


def _host_port(netloc: str, scheme: str) -> tuple[str, int] | None:
    """`Host: example.org` and `example.org:443` are the same place over https."""
    try:
        parts = urlsplit(f"//{netloc.strip()}")
        port = parts.port or DEFAULT_PORTS.get(scheme, 80)
    except ValueError:  # a port that is not a number
        return None
    if not parts.hostname or parts.username is not None or parts.password is not None:
        return None
    return parts.hostname.lower(), port


def _is_bound_address(host: tuple[str, int], server: tuple[str, int] | None) -> bool:
    if not server or server[1] is None:
        return False
    bound, port = str(server[0]).lower(), int(server[1])
    if host[1] != port:
        return False
    return host[0] == bound or (host[0] in LOOPBACK and bound in LOOPBACK)
