"""Limits and choices that govern reading a document. Defaults suit a shared server; those
the user can set (`--revisions`, `--pdf-engine`, `--max-pages`, `--ocr`) come from
`settings_spec`, the rest are fixed here."""

from __future__ import annotations

from dataclasses import dataclass

from agreement_check import settings_spec as spec

MiB = 1024 * 1024


@dataclass(frozen=True)
class ParseOptions:
    # Tracked changes: read as accepted, as the original text, or (where a document has
    # pending changes) both ways, the accepted reading being the main one.
    revisions: spec.Revisions = spec.REVISIONS.default
    pdf_engine: spec.PdfEngine = spec.PDF_ENGINE.default
    max_file_bytes: int = 200 * MiB
    max_member_bytes: int = 100 * MiB
    max_package_bytes: int = 400 * MiB
    max_pages: int = spec.MAX_PAGES.default
    max_blocks: int = 200_000
    ocr: bool = spec.OCR.default  # read pages without a text layer by OCR (Tesseract)
    helper_seconds: float = 120.0  # LibreOffice or Tesseract on one file or page, when not stopped sooner
