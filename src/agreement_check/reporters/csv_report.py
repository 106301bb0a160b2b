"""CSV for a spreadsheet: one row per document and rule, one per note on a document, and
one per file a folder walk passed over (status `skipped`, the reason code in `values`,
as an unreadable document's error code is, and the reason in words in `message`), after
the documents' rows, so a filter on `status` keeps findings and skipped files apart.

Every cell is quoted, and a cell that a spreadsheet would run as a formula starts with `'`
(OWASP's advice on CSV injection): document text is not trusted."""

from __future__ import annotations

from collections.abc import Iterator

from agreement_check.report import DocumentResult, Finding, Report
from agreement_check.reporters.common import values_text
from agreement_check.sanitize import csv_table

COLUMNS = ["path", "pack", "rule", "status", "severity", "values", "clause", "page", "message", "evidence", "accepted"]


class CsvReporter:
    def render(self, report: Report) -> str:
        return csv_table(COLUMNS, _rows(report))


def _rows(report: Report) -> Iterator[list[object]]:
    yield from _document_rows(report)
    for skipped in report.skipped:  # a file a folder walk passed over: its reason code where an error's code goes
        yield [skipped.path, "", "", "skipped", "", skipped.reason, "", "", skipped.describe(), "", ""]


def _document_rows(report: Report) -> Iterator[list[object]]:
    for doc in report.documents:
        if doc.status == "error":
            yield [doc.path, "", "", "error", "", doc.error_code, "", "", doc.error_message, "", ""]
            continue
        for warning in doc.warnings:
            yield [doc.path, doc.pack, "", "note", "", "", "", "", warning, "", ""]
        for finding in doc.findings:
            yield _finding_row(doc, finding, report)


def _finding_row(doc: DocumentResult, f: Finding, report: Report) -> list[object]:
    first = f.evidence[0] if f.evidence else None
    return [
        doc.path,
        doc.pack,
        f.rule,
        f.status,
        f.severity,
        values_text(f),
        first.location.clause if first and first.location.clause else "",
        first.location.page if first and first.location.page else "",
        f.message,
        first.text if first else "",
        f.accepted or "",
    ]
