"""The letter to the funder: from and to as the document names them, each gap a polite
request with its commitment and the wording to propose, errors first, no jargon; one per
document, and one file per document beside --output when there are several."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from agreement_check.api import CheckOptions, check
from agreement_check.cli.main import cli
from agreement_check.reporters import get_reporter
from tests.builders import make_docx, p

AGREEMENT = (
    'This grant agreement is made between Moorside City Council (the "Council") and Hope Lane Trust, a '
    'registered charity (the "Organisation").',
    "1. The Grant Period starts on 1 April 2026 and ends on 31 March 2028.",
    "2. The Council may terminate this Agreement for any reason by giving the Organisation one month's notice.",
    "3. Any dispute will be decided by the Council, whose decision is final.",
)
LETTER = (
    "Northfield Community Foundation",
    "Dear Ms Okafor,",
    "We are pleased to offer you a grant of £8,000 for your lunch club. You must spend it on the project in your application.",
    "We may end this grant at any time by giving you one month's notice.",
)


def docx(path: Path, lines: tuple[str, ...]) -> Path:
    return make_docx(path, "".join(p(line) for line in lines))


@pytest.fixture(scope="module")
def letters(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    root = tmp_path_factory.mktemp("letters")
    report = check(
        [docx(root / "agreement.docx", AGREEMENT), docx(root / "offer.docx", LETTER)],
        CheckOptions(jobs=1, isolate=False, pack="leeds-compact"),
    )
    reporter = get_reporter("letter")
    return {Path(doc.path).name: text for doc, text in reporter.letters(report)}  # type: ignore[attr-defined]


def test_from_and_to_as_the_document_names_them(letters: dict[str, str]) -> None:
    agreement = letters["agreement.docx"]
    assert "From: [your name], Hope Lane Trust" in agreement
    assert "To: [name], Moorside City Council" in agreement
    assert "Dear [name]," in agreement and agreement.rstrip().endswith("[your organisation]")
    offer = letters["offer.docx"]
    assert "From: [your name], [your organisation]" in offer  # a letter does not name its recipient here
    assert "To: [name], Northfield Community Foundation" in offer
    assert "your offer letter" in offer


def test_each_gap_is_a_request_with_its_commitment_and_the_wording_to_propose(letters: dict[str, str]) -> None:
    text = " ".join(letters["agreement.docx"].split())
    request = text[text.index("At least six months' notice") :]
    request = request[: request.index(" 3. ")] if " 3. " in request else request
    assert "At the moment, clause 2 says: “2. The Council may terminate this Agreement for any reason" in request
    assert "The Compact for Leeds (Principle 4, commitment 1.4) says: “Termination clauses" in request
    assert (
        "Could it say, for example: “The Council may end this Agreement because of a change in the Council's "
        "financial allocations, needs or priorities only by giving the Organisation at least six (6) months'"
    ) in request
    assert "Principle 4, commitment 1.9" in text  # the mediation request rests on its own commitment


def test_the_offer_letter_is_answered_in_its_own_words(letters: dict[str, str]) -> None:
    text = " ".join(letters["offer.docx"].split())
    assert "“We may end this grant because of a change in our financial allocations" in text
    assert "by giving you at least six (6) months' written notice" in text
    assert "At the moment your offer letter does not cover this." in text


def test_errors_come_first_and_there_is_no_jargon(letters: dict[str, str]) -> None:
    for text in letters.values():
        assert "leeds-compact" not in text and "rule" not in text.lower()
        assert not re.search(r"\b(?:gap|severity|error|warning|n/a|not-applicable)\b", text, re.I)
    numbered = re.findall(r"^(\d+)\. (.+)$", letters["agreement.docx"], re.M)
    titles = [title for _, title in numbered]
    error_titles = {"At least six months' notice before the funder ends the agreement for its own reasons"}
    assert titles[0] in error_titles | {"The Compact's mediation and dispute resolution procedure is referenced"}
    assert titles.index("Equality duties are part of the agreement") > titles.index(
        "The Compact's mediation and dispute resolution procedure is referenced"
    )


def run(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, ["check", "--pack", "leeds-compact", "-j", "1", *args], catch_exceptions=False)


def test_several_documents_with_output_give_one_letter_file_each(tmp_path: Path) -> None:
    docx(tmp_path / "agreement.docx", AGREEMENT)
    docx(tmp_path / "offer.docx", LETTER)
    out = tmp_path / "out"
    out.mkdir()
    result = run(
        str(tmp_path / "agreement.docx"),
        str(tmp_path / "offer.docx"),
        "--format",
        "letter",
        "-o",
        str(out / "letter.txt"),
    )
    assert sorted(p.name for p in out.iterdir()) == ["letter-agreement.txt", "letter-offer.txt"]
    assert "To: [name], Moorside City Council" in (out / "letter-agreement.txt").read_text()
    assert "letters to the funder: 2 files" in result.stderr


def test_one_document_with_output_is_one_letter(tmp_path: Path) -> None:
    docx(tmp_path / "offer.docx", LETTER)
    run(str(tmp_path / "offer.docx"), "--format", "letter", "-o", str(tmp_path / "to-the-funder.txt"))
    assert "next letter" not in (tmp_path / "to-the-funder.txt").read_text()
    assert "Subject: Your offer letter" in (tmp_path / "to-the-funder.txt").read_text()


def test_a_letter_file_may_not_replace_an_input(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.robustness.test_output_clashes import run_main

    docx(tmp_path / "agreement.docx", AGREEMENT)
    kept = tmp_path / "letter-agreement.txt"  # an input where the letter for agreement.docx would go
    kept.write_text("We may end this grant at any time by giving you one month's notice.")
    before = kept.read_text()
    args = [str(tmp_path / "agreement.docx"), str(kept), "--format", "letter", "-o", str(tmp_path / "letter.txt")]
    code, err = run_main(["check", *args], monkeypatch, capsys)
    assert code == 2 and "would overwrite the input" in err
    assert kept.read_text() == before
    assert not (tmp_path / "letter-letter-agreement.txt").exists()
