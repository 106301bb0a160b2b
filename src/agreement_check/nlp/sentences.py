"""Sentence splitting for legal text.

Generic splitters break agreements in the wrong places: after "cl." or "e.g.", inside
"£1,000.00" or "4.2", before "(a)". This one splits only where a sentence really ends,
and also before enumerated sub-clauses that follow a colon or semicolon, since each
sub-clause is a separate provision.
"""

from __future__ import annotations

import re

ABBREVIATIONS = {
    "cl",
    "cll",
    "e.g",
    "i.e",
    "etc",
    "no",
    "nos",
    "para",
    "paras",
    "p",
    "pp",
    "mr",
    "mrs",
    "ms",
    "dr",
    "st",
    "approx",
    "art",
    "arts",
    "reg",
    "regs",
    "sch",
    "s",
    "ss",
    "vol",
    "ref",
    "fig",
    "co",
    "ltd",
    "inc",
    "plc",
    "cf",
    "viz",
    "vs",
    "v",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "incl",
    "min",
    "max",
    "sec",
}

_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+)")
_SUBCLAUSE = re.compile(r"(?<=[;:])\s+(?=(?:and\s+|or\s+)?\((?:[a-z]{1,2}|[ivx]{1,5}|\d{1,2})\)\s)")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of each sentence in `text`."""
    cuts = sorted(
        {m.end() for m in _END.finditer(text) if _is_boundary(text, m)} | {m.start() for m in _SUBCLAUSE.finditer(text)}
    )
    spans: list[tuple[int, int]] = []
    start = 0
    for cut in [*cuts, len(text)]:
        piece = text[start:cut]
        stripped_start = start + (len(piece) - len(piece.lstrip()))
        end = start + len(piece.rstrip())
        if end > stripped_start:
            spans.append((stripped_start, end))
        start = cut
    return spans


def _is_boundary(text: str, match: re.Match[str]) -> bool:
    before = text[: match.start()]
    word = re.search(r"([A-Za-z.]+)$", before)
    after = text[match.end() :].lstrip()
    if not after:
        return True
    if word and word.group(1).lower().rstrip(".") in ABBREVIATIONS and text[match.start()] == ".":
        return False
    if re.search(r"(?:^|\s)[A-Z]$", before) and text[match.start()] == ".":
        return False  # an initial ("J. Smith") or a recital letter
    if re.search(r"\d$", before) and re.match(r"\d", after):
        return False
    if re.match(r"^\s*(?:\d+(?:\.\d+)*|\([a-z]{1,3}\))\s*$", before[-12:] if len(before) > 12 else before):
        return False  # a clause number at the start: "4.2. The Council..."
    return bool(re.match(r"[A-Z0-9(\"“‘'£]", after))


def sentences(text: str) -> list[str]:
    """The text split into sentences."""
    return [text[s:e] for s, e in split_sentences(text)]
