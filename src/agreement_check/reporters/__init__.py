"""Reporters: one module per output format behind the `Reporter` protocol, picked by
name from `REPORTERS`. Each renders the same `Report`; none adds findings of its own."""

from __future__ import annotations

from typing import Protocol

from agreement_check.report import Report


class Reporter(Protocol):
    def render(self, report: Report) -> str: ...


def get_reporter(name: str, *, verbose: bool = False, color: bool = False) -> Reporter:
    from agreement_check.reporters.json_report import JsonReporter
    from agreement_check.reporters.text import TextReporter

    if name == "json":
        return JsonReporter()
    if name == "text":
        return TextReporter(verbose=verbose, color=color)
    raise ValueError(f"unknown format {name!r}")


FORMATS = ("text", "json")
