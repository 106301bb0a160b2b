from __future__ import annotations

import pytest

from agreement_check.context import DocumentContext
from agreement_check.nlp.components import funder_termination_notices, funding_periods
from agreement_check.nlp.terminations import termination_rights
from agreement_check.parsers.text_reader import document_from_text


def rights(text: str):
    ctx = DocumentContext(document_from_text(text))
    return termination_rights(ctx.units, ctx.parties)


def notices(text: str) -> list[int]:
    return [i.duration.days for i in funder_termination_notices(DocumentContext(document_from_text(text)))]


def test_funder_right_for_changed_funding() -> None:
    (right,) = rights(
        "The Council may terminate this Agreement on not less than three months' notice if its budget is reduced."
    )
    assert right.holder == "funder" and right.own_reason and right.notice.days == 91


def test_recipient_notice_and_cure_periods_do_not_count() -> None:
    text = (
        'The Council (the "Council") and Hope Trust, a registered charity (the "Charity").\n\n'
        "The Charity may end this Agreement by giving three months' notice.\n\n"
        "If the Charity is in breach, the Council will give notice requiring the breach to be put right within 30 days, "
        "failing which the Council may terminate this Agreement.\n\n"
        "The Council will pay invoices within 30 days."
    )
    assert notices(text) == []


def test_notice_in_the_next_sentence_and_in_a_particulars_table() -> None:
    assert notices(
        "The Trustees may end this grant early if the Trust's income falls. If that happens we will give you at least ninety days' notice."
    ) == [90]
    doc = document_from_text("x")
    assert doc  # table case is covered on the corpus PDF in tests/engine


def test_sub_items_inherit_the_right_from_their_lead_in() -> None:
    text = (
        "The Council may terminate this Agreement:\n\n"
        "(a) for any reason, on one month's notice;\n\n"
        "(b) immediately, if the Recipient breaches these conditions."
    )
    assert notices(text) == [30]


def test_funding_period_from_dates_length_and_rolling() -> None:
    def periods(text: str) -> list[str]:
        return [i.duration.iso for i in funding_periods(DocumentContext(document_from_text(text)))]

    assert periods("The Grant Period starts on 1 April 2025 and ends on 31 March 2027.") == ["P24M"]
    assert periods("This Agreement runs for three (3) years from 1 April 2025.") == ["P3Y"]
    assert periods("This Agreement starts on 1 July 2025 and will continue until it is ended by either party.") == []


PARTIES = (
    'Moorside Council (the "Council"), Hope Trust, a charity (the "Organisation"), the "Provider", the "Grantee".\n\n'
)
WORDINGS = [
    (
        "The Council may terminate this Agreement upon 90 days' prior written notice to the Provider for convenience.",
        90,
    ),
    (
        "The Funder reserves the right to terminate the Grant by giving a minimum of 26 weeks' notice in writing if its funding priorities change.",
        182,
    ),
    (
        "The Commissioner may by notice in writing terminate this Contract at any time, such notice to be not less than three calendar months.",
        91,
    ),
    (
        "Without prejudice to its other rights, the Authority may terminate this Agreement on serving not less than 12 weeks' written notice.",
        84,
    ),
    (
        "The Council shall be entitled to terminate this Agreement by giving the Grantee not less than one (1) month's written notice.",
        30,
    ),
    (
        "Either party may terminate this Agreement by giving to the other not less than six months' notice in writing.",
        183,
    ),
    (
        "The Grant may be withdrawn or reduced by the Council on 60 days' notice in the event of a reduction in the Council's budget.",
        60,
    ),
    ("In the event that the Council's financial position changes, it may end this agreement with 28 days' notice.", 28),
    ("We may stop funding your project at any time if our priorities change.", 0),
    (
        "Notwithstanding clause 10, the Council may terminate this agreement on written notice of not less than 90 days.",
        90,
    ),
    ("The Council may terminate this Agreement forthwith if the Organisation becomes insolvent.", None),
    ("The Provider may terminate this Agreement on three months' notice.", None),
    ("The Council may suspend payments if the Grantee fails to submit monitoring returns within 30 days.", None),
]


@pytest.mark.parametrize(("text", "days"), WORDINGS, ids=[w[0][:50] for w in WORDINGS])
def test_notice_in_many_wordings(text: str, days: int | None) -> None:
    found = notices(PARTIES + text)
    assert (min(found) if found else None) == days


def test_a_question_heading_grants_no_right() -> None:
    text = "# Can we end the grant early?\n\nWe will only end the grant early if you do not use it as agreed or your organisation closes."
    ctx = DocumentContext(document_from_text(text, fmt="md"))
    assert [i.duration.days for i in funder_termination_notices(ctx)] == []
