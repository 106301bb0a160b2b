"""The JSON report: the spec's contract, byte-stable for the same input. Control
characters in strings are written as `\\u` escapes, so the report can be printed to a
terminal; a JSON parser reads the same data."""

from __future__ import annotations

from agreement_check.report import Report
from agreement_check.sanitize import json_dumps


class JsonReporter:
    def render(self, report: Report) -> str:
        return json_dumps(report.to_dict()) + "\n"
