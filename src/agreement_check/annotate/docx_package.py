"""The package of a marked-up DOCX: the original's members copied across, with the few
parts the marking changes replaced.

A DOCX comes from whoever sent it, and its images and other parts can inflate to
gigabytes that the reader never opens. Every member is copied a chunk at a time under the
reader's caps (`SafePackage`): per part and for the package in all. The parts the marking
edits (comments, relationships, content types) are read under the same caps and parsed
with the hardened parser. A part that breaks a cap fails the copy with a `DocumentError`;
the target is written through a temporary file, so a failed copy leaves nothing behind.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from types import TracebackType

from lxml import etree

from agreement_check.errors import DocumentError
from agreement_check.output import atomic_writer
from agreement_check.parsers import ParseOptions
from agreement_check.parsers.safexml import SafePackage

CONTENT_TYPES = "[Content_Types].xml"


class DocxPackage:
    """The original package, opened for making a copy of it."""

    def __init__(self, source: Path, options: ParseOptions) -> None:
        try:
            self._zip = zipfile.ZipFile(source)
        except (zipfile.BadZipFile, OSError) as exc:
            raise DocumentError("corrupt", f"The DOCX is damaged ({exc}).") from exc
        self._parts = SafePackage(self._zip, options)

    def __enter__(self) -> DocxPackage:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self._zip.close()

    def xml(self, name: str) -> etree._Element | None:
        """A part to edit, read under the caps and parsed with the hardened parser."""
        return self._parts.xml(name)

    def write_copy(self, target: Path, replaced: dict[str, bytes]) -> None:
        """Write the package to `target` with `replaced` parts swapped in (or added)."""
        names = list(dict.fromkeys(self._zip.namelist()))  # a name listed twice is copied once
        order = [CONTENT_TYPES, *[n for n in names if n != CONTENT_TYPES]]
        order += [n for n in replaced if n not in order]
        target.parent.mkdir(parents=True, exist_ok=True)
        with atomic_writer(target) as handle, zipfile.ZipFile(handle, "w", zipfile.ZIP_DEFLATED) as out:
            for name in order:
                if name in replaced:
                    out.writestr(name, replaced[name])
                elif name in self._parts.names:
                    self._parts.copy(name, out)


def to_bytes(root: etree._Element) -> bytes:
    """A part serialised as Word writes it: UTF-8 with a standalone XML declaration."""
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))
