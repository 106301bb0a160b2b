"""Marked-up copies: the agreement back as DOCX with a Word comment on each gap (and,
optionally, the suggested wording as tracked changes), or as PDF with highlights and
notes, for the drafter to act on. The original is never modified."""

from __future__ import annotations

import re

from agreement_check.report import Finding, RuleInfo
from agreement_check.reporters.common import revision_note


def quoted_wording(suggestion: str) -> str:
    """The wording to insert: the quoted part of a suggestion, or all of it."""
    parts = re.findall(r"\"([^\"]{12,})\"|“([^”]{12,})”", suggestion)
    texts = [a or b for a, b in parts]
    return " ".join(texts) if texts else suggestion.strip()


def comment_text(finding: Finding, info: RuleInfo | None) -> list[str]:
    """The paragraphs of the comment on one finding."""
    label = {"gap": "Gap", "review": "To check", "met": "Met"}.get(finding.status, "Not applicable")
    title = finding.heading or (info.heading(finding.status) if info else finding.rule)
    lines = [f"{label}: {title}", finding.message]
    if finding.revisions is not None:
        lines.append(revision_note(finding))
    if info:
        lines.append(f"{info.source} ({info.commitment_ref}): “{info.commitment_quote}”")
    if finding.suggestion and finding.status in {"gap", "review"}:
        lines.append(f"Suggested wording: {finding.suggestion}")
    lines.append(f"agreement-check rule {finding.rule}")
    return lines
