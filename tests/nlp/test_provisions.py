"""The provision layer: who may do what, for which reasons, with which periods."""

from __future__ import annotations

import pytest

from agreement_check.engine.run import RuleResults
from agreement_check.nlp.context import DocumentContext
from agreement_check.nlp.provisions import Provision
from agreement_check.parsers.text_reader import document_from_text
from agreement_check.ruleset import load_packs


def provisions(text: str, fmt: str = "txt") -> list[Provision]:
    return DocumentContext(document_from_text(text, fmt=fmt)).provisions


def one(text: str, action: str) -> Provision:
    (found,) = [p for p in provisions(text) if p.action == action]
    return found


def notices(text: str, fmt: str = "txt") -> list[int]:
    """The notice periods the termination-notice rule reads, in days."""
    rule = load_packs()["leeds-compact"].rule("termination-notice")
    assert rule is not None
    results = RuleResults(rule, DocumentContext(document_from_text(text, fmt=fmt)))
    return [d.days for d in results.durations("notices")]


def test_funder_right_for_changed_funding() -> None:
    right = one(
        "The Council may terminate this Agreement on not less than three months' notice if its budget is reduced.",
        "end",
    )
    assert (right.actor, right.modality, right.reasons) == ("funder", "may", {"funding"})
    assert [(p.role, p.duration.days) for p in right.periods] == [("notice", 91)]


def test_recipient_notice_and_cure_periods_do_not_count() -> None:
    text = (
        'The Council (the "Council") and Hope Trust, a registered charity (the "Charity").\n\n'
        "The Charity may end this Agreement by giving three months' notice.\n\n"
        "If the Charity is in breach, the Council will give notice requiring the breach to be put right within 30 days, "
        "failing which the Council may terminate this Agreement.\n\n"
        "The Council will pay invoices within 30 days."
    )
    assert notices(text) == []


def test_notice_in_the_next_sentence() -> None:
    assert notices(
        "The Trustees may end this grant early if the Trust's income falls. If that happens we will give you at least ninety days' notice."
    ) == [90]


def test_sub_items_inherit_the_right_from_their_lead_in() -> None:
    text = (
        "The Council may terminate this Agreement:\n\n"
        "(a) for any reason, on one month's notice;\n\n"
        "(b) immediately, if the Recipient breaches these conditions."
    )
    assert notices(text) == [30]


def test_numbered_items_complete_an_unnumbered_lead_in() -> None:
    text = (
        "We may ask you to pay back the grant if:\n\n"
        "1. you do not keep to these conditions;\n\n"
        "2. you give us false information."
    )
    found = [p for p in provisions(text, fmt="md") if p.action == "reclaim"]
    assert [sorted(p.reasons) for p in found] == [["breach"], ["serious"]]


def test_a_sanction_written_as_a_consequence() -> None:
    found = one("Any failure to keep to these conditions could lead to the withdrawal of the grant.", "end")
    assert found.modality == "may" and "breach" in found.reasons


def test_repayment_when_the_grant_is_not_used_for_its_purpose() -> None:
    found = one(
        "The Foundation has the right to claim back any part of the award that is not used for the agreed purpose.",
        "reclaim",
    )
    assert (found.actor, found.modality) == ("funder", "entitled") and "breach" in found.reasons


def test_unspent_money_returned_is_not_a_sanction() -> None:
    assert one("Any money not spent by 31 March 2026 must be returned to the Council.", "reclaim").reasons == {
        "unspent"
    }


def test_a_prohibition_with_an_exception_grants_the_power_on_its_terms() -> None:
    found = one("We will not stop any payment unless you have failed to follow an agreed improvement plan.", "suspend")
    assert found.modality == "may" and {"breach", "remedy-failed"} <= found.reasons


def test_immediate_termination_takes_the_reasons_of_the_clause_it_refers_to() -> None:
    text = (
        "4.2 The Recipient must use the grant only for the Project.\n\n"
        "4.3 If the Recipient fails to deliver the Project, the Council may ask for an action plan.\n\n"
        "9.1 The Council may terminate this Agreement with immediate effect in the circumstances described in clause 4.3."
    )
    found = one(text, "end")
    assert "breach" in found.reasons and "immediate" in found.timing


def test_a_reference_that_disapplies_clauses_brings_no_reasons() -> None:
    text = (
        "7. If the Recipient breaches this Agreement the Council may withhold payment.\n\n"
        "8. Clause 7 does not apply, and the Council may terminate this Agreement at once, if the Recipient acts fraudulently."
    )
    assert one(text, "end").reasons == {"serious"}


def test_a_defined_notice_period_is_read_from_the_particulars() -> None:
    text = (
        "Funder Notice Period | four months\n\n"
        "The Funder may terminate this Agreement for any reason by giving the Funder Notice Period."
    )
    assert notices(text) == [122]


def test_word_sense() -> None:
    """'reserves the right' is a power, not reserves; a privacy notice is not notice."""
    text = "The Trust reserves the right to withdraw the grant. We will give you a privacy notice."
    actions = [p.action for p in provisions(text)]
    assert "hold-reserves" not in actions and "notify" not in actions
    assert one(text, "end").modality == "entitled"


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
    assert notices(text, fmt="md") == []


def funding_periods(text: str) -> list[str]:
    """The funding periods the funding-period rule reads, as ISO 8601."""
    rule = load_packs()["leeds-compact"].rule("funding-period")
    assert rule is not None
    results = RuleResults(rule, DocumentContext(document_from_text(text)))
    return [d.iso for d in results.durations("periods")]


@pytest.mark.parametrize(
    ("text", "periods"),
    [
        ("The Grant Period starts on 1 April 2025 and ends on 31 March 2027.", ["P24M"]),
        ("This Agreement runs for three (3) years from 1 April 2025.", ["P3Y"]),
        ("The funding covers the 2026/27 financial year.", ["P1Y"]),
        ("The grant ends on the second anniversary of the start date.", ["P2Y"]),
        ("This Agreement starts on 1 July 2025 and will continue until it is ended by either party.", []),
        ("Send us a bank statement dated within the last three months.", []),
        ("You must keep records for six years after the grant ends.", []),
    ],
)
def test_funding_periods(text: str, periods: list[str]) -> None:
    assert funding_periods(text) == periods


def test_a_notice_procedure_sets_the_notice_of_rights_that_state_none() -> None:
    text = (
        "6.1 The Board may bring this Agreement to an end for any reason.\n\n"
        "6.2 The Board may end this Agreement at once if the Recipient acts fraudulently.\n\n"
        "6.3 Where this Agreement is ended under clause 6.1, not less than twenty-six weeks' written notice will be given."
    )
    assert notices(text) == [182]
    immediate = [p for p in provisions(text) if "immediate" in p.timing]
    assert immediate and not immediate[0].periods_of("notice")


def test_an_aside_lends_no_reasons() -> None:
    text = (
        "Notwithstanding the Council's right to end this Agreement if the Recipient breaches it, "
        "either party may end this Agreement by giving the other three months' notice."
    )
    (right,) = [p for p in provisions(text) if p.action == "end" and p.actor == "either"]
    assert "breach" not in right.reasons and notices(text) == [91]


def test_an_action_that_fails_is_a_condition_not_a_provision() -> None:
    text = "If the Recipient fails to repay the sum when asked, interest will be charged."
    assert [p.action for p in provisions(text) if p.action == "reclaim"] == []


def test_a_right_named_in_passing_is_not_granted() -> None:
    text = "Disputes about the Council's right to terminate this Agreement go to the Director."
    assert all(p.modality == "states" for p in provisions(text) if p.action == "end")


def test_a_passive_action_belongs_to_its_agent_not_its_subject() -> None:
    text = "Where the Provider falls below the service levels, no payment to the Provider is withheld until a plan is agreed."
    found = [p for p in provisions(text) if p.action == "suspend"]
    assert found and found[0].actor == "unknown" and "breach" in found[0].reasons
    assert one("This Agreement may be terminated by the Council on three months' notice.", "end").actor == "funder"


_SEVERAL_ACTIONS = (
    "The Council may terminate this Agreement for any reason.\n\n"
    "Where the funding is withdrawn, at least three months' written notice will be given.\n\n"
    "The Recipient must report on progress every quarter and repay any unspent grant.\n\n"
    "We will discuss any concerns with you before we suspend payments."
)


@pytest.mark.parametrize(
    "actions",
    [frozenset({"end"}), frozenset({"reclaim", "suspend"}), frozenset({"report", "discuss", "end"}), frozenset()],
)
def test_reading_some_actions_gives_those_provisions_of_the_full_reading(actions: frozenset[str]) -> None:
    full = provisions(_SEVERAL_ACTIONS)
    ctx = DocumentContext(document_from_text(_SEVERAL_ACTIONS))
    ctx.expect_actions(actions)
    assert ctx.provisions_of(actions) == [p for p in full if p.action in actions]
    # an action not read yet is read on demand, with the same result
    assert ctx.provisions_of(frozenset({"reclaim"})) == [p for p in full if p.action == "reclaim"]
    assert ctx.provisions == full


def test_a_pack_reads_provisions_only_for_the_actions_its_rules_ask_about() -> None:
    pack = load_packs()["leeds-compact"]
    asked = frozenset().union(*(rule.provision_actions for rule in pack.rules))
    assert "end" in asked and "report" not in asked
    rule = pack.rule("termination-notice")
    assert rule is not None and rule.provision_actions <= asked
