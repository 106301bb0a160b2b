"""Hardened access to the ZIP and XML layers of a DOCX.

A DOCX is a zip of XML parts written by whoever sent it. We refuse DTDs (Word never
writes them, and they carry entity-expansion and external-entity attacks), cap how far
any member may inflate and how far the package may inflate in all, and let libxml2 keep
its default depth limit. The caps hold for a part read whole (`read`, `xml`) and for one
copied a chunk at a time into another package (`copy`), so a marked-up copy never
inflates more than the reading did allow.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator

from lxml import etree

from agreement_check.errors import DocumentError
from agreement_check.parsers.options import ParseOptions

_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, remove_comments=True
)
_CHUNK = 1 << 16


class SafePackage:
    """Reads named parts of a zip package within the size limits."""

    def __init__(self, zf: zipfile.ZipFile, options: ParseOptions) -> None:
        self._zip = zf
        self._options = options
        self._read_total = 0
        self.names = set(zf.namelist())

    def read(self, name: str) -> bytes | None:
        if name not in self.names:
            return None
        return b"".join(self._chunks(name))

    def xml(self, name: str) -> etree._Element | None:
        data = self.read(name)
        return None if data is None else parse_xml(data, name)

    def copy(self, name: str, target: zipfile.ZipFile) -> None:
        """Copy the part into `target` a chunk at a time: never more than a chunk of it
        is in memory, and it counts towards the same caps as a part read whole."""
        info = self._zip.getinfo(name)
        copied = zipfile.ZipInfo(name, info.date_time)
        copied.compress_type = zipfile.ZIP_STORED if info.compress_type == zipfile.ZIP_STORED else zipfile.ZIP_DEFLATED
        copied.external_attr = info.external_attr
        with target.open(copied, "w") as out:
            for chunk in self._chunks(name):
                out.write(chunk)

    def _chunks(self, name: str) -> Iterator[bytes]:
        info = self._zip.getinfo(name)
        cap = self._options.max_member_bytes
        if info.file_size > cap:
            raise DocumentError("too-large", f"Part {name} would inflate past {cap // 2**20} MiB.")
        size = 0
        try:
            with self._zip.open(info) as stream:
                while chunk := stream.read(min(_CHUNK, cap + 1 - size)):
                    size += len(chunk)
                    self._count(name, len(chunk), size > cap)
                    yield chunk
        except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
            raise DocumentError("corrupt", f"The DOCX is damaged: part {name} ({exc}).") from exc
        except NotImplementedError as exc:
            raise DocumentError("corrupt", f"Part {name} uses an unsupported compression.") from exc

    def _count(self, name: str, size: int, past_cap: bool) -> None:
        if past_cap:
            raise DocumentError(
                "too-large", f"Part {name} inflates past {self._options.max_member_bytes // 2**20} MiB."
            )
        self._read_total += size
        if self._read_total > self._options.max_package_bytes:
            raise DocumentError(
                "too-large",
                f"The DOCX inflates past the package limit of {self._options.max_package_bytes // 2**20} MiB.",
            )


def parse_xml(data: bytes, name: str) -> etree._Element:
    """Parse a package part, refusing DTDs and entities (a DOCX never needs them)."""
    if b"<!DOCTYPE" in data[:4096] or b"<!ENTITY" in data:
        raise DocumentError("corrupt", f"Part {name} declares a DTD or entities, which DOCX never uses.")
    try:
        return etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as exc:
        if _well_formed(data):
            raise DocumentError("too-large", f"Part {name} needs more memory than the limit allows.") from exc
        raise DocumentError("corrupt", f"Part {name} is not well-formed XML ({exc}).") from exc
    except MemoryError as exc:
        raise DocumentError("too-large", f"Part {name} needs more memory than the limit allows.") from exc


def _well_formed(data: bytes) -> bool:
    """libxml2 reports a failed allocation as a syntax error ("unknown error"). Reading the
    part again as a stream, keeping nothing, tells a damaged part from one that is well
    formed but too big to build in memory under the worker's cap."""
    try:
        for _, element in etree.iterparse(io.BytesIO(data), events=("end",), resolve_entities=False, no_network=True):
            element.clear()
            while element.getprevious() is not None:
                del element.getparent()[0]
    except (etree.XMLSyntaxError, MemoryError):
        return False
    return True
