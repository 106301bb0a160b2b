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
from agreement_check.parsers.pdf_words import PageWords, Word

_BOLD = re.compile(r"bold|black|heavy|semibold|demi", re.I)
X_TOLERANCE = 3.0


def pdfium_pages(path: Path, options: ParseOptions) -> list[PageWords]:
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
    try:
        words = _words(textpage, raw, height)
    finally:
        textpage.close()
        page.close()
    return PageWords(number=number, width=float(width), height=float(height), words=words)


def _words(textpage, raw, height: float) -> list[Word]:  # type: ignore[no-untyped-def]
    handle = textpage.raw
    rect = raw.FS_RECTF()
    rect_ref = ctypes.byref(rect)
    words: list[Word] = []
    chars: list[str] = []
    box = [0.0, 0.0, 0.0, 0.0]  # x0, x1, top, bottom
    size = 0.0
    first = -1
    for i in range(raw.FPDFText_CountChars(handle)):
        code = raw.FPDFText_GetUnicode(handle, i)
        char = "-" if code == 2 else (chr(code) if code else "")  # pdfium marks a line-end hyphen as U+0002
        if not char or char.isspace() or code == 0xFFFE:
            first = _flush(words, chars, box, size, first, handle, raw)
            continue
        raw.FPDFText_GetLooseCharBox(handle, i, rect_ref)  # font-height boxes: one top per line
        x0, x1 = rect.left, rect.right
        char_top, char_bottom = height - rect.top, height - rect.bottom
        char_size = raw.FPDFText_GetFontSize(handle, i)
        if chars and (
            x0 - box[1] > X_TOLERANCE or abs(char_top - box[2]) > max(2.0, char_size * 0.5) or x0 < box[0] - 1
        ):
            first = _flush(words, chars, box, size, first, handle, raw)
        if not chars:
            box[:] = [x0, x1, char_top, char_bottom]
            size, first = char_size, i
        else:
            box[1] = max(box[1], x1)
            box[2] = min(box[2], char_top)
            box[3] = max(box[3], char_bottom)
        chars.append(char)
    _flush(words, chars, box, size, first, handle, raw)
    return words


def _flush(words: list[Word], chars: list[str], box: list[float], size: float, first: int, handle, raw) -> int:  # type: ignore[no-untyped-def]
    if chars:
        words.append(
            Word(
                text="".join(chars),
                x0=box[0],
                x1=box[1],
                top=box[2],
                bottom=box[3],
                size=round(size, 1),
                bold=_is_bold(handle, raw, first),
            )
        )
        chars.clear()
    return -1


def _is_bold(handle, raw, index: int) -> bool:  # type: ignore[no-untyped-def]
    if index < 0:
        return False
    flags = ctypes.c_int()
    buffer = ctypes.create_string_buffer(128)
    length = raw.FPDFText_GetFontInfo(handle, index, buffer, 128, ctypes.byref(flags))
    name = buffer.value.decode("utf-8", "replace") if length else ""
    return bool(_BOLD.search(name)) or raw.FPDFText_GetFontWeight(handle, index) >= 600
