"""A batch of forty documents made from a checked report, without checking forty files:
each copy gets its own path and content hash, and two share one (identical files)."""

from __future__ import annotations

from dataclasses import replace

from agreement_check.report import Report


def forty(report: Report, count: int = 40) -> Report:
    checked = [d for d in report.documents if d.status == "checked"]
    broken = [replace(d, path="commissioned/broken.pdf") for d in report.documents if d.status == "error"]
    documents = [
        replace(checked[i % len(checked)], path=f"commissioned/agreement-{i:02d}.txt", sha256=f"{i:064x}")
        for i in range(count - 1)
    ]
    twin = replace(documents[0], path="commissioned/agreement-00-copy.txt")
    return replace(report, documents=(*documents, twin, *broken))
