"""Suggested wording in the document's own words: the parties as the document names them."""

from __future__ import annotations

from pathlib import Path

import pytest

from agreement_check.api import CheckOptions, check
from agreement_check.nlp.own_words import in_own_words
from agreement_check.nlp.parties import PartyNames, find_parties, party_names
from tests.builders import make_docx, p

LETTER = PartyNames(funder="we", recipient="you", letter=True, itself="this offer")
COUNCIL = PartyNames(funder="the Council", recipient="the Organisation")


def names(*texts: str) -> PartyNames:
    return party_names(list(texts), find_parties(list(texts)))


def test_defined_terms_and_the_full_names_before_them() -> None:
    found = names(
        'This agreement is made between Moorside City Council (the "Council") and Hope Lane Trust, a registered '
        'charity (the "Organisation").',
        "The Council will pay the grant in two instalments.",
    )
    assert (found.funder, found.recipient) == ("the Council", "the Organisation")
    assert (found.funder_name, found.recipient_name) == ("Moorside City Council", "Hope Lane Trust")
    assert not found.letter


def test_terms_defined_in_a_definitions_clause() -> None:
    found = names(
        '"Commissioner" means the Office of the Police Commissioner.', '"Provider" means the charity named above.'
    )
    assert (found.funder, found.recipient) == ("the Commissioner", "the Provider")


def test_a_letter_says_we_and_you_and_its_sender_is_in_the_letterhead() -> None:
    found = names(
        "Northfield Community Foundation",
        "Dear Ms Okafor,",
        "We are pleased to offer you a grant of £8,000. You must spend it on the project described in your application.",
        "We may withdraw this offer if your organisation does not accept it within 28 days. This offer is subject to the terms below.",
    )
    assert (found.funder, found.recipient, found.letter) == ("we", "you", True)
    assert found.funder_name == "Northfield Community Foundation"
    assert found.itself == "this offer"


def test_neither_defined_terms_nor_a_letter_keeps_the_neutral_words() -> None:
    found = names("The grant is paid quarterly in arrears.")
    assert (found.funder, found.recipient, found.letter) == ("the Funder", "the Recipient", False)


@pytest.mark.parametrize(
    ("wording", "letter", "council"),
    [
        (
            "The Funder may end this Agreement only by giving the Recipient six months' notice.",
            "We may end this offer only by giving you six months' notice.",
            "The Council may end this Agreement only by giving the Organisation six months' notice.",
        ),
        (
            "The Funder recognises the Recipient's right to hold reserves.",
            "We recognise your right to hold reserves.",
            "The Council recognises the Organisation's right to hold reserves.",
        ),
        (
            "If the Funder believes the Recipient is in breach, the Funder will discuss it with the Recipient.",
            "If we believe you are in breach, we will discuss it with you.",
            "If the Council believes the Organisation is in breach, the Council will discuss it with the Organisation.",
        ),
        (
            "The Recipient will send a report to the Funder, and the Funder's officer will reply.",
            "You will send a report to us, and our officer will reply.",
            "The Organisation will send a report to the Council, and the Council's officer will reply.",
        ),
        ("Each party will comply with the Equality Act 2010.", None, None),
    ],
)
def test_wording_is_rewritten_in_the_documents_terms(wording: str, letter: str | None, council: str | None) -> None:
    assert in_own_words(wording, LETTER) == (letter or wording)
    assert in_own_words(wording, COUNCIL) == (council or wording)


def test_the_check_suggests_wording_in_the_letters_own_words(tmp_path: Path) -> None:
    body = "".join(
        p(t)
        for t in (
            "Northfield Community Foundation",
            "Dear Ms Okafor,",
            "We are pleased to offer you a grant of £8,000 for your lunch club. You must spend it on the project in your application.",
            "We may end this grant at any time by giving you one month's notice.",
            "You must return any unspent money to us at the end of the year.",
        )
    )
    source = make_docx(tmp_path / "offer.docx", body)
    report = check([source], CheckOptions(jobs=1, isolate=False, pack="leeds-compact"))
    (doc,) = report.documents
    notice = next(f for f in doc.findings if f.rule.endswith("termination-notice"))
    assert notice.status == "gap"
    assert notice.suggestion.startswith('"We may end this grant because of a change in our financial allocations')
    assert "by giving you at least six (6) months' written notice" in notice.suggestion
    assert not any("the Funder" in f.suggestion or "the Recipient" in f.suggestion for f in doc.findings)
    assert doc.parties == {
        "funder": "we",
        "recipient": "you",
        "letter": True,
        "funder_name": "Northfield Community Foundation",
    }
