"""Time the helpers behind the other formats: OCR seconds per scanned page (a 20-page
scan checked with --ocr through the isolated worker, as a user runs it), and LibreOffice
seconds to convert one .doc and one .rtf agreement. With ocrmypdf importable, it also
reads the scanned test page through ocrmypdf, the alternative we measured.

    .venv/bin/python -m bench.formats
"""

from __future__ import annotations

import difflib
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.parsers.test_ocr import scanned_pdf
from tests.parsers.test_word_formats import make_rtf, make_word

from agreement_check.api import CheckOptions, check
from agreement_check.parsers import ParseOptions, read_document
from agreement_check.parsers.libreoffice import soffice

PAGE = [
    "1. Definitions. In this Agreement the Funder means Leeds City Council and the Recipient means",
    "the organisation named in Schedule 1. 2. The Grant. The Funder will pay the Recipient a grant of",
    "45,000 pounds in each year of the Funding Period, in quarterly instalments in advance, subject to",
    "the conditions below. 3. Use of the Grant. The Recipient shall use the Grant only for the Project",
    "described in Schedule 2 and may include a fair share of its overhead costs. 4. Monitoring. The",
    "Recipient will provide a short report every six months, in proportion to the size of the Grant.",
    "5. Reserves. The Recipient may hold reserves in line with its reserves policy. 6. Termination.",
    "The Funder may end this Agreement because of a change in its financial allocations, needs or",
    "priorities only by giving the Recipient at least six months' written notice. 7. Notices. Any",
    "notice under this Agreement shall be in writing and delivered by hand or sent by first class post.",
] * 3


def ocr_seconds_per_page(root: Path, pages: int = 20) -> tuple[float, float]:
    """Wall and CPU seconds per page of a 20-page scan checked with --ocr, isolated."""
    import pypdfium2 as pdfium

    one = scanned_pdf(root / "page.pdf", PAGE)
    book = pdfium.PdfDocument.new()
    source = pdfium.PdfDocument(str(one))
    for _ in range(pages):
        book.import_pages(source)
    scan = root / f"scan-{pages}-pages.pdf"
    book.save(str(scan))
    start, cpu = time.perf_counter(), _children_cpu()
    (result,) = check([scan], CheckOptions(parse=ParseOptions(ocr=True), jobs=1, timeout=900)).documents
    total, cpu = time.perf_counter() - start, _children_cpu() - cpu
    assert result.status == "checked", result.error_message
    return total / pages, cpu / pages


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def ocr_accuracy(root: Path) -> float:
    one = scanned_pdf(root / "accuracy.pdf", PAGE[:10])
    words = read_document(one, ParseOptions(ocr=True)).text().split()
    truth = " ".join(PAGE[:10]).split()
    matcher = difflib.SequenceMatcher(None, truth, words, autojunk=False)
    return sum(block.size for block in matcher.get_matching_blocks()) / len(truth)


def conversion_seconds(root: Path, runs: int = 3) -> dict[str, float]:
    word = make_word(root / "agreement.docx")
    program = soffice()
    assert program, "LibreOffice is not installed"
    subprocess.run(
        [program, f"-env:UserInstallation={(root / 'p').as_uri()}", "--headless", "--convert-to", "doc",
         "--outdir", str(root), str(word)],
        check=True, capture_output=True,
    )  # fmt: skip
    files = {"doc": root / "agreement.doc", "rtf": make_rtf(root / "agreement.rtf")}
    out = {}
    for fmt, path in files.items():
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            read_document(path)
            times.append(time.perf_counter() - start)
        out[fmt] = statistics.median(times)
    return out


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        wall, cpu = ocr_seconds_per_page(root)
        print(f"OCR: a 20-page scan checked with --ocr, isolated: {wall:.1f} s a page ({cpu:.1f} CPU-seconds a page)")
        print(f"OCR word accuracy on the scanned test page: {ocr_accuracy(root):.3f}")
        for fmt, seconds in conversion_seconds(root).items():
            print(f"LibreOffice: one .{fmt} agreement converted and read in {seconds:.1f} s (median of 3)")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
