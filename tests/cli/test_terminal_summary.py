"""The terminal always gets the summary line and the documents that could not be read,
whatever --format and --output say: on stderr when stdout is a report; --quiet silences it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from agreement_check.cli.main import cli
from tests.cli.test_main import COMPLIANT


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "offer.txt").write_text(COMPLIANT.replace("six (6) months'", "one month's"), encoding="utf-8")
    (docs / "scan.pdf").write_bytes(b"%PDF-1.4 not really a PDF")
    return docs


def check(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, ["check", "--pack", "leeds-compact", "-j", "1", *args], catch_exceptions=False)


def test_json_on_stdout_stays_clean_and_the_summary_goes_to_stderr(folder: Path) -> None:
    result = check(str(folder), "--format", "json")
    assert json.loads(result.stdout)["summary"]["errors"] == 1  # stdout is the report and nothing else
    assert "Summary: 2 documents, 1 checked, 1 could not be read, 1 gap." in result.stderr
    assert "scan.pdf could not be read (" in result.stderr


def test_every_report_to_a_file_still_tells_the_terminal(folder: Path, tmp_path: Path) -> None:
    result = check(
        str(folder),
        "--format",
        "json",
        "-o",
        str(tmp_path / "r.json"),
        "--format",
        "html",
        "-o",
        str(tmp_path / "r.html"),
    )
    assert (tmp_path / "r.json").exists() and (tmp_path / "r.html").exists()
    assert "Summary: 2 documents, 1 checked, 1 could not be read, 1 gap." in result.stdout
    assert "scan.pdf could not be read" in result.stdout


def test_a_text_report_on_stdout_is_not_followed_by_a_second_summary(folder: Path) -> None:
    result = check(str(folder))
    assert result.stdout.count("Summary: ") == 1
    assert "Summary: " not in result.stderr


def test_quiet_silences_the_terminal_summary(folder: Path, tmp_path: Path) -> None:
    to_file = check(str(folder), "-q", "--format", "json", "-o", str(tmp_path / "r.json"))
    on_stdout = check(str(folder), "-q", "--format", "json")
    assert to_file.stdout == "" and "Summary" not in to_file.stderr
    assert "Summary" not in on_stdout.stderr and json.loads(on_stdout.stdout)
