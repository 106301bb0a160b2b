"""Markdown, for a pull-request comment, a CI job summary or an email to a funder: a
summary table, then the gaps of each document in plain English with what to ask for.

Every piece of text that is not our own wording (document text, file names, rule files,
baseline reasons) goes through `sanitize.markdown`: one line, with every character that
could open a code fence, heading, image, link or raw HTML escaped."""

from __future__ import annotations

from agreement_check import __version__
from agreement_check.provenance import MARKDOWN_MARK
from agreement_check.report import DocumentResult, Report
from agreement_check.reporters.common import SEVERITY_WORDS, ask_first, counts, heading, ranked, revision_note
from agreement_check.sanitize import markdown as md


class MarkdownReporter:
    def render(self, report: Report) -> str:
        s = report.summary()
        out = [
            f"{MARKDOWN_MARK} {__version__} -->",  # unseen where it is shown; marks the file as ours
            "# agreement-check report",
            "",
            f"{s['documents']} document(s), {s['checked']} checked, {s['errors']} could not be read, "
            f"**{s['gaps']} gap(s)**, {s['review']} to check by hand."
            + (f" {s['skipped']} other file(s) in the folders not checked." if report.skipped else ""),
            "",
            "| Document | Pack | Gaps | To check | Met | Not applicable |",
            "| --- | --- | ---: | ---: | ---: | ---: |",
        ]
        for doc in report.documents:
            if doc.status == "error":
                out.append(f"| {md(doc.path)} | — | could not be read: {md(doc.error_code or '')} | | | |")
            else:
                c = counts(doc)
                out.append(
                    f"| {md(doc.path)} | {md(doc.pack or '')} | {c['gap']} | {c['review']} | {c['met']} | {c['not-applicable']} |"
                )
        for doc in report.documents:
            out += self._document(doc, report)
        out += _skipped(report)
        return "\n".join(out).rstrip() + "\n"

    def _document(self, doc: DocumentResult, report: Report) -> list[str]:
        out = ["", f"## {md(doc.path)}", ""]
        if doc.status == "error":
            return [*out, f"Could not be read ({md(doc.error_code or '')}): {md(doc.error_message or '')}"]
        out += [line for warning in doc.warnings for line in (f"_Note:_ {md(warning)}", "")]
        shown = [f for f in ranked(doc.findings) if f.status in {"gap", "review"}]
        if not shown:
            return [*out, "No gaps found."]
        first = ask_first(doc, report)
        if first:
            out += ["**Ask for these first:**", ""]
            out += [f"{n}. {md(heading(f, report.rules.get(f.rule)))}" for n, f in enumerate(first, 1)]
            out.append("")
        for finding in shown:
            info = report.rules.get(finding.rule)
            title = f"{heading(finding, info)} ({SEVERITY_WORDS.get(finding.severity, finding.severity)} priority)"
            label = "Gap" if finding.status == "gap" else "To check"
            reason = finding.accepted
            accepted = f" _(accepted: {md(reason)})_" if reason else ""
            out.append(f"### {label}: {md(title)}{accepted}")
            out.append("")
            out.append(md(finding.message))
            if finding.revisions is not None:
                out += ["", f"_{md(revision_note(finding))}_"]
            for evidence in finding.evidence:
                out.append("")
                out.append(f"> {md(evidence.text)}")
                out.append(f"> — {md(evidence.location.describe())}")
            if info:
                out += ["", f"**{md(info.source)}** ({md(info.commitment_ref)}): {md(info.commitment_quote)}"]
            if finding.suggestion:
                out += ["", f"**What to ask for:** {md(finding.suggestion)}"]
            out.append("")
        return out


def _skipped(report: Report) -> list[str]:
    """Every file a folder walk passed over, and why."""
    if not report.skipped:
        return []
    out = ["", "## Files in the folders that were not checked", ""]
    return out + [f"- {md(s.path)}: {md(s.describe())} (`{s.reason}`)" for s in report.skipped]
