from __future__ import annotations

import re

from agreement_check.matchers.compose import All, Any, Filtered, Leaf, Not
from agreement_check.matchers.duration_matcher import DurationMatcher
from agreement_check.matchers.phrases import PhraseMatcher
from agreement_check.matchers.regex_matcher import RegexMatcher
from agreement_check.matchers.tokens import TokenMatcher, validate_patterns
from agreement_check.nlp.context import DocumentContext
from agreement_check.parsers.text_reader import document_from_text


def ctx_of(text: str) -> DocumentContext:
    return DocumentContext(document_from_text(text))


def matched(node, text: str) -> list[str]:
    ctx = ctx_of(text)
    return [ctx.units[h.unit].text[h.start : h.end] for h in node.find(ctx)]


def test_phrases_match_lemmas_and_case() -> None:
    node = Leaf(PhraseMatcher(["overhead cost", "volunteer"]))
    assert matched(node, "Overhead Costs and VOLUNTEERS are covered.") == ["Overhead Costs", "VOLUNTEERS"]


def test_phrases_lower_attr_is_exact_words() -> None:
    node = Leaf(PhraseMatcher(["core costs"], attr="LOWER"))
    assert matched(node, "Core costs. A core cost.") == ["Core costs"]


def test_token_patterns() -> None:
    node = Leaf(
        TokenMatcher([[{"LEMMA": "terminate"}, {"LOWER": "this"}, {"LOWER": {"IN": ["agreement", "contract"]}}]])
    )
    assert matched(node, "The Council terminated this Contract.") == ["terminated this Contract"]


def test_bad_token_patterns_are_reported() -> None:
    problems = validate_patterns([[{"LEMMA": "x"}], [{"NOT_AN_ATTR": "x"}], [{"OP": "?!"}]])
    assert len(problems) == 2


def test_catastrophic_regex_is_bounded() -> None:
    ctx = ctx_of("a" * 5000 + "!")
    # the pattern backtracks for longer than the machine will last: returning at all, with the
    # warning, shows the matcher's own limit stopped it (no wall-clock assertion: load varies)
    hits = Leaf(RegexMatcher([r"(a+)+$"])).find(ctx)
    assert hits == []
    assert any("took too long" in w for w in ctx.warnings)


def test_duration_threshold_matcher() -> None:
    node = Leaf(DurationMatcher(less_than="P6M"))
    assert matched(node, "We give three months' notice. They give 26 weeks.") == ["three months"]


def test_all_within_sentence_block_and_window() -> None:
    compact = Leaf(RegexMatcher([r"\bcompact\b"]))
    mediation = Leaf(RegexMatcher([r"\bmediation\b"]))
    text = "We follow the Compact. Disputes go to mediation."
    assert matched(All([compact, mediation]), text) == []
    assert matched(All([compact, mediation], within="block"), text) == ["Compact", "mediation"]
    near = "The Compact has a mediation procedure."
    assert matched(All([compact, mediation], window=3), near) == ["Compact", "mediation"]
    far = "The Compact, which the parties adopted long ago in the city, has a mediation procedure."
    assert matched(All([compact, mediation], window=3), far) == []


def test_not_and_any() -> None:
    volunteers = Leaf(RegexMatcher([r"volunteers"]))
    none = Leaf(RegexMatcher([r"no volunteers"]))
    assert matched(All([volunteers, Not(none)]), "There are no volunteers.") == []
    assert matched(Any([volunteers, none]), "There are no volunteers.") == ["no volunteers", "volunteers"]


def test_negation_and_heading_scope() -> None:
    overheads = Leaf(RegexMatcher([r"overheads"]))
    text = "# Eligible costs\n\nOverheads may be claimed.\n\n# Ineligible costs\n\nOverheads are not eligible."
    doc = document_from_text(text, fmt="md")
    ctx = DocumentContext(doc)
    allowed = Filtered(overheads, negated=False).find(ctx)
    assert [ctx.units[h.unit].text for h in allowed] == ["Overheads may be claimed."]
    scoped = Filtered(overheads, headings=[re.compile("^ineligible", re.I)]).find(ctx)
    assert [ctx.units[h.unit].text for h in scoped] == ["Overheads are not eligible."]


def test_in_heading_keeps_or_drops_the_text_of_headings() -> None:
    """A heading names a subject; `in_heading: false` keeps only what the text under it says."""
    complaints = Leaf(RegexMatcher([r"complaints?"]))
    doc = document_from_text(
        "# Complaints\n\nThe forum meets monthly.\n\n# Other\n\nA complaint goes to the chair.", fmt="md"
    )
    ctx = DocumentContext(doc)
    body = Filtered(complaints, in_heading=False).find(ctx)
    assert [ctx.units[h.unit].text for h in body] == ["A complaint goes to the chair."]
    heads = Filtered(complaints, in_heading=True).find(ctx)
    assert [ctx.units[h.unit].text for h in heads] == ["Complaints"]


def test_a_paragraph_longer_than_a_chunk_is_read_to_the_end() -> None:
    """Long texts are processed in pieces below spaCy's max_length, never cut short."""
    from agreement_check.nlp.context import CHUNK_CHARS

    text = "word " * (CHUNK_CHARS // 5 + 5000) + "and a share of overhead costs may be claimed."
    node = Leaf(PhraseMatcher(["overhead cost"]))
    assert matched(node, text) == ["overhead costs"]
