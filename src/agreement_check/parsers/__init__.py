"""Parsers: Word (DOCX and its relatives, ODT, and .doc and RTF through LibreOffice), PDF and
plain text into one document model.

`read_document` is the one entry point (`read_for_copy` when a marked-up copy will be made
from the same reading); the format comes from the file's bytes.
"""

from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from agreement_check.errors import DocumentError
from agreement_check.model import Document
from agreement_check.parsers.options import ParseOptions
from agreement_check.parsers.pdf_words import PageWords
from agreement_check.parsers.sniff import sniff

__all__ = ["ParseOptions", "Reading", "read_document", "read_for_copy"]


@dataclass
class Reading:
    """A document together with what it was read from, kept for a marked-up copy made
    from the same reading: the DOCX's parsed body and the paragraphs behind each block,
    or the word boxes of each PDF page."""

    document: Document
    docx_root: Any = None
    docx_paragraphs: dict[int, list[Any]] = field(default_factory=dict)
    pdf_pages: list[PageWords] = field(default_factory=list)


def read_document(path: str | Path, options: ParseOptions | None = None, sha256: str | None = None) -> Document:
    """Read one agreement; any failure is a `DocumentError` with a stable code. A caller
    that has already hashed the file (the result cache) passes `sha256`, so the file is
    hashed once."""
    return _guarded(Path(path), options or ParseOptions(), keep_source=False, sha256=sha256).document


def read_for_copy(path: str | Path, options: ParseOptions | None = None) -> Reading:
    """Read one agreement as `read_document` does, keeping what a marked-up copy needs."""
    return _guarded(Path(path), options or ParseOptions(), keep_source=True)


def _guarded(path: Path, options: ParseOptions, keep_source: bool, sha256: str | None = None) -> Reading:
    try:
        return _read(path, options, keep_source, sha256)
    except DocumentError as exc:
        exc.path = str(path)
        raise
    except RecursionError as exc:
        raise DocumentError("corrupt", "The file is nested too deeply to read.", str(path)) from exc
    except MemoryError as exc:
        raise DocumentError("too-large", "The file needs more memory than allowed.", str(path)) from exc


def _read(path: Path, options: ParseOptions, keep_source: bool, known_sha256: str | None = None) -> Reading:
    info = _regular_file(path)
    if info.st_size > options.max_file_bytes:
        raise DocumentError(
            "too-large", f"The file is {info.st_size // 2**20} MiB; the limit is {options.max_file_bytes // 2**20} MiB."
        )
    with path.open("rb") as handle:
        head = handle.read(8192)
    fmt = sniff(path, head)
    sha256 = known_sha256 or _sha256(path)
    if fmt == "docx":
        from agreement_check.parsers.docx_reader import read_docx_tree

        document, root, paragraphs = read_docx_tree(path, sha256, options)
        reading = Reading(document, root, paragraphs) if keep_source else Reading(document)
    elif fmt in {"doc", "rtf"}:
        reading = Reading(_read_converted(path, fmt, sha256, options))
    elif fmt == "odt":
        from agreement_check.parsers.odt_reader import read_odt

        reading = Reading(read_odt(path, sha256, options))
    elif fmt == "pdf":
        from agreement_check.parsers.pdf_reader import read_pdf_pages

        document, pages = read_pdf_pages(path, sha256, options)
        reading = Reading(document, pdf_pages=pages) if keep_source else Reading(document)
    else:
        from agreement_check.parsers.text_reader import read_text

        reading = Reading(read_text(path, path.read_bytes(), sha256, fmt, options))
    if not any(block.text.strip() for block in reading.document.body()):
        raise DocumentError("empty", "The document has no text in it.")
    return reading


def _read_converted(path: Path, fmt: str, sha256: str, options: ParseOptions) -> Document:
    """A .doc or .rtf, read through the DOCX LibreOffice makes of it; the report names
    the original file and format."""
    from agreement_check.parsers.docx_reader import read_docx_tree
    from agreement_check.parsers.libreoffice import converted_to_docx

    with converted_to_docx(path, fmt, options) as converted:
        document = read_docx_tree(converted, sha256, options)[0]
    document.path, document.format = str(path), fmt  # type: ignore[assignment]
    return document


def _regular_file(path: Path) -> os.stat_result:
    try:
        info = path.stat()
    except FileNotFoundError as exc:
        raise DocumentError("not-found", "There is no file at this path.") from exc
    except OSError as exc:
        raise DocumentError("unreadable", f"The file cannot be opened ({exc.strerror}).") from exc
    if not stat.S_ISREG(info.st_mode):
        raise DocumentError("unreadable", "This is not a regular file.")
    if not os.access(path, os.R_OK):
        raise DocumentError("unreadable", "You do not have permission to read this file.")
    return info


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()
