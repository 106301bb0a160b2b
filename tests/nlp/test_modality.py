"""How an action is put: may, must, must not, will, is entitled to, is not obliged to."""

from __future__ import annotations

import pytest

from agreement_check.nlp.modality import modality_before


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("The Council may terminate", "may"),
        ("The Council may not terminate", "must-not"),
        ("The Council shall be entitled to terminate", "entitled"),
        ("The Council will not terminate", "will-not"),
        ("The Council is under no obligation to continue", "not-obliged"),
        ("The Recipient must repay", "must"),
        ("The Council terminates", "states"),
        ("Members should apologise", "must"),
    ],
)
def test_modality(text: str, modality: str) -> None:
    assert modality_before(text, len(text.rsplit(" ", 1)[0]) + 1) == modality


def test_a_condition_or_a_subordinate_clause_cuts_the_modal_off() -> None:
    text = "This Agreement will continue until it is ended"
    assert modality_before(text, text.index("ended")) == "states"
    text = "If we may need to, the Council terminates"
    assert modality_before(text, text.index("terminates")) == "states"


def test_a_right_is_granted_only_by_having_it() -> None:
    granted = "The Trust shall have the right to recover"
    assert modality_before(granted, granted.index("recover")) == "entitled"
    mentioned = "Questions about the Trust's right to recover"
    assert modality_before(mentioned, mentioned.index("recover")) == "states"


def test_should_is_the_nearest_modal_not_a_negative_in_the_subject() -> None:
    """In "Members who cannot attend should send apologies" the "cannot" describes who
    sends; the action is put by "should"."""
    text = "Members who cannot attend should send their apologies"
    assert modality_before(text, text.index("send")) == "must"
