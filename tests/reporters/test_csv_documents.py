"""`--format csv-documents`: one row per document with the facts a commissioner compares."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from pathlib import Path

import pytest

from agreement_check.api import CheckOptions, check
from agreement_check.report import Report
from agreement_check.reporters import get_reporter
from agreement_check.reporters.csv_documents import COLUMNS
from agreement_check.reporters.facts import document_facts, duration_words
from tests.cli.test_main import COMPLIANT
from tests.robustness.test_output_injection import FORMULA, HOSTILE_NAME, hostile_report


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> Report:
    root = tmp_path_factory.mktemp("batch")
    (root / "good.txt").write_text(COMPLIANT, encoding="utf-8")
    (root / "good-copy.txt").write_text(COMPLIANT, encoding="utf-8")
    short = COMPLIANT.replace("six (6) months'", "three (3) months'").replace(
        "Compact Mediation", "independent mediation"
    )
    no_overheads = short.replace(
        "The Grant may include a proportionate share of the Organisation's overhead costs on a full cost recovery basis.",
        "Overheads and central costs of the Organisation are not eligible.",
    ).replace("The Grant Period starts on 1 April 2025 and ends on 31 March 2027. ", "")
    (root / "short.txt").write_text(short, encoding="utf-8")
    (root / "lean.txt").write_text(no_overheads, encoding="utf-8")
    (root / "broken.pdf").write_bytes(b"%PDF-1.4 broken")
    return check([root], CheckOptions(jobs=1, pack="leeds-compact"))


def rows(report: Report) -> dict[str, dict[str, str]]:
    table = list(csv.DictReader(io.StringIO(get_reporter("csv-documents").render(report))))
    assert list(table[0]) == COLUMNS
    return {Path(r["path"]).name: r for r in table}


def test_one_row_per_document_with_its_facts(batch: Report) -> None:
    table = rows(batch)
    assert sorted(table) == ["broken.pdf", "good-copy.txt", "good.txt", "lean.txt", "short.txt"]
    good, short, lean = table["good.txt"], table["short.txt"], table["lean.txt"]
    assert (good["status"], good["pack"], good["gaps_error"], good["gaps_warning"]) == (
        "checked",
        "leeds-compact",
        "0",
        "0",
    )
    assert (good["notice_days"], good["notice"], good["overhead_position"]) == ("183", "P6M", "permitted")
    assert good["funding_period"] == "P24M"  # 1 April 2025 to 31 March 2027
    assert (short["notice_days"], short["notice"], short["gaps_error"]) == ("91", "P3M", "2")
    assert lean["overhead_position"] == "prohibited" and lean["funding_period"] == ""
    assert int(lean["gaps_error"]) == 3 and int(lean["gaps_warning"]) >= 1  # notice, mediation, overheads; period


def test_a_document_not_read_has_its_error_code_and_no_facts(batch: Report) -> None:
    broken = rows(batch)["broken.pdf"]
    assert broken["status"] == "error" and broken["error_code"] in {"corrupt", "no-text-layer"}
    assert broken["error_message"] and broken["notice_days"] == broken["gaps_error"] == ""


def test_a_note_on_a_document_has_its_column(batch: Report) -> None:
    note = "a pattern took too long on this document and was skipped"
    noted = replace(batch, documents=tuple(replace(d, warnings=(note, "second")) for d in batch.documents))
    assert rows(noted)["good.txt"]["notes"] == f"{note} | second"
    assert rows(batch)["good.txt"]["notes"] == ""


def test_identical_documents_name_each_other(batch: Report) -> None:
    table = rows(batch)
    assert table["good.txt"]["same_as"].endswith("good-copy.txt")
    assert table["good-copy.txt"]["same_as"].endswith("good.txt")
    assert table["short.txt"]["same_as"] == ""


def test_a_gap_accepted_by_the_baseline_is_counted_apart(batch: Report) -> None:
    class AcceptAll:
        def reason_for(self, path: str, finding: object) -> str:
            return "agreed with the funder"

    accepted = batch.accept(AcceptAll())
    assert rows(accepted)["short.txt"]["accepted_gaps"] == rows(batch)["short.txt"]["gaps_error"]
    assert rows(batch)["short.txt"]["accepted_gaps"] == "0"


def test_cells_a_spreadsheet_would_evaluate_are_neutralised() -> None:
    report = hostile_report(path=FORMULA)
    output = get_reporter("csv-documents").render(report)
    cells = [cell for row in csv.reader(io.StringIO(output)) for cell in row]
    assert not [c for c in cells if c.lstrip()[:1] in {"=", "+", "-", "@", "\t", "\r"}]
    assert f"'{FORMULA}" in cells and f"'-{FORMULA}" in cells
    assert HOSTILE_NAME not in output


@pytest.mark.parametrize(
    ("iso", "words"),
    [
        ("P3M", "3 months"),
        ("P1M", "1 month"),
        ("P1Y6M", "1 year 6 months"),
        ("P26W", "26 weeks"),
        ("", ""),
        ("soon", ""),
    ],
)
def test_durations_in_words(iso: str, words: str) -> None:
    assert duration_words(iso) == words


def test_a_notice_of_none_is_not_a_missing_notice(batch: Report) -> None:
    good = next(d for d in batch.documents if d.path.endswith("good.txt"))
    assert document_facts(good).notice_words == "6 months"
    finding = next(f for f in good.findings if f.rule.endswith("termination-notice"))
    none_set = replace(good, findings=(replace(finding, values={"notice": "P0D", "notice_days": 0}),))
    assert document_facts(none_set).notice_words == "none set"
    assert document_facts(replace(good, findings=())).notice_words == ""
