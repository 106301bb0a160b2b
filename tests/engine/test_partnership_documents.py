"""Whole partnership documents written for these tests, as a check on wording the rules
have not been tuned to.

Each document is invented (none copies a real one) and says things the ways real terms of
reference do: membership and quorum sections rather than a table of roles, a lead-in set as
a heading, alternates named beside representatives, task groups that report back, capacity
built so that small members can take part. Each rule named is checked for the status a
careful reader would give it; rules a document does not touch are left out.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from agreement_check.api import CheckOptions, check
from tests.builders import abstract, body_lines, make_docx, make_pdf, numbering, p

BULLETS = numbering(abstract(0, [("bullet", "•")]))

CARERS_PARTNERSHIP = [
    p("Eastbrook Carers' Partnership: terms of reference", "Title"),
    p("1. Why we work together", "Heading1"),
    p(
        "The partnership brings the council, the two health trusts and local carers' charities together "
        "to improve support for unpaid carers in Eastbrook. The charities take part to bring carers' "
        "experience into planning; the council and the trusts take part to hear it before they decide."
    ),
    p("2. Membership", "Heading1"),
    p("Two officers from the council's adult care team", num=(1, 0)),
    p("One manager from each health trust", num=(1, 0)),
    p("Up to five carers' organisations", num=(1, 0)),
    p("Each member organisation names a main representative and one alternate."),
    p(
        "Organisations that cannot commit to every meeting may join as associate members; they receive "
        "the papers and can comment by email."
    ),
    p("3. The duties of every member are to:", "Heading1"),
    p("come to meetings or send their alternate;", num=(1, 0)),
    p("read the papers beforehand and speak for their own organisation.", num=(1, 0)),
    p("4. Meetings and decisions", "Heading1"),
    p(
        "The partnership meets every two months, alternating between daytime and early evening meetings "
        "so that carers in paid work can come."
    ),
    p(
        "A meeting is quorate when at least one member from each sector is present. We aim for consensus; "
        "if none is reached, the chair may put the matter to a vote."
    ),
    p("The partnership may set up task groups on particular issues, which report back to the next meeting."),
    p(
        "A short note of the decisions and agreed actions, saying who will do each and by when, is emailed "
        "to all members within a week and put on the council's website."
    ),
    p("5. Fairness between partners", "Heading1"),
    p(
        "The council will help build the capacity of the smaller carers' organisations to take part, "
        "for instance by briefing them before each meeting."
    ),
]
CARERS_EXPECT = {
    "aims": "met",
    "roles": "met",
    "ways-to-contribute": "met",
    "decision-making": "met",
    "decision-sharing": "met",
    "personnel-changes": "met",
    "power-and-capacity": "met",
    "accessibility": "met",
    "notes-and-actions": "met",
}

# A memorandum whose headings promise what its text does not give.
YOUTH_ALLIANCE = [
    p("Memorandum of understanding: Hillside Youth Alliance", "Title"),
    p("Purpose", "Heading1"),
    p("The alliance will make decisions about how the youth activities fund is spent across Hillside."),
    p("The alliance aims to build the capacity of local youth groups to run more activities in the school holidays."),
    p("Membership", "Heading1"),
    p("The council's youth service", num=(1, 0)),
    p("Hillside Boys and Girls Club", num=(1, 0)),
    p("Three youth groups chosen at the annual open event", num=(1, 0)),
    p("Working groups", "Heading1"),
    p("Working groups on sport and on the arts will look at bids in detail and report back to the alliance."),
    p("Deputies and handover", "Heading1"),
    p("Each member sends one named person to meetings."),
    p("Roles and responsibilities", "Heading1"),
    p("The alliance meets three times a year at the youth centre."),
]
YOUTH_EXPECT = {
    "decision-making": "gap",
    "decision-sharing": "gap",
    "personnel-changes": "gap",
    "roles": "gap",
    "power-and-capacity": "gap",
}

# A network's constitution as a PDF: plain lines, no styles.
NETWORK_CONSTITUTION = [
    "Westgate Voluntary Sector Network: constitution",
    "",
    "1. The network gives voluntary and community groups in Westgate a shared voice with the council",
    "and the health service.",
    "",
    "2. Any voluntary or community group working in Westgate may join. Every member group, whatever its",
    "size, has one vote, and the network makes sure that small groups can engage fully in its work.",
    "",
    "3. Officers from the council may attend meetings as observers but may not vote.",
    "",
    "4. The committee makes its decisions by a simple majority of the members present.",
    "",
    "5. If the chair stands down, the vice-chair acts as chair until the next annual meeting elects a",
    "successor.",
    "",
    "6. Decisions of the committee are reported to members in the network's monthly e-bulletin.",
]
NETWORK_EXPECT = {
    "ways-to-contribute": "met",
    "decision-making": "met",
    "personnel-changes": "met",
    "decision-sharing": "met",
    "power-and-capacity": "met",
}


def _statuses(path: Path) -> dict[str, str]:
    report = check([path], CheckOptions(pack="working-together", isolate=False))
    (document,) = report.documents
    return {f.rule.split("/", 1)[1]: f.status for f in document.findings}


@pytest.mark.parametrize(
    ("name", "body", "expect"),
    [("carers", CARERS_PARTNERSHIP, CARERS_EXPECT), ("youth", YOUTH_ALLIANCE, YOUTH_EXPECT)],
)
def test_word_partnership_documents(tmp_path: Path, name: str, body: list[str], expect: dict[str, str]) -> None:
    path = make_docx(tmp_path / f"{name}.docx", "".join(body), numbering_xml=BULLETS)
    statuses = _statuses(path)
    assert {rule: statuses[rule] for rule in expect} == expect


def test_a_constitution_as_plain_pdf_lines(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "network.pdf", [body_lines(NETWORK_CONSTITUTION)])
    statuses = _statuses(path)
    assert {rule: statuses[rule] for rule in NETWORK_EXPECT} == NETWORK_EXPECT
