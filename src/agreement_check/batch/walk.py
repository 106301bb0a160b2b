"""Which files a run checks: files named directly, and supported files found in folders.

Folders are walked recursively in sorted order. Hidden files and folders, Word lock files
(`~$x.docx`), links and types the checker does not read are skipped and counted, never
reported as errors; include and exclude globs match the path relative to the folder.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from fnmatch import fnmatch
from pathlib import Path

SUPPORTED_SUFFIXES = {".docx", ".docm", ".dotx", ".dotm", ".odt", ".ott", ".doc", ".rtf", ".pdf", ".txt", ".md"}


@dataclass
class Collected:
    files: list[Path] = field(default_factory=list)
    skipped: int = 0


def collect(paths: Sequence[str | Path], include: tuple[str, ...] = (), exclude: tuple[str, ...] = ()) -> Collected:
    """The files to check under the named paths, in a stable order, and how many were skipped as not agreements."""
    out = Collected()
    seen: set[Path] = set()
    for raw in paths:
        path = Path(raw)
        if path.is_dir() and not path.is_symlink():
            _walk(path, include, exclude, out, seen)
        else:
            _add(path, out, seen)
    out.files.sort(key=str)
    return out


def _walk(root: Path, include: tuple[str, ...], exclude: tuple[str, ...], out: Collected, seen: set[Path]) -> None:
    for folder, dirs, files in os.walk(root, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            candidate = Path(folder) / name
            relative = candidate.relative_to(root).as_posix()
            if _wanted(candidate) and _selected(relative, include, exclude):
                _add(candidate, out, seen)
            else:
                out.skipped += 1


def _wanted(path: Path) -> bool:
    name = path.name
    if name.startswith((".", "~$")) or path.suffix.lower() not in SUPPORTED_SUFFIXES:
        return False
    return not path.is_symlink() and path.is_file()


def _selected(relative: str, include: tuple[str, ...], exclude: tuple[str, ...]) -> bool:
    name = relative.rsplit("/", 1)[-1]
    if include and not any(fnmatch(relative, g) or fnmatch(name, g) for g in include):
        return False
    return not any(fnmatch(relative, g) or fnmatch(name, g) for g in exclude)


def _add(path: Path, out: Collected, seen: set[Path]) -> None:
    try:
        key = path.resolve()
    except (OSError, RuntimeError):  # a link loop
        key = path.absolute()
    if key not in seen:
        seen.add(key)
        out.files.append(path)
