"""What the pending tracked changes of a document do to each finding.

A document with pending changes is checked in both readings (the accepted text is the
main one, `Document.original` the text before the changes). A finding whose status or
values differ between the two carries `revisions`: the original reading's status, values
and evidence, and the pending changes that fall inside its evidence in either reading.
"""

from __future__ import annotations

from dataclasses import replace

from agreement_check.model import Document, Location, TrackedChange
from agreement_check.report import Change, Finding, Revisions


def compare_readings(findings: list[Finding], document: Document, originals: list[Finding]) -> list[Finding]:
    """`findings` (of the main reading), each altered one with its `revisions`."""
    if document.original is None:
        return findings
    before = {f.rule: f for f in originals}
    return [_compared(f, before.get(f.rule), document, document.original) for f in findings]


def _compared(finding: Finding, original: Finding | None, document: Document, other: Document) -> Finding:
    if original is None or (original.status, original.values) == (finding.status, finding.values):
        return finding
    here = {e.location.block for e in finding.evidence}
    there = {e.location.block for e in original.evidence}
    changes = tuple(
        _change(c, document, other)
        for c in document.changes
        if here.intersection(c.blocks) or there.intersection(c.other_blocks)
    )
    revisions = Revisions(
        status=original.status, values=dict(original.values), evidence=original.evidence, changes=changes
    )
    return replace(finding, revisions=revisions)


def _change(change: TrackedChange, document: Document, other: Document) -> Change:
    """The change, placed where the main reading has it, else where the original text has
    it (a deleted clause is only in the original)."""
    if change.blocks:
        location = document.blocks[change.blocks[0]].location
    elif change.other_blocks:
        location = other.blocks[change.other_blocks[0]].location
    else:
        location = Location(block=0)
    return Change(
        kind=change.kind,
        author=change.author,
        date=change.date,
        text=change.text,
        location=location,
        ordinals=change.ordinals,
    )
