"""Decide a file's type from its bytes, not its name: agreements arrive by email with
names that lie (a PDF saved as .docx, a .doc renamed .docx).

Word's macro-enabled documents and templates (.docm, .dotx, .dotm) are the same zip
package as a .docx, so they sniff as "docx"; OpenDocument text names itself in its
`mimetype` member; an old Word file is an OLE compound file holding a `WordDocument`
stream; RTF starts with `{\\rtf`.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Literal

from agreement_check.errors import DocumentError

Format = Literal["docx", "pdf", "txt", "md", "odt", "doc", "rtf"]

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_WORD_STREAM = "WordDocument".encode("utf-16-le")  # a directory entry name in a .doc
_ODF_TEXT = {"application/vnd.oasis.opendocument.text", "application/vnd.oasis.opendocument.text-template"}


def sniff(path: Path, head: bytes) -> Format:
    """The format of a file whose first bytes are `head`."""
    if not head:
        raise DocumentError("empty", "The file is empty (0 bytes).")
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return _sniff_zip(path)
    if head.startswith(_OLE_MAGIC):
        return _sniff_ole(path)
    if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{\\rtf"):
        return "rtf"
    if _is_html(head):
        raise DocumentError(
            "unsupported-format",
            "This is an HTML page (a web page saved under a document's name), not a Word, PDF or text "
            "document; save it from the browser as PDF, or check the document the page links to.",
        )
    if _looks_like_text(head):
        return "md" if path.suffix.lower() in {".md", ".markdown"} else "txt"
    raise DocumentError("unsupported-format", "This file is not a Word, OpenDocument, RTF, PDF or plain-text document.")


def _sniff_zip(path: Path) -> Format:
    try:
        with zipfile.ZipFile(path) as package:
            names = set(package.namelist())
            mimetype = _mimetype(package) if "mimetype" in names else ""
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise DocumentError("corrupt", f"The file looks like a DOCX but is damaged ({exc}).") from exc
    if "word/document.xml" in names:
        return "docx"  # also .docm, .dotx and .dotm: their macros are never run
    if mimetype in _ODF_TEXT:
        return "odt"
    if mimetype.startswith("application/vnd.oasis.opendocument."):
        raise DocumentError(
            "unsupported-format", "This is an OpenDocument spreadsheet, drawing or presentation, not text."
        )
    if "xl/workbook.xml" in names or "ppt/presentation.xml" in names:
        raise DocumentError("unsupported-format", "This is a spreadsheet or presentation, not a Word document.")
    raise DocumentError("unsupported-format", "This zip file is not a Word (.docx) or OpenDocument (.odt) document.")


def _mimetype(package: zipfile.ZipFile) -> str:
    with package.open("mimetype") as member:
        return member.read(200).decode("ascii", "replace").strip()


def _sniff_ole(path: Path) -> Format:
    """An OLE compound file is a .doc when its directory names a `WordDocument` stream;
    the directory may sit anywhere in the file, so the file is scanned in chunks."""
    tail = b""
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            if _WORD_STREAM in tail + chunk:
                return "doc"
            tail = chunk[-len(_WORD_STREAM) :]
    raise DocumentError(
        "unsupported-format",
        "This is an old Office binary file (a spreadsheet or presentation), not a Word document.",
    )


_HTML_START = re.compile(rb"^(?:<\?xml[^>]*>\s*|<!--.*?-->\s*)*<(?:!doctype\s+html|html)[\s>]", re.I | re.S)


def _is_html(head: bytes) -> bool:
    """A web page saved as "agreement.pdf" or ".txt": it starts with `<!DOCTYPE html` or
    `<html` (after a byte-order mark, white space, an XML declaration or comments)."""
    return bool(_HTML_START.match(head.removeprefix(b"\xef\xbb\xbf").lstrip()))


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
