from __future__ import annotations

import sys
from pathlib import Path

import pytest

from agreement_check.errors import RuleFileError
from agreement_check.ruleset import load_packs, load_rule_paths

GOOD = """\
id: my-pack/my-rule
title: A rule
commitment: {ref: "1.1", quote: "A quote."}
reference: Somewhere
description: What it checks.
suggestion: What to ask for.
messages: {met: "ok", gap: "missing"}
find:
  word: {regex: '\\\\bgrant\\\\b'}
decide:
  - status: met
    when: {found: word}
  - status: gap
examples:
  - {status: met, text: "The grant is paid."}
  - {status: gap, text: "Nothing here."}
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def problems_of(path: Path) -> list[str]:
    with pytest.raises(RuleFileError) as err:
        load_rule_paths([path])
    return [str(p) for p in err.value.problems]


def test_a_good_rule_loads(tmp_path: Path) -> None:
    (rule,) = load_rule_paths([write(tmp_path, "my-rule.yaml", GOOD)])
    assert rule.id == "my-pack/my-rule"


def test_every_mistake_is_reported_at_once_with_lines(tmp_path: Path) -> None:
    bad = (
        GOOD.replace("title: A rule", "title: A rule\ncolour: red")
        .replace(
            "word: {regex: '\\\\bgrant\\\\b'}",
            "word: {regex: '(unclosed'}\n  tok: {tokens: [[{BAD: 1}]]}\n  per: {duration: {at_least: six months}}",
        )
        .replace("when: {found: word}", "when: {found: missing}")
    )
    problems = problems_of(write(tmp_path, "my-rule.yaml", bad))
    text = "\n".join(problems)
    assert "my-rule.yaml:3: my-pack/my-rule: colour: unknown key" in text
    assert "find.word.regex: bad regular expression" in text
    assert "find.tok.tokens: bad token pattern" in text
    assert "find.per.duration.at_least: bad duration" in text
    problems = problems_of(write(tmp_path, "my-rule.yaml", bad.replace("colour: red\n", "")))
    assert "decide.0.when.found: no find or extract entry named 'missing'" in "\n".join(problems)
    assert all(p.split(":")[1].isdigit() and int(p.split(":")[1]) > 1 for p in problems)


def test_python_object_tags_are_refused(tmp_path: Path) -> None:
    evil = "id: !!python/object/apply:os.system ['echo pwned']\n"
    problems = problems_of(write(tmp_path, "evil.yaml", evil))
    assert "yaml" in problems[0]


def test_alias_bombs_are_refused(tmp_path: Path) -> None:
    bomb = 'a: &a ["x","x"]\nb: &b [*a,*a]\nc: &c [*b,*b]\nd: [*c,*c]\n'
    problems = problems_of(write(tmp_path, "bomb.yaml", bomb))
    assert "anchors and aliases are not allowed" in problems[0]


def test_rule_id_must_match_the_file_name(tmp_path: Path) -> None:
    assert "must match the file name" in problems_of(write(tmp_path, "other.yaml", GOOD))[0]


def test_user_rules_replace_a_builtin_rule(tmp_path: Path) -> None:
    text = GOOD.replace("my-pack/my-rule", "leeds-compact/equality")
    packs = load_packs([write(tmp_path, "equality.yaml", text)])
    rule = packs["leeds-compact"].rule("leeds-compact/equality")
    assert rule is not None and rule.spec.title == "A rule"
    assert len(packs["leeds-compact"].rules) == 13


def test_builtin_packs_have_the_spec_rule_ids() -> None:
    packs = load_packs()
    assert [r.name for r in packs["leeds-compact"].rules] == sorted(
        [
            "mediation-reference",
            "termination-notice",
            "overhead-costs",
            "reserves",
            "volunteer-match-funding",
            "remedy-before-default",
            "end-of-funding-discussion",
            "funding-period",
            "proportionate-monitoring",
            "quality-assurance",
            "data-protection",
            "equality",
            "volunteer-expenses",
        ]
    )
    assert len(packs["working-together"].rules) == 17


def test_readme_worked_example_passes_its_own_examples() -> None:
    from agreement_check.testing import run_examples
    from tests.conftest import REPO

    rules = load_rule_paths([REPO / "examples" / "rules" / "my-council"])
    results = run_examples(rules)
    assert results and all(r.passed for r in results), [r.describe() for r in results if not r.passed]
    packs = load_packs([REPO / "examples" / "rules" / "my-council"])
    assert "my-council" in packs and "leeds-compact" in packs


def test_rule_reference_is_up_to_date() -> None:
    from agreement_check.cli.views import rules_markdown
    from tests.conftest import REPO

    assert (REPO / "docs" / "rules.md").read_text(encoding="utf-8") == rules_markdown(load_packs()), (
        "docs/rules.md is stale: run `.venv/bin/agreement-check rules docs > docs/rules.md`"
    )


def validate_cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *paths: Path) -> tuple[int, str]:
    """`agreement-check rules validate PATHS` through the real entry point: exit code, output."""
    from agreement_check.cli.main import main

    monkeypatch.setattr(sys, "argv", ["agreement-check", "rules", "validate", *map(str, paths)])
    try:
        main()
        code = 0
    except SystemExit as exc:
        code = int(exc.code or 0)
    out = capsys.readouterr()
    return code, out.out + out.err


def test_a_value_from_a_misspelt_extract_fails_validation_at_its_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.conftest import REPO

    text = (REPO / "rules" / "leeds-compact" / "termination-notice.yaml").read_text(encoding="utf-8")
    assert "notice: {from: notices," in text, "the test copies termination-notice; update it if the rule changed"
    typo = text.replace("notice: {from: notices,", "notice: {from: notice,", 1)
    line = next(i for i, row in enumerate(typo.splitlines(), 1) if "notice: {from: notice," in row)
    path = write(tmp_path, "termination-notice.yaml", typo)
    code, output = validate_cli(monkeypatch, capsys, path)
    assert code == 2
    (problem,) = [row.strip() for row in output.splitlines() if f"{path}:{line}:" in row]
    assert problem.startswith(f"{path}:{line}: leeds-compact/termination-notice: decide.")
    assert problem.endswith("values.notice.from: no extract entry named 'notice'; did you mean 'notices'?")


def test_the_shipped_rules_validate_through_the_entry_point(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, output = validate_cli(monkeypatch, capsys)
    assert code == 0 and "valid" in output


NAMES = """\
id: my-pack/my-rule
title: A rule
commitment: {ref: "1.1", quote: "A quote."}
reference: Somewhere
description: What it checks.
suggestion: What to ask for.
messages: {met: "ok {where}", gap: "missing {amount}"}
find:
  word: {regex: 'grant'}
  both: {all: [word, wrod]}
  scoped: {ref: nothing, negated: true}
extract:
  amounts: {component: grant-amounts}
  periods: {periods: duration, within: wordz}
decide:
  - status: met
    when: {all: [{found: both}, {largest_below: {of: word, amount: 5000}}]}
    evidence: [word, nowhere]
    message: mett
  - status: gap
    values: {total: {from: amount, field: amount, take: largest}}
examples:
  - {status: met, text: "The grant is paid."}
  - {status: gap, text: "Nothing here.", values: {totl: 1}}
"""


def test_every_undefined_name_is_reported_with_its_line(tmp_path: Path) -> None:
    problems = problems_of(write(tmp_path, "my-rule.yaml", NAMES))
    expected = [
        ":10: my-pack/my-rule: find.both.all.1: no find entry named 'wrod'; did you mean 'word'?",
        ":11: my-pack/my-rule: find.scoped.ref: no find entry named 'nothing'",
        ":14: my-pack/my-rule: extract.periods.within: no find entry named 'wordz'; did you mean 'word'?",
        ":17: my-pack/my-rule: decide.0.when.all.1.largest_below.of: no extract entry named 'word' ('word' is a find entry)",
        ":18: my-pack/my-rule: decide.0.evidence.1: no find or extract entry named 'nowhere'",
        ":19: my-pack/my-rule: decide.0.message: no message named 'mett'; did you mean 'met'?",
        ":20: my-pack/my-rule: decide.1: message 'gap' uses {amount}, which this decision does not report",
        ":21: my-pack/my-rule: decide.1.values.total.from: no extract entry named 'amount'; did you mean 'amounts'?",
        ":24: my-pack/my-rule: examples.1.values.totl: no gap decision reports a value named 'totl'",
    ]
    assert [p.split("my-rule.yaml", 1)[1] for p in problems] == expected


def test_a_provision_query_outside_the_vocabulary_is_refused(tmp_path: Path) -> None:
    query = "word:\n    provision: {action: [end, finish], actor: funders, reasons: breach}"
    problems = problems_of(write(tmp_path, "my-rule.yaml", GOOD.replace("word: {regex: '\\\\bgrant\\\\b'}", query)))
    text = "\n".join(problems)
    assert "my-rule.yaml:10: my-pack/my-rule: find.word.provision.action.1: unknown value 'finish'; expected" in text
    assert "find.word.provision.actor: unknown value 'funders'; expected 'funder', 'recipient'" in text
    assert len(problems) == 2


def test_schema_mistakes_and_undefined_names_are_reported_in_one_run(tmp_path: Path) -> None:
    bad = GOOD.replace("title: A rule", "title: A rule\ncolour: red").replace(
        "when: {found: word}", "when: {found: wrd}\n    evidence: [word, {regex: x}]"
    )
    problems = problems_of(write(tmp_path, "my-rule.yaml", bad))
    text = "\n".join(problems)
    assert "my-rule.yaml:3: my-pack/my-rule: colour: unknown key" in text
    assert "decide.0.evidence.1: Input should be a valid string" in text
    assert (
        "my-rule.yaml:13: my-pack/my-rule: decide.0.when.found: no find or extract entry named 'wrd'; did you mean 'word'?"
        in text
    )


def test_a_find_entry_that_refers_to_itself_is_refused(tmp_path: Path) -> None:
    looped = GOOD.replace(
        "word: {regex: '\\\\bgrant\\\\b'}", "word: {any: [other, {regex: x}]}\n  other: {all: [word]}"
    )
    problems = problems_of(write(tmp_path, "my-rule.yaml", looped))
    assert [p.split(": ", 2)[2] for p in problems] == [
        "find.word: refers to itself (word -> other -> word)",
        "find.other: refers to itself (other -> word -> other)",
    ]


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ("{regex: x, phrases: [y]}", "find.word: a find entry needs exactly one of phrases, tokens, regex"),
        ("{regx: x}", "found none of them (unknown key: regx)"),
        ("{all: [x], within: paragraph}", "find.word.within: unknown value 'paragraph'"),
        ("{all: [x], window: 0}", "find.word.window: Input should be greater than or equal to 1"),
        ("{not: {regex: x}, negated: true}", "find.word: negated and headings go on the entry inside `not`"),
        ("{regex: x, headings: ['(']}", "find.word.headings.0: bad heading pattern"),
        ("{duration: {}}", "find.word.duration: needs at_least and/or less_than"),
        ("{phrases: [a], attr: ORTH}", "find.word.attr: unknown value 'ORTH'"),
        ("{regex: ['a', '(b']}", "find.word.regex.1: bad regular expression"),
        ("{regex: '  '}", "find.word.regex: must not be blank"),
    ],
)
def test_find_entry_mistakes(tmp_path: Path, entry: str, message: str) -> None:
    text = GOOD.replace("word: {regex: '\\\\bgrant\\\\b'}", f"word: {entry}\n  x: {{regex: x}}")
    assert message in "\n".join(problems_of(write(tmp_path, "my-rule.yaml", text)))


@pytest.mark.parametrize(
    ("decision", "message"),
    [
        ("when: {found: word, none: word}", "decide.0.when: a condition needs exactly one of found, none"),
        ("when: {shortest_at_least: {of: word, duration: six}}", "when.shortest_at_least.duration: bad duration"),
        ("values: {n: [1, 2]}", "decide.0.values.n: expected text, a number, true/false, null or {from"),
        ("values: {n: {from: word, take: largest}}", "decide.0.values.n: take for a period is one of shortest"),
        ("values: {n: {from: word, field: weeks}}", "decide.0.values.n.field: unknown value 'weeks'"),
    ],
)
def test_decision_mistakes(tmp_path: Path, decision: str, message: str) -> None:
    text = GOOD.replace("when: {found: word}", decision)
    assert message in "\n".join(problems_of(write(tmp_path, "my-rule.yaml", text)))
