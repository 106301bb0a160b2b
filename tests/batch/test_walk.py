"""Every file named: a folder walk checks the agreements and names every other file with
its reason; a re-run over a folder holding the last run's reports and marked-up copies
checks only the originals; files named on the command line are always checked."""

from __future__ import annotations

import json
import os
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from agreement_check.api import CheckOptions, check
from agreement_check.batch.walk import collect
from agreement_check.cli.main import cli
from agreement_check.reporters import get_reporter
from tests.cli.test_main import SCHEMA
from tests.test_provenance import COMPLIANT, agreement_docx, agreement_pdf

REPORTS = [("json", "report.json"), ("markdown", "report.md"), ("text", "report.txt"), ("html", "report.html")]
REPORTS += [("csv", "report.csv"), ("sarif", "report.sarif"), ("junit", "report.xml")]


def run(args: list[str]):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, args, catch_exceptions=False)


def reasons(skipped: list[dict[str, str]]) -> dict[str, str]:
    """File name -> reason code, from the JSON report's `skipped`."""
    return {Path(entry["path"]).name: entry["reason"] for entry in skipped}


@pytest.fixture
def contracts(tmp_path: Path) -> Path:
    folder = tmp_path / "contracts"
    folder.mkdir()
    agreement_docx(folder / "offer.docx")
    agreement_pdf(folder / "grant.pdf")
    (folder / "terms.txt").write_text(COMPLIANT, encoding="utf-8")
    return folder


def test_a_rerun_checks_only_the_originals_and_names_the_rest(contracts: Path) -> None:
    args = ["check", str(contracts), "--jobs", "1", "--annotate-suffix", "-marked"]
    for fmt, name in REPORTS:
        args += ["--format", fmt, "--output", str(contracts / name)]
    originals = ["grant.pdf", "offer.docx", "terms.txt"]
    first = run(args)
    assert first.exit_code in {0, 1}, first.output
    assert [Path(d["path"]).name for d in json.loads((contracts / "report.json").read_text())["documents"]] == originals
    # a user renames a copy to send it on, and a report to keep it
    (contracts / "offer-marked.docx").rename(contracts / "offer for the funder.docx")
    (contracts / "report.md").rename(contracts / "summary.md")
    (contracts / "report.txt").rename(contracts / "notes.txt")
    second = run(args)
    assert second.exit_code in {0, 1}, second.output
    report = json.loads((contracts / "report.json").read_text())
    jsonschema.validate(report, SCHEMA)
    assert [Path(d["path"]).name for d in report["documents"]] == originals
    ours = ["grant-marked.pdf", "notes.txt", "offer for the funder.docx", "summary.md"]
    ours += [name for _, name in REPORTS if name not in {"report.md", "report.txt"}]
    assert reasons(report["skipped"]) == {name: "own-output" for name in ours}
    assert report["summary"]["skipped"] == len(ours)
    # with nothing to write, the walk knows them by their marks alone
    third = json.loads(run(["check", str(contracts), "--jobs", "1", "--format", "json"]).stdout)
    assert [Path(d["path"]).name for d in third["documents"]] == originals
    assert set(reasons(third["skipped"])) == set(ours) | {"offer-marked.docx", "report.md", "report.txt"}


def test_lock_files_other_types_hidden_files_links_and_exclusions_are_named(contracts: Path) -> None:
    (contracts / "~$offer.docx").write_bytes(b"\x05alice" + b" " * 48)
    (contracts / ".~lock.terms.odt#").write_text(",alice,host,01.12.2026 10:00,file:///home/alice;")
    (contracts / "budget.xlsx").write_bytes(b"PK\x03\x04")
    (contracts / "logo.png").write_bytes(b"\x89PNG")
    (contracts / "data.json").write_text('{"name": "not ours"}')
    (contracts / ".DS_Store").write_bytes(b"\0")
    (contracts / ".git").mkdir()
    (contracts / ".git" / "HEAD").write_text("ref: refs/heads/main")
    (contracts / "drafts").mkdir()
    (contracts / "drafts" / "old.txt").write_text(COMPLIANT)
    os.symlink(contracts / "terms.txt", contracts / "link.txt")
    os.symlink(contracts / "drafts", contracts / "linked-folder")
    os.mkfifo(contracts / "pipe.txt")
    found = collect([contracts], exclude=("drafts/*",))
    assert [p.name for p in found.files] == ["grant.pdf", "offer.docx", "terms.txt"]
    assert {Path(s.path).name: s.reason for s in found.skipped} == {
        "~$offer.docx": "lock-file",
        ".~lock.terms.odt#": "lock-file",
        "budget.xlsx": "unsupported-type",
        "logo.png": "unsupported-type",
        "data.json": "unsupported-type",
        ".DS_Store": "hidden",
        ".git": "hidden",
        "old.txt": "excluded",
        "link.txt": "link",
        "linked-folder": "link",
        "pipe.txt": "not-a-file",
    }
    assert [s.path for s in found.skipped] == sorted(s.path for s in found.skipped)


def test_files_named_on_the_command_line_are_checked_whatever_they_are(contracts: Path) -> None:
    """The walk decides what a folder holds; a file the user names is read as asked, so
    its own error (or a note, for one of our outputs) speaks for it."""
    first = check([contracts], CheckOptions(isolate=False, marked_copies=_suffix("-marked")))
    assert first.summary()["checked"] == 3
    lock = contracts / "~$offer.docx"
    lock.write_bytes(b"\x05alice" + b" " * 48)
    spreadsheet = contracts / "budget.xlsx"
    spreadsheet.write_bytes(_xlsx())
    named = [contracts / "offer-marked.docx", lock, spreadsheet]
    report = check(named, CheckOptions(isolate=False))
    assert not report.skipped
    by_name = {Path(d.path).name: d for d in report.documents}
    assert by_name["offer-marked.docx"].status == "checked"
    assert "marked-up copy that agreement-check wrote" in by_name["offer-marked.docx"].warnings[0]
    assert by_name["budget.xlsx"].error_code == "unsupported-format"
    assert by_name["~$offer.docx"].status == "error"


HOSTILE = ["\x1b[31mred\x1b[0m.xlsx", "=HYPERLINK(x).xlsx", "<img src=x onerror=alert(1)>.xlsx", "# [link](x) `.xlsx"]


@pytest.mark.parametrize("fmt", ["text", "markdown", "html", "csv", "json"])
def test_hostile_file_names_are_safe_in_every_format(fmt: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "terms.txt").write_text(COMPLIANT, encoding="utf-8")
    for name in HOSTILE:
        (tmp_path / name).write_bytes(b"x")
    monkeypatch.chdir(tmp_path)  # `check .`: a path is then the bare name
    report = check(["."], CheckOptions(isolate=False))
    assert len(report.skipped) == len(HOSTILE)
    shown = get_reporter(fmt).render(report)
    assert "\x1b" not in shown or fmt == "csv"  # a spreadsheet shows control characters as they are
    if fmt == "html":
        assert "<img" not in shown and "&lt;img src=x" in shown
    elif fmt == "markdown":
        assert "[link](x)" not in shown and "\\[link\\](x) \\`" in shown
    elif fmt == "csv":
        assert '"=HYPERLINK' not in shown and "\"'=HYPERLINK" in shown
        assert shown.count('"skipped"') == len(HOSTILE)
    elif fmt == "json":
        assert {s["path"] for s in json.loads(shown)["skipped"]} == set(HOSTILE)
    elif fmt == "text":
        assert "Not checked: 4 other files in the folders" in shown
        assert shown.rstrip().splitlines()[-1].endswith("4 other files in the folders not checked.")


def _suffix(suffix: str):  # type: ignore[no-untyped-def]
    from agreement_check.annotate.targets import MarkedCopies

    return MarkedCopies(suffix=suffix)


def _xlsx() -> bytes:
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("xl/workbook.xml", "<workbook/>")
    return buffer.getvalue()
