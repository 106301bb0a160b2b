"""Small helpers every reporter shares, so that formats agree on wording."""

from __future__ import annotations

from agreement_check.report import DocumentResult, Finding, RuleInfo

STATUS_WORDS = {"gap": "gap", "review": "to check", "met": "met", "not-applicable": "not applicable"}
SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def finding_view(finding: Finding, info: RuleInfo | None) -> dict[str, object]:
    """What a page shows of one finding: the HTML report and the web page share it."""
    return {
        "status": finding.status,
        "rule": finding.rule,
        "title": info.title if info else finding.rule,
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
