from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from agreement_check.nlp.durations import compare, find_durations, parse_iso
from agreement_check.nlp.numbers import words_to_number

SIX_MONTHS = parse_iso("P6M")


@pytest.mark.parametrize(
    ("text", "iso", "days"),
    [
        ("six months", "P6M", 183),
        ("6 months", "P6M", 183),
        ("six (6) calendar months' notice", "P6M", 183),
        ("ninety days", "P90D", 90),
        ("26 weeks", "P26W", 182),
        ("half a year", "P6M", 183),
        ("12 months", "P12M", 365),
        ("one year", "P1Y", 365),
        ("not less than three months", "P3M", 91),
        ("no later than 90 days", "P90D", 90),
        ("three hundred and sixty-five days", "P365D", 365),
        ("twenty-six (26) weeks’", "P26W", 182),
        ("one month’s notice", "P1M", 30),
        ("forty (40) Operational Days", "P40D", 40),
    ],
)
def test_written_forms(text: str, iso: str, days: int) -> None:
    (found,) = find_durations(text)
    assert (found.iso, found.days) == (iso, days)


@pytest.mark.parametrize(
    ("text", "meets"),
    [
        ("six months", True),
        ("26 weeks", True),
        ("182 days", True),
        ("half a year", True),
        ("one year", True),
        ("181 days", False),
        ("25 weeks", False),
        ("five months", False),
        ("twelve weeks", False),
    ],
)
def test_six_month_threshold_is_unit_by_unit(text: str, meets: bool) -> None:
    (found,) = find_durations(text)
    assert found.at_least(SIX_MONTHS) is meets


def test_six_months_is_never_180_days() -> None:
    (six,) = find_durations("six months")
    assert compare(six, parse_iso("P6M")) == 0
    assert six.days >= 182


def test_qualifiers_and_positions() -> None:
    text = "by giving not less than three (3) months' notice, and paying within 30 days"
    first, second = find_durations(text)
    assert first.qualifier == "min" and text[first.start : first.end].startswith("not less than")
    assert second.iso == "P30D" and second.qualifier == "max"


def test_bad_thresholds_are_refused() -> None:
    for bad in ("6 months", "P1Y6M", "PM", ""):
        with pytest.raises(ValueError):
            parse_iso(bad)


@given(st.integers(min_value=1, max_value=999))
def test_numbers_in_words_round_trip(n: int) -> None:
    ones = [
        "",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ]
    tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]

    def say(k: int) -> str:
        if k < 20:
            return ones[k]
        if k < 100:
            return tens[k // 10] + (f"-{ones[k % 10]}" if k % 10 else "")
        rest = k % 100
        return f"{ones[k // 100]} hundred" + (f" and {say(rest)}" if rest else "")

    assert words_to_number(say(n)) == n
    (found,) = find_durations(f"within {say(n)} days")
    assert found.days == n


@given(st.text(max_size=300))
def test_any_text_is_safe(text: str) -> None:
    for found in find_durations(text):
        assert found.days >= 0 and found.iso.startswith("P")


def test_a_sentence_without_a_unit_word_has_no_period_and_case_folding_still_finds_one() -> None:
    assert find_durations("The Funder will pay the grant in advance.") == []
    # the Kelvin sign matches "k" case-insensitively: the shortcut must not drop it
    assert [d.iso for d in find_durations("Four WEE\u212aS' notice.")] == ["P4W"]
