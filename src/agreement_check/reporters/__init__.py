"""Reporters: one module per output format behind the `Reporter` protocol, picked by
name from `REPORTERS`. Each renders the same `Report`; none adds findings of its own."""

from __future__ import annotations

from typing import Protocol

from agreement_check.report import Report


class Reporter(Protocol):
    def render(self, report: Report) -> str: ...


FORMATS = ("text", "json", "sarif", "junit", "html", "markdown", "csv", "github")


def get_reporter(name: str, *, verbose: bool = False, color: bool = False) -> Reporter:
    if name == "text":
        from agreement_check.reporters.text import TextReporter

        return TextReporter(verbose=verbose, color=color)
    if name == "json":
        from agreement_check.reporters.json_report import JsonReporter

        return JsonReporter()
    if name == "sarif":
        from agreement_check.reporters.sarif import SarifReporter

        return SarifReporter()
    if name == "junit":
        from agreement_check.reporters.junit import JunitReporter

        return JunitReporter()
    if name == "html":
        from agreement_check.reporters.html_report import HtmlReporter

        return HtmlReporter()
    if name == "markdown":
        from agreement_check.reporters.markdown import MarkdownReporter

        return MarkdownReporter()
    if name == "csv":
        from agreement_check.reporters.csv_report import CsvReporter

        return CsvReporter()
    if name == "github":
        from agreement_check.reporters.github import GithubReporter

        return GithubReporter()
    raise ValueError(f"unknown format {name!r}; known: {', '.join(FORMATS)}")
