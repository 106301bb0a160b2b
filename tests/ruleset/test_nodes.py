"""A `find` entry that others refer to by name is worked out once per document: the
rule's own lookups and every reference read the same result."""

from __future__ import annotations

from pathlib import Path

from agreement_check.engine.run import decide
from agreement_check.matchers.base import Hit
from agreement_check.matchers.compose import Node
from agreement_check.nlp.context import DocumentContext
from agreement_check.parsers.text_reader import document_from_text
from agreement_check.ruleset import load_rule_paths

RULE = """\
id: my-pack/shared-entry
title: A rule whose entries refer to one another
commitment: {ref: "1.1", quote: "A quote."}
reference: Somewhere
description: What it checks.
suggestion: What to ask for.
messages: {met: "ok", gap: "missing", review: "look"}
find:
  grant: {regex: '\\bgrant\\b'}
  paid: {all: [grant, {regex: '\\bpaid\\b'}]}
  again: {ref: grant}
  either: {any: [again, paid]}
decide:
  - status: met
    when: {all: [{found: paid}, {found: either}, {found: again}]}
  - status: review
    when: {found: grant}
  - status: gap
examples:
  - {status: met, text: "The grant is paid."}
  - {status: review, text: "The grant is kept."}
  - {status: gap, text: "Nothing here."}
"""


class Counting(Node):
    """Stands in for a compiled entry and counts how often its hits are worked out."""

    def __init__(self, inner: Node) -> None:
        self.inner = inner
        self.calls = 0

    def find(self, ctx: DocumentContext) -> list[Hit]:
        self.calls += 1
        return self.inner.find(ctx)


def test_a_named_entry_is_found_once_however_often_it_is_referred_to(tmp_path: Path) -> None:
    path = tmp_path / "shared-entry.yaml"
    path.write_text(RULE, encoding="utf-8")
    (rule,) = load_rule_paths([path])
    counting = Counting(rule.finds["grant"])
    rule.finds["grant"] = counting
    for node in rule.finds.values():  # point the references at the counting stand-in
        for ref in _refs(node):
            ref.target = counting
    finding = decide(rule, DocumentContext(document_from_text("The grant is paid in advance.")))
    assert finding.status == "met"
    assert counting.calls == 1


def _refs(node: object) -> list[object]:
    """Every `ref` node under a compiled entry."""
    from agreement_check.ruleset.nodes import Ref

    if isinstance(node, Ref):
        return [node]
    children = [getattr(node, "child", None), *getattr(node, "children", [])]
    return [ref for child in children if child is not None for ref in _refs(child)]
