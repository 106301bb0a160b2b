"""Hostile text in documents and file names: every output shows it and none obeys it.

A document can carry terminal escape sequences, GitHub workflow commands, spreadsheet
formulas, Markdown that opens fences or images, and characters XML forbids; a file name
can carry control characters and leading dots. Each test builds such input in code and
reads the output the way its consumer would (a terminal, a CI runner, a spreadsheet, a
Markdown renderer, an XML parser)."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree as ET

import lxml.html
import pytest
from markdown_it import MarkdownIt

from agreement_check.model import Location
from agreement_check.report import DocumentResult, Evidence, Finding, Report, RuleInfo, Ruleset
from agreement_check.reporters import get_reporter
from tests.cli.test_main import COMPLIANT

CHECKER = str(Path(sys.executable).with_name("agreement-check"))

ESCAPES = "\x1b[2J\x1b]0;owned\x07\x1b]8;;https://evil.example/\x1b\\click\x1b]8;;\x1b\\ \x9b31m \x07"
COMMANDS = "::warning file=a.docx::injected ##[error]old-style ::add-mask::secret"
FORMULA = '=HYPERLINK("https://evil.example/","click")'
MARKUP = "```\n# Heading\n<img src=https://evil.example/p.png>\n![x](https://evil.example/i.png)\n<script>x</script>"
XML_FORBIDDEN = "\x00\x01\x08\x0b\x0c\x1f\ufffe\uffff"
HOSTILE = f"{ESCAPES} {COMMANDS} {MARKUP} {XML_FORBIDDEN} The Council may end this Agreement."
HOSTILE_NAME = "::warning::e\x1b[31mvil\x07.docx"

CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
XML_BAD = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
RULE = "leeds-compact/termination-notice"


def hostile_report(path: str = HOSTILE_NAME) -> Report:
    where = Location(block=3, clause="7", heading=(f"Ending {MARKUP}",), page=2)
    finding = Finding(
        rule=RULE,
        status="gap",
        severity="error",
        message=f"The funder may end it on 1 month's notice {FORMULA} ({where.describe()}).",
        reference="Compact",
        evidence=(Evidence(HOSTILE, where),),
        values={"notice": "P1M"},
        suggestion="Six months' notice.",
    )
    formula_first = Finding(RULE.replace("termination-notice", "overheads"), "review", "warning", FORMULA, "Compact")
    checked = DocumentResult(
        path=path,
        status="checked",
        sha256="0" * 64,
        pack="leeds-compact",
        findings=(finding, formula_first),
        warnings=(f"a pattern took too long on this document and was skipped: {COMMANDS}",),
    )
    broken = DocumentResult(path=f"-{path}", status="error", error_code="corrupt", error_message=HOSTILE)
    info = RuleInfo(RULE, "Notice", "error", "Six months.", "1.4", "Quote", "Compact for Leeds", "Ask")
    return Report((checked, broken), (Ruleset("leeds-compact", "1", "rules/leeds-compact"),), {RULE: info})


def assert_safe_for_a_terminal(output: str) -> None:
    assert not CONTROL.findall(output), CONTROL.findall(output)
    starts = [line for line in output.splitlines() if line.lstrip(" ").startswith(("::", "##["))]
    assert not starts, starts


def test_text_report_strips_escapes_and_never_starts_a_line_with_a_command() -> None:
    for width in (40, 60, 100):  # wherever Rich wraps the evidence
        reporter = get_reporter("text", verbose=True)
        reporter.width = width  # type: ignore[attr-defined]
        output = reporter.render(hostile_report())
        assert_safe_for_a_terminal(output)
        assert "injected" in output and "HYPERLINK" in output  # shown, not dropped
    assert "\\x1b[31mvil\\x07.docx" in output  # a control character in a name is shown escaped


def test_check_and_extract_on_a_hostile_document(tmp_path: Path) -> None:
    name = "::error::e\x1b]0;x\x07vil.txt"
    text = COMPLIANT.replace("7. The Council may end", f"7. {ESCAPES} {COMMANDS} The Council may end")
    (tmp_path / name).write_text(text.replace("six (6) months'", "one month's"), encoding="utf-8")
    for args in (["check", "--pack", "leeds-compact", "--verbose"], ["extract"], ["extract", "--provisions"]):
        result = subprocess.run([CHECKER, *args, "--", name], cwd=tmp_path, capture_output=True, text=True, timeout=300)
        assert result.returncode in {0, 1}, result.stderr
        assert_safe_for_a_terminal(result.stdout)
        assert "injected" in result.stdout or args == ["extract", "--provisions"]
    result = subprocess.run(
        [CHECKER, "extract", "--format", "json", "--", name], cwd=tmp_path, capture_output=True, text=True, timeout=300
    )
    assert not CONTROL.findall(result.stdout.replace("\n", ""))
    blocks = json.loads(result.stdout)[0]["blocks"]
    assert any("\x1b]0;owned\x07" in b["text"] for b in blocks)  # the data itself is unchanged


def test_extract_error_line_shows_the_name_escaped(tmp_path: Path) -> None:
    name = "bad\x1b[2Jname.pdf"
    (tmp_path / name).write_bytes(b"%PDF-1.4 broken")
    result = subprocess.run([CHECKER, "extract", "--", name], cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert result.returncode == 3
    assert_safe_for_a_terminal(result.stderr)
    assert "bad\\x1b[2Jname.pdf" in result.stderr


def test_csv_cells_that_a_spreadsheet_would_evaluate_are_neutralised() -> None:
    output = get_reporter("csv").render(hostile_report())
    rows = list(csv.reader(io.StringIO(output)))
    cells = [cell for row in rows for cell in row]
    assert not [c for c in cells if c.startswith(("=", "+", "-", "@", "\t", "\r"))]
    assert not [c for c in cells if c.lstrip()[:1] in {"=", "+", "-", "@"}]
    assert f"'{FORMULA}" in cells and f"'-{HOSTILE_NAME}" in cells
    quoted = csv.reader(io.StringIO(output), quoting=csv.QUOTE_NONNUMERIC)  # an unquoted cell would be a float
    assert all(isinstance(cell, str) for row in quoted for cell in row)


def test_markdown_cannot_open_fences_headings_images_or_html() -> None:
    report = hostile_report()
    html = MarkdownIt("commonmark", {"html": True}).enable("table").render(get_reporter("markdown").render(report))
    shown = sum(f.status in {"gap", "review"} for d in report.documents for f in d.findings)
    assert html.count("<h1>") == 1 and html.count("<h2>") == len(report.documents) and html.count("<h3>") == shown
    for tag in ("<img", "<script", "<pre", "<code", "<a "):
        assert tag not in html, tag
    assert "&lt;img src=https://evil.example/p.png&gt;" in html  # shown as text


def test_xml_formats_drop_forbidden_characters() -> None:
    report = hostile_report()
    junit = get_reporter("junit").render(report)
    ET.fromstring(junit.encode("utf-8"))  # expat refuses any character XML 1.0 forbids
    assert "injected" in junit and "a pattern took too long" in junit
    html = get_reporter("html").render(report)
    assert not XML_BAD.findall(html) and "\x1b" not in html
    assert not lxml.html.fromstring(html).xpath("//img")
    sarif = get_reporter("sarif").render(report)
    strings = re.findall(r'"((?:[^"\\]|\\.)*)"', sarif)
    assert not [s for s in strings if XML_BAD.search(json.loads(f'"{s}"'))]


def test_sarif_uris_are_percent_encoded_and_keep_leading_dots() -> None:
    paths = {
        ".github/templates/a b#1.docx": ".github/templates/a%20b%231.docx",
        "../shared/offer.docx": "../shared/offer.docx",
        "./x/%41:b.docx": "x/%2541%3Ab.docx",
        "/abs/ü.docx": "file:///abs/%C3%BC.docx",
        HOSTILE_NAME: "%3A%3Awarning%3A%3Ae%1B%5B31mvil%07.docx",
    }
    for path, uri in paths.items():
        sarif = json.loads(get_reporter("sarif").render(hostile_report(path)))
        run = sarif["runs"][0]
        located = [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]]
        assert set(located) == {uri}, path
        notified = run["invocations"][0]["toolExecutionNotifications"]
        notes = [n for n in notified if n["level"] == "warning"]
        assert [n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for n in notes] == [uri]


def test_github_annotations_carry_no_control_characters() -> None:
    output = get_reporter("github").render(hostile_report())
    assert not CONTROL.findall(output.replace("\n", ""))
    assert all(line.startswith("::") for line in output.splitlines())
    assert len(output.splitlines()) == 4  # a note, a gap, a finding to check and an unreadable document


def test_messages_about_settings_and_baselines_show_their_text_escaped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A settings file and a baseline are repository content: the names they carry reach
    stderr escaped, never as control sequences."""
    from tests.cli.test_main import run_main

    (tmp_path / ".git").mkdir()
    (tmp_path / "offer.txt").write_text(COMPLIANT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    settings = tmp_path / ".agreement-check.toml"
    for text, shown in (
        ('"fail\\u001b[2Jon" = "never"\n', "fail\\x1b[2Jon"),
        ('output = ["../\\u001b]0;owned\\u0007.json"]\n', "\\x1b]0;owned\\x07.json"),
    ):
        settings.write_text(text, encoding="utf-8")
        code, err = run_main(["check", "offer.txt"], monkeypatch, capsys)
        assert code == 2 and shown in err, err
        assert_safe_for_a_terminal(err)
    (tmp_path / ".agreement-check.toml").unlink()
    baseline = tmp_path / "accepted.yaml"
    baseline.write_text(
        'accepted:\n  - {path: "gone\\e[2J.docx", rule: "x\\e]0;t\\a", fingerprint: "0", reason: "ok"}\n',
        encoding="utf-8",
    )
    code, err = run_main(["check", "--baseline", str(baseline), "offer.txt"], monkeypatch, capsys)
    assert code == 0 and "stale entry" in err and "gone\\x1b[2J.docx" in err
    assert_safe_for_a_terminal(err)
