"""The few facts a commissioner compares across a batch, read from the values the rules
already extracted: the funder's notice period, where the agreement stands on overheads,
and how long the funding runs. Nothing is read from the document again, so the batch
table, the per-document CSV and the JSON always agree.

Facts are found by value name, not by rule id, so that a pack for another Compact gets
the same columns when its rules extract the same values (`notice_days`/`notice`,
`position`, `period`). A pack that extracts none of them gets empty columns."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from agreement_check.codes import SEVERITIES
from agreement_check.report import DocumentResult, Report

_ISO = re.compile(r"^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$")
_UNITS = (("year", "years"), ("month", "months"), ("week", "weeks"), ("day", "days"))
OVERHEAD_WORDS = {"permitted": "allowed", "prohibited": "excluded", "silent": "not mentioned"}


@dataclass(frozen=True)
class DocumentFacts:
    """One document's row in a batch: facts and counts, empty for a document not checked."""

    notice_days: int | None = None
    notice: str | None = None  # ISO 8601 duration as extracted, e.g. P3M
    overhead: str | None = None  # permitted | prohibited | silent
    funding_period: str | None = None  # ISO 8601 duration, e.g. P12M
    gaps: tuple[tuple[str, int], ...] = ()  # (severity, count) for error, warning, info
    review: int = 0

    def gaps_at(self, severity: str) -> int:
        return dict(self.gaps).get(severity, 0)

    @property
    def notice_words(self) -> str:
        """'3 months', 'none set' (a right to end with no notice), '' (no such right found)."""
        if self.notice_days is None:
            return ""
        if self.notice_days == 0:
            return "none set"
        return duration_words(self.notice) or f"{self.notice_days} days"

    @property
    def overhead_words(self) -> str:
        return OVERHEAD_WORDS.get(self.overhead or "", self.overhead or "")

    @property
    def period_words(self) -> str:
        return duration_words(self.funding_period)


def document_facts(doc: DocumentResult) -> DocumentFacts:
    """The facts of one document, from the first finding that extracted each value."""
    if doc.status != "checked":
        return DocumentFacts()
    values: dict[str, object] = {}
    for finding in doc.findings:
        for key, value in finding.values.items():
            if value is not None:
                values.setdefault(key, value)
    severities: Counter[str] = Counter(f.severity for f in doc.findings if f.status == "gap")
    return DocumentFacts(
        notice_days=_int(values.get("notice_days")),
        notice=_str(values.get("notice")),
        overhead=_str(values.get("position")),
        funding_period=_str(values.get("period")),
        gaps=tuple((s, severities.get(s, 0)) for s in SEVERITIES),
        review=sum(f.status == "review" for f in doc.findings),
    )


def duration_words(iso: str | None) -> str:
    """'P3M' -> '3 months', 'P1Y6M' -> '1 year 6 months'; '' for nothing or a form not read."""
    match = _ISO.match(iso or "")
    if not match or not any(match.groups()):
        return ""
    parts = [
        f"{int(n)} {names[0] if int(n) == 1 else names[1]}"
        for n, names in zip(match.groups(), _UNITS, strict=True)
        if n is not None
    ]
    return " ".join(parts)


def identical_groups(report: Report) -> dict[str, list[str]]:
    """sha256 -> the paths of every document with that content, for content seen twice or more."""
    by_hash: dict[str, list[str]] = {}
    for doc in report.documents:
        if doc.sha256:
            by_hash.setdefault(doc.sha256, []).append(doc.path)
    return {sha: paths for sha, paths in by_hash.items() if len(paths) > 1}


def _int(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _str(value: object) -> str | None:
    return value if isinstance(value, str) and value else None
