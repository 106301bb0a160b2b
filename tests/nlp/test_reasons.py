"""Why a provision applies: the recipient's default, a serious matter, the funder's own reasons."""

from __future__ import annotations

from agreement_check.nlp.reasons import classify, reasons_of


def test_reasons_of_a_provision() -> None:
    assert classify("if its financial allocations are reduced or its priorities change") >= {"funding", "priorities"}
    assert "any-reason" in classify("for any reason")
    assert reasons_of("at any time by written notice")[0] == {"at-any-time"}
    assert classify("at any time if the Recipient is in breach") >= {"at-any-time", "breach"}
    assert classify("with immediate effect if the Organisation becomes insolvent or acts fraudulently") == {"serious"}
    assert "breach" in classify("if the Provider commits a material breach")
    assert "breach" not in classify("if a serious safeguarding concern arises")
    assert classify("if the Provider fails to safeguard the children in its care") == {"serious"}
    assert reasons_of("We may end this agreement.")[0] == {"unconditional"}
    assert reasons_of("We may recover the grant unless we agree a change in writing.")[0] == {"unconditional"}


def test_failures_and_conditions_not_met_are_breaches() -> None:
    for text in [
        "if any of the conditions are not fulfilled",
        "if the grant has not been used for the purposes agreed",
        "if you break these terms",
        "if the work falls short of what was agreed",
        "if the project changes without our written agreement",
    ]:
        assert "breach" in classify(text), text


def test_the_funders_own_money_and_the_recipients_leftover_money() -> None:
    assert "funding" in classify("if the money the Council receives from government stops")
    assert classify("any money not spent by the end of the year") == {"unspent"}
    assert "unspent" not in classify("money not used for the agreed purpose")


def test_exceptions_are_not_reasons() -> None:
    reasons, exceptions = reasons_of("We may end the grant for any reason, unless you are in breach.")
    assert "any-reason" in reasons and "breach" not in reasons and "breach" in exceptions
