"""Where each marked-up copy goes, decided before any document is read.

With a folder, each copy keeps its input's folders below the folder that holds every path
named on the command line (a named folder counts as itself), so `check contracts/
--annotate marked/` writes `marked/2024/offer.docx` for `contracts/2024/offer.docx`, and
two inputs can never be given the same copy. With a suffix, the copy goes beside its
original with the suffix before the extension.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from agreement_check.errors import UsageError

COPY_SUFFIXES = {".docx", ".pdf"}


@dataclass(frozen=True)
class MarkedCopies:
    """Ask for a marked-up copy of every DOCX and PDF checked: in `folder`, or beside the
    original with `suffix` (or both: in the folder, with the suffix)."""

    folder: Path | None = None
    suffix: str | None = None
    suggest_edits: bool = False


def copy_targets(files: list[Path], named: list[Path], copies: MarkedCopies) -> list[Path | None]:
    """The copy of each file (None for a file that gets none), in the order of `files`."""
    suffix = copies.suffix or ""
    if "/" in suffix or os.sep in suffix or "\0" in suffix:
        raise UsageError(f"the suffix for marked-up copies cannot contain a path separator: {suffix!r}")
    if copies.folder is not None and copies.folder.exists() and not copies.folder.is_dir():
        raise UsageError(f"{copies.folder} is a file; --annotate needs a folder")
    base = _common_folder(named) if copies.folder is not None else None
    return [_target(path, base, copies.folder, suffix) for path in files]


def _target(path: Path, base: Path | None, folder: Path | None, suffix: str) -> Path | None:
    if path.suffix.lower() not in COPY_SUFFIXES:
        return None
    name = f"{path.stem}{suffix}{path.suffix}"
    if folder is None or base is None:
        return path.with_name(name)
    relative = _absolute(path).relative_to(base)
    return folder / relative.parent / name


def _common_folder(named: list[Path]) -> Path:
    """The deepest folder holding every named path; a named folder counts as itself (as
    `collect` walks it), a named file as the folder it is in."""
    folders = [_absolute(p) if p.is_dir() and not p.is_symlink() else _absolute(p).parent for p in named]
    return Path(os.path.commonpath(folders)) if folders else Path.cwd()


def _absolute(path: Path) -> Path:
    return Path(os.path.abspath(path))
