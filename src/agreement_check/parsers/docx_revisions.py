"""Pending tracked changes of a Word document, placed in both readings of it.

A document with pending changes is walked twice (all changes accepted, then the original
text); each walk notes which blocks every revision element fell in. This module keeps
the parsed parts for the second walk (`Parts`: no part is inflated or parsed twice) and
turns the two walks' notes into `TrackedChange` records.
"""

from __future__ import annotations

from dataclasses import replace

from lxml import etree

from agreement_check.model import TrackedChange
from agreement_check.parsers.docx_text import MARK_TEXT, REVISION_TAGS, change_fields
from agreement_check.parsers.safexml import SafePackage


class Parts:
    """The package's XML parts, each parsed once however many readings ask for it."""

    def __init__(self, package: SafePackage) -> None:
        self.package = package
        self.names = package.names
        self._parsed: dict[str, etree._Element | None] = {}

    def xml(self, name: str) -> etree._Element | None:
        if name not in self._parsed:
            self._parsed[name] = self.package.xml(name)
        return self._parsed[name]


def change_elements(root: etree._Element) -> list[etree._Element]:
    """Every revision element of the body in document order: the order `ordinal` counts
    in, taken before anything (a comment, a suggested edit) is added to the tree."""
    return list(root.iter(*REVISION_TAGS))


def tracked_changes(
    root: etree._Element,
    main: dict[etree._Element, list[int]],
    other: dict[etree._Element, list[int]],
) -> list[TrackedChange]:
    """One record per pending change that either reading placed in a block. Word splits
    one edit into several elements (one per run of formatting); neighbours of the same
    kind, author and date in the same blocks are joined back into one change."""
    changes: list[TrackedChange] = []
    previous = -2
    for ordinal, element in enumerate(change_elements(root)):
        if element not in main and element not in other:
            continue
        kind, author, date, text = change_fields(element)
        change = TrackedChange(
            kind=kind,  # type: ignore[arg-type]
            author=author,
            date=date,
            text=text,
            ordinals=(ordinal,),
            blocks=tuple(main.get(element, ())),
            other_blocks=tuple(other.get(element, ())),
        )
        last = changes[-1] if changes else None
        if last is not None and previous == ordinal - 1 and _same_edit(last, change):
            changes[-1] = replace(last, text=last.text + text, ordinals=(*last.ordinals, ordinal))
        else:
            changes.append(change)
        previous = ordinal
    return changes


def _same_edit(a: TrackedChange, b: TrackedChange) -> bool:
    if MARK_TEXT in {a.text, b.text}:
        return False
    return (a.kind, a.author, a.date, a.blocks, a.other_blocks) == (b.kind, b.author, b.date, b.blocks, b.other_blocks)
