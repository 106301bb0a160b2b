"""One self-contained HTML file for a commissioner: a sortable batch table (one row per
distinct document, gaps counted by severity, the funder's notice period, overheads and
funding period, a narrow column per rule), then each document's gaps with evidence,
location, commitment and what to ask for. No network: styles and the small sorting script
are inline, and the page reads fine with scripts off.

It fits the screen and the page: at 1,280 px every column shows; narrower, the table
scrolls in its frame with the document name held. Printed, it is landscape A4 with every
column and about twenty documents a page; a batch prints the table only unless the reader
ticks "Print each document's gaps" (a single document or a few print in full).

Every value is HTML-escaped, and characters XML 1.0 forbids are dropped from it
(`sanitize.xml`), so document text can neither add markup nor make the page fail to parse."""

from __future__ import annotations

from importlib import resources
from typing import Any

from jinja2 import Environment, select_autoescape

from agreement_check import __version__
from agreement_check.report import DocumentResult, Report
from agreement_check.reporters.common import counts, finding_view, heading, ranked
from agreement_check.reporters.html_batch import Group, anchor, folder_of, groups, pack_table, short
from agreement_check.sanitize import xml

LABELS = {"gap": "GAP", "review": "CHECK", "met": "ok", "not-applicable": "n/a"}
PRINT_DETAILS_UP_TO = 3  # documents; more print as the batch table alone unless asked


class HtmlReporter:
    def __init__(self) -> None:
        source = (resources.files("agreement_check.reporters") / "templates" / "report.html.j2").read_text(
            encoding="utf-8"
        )
        env = Environment(
            autoescape=select_autoescape(default=True, default_for_string=True),
            trim_blocks=True,
            lstrip_blocks=True,
            finalize=lambda value: xml(value) if isinstance(value, str) else value,
        )
        self._template = env.from_string(source)

    def render(self, report: Report) -> str:
        checked = [d for d in report.documents if d.status == "checked"]
        batch = groups(checked)
        folder = folder_of([d.path for d in report.documents])
        return self._template.render(
            version=__version__,
            summary=_summary(report, len(checked) - len(batch)),
            rulesets=report.rulesets,
            folder=folder,
            packs=[pack_table(r.id, r.title, batch, report, folder) for r in report.rulesets],
            errors=[_error(d, folder) for d in report.documents if d.status == "error"],
            documents=[_document(g, report, folder) for g in batch],
            print_details=len(report.documents) <= PRINT_DETAILS_UP_TO,
            skipped=[{"path": s.path, "reason": s.reason, "why": s.describe()} for s in report.skipped],
        )


def _summary(report: Report, duplicates: int) -> dict[str, int]:
    gaps = [f for d in report.documents for f in d.findings if f.status == "gap"]
    return {
        **report.summary(),
        "errors_gaps": sum(f.severity == "error" for f in gaps),
        "warning_gaps": sum(f.severity != "error" for f in gaps),
        "duplicates": duplicates,
        "not_agreements": sum(d.error_code == "not-an-agreement" for d in report.documents),
    }


def _error(doc: DocumentResult, folder: str) -> dict[str, Any]:
    return {
        "path": short(doc.path, folder),
        "anchor": anchor(doc.path),
        "code": doc.error_code,
        "message": doc.error_message,
        "not_checked": doc.error_code == "not-an-agreement",
    }


def _document(group: Group, report: Report, folder: str) -> dict[str, Any]:
    doc = group.first
    c = counts(doc)
    shown = [f for f in ranked(doc.findings) if f.status in {"gap", "review"}]
    findings = [
        {
            **finding_view(f, report.rules.get(f.rule)),
            "label": LABELS[f.status],
            "severity": f.severity,
            "accepted": f.accepted,
        }
        for f in shown
    ]
    met = [heading(f, report.rules.get(f.rule)) for f in doc.findings if f.status in {"met", "not-applicable"}]
    return {
        "path": short(doc.path, folder),
        "twins": [short(p, folder) for p in group.twins],
        "anchor": group.anchor,
        "gaps": c["gap"],
        "review": c["review"],
        "met": c["met"],
        "reason": f"Checked against {doc.pack_reason}" if doc.pack_reason else "",
        "warnings": doc.warnings,
        "findings": findings,
        "met_titles": met,
    }
