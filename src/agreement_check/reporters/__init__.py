"""Reporters: one module per output format behind the `Reporter` protocol, picked by
name from `REPORTERS`. Each renders the same `Report`; none adds findings of its own."""

from __future__ import annotations

from typing import Protocol

from agreement_check.report import Report


class Reporter(Protocol):
    def render(self, report: Report) -> str: ...


# format name -> (module, class); imported only when used, so `--help` stays fast
REPORTERS: dict[str, tuple[str, str]] = {
    "text": ("text", "TextReporter"),
    "letter": ("letter", "LetterReporter"),
    "json": ("json_report", "JsonReporter"),
    "sarif": ("sarif", "SarifReporter"),
    "junit": ("junit", "JunitReporter"),
    "html": ("html_report", "HtmlReporter"),
    "markdown": ("markdown", "MarkdownReporter"),
    "csv": ("csv_report", "CsvReporter"),
    "csv-documents": ("csv_documents", "CsvDocumentsReporter"),
    "github": ("github", "GithubReporter"),
}
FORMATS = tuple(REPORTERS)


def get_reporter(name: str, *, verbose: bool = False, color: bool = False) -> Reporter:
    """The reporter for a format name; only the text reporter takes options."""
    if name not in REPORTERS:
        raise ValueError(f"unknown format {name!r}; known: {', '.join(FORMATS)}")
    from importlib import import_module

    module, cls = REPORTERS[name]
    reporter_class = getattr(import_module(f"agreement_check.reporters.{module}"), cls)
    reporter: Reporter = reporter_class(verbose=verbose, color=color) if name == "text" else reporter_class()
    return reporter
