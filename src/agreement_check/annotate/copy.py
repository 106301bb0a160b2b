"""One entry point for a marked-up copy, whichever the format: the command line and the
web page both call it."""

from __future__ import annotations

from pathlib import Path

from agreement_check.report import DocumentResult, RuleInfo


def write_marked_copy(
    source: Path, target: Path, result: DocumentResult, rules: dict[str, RuleInfo], *, suggest_edits: bool = False
) -> str:
    """Write the copy and return its format ("docx" or "pdf"), told from the file's bytes."""
    with source.open("rb") as handle:
        is_docx = handle.read(2) == b"PK"
    if is_docx:
        from agreement_check.annotate.docx_comments import annotate_docx

        annotate_docx(source, target, result, rules, suggest_edits=suggest_edits)
        return "docx"
    from agreement_check.annotate.pdf_notes import annotate_pdf

    annotate_pdf(source, target, result, rules)
    return "pdf"
