"""The literal prefilter finds what a search over the whole text finds, span for span."""

from __future__ import annotations

import random

import pytest

from agreement_check.matchers.prefilter import leading_literals, required_literals, windows
from agreement_check.matchers.regex_matcher import _matches, compile_pattern
from agreement_check.nlp.context import DocumentContext
from agreement_check.parsers.text_reader import document_from_text


def ctx_of(paragraphs: list[str]) -> DocumentContext:
    return DocumentContext(document_from_text("\n\n".join(paragraphs)))


def test_required_literals_of_an_alternation() -> None:
    assert required_literals(r"\b(?:quorum|casting\s+vote|vot(?:e|es))\b") == {"quorum", "casting", "vote"}


def test_the_longest_run_of_a_sequence_is_required() -> None:
    assert required_literals(r"\bno\s+volunteers\b") == {"volunteers"}


def test_an_optional_part_requires_nothing() -> None:
    assert required_literals(r"\b(?:grant)?\w+") is None


def test_a_branch_without_a_literal_requires_nothing() -> None:
    assert required_literals(r"\bgrant\b|\d+") is None


@pytest.mark.parametrize(
    "pattern",
    [r"(?:grant){e<=1}", r"[[a-z]--[aeiou]]x", r"\p{Lu}rant", r"x", r"(a+)+$"],
)
def test_syntax_of_the_regex_module_and_short_literals_are_not_prefiltered(pattern: str) -> None:
    assert required_literals(pattern) is None


def test_literals_are_case_folded() -> None:
    assert required_literals("Straße") == {"strasse"}


def test_leading_literals_skip_assertions() -> None:
    assert leading_literals(r"(?<!not )\b(?:must|shall)\s+pay\b") == {"must", "shall"}
    assert leading_literals(r"\w+\s+grant") is None


def test_a_match_starts_with_an_optional_part_or_with_what_follows_it() -> None:
    assert leading_literals(r"\b(?:grant|(?:will\s+)?not\s+be\s+paid)\b") == {"grant", "will", "not"}
    assert leading_literals(r"(?:\w+\s+)?grant") is None
    assert leading_literals(r"(?:must\s+)?") is None


def test_windows_merge_and_widen() -> None:
    assert windows({1, 2, 6}, 8, 0, 1) == [(1, 3), (6, 7)]


WORDS = ["grant", "Grants", "must", "not", "pay", "volunteers", "Volunteer", "notes", "the", "a", ";", ".", "ß", "İ"]
PATTERNS = [
    r"\bgrants?\b",
    r"\b(?:must|shall)\s+(?:not\s+)?pay\b",
    r"\bnotes(?!\s+(?:the|a)\b)",
    r"(?<!not\s)\bvolunteers?\b[^.;]{0,30}\bpay\b",
    r"\bvolunteers?\s+grant\b",
    r"pay\b[^.]{0,40}?grant",
    r"\b(?:(?:must\s+)?not\s+pay|the\s+grants?)\b",
    r"(?:a\s+)??\bvolunteers?\b",
]


@pytest.mark.parametrize("seed", range(40))
def test_prefiltered_search_finds_what_a_whole_text_search_finds(seed: int) -> None:
    rng = random.Random(seed)
    words = WORDS if seed % 4 else WORDS[:-2]  # most documents fold to the same length
    paragraphs = [" ".join(rng.choice(words) for _ in range(rng.randint(0, 12))) for _ in range(rng.randint(1, 30))]
    ctx = ctx_of(paragraphs)
    for pattern in PATTERNS:
        compiled = compile_pattern(pattern)
        whole = [(m.start(), m.end()) for m in compiled.finditer(ctx.text)]
        assert [(m.start(), m.end()) for m in _matches(compiled, ctx, 5.0)] == whole, pattern
