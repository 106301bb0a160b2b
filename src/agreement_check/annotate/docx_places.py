"""Where a marked-up DOCX copy puts things, and the smallest tracked edit that fixes a gap.

A provision that is missing belongs in the section the rule names ("Termination"), at its
end; with no such section, at the end of the body, before the signature block: never in
the letterhead, the addresses or the date a letter opens with. A comment on a missing
provision sits on that section's heading, else on the document's title.

A clause that contradicts a commitment is edited where the contradiction is, when it can
be found: the notice period "one month's" becomes the suggestion's "at least six (6)
months'", rather than the whole clause being struck out and rewritten.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from lxml import etree

from agreement_check.model import Block, Document
from agreement_check.nlp.periods import find_periods
from agreement_check.report import Finding, RuleInfo

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_SIGNATURE = re.compile(
    r"^\W*(?:signed\b|signature\b|for\s+and\s+on\s+behalf\s+of\b|on\s+behalf\s+of\b|yours\s+(?:sincerely|faithfully)\b|"
    r"kind\s+regards\b|best\s+wishes\b|acceptance\b|print\s+name\b|name\s*:|position\s*:|witness(?:ed)?\b|"
    r"executed\b|in\s+witness\b|as\s+witness\b|authorised\s+signatory\b|please\s+sign\b)",
    re.I,
)
_TAIL = 0.4  # a signature block is looked for in the last 40% of the body
_PLACED = {"paragraph", "list-item", "heading"}
Paragraphs = dict[int, list[Any]]


def section_heading(document: Document, paragraphs: Paragraphs | None, info: RuleInfo | None) -> Block | None:
    """The first heading that names the rule's section ("Termination", "Disputes");
    `paragraphs`, when given, limits the choice to blocks the copy can mark."""
    patterns = [re.compile(p, re.I) for p in (info.section if info else ())]
    return next(
        (
            b
            for b in document.blocks
            if b.kind == "heading"
            and (paragraphs is None or b.index in paragraphs)
            and any(p.search(b.text) for p in patterns)
        ),
        None,
    )


def title_block(document: Document, paragraphs: Paragraphs | None) -> Block | None:
    """The document's title: its first heading or Title-styled paragraph, else its first
    paragraph of body text."""
    body = [b for b in document.blocks if (paragraphs is None or b.index in paragraphs) and b.kind in _PLACED]
    titled = next((b for b in body if b.kind == "heading" or "title" in (b.style or "").lower()), None)
    return titled or (body[0] if body else None)


def insertion_block(document: Document, paragraphs: Paragraphs, info: RuleInfo | None) -> Block | None:
    """The paragraph after which a missing provision is inserted: the last paragraph of the
    rule's section, else the last paragraph before the signature block, else the last
    paragraph of the body."""
    body = [b for b in document.blocks if b.index in paragraphs and b.kind in _PLACED]
    if not body:
        return None
    signature = _signature_start(body)
    before = body[:signature] if signature is not None else body
    heading = section_heading(document, paragraphs, info)
    if heading is not None and heading in before:
        return _section_end(before, heading)
    return before[-1] if before else body[0]


def _section_end(body: list[Block], heading: Block) -> Block:
    """The last block under `heading`, before the next heading of the same or a higher level."""
    start = body.index(heading)
    last = heading
    for block in body[start + 1 :]:
        if block.kind == "heading" and block.level <= heading.level:
            break
        last = block
    return last


def _signature_start(body: list[Block]) -> int | None:
    first = int(len(body) * (1 - _TAIL))
    return next((i for i in range(first, len(body)) if _SIGNATURE.match(body[i].text)), None)


def contradicting_words(finding: Finding, wording: str) -> tuple[int, str, str] | None:
    """(the block of the evidence, the words there that contradict the commitment, the words
    to put in their place), when both can be found: today, a notice period shorter than the
    one asked for (in the clause, or in the table row it points to), and the notice period
    of the proposed wording."""
    notice = finding.values.get("notice") if finding.values else None
    wanted = [p.duration for p in find_periods(wording) if p.role == "notice"]
    if not notice or not wanted:
        return None
    new = _with_mark(wording, wanted[0].start, wanted[0].end)
    for evidence in finding.evidence:
        quote = evidence.text
        short = [p.duration for p in find_periods(quote) if p.duration.iso == notice]
        if short:
            old = _with_mark(quote, short[0].start, short[0].end)
            return evidence.location.block, old, _fit(new, quote[short[0].start + len(old) :])
    return None


def _fit(words: str, after: str) -> str:
    """The possessive mark only before a noun: "six months' notice", but a table cell of
    its own reads "six months"."""
    return words if re.match(r"\s*[a-z]", after) else words.rstrip("'’")


def _with_mark(text: str, start: int, end: int) -> str:
    """The period's words with the possessive mark after them ("one month's", "six months'")."""
    mark = re.match(r"[’']s?\b|[’']", text[end:])
    words = text[start:end]
    if mark and not words.endswith(("'", "’", "'s", "’s")):
        words += mark.group(0)
    return words


def replace_words(paragraph: Any, old: str, new: str, revision: Callable[[], dict[str, str]]) -> bool:
    """Track the replacement of `old` by `new` in `paragraph`, if `old` occurs there once,
    splitting runs at its edges and keeping their formatting. False when it cannot be done."""
    runs = [r for r in paragraph.iterchildren(f"{W}r") if r.find(f"{W}t") is not None]
    texts = ["".join(t.text or "" for t in r.iterchildren(f"{W}t")) for r in runs]
    whole = "".join(texts)
    start = whole.find(old)
    if start < 0 or whole.find(old, start + 1) >= 0 or any(len(list(r.iterchildren(f"{W}t"))) != 1 for r in runs):
        return False
    end = start + len(old)
    covered = _split(runs, texts, start, end)
    deletion = etree.Element(f"{W}del", revision())
    covered[0].addprevious(deletion)
    for run in covered:
        run.find(f"{W}t").tag = f"{W}delText"
        deletion.append(run)
    insertion = etree.Element(f"{W}ins", revision())
    run = etree.SubElement(insertion, f"{W}r")
    props = covered[0].find(f"{W}rPr")
    if props is not None:
        run.append(_copy(props))
    text = etree.SubElement(run, f"{W}t")
    text.text = new
    text.set(XML_SPACE, "preserve")
    deletion.addnext(insertion)
    return True


def _split(runs: list[Any], texts: list[str], start: int, end: int) -> list[Any]:
    """The runs that cover [start, end) once the runs at its edges are cut in two."""
    covered = []
    offset = 0
    for run, text in zip(runs, texts, strict=True):
        lo, hi = offset, offset + len(text)
        offset = hi
        if hi <= start or lo >= end:
            continue
        cut_lo, cut_hi = max(start, lo) - lo, min(end, hi) - lo
        if cut_hi < len(text):
            _cut(run, text, cut_hi, after=True)
        if cut_lo > 0:
            run = _cut(run, text[:cut_hi], cut_lo, after=False)
        covered.append(run)
    return covered


def _cut(run: Any, text: str, at: int, *, after: bool) -> Any:
    """Cut `run` (whose text is `text`) at `at`; the new run holds the part after the cut
    when `after`, and is returned when not."""
    twin = _copy(run)
    run.addnext(twin)
    _set_text(run, text[:at])
    _set_text(twin, text[at:])
    return run if after else twin


def _set_text(run: Any, text: str) -> None:
    node = run.find(f"{W}t")
    node.text = text
    node.set(XML_SPACE, "preserve")


def _copy(element: Any) -> Any:
    import copy

    return copy.deepcopy(element)
