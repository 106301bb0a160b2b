"""Small helpers every reporter shares, so that formats agree on wording."""

from __future__ import annotations

from datetime import datetime

from agreement_check.codes import SEVERITY_RANK
from agreement_check.report import Change, DocumentResult, Finding, Report, RuleInfo

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
    open_gaps = [f for f in document.findings if f.status == "gap" and f.accepted is None]
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
        "revisions": revision_note(finding),
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
    return values_text_of(finding.values)


EFFECT_WORDS = {
    "opens": "Pending changes would make this a gap",
    "closes": "Pending changes would close this gap",
    "alters": "Pending changes would alter this finding",
}
_VERBS = {"insertion": "inserted", "deletion": "deleted", "move": "moved"}


def revision_note(finding: Finding, quote: int = 80) -> str:
    """One sentence on what the pending tracked changes do to this finding, with who made
    them and when; '' when they do not alter it. Every format words it the same way."""
    revisions = finding.revisions
    if revisions is None:
        return ""
    effect = revisions.effect(finding.status)
    lead = EFFECT_WORDS[effect]
    if effect != "closes":  # a closed gap was a gap: nothing more to say of the original
        before = STATUS_WORDS.get(revisions.status, revisions.status)
        if revisions.values != finding.values:
            before += f", {values_text_of(revisions.values) or 'no values'}"
        lead += f" (the original text: {before})"
    if not revisions.changes:
        return lead + "; the changes are outside the quoted clauses."
    return f"{lead}: {_changes_text(revisions.changes, quote)}."


def _changes_text(changes: tuple[Change, ...], quote: int) -> str:
    """'Alice Reed, 2 Nov 2026, clause 7: deleted “six months”, inserted “one month”',
    grouping consecutive changes by the same person on the same day."""
    groups: list[tuple[str, list[str]]] = []
    for change in changes:
        who = ", ".join(p for p in (change.author or "someone", _day(change.date), change.location.describe()) if p)
        text = change.text if len(change.text) <= quote else change.text[: quote - 1] + "…"
        edit = f"{_VERBS.get(change.kind, change.kind)} “{text}”"
        if groups and groups[-1][0] == who:
            groups[-1][1].append(edit)
        else:
            groups.append((who, [edit]))
    return "; ".join(f"{who}: {', '.join(edits)}" for who, edits in groups)


def _day(stamp: str) -> str:
    """'2 Nov 2026' from Word's ISO time stamp; the stamp as written when it is not one."""
    try:
        moment = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError:
        return stamp
    return f"{moment.day} {moment:%b %Y}"


def values_text_of(values: dict[str, object]) -> str:
    """Values as key=value pairs: a finding's, or what the original text gives."""
    return "; ".join(f"{k}={v}" for k, v in values.items() if v is not None)
