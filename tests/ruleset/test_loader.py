from __future__ import annotations

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
    from agreement_check.views import rules_markdown
    from tests.conftest import REPO

    assert (REPO / "docs" / "rules.md").read_text(encoding="utf-8") == rules_markdown(load_packs()), (
        "docs/rules.md is stale: run `.venv/bin/agreement-check rules docs > docs/rules.md`"
    )
