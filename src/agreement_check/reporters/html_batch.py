"""The batch table of the HTML report: one row per distinct document (identical files, by
sha256, share a row), the gaps counted by severity, the three facts a commissioner compares
(notice, overheads, funding period) and one narrow column per rule of the pack.

Built to fit: rule columns carry a symbol and a vertical heading, so a pack of 17 rules
fits a 1,280 px window and a landscape A4 page; narrower windows scroll the table inside
its frame with the document name held in place."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from typing import Any

from agreement_check.report import DocumentResult, Report
from agreement_check.reporters.facts import document_facts

SYMBOLS = {"gap": "✗", "review": "?", "met": "✓", "not-applicable": "–"}
WORDS = {"gap": "gap", "review": "to check", "met": "met", "not-applicable": "not applicable"}
ORDER = {"gap": 0, "review": 1, "met": 2, "not-applicable": 3}


@dataclass(frozen=True)
class Group:
    """Documents with the same content: checked once in effect, shown once."""

    first: DocumentResult
    twins: tuple[str, ...]  # the other paths with the same sha256

    @property
    def anchor(self) -> str:
        return anchor(self.first.path)


PENDING = "pending tracked changes would change this"


def anchor(path: str) -> str:
    """A stable id for a document's section, from its path (any characters, any length)."""
    return hashlib.sha1(path.encode()).hexdigest()[:10]


def groups(documents: list[DocumentResult]) -> list[Group]:
    """One group per distinct content, in the order the documents came."""
    by_key: dict[str, list[DocumentResult]] = {}
    for doc in documents:
        by_key.setdefault(doc.sha256 or doc.path, []).append(doc)
    return [Group(docs[0], tuple(d.path for d in docs[1:])) for docs in by_key.values()]


def folder_of(paths: list[str]) -> str:
    """The folder every path shares ('' for none), shown once above the table so that rows
    name files rather than repeat a long prefix."""
    if len(paths) < 2:
        return ""
    try:
        common = os.path.commonpath(paths)
    except ValueError:  # absolute and relative mixed
        return ""
    return common if common and common not in paths else ""


def short(path: str, folder: str) -> str:
    """The path as shown in the table: relative to the folder every document shares."""
    return os.path.relpath(path, folder) if folder else path


def pack_table(pack_id: str, title: str, batch: list[Group], report: Report, folder: str) -> dict[str, Any]:
    """The table of one pack: a row per group of identical documents checked against it."""
    rules = [info for rule_id, info in report.rules.items() if rule_id.split("/")[0] == pack_id]
    mine = [g for g in batch if g.first.pack == pack_id]
    rows = [_row(g, rules, folder) for g in mine]
    return {
        "title": title or pack_id,
        "rules": [{"title": r.title, "short": r.id.split("/")[-1].replace("-", " ")} for r in rules],
        "rows": rows,
        "facts": any(row["notice"] or row["overhead"] or row["period"] for row in rows),
        "documents": sum(1 + len(g.twins) for g in mine),
        "rule_gaps": [sum(row["cells"][i]["status"] == "gap" for row in rows) for i in range(len(rules))],
        "totals": {key: sum(row[key] for row in rows) for key in ("errors", "warnings", "review")},
    }


def _row(group: Group, rules: list[Any], folder: str) -> dict[str, Any]:
    doc = group.first
    facts = document_facts(doc)
    by_rule = {f.rule: f for f in doc.findings}
    cells = []
    for info in rules:
        finding = by_rule.get(info.id)
        status = finding.status if finding else "not-applicable"
        pending = bool(finding and finding.revisions)  # pending tracked changes would alter it
        cells.append(
            {
                "status": status,
                "symbol": SYMBOLS[status],
                "word": WORDS[status],
                "order": ORDER[status],
                "title": f"{info.title}: {WORDS[status]}" + (f" ({PENDING})" if pending else ""),
                "pending": pending,
            }
        )
    return {
        "path": short(doc.path, folder),
        "twins": [short(p, folder) for p in group.twins],
        "anchor": group.anchor,
        "errors": facts.gaps_at("error"),
        "warnings": facts.gaps_at("warning") + facts.gaps_at("info"),
        "review": facts.review,
        "notice": facts.notice_words,
        "notice_days": -1 if facts.notice_days is None else facts.notice_days,
        "overhead": facts.overhead_words,
        "period": facts.period_words,
        "cells": cells,
        "pending": any(cell["pending"] for cell in cells),
    }
