"""A sentence cut by a line, column or page break stays one paragraph, even when the next
line starts with a number; real clause numbers still start a block; dates, page counts,
postcodes and addresses are never clause numbers."""

from __future__ import annotations

from pathlib import Path

import pytest

from agreement_check.model import Document
from agreement_check.parsers import ParseOptions, read_document
from agreement_check.parsers.clauses import follows, typed_number
from agreement_check.parsers.line_flow import continues, waits_for_more
from tests.builders import body_lines, make_pdf


@pytest.fixture(params=["pdfium", "pdfplumber"])
def pdf_engine(request: pytest.FixtureRequest) -> str:
    """Every PDF test runs on both engines: they feed the same layout code."""
    return request.param


def read(path: Path, engine: str) -> Document:
    return read_document(path, ParseOptions(pdf_engine=engine))  # type: ignore[arg-type]


def body(doc: Document) -> list[tuple[str, str | None]]:
    return [(b.text, b.location.clause) for b in doc.blocks if b.kind not in {"header", "footer"}]


def column(text: str, width: float = 230, font: str = "Helvetica", size: float = 10) -> list[str]:
    """Running text wrapped to a column, as a word processor would set it."""
    from reportlab.lib.utils import simpleSplit

    return simpleSplit(text, font, size, width)


# -- in the PDF ----------------------------------------------------------------------------


def test_page_break_before_a_period_of_weeks(tmp_path: Path, pdf_engine: str) -> None:
    head = [(60, 40, "Funding Agreement – Hillside Trust", "Helvetica", 9)]
    page1 = [*head, (280, 810, "Page 1 of 2", "Helvetica", 9)]
    page1 += body_lines(["14. Either party may end this Agreement by giving the other no less than"], top=780)
    page2 = [*head, (280, 810, "Page 2 of 2", "Helvetica", 9)]
    page2 += body_lines(["26 weeks' notice in writing.", "", "15. This Agreement is governed by English law."], top=70)
    doc = read(make_pdf(tmp_path / "weeks.pdf", [page1, page2]), pdf_engine)
    assert body(doc) == [
        ("14. Either party may end this Agreement by giving the other no less than 26 weeks' notice in writing.", "14"),
        ("15. This Agreement is governed by English law.", "15"),
    ]
    assert doc.blocks[0].location.page == 1


def test_line_starting_with_a_date_carries_on_the_sentence(tmp_path: Path, pdf_engine: str) -> None:
    lines = body_lines(
        [
            "3.2 The funded period begins on 1 April 2025 and ends on",
            "31 March 2026 unless it is extended by agreement.",
            "3.3 The Council will review the work each quarter.",
            "31 March 2026 is the last day on which costs may be claimed.",
        ]
    )
    doc = read(make_pdf(tmp_path / "date.pdf", [lines]), pdf_engine)
    assert body(doc) == [
        (
            "3.2 The funded period begins on 1 April 2025 and ends on 31 March 2026 unless it is extended by agreement.",
            "3.2",
        ),
        (
            "3.3 The Council will review the work each quarter. "
            "31 March 2026 is the last day on which costs may be claimed.",
            "3.3",
        ),
    ]


def test_column_break_before_a_number_of_days(tmp_path: Path, pdf_engine: str) -> None:
    left = column(
        "7.1 The Council will pay each instalment of the grant once it has received the quarterly "
        "monitoring return and a correct invoice from the Organisation, and it will tell the "
        "Organisation at once if any part of a claim is queried so that the question can be "
        "settled quickly; unless a claim is queried, payment will be made"
    )
    left.append("within")
    right = ["30 days of the date on which the invoice was received."]
    right += column(
        "7.2 The Organisation will keep receipts for all spending of the grant for six years after the "
        "end of the funded period and will show them to the Council on request, with any other "
        "records the Council reasonably asks to see."
    )
    lines = [(40, 100 + 13 * i, text, "Helvetica", 10) for i, text in enumerate(left)]
    lines += [(315, 100 + 13 * i, text, "Helvetica", 10) for i, text in enumerate(right)]
    doc = read(make_pdf(tmp_path / "days.pdf", [lines]), pdf_engine)
    blocks = body(doc)
    assert [clause for _, clause in blocks] == ["7.1", "7.2"]
    assert blocks[0][0].endswith("payment will be made within 30 days of the date on which the invoice was received.")
    assert blocks[1][0].startswith("7.2 The Organisation will keep receipts")


def test_numbered_clauses_and_items_still_start_blocks(tmp_path: Path, pdf_engine: str) -> None:
    lines = body_lines(
        [
            "12. Ending this Agreement",
            "12.1 Either party may end this Agreement early if the other",
            "fails to meet its duties and",
            "(a) the failure is serious; and",
            "(b) it is not put right within",
            "30 days of a written request; or",
            "12.2 the Organisation stops trading",
            "12.3 Nothing in this clause limits clause",
            "9.4 of these terms.",
        ]
    )
    doc = read(make_pdf(tmp_path / "clauses.pdf", [lines]), pdf_engine)
    assert body(doc) == [
        ("12. Ending this Agreement", "12"),
        ("12.1 Either party may end this Agreement early if the other fails to meet its duties and", "12.1"),
        ("(a) the failure is serious; and", "12.1(a)"),
        ("(b) it is not put right within 30 days of a written request; or", "12.1(b)"),
        ("12.2 the Organisation stops trading", "12.2"),
        ("12.3 Nothing in this clause limits clause 9.4 of these terms.", "12.3"),
    ]


def test_a_number_out_of_sequence_carries_on_an_unfinished_sentence(tmp_path: Path, pdf_engine: str) -> None:
    lines = body_lines(["4.1 The Council's reference for this grant is", "57 and it must be quoted on every invoice."])
    doc = read(make_pdf(tmp_path / "ref.pdf", [lines]), pdf_engine)
    assert body(doc) == [
        ("4.1 The Council's reference for this grant is 57 and it must be quoted on every invoice.", "4.1")
    ]


def test_dates_page_counts_postcodes_and_addresses_are_not_clauses(tmp_path: Path, pdf_engine: str) -> None:
    lines = body_lines(
        [
            "Hillside Trust",
            "14 Mill Lane",
            "Hillside",
            "HS4 7QT",
            "",
            "2 June 2025",
            "",
            "Page 3 of 9",
            "",
            "Dear Trustees,",
            "",
            "We are pleased to offer a grant on the terms below.",
        ]
    )
    doc = read(make_pdf(tmp_path / "letter.pdf", [lines]), pdf_engine)
    assert body(doc)[0] == ("Hillside Trust 14 Mill Lane Hillside HS4 7QT", None)
    assert all(b.number is None and b.location.clause is None for b in doc.blocks)


def test_signature_block_does_not_inherit_the_last_clause(tmp_path: Path, pdf_engine: str) -> None:
    lines = body_lines(
        [
            "9. This Agreement is governed by the law of England.",
            "",
            "Signed for the Council by its Head of Communities",
            "",
            "Name and date",
        ]
    )
    doc = read(make_pdf(tmp_path / "signed.pdf", [lines]), pdf_engine)
    assert [clause for _, clause in body(doc)] == ["9", None, None]


# -- the rules behind it -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "26 weeks' written notice",
        "30 calendar days of invoice",
        "2 (two) months after the start",
        "10 per cent of the grant",
        "12.5% of the total",
        "31 March 2026",
        "1st April",
        "04/09/2025 version",
        "Page 3 of 9",
        "3 of 9",
        "LS1 4AP",
        "20 Station Road, Leeds",
        "10.30 am on the first Monday",
    ],
)
def test_running_numbers_are_not_clause_numbers(text: str) -> None:
    assert typed_number(text) is None


@pytest.mark.parametrize(
    ("text", "number"),
    [("12. Payment", "12"), ("12.1 The Council", "12.1"), ("8.1.10 provide", "8.1.10"), ("(a) the", "(a)")],
)
def test_clause_numbers_are_still_read(text: str, number: str) -> None:
    assert typed_number(text) == number


@pytest.mark.parametrize(
    ("previous", "number", "expected"),
    [
        ("2.2.9", "2.2.10", True),
        ("2.2.9", "2.3", True),
        ("2.2.9", "3", True),
        ("6.2", "6.2.1", True),
        ("SC6", "GC1", True),
        (None, "7", True),
        ("2.1", "4", False),
        ("5.3", "5.3", False),
    ],
)
def test_clause_sequence(previous: str | None, number: str, expected: bool) -> None:
    assert follows(previous, number) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("by giving not less than", True),
        ("as set out in clause", True),
        ("the duties of the", True),
        ("costs of staff; and", False),
        ("costs of staff; and/or", False),
        ("than", True),
        ("Terms and Conditions", False),
        ("the work each quarter", False),
    ],
)
def test_words_that_wait_for_more(line: str, expected: bool) -> None:
    assert waits_for_more(line) is expected


def test_continues_after_a_break_only_when_the_sentence_is_unfinished() -> None:
    assert continues("will be made within", "30 days of invoice.", "7.1", after_break=True)
    assert not continues("paid in arrears.", "The Organisation will", "7.1", after_break=True)
    assert continues("paid in arrears.", "The Organisation will", "7.1")
    assert not continues("costs of staff; and", "7.2 rent", "7.1")
    assert not continues("- a bulleted", "- list", None)
