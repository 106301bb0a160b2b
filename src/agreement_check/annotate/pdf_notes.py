"""Write a copy of a PDF with a highlight over the evidence of each gap and finding to
check, and a note annotation carrying the explanation and the suggested wording.

The evidence words are found again on their page from the word boxes the check read the
page from (`Reading.pdf_pages`); the copy is written with pypdf, whose own limits stop a
stream that would inflate too far, leaving the original untouched.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from agreement_check import __version__
from agreement_check.annotate import comment_text
from agreement_check.annotate.docx_places import section_heading, title_block
from agreement_check.errors import DocumentError
from agreement_check.output import atomic_writer
from agreement_check.parsers import Reading
from agreement_check.parsers.pdf_words import Word
from agreement_check.provenance import MARKED_COPY, PROPERTY
from agreement_check.report import DocumentResult, Evidence, Finding, RuleInfo

HIGHLIGHT = "ffe08a"


def annotate_pdf(reading: Reading, target: Path, result: DocumentResult, rules: dict[str, RuleInfo]) -> int:
    """Write the marked-up copy; returns how many findings were marked."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.errors import LimitReachedError

    words = [page.words for page in reading.pdf_pages]
    try:
        writer = PdfWriter()
        writer.append(PdfReader(reading.document.path))
        marked = 0
        for finding in result.findings:
            if finding.status not in {"gap", "review"}:
                continue
            info = rules.get(finding.rule)
            _mark(writer, _placed(finding, reading, info), words, comment_text(finding, info), marked)
            marked += 1
        # marks the copy as ours (see `provenance`); pypdf writes this dictionary first
        writer.add_metadata({f"/{PROPERTY}": f"{MARKED_COPY} made by agreement-check {__version__}"})
        target.parent.mkdir(parents=True, exist_ok=True)
        with atomic_writer(target) as handle:
            writer.write(handle)
    except LimitReachedError as exc:
        raise DocumentError("too-large", f"A part of the PDF inflates past the copy's limit ({exc}).") from exc
    return marked


def _mark(writer, finding: Finding, words: list[list[Word]], lines: list[str], marked: int) -> None:  # type: ignore[no-untyped-def]
    note = "\n".join(lines)
    page, boxes = _locate(finding, words)
    height = float(writer.pages[page].mediabox.height)
    if boxes:
        _highlight(writer, page, boxes, height, note)
        x, top = boxes[0][0], boxes[0][2]
    else:
        x, top = 20.0, 20.0 + 18 * marked % 600
    _note(writer, page, x, top, height, note)


def _placed(finding: Finding, reading: Reading, info: RuleInfo | None) -> Finding:
    """A finding with no evidence (a missing provision) is noted on the heading of the
    section where it belongs, else on the title."""
    if finding.evidence:
        return finding
    block = section_heading(reading.document, None, info) or title_block(reading.document, None)
    if block is None:
        return finding
    return replace(finding, evidence=(Evidence(text=block.text, location=block.location),))


def _norm(text: str) -> str:
    return re.sub(r"[^\w£%]+", "", text.lower())


def _locate(finding: Finding, pages: list[list[Word]]) -> tuple[int, list[tuple[float, float, float, float]]]:
    """The page and the line boxes (x0, x1, top, bottom) of the first evidence quote."""
    if not finding.evidence or not pages:
        return 0, []
    evidence = finding.evidence[0]
    page = max(0, min(len(pages) - 1, (evidence.location.page or 1) - 1))
    target = _norm(evidence.text.split("|")[0])[:400]
    words = pages[page]
    for start in range(len(words)):
        joined = ""
        for end in range(start, len(words)):
            joined += _norm(words[end].text)
            if not target.startswith(joined):
                break
            if len(joined) >= min(len(target), 400) - 2:
                return page, _lines(words[start : end + 1])
        else:
            continue
    return page, []


def _lines(words: list[Word]) -> list[tuple[float, float, float, float]]:
    boxes: list[list[float]] = []
    for word in words:
        if boxes and abs(boxes[-1][2] - word.top) < 3:
            boxes[-1][1] = max(boxes[-1][1], word.x1)
            boxes[-1][3] = max(boxes[-1][3], word.bottom)
        else:
            boxes.append([word.x0, word.x1, word.top, word.bottom])
    return [tuple(b) for b in boxes]  # type: ignore[misc]


def _highlight(writer, page: int, boxes, height: float, note: str) -> None:  # type: ignore[no-untyped-def]
    from pypdf.annotations import Highlight
    from pypdf.generic import ArrayObject, FloatObject

    quads = []
    for x0, x1, top, bottom in boxes:
        y_top, y_bottom = height - top, height - bottom
        quads += [x0, y_top, x1, y_top, x0, y_bottom, x1, y_bottom]
    rect = (
        min(b[0] for b in boxes),
        height - max(b[3] for b in boxes),
        max(b[1] for b in boxes),
        height - min(b[2] for b in boxes),
    )
    annotation = Highlight(rect=rect, quad_points=ArrayObject(FloatObject(v) for v in quads), highlight_color=HIGHLIGHT)
    annotation[_name("/Contents")] = _text(note)
    annotation[_name("/T")] = _text("agreement-check")
    writer.add_annotation(page_number=page, annotation=annotation)


def _note(writer, page: int, x: float, top: float, height: float, note: str) -> None:  # type: ignore[no-untyped-def]
    from pypdf.annotations import Text

    y = height - top
    annotation = Text(rect=(max(0.0, x - 22), y - 2, max(18.0, x - 4), y + 16), text=note, open=False)
    annotation[_name("/T")] = _text("agreement-check")
    writer.add_annotation(page_number=page, annotation=annotation)


def _name(value: str):  # type: ignore[no-untyped-def]
    from pypdf.generic import NameObject

    return NameObject(value)


def _text(value: str):  # type: ignore[no-untyped-def]
    from pypdf.generic import TextStringObject

    return TextStringObject(value)
