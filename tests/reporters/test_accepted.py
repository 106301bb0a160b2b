"""The baseline is applied once onto the findings: each gap knows whether and why the team
accepted it, and the reporters and the exit code read that instead of asking again."""

from __future__ import annotations

from agreement_check.report import Report
from agreement_check.reporters import FORMATS, get_reporter


class CountingBaseline:
    """Accepts the notice gap of every document and counts the questions it is asked."""

    def __init__(self) -> None:
        self.asked = 0

    def reason_for(self, path: str, finding: object) -> str | None:
        self.asked += 1
        return "agreed with the funder" if getattr(finding, "rule", "").endswith("termination-notice") else None


def test_accepting_asks_the_baseline_once_per_gap_and_marks_the_gaps(report: Report) -> None:
    baseline = CountingBaseline()
    accepted = report.accept(baseline)
    gaps = [(d.path, f) for d in accepted.documents for f in d.findings if f.status == "gap"]
    assert baseline.asked == len(gaps) > 0
    notice = [f for _, f in gaps if f.rule.endswith("termination-notice")]
    assert notice and all(f.accepted == "agreed with the funder" for f in notice)
    assert all(f.accepted is None for _, f in gaps if not f.rule.endswith("termination-notice"))
    assert all(f.accepted is None for d in accepted.documents for f in d.findings if f.status != "gap")
    assert all(f.accepted is None for d in report.documents for f in d.findings)  # the original is unchanged


def test_no_reporter_asks_the_baseline_again(report: Report) -> None:
    baseline = CountingBaseline()
    accepted = report.accept(baseline)
    asked = baseline.asked
    for fmt in FORMATS:
        get_reporter(fmt).render(accepted)
    accepted.has_gap_at("error")
    assert baseline.asked == asked


def test_an_accepted_gap_is_not_in_the_json_nor_the_cache_and_does_not_fail_the_run(report: Report) -> None:
    class AcceptAll:
        def reason_for(self, path: str, finding: object) -> str:
            return "agreed with the funder"

    accepted = report.accept(AcceptAll())
    assert accepted.to_dict() == report.to_dict()
    assert all("accepted" not in f.to_cache_dict() for d in accepted.documents for f in d.findings)
    assert report.has_gap_at("warning") and not accepted.has_gap_at("info")
