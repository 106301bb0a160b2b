"""Word boxes from pdfium (pypdfium2), for the same layout code as pdfplumber feeds.

pdfium is a C++ renderer: reading a page's characters costs a few milliseconds where
pdfplumber's pure-Python pdfminer costs around a hundred. Characters are grouped into
words as pdfplumber does (a space, a line change or a gap wider than a few points ends a
word); the font name of each word's first character gives its weight.
"""

from __future__ import annotations

import ctypes
import re
import struct
from functools import lru_cache
from pathlib import Path
from typing import Any

from agreement_check.errors import DocumentError
from agreement_check.parsers.options import ParseOptions
from agreement_check.parsers.pdf_visibility import PageLooks
from agreement_check.parsers.pdf_words import PageWords, Word

_BOLD = re.compile(r"bold|black|heavy|semibold|demi", re.I)
X_TOLERANCE = 3.0


def pdfium_pages(path: Path, options: ParseOptions) -> list[PageWords]:
    """Each page's words, with positions and font sizes, as pdfium reads them."""
    import pypdfium2 as pdfium

    guard_structure(path, options)
    try:
        pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise DocumentError("encrypted", "The PDF is protected by a password; ask for an unlocked copy.") from exc
        raise DocumentError("corrupt", "The PDF is damaged and cannot be opened.") from exc
    try:
        count = len(pdf)
        if count > options.max_pages:
            raise DocumentError("too-large", f"The PDF has {count} pages; the limit is {options.max_pages}.")
        return [_page(pdf[i], i + 1) for i in range(count)]
    finally:
        pdf.close()


def guard_structure(path: Path, options: ParseOptions) -> None:
    """The same structural checks as for pdfplumber (loops, page count, inflated
    content), so that both engines give the same verdict on a hostile file."""
    from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFParser

    from agreement_check.parsers.pdf_guard import check_structure

    with path.open("rb") as handle:
        try:
            document = PDFDocument(PDFParser(handle))
        except (PDFPasswordIncorrect, PDFEncryptionError) as exc:
            raise DocumentError("encrypted", "The PDF is protected by a password; ask for an unlocked copy.") from exc
        except Exception:
            return  # pdfium reads some damaged files pdfminer cannot; let it try
        check_structure(document, options.max_pages)


def _page(page, number: int) -> PageWords:  # type: ignore[no-untyped-def]
    import pypdfium2.raw as raw

    width, height = page.get_size()
    textpage = page.get_textpage()
    hidden: list[tuple[str, str]] = []
    looks = PageLooks(page, raw)
    try:
        words = _words(textpage, raw, height, looks, hidden)
    finally:
        textpage.close()
        page.close()
    return PageWords(
        number=number, width=float(width), height=float(height), words=words, hidden=hidden, pictures=looks.pictures
    )


class _Calls:
    """The few pdfium functions called once or more a word, as prototypes that take and
    return plain addresses. pypdfium2's bindings check pointer types on every call and
    return a fresh pointer object that must be cast to be compared; these are the same C
    functions called without that work, so a text object is an int a dict can key on."""

    def __init__(self, raw) -> None:  # type: ignore[no-untyped-def]
        void, index = ctypes.c_void_p, ctypes.c_int
        self.text_object = _prototype(raw.FPDFText_GetTextObject, void, void, index)
        self.loose_box = _prototype(raw.FPDFText_GetLooseCharBox, ctypes.c_int, void, index, void)
        self.font_size = _prototype(raw.FPDFText_GetFontSize, ctypes.c_double, void, index)


def _prototype(function: Any, restype: Any, *argtypes: Any) -> Any:
    """`function` (a pypdfium2 binding) called through a prototype of our own types, with
    the binding's calling convention."""
    stdcall = getattr(ctypes, "_FUNCFLAG_STDCALL", 0)
    factory = getattr(ctypes, "WINFUNCTYPE", None) if stdcall and type(function)._flags_ & stdcall else None
    address = ctypes.cast(function, ctypes.c_void_p).value or 0
    return (factory or ctypes.CFUNCTYPE)(restype, *argtypes)(address)


@lru_cache(maxsize=1)
def _calls() -> _Calls:
    import pypdfium2.raw as raw

    return _Calls(raw)


def _words(textpage, raw, height: float, looks: PageLooks, hidden: list[tuple[str, str]]) -> list[Word]:  # type: ignore[no-untyped-def]
    """Words from the page's text in one call, with a box from the first and last
    character of each word: a few calls per word instead of several per character.
    A word's size, weight and look belong to its text object (a run drawn in one font),
    so they are asked for once a text object. Words a reader cannot see go to `hidden`
    with the reason."""
    handle = textpage.raw
    count = raw.FPDFText_CountChars(handle)
    if count <= 0:
        return []
    buffer = ctypes.create_string_buffer((count + 1) * 2)
    raw.FPDFText_GetText(handle, 0, count, ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort)))
    # pdfium marks a hyphen at the end of a line as U+0002 (U+FFFE in bulk text)
    text = buffer.raw[: count * 2].decode("utf-16-le", "replace").replace("\x02", "-").replace("\ufffe", "-")
    calls = _calls()
    page_handle = ctypes.cast(handle, ctypes.c_void_p).value
    text_object, loose_box, font_size = calls.text_object, calls.loose_box, calls.font_size
    rect = (ctypes.c_float * 4)()  # FS_RECTF: left, top, right, bottom
    rect_address, read_rect = ctypes.addressof(rect), _FOUR_FLOATS.unpack_from

    def box(index: int) -> Box:
        loose_box(page_handle, index, rect_address)  # font-height boxes: one top per line
        left, top, right, bottom = read_rect(rect)  # the floats as the struct's fields give them
        return left, right, height - top, height - bottom

    words: list[Word] = []
    bold_by_object: dict[int, bool] = {}
    size_by_object: dict[int, float] = {}
    reason = looks.reason
    for match in _WORD.finditer(text):
        start, end = match.span()
        end -= 1
        key = text_object(page_handle, start) or 0  # asked once a word, for all three uses
        size = size_by_object.get(key) if key else None
        if size is None:
            size = size_by_object[key] = round(font_size(page_handle, start), 1)
        bold = bold_by_object.get(key) if key else None
        if bold is None:
            bold = bold_by_object[key] = _font_is_bold(handle, raw, start)
        first = box(start)
        last = box(end) if end != start else first
        x0, x1 = first[0], last[1]
        # a run of characters with no space between them is usually one word: on one line,
        # and no wider than its letters could be
        if abs(last[2] - first[2]) < 2 and 0 <= x1 - x0 <= (end - start + 1) * max(size, 1.0) * 0.8 + X_TOLERANCE:
            pieces = [(start, end, first, last)]
        else:
            pieces = _split_at_gaps(start, end, box, first)
        for begin, stop, (x0, _, top, bottom), (_, x1, top2, bottom2) in pieces:
            upper = top2 if top2 < top else top  # min() and max(), without the calls
            lower = bottom2 if bottom2 > bottom else bottom
            drawn_by = key if begin == start else text_object(page_handle, begin) or 0
            why = reason(drawn_by, (x0, height - lower, x1, height - upper), size)
            if why:
                hidden.append((text[begin : stop + 1], why))
            else:
                words.append(Word(text[begin : stop + 1], x0, x1, upper, lower, size, bold))
    return words


_WORD = re.compile(r"[^\s\x00]+")
_FOUR_FLOATS = struct.Struct("=4f")


Box = tuple[float, float, float, float]


def _split_at_gaps(start: int, end: int, box, first: Box) -> list[tuple[int, int, Box, Box]]:  # type: ignore[no-untyped-def]
    """Where pdfium placed two runs side by side with no space between (table cells, a
    wrapped line), split them by position, character by character. Only a run wider than
    its letters could be, or spanning two lines, comes here. Returns (first, last, first
    box, last box) of each piece."""
    pieces = []
    begin, begin_box, previous = start, first, first
    for index in range(start + 1, end + 1):
        current = box(index)
        if current[0] - previous[1] > X_TOLERANCE or current[0] < previous[0] - 1 or abs(current[2] - previous[2]) > 2:
            pieces.append((begin, index - 1, begin_box, previous))
            begin, begin_box = index, current
        previous = current
    pieces.append((begin, end, begin_box, previous))
    return pieces


def _font_is_bold(handle, raw, index: int) -> bool:  # type: ignore[no-untyped-def]
    flags = ctypes.c_int()
    buffer = ctypes.create_string_buffer(128)
    length = raw.FPDFText_GetFontInfo(handle, index, buffer, 128, ctypes.byref(flags))
    name = buffer.value.decode("utf-8", "replace") if length else ""
    return bool(_BOLD.search(name)) or raw.FPDFText_GetFontWeight(handle, index) >= 600
