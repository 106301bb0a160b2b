from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from agreement_check.nlp.sentences import sentences, split_sentences


def test_abbreviations_amounts_and_clause_numbers_do_not_split() -> None:
    text = "Under cl. 4.2 the Council may pay £1,000.00 to the Recipient, e.g. by BACS. It will do so."
    assert sentences(text) == [
        "Under cl. 4.2 the Council may pay £1,000.00 to the Recipient, e.g. by BACS.",
        "It will do so.",
    ]


def test_numbered_clause_start_is_not_a_sentence() -> None:
    assert sentences("4.2. The Council may terminate. The Organisation may not.") == [
        "4.2. The Council may terminate.",
        "The Organisation may not.",
    ]


def test_enumerated_sub_clauses_are_separate_units() -> None:
    assert sentences("The following are not eligible: (a) overheads; (b) salaries; and (c) rent.") == [
        "The following are not eligible:",
        "(a) overheads;",
        "(b) salaries;",
        "and (c) rent.",
    ]


@given(st.text(max_size=400))
def test_spans_cover_text_in_order(text: str) -> None:
    spans = split_sentences(text)
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(text)
        assert text[start:end].strip() == text[start:end]
        previous_end = end
    covered = "".join(text[s:e] for s, e in spans)
    assert covered.replace(" ", "") == "".join(text.split()).replace(" ", "") or len(covered) <= len(text)
