"""Is a phrase negated or excluded where it stands?

"Overheads are not eligible" must never count as permission for overheads, and
"all costs except overheads" excludes them, while "no costs other than overheads may be
claimed" permits them. The scope of a cue is the clause segment the phrase sits in;
a list item also inherits the cue of its lead-in ("The following are not eligible:").
"""

from __future__ import annotations

import itertools
import re

NEGATIVE_CUES = re.compile(
    r"\b(?:not|never|nor|neither|cannot|can't|won't|don't|doesn't|isn't|aren't|no|none|"
    r"ineligible|excluded|excludes?|excluding|exclusion|prohibited|forbidden|disallowed|"
    r"unable|without|nothing|may\s+not|must\s+not|shall\s+not|will\s+not|does\s+not|"
    r"refuses?|disregard(?:ed)?|does\s+not\s+contribute|is\s+not|are\s+not)\b",
    re.I,
)
EXCEPTION_START = re.compile(r"^\W*(?:except|other\s+than|apart\s+from|save\s+for|excluding|but\s+not)\b", re.I)
_BOUNDARY = re.compile(
    r";|:|\bbut\b|\bhowever\b|\bwhereas\b|\bunless\b|\bprovided\s+that\b|,\s*(?=except\b|other\s+than\b|apart\s+from\b|save\s+for\b)"
    r"|\s(?=except\b)|\s(?=other\s+than\b)|\s(?=apart\s+from\b)|\s(?=save\s+for\b)",
    re.I,
)
# "no later than", "not less than", "no more than" qualify amounts; they negate nothing.
_NEUTRAL = re.compile(
    r"\b(?:no|not)\s+(?:later|earlier|less|more|fewer|sooner|greater)\s+than\b|\bnot\s+only\b|\bno\s+longer\s+than\b"
    r"|\bnot\s+(?:exceeding|to\s+exceed|above|over|below|under)\b|\bup\s+to\s+(?:but\s+)?not\s+(?:more|exceeding)\b"
    r"|\bwhether\s+or\s+not\b|\bif\s+not\b|\bnot\s+limited\s+to\b|\bwithout\s+(?:delay|limitation|prejudice)\b",
    re.I,
)


def segments(text: str) -> list[tuple[int, int]]:
    """The stretches of text between clause boundaries (semicolons, "but", "unless", exceptions): a negation reaches no further."""
    cuts = [0, *[m.start() for m in _BOUNDARY.finditer(text)], len(text)]
    return [(a, b) for a, b in itertools.pairwise(cuts) if b > a]


def has_negative_cue(text: str) -> bool:
    """Whether the text holds a negative word, once phrases that only look negative are set aside."""
    return bool(NEGATIVE_CUES.search(_NEUTRAL.sub(" ", text)))


def is_negated(text: str, start: int, end: int, lead_in: str = "") -> bool:
    """Whether the phrase at text[start:end] is denied, excluded or prohibited."""
    parts = segments(text)
    for index, (a, b) in enumerate(parts):
        if a <= start < b or (start == b and index == len(parts) - 1):
            segment = text[a:b]
            if EXCEPTION_START.match(segment):
                previous = text[parts[index - 1][0] : parts[index - 1][1]] if index else lead_in
                return not has_negative_cue(previous)
            if has_negative_cue(segment):
                return True
            return bool(lead_in) and index == 0 and _lead_in_negative(lead_in)
    return False


def _lead_in_negative(lead_in: str) -> bool:
    return has_negative_cue(lead_in) and lead_in.rstrip().endswith(":")
