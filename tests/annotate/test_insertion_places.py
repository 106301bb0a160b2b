"""Where a marked-up DOCX puts its tracked changes: a missing provision in the section the
rule names, else at the end of the body before the signature block (never in the
letterhead or the date); comments on missing provisions on that section heading, else the
title; a short notice period edited where it stands rather than the clause struck out;
and the wording in the parties' own names."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from agreement_check.annotate.docx_comments import annotate_docx, comment_anchors
from agreement_check.api import CheckOptions, check
from agreement_check.parsers import ParseOptions, read_for_copy
from tests.builders import make_docx, p

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def marked(tmp_path: Path, lines: list[tuple[str, str | None]]) -> Path:
    source = make_docx(tmp_path / "in.docx", "".join(p(text, style) for text, style in lines))
    report = check([source], CheckOptions(isolate=False, pack="leeds-compact"))
    target = tmp_path / "out.docx"
    reading = read_for_copy(source, ParseOptions())
    annotate_docx(reading, target, report.documents[0], report.rules, options=ParseOptions(), suggest_edits=True)
    return target


def paragraphs(path: Path) -> list[dict[str, str]]:
    """Each body paragraph: its text as it stands, and what it inserts and deletes."""
    import zipfile

    root = etree.fromstring(zipfile.ZipFile(path).read("word/document.xml"))
    out = []
    for para in root.iter(f"{W}p"):
        out.append(
            {
                "kept": "".join(t.text or "" for t in para.iter(f"{W}t") if t.getparent().getparent().tag != f"{W}ins"),
                "inserted": "".join(t.text or "" for ins in para.iter(f"{W}ins") for t in ins.iter(f"{W}t")),
                "deleted": "".join(t.text or "" for t in para.iter(f"{W}delText")),
            }
        )
    return out


def position(rows: list[dict[str, str]], words: str, key: str = "kept") -> int:
    return next(i for i, row in enumerate(rows) if words in row[key])


LETTER = [
    ("Northfield Community Foundation", None),
    ("2 Mill Yard, Leeds LS2 7QT", None),
    ("12 March 2026", None),
    ("Offer of a grant for your lunch club", "Title"),
    ("Dear Ms Okafor,", None),
    ("We are pleased to offer you a grant of £8,000 towards your lunch club for older people.", None),
    ("You must spend the grant on the project described in your application by 31 March 2027.", None),
    ("We may end this grant at any time by giving you one month's notice.", None),
    ("Please sign and return the enclosed copy to accept this offer.", None),
    ("Yours sincerely,", None),
    ("Amira Shah, Grants Manager", None),
]


def test_missing_provisions_go_before_the_signature_in_the_letters_own_words(tmp_path: Path) -> None:
    rows = paragraphs(marked(tmp_path, LETTER))
    equality = position(rows, "Equality Act 2010", "inserted")
    assert position(rows, "12 March 2026") < position(rows, "Dear Ms Okafor") < equality
    assert equality < position(rows, "Yours sincerely")
    assert all(row["inserted"] == "" for row in rows[: position(rows, "Dear Ms Okafor") + 1])  # not in the letterhead
    inserted = " ".join(row["inserted"] for row in rows)
    assert "the Funder" not in inserted and "the Recipient" not in inserted
    assert "Your contribution" in inserted or "your overhead costs" in inserted


def test_comments_on_missing_provisions_sit_on_the_title(tmp_path: Path) -> None:
    anchors = comment_anchors(marked(tmp_path, LETTER))
    equality = next(text for text, comment in anchors if comment.startswith("Gap: No equality duties"))
    assert equality == "Offer of a grant for your lunch club"


AGREEMENT = [
    ("Grant Agreement", "Title"),
    (
        'This agreement is between Moorside City Council (the "Council") and Hope Lane Trust, a registered '
        'charity (the "Organisation").',
        None,
    ),
    ("Payment", "Heading1"),
    ("The Council will pay the grant of £40,000 in four quarterly instalments.", None),
    ("Termination", "Heading1"),
    ("The Council may terminate this Agreement for any reason by giving the Organisation one month's notice.", None),
    ("Disputes", "Heading1"),
    ("The parties will try to settle any disagreement informally.", None),
    ("Signed for and on behalf of the Council", None),
    ("Signed for and on behalf of the Organisation", None),
]


def test_a_short_notice_period_is_edited_where_it_stands(tmp_path: Path) -> None:
    rows = paragraphs(marked(tmp_path, AGREEMENT))
    clause = rows[position(rows, "may terminate this Agreement")]
    assert clause["deleted"] == "one month's"
    assert clause["inserted"] == "at least six (6) months'"
    assert "for any reason by giving the Organisation " in clause["kept"]


def test_missing_provisions_go_at_the_end_of_their_section_or_before_the_signatures(tmp_path: Path) -> None:
    target = marked(tmp_path, AGREEMENT)
    rows = paragraphs(target)
    mediation = position(rows, "Compact for Leeds Mediation", "inserted")
    assert position(rows, "settle any disagreement informally") < mediation < position(rows, "Signed for and on")
    overheads = position(rows, "overhead costs", "inserted")
    assert position(rows, "quarterly instalments") < overheads < position(rows, "Termination")
    assert "the Organisation's overhead costs" in rows[overheads]["inserted"]
    equality = position(rows, "Equality Act 2010", "inserted")
    assert mediation <= equality < position(rows, "Signed for and on")
    anchors = comment_anchors(target)
    assert next(text for text, comment in anchors if "mediation and dispute resolution" in comment) == "Disputes"
    assert next(text for text, comment in anchors if comment.startswith("Gap: No equality")) == "Grant Agreement"


def test_a_notice_period_in_the_particulars_table_is_edited_in_its_cell(tmp_path: Path) -> None:
    def row(*cells: str) -> str:
        return "<w:tr>" + "".join(f"<w:tc>{p(cell)}</w:tc>" for cell in cells) + "</w:tr>"

    body = (
        p("Service Agreement", "Title")
        + p('Between Moorside City Council (the "Council") and Hope Lane Trust, a charity (the "Provider").')
        + p("Particulars", "Heading1")
        + "<w:tbl>"
        + row("Item", "Detail")
        + row("Council notice period (other than for default)", "two (2) months")
        + "</w:tbl>"
        + p("Termination", "Heading1")
        + p(
            "The Council may terminate this Agreement for any reason by giving notice of its notice period in the Particulars."
        )
    )
    source = make_docx(tmp_path / "in.docx", body)
    report = check([source], CheckOptions(isolate=False, pack="leeds-compact"))
    target = tmp_path / "out.docx"
    reading = read_for_copy(source, ParseOptions())
    annotate_docx(reading, target, report.documents[0], report.rules, options=ParseOptions(), suggest_edits=True)
    rows = paragraphs(target)
    cell = rows[position(rows, "two (2) months", "deleted")]
    assert cell["inserted"] == "at least six (6) months"
    clause = rows[position(rows, "may terminate this Agreement")]
    assert clause["deleted"] == ""  # the clause itself stands
