"""One self-contained HTML file for a commissioner: a sortable batch table (documents by
rules, with counts), then each document's gaps with evidence, location, commitment and
what to ask for. No network: styles and the small sorting script are inline, and the
page reads fine with scripts off and when printed. Every value is HTML-escaped, and
characters XML 1.0 forbids are dropped from it (`sanitize.xml`), so document text can
neither add markup nor make the page fail to parse."""

from __future__ import annotations

import hashlib
from importlib import resources
from typing import Any

from jinja2 import Environment, select_autoescape

from agreement_check import __version__
from agreement_check.report import DocumentResult, Report
from agreement_check.reporters.common import counts, finding_view
from agreement_check.reporters.sanitize import xml

LABELS = {"gap": "GAP", "review": "CHECK", "met": "ok", "not-applicable": "n/a"}
ORDER = {"gap": 0, "review": 1, "met": 2, "not-applicable": 3}


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
        return self._template.render(
            version=__version__,
            summary=report.summary(),
            rulesets=report.rulesets,
            packs=[_pack_table(r.id, r.title, checked, report) for r in report.rulesets],
            errors=[_error(d) for d in report.documents if d.status == "error"],
            documents=[_document(d, report) for d in checked],
            skipped=[{"path": s.path, "reason": s.reason, "why": s.describe()} for s in report.skipped],
        )


def _anchor(path: str) -> str:
    return hashlib.sha1(path.encode()).hexdigest()[:10]


def _pack_table(pack_id: str, title: str, docs: list[DocumentResult], report: Report) -> dict[str, Any]:
    rules = [info for rule_id, info in report.rules.items() if rule_id.split("/")[0] == pack_id]
    rows = []
    rule_gaps = [0] * len(rules)
    for doc in (d for d in docs if d.pack == pack_id):
        by_rule = {f.rule: f for f in doc.findings}
        cells = []
        for i, info in enumerate(rules):
            finding = by_rule.get(info.id)
            status = finding.status if finding else "not-applicable"
            rule_gaps[i] += status == "gap"
            cells.append(
                {"status": status, "label": LABELS[status], "order": ORDER[status], "title": f"{info.title}: {status}"}
            )
        rows.append({"path": doc.path, "anchor": _anchor(doc.path), "gaps": counts(doc)["gap"], "cells": cells})
    short = [{"title": r.title, "short": r.id.split("/")[-1].replace("-", " ")} for r in rules]
    return {
        "title": title or pack_id,
        "rules": short,
        "rows": rows,
        "rule_gaps": rule_gaps,
        "total_gaps": sum(rule_gaps),
    }


def _error(doc: DocumentResult) -> dict[str, Any]:
    return {"path": doc.path, "anchor": _anchor(doc.path), "code": doc.error_code, "message": doc.error_message}


def _document(doc: DocumentResult, report: Report) -> dict[str, Any]:
    c = counts(doc)
    shown = sorted((f for f in doc.findings if f.status in {"gap", "review"}), key=lambda f: ORDER[f.status])
    findings = [
        {
            **finding_view(f, report.rules.get(f.rule)),
            "label": LABELS[f.status],
            "accepted": report.accepted_reason(doc.path, f),
        }
        for f in shown
    ]
    met = [
        report.rules[f.rule].title if f.rule in report.rules else f.rule
        for f in doc.findings
        if f.status in {"met", "not-applicable"}
    ]
    return {
        "path": doc.path,
        "anchor": _anchor(doc.path),
        "gaps": c["gap"],
        "review": c["review"],
        "met": c["met"],
        "reason": f"Checked against {doc.pack_reason}" if doc.pack_reason else "",
        "warnings": doc.warnings,
        "findings": findings,
        "met_titles": met,
    }
