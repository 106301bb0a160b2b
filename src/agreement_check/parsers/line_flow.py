"""Whether a line carries on the sentence of the line before it.

Laid-out text breaks a sentence wherever the line, column or page ends, and the next line
may well begin with a number: "... by giving not less than" / "26 weeks' notice". A line
that starts with a number starts a new clause only when the sentence above has ended, or
when the number is the next one in the document's clause numbering and nothing in the
line above waits for it.
"""

from __future__ import annotations

import re

from agreement_check.parsers.clauses import follows, typed_number

BULLET = re.compile(r"^[•◦▪‣●○■\-–—*]\s")
_TERMINAL = re.compile(r"[.:;!?)]\s*$|[.:;!?][\"'”’]\s*$")
_LAST_WORDS = re.compile(r"(?:\b(?P<previous>[A-Za-z]+)\W+)?\b(?P<word>[A-Za-z]+)\W*$")
_LIST_JOINER = re.compile(r"[,;]\s*(?:and/or|and|or|nor|but)\W*$", re.I)  # "costs of staff; and"
# words after which a sentence cannot stop
_PREPOSITIONS = (
    "of", "to", "in", "on", "at", "by", "for", "from", "with", "within", "than", "under", "over",
    "after", "before", "until", "till", "between", "per", "about", "around", "during", "into", "upon",
    "via", "since", "beyond", "exceeding", "including", "excluding", "following", "least",
)  # fmt: skip
_DETERMINERS_AND_CONJUNCTIONS = (
    "the", "a", "an", "this", "these", "those", "its", "their", "each", "every", "any", "all", "no",
    "and", "or", "nor", "but",
)  # fmt: skip
# the noun of a cross-reference waits for its number ("set out in clause" / "12.3")
_REFERENCES = frozenset(
    (
        "clause", "clauses", "paragraph", "paragraphs", "section", "sections", "schedule", "schedules",
        "part", "parts", "article", "articles", "annex", "annexe", "appendix", "condition", "conditions",
        "page", "pages", "regulation", "regulations", "rule", "rules",
    )
)  # fmt: skip
_WAITING = frozenset(_PREPOSITIONS + _DETERMINERS_AND_CONJUNCTIONS)
_REFERRING = frozenset((*_PREPOSITIONS, "the", "this", "that", "these", "those", "see", "any", "each"))
_ITEM = re.compile(r"^\(|^[A-Za-z]{1,6}\)?$")  # "(a)", "(ii)", "(1)", "b)", a recital's "A"


def ends_sentence(text: str) -> bool:
    """The line ends with a full stop, colon, semicolon or closing bracket."""
    return bool(_TERMINAL.search(text))


def waits_for_more(text: str) -> bool:
    """The line ends with a word that needs something after it ("than", "to", "the") or
    with the noun of a cross-reference ("in clause", "under Paragraph"). "; and" and ", or"
    join list items instead, and a title such as "Terms and Conditions" refers to nothing."""
    match = _LAST_WORDS.search(text)
    if not match or _LIST_JOINER.search(text):
        return False
    word = match.group("word")
    if word.lower() in _REFERENCES:
        return word.islower() or (match.group("previous") or "").lower() in _REFERRING
    return word.lower() in _WAITING


def is_item(number: str) -> bool:
    """A list item's label ("(a)", "(ii)", "b)"), which starts a block wherever it stands."""
    return bool(_ITEM.match(number))


def continues(previous: str, line: str, last_clause: str | None, *, after_break: bool = False) -> bool:
    """Whether `line` carries on the paragraph whose last line is `previous`.

    Within a column a line without a number always does; after a column or page break
    only when the sentence above is unfinished. A line starting with a clause number
    continues only when the sentence above is unfinished and either waits for a number
    ("in clause" / "12") or the number is not the one after `last_clause`.
    """
    if BULLET.match(line):
        return False
    number = typed_number(line)
    if number is None:
        return not (after_break and ends_sentence(previous))
    if ends_sentence(previous) or is_item(number):
        return False
    return waits_for_more(previous) or not follows(last_clause, number)
