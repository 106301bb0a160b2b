from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from xml.etree import ElementTree

import jsonschema
from junitparser import Error, Failure, JUnitXml

from agreement_check.report import Report
from agreement_check.reporters import get_reporter

SCHEMAS = Path(__file__).resolve().parents[1] / "schemas"


def test_sarif_validates_against_the_official_schema(report: Report) -> None:
    sarif = json.loads(get_reporter("sarif").render(report))
    schema = json.loads((SCHEMAS / "sarif-schema-2.1.0.json").read_text())
    jsonschema.Draft4Validator(schema).validate(sarif)
    run = sarif["runs"][0]
    rule_ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert len(rule_ids) == 13 and "leeds-compact/termination-notice" in rule_ids
    results = run["results"]
    assert {r["ruleId"] for r in results} == {"leeds-compact/termination-notice", "leeds-compact/mediation-reference"}
    notice = next(r for r in results if r["ruleId"].endswith("termination-notice"))
    assert notice["level"] == "error" and notice["properties"]["clause"] == "7"
    assert notice["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith("short-notice.txt")
    assert run["tool"]["driver"]["rules"][notice["ruleIndex"]]["id"] == notice["ruleId"]
    assert not run["invocations"][0]["executionSuccessful"]
    assert (
        "no-text-layer" in run["invocations"][0]["toolExecutionNotifications"][0]["message"]["text"]
        or "corrupt" in run["invocations"][0]["toolExecutionNotifications"][0]["message"]["text"]
    )


def test_junit_parses_with_failures_and_errors(report: Report, tmp_path: Path) -> None:
    path = tmp_path / "results.xml"
    path.write_text(get_reporter("junit").render(report), encoding="utf-8")
    xml = JUnitXml.fromfile(str(path))
    suites = {suite.name.rsplit("/", 1)[-1]: suite for suite in xml}
    assert set(suites) == {"broken.pdf", "good.txt", "short-notice.txt"}
    assert suites["good.txt"].tests == 13 and suites["good.txt"].failures == 0
    failures = [case for case in suites["short-notice.txt"] if any(isinstance(r, Failure) for r in case.result)]
    assert sorted(case.name for case in failures) == [
        "leeds-compact/mediation-reference",
        "leeds-compact/termination-notice",
    ]
    errors = [case for case in suites["broken.pdf"] if any(isinstance(r, Error) for r in case.result)]
    assert len(errors) == 1


def test_csv_has_one_row_per_document_and_rule(report: Report) -> None:
    rows = list(csv.DictReader(io.StringIO(get_reporter("csv").render(report))))
    assert len(rows) == 1 + 13 + 13
    notice = next(
        r for r in rows if r["path"].endswith("short-notice.txt") and r["rule"].endswith("termination-notice")
    )
    assert notice["status"] == "gap" and "notice_days=30" in notice["values"] and notice["clause"] == "7"


def test_markdown_lists_gaps_with_what_to_ask_for(report: Report) -> None:
    text = get_reporter("markdown").render(report)
    assert "| Document | Pack | Gaps |" in text
    assert "### Gap: No six months' notice before the funder can end the agreement (high priority)" in text
    assert "**Ask for these first:**" in text
    assert "**What to ask for:**" in text
    assert "could not be read" in text


def test_html_is_self_contained(report: Report) -> None:
    html = get_reporter("html").render(report)
    assert "<script src" not in html and "<link" not in html and "http://" not in html.replace("http://www.w3.org", "")
    assert html.count("<tr>") >= 4
    assert "What to ask for:" in html and "short-notice.txt" in html


def test_a_note_on_a_document_reaches_every_format(report: Report) -> None:
    """A skipped pattern means findings may be incomplete; every audience must be told."""
    from dataclasses import replace

    from tests.cli.test_main import SCHEMA

    note = "a pattern took too long on this document and was skipped: (a+)+$"
    documents = tuple(replace(d, warnings=(note,)) if d.status == "checked" else d for d in report.documents)
    noted = replace(report, documents=documents)
    checked = [d.path for d in documents if d.status == "checked"]
    data = json.loads(get_reporter("json").render(noted))
    jsonschema.validate(data, SCHEMA)
    assert [d["warnings"] for d in data["documents"] if d["status"] == "checked"] == [[note]] * len(checked)
    sarif = json.loads(get_reporter("sarif").render(noted))
    notified = sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert sum(n["level"] == "warning" and note in n["message"]["text"] for n in notified) == len(checked)
    junit = ElementTree.fromstring(get_reporter("junit").render(noted).encode())
    errs = {suite.get("name"): suite.findtext("system-err") or "" for suite in junit.iter("testsuite")}
    assert [path for path in checked if note in errs[path]] == checked
    rows = list(csv.DictReader(io.StringIO(get_reporter("csv").render(noted))))
    assert sorted(r["path"] for r in rows if r["status"] == "note" and r["message"] == note) == sorted(checked)
    github = get_reporter("github").render(noted).splitlines()
    assert sum(line.startswith("::warning ") and "took too long" in line for line in github) == len(checked)
    letter = get_reporter("letter").render(noted)
    assert letter.count("[For you, delete before sending: a pattern took too long") == len(checked)
    for fmt in ("text", "html", "markdown"):
        assert get_reporter(fmt).render(noted).count("a pattern took too long") == len(checked), fmt
