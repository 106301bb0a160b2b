"""Periods with their role: notice, remedy, deadline, duration, records, other."""

from __future__ import annotations

import pytest

from agreement_check.nlp.calendar_spans import calendar_spans, start_and_end_rows
from agreement_check.nlp.dates import find_dates
from agreement_check.nlp.periods import find_periods


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("The Council may end this Agreement on six (6) months' written notice.", "notice"),
        ("The Council may end this Agreement by giving not less than 26 weeks' notice.", "notice"),
        ("You will have 30 days to address our concerns.", "remedy"),
        ("The breach must be put right within 14 days.", "remedy"),
        ("Invoices will be paid within 30 days of receipt.", "deadline"),
        ("You must keep records for six years after the grant ends.", "records"),
        ("This Agreement runs for three years from 1 April 2026.", "duration"),
    ],
)
def test_period_roles(text: str, role: str) -> None:
    (period,) = find_periods(text)
    assert period.role == role


def test_half_a_year_and_number_forms_are_periods() -> None:
    assert [p.duration.days for p in find_periods("six (6) months, 6 (six) months, half a year, 26 weeks")] == [
        183,
        183,
        183,
        182,
    ]


def test_a_deadline_is_not_a_length() -> None:
    assert [p.role for p in find_periods("Send a bank statement dated within the last three months.")] == ["deadline"]


def test_start_and_end_rows_of_a_particulars_table() -> None:
    rows = ["Start date | 1 April 2026", "End date | 31 March 2028"]
    found = start_and_end_rows(rows)
    assert found is not None and found[0] == 1 and found[1].duration is not None and found[1].duration.iso == "P24M"
    assert calendar_spans("from [start date] to [end date]")[0].duration is None


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("from 1 April 2025 to 31 March 2027", "P24M"),
        ("for the 2025/26 financial year", "P1Y"),
        ("financial years 2025/26 to 2027/28", "P3Y"),
        ("ending on the third anniversary of the start date", "P3Y"),
    ],
)
def test_calendar_spans(text: str, iso: str) -> None:
    (span,) = calendar_spans(text)
    assert span.duration is not None and span.duration.iso == iso


def test_an_end_date_of_a_defined_period_has_no_length() -> None:
    (span,) = calendar_spans("The Funding Period is the period up to 30 June 2027.")
    assert span.duration is None


def test_a_text_without_a_year_has_no_dates_and_no_dated_spans() -> None:
    assert find_dates("from 1 April to 31 March") == []
    assert [d.year for d in find_dates("from 1 April 2025 to 31 March 2027")] == [2025, 2027]
    assert calendar_spans("from 1 April to 31 March, for the financial year") == []
    assert start_and_end_rows(["Start | 1 April 2026", "End | 31 March 2028"]) is None  # no row names a date


def test_periods_are_a_fresh_list_each_time() -> None:
    text = "The Council will give three months' notice."
    first = find_periods(text)
    first.clear()
    assert [p.role for p in find_periods(text)] == ["notice"]
