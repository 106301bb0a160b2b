"""Broken and hostile inputs, built at test time (nothing large is committed)."""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path

from tests.builders import NS, make_docx, make_pdf, p

MiB = 1 << 20


def raw_pdf(objects: list[bytes], root: int = 1, trailer_extra: bytes = b"") -> bytes:
    """A PDF from numbered object bodies (1-based), with a correct xref table."""
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root %d 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        root,
        trailer_extra,
        xref,
    )
    return bytes(out)


def text_page_stream(text: str) -> bytes:
    body = f"BT /F1 11 Tf 60 700 Td ({text}) Tj ET".encode()
    return b"<< /Length %d >>\nstream\n" % len(body) + body + b"\nendstream"


FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def good_pdf(path: Path) -> Path:
    return make_pdf(path, [[(60, 100, "The Council may end this Agreement on six months' notice.", "Helvetica", 11)]])


def truncated(path: Path, source: Path) -> Path:
    data = source.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def broken_xref_pdf(path: Path) -> Path:
    data = raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            text_page_stream("Grant terms with a damaged cross-reference table."),
            FONT,
        ]
    )
    data = data.replace(b"xref\n", b"xref\ngarbage here\n").replace(b"startxref\n", b"startxref\n99999")
    path.write_bytes(data)
    return path


def page_tree_loop_pdf(path: Path) -> Path:
    """The page tree's Kids point back at itself."""
    path.write_bytes(
        raw_pdf(
            [
                b"<< /Type /Catalog /Pages 2 0 R >>",
                b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
                text_page_stream("Looping tree."),
                FONT,
            ]
        )
    )
    return path


def mediabox_loop_pdf(path: Path) -> Path:
    """A MediaBox that is a reference to itself, through two objects."""
    path.write_bytes(
        raw_pdf(
            [
                b"<< /Type /Catalog /Pages 2 0 R >>",
                b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                b"<< /Type /Page /Parent 2 0 R /MediaBox 6 0 R /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
                text_page_stream("MediaBox loop."),
                FONT,
                b"7 0 R",
                b"6 0 R",
            ]
        )
    )
    return path


def many_pages_pdf(path: Path, pages: int) -> Path:
    kids = b" ".join(b"%d 0 R" % (3 + i) for i in range(pages))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % pages]
    content = 3 + pages
    objects += [
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R /Resources << /Font << /F1 %d 0 R >> >> >>"
        % (content, content + 1)
    ] * pages
    objects += [text_page_stream("A page."), FONT]
    path.write_bytes(raw_pdf(objects))
    return path


def huge_stream_pdf(path: Path, megabytes: int) -> Path:
    """One page whose content stream inflates to `megabytes` MB of drawing operators."""
    chunk = b"0 0 m 1 1 l S\n" * 4096
    compressor = zlib.compressobj(9)
    packed = bytearray()
    for _ in range(megabytes * 1024 * 1024 // len(chunk)):
        packed += compressor.compress(chunk)
    packed += compressor.flush()
    stream = b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(packed) + bytes(packed) + b"\nendstream"
    path.write_bytes(
        raw_pdf(
            [
                b"<< /Type /Catalog /Pages 2 0 R >>",
                b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
                stream,
            ]
        )
    )
    return path


def repeated_deflate(chunk: bytes, count: int) -> bytes:
    """Raw deflate of `chunk` repeated `count` times, built from one compressed copy that
    is flushed to stand alone: gigabytes of output cost a few megabytes and milliseconds."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = compressor.compress(chunk) + compressor.flush(zlib.Z_FULL_FLUSH)
    return block * count + b"\x03\x00"  # then an empty final block


def flate_bomb(megabytes: int, fill: bytes = b" ") -> bytes:
    """A zlib stream (PDF's /FlateDecode) of `megabytes` MiB of `fill`."""
    chunk = fill * (MiB // len(fill))
    adler = 1
    for _ in range(megabytes):
        adler = zlib.adler32(chunk, adler)
    return b"\x78\xda" + repeated_deflate(chunk, megabytes) + adler.to_bytes(4, "big")


def _bomb_page_pdf(path: Path, extra: list[bytes], contents: bytes, resources: bytes = b"") -> Path:
    """One page with a line of text (object 4) and the hostile objects from 6 on."""
    page = (
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents "
        + contents
        + b" /Resources << /Font << /F1 5 0 R >> "
        + resources
        + b">> >>"
    )
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>", page]
    objects += [text_page_stream("The Council may end this Agreement on six months notice."), FONT, *extra]
    path.write_bytes(raw_pdf(objects))
    return path


def _stream(data: bytes, filters: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d /Filter %s %s>>\nstream\n" % (len(data), filters, extra) + data + b"\nendstream"


def double_flate_pdf(path: Path, megabytes: int) -> Path:
    """A content stream deflated twice (/Filter [/FlateDecode /FlateDecode]): the first
    layer is small, the second inflates to `megabytes` MiB."""
    inner = flate_bomb(megabytes)
    return _bomb_page_pdf(path, [_stream(zlib.compress(inner, 9), b"[/FlateDecode /FlateDecode]")], b"[4 0 R 6 0 R]")


def abbreviated_flate_pdf(path: Path, megabytes: int) -> Path:
    """A content stream with the abbreviated filter name /Fl."""
    return _bomb_page_pdf(path, [_stream(flate_bomb(megabytes), b"/Fl")], b"[4 0 R 6 0 R]")


def form_bomb_pdf(path: Path, megabytes: int) -> Path:
    """A small page that draws a form XObject whose stream inflates to `megabytes` MiB."""
    draw = b"q /X1 Do Q"
    form = _stream(flate_bomb(megabytes), b"/FlateDecode", b"/Type /XObject /Subtype /Form /BBox [0 0 595 842] ")
    objects = [b"<< /Length %d >>\nstream\n" % len(draw) + draw + b"\nendstream", form]
    return _bomb_page_pdf(path, objects, b"[4 0 R 6 0 R]", b"/XObject << /X1 7 0 R >> ")


def billion_laughs_docx(path: Path) -> Path:
    lol = (
        '<!DOCTYPE w:document [<!ENTITY a "lollollollollol">'
        + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9))
        + "]>"
    )
    xml = (
        f'<?xml version="1.0"?>{lol}<w:document {NS}><w:body><w:p><w:r><w:t>&j;</w:t></w:r></w:p></w:body></w:document>'
    )
    return _with_document(path, xml)


def xxe_docx(path: Path, secret: Path) -> Path:
    xml = (
        f'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY x SYSTEM "{secret.as_uri()}">]>'
        f"<w:document {NS}><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>"
    )
    return _with_document(path, xml)


def deep_xml_docx(path: Path, depth: int) -> Path:
    inner = "<w:sdt><w:sdtContent>" * depth + p("deep") + "</w:sdtContent></w:sdt>" * depth
    return _with_document(path, f'<?xml version="1.0"?><w:document {NS}><w:body>{inner}</w:body></w:document>')


def zip_bomb_docx(path: Path, megabytes: int) -> Path:
    make_docx(path, p("small"))
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/header1.xml", b"<a>" + b" " * (megabytes * 1024 * 1024) + b"</a>")
    return path


def media_bomb_docx(path: Path, parts: int, megabytes_each: int) -> Path:
    """A readable agreement whose package also holds `parts` images of zeros inflating to
    `megabytes_each` MiB each: the reader never opens them, a marked-up copy must."""
    make_docx(path, p("The Council may end this Agreement on six months' notice."))
    raw = repeated_deflate(bytes(MiB), megabytes_each)
    crc = 0
    for _ in range(megabytes_each):
        crc = zlib.crc32(bytes(MiB), crc)
    with zipfile.ZipFile(path, "a") as z:
        for i in range(parts):
            _add_deflated(z, f"word/media/image{i + 1}.png", raw, megabytes_each * MiB, crc)
    return path


def _add_deflated(z: zipfile.ZipFile, name: str, raw: bytes, size: int, crc: int) -> None:
    """Add a member from data deflated beforehand (zipfile has no public way to)."""
    info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    info.file_size, info.compress_size, info.CRC = size, len(raw), crc
    assert z.fp is not None
    info.header_offset = z.fp.tell()
    z.fp.write(info.FileHeader())
    z.fp.write(raw)
    z.start_dir = z.fp.tell()  # type: ignore[attr-defined]
    z.filelist.append(info)
    z.NameToInfo[name] = info
    z._didModify = True  # type: ignore[attr-defined]


def with_part(path: Path, name: str, xml: str) -> Path:
    """A readable agreement with one more part (or a part replaced) as given."""
    make_docx(path, p("The Council may end this Agreement on six months' notice."))
    return _replace_part(path, name, xml.encode())


def many_paragraphs_docx(path: Path, count: int) -> Path:
    body = "".join(p(f"Paragraph {i} of the schedule sets out an activity.") for i in range(count))
    return make_docx(path, body)


def zip_of_other_things(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("photo.jpg", b"\xff\xd8\xff" + b"0" * 100)
    return path


def _with_document(path: Path, xml: str) -> Path:
    make_docx(path, p("placeholder"))
    return _replace_part(path, "word/document.xml", xml.encode())


def _replace_part(path: Path, name: str, data: bytes) -> Path:
    parts = {}
    with zipfile.ZipFile(path) as z:
        for member in z.namelist():
            parts[member] = z.read(member)
    parts[name] = data
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for member, content in parts.items():
            z.writestr(member, content)
    return path
