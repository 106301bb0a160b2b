"""Word boxes from pdfium (pypdfium2), for the same layout code as pdfplumber feeds.

pdfium is a C++ renderer: reading a page's characters costs a few milliseconds where
pdfplumber's pure-Python pdfminer costs around a hundred. Characters are grouped into
words as pdfplumber does (a space, a line change or a gap wider than a few points ends a
word); the font name of each word's first character gives its weight.
"""

from __future__ import annotations

import ctypes
import re
from pathlib import Path

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


def _words(textpage, raw, height: float, looks: PageLooks, hidden: list[tuple[str, str]]) -> list[Word]:  # type: ignore[no-untyped-def]
    """Words from the page's text in one call, with a box from the first and last
    character of each word: a few calls per word instead of several per character.
    Words a reader cannot see go to `hidden` with the reason."""
    handle = textpage.raw
    count = raw.FPDFText_CountChars(handle)
    if count <= 0:
        return []
    buffer = ctypes.create_string_buffer((count + 1) * 2)
    raw.FPDFText_GetText(handle, 0, count, ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort)))
    # pdfium marks a hyphen at the end of a line as U+0002 (U+FFFE in bulk text)
    text = buffer.raw[: count * 2].decode("utf-16-le", "replace").replace("\x02", "-").replace("\ufffe", "-")
    rect = raw.FS_RECTF()
    rect_ref = ctypes.byref(rect)

    def box(index: int) -> tuple[float, float, float, float]:
        raw.FPDFText_GetLooseCharBox(handle, index, rect_ref)  # font-height boxes: one top per line
        return rect.left, rect.right, height - rect.top, height - rect.bottom

    words: list[Word] = []
    bold_by_object: dict[int, bool] = {}
    for match in _WORD.finditer(text):
        start, end = match.start(), match.end() - 1
        size = round(raw.FPDFText_GetFontSize(handle, start), 1)
        text_object = raw.FPDFText_GetTextObject(handle, start)  # asked once a word, for both uses
        bold = _is_bold(handle, raw, start, bold_by_object, text_object)
        for first, last, (x0, _, top, bottom), (_, x1, top2, bottom2) in _split_at_gaps(start, end, box, size):
            upper, lower = min(top, top2), max(bottom, bottom2)
            drawn_by = text_object if first == start else raw.FPDFText_GetTextObject(handle, first)
            why = looks.reason(drawn_by, (x0, height - lower, x1, height - upper), size)
            if why:
                hidden.append((text[first : last + 1], why))
                continue
            words.append(
                Word(
                    text=text[first : last + 1],
                    x0=x0,
                    x1=x1,
                    top=min(top, top2),
                    bottom=max(bottom, bottom2),
                    size=size,
                    bold=bold,
                )
            )
    return words


_WORD = re.compile(r"[^\s\x00]+")


Box = tuple[float, float, float, float]


def _split_at_gaps(start: int, end: int, box, size: float) -> list[tuple[int, int, Box, Box]]:  # type: ignore[no-untyped-def]
    """A run of characters with no space between them is usually one word; where pdfium
    placed two runs side by side (table cells, a wrapped line) split them by position.
    Only a run wider than its letters could be, or spanning two lines, is looked at closely.
    Returns (first, last, first box, last box) of each piece."""
    first, last = box(start), box(end) if end != start else None
    last = last or first
    width = last[1] - first[0]
    if abs(last[2] - first[2]) < 2 and 0 <= width <= (end - start + 1) * max(size, 1.0) * 0.8 + X_TOLERANCE:
        return [(start, end, first, last)]
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


def _is_bold(handle, raw, index: int, cache: dict[int, bool] | None = None, text_object=None) -> bool:  # type: ignore[no-untyped-def]
    """Bold from the font's name or weight, looked up once per text object (a run of text
    in one font), not once per word. `text_object` is the object of character `index`
    when the caller has it already."""
    if index < 0:
        return False
    if text_object is None:
        text_object = raw.FPDFText_GetTextObject(handle, index)
    key = ctypes.cast(text_object, ctypes.c_void_p).value or 0
    if cache is not None and key in cache:
        return cache[key]
    bold = _font_is_bold(handle, raw, index)
    if cache is not None:
        cache[key] = bold
    return bold


def _font_is_bold(handle, raw, index: int) -> bool:  # type: ignore[no-untyped-def]
    flags = ctypes.c_int()
    buffer = ctypes.create_string_buffer(128)
    length = raw.FPDFText_GetFontInfo(handle, index, buffer, 128, ctypes.byref(flags))
    name = buffer.value.decode("utf-8", "replace") if length else ""
    return bool(_BOLD.search(name)) or raw.FPDFText_GetFontWeight(handle, index) >= 600
