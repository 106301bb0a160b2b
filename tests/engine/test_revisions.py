"""What pending tracked changes do to each finding: one opens a gap, one closes a gap,
one does not matter (and so adds nothing)."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from agreement_check.api import CheckOptions, check
from agreement_check.parsers import ParseOptions
from agreement_check.report import DocumentResult, Report
from tests.conftest import REPO
from tests.tracked import plain_agreement, tracked_agreement

SCHEMA = json.loads((REPO / "src/agreement_check/schemas/report.schema.json").read_text())
NOTICE, MEDIATION, EXPENSES = (
    "leeds-compact/termination-notice",
    "leeds-compact/mediation-reference",
    "leeds-compact/volunteer-expenses",
)


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Report:
    path = tracked_agreement(tmp_path_factory.mktemp("rev") / "tracked.docx")
    return check([path], CheckOptions(jobs=1, isolate=False, pack="leeds-compact"))


def findings(report: Report) -> dict[str, dict]:  # type: ignore[type-arg]
    data = report.to_dict()
    jsonschema.validate(data, SCHEMA)
    return {f["rule"]: f for f in data["documents"][0]["findings"]}


def test_a_change_that_opens_a_gap(report: Report) -> None:
    notice = findings(report)[NOTICE]
    assert notice["status"] == "gap" and notice["values"]["notice"] == "P1M"
    original = notice["revisions"]["original"]
    assert original["status"] == "met" and original["values"]["notice"] == "P6M"
    assert "six (6) months'" in original["evidence"][0]["text"]
    changes = notice["revisions"]["changes"]
    assert [(c["kind"], c["author"], c["text"]) for c in changes] == [
        ("deletion", "Alice Reed", "six (6) months'"),
        ("insertion", "Alice Reed", "one month's"),
    ]
    assert changes[0]["date"] == "2026-11-02T09:30:00Z" and changes[0]["location"]["clause"] == "7"


def test_a_change_that_closes_a_gap(report: Report) -> None:
    mediation = findings(report)[MEDIATION]
    assert mediation["status"] == "met" and mediation["revisions"]["original"]["status"] == "gap"
    assert {c["author"] for c in mediation["revisions"]["changes"]} == {"Bob Okafor"}


def test_a_change_that_does_not_matter_adds_nothing(report: Report) -> None:
    """Alice's words in clause 4 are in the evidence, but status and values are the same."""
    found = findings(report)
    assert "of the project" in found[EXPENSES]["evidence"][0]["text"]
    assert [rule for rule, f in found.items() if "revisions" in f] == [MEDIATION, NOTICE]


def test_revisions_survive_the_result_cache(report: Report) -> None:
    doc = report.documents[0]
    again = DocumentResult.from_dict(json.loads(json.dumps(doc.to_cache_dict())))
    assert again.to_dict() == doc.to_dict()
    assert again.findings == doc.findings


def test_one_reading_asked_for_is_the_main_one_without_revisions(tmp_path: Path) -> None:
    path = tracked_agreement(tmp_path / "tracked.docx")
    for mode, notice in (("accepted", "gap"), ("original", "met")):
        options = CheckOptions(jobs=1, isolate=False, pack="leeds-compact", parse=ParseOptions(revisions=mode))
        found = findings(check([path], options))
        assert found[NOTICE]["status"] == notice
        assert not any("revisions" in f for f in found.values())


def test_a_document_without_changes_is_read_once_and_carries_no_revisions(tmp_path: Path) -> None:
    found = findings(check([plain_agreement(tmp_path / "plain.docx")], CheckOptions(jobs=1, isolate=False)))
    assert found[NOTICE]["status"] == "gap" and not any("revisions" in f for f in found.values())
