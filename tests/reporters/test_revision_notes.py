"""Every format says what the pending tracked changes do: which would open a gap and which
would close one, with who made them and when."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest

from agreement_check.api import CheckOptions, check
from agreement_check.report import Report
from agreement_check.reporters import get_reporter
from tests.tracked import tracked_agreement

OPENS = "Pending changes would make this a gap (the original text: met, notice=P6M; notice_days=183)"
OPENED_BY = "Alice Reed, 2 Nov 2026, clause 7: deleted “six (6) months'”, inserted “one month's”"
CLOSES = "Pending changes would close this gap: Bob Okafor, 3 Nov 2026, clause 11"


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Report:
    path = tracked_agreement(tmp_path_factory.mktemp("rev") / "tracked.docx")
    return check([path], CheckOptions(jobs=1, isolate=False, pack="leeds-compact"))


def render(report: Report, fmt: str) -> str:
    return get_reporter(fmt).render(report)


def test_text_report_names_the_effect_who_and_when(report: Report) -> None:
    text = " ".join(get_reporter("text").render(report).split())
    assert f"{OPENS}: {OPENED_BY}." in text
    assert CLOSES in text  # shown under the met finding too, which is otherwise one line
    assert text.count("Pending changes would") == 2  # Alice's words in clause 4 change nothing


def test_sarif_message_and_properties(report: Report) -> None:
    run = json.loads(render(report, "sarif"))["runs"][0]
    notice = next(r for r in run["results"] if r["ruleId"].endswith("termination-notice"))
    assert OPENS in notice["message"]["text"] and OPENED_BY in notice["message"]["text"]
    assert notice["properties"]["revisions"]["original"]["status"] == "met"
    notes = [n["message"]["text"] for n in run["invocations"][0]["toolExecutionNotifications"]]
    assert any("mediation-reference" in n and CLOSES in n for n in notes)


def test_junit_failure_message_and_the_closed_gap(report: Report) -> None:
    root = ET.fromstring(render(report, "junit"))
    cases = {c.get("name"): c for c in root.iter("testcase")}
    failure = cases["leeds-compact/termination-notice"].find("failure")
    assert failure is not None and OPENS in (failure.get("message") or "")
    assert CLOSES in (cases["leeds-compact/mediation-reference"].findtext("system-out") or "")
    assert cases["leeds-compact/volunteer-expenses"].find("system-out") is None


def test_html_report_marks_the_finding(report: Report) -> None:
    html = render(report, "html")
    notes = [line for line in html.splitlines() if 'class="pending-note"' in line]
    assert len(notes) == 1 and "Alice Reed" in notes[0]
    # the table marks the document's row and the cells whose status the changes would alter
    assert html.count('<tr class="pending">') == 1
    assert html.count(' pending" data-value=') == 2  # the notice gap it opens, the mediation gap it closes


def test_markdown_and_github_mention_the_change(report: Report) -> None:
    assert "Pending changes would make this a gap" in render(report, "markdown")
    annotation = next(line for line in render(report, "github").splitlines() if "six months' notice before" in line)
    assert "Pending changes would make this a gap" in annotation and "Alice Reed" in annotation
