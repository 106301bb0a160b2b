"""Compiled rules and packs, ready for the engine."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from agreement_check.codes import Status
from agreement_check.matchers.compose import Node
from agreement_check.matchers.provision_query import asked_actions
from agreement_check.ruleset.conditions import Condition
from agreement_check.ruleset.schema import Example, Extract, PackSpec, RuleSpec


@dataclass
class Decision:
    status: Status
    edit: str
    when: Condition | None
    message: str | None
    values: dict[str, Any]
    evidence: list[str] | None


@dataclass
class Rule:
    spec: RuleSpec
    source: str
    finds: dict[str, Node]
    extracts: dict[str, Extract]
    decisions: list[Decision]

    @property
    def id(self) -> str:
        return self.spec.id

    @property
    def name(self) -> str:
        return self.spec.id.split("/", 1)[1]

    @property
    def examples(self) -> list[Example]:
        return list(self.spec.examples)

    @cached_property
    def provision_actions(self) -> frozenset[str]:
        """The actions this rule's `provision:` queries ask about: a document's provisions
        are read for the actions of the pack's rules only."""
        return frozenset().union(*(asked_actions(node) for node in self.finds.values()))


@dataclass
class Pack:
    spec: PackSpec
    source: str
    rules: list[Rule] = field(default_factory=list)

    @property
    def id(self) -> str:
        return self.spec.id

    def rule(self, rule_id: str) -> Rule | None:
        return next((r for r in self.rules if r.id == rule_id or r.name == rule_id), None)
