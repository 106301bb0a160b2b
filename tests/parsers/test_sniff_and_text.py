from __future__ import annotations

from pathlib import Path

import pytest

from agreement_check.errors import DocumentError
from agreement_check.parsers import read_document
from tests.builders import make_docx, make_pdf, p


def code_of(path: Path) -> str:
    with pytest.raises(DocumentError) as err:
        read_document(path)
    return err.value.code


def test_type_comes_from_content_not_name(tmp_path: Path) -> None:
    pdf_named_docx = make_pdf(tmp_path / "real.pdf", [[(60, 100, "A PDF in disguise.", "Helvetica", 11)]]).rename(
        tmp_path / "fake.docx"
    )
    assert read_document(pdf_named_docx).format == "pdf"
    docx_named_pdf = make_docx(tmp_path / "real.docx", p("A DOCX in disguise.")).rename(tmp_path / "fake.pdf")
    assert read_document(docx_named_pdf).format == "docx"


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"", "empty"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "unsupported-format"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "unsupported-format"),
        (b"PK\x03\x04garbage", "corrupt"),
        (b"%PDF-1.7\n1 0 obj broken", "corrupt"),
    ],
)
def test_unreadable_files_have_stable_codes(tmp_path: Path, content: bytes, code: str) -> None:
    path = tmp_path / "bad.docx"
    path.write_bytes(content)
    assert code_of(path) == code


@pytest.mark.parametrize(
    "content",
    [
        b"<!DOCTYPE html>\n<html><head><title>Grants</title></head><body><p>Terms of reference</p></body></html>",
        b"\xef\xbb\xbf\r\n  <html lang='en'><body>Partnership board</body></html>",
        b"<?xml version='1.0'?>\n<!-- saved from a browser -->\n<!doctype HTML><html></html>",
    ],
)
def test_a_web_page_saved_under_a_document_name_is_named_as_one(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "agreement.pdf"
    path.write_bytes(content)
    with pytest.raises(DocumentError) as err:
        read_document(path)
    assert err.value.code == "unsupported-format" and "an HTML page" in err.value.message


def test_text_that_mentions_html_is_still_text(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("Our terms are also on the website as an <html> page.", encoding="utf-8")
    assert read_document(path).format == "txt"


def test_zip_that_is_not_a_word_document(tmp_path: Path) -> None:
    import zipfile

    path = tmp_path / "archive.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("notes.txt", "hello")
    assert code_of(path) == "unsupported-format"


def test_missing_and_non_regular_files(tmp_path: Path) -> None:
    assert code_of(tmp_path / "nope.pdf") == "not-found"
    assert code_of(tmp_path) == "unreadable"


def test_markdown_headings_paragraphs_and_lists(tmp_path: Path) -> None:
    path = tmp_path / "terms.md"
    path.write_text(
        "# Terms\n\nThe grant is\nfor two years.\n\n## Ending\n\n1. First point\n2. Second point\n", encoding="utf-8"
    )
    doc = read_document(path)
    assert [(b.kind, b.text) for b in doc.blocks] == [
        ("heading", "Terms"),
        ("paragraph", "The grant is for two years."),
        ("heading", "Ending"),
        ("paragraph", "1. First point"),
        ("paragraph", "2. Second point"),
    ]
    assert doc.blocks[-1].location.clause == "2"
    assert doc.blocks[-1].location.heading == ("Terms", "Ending")
