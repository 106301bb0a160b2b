"""The action vocabulary: many wordings, one action; word sense kept apart."""

from __future__ import annotations

import pytest

from agreement_check.nlp.actions import find_actions


def actions(text: str) -> list[str]:
    return [m.action for m in find_actions(text)]


@pytest.mark.parametrize(
    ("text", "action"),
    [
        ("The Council may terminate this Agreement.", "end"),
        ("We may withdraw or reduce the funding.", "end"),
        ("The grant may be withdrawn.", "end"),
        ("If the funding is reduced or withdrawn, we will tell you.", "end"),
        ("We may bring the grant to an end.", "end"),
        ("If that money stops, the grant will stop too.", "end"),
        ("We may suspend or withhold payments.", "suspend"),
        ("Any instalment not yet paid will not be released.", "suspend"),
        ("We may claw back the grant.", "reclaim"),
        ("We may ask you to pay the grant back.", "reclaim"),
        ("Unspent money must be returned to the Trust.", "reclaim"),
        ("Failure could result in recovery of the grant.", "reclaim"),
        ("We may reduce the grant.", "reduce"),
        ("We will take further action.", "take-action"),
        ("You will have 30 days to put it right.", "remedy"),
        ("We will allow a reasonable period for improvement.", "remedy"),
        ("Either party may refer the dispute to mediation.", "refer-disputes"),
        ("The Director's decision on any dispute will be final.", "refer-disputes"),
        ("We will discuss the problem with you.", "discuss"),
        ("Organisations holding large reserves will be asked to explain them.", "hold-reserves"),
        ("Overheads are not an eligible cost.", "treat-costs"),
        ("The grant cannot be used for staff salaries.", "treat-costs"),
        ("We will not fund equipment.", "treat-costs"),
    ],
)
def test_wordings_of_each_action(text: str, action: str) -> None:
    assert action in actions(text)


@pytest.mark.parametrize(
    ("text", "not_action"),
    [
        ("The Trust reserves the right to visit the project.", "hold-reserves"),
        ("We will give every participant a privacy notice.", "notify"),
        ("At the end of the grant you must send a report.", "end"),
        ("We will resolve any disagreement through mediation.", "remedy"),
    ],
)
def test_word_sense(text: str, not_action: str) -> None:
    assert not_action not in actions(text)


@pytest.mark.parametrize(
    ("text", "action"),
    [
        ("Minutes will be published on the partnership's website.", "publish"),
        ("A summary is posted on the Council's web pages after each meeting.", "publish"),
        ("Draft notes are circulated to members within ten days.", "circulate"),
        ("Each lead shares the summary with their own organisation.", "circulate"),
        ("Notes are sent to all members after the meeting.", "circulate"),
        ("Representatives report back to their organisations.", "circulate"),
        ("The chair keeps absent members up to date by email.", "circulate"),
        ("The Board reviews these terms every year.", "review"),
        ("The partners will look again at the aims in March.", "review"),
        ("The members elect a chair each year.", "appoint"),
        ("The panel may co-opt up to two advisers.", "appoint"),
        ("The vice-chair deputises for the chair.", "deputise"),
        ("Each organisation nominates a named officer and an alternate.", "deputise"),
        ("Each member may send a substitute.", "deputise"),
        ("A named colleague may attend in their place.", "deputise"),
        ("In the absence of the chair, the vice-chair takes the meeting.", "deputise"),
        ("Members send apologies to the secretary.", "apologise"),
        ("Members should give notice of absence before the meeting.", "apologise"),
    ],
)
def test_how_a_partnership_runs_itself(text: str, action: str) -> None:
    assert action in actions(text)


@pytest.mark.parametrize(
    ("text", "not_action"),
    [
        ("The group publishes nothing; its papers are private.", "circulate"),
        ("Share different approaches and look for ways to work together.", "circulate"),
        ("Papers are available on request.", "publish"),
        ("The chair is elected, not appointed.", "deputise"),
        ("Apologies is the first item on the agenda.", "apologise"),
    ],
)
def test_partnership_word_sense(text: str, not_action: str) -> None:
    assert not_action not in actions(text)
