"""The HTML report as a commissioner sees it: rendered by headless Chromium, its text read
back from the live DOM and its screenshot checked for the coloured batch table."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import lxml.html
import pytest

from agreement_check.report import Report
from agreement_check.reporters import get_reporter
from tests.reporters.batch import forty
from tests.reporters.png import colour_share

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
    "--force-device-scale-factor=1",
]

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed (.ci/run installs it)")


def chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    profile = tmp_path / "profile"
    return subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *args],  # type: ignore[list-item]
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_report_renders_with_its_content_and_colours(report: Report, tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    page.write_text(get_reporter("html").render(report), encoding="utf-8")
    dom = chromium(tmp_path, "--dump-dom", page.as_uri()).stdout
    assert "agreement-check report" in dom
    assert "short-notice.txt" in dom and "broken.pdf" in dom
    assert "What to ask for:" in dom
    assert "At least six months' notice before the funder ends the agreement" in dom

    shot = tmp_path / "report.png"
    chromium(tmp_path, f"--screenshot={shot}", "--window-size=1280,1600", page.as_uri())
    assert shot.is_file() and shot.stat().st_size > 20_000
    assert colour_share(shot, (0xFD, 0xE2, 0xE1)) > 0.0005  # the pink of a gap cell
    assert colour_share(shot, (0xE3, 0xF4, 0xE4)) > 0.002  # the green of met cells


MEASURE = """<script>
window.addEventListener("load", function () {
  var frames = Array.prototype.map.call(document.querySelectorAll(".table-wrap"), function (w) {
    return w.scrollWidth + "/" + w.clientWidth;
  });
  var name = document.querySelector("tbody th.doc");
  document.body.setAttribute("data-frames", frames.join(" "));
  document.body.setAttribute("data-page", document.documentElement.scrollWidth + "/" + window.innerWidth);
  document.body.setAttribute("data-name", getComputedStyle(name).position);
});
</script></body>"""


def measured(tmp_path: Path, html: str, width: int) -> dict[str, str]:
    """The batch table's frames and the page as laid out in a window `width` px wide."""
    page = tmp_path / f"measure-{width}.html"
    page.write_text(html.replace("</body>", MEASURE), encoding="utf-8")
    dom = chromium(tmp_path, f"--window-size={width},900", "--dump-dom", page.as_uri()).stdout
    body = lxml.html.fromstring(dom).body
    return {key: body.get(f"data-{key}", "") for key in ("frames", "page", "name")}


def fits(measure: str) -> bool:
    scroll, client = measure.split("/")
    return int(scroll) <= int(client)


def test_a_batch_of_forty_fits_a_1280_px_window(report: Report, tmp_path: Path) -> None:
    html = get_reporter("html").render(forty(report))
    wide = measured(tmp_path, html, 1280)
    assert wide["frames"] and all(fits(frame) for frame in wide["frames"].split()), wide
    assert fits(wide["page"]), wide
    narrow = measured(tmp_path, html, 760)  # a small laptop with a sidebar: the table scrolls in its frame
    assert not fits(narrow["frames"].split()[0]) and narrow["name"] == "sticky", narrow

    page = tmp_path / "batch.html"
    page.write_text(html, encoding="utf-8")
    shot = tmp_path / "batch.png"
    chromium(tmp_path, f"--screenshot={shot}", "--window-size=1280,1000", page.as_uri())
    assert colour_share(shot, (0xFD, 0xE2, 0xE1)) > 0.001  # gap cells
    assert colour_share(shot, (0xE3, 0xF4, 0xE4)) > 0.005  # met cells


def printed(tmp_path: Path, html: str, name: str) -> list[str]:
    """The text of each page of the report printed to PDF, after checking that the page is
    landscape A4 and that no text lies beyond its right edge (Chromium keeps the text of
    a cut column in the PDF, outside the page)."""
    import pypdfium2

    page = tmp_path / f"{name}.html"
    page.write_text(html, encoding="utf-8")
    pdf_path = tmp_path / f"{name}.pdf"
    chromium(tmp_path, "--no-pdf-header-footer", f"--print-to-pdf={pdf_path}", page.as_uri())
    pdf = pypdfium2.PdfDocument(pdf_path)
    texts = []
    for i in range(len(pdf)):
        width, height = pdf[i].get_size()
        assert abs(width - 842) < 3 and abs(height - 595) < 3, (width, height)  # A4 landscape, in points
        text = pdf[i].get_textpage()
        right = max((text.get_charbox(c)[2] for c in range(text.count_chars())), default=0)
        assert right <= width, f"text runs off page {i + 1} at {right:.0f} pt"  # a column cut by the page edge
        texts.append(text.get_text_range())
    pdf.close()
    return texts


ROW = re.compile(r"\d+ \d+ \d+ .*[✗?✓–]$")  # a row as printed: gap counts, facts, one symbol per rule


def test_a_batch_of_forty_prints_on_landscape_a4_with_every_column(report: Report, tmp_path: Path) -> None:
    batch = forty(report)
    rules = [r for r in batch.rules if r.startswith("leeds-compact/")]
    pages = printed(tmp_path, get_reporter("html").render(batch), "batch")
    assert 2 <= len(pages) <= 3  # about twenty documents a page
    last_rule = rules[-1].split("/")[-1].replace("-", " ")
    rows = [line for text in pages for line in text.splitlines() if ROW.search(line)]
    assert len(rows) == 39  # one per distinct document
    for line in rows:  # each row reaches its last rule column
        assert sum(line.count(symbol) for symbol in "✗?✓–") == len(rules), line
    for text in pages:
        if any(ROW.search(line) for line in text.splitlines()):
            assert "Funder's notice" in text and last_rule in text  # headings repeat on every page
    assert all(f"agreement-{i:02d}.txt" in "".join(pages) for i in range(39))
    assert "What to ask for:" not in "".join(pages)


def test_a_single_document_prints_with_its_gaps(report: Report, tmp_path: Path) -> None:
    pages = printed(tmp_path, get_reporter("html").render(report), "single")
    assert "What to ask for:" in "".join(pages)
