"""Write a copy of a DOCX with a Word comment on the evidence of each gap and finding to
check, and, with `suggest_edits`, the suggested wording as tracked changes.

The copy is the original package with three parts changed or added (the document body,
the comments part, and the relationships and content types that point at it): styles,
numbering, existing tracked changes and existing comments are kept as they are. The body
is the one the check read (`Reading`), so each comment lands on the paragraphs its
finding came from; every other member is copied under the reader's caps (`DocxPackage`).
"""

from __future__ import annotations

import copy
import re
import zipfile
from datetime import datetime, timezone
from pathlib import Path

from lxml import etree

from agreement_check.annotate import comment_text, quoted_wording
from agreement_check.annotate.docx_package import (
    DocxPackage,
    content_types,
    override,
    provenance_parts,
    relate,
    to_bytes,
)
from agreement_check.annotate.docx_places import (
    contradicting_words,
    insertion_block,
    replace_words,
    section_heading,
    title_block,
)
from agreement_check.parsers import ParseOptions, Reading
from agreement_check.parsers.docx_revisions import change_elements
from agreement_check.parsers.safexml import SafePackage
from agreement_check.report import DocumentResult, Finding, RuleInfo

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{W_NS}}}"
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
COMMENTS_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
COMMENTS_CONTENT = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
AUTHOR, INITIALS = "agreement-check", "AC"
COMMENTS, RELS, TYPES = "word/comments.xml", "word/_rels/document.xml.rels", "[Content_Types].xml"


def annotate_docx(
    reading: Reading,
    target: Path,
    result: DocumentResult,
    rules: dict[str, RuleInfo],
    *,
    options: ParseOptions,
    comments: bool = True,
    suggest_edits: bool = False,
) -> int:
    """Write the marked-up copy; returns how many findings were marked. A part that breaks
    the reader's caps or is not safe XML raises `DocumentError` and nothing is written."""
    if reading.docx_root is None:
        raise ValueError("a marked-up DOCX needs the reading's document body (read_for_copy)")
    stamp = datetime.now(timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")
    with DocxPackage(Path(reading.document.path), options) as package:
        marker = _Marker(reading, package, stamp)
        if any(f.revisions is not None for f in result.findings):  # count them before anything is added
            marker.changes = change_elements(marker.root)
        marked = 0
        for finding in result.findings:
            changed = marker.changed(finding)
            if finding.status not in {"gap", "review"} and not changed:
                continue
            anchor = marker.anchor(finding, rules.get(finding.rule))
            if anchor is None:
                continue
            if comments and changed:  # on the tracked changes that make the difference
                marker.comment_on_changes(changed, comment_text(finding, rules.get(finding.rule)))
            elif comments:
                marker.comment(anchor, comment_text(finding, rules.get(finding.rule)))
            if suggest_edits and finding.suggestion and finding.status == "gap":
                marker.suggest(anchor, finding, rules.get(finding.rule))
            marked += 1
        replaced = {"word/document.xml": to_bytes(marker.root)}
        types = content_types(package)
        if comments and marker.added_comments:
            replaced.update(marker.comment_parts(types))
        replaced.update(provenance_parts(package, types))
        replaced[TYPES] = to_bytes(types)
        package.write_copy(target, replaced)
    return marked


class _Marker:
    def __init__(self, reading: Reading, package: DocxPackage, stamp: str) -> None:
        self.document = reading.document
        self.root = reading.docx_root
        self.elements = reading.docx_paragraphs
        self.package = package
        self.stamp = stamp
        self.comment_root = package.xml(COMMENTS)
        self.added_comments = False
        self.next_id = _max_id(self.root, self.comment_root) + 1
        self.changes: list[etree._Element] = []  # the body's revision elements, by ordinal

    def changed(self, finding: Finding) -> list[etree._Element]:
        """The revision elements of the pending changes that alter this finding."""
        if finding.revisions is None:
            return []
        ordinals = sorted({o for c in finding.revisions.changes for o in c.ordinals})
        found = [self.changes[o] for o in ordinals if o < len(self.changes)]
        return [c for c in found if _inline(c) or _paragraph_of(c, 0) is not None]

    def comment_on_changes(self, changes: list[etree._Element], lines: list[str]) -> None:
        """A comment whose range runs from the first tracked change to the last, so Word
        shows it on the changed words. A change of a paragraph mark, or one that holds whole
        paragraphs, is marked on its paragraph."""
        cid = str(self._id())
        start = etree.Element(f"{W}commentRangeStart", {f"{W}id": cid})
        first, last = changes[0], changes[-1]
        if _inline(first):
            first.addprevious(start)
        else:
            paragraph = _paragraph_of(first, 0)
            assert paragraph is not None  # `changed` keeps only changes that have one
            props = paragraph.find(f"{W}pPr")
            paragraph.insert(0 if props is None else list(paragraph).index(props) + 1, start)
        end = etree.Element(f"{W}commentRangeEnd", {f"{W}id": cid})
        if _inline(last):
            last.addnext(end)
        else:
            paragraph = _paragraph_of(last, -1)
            assert paragraph is not None
            paragraph.append(end)
        end.addnext(self._reference_run(cid))
        self._comment_node(cid, lines)

    def anchor(self, finding: Finding, info: RuleInfo | None) -> tuple[etree._Element, etree._Element] | None:
        """The paragraphs to mark: the evidence, else the heading of the section where the
        provision belongs, else the title (never a letterhead line or the date above it)."""
        blocks = [e.location.block for e in finding.evidence if e.location.block in self.elements]
        if blocks:
            paragraphs = self.elements[blocks[0]]
            return paragraphs[0], paragraphs[-1]
        block = section_heading(self.document, self.elements, info) or title_block(self.document, self.elements)
        if block is None:
            return None
        paragraph = self.elements[block.index][0]
        return paragraph, paragraph

    def comment(self, anchor: tuple[etree._Element, etree._Element], lines: list[str]) -> None:
        first, last = anchor
        cid = str(self._id())
        start = etree.Element(f"{W}commentRangeStart", {f"{W}id": cid})
        props = first.find(f"{W}pPr")
        first.insert(0 if props is None else list(first).index(props) + 1, start)
        last.append(etree.Element(f"{W}commentRangeEnd", {f"{W}id": cid}))
        last.append(self._reference_run(cid))
        self._comment_node(cid, lines)

    def _reference_run(self, cid: str) -> etree._Element:
        reference = etree.Element(f"{W}r")
        etree.SubElement(etree.SubElement(reference, f"{W}rPr"), f"{W}rStyle", {f"{W}val": "CommentReference"})
        etree.SubElement(reference, f"{W}commentReference", {f"{W}id": cid})
        return reference

    def _comment_node(self, cid: str, lines: list[str]) -> None:
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

    def suggest(self, anchor: tuple[etree._Element, etree._Element], finding: Finding, info: RuleInfo | None) -> None:
        """Propose the fix as tracked changes. Where the evidence contradicts the commitment,
        edit the words that do (a notice period) if they can be found, else replace the
        clause; a missing provision is inserted at the end of the rule's section, else
        before the signature block; other wording goes after the evidence."""
        first, last = anchor
        wording = quoted_wording(finding.suggestion)
        evidence = finding.edit == "replace" and any(e.location.block in self.elements for e in finding.evidence)
        if evidence:
            words = contradicting_words(finding, wording)
            if words:
                at, old, new = words
                for paragraph in (p for b in self._row_of(at) for p in self.elements.get(b, [])):
                    if replace_words(paragraph, old, new, self._revision):
                        return
            for paragraph in _unique(first, last):
                self._delete_runs(paragraph)
        elif not any(e.location.block in self.elements for e in finding.evidence):
            place = insertion_block(self.document, self.elements, info)
            if place is None:
                return
            last = self.elements[place.index][-1]
        self._insert_after(last, wording)

    def _row_of(self, index: int) -> list[int]:
        """A block, and the other cells of its table row (a quote of a row joins its cells)."""
        blocks = self.document.blocks
        where = blocks[index].location if 0 <= index < len(blocks) else None
        if where is None or where.table is None:
            return [index]
        same = [b.index for b in blocks if b.location.table == where.table and b.location.row == where.row]
        return [index, *(b for b in same if b != index)]

    def _insert_after(self, last: etree._Element, wording: str) -> None:
        """A tracked new paragraph after `last`, formatted like it (but never as a heading)."""
        inserted = etree.Element(f"{W}p")
        props = last.find(f"{W}pPr")
        if props is not None:
            inserted.append(_body_props(props))
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
        text.text = wording
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

    def _comments(self) -> etree._Element:
        if self.comment_root is None:
            self.comment_root = etree.Element(f"{W}comments", nsmap={"w": W_NS})
        self.added_comments = True
        return self.comment_root

    def comment_parts(self, types: etree._Element) -> dict[str, bytes]:
        """The comments part, and the relationship and content type that point at it."""
        rels = self.package.xml(RELS)
        if rels is None:
            rels = etree.Element(f"{{{REL_NS}}}Relationships", nsmap={None: REL_NS})
        relate(rels, COMMENTS_TYPE, "comments.xml")
        override(types, COMMENTS, COMMENTS_CONTENT)
        assert self.comment_root is not None
        return {COMMENTS: to_bytes(self.comment_root), RELS: to_bytes(rels)}


def comment_anchors(path: Path, options: ParseOptions | None = None) -> list[tuple[str, str]]:
    """(anchored text, comment text) of each comment in a DOCX, in document order: what a
    reader sees each comment attached to. Used to check and to picture marked-up copies;
    the parts are read under the reader's caps with the hardened parser."""
    with zipfile.ZipFile(path) as zf:
        package = SafePackage(zf, options or ParseOptions())
        root = package.xml("word/document.xml")
        comments_root = package.xml(COMMENTS)
    texts: dict[str, list[str]] = {}
    order: list[str] = []
    open_ids: set[str] = set()
    for element in root.iter() if root is not None else ():
        if element.tag == f"{W}commentRangeStart":
            open_ids.add(element.get(f"{W}id"))
            order.append(element.get(f"{W}id"))
        elif element.tag == f"{W}commentRangeEnd":
            open_ids.discard(element.get(f"{W}id"))
        elif element.tag in {f"{W}t", f"{W}delText"}:
            for cid in open_ids:
                texts.setdefault(cid, []).append(element.text or "")
    comments = {
        c.get(f"{W}id"): "\n".join("".join(t.text or "" for t in p.iter(f"{W}t")) for p in c.iter(f"{W}p"))
        for c in (comments_root.iter(f"{W}comment") if comments_root is not None else ())
    }
    return [("".join(texts.get(cid, [])), comments[cid]) for cid in order if cid in comments]


def _inline(change: etree._Element) -> bool:
    """Whether a revision element sits among runs (a comment range can wrap it), rather
    than in a paragraph mark's properties or around whole paragraphs."""
    parent = change.getparent()
    return parent is not None and parent.tag != f"{W}rPr" and change.find(f".//{W}p") is None


def _paragraph_of(change: etree._Element, which: int) -> etree._Element | None:
    """The paragraph a change of a mark belongs to, or the first (0) or last (-1) of the
    paragraphs a change holds."""
    inner = list(change.iter(f"{W}p"))
    if inner:
        return inner[which]
    return next(change.iterancestors(f"{W}p"), None)


def _copy_props(props: etree._Element) -> etree._Element:
    duplicate = copy.deepcopy(props)
    for change in duplicate.iter(f"{W}ins", f"{W}del", f"{W}rPrChange", f"{W}pPrChange"):
        change.getparent().remove(change)
    return duplicate


def _body_props(props: etree._Element) -> etree._Element:
    """The paragraph properties of `props` for body text: a heading or title style is
    dropped, so inserted wording never becomes a heading."""
    duplicate = _copy_props(props)
    style = duplicate.find(f"{W}pStyle")
    if style is not None and re.search(r"heading|title", style.get(f"{W}val", ""), re.I):
        duplicate.remove(style)
    return duplicate


def _unique(*paragraphs: etree._Element) -> list[etree._Element]:
    return list({id(p): p for p in paragraphs}.values())


def _max_id(root: etree._Element, comments: etree._Element | None) -> int:
    ids = [0]
    for tree in (root, comments):
        for element in tree.iter() if tree is not None else ():
            value = element.get(f"{W}id")
            if value and value.lstrip("-").isdigit():
                ids.append(int(value))
    return max(ids)
