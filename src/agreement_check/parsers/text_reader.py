"""Plain text and Markdown: paragraphs split at blank lines, Markdown headings kept."""

from __future__ import annotations

import re
from pathlib import Path

from agreement_check.errors import DocumentError
from agreement_check.model import Document
from agreement_check.parsers.builder import BlockBuilder
from agreement_check.parsers.options import ParseOptions

_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_LIST_START = re.compile(r"^\s*(?:[-*+]\s|\d{1,3}[.)]\s|\([a-z0-9]{1,4}\)\s)")


def read_text(path: Path, data: bytes, sha256: str, fmt: str, options: ParseOptions) -> Document:
    """Read a plain-text or Markdown file (UTF-8, else Windows-1252) into the document model."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    return document_from_text(text, str(path), sha256, fmt, options)


def document_from_text(
    text: str, path: str = "<text>", sha256: str = "", fmt: str = "txt", options: ParseOptions | None = None
) -> Document:
    """A document from a string: used for files and for the examples of rule files."""
    options = options or ParseOptions()
    builder = BlockBuilder(options.max_blocks)
    for chunk in _chunks(text):
        heading = _MD_HEADING.match(chunk) if fmt == "md" else None
        if heading:
            builder.add(heading.group(2), "heading", level=len(heading.group(1)))
        else:
            builder.add(_strip_markup(chunk) if fmt == "md" else chunk.replace("\n", " "), "paragraph")
    if not builder.blocks:
        raise DocumentError("empty", "The file has no text.")
    return Document(path=path, sha256=sha256, format=fmt, blocks=builder.blocks)  # type: ignore[arg-type]


def _chunks(text: str) -> list[str]:
    """Blank lines end a paragraph; so do a heading line and the start of a list item."""
    out: list[str] = []
    current: list[str] = []
    for line in text.splitlines():
        if not line.strip() or _MD_HEADING.match(line) or _LIST_START.match(line):
            if current:
                out.append(" ".join(current))
            current = []
            if _MD_HEADING.match(line):
                out.append(line.strip())
                continue
        if line.strip():
            current.append(line.strip())
    if current:
        out.append(" ".join(current))
    return out


def _strip_markup(text: str) -> str:
    text = re.sub(r"^\s*[-*+]\s+", "", text)
    text = re.sub(r"\*\*(.+?)\*\*|__(.+?)__", lambda m: m.group(1) or m.group(2), text)
    text = re.sub(r"(?<!\w)[*_](.+?)[*_](?!\w)", r"\1", text)
    return re.sub(r"\\$", "", text)
