from __future__ import annotations

from pathlib import Path

import pytest

from agreement_check.errors import DocumentError
from agreement_check.parsers import ParseOptions
from agreement_check.parsers import read_document as _read_document
from tests.builders import body_lines, make_pdf

ENGINE = {"name": "pdfium"}


@pytest.fixture(autouse=True, params=["pdfium", "pdfplumber"])
def pdf_engine(request: pytest.FixtureRequest) -> str:
    """Every PDF test runs on both engines: they feed the same layout code."""
    ENGINE["name"] = request.param
    return request.param


def read_document(path: Path):  # type: ignore[no-untyped-def]
    return _read_document(path, ParseOptions(pdf_engine=ENGINE["name"]))  # type: ignore[arg-type]


HEAD = [(60, 40, "Grant Agreement – Moorside Council", "Helvetica", 9)]


def foot(n: int) -> list:
    return [(280, 810, f"Page {n} of 3", "Helvetica", 9)]


def paragraphs(doc):
    return [b.text for b in doc.blocks if b.kind == "paragraph"]


def test_pages_paragraphs_headings_and_running_heads(tmp_path: Path) -> None:
    pages = []
    for n in range(1, 4):
        lines = HEAD + foot(n) + [(60, 80, f"{n}. Section {n}", "Helvetica-Bold", 14)]
        lines += body_lines(
            [
                f"{n}.1 The Council will do thing {n} for the",
                "Organisation in good time.",
                "",
                f"{n}.2 Another clause.",
            ],
            top=110,
        )
        pages.append(lines)
    doc = read_document(make_pdf(tmp_path / "a.pdf", pages))
    assert doc.pages == 3
    headings = [b for b in doc.blocks if b.kind == "heading"]
    assert [h.text for h in headings] == ["1. Section 1", "2. Section 2", "3. Section 3"]
    assert [h.location.page for h in headings] == [1, 2, 3]
    assert "2.1 The Council will do thing 2 for the Organisation in good time." in paragraphs(doc)
    second = next(b for b in doc.blocks if b.text.startswith("2.2"))
    assert second.location.clause == "2.2" and second.location.page == 2
    assert second.location.heading[-1] == "2. Section 2"
    body = doc.text()
    assert "Page 2 of 3" not in body and "Grant Agreement – Moorside" not in body
    assert [b.text for b in doc.blocks if b.kind == "header"] == ["Grant Agreement – Moorside Council"]


def test_paragraph_across_a_page_break_is_joined(tmp_path: Path) -> None:
    page1 = body_lines(["5. The Council may end this Agreement by giving the"], top=780)
    page2 = body_lines(["Organisation six months' written notice.", "", "6. Next clause."], top=60)
    doc = read_document(make_pdf(tmp_path / "j.pdf", [page1, page2]))
    joined = doc.blocks[0]
    assert joined.text == "5. The Council may end this Agreement by giving the Organisation six months' written notice."
    assert joined.location.page == 1
    assert doc.blocks[1].text == "6. Next clause." and doc.blocks[1].location.page == 2


def test_hyphenation_repaired_only_for_real_words(tmp_path: Path) -> None:
    lines = body_lines(
        ["The Council may give notice of termi-", "nation to the Organisation for non-", "recurrent costs."]
    )
    doc = read_document(make_pdf(tmp_path / "h.pdf", [lines]))
    assert paragraphs(doc) == [
        "The Council may give notice of termination to the Organisation for non-recurrent costs."
    ]


def test_two_columns_read_column_by_column(tmp_path: Path) -> None:
    left = [f"Left column line {i} of running text here" for i in range(1, 11)]
    right = [f"Right column line {i} of running text ok" for i in range(1, 11)]
    lines = [(40, 80, "A two column notice", "Helvetica-Bold", 16)]
    lines += [(40, 110 + 14 * i, t, "Helvetica", 10) for i, t in enumerate(left)]
    lines += [(310, 110 + 14 * i, t, "Helvetica", 10) for i, t in enumerate(right)]
    doc = read_document(make_pdf(tmp_path / "c.pdf", [lines]))
    text = doc.text()
    assert text.index("Left column line 10") < text.index("Right column line 1 ")
    assert "line 1 of running text here Right" not in text


def test_table_rows_from_column_alignment(tmp_path: Path) -> None:
    lines = [
        (60, 100, "Item", "Helvetica-Bold", 11),
        (260, 100, "Entry", "Helvetica-Bold", 11),
        (60, 116, "Funder Termination Notice", "Helvetica", 11),
        (260, 116, "three (3) months", "Helvetica", 11),
        (60, 129, "Period", "Helvetica", 11),
        (60, 145, "Payment", "Helvetica", 11),
        (260, 145, "Monthly in arrears", "Helvetica", 11),
    ]
    doc = read_document(make_pdf(tmp_path / "t.pdf", [lines]))
    cells = {(b.location.row, b.location.column): b.text for b in doc.blocks if b.kind == "table-cell"}
    assert cells[(1, 0)] == "Funder Termination Notice Period"
    assert cells[(1, 1)] == "three (3) months"
    assert cells[(2, 1)] == "Monthly in arrears"


def test_no_text_layer(tmp_path: Path) -> None:
    from reportlab.pdfgen import canvas

    path = tmp_path / "scan.pdf"
    c = canvas.Canvas(str(path))
    c.rect(50, 50, 200, 200, fill=1)
    c.showPage()
    c.save()
    with pytest.raises(DocumentError) as err:
        read_document(path)
    assert err.value.code == "no-text-layer"


def test_encrypted_with_password_and_with_empty_password(tmp_path: Path) -> None:
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    locked = tmp_path / "locked.pdf"
    c = canvas.Canvas(str(locked), encrypt=pdfencrypt.StandardEncryption("secret", ownerPassword="owner"))
    c.drawString(60, 700, "Confidential grant terms.")
    c.save()
    with pytest.raises(DocumentError) as err:
        read_document(locked)
    assert err.value.code == "encrypted"

    open_pdf = tmp_path / "open.pdf"
    c = canvas.Canvas(str(open_pdf), encrypt=pdfencrypt.StandardEncryption("", ownerPassword="owner", canPrint=0))
    c.drawString(60, 700, "Readable grant terms.")
    c.save()
    assert "Readable grant terms." in read_document(open_pdf).text()


def test_each_word_has_the_size_and_weight_of_the_text_drawing_it(tmp_path: Path) -> None:
    """Size and weight are looked up once a text object: words of two objects that share
    a line, in either order, still each carry their own."""
    from agreement_check.parsers import read_for_copy

    pdf = make_pdf(
        tmp_path / "fonts.pdf",
        [
            [
                (60, 100, "Payment terms", "Helvetica-Bold", 14),
                (200, 100, "are set out below", "Helvetica", 10),
                (60, 130, "The grant", "Helvetica", 10),
                (140, 130, "must be repaid", "Helvetica-Bold", 12),
            ]
        ],
    )
    words = read_for_copy(pdf, ParseOptions(pdf_engine=ENGINE["name"])).pdf_pages[0].words  # type: ignore[arg-type]
    looks = {w.text: (w.size, w.bold) for w in words}
    assert looks == {
        "Payment": (14.0, True),
        "terms": (14.0, True),
        "are": (10.0, False),
        "set": (10.0, False),
        "out": (10.0, False),
        "below": (10.0, False),
        "The": (10.0, False),
        "grant": (10.0, False),
        "must": (12.0, True),
        "be": (12.0, True),
        "repaid": (12.0, True),
    }
