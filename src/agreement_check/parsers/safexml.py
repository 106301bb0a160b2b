"""Hardened access to the ZIP and XML layers of a DOCX.

A DOCX is a zip of XML parts written by whoever sent it. We refuse DTDs (Word never
writes them, and they carry entity-expansion and external-entity attacks), cap how far
any member may inflate, and let libxml2 keep its default depth limit.
"""

from __future__ import annotations

import zipfile

from lxml import etree

from agreement_check.errors import DocumentError
from agreement_check.parsers.options import ParseOptions

_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, remove_comments=True
)


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
        info = self._zip.getinfo(name)
        cap = self._options.max_member_bytes
        if info.file_size > cap:
            raise DocumentError("too-large", f"Part {name} would inflate past {cap // 2**20} MiB.")
        try:
            with self._zip.open(info) as stream:
                data = stream.read(cap + 1)
        except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
            raise DocumentError("corrupt", f"The DOCX is damaged: part {name} ({exc}).") from exc
        except NotImplementedError as exc:
            raise DocumentError("corrupt", f"Part {name} uses an unsupported compression.") from exc
        if len(data) > cap:
            raise DocumentError("too-large", f"Part {name} inflates past {cap // 2**20} MiB.")
        self._read_total += len(data)
        if self._read_total > self._options.max_package_bytes:
            raise DocumentError("too-large", "The DOCX inflates past the package size limit.")
        return data

    def xml(self, name: str) -> etree._Element | None:
        data = self.read(name)
        return None if data is None else parse_xml(data, name)


def parse_xml(data: bytes, name: str) -> etree._Element:
    if b"<!DOCTYPE" in data[:4096] or b"<!ENTITY" in data:
        raise DocumentError("corrupt", f"Part {name} declares a DTD or entities, which DOCX never uses.")
    try:
        return etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as exc:
        raise DocumentError("corrupt", f"Part {name} is not well-formed XML ({exc}).") from exc
