"""Decide a file's type from its bytes, not its name: agreements arrive by email with
names that lie (a PDF saved as .docx, a .doc renamed .docx)."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Literal

from agreement_check.errors import DocumentError

Format = Literal["docx", "pdf", "txt", "md"]

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def sniff(path: Path, head: bytes) -> Format:
    """The format of a file whose first bytes are `head`."""
    if not head:
        raise DocumentError("empty", "The file is empty (0 bytes).")
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return _sniff_zip(path)
    if head.startswith(_OLE_MAGIC):
        raise DocumentError(
            "unsupported-format",
            "This is an old Word 97-2003 (.doc) or other Office binary file; save it as .docx.",
        )
    if _looks_like_text(head):
        return "md" if path.suffix.lower() in {".md", ".markdown"} else "txt"
    raise DocumentError("unsupported-format", "This file is not a DOCX, PDF or plain-text document.")


def _sniff_zip(path: Path) -> Format:
    try:
        with zipfile.ZipFile(path) as package:
            names = set(package.namelist())
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise DocumentError("corrupt", f"The file looks like a DOCX but is damaged ({exc}).") from exc
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names or "ppt/presentation.xml" in names:
        raise DocumentError("unsupported-format", "This is a spreadsheet or presentation, not a Word document.")
    raise DocumentError("unsupported-format", "This zip file is not a Word (.docx) document.")


def _looks_like_text(head: bytes) -> bool:
    if b"\x00" in head:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        # A multi-byte character cut at the end of the sample is still text.
        if exc.start < len(head) - 4:
            return False
    return True
