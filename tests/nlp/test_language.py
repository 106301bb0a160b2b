from __future__ import annotations

import pytest

from agreement_check.nlp.dates import find_dates
from agreement_check.nlp.negation import is_negated
from agreement_check.nlp.parties import EITHER, FUNDER, RECIPIENT, UNKNOWN, find_parties


def negated(text: str, phrase: str, lead_in: str = "") -> bool:
    start = text.lower().index(phrase)
    return is_negated(text, start, start + len(phrase), lead_in)


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("Overheads are not eligible.", "overheads", True),
        ("The grant may include a share of overheads.", "overheads", False),
        ("The grant may cover all costs except overheads.", "overheads", True),
        ("No costs other than overheads may be claimed.", "overheads", False),
        ("Central costs are ineligible.", "central costs", True),
        ("We do not contribute to core costs.", "core costs", True),
        ("The grant will not cover salaries but will cover a share of overheads.", "overheads", False),
        ("We will pay no later than 30 days after a claim for overheads.", "overheads", False),
        ("Management fees are excluded.", "management fees", True),
    ],
)
def test_negation_and_exception_cues(text: str, phrase: str, expected: bool) -> None:
    assert negated(text, phrase) is expected


def test_lead_in_negation_reaches_list_items() -> None:
    assert negated("(b) indirect costs and overheads;", "overheads", "Eligible Expenditure does not include:")
    assert not negated("(b) a share of overheads;", "overheads", "The Grant may be used for:")


def test_defined_terms_map_to_roles() -> None:
    parties = find_parties(
        [
            'MOORSIDE CITY COUNCIL of Civic Hall (the "Council"); and',
            'LARKSPUR, a charitable company limited by guarantee (the "Larkspur"); and',
            '"Grant" means the money described in clause 4.',
            "Bramble Trust, a registered charity (“the Befrienders”)",
        ]
    )
    assert parties.terms == {"council": FUNDER, "larkspur": RECIPIENT, "befrienders": RECIPIENT}


@pytest.mark.parametrize(
    ("text", "verb", "holder"),
    [
        ("The Council may terminate this Agreement.", "terminate", FUNDER),
        ("The Organisation may end this Agreement at any time.", "end", RECIPIENT),
        ("Either party may terminate this Contract for any reason.", "terminate", EITHER),
        ("We may end this agreement immediately.", "end", FUNDER),
        ("You may end this agreement at any time.", "end", RECIPIENT),
        ("This Agreement may be terminated by the Funder on notice.", "terminated", FUNDER),
        ("This Agreement may be terminated on three months' notice.", "terminated", UNKNOWN),
        ("If the Council agrees, the Provider may terminate early.", "terminate", RECIPIENT),
    ],
)
def test_holder_of_a_right(text: str, verb: str, holder: str) -> None:
    parties = find_parties(['the "Council"', 'the "Organisation"', 'the "Provider"'])
    assert parties.holder(text, text.index(verb)) == holder


def test_dates_and_ranges() -> None:
    first, second = find_dates("from 1 April 2025 to 31 March 2027")
    assert (first.year, first.month, first.day) == (2025, 4, 1)
    assert first.months_to(second) == 24
    (only,) = find_dates("in September 2025")
    assert (only.month, only.day) == (9, None)
