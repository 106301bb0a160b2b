"""Build small DOCX and PDF inputs in code, so every parser feature has a test that shows
exactly the XML or page layout it reads."""

from __future__ import annotations

import zipfile
from pathlib import Path

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = (
    f'xmlns:w="{W_NS}" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
</Types>"""
ROOT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>"""


def p(text: str, style: str | None = None, num: tuple[int, int] | None = None, extra: str = "") -> str:
    """A paragraph with one run; `num` is (numId, ilvl)."""
    props = ""
    if style:
        props += f'<w:pStyle w:val="{style}"/>'
    if num:
        props += f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
    ppr = f"<w:pPr>{props}</w:pPr>" if props else ""
    return f'<w:p>{ppr}<w:r><w:t xml:space="preserve">{text}</w:t></w:r>{extra}</w:p>'


def numbering(*abstracts: str, nums: dict[int, int] | None = None, overrides: str = "") -> str:
    nums = nums or {1: 0}
    num_xml = "".join(
        f'<w:num w:numId="{n}"><w:abstractNumId w:val="{a}"/>{overrides if n == max(nums) and overrides else ""}</w:num>'
        for n, a in nums.items()
    )
    return f'<?xml version="1.0" encoding="UTF-8"?><w:numbering {NS}>{"".join(abstracts)}{num_xml}</w:numbering>'


def abstract(aid: int, levels: list[tuple[str, str]]) -> str:
    """`levels`: (numFmt, lvlText) for levels 0, 1, 2..."""
    lvls = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/></w:lvl>'
        for i, (fmt, text) in enumerate(levels)
    )
    return f'<w:abstractNum w:abstractNumId="{aid}">{lvls}</w:abstractNum>'


STYLES = f"""<?xml version="1.0" encoding="UTF-8"?><w:styles {NS}>
<w:style w:type="paragraph" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="ClauseHeading"><w:name w:val="Clause Heading"/><w:basedOn w:val="Heading1"/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style>
</w:styles>"""


def make_docx(
    path: Path,
    body: str,
    *,
    numbering_xml: str | None = None,
    styles_xml: str | None = STYLES,
    footnotes: str | None = None,
    headers: dict[str, str] | None = None,
    extra_parts: dict[str, bytes] | None = None,
) -> Path:
    document = f'<?xml version="1.0" encoding="UTF-8"?><w:document {NS}><w:body>{body}<w:sectPr/></w:body></w:document>'
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", ROOT_RELS)
        z.writestr("word/document.xml", document)
        if styles_xml:
            z.writestr("word/styles.xml", styles_xml)
        if numbering_xml:
            z.writestr("word/numbering.xml", numbering_xml)
        if footnotes:
            z.writestr(
                "word/footnotes.xml",
                f'<?xml version="1.0" encoding="UTF-8"?><w:footnotes {NS}>'
                f'<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
                f'<w:footnote w:id="1">{footnotes}</w:footnote></w:footnotes>',
            )
        for name, xml in (headers or {}).items():
            tag = "hdr" if name.startswith("header") else "ftr"
            z.writestr(f"word/{name}.xml", f'<?xml version="1.0" encoding="UTF-8"?><w:{tag} {NS}>{xml}</w:{tag}>')
        for name, data in (extra_parts or {}).items():
            z.writestr(name, data)
    return path


def make_pdf(path: Path, pages: list[list[tuple[float, float, str, str, float]]], size=(595, 842)) -> Path:
    """Each page is a list of (x, y_from_top, text, font, size) lines."""
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=size, invariant=1)
    for lines in pages:
        for x, y, text, font, font_size in lines:
            c.setFont(font, font_size)
            c.drawString(x, size[1] - y, text)
        c.showPage()
    c.save()
    return path


def body_lines(
    texts: list[str], top: float = 100, x: float = 60, size: float = 11, gap: float = 14, para_gap: float = 10
) -> list:
    """Lines of running text; an empty string starts a new paragraph."""
    out = []
    y = top
    for text in texts:
        if text == "":
            y += para_gap
            continue
        out.append((x, y, text, "Helvetica", size))
        y += gap
    return out


ODF_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"'
)
ODF_LIST_STYLE = (
    '<text:list-style style:name="L1">'
    '<text:list-level-style-number text:level="1" style:num-format="1" style:num-suffix="."/>'
    '<text:list-level-style-number text:level="2" style:num-format="a" style:num-prefix="(" style:num-suffix=")"/>'
    "</text:list-style>"
)


def make_odt(
    path: Path, body: str, *, automatic_styles: str = "", styles: str = ODF_LIST_STYLE, mimetype: str = "text"
) -> Path:
    """An OpenDocument text file with `body` inside office:text; `styles` go in styles.xml."""
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODF_NS} office:version="1.3">'
        f"<office:automatic-styles>{automatic_styles}</office:automatic-styles>"
        f"<office:body><office:text>{body}</office:text></office:body></office:document-content>"
    )
    styles_xml = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-styles {ODF_NS} office:version="1.3">'
        f"<office:styles>{styles}</office:styles></office:document-styles>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">'
        f'<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.{mimetype}"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo("mimetype"), f"application/vnd.oasis.opendocument.{mimetype}")
        z.writestr("content.xml", content)
        z.writestr("styles.xml", styles_xml)
        z.writestr("META-INF/manifest.xml", manifest)
    return path


def odt_list(*items: str, style: str = "L1") -> str:
    return (
        f'<text:list text:style-name="{style}">'
        + "".join(f"<text:list-item><text:p>{item}</text:p></text:list-item>" for item in items)
        + "</text:list>"
    )
