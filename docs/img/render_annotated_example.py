"""Rebuild docs/img/annotated-example.png: a sample agreement marked up by the checker,
converted to PDF by LibreOffice, with each Word comment drawn in the page's right margin
beside the text it is anchored on (LibreOffice cannot export comments in the margin when
run without a desktop), then rendered to PNG by pdftoppm.

    .venv/bin/python docs/img/render_annotated_example.py
"""

from __future__ import annotations

import io
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

from pypdf import PdfReader, PdfWriter, Transformation
from reportlab.lib.colors import HexColor
from reportlab.pdfgen import canvas

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "samples" / "youth-outreach-sla.docx"
MARGIN = 250.0
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def anchor_top(page_words, text: str) -> float | None:
    wanted = [w for w in text.split() if w][:4]
    words = [w.text for w in page_words]
    for i in range(len(words) - len(wanted) + 1):
        if words[i : i + len(wanted)] == wanted:
            return page_words[i].top
    return None


def margin_overlay(width: float, height: float, notes: list[tuple[float, str]]) -> bytes:
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=(width + MARGIN, height))
    pdf.setFillColor(HexColor("#f3f3f3"))
    pdf.rect(width, 0, MARGIN, height, stroke=0, fill=1)
    next_free = height - 40
    for top, text in notes:
        lines = [line for paragraph in text.split("\n")[:2] for line in textwrap.wrap(paragraph, 44)][:9]
        box_height = 12 * len(lines) + 18
        y = min(height - top, next_free)
        pdf.setStrokeColor(HexColor("#c0392b"))
        pdf.line(width - 30, height - top - 2, width + 8, y - 6)
        pdf.setFillColor(HexColor("#fdecea"))
        pdf.rect(width + 8, y - box_height, MARGIN - 16, box_height, stroke=1, fill=1)
        pdf.setFillColor(HexColor("#1b1b1b"))
        pdf.setFont("Helvetica-Bold", 8.5)
        pdf.drawString(width + 14, y - 12, "agreement-check")
        pdf.setFont("Helvetica", 8.5)
        for n, line in enumerate(lines):
            pdf.drawString(width + 14, y - 24 - 12 * n, line)
        next_free = y - box_height - 8
    pdf.save()
    return buffer.getvalue()


def main() -> None:
    from agreement_check.annotate.docx_comments import comment_anchors
    from agreement_check.parsers import ParseOptions
    from agreement_check.parsers.pdfium_words import pdfium_pages

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        subprocess.run(
            [
                sys.executable,
                "-m",
                "agreement_check",
                "check",
                str(SAMPLE),
                "--annotate",
                str(work),
                "--suggest-edits",
                "--quiet",
                "--fail-on",
                "never",
            ],
            check=True,
            capture_output=True,
        )
        marked = work / SAMPLE.name
        subprocess.run(
            [
                "soffice",
                "--headless",
                "--norestore",
                f"-env:UserInstallation=file://{work}/profile",
                "--convert-to",
                "pdf",
                "--outdir",
                str(work / "pdf"),
                str(marked),
            ],
            check=True,
            capture_output=True,
        )
        rendered = work / "pdf" / (SAMPLE.stem + ".pdf")
        page_words = pdfium_pages(rendered, ParseOptions())[0].words
        reader = PdfReader(str(rendered))
        page = reader.pages[0]
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        notes = []
        for text, comment in comment_anchors(marked):
            top = anchor_top(page_words, text)
            if top is not None:
                notes.append((top, comment))
        notes.sort()
        overlay = PdfReader(io.BytesIO(margin_overlay(width, height, notes))).pages[0]
        writer = PdfWriter()
        combined = writer.add_blank_page(width + MARGIN, height)
        combined.merge_transformed_page(page, Transformation())
        combined.merge_page(overlay)
        out = work / "page.pdf"
        with out.open("wb") as handle:
            writer.write(handle)
        subprocess.run(["pdftoppm", "-png", "-r", "110", "-singlefile", str(out), str(work / "page")], check=True)
        (ROOT / "docs" / "img" / "annotated-example.png").write_bytes((work / "page.png").read_bytes())
    print("docs/img/annotated-example.png rebuilt")


if __name__ == "__main__":
    main()
