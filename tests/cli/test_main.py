from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from agreement_check.cli.main import cli
from tests.builders import abstract, make_docx, numbering, p

SCHEMA = json.loads(
    (Path(__file__).resolve().parents[2] / "src/agreement_check/schemas/report.schema.json").read_text()
)

COMPLIANT = """\
Grant Agreement between Moorside City Council (the "Council") and Hope Lane Trust, a registered charity (the "Organisation").

1. The Grant Period starts on 1 April 2025 and ends on 31 March 2027. The Council will pay a grant of £40,000.

2. The Grant may include a proportionate share of the Organisation's overhead costs on a full cost recovery basis.

3. The Organisation will contribute £5,000; the contribution may be made in cash or in time given by volunteers.

4. Volunteers' out-of-pocket expenses are an eligible cost.

5. The Council recognises the Organisation's right to hold reserves.

6. If the Council believes the Organisation is in breach, it will discuss the matter and allow a reasonable period of at least 30 days to put it right before it may withhold payments or terminate this Agreement.

7. The Council may end this Agreement if its financial allocations are reduced, by giving not less than six (6) months' written notice.

8. No later than six months before the end of the Grant Period the parties will meet to discuss further funding.

9. Monitoring will be proportionate to the size of the Grant.

10. Each party will comply with the UK GDPR and the Data Protection Act 2018, and with the Equality Act 2010.

11. Any disagreement may be referred to the Compact Mediation and Dispute Resolution procedure.
"""


def run(args: list[str]):
    return CliRunner().invoke(cli, args, catch_exceptions=False)


@pytest.fixture
def compliant(tmp_path: Path) -> Path:
    path = tmp_path / "compliant.txt"
    path.write_text(COMPLIANT, encoding="utf-8")
    return path


@pytest.fixture
def short_notice(tmp_path: Path) -> Path:
    path = tmp_path / "short.txt"
    path.write_text(COMPLIANT.replace("six (6) months'", "one month's"), encoding="utf-8")
    return path


def test_compliant_document_exits_zero_and_validates(compliant: Path) -> None:
    result = run(["check", "--pack", "leeds-compact", "--format", "json", str(compliant)])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    jsonschema.validate(report, SCHEMA)
    (doc,) = report["documents"]
    assert {f["status"] for f in doc["findings"]} <= {"met", "not-applicable"}, [
        (f["rule"], f["message"]) for f in doc["findings"] if f["status"] not in {"met", "not-applicable"}
    ]


def test_gap_exits_one_with_values(short_notice: Path) -> None:
    result = run(["check", "--format", "json", str(short_notice)])
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    jsonschema.validate(report, SCHEMA)
    notice = next(f for f in report["documents"][0]["findings"] if f["rule"] == "leeds-compact/termination-notice")
    assert notice["status"] == "gap" and notice["values"] == {"notice": "P1M", "notice_days": 30}
    assert notice["evidence"][0]["location"]["clause"] == "7"
    assert "suggestion" in notice


def test_fail_on_never_and_warning(short_notice: Path) -> None:
    assert run(["check", "--fail-on", "never", str(short_notice)]).exit_code == 0


def test_unreadable_document_is_an_entry_and_exit_three(tmp_path: Path, compliant: Path) -> None:
    bad = tmp_path / "broken.docx"
    bad.write_bytes(b"PK\x03\x04not really")
    result = run(["check", "--format", "json", str(bad), str(compliant)])
    assert result.exit_code == 3
    report = json.loads(result.stdout)
    jsonschema.validate(report, SCHEMA)
    assert [d["status"] for d in report["documents"]] == ["error", "checked"]
    assert report["documents"][0]["error"]["code"] == "corrupt"
    assert report["summary"] == {"documents": 2, "checked": 1, "errors": 1, "gaps": 0, "review": 0}


def test_text_report_puts_gaps_first_in_plain_english(short_notice: Path) -> None:
    result = run(["check", str(short_notice)])
    out = result.output
    assert "1 gap" in out
    assert out.index("GAP") < out.index("ok ")
    assert "What to ask for:" in out and "clause 7" in out
    assert "\x1b[" not in out  # no colour when not a terminal


def test_output_file_is_written(tmp_path: Path, compliant: Path) -> None:
    target = tmp_path / "out" / "report.json"
    target.parent.mkdir()
    result = run(["check", "--format", "json", "--output", str(target), str(compliant)])
    assert result.exit_code == 0 and result.stdout == "Summary: 1 document, 1 checked, 0 gaps.\n"
    jsonschema.validate(json.loads(target.read_text()), SCHEMA)
    assert [p.name for p in target.parent.iterdir()] == ["report.json"]


def test_unknown_pack_is_a_usage_error(compliant: Path) -> None:
    from agreement_check.cli.main import main

    with pytest.raises(SystemExit) as exit_info:
        import sys

        sys.argv = ["agreement-check", "check", "--pack", "nope", str(compliant)]
        main()
    assert exit_info.value.code == 2


def test_extract_shows_word_numbers(tmp_path: Path) -> None:
    numbers = numbering(abstract(0, [("decimal", "%1."), ("decimal", "%1.%2")]))
    path = make_docx(
        tmp_path / "n.docx", p("Ending", num=(1, 0)) + p("The Council may end this.", num=(1, 1)), numbering_xml=numbers
    )
    result = run(["extract", str(path)])
    assert result.exit_code == 0
    assert "[#1 list-item cl 1.1] 1.1 The Council may end this." in result.output
    data = json.loads(run(["extract", "--format", "json", str(path)]).output)
    assert data[0]["blocks"][1]["number"] == "1.1"


def test_extract_provisions_says_who_may_do_what(tmp_path: Path) -> None:
    path = tmp_path / "offer.md"
    path.write_text(
        "1. We may end this grant at any time if our budget is cut, with three months' notice.\n\n"
        "2. If you break these terms we may ask for the grant back.\n",
        encoding="utf-8",
    )
    result = run(["extract", "--provisions", str(path)])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert any(line.startswith("[clause 1]") and "funder may end" in line and "notice P3M" in line for line in lines)
    assert any(line.startswith("[clause 2]") and "funder may reclaim; for breach" in line for line in lines)
    data = json.loads(run(["extract", "--provisions", "--format", "json", str(path)]).output)
    ending = next(p for p in data[0]["provisions"] if p["action"] == "end")
    assert ending["periods"] == [{"role": "notice", "period": "P3M", "days": 91}]
    assert ending["location"]["clause"] == "1"


def test_rules_commands() -> None:
    listing = run(["rules", "list"]).output
    assert "leeds-compact/termination-notice" in listing and "working-together/apologies" in listing
    shown = run(["rules", "show", "termination-notice"]).output
    assert "six months" in shown and "Examples:" in shown
    tested = run(["rules", "test"])
    assert tested.exit_code == 0 and "0 failed" in tested.output
    assert "valid" in run(["rules", "validate"]).output


def run_main(args: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    """The installed entry point, in this process: its exit code and what it wrote to stderr."""
    import sys

    from agreement_check.cli.main import main

    monkeypatch.setattr(sys, "argv", ["agreement-check", *args])
    with pytest.raises(SystemExit) as exit_info:
        main()
    return int(exit_info.value.code or 0), capsys.readouterr().err


@pytest.mark.parametrize(
    ("option", "typo", "meant"),
    [
        ("--enable", "termination-notise", "termination-notice"),
        ("--disable", "leeds-compact/overhead-cost", "leeds-compact/overhead-costs"),
        ("--severity", "volunteer-expense=info", "volunteer-expenses"),
    ],
)
def test_an_unknown_rule_name_is_a_usage_error_with_the_closest_names(
    option: str, typo: str, meant: str, compliant: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    code, err = run_main(["check", option, typo, "--", str(compliant)], monkeypatch, capsys)
    assert code == 2
    assert f"{option}: no rule is called {typo.split('=')[0]!r}; did you mean {meant}" in err


def test_a_choice_that_leaves_no_rule_is_a_usage_error(
    compliant: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    args = ["check", "--pack", "working-together", "--enable", "termination-notice", "--", str(compliant)]
    code, err = run_main(args, monkeypatch, capsys)
    assert code == 2 and "no rule of pack working-together" in err
    code, err = run_main(
        ["check", "--enable", "reserves", "--disable", "reserves", str(compliant)], monkeypatch, capsys
    )
    assert code == 2 and "no rule" in err


def test_revisions_both_is_the_default_and_one_reading_can_be_chosen(tmp_path: Path) -> None:
    from tests.tracked import tracked_agreement

    path = str(tracked_agreement(tmp_path / "tracked.docx"))
    both = json.loads(run(["check", "--format", "json", "--pack", "leeds-compact", "--jobs", "1", path]).stdout)
    jsonschema.validate(both, SCHEMA)
    assert sum("revisions" in f for f in both["documents"][0]["findings"]) == 2
    accepted = run(["check", "--format", "json", "--pack", "leeds-compact", "--revisions", "accepted", path])
    assert not any("revisions" in f for f in json.loads(accepted.stdout)["documents"][0]["findings"])
