"""Write a copy of a DOCX with a Word comment on the evidence of each gap and finding to
check, and, with `suggest_edits`, the suggested wording as tracked changes.

The copy is the original package with three parts changed or added (the document body,
the comments part, and the relationships and content types that point at it): styles,
numbering, existing tracked changes and existing comments are kept as they are.
"""

from __future__ import annotations

import re
import zipfile
from datetime import datetime, timezone
from pathlib import Path

from lxml import etree

from agreement_check.annotate import comment_text, quoted_wording
from agreement_check.model import Document
from agreement_check.output import write_bytes_atomic
from agreement_check.parsers import ParseOptions
from agreement_check.parsers.docx_reader import read_docx_tree
from agreement_check.report import DocumentResult, Finding, RuleInfo

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{W_NS}}}"
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
COMMENTS_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
COMMENTS_CONTENT = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
AUTHOR, INITIALS = "agreement-check", "AC"


def annotate_docx(
    source: Path,
    target: Path,
    result: DocumentResult,
    rules: dict[str, RuleInfo],
    *,
    comments: bool = True,
    suggest_edits: bool = False,
) -> int:
    """Write the marked-up copy; returns how many findings were marked."""
    document, root, elements = read_docx_tree(source, "", ParseOptions())
    with zipfile.ZipFile(source) as package:
        parts = {info.filename: package.read(info.filename) for info in package.infolist()}
    stamp = datetime.now(timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")
    marker = _Marker(document, root, elements, parts, stamp)
    marked = 0
    for finding in result.findings:
        if finding.status not in {"gap", "review"}:
            continue
        anchor = marker.anchor(finding, rules.get(finding.rule))
        if anchor is None:
            continue
        if comments:
            marker.comment(anchor, comment_text(finding, rules.get(finding.rule)))
        if suggest_edits and finding.suggestion and finding.status == "gap":
            marker.suggest(anchor, finding)
        marked += 1
    parts["word/document.xml"] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    if comments and marker.comment_root is not None:
        marker.attach_comments()
    write_bytes_atomic(target, _zip(parts))
    return marked


class _Marker:
    def __init__(self, document: Document, root, elements, parts: dict[str, bytes], stamp: str) -> None:  # type: ignore[no-untyped-def]
        self.document = document
        self.root = root
        self.elements = elements
        self.parts = parts
        self.stamp = stamp
        self.comment_root = None
        self.next_id = _max_id(root, parts) + 1

    def anchor(self, finding: Finding, info: RuleInfo | None) -> tuple[etree._Element, etree._Element] | None:
        """The paragraphs to mark: the evidence, else the heading of the section where the
        provision belongs, else the title."""
        blocks = [e.location.block for e in finding.evidence if e.location.block in self.elements]
        if blocks:
            paragraphs = self.elements[blocks[0]]
            return paragraphs[0], paragraphs[-1]
        patterns = [re.compile(p, re.I) for p in (info.section if info else ())]
        for block in self.document.blocks:
            if block.kind == "heading" and block.index in self.elements and any(p.search(block.text) for p in patterns):
                paragraph = self.elements[block.index][0]
                return paragraph, paragraph
        first = next((b.index for b in self.document.blocks if b.index in self.elements), None)
        if first is None:
            return None
        paragraph = self.elements[first][0]
        return paragraph, paragraph

    def comment(self, anchor: tuple[etree._Element, etree._Element], lines: list[str]) -> None:
        first, last = anchor
        cid = str(self._id())
        start = etree.Element(f"{W}commentRangeStart", {f"{W}id": cid})
        props = first.find(f"{W}pPr")
        first.insert(0 if props is None else list(first).index(props) + 1, start)
        last.append(etree.Element(f"{W}commentRangeEnd", {f"{W}id": cid}))
        reference = etree.SubElement(last, f"{W}r")
        etree.SubElement(etree.SubElement(reference, f"{W}rPr"), f"{W}rStyle", {f"{W}val": "CommentReference"})
        etree.SubElement(reference, f"{W}commentReference", {f"{W}id": cid})
        comments = self._comments()
        node = etree.SubElement(
            comments,
            f"{W}comment",
            {f"{W}id": cid, f"{W}author": AUTHOR, f"{W}initials": INITIALS, f"{W}date": self.stamp},
        )
        for line in lines:
            paragraph = etree.SubElement(node, f"{W}p")
            run = etree.SubElement(paragraph, f"{W}r")
            text = etree.SubElement(run, f"{W}t")
            text.text = line
            text.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")

    def suggest(self, anchor: tuple[etree._Element, etree._Element], finding: Finding) -> None:
        """Propose the wording as a tracked insertion after the anchor; where the finding's
        evidence contradicts the commitment, propose deleting that clause too."""
        first, last = anchor
        if finding.edit == "replace" and finding.evidence:
            for paragraph in {id(first): first, id(last): last}.values():
                self._delete_runs(paragraph)
        inserted = etree.Element(f"{W}p")
        props = first.find(f"{W}pPr")
        if props is not None:
            inserted.append(_copy_props(props))
        mark = inserted.find(f"{W}pPr")
        if mark is None:
            mark = etree.SubElement(inserted, f"{W}pPr")
        run_props = mark.find(f"{W}rPr")
        if run_props is None:
            run_props = etree.SubElement(mark, f"{W}rPr")
        etree.SubElement(run_props, f"{W}ins", self._revision())
        ins = etree.SubElement(inserted, f"{W}ins", self._revision())
        run = etree.SubElement(ins, f"{W}r")
        text = etree.SubElement(run, f"{W}t")
        text.text = quoted_wording(finding.suggestion)
        text.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        last.addnext(inserted)

    def _delete_runs(self, paragraph: etree._Element) -> None:
        for run in list(paragraph.iterchildren(f"{W}r")):
            if run.find(f"{W}commentReference") is not None:
                continue
            for text in run.iterchildren(f"{W}t"):
                text.tag = f"{W}delText"
            deletion = etree.Element(f"{W}del", self._revision())
            run.addprevious(deletion)
            deletion.append(run)

    def _revision(self) -> dict[str, str]:
        return {f"{W}id": str(self._id()), f"{W}author": AUTHOR, f"{W}date": self.stamp}

    def _id(self) -> int:
        self.next_id += 1
        return self.next_id - 1

    def _comments(self):  # type: ignore[no-untyped-def]
        if self.comment_root is None:
            existing = self.parts.get("word/comments.xml")
            self.comment_root = (
                etree.fromstring(existing) if existing else etree.Element(f"{W}comments", nsmap={"w": W_NS})
            )
        return self.comment_root

    def attach_comments(self) -> None:
        self.parts["word/comments.xml"] = etree.tostring(
            self.comment_root, xml_declaration=True, encoding="UTF-8", standalone=True
        )
        rels_name = "word/_rels/document.xml.rels"
        rels = (
            etree.fromstring(self.parts[rels_name])
            if rels_name in self.parts
            else etree.Element(f"{{{REL_NS}}}Relationships", nsmap={None: REL_NS})
        )
        if not any(r.get("Type") == COMMENTS_TYPE for r in rels):
            ids = {r.get("Id") for r in rels}
            new_id = next(f"rId{n}" for n in range(1, 10_000) if f"rId{n}" not in ids)
            etree.SubElement(
                rels, f"{{{REL_NS}}}Relationship", {"Id": new_id, "Type": COMMENTS_TYPE, "Target": "comments.xml"}
            )
        self.parts[rels_name] = etree.tostring(rels, xml_declaration=True, encoding="UTF-8", standalone=True)
        types = etree.fromstring(self.parts["[Content_Types].xml"])
        if not any(o.get("PartName") == "/word/comments.xml" for o in types):
            etree.SubElement(
                types, f"{{{CT_NS}}}Override", {"PartName": "/word/comments.xml", "ContentType": COMMENTS_CONTENT}
            )
        self.parts["[Content_Types].xml"] = etree.tostring(
            types, xml_declaration=True, encoding="UTF-8", standalone=True
        )


def comment_anchors(path: Path) -> list[tuple[str, str]]:
    """(anchored text, comment text) of each comment in a DOCX, in document order: what a
    reader sees each comment attached to. Used to check and to picture marked-up copies."""
    import docx

    with zipfile.ZipFile(path) as package:
        root = etree.fromstring(package.read("word/document.xml"))
    texts: dict[str, list[str]] = {}
    order: list[str] = []
    open_ids: set[str] = set()
    for element in root.iter():
        if element.tag == f"{W}commentRangeStart":
            open_ids.add(element.get(f"{W}id"))
            order.append(element.get(f"{W}id"))
        elif element.tag == f"{W}commentRangeEnd":
            open_ids.discard(element.get(f"{W}id"))
        elif element.tag in {f"{W}t", f"{W}delText"}:
            for cid in open_ids:
                texts.setdefault(cid, []).append(element.text or "")
    comments = {str(c.comment_id): c.text for c in docx.Document(str(path)).comments}
    return [("".join(texts.get(cid, [])), comments[cid]) for cid in order if cid in comments]


def _copy_props(props: etree._Element) -> etree._Element:
    copy = etree.fromstring(etree.tostring(props))
    for change in copy.iter(f"{W}ins", f"{W}del", f"{W}rPrChange", f"{W}pPrChange"):
        change.getparent().remove(change)
    return copy


def _max_id(root: etree._Element, parts: dict[str, bytes]) -> int:
    ids = [0]
    for element in root.iter():
        value = element.get(f"{W}id")
        if value and value.lstrip("-").isdigit():
            ids.append(int(value))
    if "word/comments.xml" in parts:
        ids += [int(v) for v in re.findall(rb'w:id="(\d+)"', parts["word/comments.xml"])]
    return max(ids)


def _zip(parts: dict[str, bytes]) -> bytes:
    import io

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for name in ["[Content_Types].xml", *[n for n in parts if n != "[Content_Types].xml"]]:
            package.writestr(name, parts[name])
    return buffer.getvalue()
