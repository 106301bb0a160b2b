"""Run the examples every rule ships with. pytest and `agreement-check rules test` share
this runner, so an author sees the same verdict in both."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from agreement_check.engine.run import decide
from agreement_check.nlp.context import DocumentContext
from agreement_check.parsers.text_reader import document_from_text
from agreement_check.report import Finding
from agreement_check.ruleset.rule import Rule
from agreement_check.ruleset.schema import Example


@dataclass(frozen=True)
class ExampleResult:
    rule: str
    index: int
    example: Example
    finding: Finding
    problems: tuple[str, ...]

    @property
    def passed(self) -> bool:
        return not self.problems

    def describe(self) -> str:
        head = f"{self.rule} example {self.index + 1} (expects {self.example.status})"
        if self.passed:
            return f"ok    {head}"
        return f"FAIL  {head}: " + "; ".join(self.problems) + f"\n      text: {self.example.text.strip()[:200]}"


def run_example(rule: Rule, index: int) -> ExampleResult:
    """Check one of a rule's examples and say whether the rule decides it as the example says."""
    example = rule.examples[index]
    document = document_from_text(example.text, path=f"<{rule.id} example {index + 1}>", fmt="md")
    finding = decide(rule, DocumentContext(document))
    problems = []
    if finding.status != example.status:
        problems.append(f"got {finding.status}")
    for key, want in (example.values or {}).items():
        got: Any = finding.values.get(key)
        if got != want:
            problems.append(f"values.{key} is {got!r}, expected {want!r}")
    return ExampleResult(rule.id, index, example, finding, tuple(problems))


def run_examples(rules: list[Rule]) -> list[ExampleResult]:
    """Run every example of every rule."""
    return [run_example(rule, i) for rule in rules for i in range(len(rule.examples))]
