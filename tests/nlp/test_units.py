"""Units: a heading names a subject; a sentence in a heading's style is read as a sentence."""

from __future__ import annotations

import pytest

from agreement_check.nlp.units import build_units, names_a_subject
from agreement_check.parsers.text_reader import document_from_text


@pytest.mark.parametrize(
    ("heading", "title"),
    [
        ("Complaints", True),
        ("4. Quorum and voting", True),
        ("Applications will be considered for the following purposes", True),
        ("The duties of the steering group members are to:", True),
        ("4. The group will always oppose racism, sexism and ageism.", False),
        (
            "The chair will stay in post for two years, and the group will then choose a new chair from among its members.",
            False,
        ),
    ],
)
def test_a_heading_names_a_subject(heading: str, title: bool) -> None:
    assert names_a_subject(heading) is title


def test_a_sentence_styled_as_a_heading_is_not_a_heading_unit() -> None:
    units = build_units(document_from_text("# Membership\n\n# Members will declare any interest in an item.", fmt="md"))
    assert [u.is_heading for u in units] == [True, False]


def test_a_lead_in_heading_completed_by_items_is_read_as_a_sentence() -> None:
    text = "# The duties of the panel members are to:\n\n• attend meetings;\n\n• read the papers."
    units = build_units(document_from_text(text, fmt="md"))
    assert [u.is_heading for u in units] == [False, False, False]
    assert [u.lead_unit for u in units[1:]] == [0, 0]


def test_a_lead_in_heading_over_nothing_stays_a_heading() -> None:
    units = build_units(
        document_from_text("# The duties of the panel members are to:\n\nThe panel meets in May.", fmt="md")
    )
    assert units[0].is_heading


def test_a_short_heading_with_a_colon_stays_a_heading_over_its_list() -> None:
    units = build_units(document_from_text("# Members:\n\n• the council\n\n• the forum", fmt="md"))
    assert units[0].is_heading
