from __future__ import annotations

from pathlib import Path

import pytest

from agreement_check.errors import DocumentError
from agreement_check.parsers import ParseOptions, read_document
from tests.builders import NS, STYLES, abstract, make_docx, numbering, p


def texts(document, kind=None):
    return [b.text for b in document.blocks if kind is None or b.kind == kind]


def test_multilevel_numbering_renders_the_numbers_a_reader_sees(tmp_path: Path) -> None:
    numbers = numbering(abstract(0, [("decimal", "%1."), ("decimal", "%1.%2"), ("lowerLetter", "(%3)")]))
    body = (
        p("Definitions", num=(1, 0))
        + p("Grant means the money.", num=(1, 1))
        + p("Period means the time.", num=(1, 1))
        + p("first item", num=(1, 2))
        + p("second item", num=(1, 2))
        + p("Termination", num=(1, 0))
        + p("The Council may terminate.", num=(1, 1))
    )
    doc = read_document(make_docx(tmp_path / "n.docx", body, numbering_xml=numbers))
    assert [b.number for b in doc.blocks] == ["1.", "1.1", "1.2", "(a)", "(b)", "2.", "2.1"]
    assert [b.location.clause for b in doc.blocks] == ["1", "1.1", "1.2", "1.2(a)", "1.2(b)", "2", "2.1"]


def test_roman_and_upper_letter_formats_and_start_override(tmp_path: Path) -> None:
    numbers = numbering(
        abstract(0, [("upperLetter", "%1."), ("lowerRoman", "(%2)")]),
        nums={1: 0, 2: 0},
        overrides='<w:lvlOverride w:ilvl="0"><w:startOverride w:val="4"/></w:lvlOverride>',
    )
    body = (
        p("one", num=(1, 0))
        + p("sub", num=(1, 1))
        + p("sub", num=(1, 1))
        + p("sub", num=(1, 1))
        + p("restart", num=(2, 0))
    )
    doc = read_document(make_docx(tmp_path / "r.docx", body, numbering_xml=numbers))
    assert [b.number for b in doc.blocks] == ["A.", "(i)", "(ii)", "(iii)", "D."]


def test_lists_sharing_an_abstract_definition_continue(tmp_path: Path) -> None:
    numbers = numbering(abstract(0, [("decimal", "%1.")]), nums={1: 0, 2: 0})
    body = p("a", num=(1, 0)) + p("b", num=(1, 0)) + p("plain") + p("c", num=(2, 0))
    doc = read_document(make_docx(tmp_path / "c.docx", body, numbering_xml=numbers))
    assert [b.number for b in doc.blocks] == ["1.", "2.", None, "3."]


def test_a_bulleted_paragraph_is_a_list_item_that_completes_its_lead_in(tmp_path: Path) -> None:
    from agreement_check.nlp.units import build_units

    bullets = numbering(abstract(0, [("bullet", "\u2022")]))
    body = p("The secretary will:") + p("book the room;", num=(1, 0)) + p("send out the papers.", num=(1, 0))
    body += p("The group meets in May.")
    doc = read_document(make_docx(tmp_path / "b.docx", body, numbering_xml=bullets))
    assert [(b.kind, b.number) for b in doc.blocks] == [
        ("paragraph", None),
        ("list-item", None),
        ("list-item", None),
        ("paragraph", None),
    ]
    assert [u.lead_unit for u in build_units(doc)] == [None, 0, 0, None]


def test_numbering_from_a_style_and_headings_by_style_and_outline(tmp_path: Path) -> None:
    styles = STYLES.replace(
        "</w:styles>",
        '<w:style w:type="paragraph" w:styleId="Clause"><w:name w:val="Clause"/>'
        '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style></w:styles>',
    )
    numbers = numbering(abstract(0, [("decimal", "%1.")]))
    body = p("Payment", style="Heading1") + p("We pay monthly.", style="Clause") + p("Extra", style="ClauseHeading")
    doc = read_document(make_docx(tmp_path / "s.docx", body, numbering_xml=numbers, styles_xml=styles))
    assert doc.blocks[0].kind == "heading"
    assert doc.blocks[1].number == "1." and doc.blocks[1].location.heading == ("Payment",)
    assert doc.blocks[2].kind == "heading" and doc.blocks[2].level == 1


def test_typed_clause_numbers_are_read_from_the_text(tmp_path: Path) -> None:
    body = p("14. Termination", style="Heading1") + p("14.2 The Council may end this Agreement.") + p("(a) on notice;")
    doc = read_document(make_docx(tmp_path / "t.docx", body))
    assert [b.location.clause for b in doc.blocks] == ["14", "14.2", "14.2(a)"]


def test_tracked_changes_read_as_accepted_or_original(tmp_path: Path) -> None:
    para = (
        '<w:p><w:r><w:t xml:space="preserve">The Council will give </w:t></w:r>'
        '<w:del w:id="1" w:author="x"><w:r><w:delText>six months</w:delText></w:r></w:del>'
        '<w:ins w:id="2" w:author="x"><w:r><w:t>one month</w:t></w:r></w:ins>'
        '<w:r><w:t xml:space="preserve"> notice.</w:t></w:r></w:p>'
        '<w:moveFrom w:id="3" w:author="x"><w:p><w:r><w:t>Moved away.</w:t></w:r></w:p></w:moveFrom>'
    )
    path = make_docx(tmp_path / "rev.docx", para)
    accepted = read_document(path)
    original = read_document(path, ParseOptions(revisions="original"))
    assert texts(accepted) == ["The Council will give one month notice."]
    assert texts(original) == ["The Council will give six months notice.", "Moved away."]
    assert any("tracked changes" in w for w in accepted.warnings)


def test_deleted_paragraph_mark_joins_paragraphs_when_accepted(tmp_path: Path) -> None:
    body = (
        '<w:p><w:pPr><w:rPr><w:del w:id="1" w:author="x"/></w:rPr></w:pPr><w:r><w:t xml:space="preserve">First half </w:t></w:r></w:p>'
        + p("second half.")
    )
    doc = read_document(make_docx(tmp_path / "mark.docx", body))
    assert texts(doc) == ["First half second half."]


def test_footnotes_text_boxes_content_controls_headers_and_footers(tmp_path: Path) -> None:
    box = (
        '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>'
        + p("Text in a box.")
        + "</w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox><w:txbxContent>"
        + p("Text in a box.")
        + "</w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
    )
    body = (
        '<w:p><w:r><w:t>Body with a note</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r>'
        + box
        + "</w:p>"
        + "<w:sdt><w:sdtPr/><w:sdtContent>"
        + p("Inside a content control.")
        + "</w:sdtContent></w:sdt>"
        + '<w:p><w:commentRangeStart w:id="0"/><w:r><w:t>Commented text.</w:t></w:r><w:r><w:commentReference w:id="0"/></w:r></w:p>'
    )
    path = make_docx(
        tmp_path / "parts.docx",
        body,
        footnotes=p("The footnote is part of the agreement."),
        headers={"header1": p("Grant Agreement – confidential"), "footer1": p("Page 1")},
        extra_parts={
            "word/comments.xml": f'<w:comments {NS}><w:comment w:id="0">{p("A reviewer comment")}</w:comment></w:comments>'.encode()
        },
    )
    doc = read_document(path)
    assert texts(doc, "paragraph") == ["Body with a note", "Inside a content control.", "Commented text."]
    assert texts(doc, "text-box") == ["Text in a box."]
    assert texts(doc, "footnote") == ["The footnote is part of the agreement."]
    assert texts(doc, "header") == ["Grant Agreement – confidential"]
    assert texts(doc, "footer") == ["Page 1"]
    assert "A reviewer comment" not in doc.text()


def test_tables_in_order_with_cell_locations_and_nested_tables(tmp_path: Path) -> None:
    def cell(inner: str) -> str:
        return f"<w:tc>{inner}</w:tc>"

    nested = "<w:tbl><w:tr>" + cell(p("inner")) + "</w:tr></w:tbl>"
    table = (
        "<w:tbl>"
        + "<w:tr>"
        + cell(p("Item"))
        + cell(p("Entry"))
        + "</w:tr>"
        + "<w:tr>"
        + cell(p("Funder notice period"))
        + cell(p("three (3) months") + nested)
        + "</w:tr>"
        + "</w:tbl>"
    )
    doc = read_document(make_docx(tmp_path / "tab.docx", p("Before") + table + p("After")))
    cells = [
        (b.text, b.location.table, b.location.row, b.location.column) for b in doc.blocks if b.kind == "table-cell"
    ]
    assert ("Funder notice period", 0, 1, 0) in cells
    assert ("three (3) months", 0, 1, 1) in cells
    assert ("inner", 1, 0, 0) in cells
    assert doc.blocks[0].text == "Before" and doc.blocks[-1].text == "After"


def test_pages_come_from_rendered_page_breaks(tmp_path: Path) -> None:
    body = p("one") + "<w:p><w:r><w:lastRenderedPageBreak/><w:t>two</w:t></w:r></w:p>" + p("three")
    doc = read_document(make_docx(tmp_path / "pages.docx", body))
    assert [b.location.page for b in doc.blocks] == [1, 2, 2]


def test_dtd_and_entities_are_refused(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "x.docx", p("x"))
    evil = (
        '<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
        f"<w:document {NS}><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>"
    )
    make_docx(path, "", extra_parts={})
    import zipfile

    with zipfile.ZipFile(path, "w") as z:
        z.writestr("word/document.xml", evil)
    with pytest.raises(DocumentError) as err:
        read_document(path)
    assert err.value.code == "corrupt"
    assert "root:" not in str(err.value)


def test_member_inflating_past_the_cap_is_too_large(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "big.docx", p("x" * 5000))
    with pytest.raises(DocumentError) as err:
        read_document(path, ParseOptions(max_member_bytes=2000))
    assert err.value.code == "too-large"
