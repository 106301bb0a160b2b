"""Scanned PDF pages read by OCR: Tesseract, through pytesseract, on pages that have no
text layer, when asked for (`--ocr`, or `ocr = true` in the settings file).

Why pytesseract and not ocrmypdf: both run the same Tesseract engine, and on our scanned
test page (bench/formats.py) both read every word right once the page is rendered at 300
dpi; pytesseract took about half the time (no PDF is rewritten, no Ghostscript or qpdf
is needed) and gives word boxes directly, which go to the same layout code as any PDF's
words, so evidence keeps its page. Each page is rendered by pdfium at 300 dpi in grey
and read by one single-threaded Tesseract per core, pages side by side (Tesseract's own
threads gain less and would fight with other workers'). Tesseract's temporary files go
into a private folder (`scratch`).
"""

from __future__ import annotations

import contextlib
import os
import statistics
import tempfile
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

from agreement_check.errors import DocumentError
from agreement_check.parsers.options import ParseOptions
from agreement_check.parsers.pdf_words import PageWords, Word
from agreement_check.parsers.scratch import private_folder

DPI = 300
MIN_CONFIDENCE = 10  # below this Tesseract is reading specks, not words
_CONFIG = "-c tessedit_do_invert=0"  # agreements are dark on light: skip the look for inverted text (~10% faster)
_INSTALL = "install tesseract-ocr and tesseract-ocr-eng (for example: apt-get install tesseract-ocr tesseract-ocr-eng)"


def read_scanned_pages(path: Path, pages: list[PageWords], options: ParseOptions) -> list[int]:
    """Give every page without words the words OCR finds on it; the numbers of those pages."""
    blank = [page for page in pages if not page.words]
    if not blank:
        return []
    import pypdfium2 as pdfium

    threads = max(1, min(len(blank), len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1))
    with _tesseract() as pytesseract, ThreadPoolExecutor(threads) as pool:
        pdf = pdfium.PdfDocument(str(path))
        try:
            running: deque[tuple[PageWords, Future[list[Word]]]] = deque()
            for page in blank:  # pdfium renders in this thread only; Tesseract runs beside it
                image = _render(pdf[page.number - 1])
                running.append((page, pool.submit(_recognise, image, pytesseract, options)))
                if len(running) > threads:
                    done, future = running.popleft()
                    done.words = future.result()
            for done, future in running:
                done.words = future.result()
        finally:
            pdf.close()
    return [page.number for page in blank]


@contextlib.contextmanager
def _tesseract() -> Iterator[Any]:
    try:
        import pytesseract
    except ImportError as exc:  # pragma: no cover - a dependency of the package
        raise DocumentError(
            "no-text-layer", f"Reading scans needs pytesseract: pip install pytesseract; {_INSTALL}."
        ) from exc
    try:
        languages = pytesseract.get_languages(config="")
    except (pytesseract.TesseractNotFoundError, pytesseract.TesseractError, OSError) as exc:
        raise DocumentError(
            "no-text-layer", f"The PDF has no text layer and OCR needs Tesseract, which is not installed: {_INSTALL}."
        ) from exc
    if "eng" not in languages:
        raise DocumentError("no-text-layer", f"Tesseract has no English language data: {_INSTALL}.")
    os.environ["OMP_THREAD_LIMIT"] = "1"
    previous = tempfile.tempdir
    with private_folder("ocr") as scratch:
        tempfile.tempdir = str(scratch.folder)  # pytesseract's image and output files
        try:
            yield pytesseract
        finally:
            tempfile.tempdir = previous


def _render(page: Any) -> Any:
    try:
        return page.render(scale=DPI / 72, grayscale=True).to_pil()
    finally:
        page.close()


def _recognise(image: Any, pytesseract: Any, options: ParseOptions) -> list[Word]:
    try:
        data = pytesseract.image_to_data(
            image, lang="eng", config=_CONFIG, output_type=pytesseract.Output.DICT, timeout=options.helper_seconds
        )
    except RuntimeError as exc:  # pytesseract's timeout
        raise DocumentError("timeout", f"OCR of one page took longer than {options.helper_seconds:g} seconds.") from exc
    except pytesseract.TesseractError as exc:
        raise DocumentError("corrupt", f"OCR could not read a page of the PDF ({exc.message}).") from exc
    return words_from_tesseract(data, 72 / DPI)


def words_from_tesseract(data: dict[str, list[Any]], scale: float) -> list[Word]:
    """Tesseract's words as word boxes in points. Words of one line share its top and
    bottom, and lines of ordinary height share one size, so the layout code groups and
    joins them as it does a born-digital page's."""
    lines: dict[tuple[int, int, int], list[int]] = {}
    for i, text in enumerate(data["text"]):
        if str(text).strip() and float(data["conf"][i]) >= MIN_CONFIDENCE:
            lines.setdefault((data["block_num"][i], data["par_num"][i], data["line_num"][i]), []).append(i)
    boxes = {
        key: (min(data["top"][i] for i in items), max(data["top"][i] + data["height"][i] for i in items))
        for key, items in lines.items()
    }
    heights = [(bottom - top) * scale for top, bottom in boxes.values()]
    usual = statistics.median(heights) if heights else 10.0
    words = []
    for key, items in lines.items():
        top, bottom = (value * scale for value in boxes[key])
        height = bottom - top
        size = round(usual if 0.75 * usual <= height <= 1.3 * usual else height, 1)
        for i in items:
            left = data["left"][i] * scale
            words.append(
                Word(str(data["text"][i]), left, left + data["width"][i] * scale, top, bottom, size, bold=False)
            )
    return words


def ocr_warning(numbers: list[int]) -> str | None:
    """'Pages 1–3 and 5 were read by OCR …', or None when no page was."""
    if not numbers:
        return None
    several = len(numbers) > 1
    return (
        f"Page{'s' if several else ''} {page_list(numbers)} {'were' if several else 'was'} read by OCR (text "
        "recognition from the page image): OCR text may contain errors, so check any quoted words against the page."
    )


def unread_warning(pages: list[PageWords]) -> str | None:
    """Without --ocr: the pages that look scanned (a picture and no words) were not read."""
    numbers = [page.number for page in pages if page.pictures and not page.words and not page.hidden]
    if not numbers:
        return None
    several = len(numbers) > 1
    return (
        f"Page{'s' if several else ''} {page_list(numbers)} {'have' if several else 'has'} no text layer (probably "
        f"scanned) and {'were' if several else 'was'} not checked; check again with --ocr (or ocr = true in the "
        f"settings file) to read {'them' if several else 'it'} by OCR."
    )


def page_list(numbers: list[int]) -> str:
    """'1–3 and 5'."""
    spans: list[list[int]] = []
    for number in sorted(numbers):
        if spans and number == spans[-1][-1] + 1:
            spans[-1].append(number)
        else:
            spans.append([number])
    parts = [f"{span[0]}–{span[-1]}" if len(span) > 1 else str(span[0]) for span in spans]
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


NO_TEXT = (
    "The PDF has no text that can be read (it is probably a scan); check it again with --ocr (or ocr = true "
    "in the settings file) to read it by OCR, or ask for the Word version."
)
NO_TEXT_AFTER_OCR = "The PDF has no text layer, and OCR found no words on its pages (they may be blank or pictures)."
