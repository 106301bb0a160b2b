"""Every example of every shipped rule, run by the same runner as `rules test`."""

from __future__ import annotations

import pytest

from agreement_check.ruleset import load_packs
from agreement_check.testing import run_example

RULES = [rule for pack in load_packs().values() for rule in pack.rules]
CASES = [(rule, i) for rule in RULES for i in range(len(rule.examples))]


@pytest.mark.parametrize(("rule", "index"), CASES, ids=[f"{r.id}#{i + 1}" for r, i in CASES])
def test_rule_example(rule, index: int) -> None:
    result = run_example(rule, index)
    assert result.passed, result.describe()


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_every_status_a_rule_can_decide_has_an_example(rule) -> None:
    decidable = {d.status for d in rule.decisions}
    shown = {e.status for e in rule.examples}
    assert decidable <= shown, f"no example for {sorted(decidable - shown)}"
