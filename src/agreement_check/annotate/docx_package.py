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

from agreement_check import __version__
from agreement_check.errors import DocumentError
from agreement_check.output import atomic_writer
from agreement_check.parsers import ParseOptions
from agreement_check.parsers.safexml import SafePackage
from agreement_check.provenance import CUSTOM_PART, MARKED_COPY, PROPERTY

CONTENT_TYPES = "[Content_Types].xml"
ROOT_RELS = "_rels/.rels"
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
CUSTOM_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
VT_NS = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
CUSTOM_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"
CUSTOM_CONTENT = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
USER_DEFINED = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"  # the format id of user-defined properties


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


def content_types(package: DocxPackage) -> etree._Element:
    """The content types part to edit (a new one when the package lacks it)."""
    types = package.xml(CONTENT_TYPES)
    return types if types is not None else etree.Element(f"{{{CT_NS}}}Types", nsmap={None: CT_NS})


def override(types: etree._Element, part: str, content_type: str) -> None:
    """Declare `part`'s content type, unless the package already does."""
    if not any(o.get("PartName") == f"/{part}" for o in types):
        etree.SubElement(types, f"{{{CT_NS}}}Override", {"PartName": f"/{part}", "ContentType": content_type})


def relate(rels: etree._Element, kind: str, target: str) -> str:
    """The target of the relationship of `kind`, added (pointing at `target`) if missing."""
    for rel in rels:
        if rel.get("Type") == kind and rel.get("Target"):
            return str(rel.get("Target"))
    ids = {r.get("Id") for r in rels}
    new_id = next(f"rId{n}" for n in range(1, len(ids) + 2) if f"rId{n}" not in ids)
    etree.SubElement(rels, f"{{{REL_NS}}}Relationship", {"Id": new_id, "Type": kind, "Target": target})
    return target


def provenance_parts(package: DocxPackage, types: etree._Element) -> dict[str, bytes]:
    """Mark the copy as ours with a custom document property (see `provenance`), kept
    beside any the original has: a re-run over the folder then knows the copy, whatever
    it has been renamed to, and Word shows it under Properties > Custom."""
    rels = package.xml(ROOT_RELS)
    if rels is None:
        rels = etree.Element(f"{{{REL_NS}}}Relationships", nsmap={None: REL_NS})
    part = relate(rels, CUSTOM_TYPE, CUSTOM_PART).lstrip("/")
    root = package.xml(part)
    if root is None or root.tag != f"{{{CUSTOM_NS}}}Properties":
        root = etree.Element(f"{{{CUSTOM_NS}}}Properties", nsmap={None: CUSTOM_NS, "vt": VT_NS})
    pids = [0, 1]  # user-defined property ids start at 2
    for prop in list(root):
        if prop.get("name") == PROPERTY:
            root.remove(prop)
        elif (prop.get("pid") or "").isdigit():
            pids.append(int(prop.get("pid") or 0))
    prop = etree.SubElement(
        root, f"{{{CUSTOM_NS}}}property", {"fmtid": USER_DEFINED, "pid": str(max(pids) + 1), "name": PROPERTY}
    )
    etree.SubElement(prop, f"{{{VT_NS}}}lpwstr").text = f"{MARKED_COPY} made by agreement-check {__version__}"
    override(types, part, CUSTOM_CONTENT)
    return {part: to_bytes(root), ROOT_RELS: to_bytes(rels)}


def to_bytes(root: etree._Element) -> bytes:
    """A part serialised as Word writes it: UTF-8 with a standalone XML declaration."""
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))
