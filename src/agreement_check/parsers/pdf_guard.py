"""Checks on a PDF's structure before any page is laid out.

pdfminer follows object references without limit: a page whose /MediaBox refers to itself
through other objects makes it loop for ever, and a content stream can inflate to hundreds
of megabytes that it then parses in pure Python. Walking the page tree ourselves first,
with cycle detection and bounded inflation, turns both into a prompt, clear error.
"""

from __future__ import annotations

import zlib
from typing import Any

from agreement_check.errors import DocumentError

MAX_REFERENCE_CHAIN = 32
MAX_CONTENT_BYTES = 32 * 1024 * 1024  # inflated content streams of one page
INHERITED_BOXES = ("MediaBox", "CropBox")


def check_structure(document: Any, max_pages: int) -> None:
    """Raise DocumentError for reference loops, too many pages, or content streams that
    inflate past the limit. `document` is pdfminer's PDFDocument."""
    from pdfminer.pdftypes import PDFObjRef, PDFStream

    catalog = document.catalog
    pages = _resolve(catalog.get("Pages"), PDFObjRef)
    seen: set[int] = set()
    count = 0
    stack = [pages]
    while stack:
        node = stack.pop()
        if not isinstance(node, dict):
            continue
        kids = _resolve(node.get("Kids"), PDFObjRef)
        if isinstance(kids, list):
            for kid in reversed(kids):
                if isinstance(kid, PDFObjRef):
                    if kid.objid in seen:
                        continue
                    seen.add(kid.objid)
                stack.append(_resolve(kid, PDFObjRef))
            continue
        count += 1
        if count > max_pages:
            raise DocumentError("too-large", f"The PDF has more than {max_pages} pages; the limit is {max_pages}.")
        for box in INHERITED_BOXES:
            if box in node:
                _resolve(node[box], PDFObjRef)
        _check_contents(_resolve(node.get("Contents"), PDFObjRef), PDFObjRef, PDFStream)


def _resolve(value: Any, ref_type: type) -> Any:
    chain = 0
    while isinstance(value, ref_type):
        chain += 1
        if chain > MAX_REFERENCE_CHAIN:
            raise DocumentError("corrupt", "The PDF refers to itself in a loop and cannot be read.")
        try:
            value = value.resolve()
        except Exception as exc:
            raise DocumentError(
                "corrupt", f"The PDF refers to an object that is missing or damaged ({type(exc).__name__})."
            ) from exc
    return value


def _check_contents(contents: Any, ref_type: type, stream_type: type) -> None:
    streams = contents if isinstance(contents, list) else [contents]
    total = 0
    for item in streams:
        stream = _resolve(item, ref_type)
        if not isinstance(stream, stream_type):
            continue
        total += _inflated_size(stream, MAX_CONTENT_BYTES - total)
        if total > MAX_CONTENT_BYTES:
            raise DocumentError("too-large", "A page of the PDF holds more than 32 MB of drawing instructions.")


def _inflated_size(stream: Any, budget: int) -> int:
    raw = stream.rawdata if stream.rawdata is not None else b""
    filters = stream.get_filters() if hasattr(stream, "get_filters") else []
    names = [str(getattr(f, "name", f)).strip("/'") for f, _ in filters] if filters else []
    if not names:
        return len(raw)
    if names[0] != "FlateDecode":
        return len(raw)  # other filters are rare in content streams; pdfminer bounds them by size
    inflater = zlib.decompressobj()
    try:
        out = inflater.decompress(raw, max(budget, 0) + 1)
    except zlib.error:
        return len(raw)
    return len(out)
