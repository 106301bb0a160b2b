"""The terminal report, for people: per document a verdict, then the gaps with the words
that caused them, where they are, the commitment, and what to ask for. Plain English."""

from __future__ import annotations

import io

from rich.console import Console
from rich.markup import escape
from rich.padding import Padding

from agreement_check.provenance import TEXT_SUMMARY
from agreement_check.report import DocumentResult, Finding, Report, RuleInfo
from agreement_check.reporters.common import SEVERITY_WORDS, ask_first, heading, ranked, revision_note
from agreement_check.sanitize import file_name, terminal

STATUS_STYLE = {"gap": "bold red", "review": "bold yellow", "met": "green", "not-applicable": "dim"}
STATUS_LABEL = {"gap": "GAP", "review": "CHECK", "met": "ok", "not-applicable": "n/a"}


def _t(text: str) -> str:
    """Untrusted text as Rich markup that prints as typed: no escapes, no commands."""
    return escape(terminal(text))


class TextReporter:
    def __init__(self, verbose: bool = False, color: bool = False, width: int = 100) -> None:
        self.verbose = verbose
        self.color = color
        self.width = width

    def render(self, report: Report) -> str:
        buffer = io.StringIO()
        console = Console(
            file=buffer,
            force_terminal=self.color,
            no_color=not self.color,
            width=self.width,
            highlight=False,
            emoji=False,
            soft_wrap=False,
        )
        for document in report.documents:
            self._document(console, document, report)
            console.print()
        self._skipped(console, report)
        self._summary(console, report)
        return "\n".join(line.rstrip() for line in buffer.getvalue().splitlines()) + "\n"

    def _document(self, console: Console, doc: DocumentResult, report: Report) -> None:
        rules = report.rules
        if doc.status == "error":
            what = "was not checked" if doc.error_code in {"not-an-agreement", "worker-lost"} else "could not be read"
            console.print(f"[bold]{escape(file_name(doc.path))}[/]  [bold red]{what}[/] ({doc.error_code})")
            console.print(Padding(_t(doc.error_message or ""), (0, 0, 0, 2)))
            return
        gaps = sum(f.status == "gap" for f in doc.findings)
        review = sum(f.status == "review" for f in doc.findings)
        met = sum(f.status == "met" for f in doc.findings)
        verdict = (
            (f"[bold red]{gaps} gap{'s' if gaps != 1 else ''}[/]" if gaps else "[bold green]no gaps[/]")
            + (f", [yellow]{review} to check[/]" if review else "")
            + f", {met} met"
        )
        console.print(f"[bold]{escape(file_name(doc.path))}[/]  {verdict}")
        console.print(Padding(f"[dim]Checked against {_t(doc.pack_reason or str(doc.pack))}[/]", (0, 0, 0, 2)))
        for warning in doc.warnings:
            console.print(Padding(f"[yellow]Note:[/] {_t(warning)}", (0, 0, 0, 2)))
        self._ask_first(console, doc, report)
        for finding in ranked(doc.findings):
            info = rules.get(finding.rule)
            accepted = finding.accepted
            if accepted is not None:
                self._brief(console, finding, info, note=f"accepted: {accepted}")
            elif finding.status in {"gap", "review"} or self.verbose:
                self._detailed(console, finding, info)
            else:
                self._brief(console, finding, info)

    def _ask_first(self, console: Console, doc: DocumentResult, report: Report) -> None:
        """The few gaps to raise first, errors first, before the details."""
        first = ask_first(doc, report)
        if not first:
            return
        console.print(Padding("[bold]Ask for these first:[/]", (0, 0, 0, 2)))
        for number, finding in enumerate(first, 1):
            priority = SEVERITY_WORDS.get(finding.severity, finding.severity)
            line = f"{number}. {_t(heading(finding, report.rules.get(finding.rule)))} [dim]({priority} priority)[/]"
            console.print(Padding(line, (0, 0, 0, 4)))
        console.print()

    def _brief(self, console: Console, finding: Finding, info: RuleInfo | None, note: str = "") -> None:
        label = STATUS_LABEL[finding.status]
        style = STATUS_STYLE[finding.status]
        priority = SEVERITY_WORDS.get(finding.severity, finding.severity) if finding.status in {"gap", "review"} else ""
        extra = f" [dim]({_t(note)})[/]" if note else ""
        console.print(
            Padding(f"[{style}]{label:<5}[/] {priority:<6} {_t(heading(finding, info))}{extra}", (0, 0, 0, 2))
        )
        if finding.revisions is not None:  # shown even for a met finding: the changes closed a gap
            console.print(Padding(f"[magenta]{_t(revision_note(finding))}[/]", (0, 0, 0, 8)))

    def _detailed(self, console: Console, finding: Finding, info: RuleInfo | None) -> None:
        self._brief(console, finding, info)
        body = [_t(finding.message)]
        for evidence in finding.evidence:
            body.append(f"[italic]“{_t(evidence.text)}”[/] [dim]({_t(evidence.location.describe())})[/]")
        if info and finding.status in {"gap", "review"}:
            body.append(f"[dim]{_t(info.source)} ({_t(info.commitment_ref)}): “{_t(info.commitment_quote)}”[/]")
            body.append(f"[bold]What to ask for:[/] {_t(finding.suggestion or info.suggestion)}")
        body.append(f"[dim]rule {_t(finding.rule)}[/]")
        for line in body:
            console.print(Padding(line, (0, 0, 0, 8)))

    def _skipped(self, console: Console, report: Report) -> None:
        """Every file a folder walk passed over, so none goes missing unseen."""
        if not report.skipped:
            return
        count = len(report.skipped)
        console.print(f"[bold]Not checked[/]: {count} other file{'s' if count != 1 else ''} in the folders")
        for skipped in report.skipped:
            console.print(Padding(f"{escape(file_name(skipped.path))}  [dim]{_t(skipped.describe())}[/]", (0, 0, 0, 2)))
        console.print()

    def _summary(self, console: Console, report: Report) -> None:
        console.print(summary_line(report, markup=True))


def summary_line(report: Report, *, markup: bool = False) -> str:
    """'Summary: 3 documents, 2 checked, 1 could not be read, 4 gaps.': the line every run
    ends with, in the text report and on the terminal whatever the report's format."""
    s = report.summary()
    parts = [f"{s['documents']} document{'s' if s['documents'] != 1 else ''}", f"{s['checked']} checked"]
    if s["errors"]:
        unread = f"{s['errors']} could not be read"
        parts.append(f"[bold red]{unread}[/]" if markup else unread)
    parts.append(f"{s['gaps']} gap{'s' if s['gaps'] != 1 else ''}")
    if s["review"]:
        parts.append(f"{s['review']} to check by hand")
    if report.skipped:
        count = len(report.skipped)
        parts.append(f"{count} other file{'s' if count != 1 else ''} in the folders not checked")
    return TEXT_SUMMARY + ", ".join(parts) + "."  # also how a re-run knows the file


def unread_lines(report: Report) -> list[str]:
    """One line per document that could not be read or was not checked, with its code and
    why, safe to print on a terminal."""
    out = []
    for doc in report.documents:
        if doc.status == "error":
            what = "was not checked" if doc.error_code == "not-an-agreement" else "could not be read"
            out.append(
                f"{file_name(doc.path)} {what} ({terminal(doc.error_code or '')}): {terminal(doc.error_message or '')}"
            )
    return out
