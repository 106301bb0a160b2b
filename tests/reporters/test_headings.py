"""Findings that read right: each status has its own heading, severity shows, gaps come
errors first, and a report opens with the few gaps to ask for first."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema

from agreement_check.api import rule_infos
from agreement_check.model import Location
from agreement_check.report import DocumentResult, Evidence, Finding, Report
from agreement_check.reporters import get_reporter
from agreement_check.reporters.common import ask_first, heading
from agreement_check.ruleset import load_packs

PACKS = load_packs([])
RULES = rule_infos(PACKS)
SCHEMA = json.loads(
    (Path(__file__).resolve().parents[2] / "src/agreement_check/schemas/report.schema.json").read_text()
)


def finding(rule: str, status: str, severity: str | None = None) -> Finding:
    info = RULES[rule]
    return Finding(
        rule=rule,
        status=status,
        severity=severity or info.severity,
        message=f"What the check found for {rule}.",
        reference=info.reference,
        evidence=(Evidence("A clause of the agreement.", Location(block=3, clause="4")),) if status == "gap" else (),
        suggestion=info.suggestion,
        heading=info.heading(status),
    )


def report_of(*findings: Finding) -> Report:
    doc = DocumentResult(path="offer.docx", status="checked", sha256="0" * 64, pack="leeds-compact", findings=findings)
    return Report(documents=(doc,), rulesets=(), rules=RULES)


def test_every_built_in_rule_has_a_heading_for_each_status_it_reports() -> None:
    for pack in PACKS.values():
        for rule in pack.rules:
            statuses = {d.status for d in rule.decisions}
            spec = rule.spec
            assert spec.met_title, rule.id
            assert ("gap" not in statuses) or spec.gap_title, rule.id
            assert ("review" not in statuses) or spec.review_title, rule.id
            assert spec.gap_title != spec.met_title, rule.id


def test_a_gap_says_what_is_missing_and_met_what_is_there() -> None:
    text = get_reporter("text").render(
        report_of(finding("leeds-compact/termination-notice", "gap"), finding("leeds-compact/reserves", "met"))
    )
    assert "GAP   high   No six months' notice before the funder can end the agreement" in text
    assert "ok           The right to hold reserves is respected" in text
    assert "At least six months' notice before" not in text  # the requirement is not the heading of its gap


def test_gaps_come_errors_first_and_the_ask_first_list_opens_the_report() -> None:
    findings = [finding("leeds-compact/equality", "gap")]  # a warning, listed first in the document
    findings += [finding(f"leeds-compact/{name}", "gap") for name in ("termination-notice", "reserves")]
    findings += [finding(f"leeds-compact/{name}", "gap") for name in ("data-protection", "funding-period")]
    findings += [finding("leeds-compact/overhead-costs", "gap")]
    report = report_of(*findings)
    first = ask_first(report.documents[0], report)
    assert [f.severity for f in first] == ["error", "error", "error", "warning", "warning"]
    assert first[0].rule.endswith("termination-notice") and len(first) == 5
    text = get_reporter("text").render(report)
    opening = text.index("Ask for these first:")
    assert opening < text.index("GAP ")
    listed = text[opening : text.index("GAP ")]
    assert "1. No six months' notice" in listed and "(high priority)" in listed and "(medium priority)" in listed
    assert listed.count(". ") >= 5 and "6." not in listed
    details = [line.split()[1] for line in text.splitlines() if line.strip().startswith("GAP")]
    assert details == ["high"] * 3 + ["medium"] * 3


def test_no_ask_first_list_without_gaps() -> None:
    text = get_reporter("text").render(report_of(finding("leeds-compact/reserves", "met")))
    assert "Ask for these first" not in text


def test_json_carries_the_heading_as_an_optional_field() -> None:
    report = report_of(finding("leeds-compact/termination-notice", "gap"), finding("leeds-compact/reserves", "met"))
    data = report.to_dict()
    jsonschema.validate(data, SCHEMA)
    headings = [f["heading"] for f in data["documents"][0]["findings"]]
    assert headings == [
        "No six months' notice before the funder can end the agreement",
        "The right to hold reserves is respected",
    ]


def test_a_finding_without_a_heading_takes_the_rule_heading_for_its_status() -> None:
    old = Finding("leeds-compact/reserves", "gap", "error", "m", "r")  # as read from an older cache
    assert heading(old, RULES["leeds-compact/reserves"]) == "The agreement restricts your reserves"
