"""Skip documents already checked: a result is reused when the file's bytes (sha256),
the rule pack versions, the tool version and the options that change results are the same.

Entries are JSON files named by that key inside the folder the user gave; nothing else is
written there, and a damaged entry is simply ignored.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from agreement_check import __version__
from agreement_check.output import write_atomic
from agreement_check.report import DocumentResult


def file_digest(path: Path) -> str | None:
    """The SHA-256 of a file's bytes, or None when it cannot be read (the check then reports why)."""
    try:
        digest = hashlib.sha256()
        with path.open("rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                digest.update(chunk)
        return digest.hexdigest()
    except OSError:
        return None


class ResultCache:
    def __init__(self, folder: Path, fingerprint: str) -> None:
        self.folder = folder
        self.fingerprint = fingerprint
        folder.mkdir(parents=True, exist_ok=True)

    def _entry(self, sha256: str) -> Path:
        key = hashlib.sha256(f"{__version__}|{self.fingerprint}|{sha256}".encode()).hexdigest()
        return self.folder / f"{key}.json"

    def get(self, path: Path, sha256: str) -> DocumentResult | None:
        entry = self._entry(sha256)
        try:
            data = json.loads(entry.read_text(encoding="utf-8"))
            result = DocumentResult.from_dict(data)
        except (OSError, ValueError, KeyError, TypeError):
            return None
        return result.with_path(str(path))

    def put(self, sha256: str, result: DocumentResult) -> None:
        if result.status == "checked":
            write_atomic(self._entry(sha256), json.dumps(result.to_cache_dict(), ensure_ascii=False))
