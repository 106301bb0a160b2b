"""Markdown, for a pull-request comment or an email to a funder: a summary table, then
the gaps of each document in plain English with what to ask for."""

from __future__ import annotations

from agreement_check.report import DocumentResult, Report
from agreement_check.reporters.common import counts


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


class MarkdownReporter:
    def render(self, report: Report) -> str:
        s = report.summary()
        out = [
            "# agreement-check report",
            "",
            f"{s['documents']} document(s), {s['checked']} checked, {s['errors']} could not be read, "
            f"**{s['gaps']} gap(s)**, {s['review']} to check by hand.",
            "",
            "| Document | Pack | Gaps | To check | Met | Not applicable |",
            "| --- | --- | ---: | ---: | ---: | ---: |",
        ]
        for doc in report.documents:
            if doc.status == "error":
                out.append(f"| {_cell(doc.path)} | — | could not be read: `{doc.error_code}` | | | |")
            else:
                c = counts(doc)
                out.append(
                    f"| {_cell(doc.path)} | {doc.pack} | {c['gap']} | {c['review']} | {c['met']} | {c['not-applicable']} |"
                )
        for doc in report.documents:
            out += self._document(doc, report)
        return "\n".join(out).rstrip() + "\n"

    def _document(self, doc: DocumentResult, report: Report) -> list[str]:
        out = ["", f"## {doc.path}", ""]
        if doc.status == "error":
            return [*out, f"Could not be read (`{doc.error_code}`): {doc.error_message}"]
        shown = [f for f in doc.findings if f.status in {"gap", "review"}]
        if not shown:
            return [*out, "No gaps found."]
        for finding in shown:
            info = report.rules.get(finding.rule)
            title = info.title if info else finding.rule
            label = "Gap" if finding.status == "gap" else "To check"
            reason = report.accepted_reason(doc.path, finding)
            accepted = f" _(accepted: {reason})_" if reason else ""
            out.append(f"### {label}: {title}{accepted}")
            out.append("")
            out.append(finding.message)
            for evidence in finding.evidence:
                out.append("")
                out.append(f"> {evidence.text}")
                out.append(f"> — {evidence.location.describe()}")
            if info:
                out += ["", f"**{info.source}** ({info.commitment_ref}): {info.commitment_quote}"]
            if finding.suggestion:
                out += ["", f"**What to ask for:** {finding.suggestion}"]
            out.append("")
        return out
