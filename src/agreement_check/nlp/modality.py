"""How an action is put: a power (may, is entitled to), a duty (must), a promise (will),
a prohibition (must not), or no obligation at all.

The modal stands before the action in the same clause: "The Council may at its
discretion terminate", "we reserve the right to withhold", "Failure to do so will give
the Trust the right to recover", "could result in the withdrawal of".
"""

from __future__ import annotations

import re

MODALITIES = ("may", "entitled", "must", "must-not", "will", "will-not", "not-obliged", "states")

# Longest and most specific first: "will not" before "will", "is entitled to" before "may".
_MODALS: list[tuple[str, re.Pattern[str]]] = [
    (
        "not-obliged",
        re.compile(
            r"\b(?:(?:is|are|shall\s+be|will\s+be)\s+(?:not\s+(?:obliged|bound|required|under\s+any\s+obligation)|under\s+no\s+obligation)|need\s+not|does\s+not\s+have\s+to|is\s+not\s+committed)\b",
            re.I,
        ),
    ),
    (
        "must-not",
        re.compile(
            r"\b(?:must\s+not|shall\s+not|may\s+not|cannot|can\s+not|can['’]t|mustn['’]t|is\s+not\s+(?:permitted|allowed)|are\s+not\s+(?:permitted|allowed))\b",
            re.I,
        ),
    ),
    ("will-not", re.compile(r"\b(?:will\s+not|won['’]t|would\s+not|do(?:es)?\s+not\s+intend\s+to)\b", re.I)),
    (
        "entitled",
        re.compile(
            r"\b(?:(?:is|are|shall\s+be|will\s+be|be)\s+entitled\s+to|reserves?\s+the\s+right\s+to|(?:has|have|retains?|keeps?)\s+the\s+right\s+to|"
            r"give\s+(?:\w+\s+){0,3}the\s+right\s+to|(?:with|having)\s+the\s+right\s+to|(?:is|are)\s+free\s+to|at\s+(?:its|our|their)\s+(?:sole\s+|absolute\s+|reasonable\s+)?discretion)\b",
            re.I,
        ),
    ),
    (
        "may",
        re.compile(
            r"\b(?:may|might|can|could|will\s+be\s+able\s+to|(?:could|may|might|can|will)\s+(?:also\s+)?(?:lead\s+to|result\s+in))\b",
            re.I,
        ),
    ),
    (
        "must",
        re.compile(
            r"\b(?:must|shall|should|ought\s+to|(?:is|are|will\s+be)\s+required\s+to|required\s+to|(?:has|have)\s+to|will\s+(?:need|have)\s+to|"
            r"needs?\s+to|(?:is|are)\s+to|agrees?\s+to|undertakes?\s+to|(?:is|are)\s+expected\s+to|will\s+be\s+expected\s+to|"
            r"(?:is|are|will\s+be|shall\s+be)\s+liable\s+to|(?:is|are)\s+subject\s+to)\b",
            re.I,
        ),
    ),
    ("will", re.compile(r"\b(?:will|would|intends?\s+to|(?:is|are)\s+going\s+to)\b", re.I)),
]
_CLAUSE_START = re.compile(
    r"[;:]|\.\s|\b(?:if|where|unless|until|when|whenever|once|after|before|which|that|who)\b|\band\s+(?=(?:we|you|the|it)\b)",
    re.I,
)
_CONDITION_THEN = re.compile(r"\b(?:if|where|when|unless|once|should)\b[^,;]*,", re.I)
_WINDOW = 90


def modality_before(text: str, position: int) -> str:
    """The modality of the action starting at `position`: the nearest modal before it in
    the same clause, judged by what it says ("may not" is a prohibition, not a power)."""
    window = text[max(0, position - _WINDOW) : position]
    cut = max((m.end() for m in _CLAUSE_START.finditer(window)), default=0)
    conditional = list(_CONDITION_THEN.finditer(window))
    if conditional:  # "If we need to, the Council terminates": the main clause begins after the comma
        cut = max(cut, conditional[-1].end())
    window = window[cut:]
    best: tuple[int, int, str] | None = None
    for name, pattern in _MODALS:
        for match in pattern.finditer(window):
            key = (match.end(), match.end() - match.start())
            if best is None or key > best[:2]:
                best = (key[0], key[1], name)
    return best[2] if best else "states"
