"""Every document of the shared development corpus parses without error."""

from __future__ import annotations

from pathlib import Path

import pytest

from agreement_check.parsers import read_document
from tests.conftest import CORPUS

DOCS = sorted((CORPUS / "docs").glob("*")) if (CORPUS / "docs").is_dir() else []


@pytest.mark.parametrize("path", DOCS, ids=[d.name for d in DOCS])
def test_corpus_document_parses(path: Path) -> None:
    doc = read_document(path)
    assert len(doc.body()) > 10
    assert all(b.text for b in doc.blocks)
    if doc.format == "pdf":
        assert all(b.location.page for b in doc.blocks)


def test_auto_numbered_docx_shows_word_numbers(corpus: Path) -> None:
    doc = read_document(corpus / "docs" / "lc01-council-grant-agreement.docx")
    clauses = {b.location.clause for b in doc.blocks}
    assert {"1", "1(a)", "23", "28"} <= clauses
    notice = next(b for b in doc.blocks if "six (6) months" in b.text)
    assert notice.location.clause == "23" and notice.location.heading[-1] == "Ending this Agreement early"


PDFS = [d for d in DOCS if d.suffix == ".pdf"]


@pytest.mark.parametrize("path", PDFS, ids=[d.name for d in PDFS])
def test_both_pdf_engines_read_the_corpus_identically(path: Path) -> None:
    from agreement_check.parsers import ParseOptions

    def blocks(engine: str) -> list[tuple]:
        doc = read_document(path, ParseOptions(pdf_engine=engine))  # type: ignore[arg-type]
        return [(b.kind, b.text, b.location) for b in doc.blocks]

    assert blocks("pdfium") == blocks("pdfplumber")
