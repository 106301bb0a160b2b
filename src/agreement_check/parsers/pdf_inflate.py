"""How large a PDF stream becomes once decoded, measured without ever holding more than a
budget.

pdfium and pdfminer decode a content stream whole before they read it. A few kilobytes
of deflate can stand for gigabytes, and a stream's filters can be chained (a deflate
inside a deflate), abbreviated (`/Fl`) or put behind another filter (`/ASCIIHexDecode`
first). Each stage here is decoded with a bounded decoder that stops one byte past the
budget, so recognising a bomb costs at most the budget.
"""

from __future__ import annotations

import io
import zlib
from collections.abc import Callable
from typing import Any

_CHUNK = 64 * 1024


def decoded_size(stream: Any, budget: int) -> int:
    """The size of a pdfminer `PDFStream` once every filter a reader applies to a content
    stream is applied; any number above `budget` means "too large" (decoding stops there)."""
    if stream.rawdata is None:  # pdfminer has decoded it already
        return len(stream.data or b"")
    data = _deciphered(stream)
    for name in filter_names(stream):
        if len(data) > budget:
            break
        decode = _DECODERS.get(name)
        if decode is None:
            break  # an image filter (DCT, JPX, CCITT, JBIG2) or Crypt: text readers stop here
        data = decode(data, budget)
    return len(data)


def filter_names(stream: Any) -> list[str]:
    """The names of a stream's filters; none when the filter entry is damaged."""
    try:
        filters = stream.get_filters()
    except Exception:  # a damaged filter entry: readers decode nothing
        return []
    return [str(getattr(f, "name", f)).strip("/'") for f, _ in filters]


def _deciphered(stream: Any) -> bytes:
    data: bytes = stream.rawdata
    if stream.decipher is None or stream.objid is None:
        return data
    try:
        return bytes(stream.decipher(stream.objid, stream.genno, data, stream.attrs))
    except Exception:  # a key that does not fit: measure the bytes as they are
        return data


def _inflate(data: bytes, budget: int) -> bytes:
    """Deflate, fed a chunk at a time so that damage after a valid start still counts
    what came before it (pdfium keeps that part too)."""
    inflater = zlib.decompressobj()
    out = bytearray()
    view = memoryview(data)
    for start in range(0, len(view), _CHUNK):
        try:
            out += inflater.decompress(view[start : start + _CHUNK], budget + 1 - len(out))
        except zlib.error:
            break
        if len(out) > budget or inflater.eof:
            break
    return bytes(out)


def _lzw(data: bytes, budget: int) -> bytes:
    from pdfminer.lzw import LZWDecoder

    out = bytearray()
    try:
        for piece in LZWDecoder(io.BytesIO(data)).run():
            out += piece
            if len(out) > budget:
                break
    except Exception:  # damaged codes: keep what came before
        pass
    return bytes(out)


def _ascii85(data: bytes, budget: int) -> bytes:
    from pdfminer.ascii85 import ascii85decode

    ceiling = len(data) + 4 * data.count(b"z")  # each 'z' stands for four zero bytes
    if ceiling > budget:
        return bytes(budget + 1)
    try:
        return ascii85decode(data)
    except Exception:
        return b""


def _ascii_hex(data: bytes, budget: int) -> bytes:
    from pdfminer.ascii85 import asciihexdecode

    try:
        return asciihexdecode(data)  # never longer than its input
    except Exception:
        return b""


def _run_length(data: bytes, budget: int) -> bytes:
    out = bytearray()
    i = 0
    while i < len(data) and len(out) <= budget and data[i] != 128:
        length = data[i]
        if length < 128:
            out += data[i + 1 : i + 2 + length]
            i += length + 2
        else:
            out += data[i + 1 : i + 2] * (257 - length)
            i += 2
    return bytes(out)


_DECODERS: dict[str, Callable[[bytes, int], bytes]] = {
    "FlateDecode": _inflate,
    "Fl": _inflate,
    "LZWDecode": _lzw,
    "LZW": _lzw,
    "ASCII85Decode": _ascii85,
    "A85": _ascii85,
    "ASCIIHexDecode": _ascii_hex,
    "AHx": _ascii_hex,
    "RunLengthDecode": _run_length,
    "RL": _run_length,
}
