"""The JSON report: the spec's contract, byte-stable for the same input."""

from __future__ import annotations

import json

from agreement_check.report import Report


class JsonReporter:
    def render(self, report: Report) -> str:
        return json.dumps(report.to_dict(), indent=2, ensure_ascii=False) + "\n"
