"""Hidden text is not agreement text: a document whose visible text lacks a provision
gets the findings of the same document without it, however the wording was hidden, and
a warning says how many words were left out, in every format."""

from __future__ import annotations

from pathlib import Path

import pytest

from agreement_check.api import CheckOptions, check
from agreement_check.parsers import read_document
from tests.builders import NS, STYLES, make_docx, make_odt, p

VISIBLE = [
    "1. The Council will pay the grant of 20,000 pounds for the two years from 1 April 2026 to 31 March 2028.",
    "2. You may use the grant for the project and a fair share of your overhead costs.",
    "4. Any dispute will be referred to the Compact mediation procedure.",
]
HIDDEN = "3. We may end this agreement for any reason by giving you six months' notice in writing."
WARNING = "17 words in this document are hidden from a reader and were not checked: “3. We may end this agreement"


def outcome(path: Path) -> list[tuple[str, str, str]]:
    (result,) = check([path], CheckOptions(isolate=False, pack="leeds-compact")).documents
    assert result.status == "checked", result.error_message
    return [(f.rule, f.status, f.message) for f in result.findings]


def run(text: str, rpr: str = "") -> str:
    return f'<w:r><w:rPr>{rpr}</w:rPr><w:t xml:space="preserve">{text}</w:t></w:r>'


def docx_with(path: Path, hidden_paragraph: str | None, styles: str = STYLES) -> Path:
    paragraphs = [p(VISIBLE[0]), p(VISIBLE[1])]
    if hidden_paragraph is not None:
        paragraphs.append(hidden_paragraph)
    paragraphs.append(p(VISIBLE[2]))
    return make_docx(path, "".join(paragraphs), styles_xml=styles)


STYLES_WITH_HIDDEN = STYLES.replace(
    "</w:styles>",
    '<w:style w:type="character" w:styleId="Secret"><w:name w:val="Secret"/><w:rPr><w:vanish/></w:rPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="Ghost"><w:name w:val="Ghost"/><w:rPr><w:color w:val="FFFFFF"/></w:rPr>'
    "</w:style></w:styles>",
)
WHITE = '<w:color w:val="FFFFFF"/>'
TINY = '<w:sz w:val="2"/>'
DOCX_WAYS = {
    "vanish": f"<w:p>{run(HIDDEN, '<w:vanish/>')}</w:p>",
    "specVanish": f"<w:p>{run(HIDDEN, '<w:specVanish/>')}</w:p>",
    "white on white": f"<w:p>{run(HIDDEN, WHITE)}</w:p>",
    "near white on a white page": f"<w:p>{run(HIDDEN, WHITE.replace('FFFFFF', 'FDFDFD'))}</w:p>",
    "character style": f"<w:p>{run(HIDDEN, '<w:rStyle w:val=' + chr(34) + 'Secret' + chr(34) + '/>')}</w:p>",
    "paragraph style colour": f'<w:p><w:pPr><w:pStyle w:val="Ghost"/></w:pPr>{run(HIDDEN)}</w:p>',
    "1 pt": f"<w:p>{run(HIDDEN, TINY)}</w:p>",
    "split across runs": f"<w:p>{run(HIDDEN[:20], '<w:vanish/>')}{run(HIDDEN[20:], WHITE)}</w:p>",
}


@pytest.fixture(scope="module")
def plain_docx(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[str, str, str]]:
    return outcome(docx_with(tmp_path_factory.mktemp("plain") / "plain.docx", None))


@pytest.mark.parametrize("way", sorted(DOCX_WAYS))
def test_docx_hidden_wording_gives_the_findings_of_its_absence(
    tmp_path: Path, plain_docx: list[tuple[str, str, str]], way: str
) -> None:
    path = docx_with(tmp_path / "hidden.docx", DOCX_WAYS[way], STYLES_WITH_HIDDEN)
    document = read_document(path)
    assert HIDDEN not in document.text()
    assert document.warnings[0].startswith(WARNING)
    assert outcome(path) == plain_docx


def test_docx_text_that_can_be_seen_stays(tmp_path: Path) -> None:
    shaded = f'<w:p><w:pPr><w:shd w:val="clear" w:fill="1F3864"/></w:pPr>{run(HIDDEN, WHITE)}</w:p>'
    shown = '<w:vanish w:val="0"/><w:sz w:val="20"/>'
    for paragraph in (shaded, f"<w:p>{run(HIDDEN, shown)}</w:p>"):
        document = read_document(docx_with(tmp_path / "seen.docx", paragraph))
        assert HIDDEN in document.text()
        assert not document.warnings


def pdf_with(path: Path, way: str | None) -> Path:
    """The agreement as a PDF, with clause 3 hidden in one of the ways a PDF can hide text."""
    from reportlab.lib.colors import white
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=(595, 842), invariant=1)
    y = 742
    for text in VISIBLE[:2]:
        c.setFont("Helvetica", 9)
        c.drawString(40, y, text)
        y -= 30
    if way is not None:
        c.saveState()  # the render mode and colour last past the text object
        text = c.beginText(40, y)
        text.setFont("Helvetica", 1 if way == "1 pt" else 9)
        if way == "invisible":
            text.setTextRenderMode(3)
        if way == "white on white":
            text.setFillColor(white)
        if way == "outside the page":
            text.setTextOrigin(40, 900)
        text.textLine(HIDDEN)
        c.drawText(text)
        c.restoreState()
    y -= 30
    c.setFont("Helvetica", 9)
    c.drawString(40, y, VISIBLE[2])
    c.showPage()
    c.save()
    return path


@pytest.fixture(scope="module")
def plain_pdf(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[str, str, str]]:
    return outcome(pdf_with(tmp_path_factory.mktemp("plain") / "plain.pdf", None))


@pytest.mark.parametrize("way", ["invisible", "white on white", "outside the page", "1 pt"])
def test_pdf_hidden_wording_gives_the_findings_of_its_absence(
    tmp_path: Path, plain_pdf: list[tuple[str, str, str]], way: str
) -> None:
    path = pdf_with(tmp_path / "hidden.pdf", way)
    document = read_document(path)
    assert "six months" not in document.text()
    assert document.warnings[0].startswith(WARNING)
    assert outcome(path) == plain_pdf


def test_pdf_white_text_on_a_dark_box_and_an_ocr_layer_over_a_scan_are_seen(tmp_path: Path) -> None:
    from PIL import Image
    from reportlab.lib.colors import HexColor, white
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    path = tmp_path / "seen.pdf"
    c = canvas.Canvas(str(path), pagesize=(595, 842), invariant=1)
    c.setFillColor(HexColor("#1F3864"))
    c.rect(30, 730, 540, 30, fill=1, stroke=0)
    c.setFillColor(white)
    c.setFont("Helvetica", 9)
    c.drawString(40, 742, HIDDEN)
    c.drawImage(ImageReader(Image.new("L", (200, 100), 230)), 30, 500, width=540, height=200)
    layer = c.beginText(40, 600)
    layer.setTextRenderMode(3)
    layer.setFont("Helvetica", 9)
    layer.textLine(VISIBLE[0])
    c.saveState()
    c.drawText(layer)
    c.restoreState()
    c.showPage()
    c.save()
    document = read_document(path)
    assert HIDDEN in document.text() and VISIBLE[0] in document.text()
    assert not document.warnings


ODT_STYLES = (
    '<style:style style:name="Gone" style:family="text"><style:text-properties text:display="none"/></style:style>'
    '<style:style style:name="White" style:family="text"><style:text-properties fo:color="#ffffff"/></style:style>'
    '<style:style style:name="Tiny" style:family="text"><style:text-properties fo:font-size="1pt"/></style:style>'
)
ODT_WAYS = {
    "display none": f'<text:p><text:span text:style-name="Gone">{HIDDEN}</text:span></text:p>',
    "white on white": f'<text:p><text:span text:style-name="White">{HIDDEN}</text:span></text:p>',
    "1 pt": f'<text:p><text:span text:style-name="Tiny">{HIDDEN}</text:span></text:p>',
    "hidden text field": f'<text:p><text:hidden-text text:is-hidden="true" text:string-value="{HIDDEN}"/></text:p>',
    "hidden paragraph": f'<text:p><text:hidden-paragraph text:is-hidden="true"/>{HIDDEN}</text:p>',
}


def odt_with(path: Path, hidden: str | None) -> Path:
    paragraphs = [f"<text:p>{VISIBLE[0]}</text:p>", f"<text:p>{VISIBLE[1]}</text:p>"]
    paragraphs += [hidden] if hidden else []
    paragraphs.append(f"<text:p>{VISIBLE[2]}</text:p>")
    return make_odt(path, "".join(paragraphs), automatic_styles=ODT_STYLES)


@pytest.mark.parametrize("way", sorted(ODT_WAYS))
def test_odt_hidden_wording_gives_the_findings_of_its_absence(
    tmp_path: Path, plain_docx: list[tuple[str, str, str]], way: str
) -> None:
    path = odt_with(tmp_path / "hidden.odt", ODT_WAYS[way])
    document = read_document(path)
    assert "six months" not in document.text()
    assert document.warnings[0].startswith(WARNING)
    assert outcome(path) == plain_docx


def test_the_warning_reaches_every_report_format(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from agreement_check.cli.main import cli
    from agreement_check.reporters import FORMATS

    path = docx_with(tmp_path / "hidden.docx", DOCX_WAYS["vanish"])
    for fmt in FORMATS:
        out = tmp_path / f"report.{fmt}"
        result = CliRunner().invoke(
            cli,
            [
                "check",
                str(path),
                "--pack",
                "leeds-compact",
                "--format",
                fmt,
                "--output",
                str(out),
                "--quiet",
                "--fail-on",
                "never",
            ],
        )
        assert result.exit_code == 0, (fmt, result.output)
        assert "hidden from a reader and were not checked" in out.read_text(encoding="utf-8"), fmt


def test_the_text_report_shows_the_warning_first(tmp_path: Path) -> None:
    from agreement_check.reporters import get_reporter

    path = docx_with(tmp_path / "hidden.docx", DOCX_WAYS["vanish"])
    report = check([path], CheckOptions(isolate=False, pack="leeds-compact"))
    lines = get_reporter("text").render(report).splitlines()
    first_note = next(i for i, line in enumerate(lines) if "Note:" in line)
    assert "hidden from a reader" in lines[first_note]
    assert all(not line.lstrip().startswith(("GAP", "CHECK", "ok ", "n/a")) for line in lines[:first_note])


assert NS  # the builders' namespaces are what the hidden-run XML above relies on


def test_the_web_page_shows_the_warning_before_the_findings(tmp_path: Path) -> None:
    pytest.importorskip("starlette")
    from starlette.testclient import TestClient

    from agreement_check.web.app import WebSettings, create_app

    data = docx_with(tmp_path / "hidden.docx", DOCX_WAYS["vanish"]).read_bytes()
    client = TestClient(create_app(WebSettings(max_files=1, max_file_mb=1)))
    response = client.post(
        "/check",
        files=[("files", ("offer.docx", data, "application/octet-stream"))],
        data={"pack": "leeds-compact"},
    )
    assert response.status_code == 200
    page = response.text
    assert "hidden from a reader and were not checked" in page
    assert page.index("hidden from a reader") < page.index('<article class="finding')


def test_a_hidden_space_still_parts_words(tmp_path: Path) -> None:
    paragraph = (
        f"<w:p>{run('one')}{run(' ', WHITE)}{run('month', '<w:vanish/>')}{run(' ', '<w:vanish/>')}{run('two')}</w:p>"
    )
    document = read_document(docx_with(tmp_path / "spaces.docx", paragraph))
    assert "one two" in document.text()
    assert document.warnings[0].startswith(
        "1 word in this document is hidden from a reader and was not checked: “month”"
    )
