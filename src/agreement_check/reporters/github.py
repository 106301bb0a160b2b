"""GitHub Actions workflow commands: one annotation per gap (and per finding to check),
on the document, with the clause and page in the message. Usable from any runner that
understands `::error file=...::message`. Notes on a document (a pattern that took too
long) are warnings on the document. Text is stripped of escape sequences and control
characters and then escaped as the runner expects, so it cannot end the command early."""

from __future__ import annotations

from agreement_check.report import Report
from agreement_check.reporters.common import heading, revision_note, where
from agreement_check.sanitize import terminal

LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _data(text: str) -> str:
    lines = [terminal(line) for line in text.replace("\r\n", "\n").split("\n")]
    return "%0A".join(line.replace("%", "%25") for line in lines)


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


class GithubReporter:
    def render(self, report: Report) -> str:
        lines = []
        for doc in report.documents:
            if doc.status == "error":
                lines.append(
                    f"::error file={_property(doc.path)},title={_property('Could not read this document')}::{_data(f'{doc.error_code}: {doc.error_message}')}"
                )
                continue
            for warning in doc.warnings:
                lines.append(f"::warning file={_property(doc.path)},title={_property('Note')}::{_data(warning)}")
            for finding in doc.findings:
                if finding.status not in {"gap", "review"} or finding.accepted:
                    continue
                info = report.rules.get(finding.rule)
                title = heading(finding, info)
                level = LEVEL.get(finding.severity, "warning") if finding.status == "gap" else "notice"
                place = where(finding)
                message = finding.message + (f" [{place}]" if place and place not in finding.message else "")
                if finding.revisions is not None:
                    message += f"\n{revision_note(finding)}"
                if finding.suggestion:
                    message += f"\nWhat to ask for: {finding.suggestion}"
                lines.append(f"::{level} file={_property(doc.path)},title={_property(title)}::{_data(message)}")
        return "\n".join(lines) + ("\n" if lines else "")
