"""The tool knows its own outputs by the mark it writes into them, not by their names:
every report format and both kinds of marked-up copy, renamed or edited and saved again;
and it never mistakes an agreement, or a hostile file, for one of them."""

from __future__ import annotations

import io
import os
import struct
import zipfile
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader, PdfWriter

from agreement_check.annotate.copy import write_marked_copy
from agreement_check.api import CheckOptions, check
from agreement_check.parsers import ParseOptions, read_for_copy
from agreement_check.provenance import MARKED_COPY, PROPERTY, REPORT, own_output
from agreement_check.report import Report
from agreement_check.reporters import get_reporter
from tests.builders import body_lines, make_docx, make_pdf, p
from tests.cli.test_main import COMPLIANT

LINES = [line for line in COMPLIANT.splitlines() if line]
CUSTOM = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Client"><vt:lpwstr>Hope Lane</vt:lpwstr></property>'
    "</Properties>"
)


def agreement_docx(path: Path, custom: str | None = None) -> Path:
    extra = {"docProps/custom.xml": custom.encode()} if custom else None
    return make_docx(path, "".join(p(line) for line in LINES), extra_parts=extra)


def agreement_pdf(path: Path) -> Path:
    return make_pdf(path, [body_lines([line[:95] for line in LINES][:45])])


def marked_copy(source: Path, target: Path) -> Path:
    """The marked-up copy a run writes, made as a worker makes it."""
    report = check([source], CheckOptions(isolate=False))
    reading = read_for_copy(source, ParseOptions())
    write_marked_copy(reading, target, report.documents[0], report.rules, options=ParseOptions())
    return target


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Report:
    folder = tmp_path_factory.mktemp("reported")
    (folder / "terms.txt").write_text(COMPLIANT, encoding="utf-8")
    return check([folder], CheckOptions(isolate=False))


@pytest.mark.parametrize(
    "fmt", ["json", "sarif", "html", "markdown", "csv", "csv-documents", "junit", "text", "letter"]
)
def test_every_report_format_is_known_as_ours_under_any_name(fmt: str, report: Report, tmp_path: Path) -> None:
    path = tmp_path / "renamed by a colleague.txt"
    path.write_text(get_reporter(fmt).render(report), encoding="utf-8")
    assert own_output(path) == REPORT


def test_a_letter_whose_mark_the_sender_deleted_is_their_own_text(report: Report, tmp_path: Path) -> None:
    letter = get_reporter("letter").render(report)
    assert letter.startswith("[Drafted by agreement-check from terms.txt")
    path = tmp_path / "my letter.txt"
    path.write_text(letter.split("\n", 2)[2], encoding="utf-8")
    assert own_output(path) is None


def test_a_text_report_is_ours_when_a_narrow_terminal_wraps_its_summary(report: Report, tmp_path: Path) -> None:
    from agreement_check.reporters.text import TextReporter

    path = tmp_path / "narrow.txt"
    path.write_text(TextReporter(width=30).render(report), encoding="utf-8")
    assert len(path.read_text().rstrip().splitlines()[-1]) < 30  # the summary runs over lines
    assert own_output(path) == REPORT


def test_agreements_are_not_ours(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(COMPLIANT, encoding="utf-8")
    (tmp_path / "b.md").write_text("# Grant agreement\n\n" + COMPLIANT, encoding="utf-8")
    # an agreement that quotes a summary line is still an agreement: the mark is the last line
    (tmp_path / "c.txt").write_text("Summary: 2 documents, 2 checked.\n" + COMPLIANT, encoding="utf-8")
    agreement_docx(tmp_path / "d.docx", CUSTOM)
    agreement_pdf(tmp_path / "e.pdf")
    assert [own_output(path) for path in sorted(tmp_path.iterdir())] == [None] * 5


def test_a_marked_up_docx_carries_a_custom_property_beside_the_originals(tmp_path: Path) -> None:
    source = agreement_docx(tmp_path / "offer.docx", CUSTOM)
    copy = marked_copy(source, tmp_path / "offer-marked.docx")
    assert docx.Document(str(copy)).core_properties is not None  # Word's reader opens the package
    with zipfile.ZipFile(copy) as package:
        custom = package.read("docProps/custom.xml").decode()
        assert 'name="Client"' in custom and f'name="{PROPERTY}"' in custom and 'pid="3"' in custom
        assert "/docProps/custom.xml" in package.read("[Content_Types].xml").decode()
    assert own_output(copy) == MARKED_COPY
    renamed = copy.rename(tmp_path / "for the funder.docx")
    assert own_output(renamed) == MARKED_COPY
    assert own_output(source) is None


def test_a_marked_up_docx_without_properties_gets_the_part_and_its_relationship(tmp_path: Path) -> None:
    copy = marked_copy(agreement_docx(tmp_path / "offer.docx"), tmp_path / "copy.docx")
    with zipfile.ZipFile(copy) as package:
        assert "custom-properties" in package.read("_rels/.rels").decode()
    assert own_output(copy) == MARKED_COPY
    marked_again = marked_copy(copy, tmp_path / "again.docx")  # one property, not two
    with zipfile.ZipFile(marked_again) as package:
        assert package.read("docProps/custom.xml").decode().count(f'name="{PROPERTY}"') == 1


def test_a_marked_up_pdf_keeps_its_mark_when_saved_again(tmp_path: Path) -> None:
    copy = marked_copy(agreement_pdf(tmp_path / "grant.pdf"), tmp_path / "grant-marked.pdf")
    assert PdfReader(copy).metadata[f"/{PROPERTY}"].startswith(MARKED_COPY)
    assert own_output(copy) == MARKED_COPY
    # a viewer that rewrites the file whole puts the information dictionary where it likes
    writer = PdfWriter(clone_from=PdfReader(copy))
    for _ in range(40):
        writer.add_blank_page(595, 842)
    buffer = io.BytesIO()
    writer.write(buffer)
    moved = tmp_path / "saved again.pdf"
    moved.write_bytes(_pad(buffer.getvalue()))
    assert PdfReader(moved).metadata[f"/{PROPERTY}"].startswith(MARKED_COPY)
    assert own_output(moved) == MARKED_COPY
    assert own_output(tmp_path / "grant.pdf") is None


def _pad(data: bytes) -> bytes:
    """The same PDF with 100 KB of comment after the header and again before the
    cross-reference table, offsets moved to match: the information dictionary is then
    neither in the head nor in the tail, and only the table finds it."""
    pad = (b"%" + b"x" * 98 + b"\n") * 1000
    header_end = data.index(b"\n") + 1
    start = data.rindex(b"startxref")
    table = data.rindex(b"xref", 0, start)
    lines = data[table:start].split(b"\n")
    lines = [
        b"%010d" % (int(line[:10]) + len(pad)) + line[10:] if line.rstrip().endswith(b" n") else line for line in lines
    ]
    offset = int(data[start:].split()[1]) + 2 * len(pad)
    body = data[:header_end] + pad + data[header_end:table] + pad
    return body + b"\n".join(lines) + b"startxref\n%d\n%%%%EOF\n" % offset


def test_hostile_files_are_not_ours_and_cost_only_a_few_reads(tmp_path: Path) -> None:
    huge_directory = tmp_path / "huge.docx"
    huge_directory.write_bytes(
        b"PK\x03\x04" + b"\0" * 100 + b"PK\x05\x06" + struct.pack("<HHHHIIH", 0, 0, 1, 1, 1 << 30, 4, 0)
    )
    zip64 = tmp_path / "zip64.docx"
    zip64.write_bytes(
        b"PK\x03\x04" + b"\0" * 100 + b"PK\x05\x06" + struct.pack("<HHHHIIH", 0, 0, 0xFFFF, 0xFFFF, 0xFFFFFFFF, 4, 0)
    )
    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("docProps/custom.xml", b" " * (8 << 20) + f'name="{PROPERTY}"'.encode())
    truncated = tmp_path / "truncated.pdf"
    truncated.write_bytes(b"%PDF-1.7\n1 0 obj\n<< /Info 9 0 R >>\ntrailer << /Info 9 0 R >>\nstartxref\n999999\n%%EOF")
    broken_table = tmp_path / "table.pdf"
    broken_table.write_bytes(b"%PDF-1.7\nxref\n0 9999999\ntrailer << /Info 5 0 R >>\nstartxref\n9\n%%EOF")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.md").write_bytes(bytes(range(256)) * 10)
    assert [own_output(path) for path in sorted(tmp_path.iterdir())] == [None] * 7
    assert own_output(tmp_path / "missing.docx") is None
    os.mkfifo(tmp_path / "pipe.md")  # nobody writes to it: reading would wait for ever
    assert own_output(tmp_path / "pipe.md") is None
