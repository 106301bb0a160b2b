"""Marked-up copies: Word comments on the evidence, tracked suggestions that fix the gap
once accepted, PDF highlights and notes, and the original never touched."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from agreement_check.annotate.docx_comments import annotate_docx, comment_anchors
from agreement_check.annotate.pdf_notes import annotate_pdf
from agreement_check.api import CheckOptions, check
from agreement_check.parsers import ParseOptions, read_for_copy
from tests.builders import NS, make_docx, p
from tests.conftest import CORPUS, REPO

SAMPLES = REPO / "samples"
CORPUS_DOCX = sorted((CORPUS / "docs").glob("*.docx")) if (CORPUS / "docs").is_dir() else []


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def checked(path: Path, pack: str = "auto"):  # type: ignore[no-untyped-def]
    report = check([path], CheckOptions(isolate=False, pack=pack))
    return report, report.documents[0]


def mark_up(source: Path, target: Path, report, doc, suggest_edits: bool = False) -> None:  # type: ignore[no-untyped-def]
    """Write the marked-up copy from a reading of the source, as a worker does."""
    reading = read_for_copy(source, ParseOptions())
    if reading.document.format == "pdf":
        annotate_pdf(reading, target, doc, report.rules)
    else:
        annotate_docx(reading, target, doc, report.rules, options=ParseOptions(), suggest_edits=suggest_edits)


def anchored_text(path: Path) -> dict[str, str]:
    """Comment text -> the text of the paragraph(s) its range covers."""
    return {comment: text for text, comment in comment_anchors(path)}


@pytest.mark.parametrize("source", CORPUS_DOCX, ids=[s.name for s in CORPUS_DOCX])
def test_every_gap_is_a_comment_on_its_evidence_and_edits_fix_it(source: Path, tmp_path: Path) -> None:
    before = digest(source)
    report, doc = checked(source)
    target = tmp_path / source.name
    mark_up(source, target, report, doc, suggest_edits=True)
    assert digest(source) == before
    shown = [f for f in doc.findings if f.status in {"gap", "review"}]
    comments = docx.Document(str(target)).comments
    assert len(comments) == len(shown)
    assert all(c.author == "agreement-check" and c.initials == "AC" for c in comments)
    anchors = anchored_text(target)
    for finding in shown:
        title = report.rules[finding.rule].heading(finding.status)
        anchor = next(
            text for comment, text in anchors.items() if comment.startswith(("Gap: " + title, "To check: " + title))
        )
        if finding.evidence:
            assert finding.evidence[0].text.split(" | ")[0][:40] in anchor
    # Word's "accept all changes": the reader keeps insertions and drops deletions
    _, after = checked(target, pack=doc.pack)
    still = {f.rule for f in after.findings if f.status in {"gap", "review"}}
    assert not still & {f.rule for f in shown if f.status == "gap"}


def test_copy_keeps_formatting_tracked_changes_and_existing_comments(tmp_path: Path) -> None:
    body = (
        '<w:p><w:r><w:t xml:space="preserve">The Council may terminate this Agreement for any reason on one month\'s notice.</w:t></w:r>'
        '<w:ins w:id="7" w:author="Legal"><w:r><w:t> Inserted by legal.</w:t></w:r></w:ins></w:p>'
        + '<w:p><w:commentRangeStart w:id="3"/><w:r><w:t>Existing commented text.</w:t></w:r><w:commentRangeEnd w:id="3"/>'
        + '<w:r><w:commentReference w:id="3"/></w:r></w:p>'
    )
    comments = f'<?xml version="1.0"?><w:comments {NS}><w:comment w:id="3" w:author="Reviewer" w:initials="R">{p("Please check.")}</w:comment></w:comments>'
    source = make_docx(tmp_path / "in.docx", body, extra_parts={"word/comments.xml": comments.encode()})
    report, doc = checked(source, pack="leeds-compact")
    target = tmp_path / "out.docx"
    mark_up(source, target, report, doc)
    with zipfile.ZipFile(source) as a, zipfile.ZipFile(target) as b:
        assert a.read("word/styles.xml") == b.read("word/styles.xml")
        assert b'w:author="Legal"' in b.read("word/document.xml")
    authors = [c.author for c in docx.Document(str(target)).comments]
    assert "Reviewer" in authors and authors.count("agreement-check") >= 2


def test_missing_provision_is_commented_on_its_section_heading(tmp_path: Path) -> None:
    body = (
        '<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t>Grant Agreement</w:t></w:r></w:p>'
        '<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Disputes</w:t></w:r></w:p>'
        + p("The parties will try to settle disagreements informally.")
    )
    source = make_docx(tmp_path / "in.docx", body)
    report, doc = checked(source, pack="leeds-compact")
    target = tmp_path / "out.docx"
    mark_up(source, target, report, doc)
    anchors = anchored_text(target)
    mediation = next(text for comment, text in anchors.items() if "mediation and dispute resolution" in comment)
    assert mediation == "Disputes"
    equality = next(text for comment, text in anchors.items() if comment.startswith("Gap: No equality duties"))
    assert equality == "Grant Agreement"


def test_pdf_copy_has_highlights_over_the_evidence_and_notes(tmp_path: Path) -> None:
    source = SAMPLES / "healthy-neighbourhoods-offer-letter.pdf"
    before = digest(source)
    report, doc = checked(source)
    target = tmp_path / "offer.pdf"
    mark_up(source, target, report, doc)
    assert digest(source) == before
    annotations = [a.get_object() for page in PdfReader(str(target)).pages for a in (page.get("/Annots") or [])]
    highlights = [a for a in annotations if a["/Subtype"] == "/Highlight"]
    notes = [a for a in annotations if a["/Subtype"] == "/Text"]
    shown = [f for f in doc.findings if f.status in {"gap", "review"}]
    assert len(notes) == len(shown)
    assert len(highlights) >= sum(1 for f in shown if f.evidence)  # missing provisions: on the heading or title
    notice = next(a for a in highlights if "six months' notice" in str(a["/Contents"]))
    assert len(notice["/QuadPoints"]) % 8 == 0 and len(notice["/QuadPoints"]) >= 8


def test_cli_writes_copies_and_refuses_to_overwrite_the_original(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from agreement_check.cli.main import cli

    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SAMPLES / "youth-outreach-sla.docx", folder / "sla.docx")
    result = CliRunner().invoke(
        cli, ["check", str(folder), "--annotate", str(tmp_path / "out"), "--fail-on", "never", "-q"]
    )
    assert result.exit_code == 0
    assert (tmp_path / "out" / "sla.docx").is_file()
    result = CliRunner().invoke(
        cli, ["check", str(folder), "--annotate-suffix", ".checked", "--fail-on", "never", "-q"]
    )
    assert (folder / "sla.checked.docx").is_file()
    before = digest(folder / "sla.docx")
    result = CliRunner().invoke(
        cli, ["check", str(folder / "sla.docx"), "--annotate", str(folder), "--fail-on", "never", "-q"]
    )
    assert result.exit_code != 0 and "would overwrite" in str(result.exception)
    assert digest(folder / "sla.docx") == before


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed (.ci/run installs it)")
def test_libreoffice_opens_the_marked_up_copy(tmp_path: Path) -> None:
    source = SAMPLES / "youth-outreach-sla.docx"
    report, doc = checked(source)
    target = tmp_path / "sla.docx"
    mark_up(source, target, report, doc, suggest_edits=True)
    done = subprocess.run(
        [
            "soffice",
            "--headless",
            "--norestore",
            f"-env:UserInstallation=file://{tmp_path / 'lo'}",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(target),
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "sla.pdf").stat().st_size > 5000
