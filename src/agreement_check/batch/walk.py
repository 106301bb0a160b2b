"""Which files a run checks: files named directly, and supported files found in folders.

Folders are walked recursively in sorted order. Every file a walk does not check is named
in the report with a stable reason (`report.SKIP_REASONS`): a temporary lock file (Word's
`~$x.docx`, LibreOffice's `.~lock.x.odt#`), a hidden file or folder (a hidden folder is
named once and not entered), a link, one left out by `--include`/`--exclude`, one of the
tool's own reports or marked-up copies (recognised by the mark it writes into them, see
`provenance`), or a type the checker does not read. A file named on the command line is
always checked, whatever its name or type, so a clear error or a finding speaks for it;
one the tool wrote is noted as such (`named_outputs`).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from fnmatch import fnmatch
from pathlib import Path

from agreement_check.provenance import own_output
from agreement_check.report import Skipped

SUPPORTED_SUFFIXES = {".docx", ".docm", ".dotx", ".dotm", ".odt", ".ott", ".doc", ".rtf", ".pdf", ".txt", ".md"}
# the suffixes of the tool's reports that it does not read, so a report is named as ours
REPORT_SUFFIXES = {".json", ".sarif", ".html", ".htm", ".xml", ".csv"}


@dataclass
class Collected:
    files: list[Path] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    named_outputs: dict[str, str] = field(default_factory=dict)  # path -> what the tool made it as


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
            kind = own_output(path) if path.is_file() else None
            if kind is not None:
                out.named_outputs[str(path)] = kind
    out.files.sort(key=str)
    out.skipped.sort(key=lambda s: s.path)
    return out


def _walk(root: Path, include: tuple[str, ...], exclude: tuple[str, ...], out: Collected, seen: set[Path]) -> None:
    for folder, dirs, files in os.walk(root, followlinks=False):
        for name in sorted(dirs):
            if name.startswith(".") or (Path(folder) / name).is_symlink():
                out.skipped.append(Skipped(str(Path(folder) / name), "hidden" if name.startswith(".") else "link"))
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))  # os.walk does not enter links
        for name in sorted(files):
            candidate = Path(folder) / name
            reason = _skip_reason(candidate, candidate.relative_to(root).as_posix(), include, exclude)
            if reason is not None:
                out.skipped.append(Skipped(str(candidate), reason))
            else:
                _add(candidate, out, seen)


def _skip_reason(path: Path, relative: str, include: tuple[str, ...], exclude: tuple[str, ...]) -> str | None:
    """Why a file found in a folder is not checked, or None to check it. The cheap tests
    on the name come first; the file is opened only to look for the tool's mark."""
    name = path.name
    if name.startswith("~$") or (name.startswith(".~lock.") and name.endswith("#")):
        return "lock-file"
    if name.startswith("."):
        return "hidden"
    if path.is_symlink():
        return "link"
    if not path.is_file():
        return "not-a-file"
    if not _selected(relative, include, exclude):
        return "excluded"
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES and suffix not in REPORT_SUFFIXES:
        return "unsupported-type"
    if own_output(path) is not None:
        return "own-output"
    return None if suffix in SUPPORTED_SUFFIXES else "unsupported-type"


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
