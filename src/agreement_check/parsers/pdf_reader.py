"""PDF to the document model through pdfplumber; the layout itself is engine-neutral
(`pdf_layout`), so another PDF library only needs to supply word boxes."""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any

from agreement_check.errors import DocumentError
from agreement_check.model import Block, Document
from agreement_check.parsers.builder import BlockBuilder
from agreement_check.parsers.hidden import HiddenText
from agreement_check.parsers.ocr import NO_TEXT, NO_TEXT_AFTER_OCR, ocr_warning, read_scanned_pages, unread_warning
from agreement_check.parsers.options import ParseOptions
from agreement_check.parsers.pdf_guard import check_structure
from agreement_check.parsers.pdf_layout import LayoutBlock, lay_out
from agreement_check.parsers.pdf_words import PageWords, Word
from agreement_check.parsers.wordlist import is_english_word

_BOLD = re.compile(r"bold|black|heavy|semibold|demi", re.I)


def read_pdf_pages(path: Path, sha256: str, options: ParseOptions) -> tuple[Document, list[PageWords]]:
    """The document, plus the word boxes of each page it was laid out from: what a
    marked-up copy needs to highlight the evidence."""
    if options.pdf_engine == "pdfium":
        from agreement_check.parsers.pdfium_words import pdfium_pages

        pages = pdfium_pages(path, options)
    else:
        pages = _pdfplumber_pages(path, options)
    read_by_ocr = read_scanned_pages(path, pages, options) if options.ocr else []
    if not any(page.words for page in pages):
        raise DocumentError("no-text-layer", NO_TEXT_AFTER_OCR if options.ocr else NO_TEXT)
    scan_notes = [ocr_warning(read_by_ocr)] if options.ocr else [unread_warning(pages)]
    vocabulary: set[str] = set()

    def is_word(token: str) -> bool:
        # the document's own words are gathered only when a line-end hyphen needs judging
        if not vocabulary:
            vocabulary.update(w.text.lower().strip(".,;:()") for p in pages for w in p.words)
        return is_english_word(token, vocabulary)

    layout = lay_out(pages, is_word)
    document = Document(
        path=str(path),
        sha256=sha256,
        format="pdf",
        blocks=_build(layout, options),
        pages=len(pages),
        warnings=[w for w in [HiddenText([h for page in pages for h in page.hidden]).warning(), *scan_notes] if w],
    )
    return document, pages


def _build(layout: list[LayoutBlock], options: ParseOptions) -> list[Block]:
    builder = BlockBuilder(options.max_blocks)
    for block in layout:
        kind = block.kind if block.kind != "paragraph" else "paragraph"
        builder.add(block.text, kind, level=block.level, page=block.page, cell=block.cell)  # type: ignore[arg-type]
    return builder.blocks


def _pdfplumber_pages(path: Path, options: ParseOptions) -> list[PageWords]:
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    try:
        pdf = pdfplumber.open(path)
        check_structure(pdf.doc, options.max_pages)
        count = len(pdf.pages)
    except DocumentError:
        raise
    except Exception as exc:  # pdfminer raises many unrelated types for damaged files
        if _is_password_error(exc, (PDFPasswordIncorrect, PDFEncryptionError)):
            raise DocumentError("encrypted", "The PDF is protected by a password; ask for an unlocked copy.") from exc
        raise DocumentError("corrupt", f"The PDF is damaged and cannot be opened ({type(exc).__name__}).") from exc
    with pdf:
        if count > options.max_pages:
            raise DocumentError("too-large", f"The PDF has {count} pages; the limit is {options.max_pages}.")
        return [_page_words(pdf.pages[i], i + 1) for i in range(count)]


def _is_password_error(exc: BaseException, kinds: tuple[type, ...]) -> bool:
    """pdfplumber wraps pdfminer's errors; look through the wrapper and its cause."""
    seen: list[object] = [exc, exc.__cause__, exc.__context__, *getattr(exc, "args", ())]
    return any(isinstance(item, kinds) for item in seen)


def _page_words(page: Any, number: int) -> PageWords:
    try:
        raw = page.extract_words(extra_attrs=["size", "fontname"], keep_blank_chars=False)
        words = [
            Word(
                text=w["text"],
                x0=float(w["x0"]),
                x1=float(w["x1"]),
                top=float(w["top"]),
                bottom=float(w["bottom"]),
                size=round(float(w["size"]), 1),
                bold=bool(_BOLD.search(str(w.get("fontname", "")))),
            )
            for w in raw
            if w["text"].strip()
        ]
        return PageWords(number=number, width=float(page.width), height=float(page.height), words=words)
    except DocumentError:
        raise
    except Exception as exc:
        raise DocumentError("corrupt", f"Page {number} of the PDF cannot be read ({type(exc).__name__}).") from exc
    finally:
        page.close()
