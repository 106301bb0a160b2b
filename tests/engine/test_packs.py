"""Pack choice under `--pack auto`, and what is not an agreement at all.

The non-agreements below are written for these tests (none is a real document): a
community network's web page, a project budget, a letter calling a meeting and a
newsletter. Each talks about grants, members or meetings, as a commissioner's folder
does, but none sets terms or calls itself an agreement. The thresholds in the packs'
`detect` were set by measuring these and every labelled document (see
`test_every_labelled_document_reads_as_its_pack`).
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml
from click.testing import CliRunner

from agreement_check.api import CheckOptions, check
from agreement_check.cli.main import cli
from agreement_check.engine.packs import NOT_AN_AGREEMENT, choose_pack, signals
from agreement_check.errors import DocumentError
from agreement_check.parsers import read_document
from agreement_check.parsers.text_reader import document_from_text
from agreement_check.ruleset import load_packs
from tests.conftest import REPO, SHARED

WEB_PAGE = """Home | About us | Our services | Get involved | News | Contact us

Welcome to Northfield Community Network
We bring local groups together so that residents get the help they need. Our members include
tenants' associations, faith groups, youth clubs and advice centres across the area.

Get involved
Join our network: membership is free for voluntary and community groups. Volunteer with us,
or donate to support our work. Sign up to our mailing list for news and events.

Latest news
Our annual general meeting was a great success. Thank you to everyone who came, to our chair
for her hard work this year, and to our partners at the council and the health centre.
Funding round now open: small grants of up to £500 for community events. Read the guidance.

Contact us: 0113 496 0000 | hello@example.org | Registered charity no. 1234567
Terms of use | Privacy policy | Cookies | Accessibility statement | Site map"""

BUDGET = """Riverside Youth Project: budget 2025/26

Income
Grant from the City Council (Youth Fund)          £18,000
Grant from the Community Foundation                £6,500
Donations and fundraising                          £2,200
Total income                                       £26,700

Expenditure
Youth worker salary (0.6 FTE) and on-costs        £17,400
Sessional staff                                    £3,100
Room hire                                          £1,800
Trips and activities                               £1,500
Volunteer expenses                                   £600
Management and overhead costs (10%)                £1,450
Total expenditure                                  £26,700

Notes: the Council grant is paid quarterly in advance and its grant conditions ask for a
monitoring report each quarter. Match funding from the Foundation is confirmed. Any
underspend will be carried forward with the funders' agreement. Payment of the final
instalment depends on the end of year monitoring report."""

MEETING_LETTER = """Dear colleague,

Next meeting of the Older People's Steering Group

The next meeting of the steering group will be held on Tuesday 14 October at 2pm in the
community room at Holbeck Library. Tea and coffee will be available from 1.45pm.

The agenda is enclosed, together with the minutes of the last meeting and the chair's
report. We will hear from the council's partnership team about the new strategy, and members
will be asked to agree the dates of next year's meetings. The chair hopes we can reach a
decision on the joint bid, so please read the paper on it before you come.

If you cannot come, please send your apologies to me by Friday.

With best wishes,

Sam Okoro
Secretary, Older People's Steering Group"""

NEWSLETTER = """Spring newsletter

News from the network
It has been a busy few months. Our members have run twelve lunch clubs, two health fairs and
a very popular walking group. A big welcome to our three newest member organisations.

Funding news
The Community Fund's small grants round opens on 1 May: grants of up to £2,000 for projects
that reduce loneliness. Our development worker can help you with your application.

Partnership update
The partnership board met in March and agreed to focus on transport next year. At the AGM
members voted to keep the membership fee at £10. Minutes are on our website.

Dates for your diary
Volunteers' celebration, 12 June, Town Hall. Members' forum, 3 July, online.

Thank you to all our volunteers and supporters."""

NOT_AGREEMENTS = {"web page": WEB_PAGE, "budget": BUDGET, "meeting letter": MEETING_LETTER, "newsletter": NEWSLETTER}
LABELLED_SETS = ("corpus", "corpus-real", "corpus-real-partnerships")


@pytest.mark.parametrize("name", NOT_AGREEMENTS)
def test_a_document_that_sets_no_terms_is_not_an_agreement(name: str) -> None:
    packs = load_packs()
    with pytest.raises(DocumentError) as err:
        choose_pack(document_from_text(NOT_AGREEMENTS[name]), packs, "auto")
    assert err.value.code == "not-an-agreement" and err.value.message == NOT_AN_AGREEMENT


@pytest.mark.parametrize("name", NOT_AGREEMENTS)
def test_naming_a_pack_still_checks_it(name: str) -> None:
    packs = load_packs()
    assert choose_pack(document_from_text(NOT_AGREEMENTS[name]), packs, "working-together").pack.id == (
        "working-together"
    )


def test_short_agreements_of_both_kinds_are_still_recognised() -> None:
    packs = load_packs()
    offer = document_from_text(
        "Grant offer letter\n\nWe are pleased to offer you a grant of £1,500 towards your holiday club. "
        "You must spend it by 31 March and repay any part you do not use."
    )
    terms = document_from_text(
        "Terms of reference: Eastside Food Network\n\nThe network brings food banks and pantries together. "
        "A meeting is quorate when four members are present."
    )
    assert choose_pack(offer, packs, "auto").pack.id == "leeds-compact"
    assert choose_pack(terms, packs, "auto").pack.id == "working-together"


def test_the_batch_goes_on_and_the_run_counts_the_document_as_not_checked(tmp_path: Path) -> None:
    (tmp_path / "budget.txt").write_text(BUDGET, encoding="utf-8")
    (tmp_path / "terms.txt").write_text(
        "Terms of reference\n\nThe forum's members agree to treat each other with respect. "
        "A meeting is quorate when five members are present, and decisions are made by consensus.",
        encoding="utf-8",
    )
    report = check([tmp_path / "budget.txt", tmp_path / "terms.txt"], CheckOptions(pack="auto", isolate=False))
    budget, terms = report.documents
    assert budget.status == "error" and budget.error_code == "not-an-agreement" and not budget.findings
    assert terms.status == "checked" and terms.pack == "working-together"
    assert report.has_errors()


def test_the_command_reports_it_in_the_json_contract_and_exits_3(tmp_path: Path) -> None:
    (tmp_path / "spring-newsletter.txt").write_text(NEWSLETTER, encoding="utf-8")
    (tmp_path / "page.pdf").write_bytes(b"<!DOCTYPE html><html><body>" + WEB_PAGE.encode() + b"</body></html>")
    result = CliRunner().invoke(
        cli, ["check", "--format", "json", str(tmp_path / "spring-newsletter.txt"), str(tmp_path / "page.pdf")]
    )
    assert result.exit_code == 3, result.output
    report = json.loads(result.stdout)
    jsonschema.validate(report, json.loads((REPO / "src/agreement_check/schemas/report.schema.json").read_text()))
    errors = {Path(d["path"]).name: d["error"] for d in report["documents"]}
    assert errors["spring-newsletter.txt"] == {"code": "not-an-agreement", "message": NOT_AN_AGREEMENT}
    assert errors["page.pdf"]["code"] == "unsupported-format" and "an HTML page" in errors["page.pdf"]["message"]
    assert report["summary"]["errors"] == 2 and report["summary"]["checked"] == 0


def _labelled() -> list[tuple[Path, str]]:
    out = []
    for name in LABELLED_SETS:
        labels = SHARED / name / "labels.yaml"
        if labels.is_file():
            out += [(labels.parent / e["doc"], e["pack"]) for e in yaml.safe_load(labels.read_text())["documents"]]
    return out


@pytest.mark.skipif(not _labelled(), reason="../shared labelled sets are not beside the repository")
def test_every_labelled_document_reads_as_its_pack() -> None:
    """The measurement behind the thresholds: every labelled document reaches its kind
    threshold with room to spare, and every non-agreement stays below it."""
    packs = load_packs()
    margin = 2
    for path, want in _labelled():
        text = read_document(path).text().lower()
        readings = {p: signals(text, packs[p]) for p in packs}
        assert max(r.kind - packs[p].spec.detect.kind_threshold for p, r in readings.items()) >= margin, path.name
        assert choose_pack(read_document(path), packs, "auto").pack.id == want, path.name
    for name, text in NOT_AGREEMENTS.items():
        lowered = document_from_text(text).text().lower()
        assert all(signals(lowered, p).kind < p.spec.detect.kind_threshold for p in packs.values()), name


def test_phrase_counts_are_what_the_word_start_pattern_counts() -> None:
    import random
    import re

    from agreement_check.engine.packs import _PhraseCounter

    rng = random.Random(3)
    pieces = ["grant", " ", "a", "_", "é", "1", "-", "gr", "ant", "\n", "£", "terms of", "x"]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 30)))
        for phrase in ["grant", "a", "terms of", "-", "£", "gran", "é1", "x x"]:
            expected = len(re.findall(rf"\b{re.escape(phrase)}\w*", text))
            assert _PhraseCounter(text).count(phrase) == expected, (text, phrase)
