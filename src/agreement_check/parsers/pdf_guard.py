"""Checks on a PDF's structure before any page is laid out.

pdfminer follows object references without limit: a page whose /MediaBox refers to itself
through other objects makes it loop for ever. pdfium and pdfminer decode each content
stream whole, so a few kilobytes of deflate can ask them for gigabytes: the content of a
page (its own streams and the form XObjects it draws, inherited resources included) is
measured first with bounded decoders (`pdf_inflate`). Walking the page tree ourselves,
with cycle detection, turns both into a prompt, clear error.
"""

from __future__ import annotations

from typing import Any

from agreement_check.errors import DocumentError
from agreement_check.parsers.pdf_inflate import decoded_size

MAX_REFERENCE_CHAIN = 32
MAX_CONTENT_BYTES = 32 * 1024 * 1024  # decoded content streams and forms of one page
INHERITED_BOXES = ("MediaBox", "CropBox")


def check_structure(document: Any, max_pages: int) -> None:
    """Raise DocumentError for reference loops, too many pages, or page content that
    decodes past the limit. `document` is pdfminer's PDFDocument."""
    from pdfminer.pdftypes import PDFObjRef

    pages = _resolve(document.catalog.get("Pages"), PDFObjRef)
    seen: set[int] = set()
    sizes: dict[int, int] = {}  # decoded size of each stream, measured once per document
    count = 0
    stack: list[tuple[Any, Any]] = [(pages, None)]
    while stack:
        node, inherited = stack.pop()
        if not isinstance(node, dict):
            continue
        resources = node.get("Resources", inherited)
        kids = _resolve(node.get("Kids"), PDFObjRef)
        if isinstance(kids, list):
            for kid in reversed(kids):
                if isinstance(kid, PDFObjRef):
                    if kid.objid in seen:
                        continue
                    seen.add(kid.objid)
                stack.append((_resolve(kid, PDFObjRef), resources))
            continue
        count += 1
        if count > max_pages:
            raise DocumentError("too-large", f"The PDF has more than {max_pages} pages; the limit is {max_pages}.")
        for box in INHERITED_BOXES:
            if box in node:
                _resolve(node[box], PDFObjRef)
        _check_page(node, resources, sizes)


def _check_page(page: dict[Any, Any], resources: Any, sizes: dict[int, int]) -> None:
    total = 0
    for stream in _page_streams(page, resources):
        key = _key(stream)
        if key not in sizes:
            sizes[key] = decoded_size(stream, MAX_CONTENT_BYTES)
        total += sizes[key]
        if total > MAX_CONTENT_BYTES:
            raise DocumentError(
                "too-large",
                f"A page of the PDF holds more than {MAX_CONTENT_BYTES // 2**20} MB of drawing instructions.",
            )


def _page_streams(page: dict[Any, Any], resources: Any) -> list[Any]:
    """The page's content streams, then every form XObject it can draw (forms inside
    forms too), each once."""
    from pdfminer.pdftypes import PDFObjRef, PDFStream

    contents = _resolve(page.get("Contents"), PDFObjRef)
    items = contents if isinstance(contents, list) else [contents]
    streams = [s for s in (_resolve(i, PDFObjRef) for i in items) if isinstance(s, PDFStream)]
    seen: set[int] = set()  # forms may draw each other in a loop
    pending = [resources]
    while pending:
        xobjects = _resolve(_get(_resolve(pending.pop(), PDFObjRef), "XObject"), PDFObjRef)
        if not isinstance(xobjects, dict):
            continue
        for value in xobjects.values():
            form = _resolve(value, PDFObjRef)
            if not isinstance(form, PDFStream) or _key(form) in seen or _name(form.get("Subtype")) != "Form":
                continue
            seen.add(_key(form))
            streams.append(form)
            pending.append(form.get("Resources"))
    return streams


def _key(stream: Any) -> int:
    return stream.objid if stream.objid is not None else id(stream)


def _get(value: Any, key: str) -> Any:
    return value.get(key) if isinstance(value, dict) else None


def _name(value: Any) -> str:
    return str(getattr(value, "name", value)).strip("/'")


def _resolve(value: Any, ref_type: type[Any]) -> Any:
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
