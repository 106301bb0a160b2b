"""Writing outputs safely: a report replaces the old one only once it is complete, and no
output of a run may land on one of its inputs or on another of its outputs."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from agreement_check.sanitize import file_name


@contextmanager
def atomic_writer(path: Path) -> Iterator[BinaryIO]:
    """A binary file that replaces `path` only once the block that writes it ends without
    an error; otherwise it is removed and `path` is left as it was."""
    path = Path(path)
    directory = path.parent if str(path.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
        _take_permissions(tmp, path)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_bytes_atomic(path: Path, data: bytes) -> None:
    """Write `data` to `path` through a temporary file and a rename."""
    with atomic_writer(path) as handle:
        handle.write(data)


def write_atomic(path: Path, text: str) -> None:
    """Write text to `path` so a reader never sees half a file."""
    write_bytes_atomic(path, text.encode("utf-8"))


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


def refuse_clashes(inputs: Iterable[Path], outputs: Iterable[tuple[str, Path]]) -> None:
    """Raise UsageError, before anything is written, when an output (a report, a baseline,
    a marked-up copy, each named by `outputs` as (what, path)) would replace an input or
    another output. Paths are compared with links followed and, for files that exist
    already, as the same file on disk (a hard link, or another case of the name)."""
    from agreement_check.errors import UsageError

    taken: dict[object, str] = {}
    for path in inputs:
        for key in _identities(path):
            taken.setdefault(key, f"the input {_shown(path)}")
    for what, path in outputs:
        keys = _identities(path)
        clash = next((taken[key] for key in keys if key in taken), None)
        if clash is not None:
            raise UsageError(f"{what} ({_shown(path)}) would overwrite {clash}; write it somewhere else")
        for key in keys:
            taken[key] = f"{what} ({_shown(path)})"


def _identities(path: Path) -> list[object]:
    keys: list[object] = [os.path.realpath(path)]
    try:
        info = os.stat(path)
    except OSError:
        return keys
    return [*keys, (info.st_dev, info.st_ino)]


def _shown(path: Path) -> str:
    return file_name(os.fsencode(path).decode("utf-8", "backslashreplace"))
