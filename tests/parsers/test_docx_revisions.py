"""Pending tracked changes read both ways: where each change falls in each reading, and no
second reading for a document without changes (or when one reading is asked for)."""

from __future__ import annotations

from pathlib import Path

from agreement_check.parsers import ParseOptions, read_document
from tests.builders import make_docx, p
from tests.tracked import ALICE, BOB, dele, ins, run


def texts(doc) -> list[str]:  # type: ignore[no-untyped-def]
    return [b.text for b in doc.blocks]


def test_a_document_with_changes_is_read_both_ways_with_each_change_placed(tmp_path: Path) -> None:
    body = (
        p("Title")
        + "<w:p>"
        + run("The Council will give ")
        + dele("six months", ALICE, 1)
        + ins("one month", ALICE, 2)
        + run(" notice.")
        + "</w:p>"
        + f'<w:del w:id="3" {BOB[0]} {BOB[1]}><w:p><w:r><w:delText>A clause taken out.</w:delText></w:r></w:p></w:del>'
    )
    doc = read_document(make_docx(tmp_path / "both.docx", body))
    assert texts(doc) == ["Title", "The Council will give one month notice."]
    assert doc.original is not None
    assert texts(doc.original) == ["Title", "The Council will give six months notice.", "A clause taken out."]
    summary = [(c.kind, c.author, c.text, c.blocks, c.other_blocks) for c in doc.changes]
    assert summary == [
        ("deletion", "Alice Reed", "six months", (1,), (1,)),
        ("insertion", "Alice Reed", "one month", (1,), (1,)),
        ("deletion", "Bob Okafor", "A clause taken out.", (), (2,)),
    ]
    assert doc.changes[0].date == "2026-11-02T09:30:00Z"
    assert "also as the original text" in " ".join(doc.warnings)


def test_a_split_paragraph_is_one_paragraph_in_the_original(tmp_path: Path) -> None:
    """An inserted paragraph mark split a clause: the original text runs on."""
    body = f'<w:p><w:pPr><w:rPr><w:ins w:id="7" {BOB[0]} {BOB[1]}/></w:rPr></w:pPr>{run("First half ")}</w:p>' + p(
        "second half."
    )
    doc = read_document(make_docx(tmp_path / "split.docx", body))
    assert texts(doc) == ["First half", "second half."]
    assert doc.original is not None and texts(doc.original) == ["First half second half."]
    assert [(c.kind, c.text) for c in doc.changes] == [("insertion", "(paragraph break)")]


def test_one_edit_split_over_runs_is_one_change(tmp_path: Path) -> None:
    """Word writes one element per run of formatting; they are one change to a reader."""
    body = "<w:p>" + run("Pay ") + ins("within ", ALICE, 1) + ins("30 days", ALICE, 2) + run(".") + "</w:p>"
    doc = read_document(make_docx(tmp_path / "runs.docx", body))
    assert [(c.text, c.ordinals) for c in doc.changes] == [("within 30 days", (0, 1))]


def test_no_second_reading_without_changes_or_when_one_reading_is_asked_for(tmp_path: Path) -> None:
    plain = read_document(make_docx(tmp_path / "plain.docx", p("No changes here.")))
    assert plain.original is None and plain.changes == []
    tracked = make_docx(tmp_path / "t.docx", "<w:p>" + run("Pay ") + ins("promptly", ALICE, 1) + "</w:p>")
    for mode in ("accepted", "original"):
        doc = read_document(tracked, ParseOptions(revisions=mode))
        assert doc.original is None and doc.changes == []
    assert texts(read_document(tracked, ParseOptions(revisions="original"))) == ["Pay"]
