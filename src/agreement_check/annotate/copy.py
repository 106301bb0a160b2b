"""One entry point for a marked-up copy, whichever the format.

The copy is made where the check ran, from the same reading: in the document's worker,
under the same deadline and memory cap (the command line and the web page both ask for
copies through `CheckOptions.marked_copies`). Whatever goes wrong with one copy is
recorded on that document, with a stable code, and never stops the batch.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from agreement_check.codes import ErrorCode
from agreement_check.errors import DocumentError
from agreement_check.parsers import ParseOptions, Reading
from agreement_check.report import DocumentResult, MarkedCopy, RuleInfo


def with_marked_copy(
    reading: Reading,
    target: Path,
    result: DocumentResult,
    rules: dict[str, RuleInfo],
    *,
    options: ParseOptions,
    suggest_edits: bool = False,
) -> DocumentResult:
    """`result` with its marked-up copy written to `target`, or with the reason it could
    not be (also as a warning, so every report shows it)."""
    if result.status != "checked":
        return result
    copy = make_marked_copy(reading, target, result, rules, options=options, suggest_edits=suggest_edits)
    warnings = result.warnings + ((copy.warning(),) if copy.error_code else ())
    return replace(result, marked_copy=copy, warnings=warnings)


def make_marked_copy(
    reading: Reading,
    target: Path,
    result: DocumentResult,
    rules: dict[str, RuleInfo],
    *,
    options: ParseOptions,
    suggest_edits: bool = False,
) -> MarkedCopy:
    """Write the copy; never raises for a problem with this one document."""
    try:
        fmt = write_marked_copy(reading, target, result, rules, options=options, suggest_edits=suggest_edits)
    except DocumentError as exc:
        return _failed(exc.code, exc.message)
    except MemoryError:
        return _failed("too-large", "Making the marked-up copy needed more memory than allowed.")
    except RecursionError:
        return _failed("corrupt", "The file is nested too deeply to copy.")
    except Exception as exc:  # one copy never stops the batch
        return _failed("corrupt", f"The marked-up copy could not be made ({type(exc).__name__}).")
    return MarkedCopy(path=str(target), format=fmt)


def write_marked_copy(
    reading: Reading,
    target: Path,
    result: DocumentResult,
    rules: dict[str, RuleInfo],
    *,
    options: ParseOptions,
    suggest_edits: bool = False,
) -> str:
    """Write the copy and return its format ("docx" or "pdf"), the one the check read."""
    fmt = reading.document.format
    if fmt == "docx":
        from agreement_check.annotate.docx_comments import annotate_docx

        annotate_docx(reading, target, result, rules, options=options, suggest_edits=suggest_edits)
    elif fmt == "pdf":
        from agreement_check.annotate.pdf_notes import annotate_pdf

        annotate_pdf(reading, target, result, rules)
    else:
        raise DocumentError("unsupported-format", "Marked-up copies are made of DOCX and PDF files only.")
    return fmt


def _failed(code: ErrorCode, message: str) -> MarkedCopy:
    return MarkedCopy(error_code=code, error_message=" ".join(message.split()))
