"""CSV for a spreadsheet: one row per document and rule."""

from __future__ import annotations

import csv
import io

from agreement_check.report import Report
from agreement_check.reporters.common import values_text

COLUMNS = ["path", "pack", "rule", "status", "severity", "values", "clause", "page", "message", "evidence", "accepted"]


class CsvReporter:
    def render(self, report: Report) -> str:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(COLUMNS)
        for doc in report.documents:
            if doc.status == "error":
                writer.writerow([doc.path, "", "", "error", "", doc.error_code, "", "", doc.error_message, "", ""])
                continue
            for f in doc.findings:
                first = f.evidence[0] if f.evidence else None
                writer.writerow(
                    [
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
                        report.accepted_reason(doc.path, f) or "",
                    ]
                )
        return buffer.getvalue()
