"""Small helpers every reporter shares, so that formats agree on wording."""

from __future__ import annotations

from agreement_check.codes import SEVERITY_RANK
from agreement_check.report import DocumentResult, Finding, Report, RuleInfo

STATUS_WORDS = {"gap": "gap", "review": "to check", "met": "met", "not-applicable": "not applicable"}
SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
SEVERITY_WORDS = {"error": "high", "warning": "medium", "info": "low"}
"""How much a gap matters, in words a reader acts on (the rule's severity)."""
STATUS_ORDER = {"gap": 0, "review": 1, "met": 2, "not-applicable": 3}
ASK_FIRST = 5


def heading(finding: Finding, info: RuleInfo | None) -> str:
    """What the finding says in a few words: a gap what is missing or wrong, met what is
    there (the rule's heading for the status; a finding read from an older cache has none)."""
    if finding.heading:
        return finding.heading
    return info.heading(finding.status) if info else finding.rule


def ranked(findings: tuple[Finding, ...] | list[Finding]) -> list[Finding]:
    """Gaps first, then findings to check, met and not applicable; within each, errors
    before warnings before notes, and otherwise in the pack's order."""
    order = sorted(
        enumerate(findings),
        key=lambda pair: (STATUS_ORDER.get(pair[1].status, 9), -SEVERITY_RANK.get(pair[1].severity, 0), pair[0]),
    )
    return [finding for _, finding in order]


def ask_first(document: DocumentResult, report: Report) -> list[Finding]:
    """At most five gaps to raise first, errors first: the short list a report opens with.
    Gaps a baseline accepts are left out (the team has decided on them)."""
    open_gaps = [f for f in document.findings if f.status == "gap" and report.accepted_reason(document.path, f) is None]
    return ranked(open_gaps)[:ASK_FIRST]


def finding_view(finding: Finding, info: RuleInfo | None) -> dict[str, object]:
    """What a page shows of one finding: the HTML report and the web page share it."""
    return {
        "status": finding.status,
        "rule": finding.rule,
        "title": heading(finding, info),
        "severity": finding.severity,
        "priority": SEVERITY_WORDS.get(finding.severity, finding.severity),
        "message": finding.message,
        "evidence": [{"text": e.text, "where": e.location.describe()} for e in finding.evidence],
        "description": info.description if info else "",
        "commitment": info.commitment_quote if info else "",
        "commitment_ref": info.commitment_ref if info else "",
        "source": info.source if info else "",
        "suggestion": finding.suggestion,
    }


def where(finding: Finding) -> str:
    """'clause 14.2, page 4' for the first piece of evidence, or ''."""
    return finding.evidence[0].location.describe() if finding.evidence else ""


def counts(document: DocumentResult) -> dict[str, int]:
    """How many findings of each status a document has."""
    out = {status: 0 for status in STATUS_WORDS}
    for finding in document.findings:
        out[finding.status] = out.get(finding.status, 0) + 1
    return out


def values_text(finding: Finding) -> str:
    """A finding's reported values as key=value pairs."""
    return "; ".join(f"{k}={v}" for k, v in finding.values.items() if v is not None)
