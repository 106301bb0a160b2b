"""CSV with one row per document, for a commissioner's spreadsheet of a whole batch: its
status and pack, its gaps counted by severity, the funder's notice period, where it stands
on overheads, how long the funding runs, why it was not checked when it was not, and its
notes (hidden text, a pattern skipped), which say when its findings may be incomplete.

Cells are written as in the per-finding CSV: every cell quoted, and one a spreadsheet would
run as a formula starts with `'` (`sanitize.csv_cell`), since file names come from senders."""

from __future__ import annotations

from collections.abc import Iterator

from agreement_check.report import DocumentResult, Report
from agreement_check.reporters.facts import document_facts, identical_groups
from agreement_check.sanitize import csv_table

COLUMNS = [
    "path",
    "status",
    "pack",
    "gaps_error",
    "gaps_warning",
    "gaps_info",
    "to_check",
    "notice_days",
    "notice",
    "overhead_position",
    "funding_period",
    "accepted_gaps",
    "same_as",
    "error_code",
    "error_message",
    "notes",
]


class CsvDocumentsReporter:
    def render(self, report: Report) -> str:
        return csv_table(COLUMNS, _rows(report))


def _rows(report: Report) -> Iterator[list[object]]:
    twins = identical_groups(report)
    for doc in report.documents:
        same = [p for p in twins.get(doc.sha256 or "", []) if p != doc.path]
        yield _row(doc, report, "; ".join(same))


def _row(doc: DocumentResult, report: Report, same_as: str) -> list[object]:
    if doc.status != "checked":
        blank = [""] * 9  # pack, counts and facts
        return [doc.path, doc.status, *blank, "", same_as, doc.error_code, doc.error_message, ""]
    facts = document_facts(doc)
    accepted = sum(f.accepted is not None for f in doc.gaps())
    return [
        doc.path,
        doc.status,
        doc.pack,
        facts.gaps_at("error"),
        facts.gaps_at("warning"),
        facts.gaps_at("info"),
        facts.review,
        "" if facts.notice_days is None else facts.notice_days,
        facts.notice or "",
        facts.overhead or "",
        facts.funding_period or "",
        accepted,
        same_as,
        "",
        "",
        " | ".join(doc.warnings),  # hidden text, a pattern skipped: the findings may be incomplete
    ]
