"""Telling the tool's own outputs from the documents it should check.

A re-run over a folder that holds the last run's reports and marked-up copies must check
only the originals. A name is no proof (a user renames a copy to send it on), so every
output carries a mark of what wrote it, and a folder walk looks for that mark:

- a marked-up DOCX: the custom document property `AgreementCheck` (Word and LibreOffice
  keep custom properties when the copy is edited and saved again);
- a marked-up PDF: the key `/AgreementCheck` in the document information dictionary;
- the JSON and SARIF reports: the tool's name as `tool.name` or `tool.driver.name`;
- the HTML report: `<meta name="generator" content="agreement-check ...">`;
- the Markdown report: a first line `<!-- generator: agreement-check VERSION -->` (a
  comment, so a pull-request comment or job summary does not show it);
- the JUnit report: `<testsuites name="agreement-check">`;
- the CSV report: its header row;
- the text report: its closing `Summary: N documents, N checked, ...` line;
- a letter to the funder: its first line, `[Drafted by agreement-check from ...`, which
  asks the sender to delete it (a letter edited that far is the user's own text).

Only a bounded piece of each file is read (the head, the tail, a ZIP directory of at
most `CENTRAL_DIRECTORY_CAP` bytes and one member inflated to at most `MEMBER_CAP`), in
the process that walks the folder, and ZIP structures are read by hand rather than by
`zipfile` (which would read the whole directory), so a hostile file costs no more than a
few reads: anything unexpected means "not ours", and the file is then checked, in its
worker, under the usual limits.
"""

from __future__ import annotations

import os
import re
import stat
import struct
import zipfile
import zlib
from pathlib import Path

PROPERTY = "AgreementCheck"  # the DOCX custom property and the PDF information key
GENERATOR = "agreement-check"
MARKDOWN_MARK = f"<!-- generator: {GENERATOR}"  # then the version and " -->"
LETTER_MARK = f"[Drafted by {GENERATOR}"  # a letter's first line
TEXT_SUMMARY = "Summary: "  # the text report's last line starts so
MARKED_COPY = "marked-up copy"
REPORT = "report"

HEAD = 8 * 1024  # every mark is near the start (or, for a PDF saved again, found through its end)
TAIL = 8 * 1024
INFO = 2048  # an information dictionary is a few hundred bytes
MEMBER_CAP = 256 * 1024
CENTRAL_DIRECTORY_CAP = 4 * 1024 * 1024  # a marked-up copy's is a few KB
CUSTOM_PART = "docProps/custom.xml"

_DOCX_MARK = re.compile(rb"""name\s*=\s*["']""" + PROPERTY.encode() + rb"""["']""")
_PDF_MARK = re.compile(rb"/" + PROPERTY.encode() + rb"[\s(<]")
_JSON_TOOL = re.compile(rb'^\s*\{\s*"tool"\s*:\s*\{\s*"name"\s*:\s*"' + GENERATOR.encode() + rb'"')
_SARIF_TOOL = re.compile(rb'"driver"\s*:\s*\{\s*"name"\s*:\s*"' + GENERATOR.encode() + rb'"')
_HTML_MARK = re.compile(rb"""<meta\s+name=["']generator["']\s+content=["']""" + GENERATOR.encode() + rb"[ \"']", re.I)
_JUNIT_MARK = re.compile(rb"""<testsuites\s[^>]*name=["']""" + GENERATOR.encode() + rb"""["']""")
_CSV_HEADER = b'"path","pack","rule","status","severity","values"'
_CSV_DOCUMENTS_HEADER = b'"path","status","pack","gaps_error","gaps_warning"'  # --format csv-documents
_SUBSECTION = re.compile(rb"\s*(\d+) (\d+)[ \t]*\r?\n")
# the summary is the last paragraph; a narrow terminal wraps it over a few lines
_TEXT_SUMMARY = re.compile(rb"\n" + TEXT_SUMMARY.encode() + rb"\d+ documents?\b[^\n]*(?:\n[^\n]+){0,5}\s*$")


def own_output(path: Path) -> str | None:
    """What the tool made this file as ("marked-up copy" or "report"), or None when it
    carries no mark of ours (or cannot be read: the check will then say why)."""
    try:
        # never blocks on a FIFO, and reads nothing but a regular file
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
        with os.fdopen(descriptor, "rb") as handle:
            if not stat.S_ISREG(os.fstat(descriptor).st_mode):
                return None
            head = handle.read(HEAD)
            if head.startswith(b"PK\x03\x04"):
                return MARKED_COPY if _docx_marked(handle) else None
            if head.startswith(b"%PDF-"):
                return MARKED_COPY if _pdf_marked(handle, head) else None
            return REPORT if _report(handle, head) else None
    except (OSError, ValueError, RuntimeError, EOFError, struct.error, zlib.error):
        return None


def _docx_marked(handle) -> bool:  # type: ignore[no-untyped-def]
    """The custom-properties part names our property. The package's directory is read
    only when its end record says it is small, and the part is inflated through a cap,
    so neither a huge directory nor a part that inflates without end is taken in; a
    package whose directory does not name the part (most originals) costs one read."""
    entry = _custom_entry(handle)
    if entry is None:
        return False
    method, size, offset = entry
    handle.seek(offset)
    local = handle.read(30)
    if len(local) < 30 or not local.startswith(b"PK\x03\x04"):
        return False
    names, extra = struct.unpack("<HH", local[26:30])
    handle.seek(offset + 30 + names + extra)
    data = handle.read(min(size, MEMBER_CAP))
    if method == zipfile.ZIP_DEFLATED:
        data = zlib.decompressobj(-15).decompress(data, MEMBER_CAP)
    elif method != zipfile.ZIP_STORED:
        return False
    return bool(_DOCX_MARK.search(data))


def _custom_entry(handle) -> tuple[int, int, int] | None:  # type: ignore[no-untyped-def]
    """(compression method, stored size, local header offset) of the custom-properties
    part, from the central directory; None when there is none or the directory is large
    (ZIP64, which a marked-up copy never needs, counts as large)."""
    size = handle.seek(0, 2)
    for back in (4096, 65535 + 22):  # the end record, then as far back as its comment may push it
        handle.seek(max(0, size - back))
        tail = handle.read()
        at = tail.rfind(b"PK\x05\x06")
        if at >= 0 or back >= size:
            break
    if at < 0 or len(tail) < at + 22:
        return None
    entries, directory, start = struct.unpack("<HII", tail[at + 10 : at + 20])
    if entries == 0xFFFF or directory == 0xFFFFFFFF or directory > CENTRAL_DIRECTORY_CAP:
        return None
    if directory <= at:
        listing = tail[at - directory : at]
    else:
        handle.seek(start)
        listing = handle.read(directory)
    name = CUSTOM_PART.encode()
    found = listing.find(b"PK\x01\x02")
    while found >= 0 and found + 46 <= len(listing):
        method, stored = struct.unpack_from("<H8xI", listing, found + 10)
        names, extra, comment = struct.unpack_from("<HHH", listing, found + 28)
        (offset,) = struct.unpack_from("<I", listing, found + 42)
        if listing[found + 46 : found + 46 + names] == name:
            return method, stored, offset
        found = listing.find(b"PK\x01\x02", found + 46 + names + extra + comment)
    return None


def _pdf_marked(handle, head: bytes) -> bool:  # type: ignore[no-untyped-def]
    """Our key in the information dictionary: pypdf writes that dictionary first, so it
    is in the head; a viewer that saves the copy again adds to the end, or rewrites the
    file with the dictionary wherever the trailer's cross-reference table puts it."""
    if _PDF_MARK.search(head):
        return True
    size = handle.seek(0, 2)
    handle.seek(max(0, size - TAIL))
    tail = handle.read(TAIL)
    if _PDF_MARK.search(tail):
        return True
    offset = _info_offset(handle, tail)
    if offset is None:
        return False
    handle.seek(offset)
    return bool(_PDF_MARK.search(handle.read(INFO)))


def _info_offset(handle, tail: bytes) -> int | None:  # type: ignore[no-untyped-def]
    """Where the information dictionary starts, from a classic cross-reference table
    (subsections of `first count` lines, each followed by 20-byte entries)."""
    info = re.findall(rb"/Info\s+(\d+)\s+\d+\s+R", tail)
    start = re.findall(rb"startxref\s+(\d+)", tail)
    if not info or not start:
        return None
    number = int(info[-1])
    handle.seek(int(start[-1]))
    table = handle.read(HEAD)
    at = 4 if table.startswith(b"xref") else -1
    while at >= 0:
        section = _SUBSECTION.match(table, at)
        if section is None:
            return None
        first, count = int(section.group(1)), int(section.group(2))
        if first <= number < first + count:
            entry = section.end() + 20 * (number - first)
            found = re.match(rb"(\d{10}) \d{5} n", table[entry : entry + 20])
            return int(found.group(1)) if found else None
        at = section.end() + 20 * count
    return None


def _report(handle, head: bytes) -> bool:  # type: ignore[no-untyped-def]
    """A report, by what its first character says it could be: a mark at the start for
    JSON, SARIF, HTML, JUnit, Markdown and CSV, else the text report's last line."""
    text = head.lstrip(b"\xef\xbb\xbf")
    first = text.lstrip()[:1]
    if first == b"{":
        return bool(_JSON_TOOL.search(text) or _SARIF_TOOL.search(text))
    if first == b"<":
        return text.startswith(MARKDOWN_MARK.encode()) or bool(_HTML_MARK.search(text) or _JUNIT_MARK.search(text))
    if text.startswith((_CSV_HEADER, _CSV_DOCUMENTS_HEADER, LETTER_MARK.encode())):
        return True
    size = handle.seek(0, 2)
    handle.seek(max(0, size - 4096))
    return bool(_TEXT_SUMMARY.search(b"\n" + handle.read()))
