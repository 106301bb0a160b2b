"""Scanned PDFs: `--ocr` reads pages that have no text layer with Tesseract (the test
that runs it is skipped where Tesseract is not installed; it reads one page only)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from agreement_check.cli.main import cli
from agreement_check.errors import DocumentError
from agreement_check.parsers import ParseOptions, read_document
from agreement_check.parsers.ocr import ocr_warning, words_from_tesseract
from tests.builders import body_lines, make_pdf

NOTICE = "6. We may end this grant for any reason by giving you one month's notice in writing."
needs_tesseract = pytest.mark.skipif(shutil.which("tesseract") is None, reason="Tesseract is not installed")


def scanned_pdf(path: Path, lines: list[str], dpi: int = 200) -> Path:
    """A generated PDF page rasterised into an image-only PDF, as a scanner makes it."""
    import pypdfium2 as pdfium

    source = make_pdf(path.with_suffix(".text.pdf"), [body_lines(lines, size=12, gap=18)])
    pdf = pdfium.PdfDocument(str(source))
    image = pdf[0].render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
    pdf.close()
    image.save(path, "PDF", resolution=dpi)
    return path


@pytest.fixture
def scan(tmp_path: Path) -> Path:
    return scanned_pdf(
        tmp_path / "scan.pdf",
        [
            "Grant offer letter from Moorside City Council to Hope Lane Trust.",
            "",
            "1. The Council will pay a grant of 20,000 pounds for the year from 1 April 2026.",
            "",
            NOTICE,
        ],
    )


def test_without_ocr_the_message_says_how_to_turn_it_on(scan: Path) -> None:
    with pytest.raises(DocumentError) as err:
        read_document(scan)
    assert err.value.code == "no-text-layer"
    assert "--ocr" in err.value.message and "ocr = true" in err.value.message


@needs_tesseract
def test_ocr_reads_the_notice_clause_of_a_scan_with_its_page(scan: Path) -> None:
    result = CliRunner().invoke(
        cli, ["check", str(scan), "--ocr", "--pack", "leeds-compact", "--format", "json", "--quiet", "--jobs", "1"]
    )
    assert result.exit_code in (0, 1), result.output
    (doc,) = json.loads(result.stdout)["documents"]
    assert any("read by OCR" in w and "Page 1 " in w and "may contain errors" in w for w in doc["warnings"])
    (notice,) = [f for f in doc["findings"] if f["rule"] == "leeds-compact/termination-notice"]
    assert notice["status"] == "gap"
    (evidence,) = notice["evidence"][:1]
    assert "one month" in evidence["text"] and "notice" in evidence["text"]
    assert evidence["location"]["page"] == 1


def test_missing_tesseract_is_named_with_the_fix(scan: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import pytesseract

    def missing(config: str = "") -> list[str]:
        raise pytesseract.TesseractNotFoundError()

    monkeypatch.setattr(pytesseract, "get_languages", missing)
    with pytest.raises(DocumentError) as err:
        read_document(scan, ParseOptions(ocr=True))
    assert err.value.code == "no-text-layer"
    assert "apt-get install tesseract-ocr tesseract-ocr-eng" in err.value.message


def test_tesseract_words_become_lines_of_one_size() -> None:
    data = {
        "text": ["Grant", "terms", "", "The", "grant", "specks"],
        "conf": [95, 93, -1, 90, 91, 3],
        "block_num": [1, 1, 1, 2, 2, 2],
        "par_num": [1, 1, 1, 1, 1, 1],
        "line_num": [1, 1, 1, 1, 1, 1],
        "left": [100, 300, 0, 100, 220, 400],
        "top": [100, 104, 0, 200, 196, 200],
        "height": [40, 36, 0, 42, 46, 40],
        "width": [150, 120, 0, 90, 120, 30],
    }
    words = words_from_tesseract(data, 72 / 300)
    assert [w.text for w in words] == ["Grant", "terms", "The", "grant"]
    assert {w.size for w in words} == {words[0].size}
    assert words[0].top == words[1].top and words[0].bottom == words[1].bottom
    assert words[1].x0 == pytest.approx(300 * 72 / 300)


def test_ocr_warning_names_the_pages() -> None:
    assert ocr_warning([]) is None
    assert ocr_warning([3]).startswith("Page 3 was read by OCR")
    assert ocr_warning([1, 2, 3, 5]).startswith("Pages 1–3 and 5 were read by OCR")


def test_settings_file_turns_ocr_on(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from agreement_check.cli.check import options_from_settings
    from agreement_check.cli.settings import find_config, resolve

    (tmp_path / ".git").mkdir()
    (tmp_path / ".agreement-check.toml").write_text("ocr = true\n", encoding="utf-8")
    settings, sources = resolve({}, set(), find_config(tmp_path))
    assert options_from_settings(settings).parse.ocr is True
    assert sources["ocr"].endswith(".agreement-check.toml:1")
    settings, _ = resolve({"ocr": False}, {"ocr"}, find_config(tmp_path))
    assert options_from_settings(settings).parse.ocr is False


def test_without_ocr_a_scanned_page_among_text_pages_is_named(tmp_path: Path, scan: Path) -> None:
    import pypdfium2 as pdfium

    text = make_pdf(tmp_path / "text.pdf", [body_lines(["1. The Council will pay a grant of 20,000 pounds."])])
    mixed = pdfium.PdfDocument(str(text))
    mixed.import_pages(pdfium.PdfDocument(str(scan)))
    mixed.save(str(tmp_path / "mixed.pdf"))
    document = read_document(tmp_path / "mixed.pdf")
    assert any(
        w.startswith("Page 2 has no text layer (probably scanned) and was not checked") for w in document.warnings
    )
    assert "--ocr" in document.warnings[-1]
