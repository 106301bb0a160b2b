"""Writing outputs safely: a report replaces the old one only once it is complete."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path


def write_bytes_atomic(path: Path, data: bytes) -> None:
    """Write `data` to `path` through a temporary file and a rename."""
    path = Path(path)
    directory = path.parent if str(path.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        _take_permissions(tmp, path)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_atomic(path: Path, text: str) -> None:
    path = Path(path)
    directory = path.parent if str(path.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        _take_permissions(tmp, path)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _take_permissions(tmp: str, path: Path) -> None:
    """Give the new file the permissions of the one it replaces (a private report stays
    private) and, where we may, its group; a new file gets what any new file would, not
    mkstemp's 0600."""
    try:
        old = os.stat(path)
    except OSError:
        os.chmod(tmp, 0o666 & ~_umask())
        return
    with contextlib.suppress(OSError):
        os.chown(tmp, -1, old.st_gid)
    os.chmod(tmp, stat.S_IMODE(old.st_mode))


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def pair_outputs(formats: list[str], outputs: list[str]) -> list[tuple[str, Path | None]]:
    """Each format with the file it goes to, in order; a format without a file goes to the
    screen, and only one may."""
    from agreement_check.errors import UsageError

    formats = formats or ["text"]
    if len(outputs) > len(formats):
        raise UsageError("more --output files than --format options; give one --format per --output")
    targets = [(fmt, Path(outputs[i]) if i < len(outputs) else None) for i, fmt in enumerate(formats)]
    if sum(1 for _, target in targets if target is None) > 1:
        raise UsageError("only one format can go to the screen; give an --output for the others")
    return targets
