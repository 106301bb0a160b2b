"""Compile the `find` section of a validated rule into matcher nodes.

Every check of a single entry is in the schema (`find_schema`) and every check of the
names entries use is in `crosscheck`, so compiling cannot fail."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, cast

from agreement_check.matchers.compose import All, Filtered, Leaf, Node, Not
from agreement_check.matchers.compose import Any as AnyNode
from agreement_check.matchers.duration_matcher import DurationMatcher
from agreement_check.matchers.phrases import PhraseMatcher
from agreement_check.matchers.provision_query import ProvisionQuery
from agreement_check.matchers.regex_matcher import RegexMatcher
from agreement_check.matchers.tokens import TokenMatcher
from agreement_check.ruleset.find_schema import (
    AllEntry,
    AnyEntry,
    DurationEntry,
    FindEntry,
    NotEntry,
    PhrasesEntry,
    ProvisionEntry,
    RefEntry,
    RegexEntry,
    TokensEntry,
)

if TYPE_CHECKING:
    from agreement_check.matchers.base import Hit
    from agreement_check.nlp.context import DocumentContext


FOUND = "found-by-entry"  # the key of the memo in DocumentContext.cache


def found(entry: Node, ctx: DocumentContext) -> list[Hit]:
    """A named `find` entry's hits in this document, worked out once. The rule asks for
    them by name (`engine.run.RuleResults`) and other entries refer to them (`ref`, or a
    bare name inside `all`/`any`); both read this one memo, kept with the document and
    keyed by the compiled entry (held beside its hits, so its id cannot be reused while
    the document is being checked). Callers must not change the list they get."""
    memo = cast("dict[int, tuple[Node, list[Hit]]]", ctx.cache.setdefault(FOUND, {}))
    known = memo.get(id(entry))
    if known is None:
        known = memo[id(entry)] = (entry, entry.find(ctx))
    return known[1]


class Ref(Node):
    """A name of another `find` entry, resolved once all entries are compiled; its hits
    are the named entry's, shared with the rule's own lookups (`found`)."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.target: Node | None = None

    def find(self, ctx: DocumentContext) -> list[Hit]:
        assert self.target is not None
        return found(self.target, ctx)


def compile_finds(find: dict[str, FindEntry]) -> dict[str, Node]:
    """Every entry as a node, names resolved (the cross-checks have found them all)."""
    refs: list[Ref] = []
    nodes = {name: compile_node(entry, refs) for name, entry in find.items()}
    for ref in refs:
        ref.target = nodes[ref.name]
    return nodes


def compile_node(entry: FindEntry, refs: list[Ref]) -> Node:
    """Compile one find entry into a matcher node, noting the names it refers to in `refs`."""
    if isinstance(entry, str):
        ref = Ref(entry)
        refs.append(ref)
        return ref
    node = _node(entry, refs)
    if isinstance(entry, NotEntry) or not entry.filters():
        return node
    return Filtered(
        node,
        negated=entry.negated,
        in_heading=entry.in_heading,
        headings=_patterns(entry.headings),
        not_headings=_patterns(entry.not_headings),
    )


def _node(entry: FindEntry, refs: list[Ref]) -> Node:
    if isinstance(entry, AllEntry):
        return All([compile_node(e, refs) for e in entry.all], within=entry.within, window=entry.window)
    if isinstance(entry, AnyEntry):
        return AnyNode([compile_node(e, refs) for e in entry.any])
    if isinstance(entry, NotEntry):
        return Not(compile_node(entry.not_, refs))
    if isinstance(entry, RefEntry):
        return compile_node(entry.ref, refs)
    if isinstance(entry, ProvisionEntry):
        return ProvisionQuery(**entry.provision.query_fields())
    if isinstance(entry, PhrasesEntry):
        return Leaf(PhraseMatcher(list(entry.phrases), attr=entry.attr))
    if isinstance(entry, RegexEntry):
        return Leaf(RegexMatcher([entry.regex] if isinstance(entry.regex, str) else list(entry.regex)))
    if isinstance(entry, TokensEntry):
        return Leaf(TokenMatcher(entry.tokens))
    if isinstance(entry, DurationEntry):
        return Leaf(DurationMatcher(entry.duration.at_least, entry.duration.less_than))
    raise TypeError(f"not a find entry: {entry!r}")


def _patterns(value: str | list[str] | None) -> list[re.Pattern[str]]:
    patterns = [value] if isinstance(value, str) else value or []
    return [re.compile(p, re.I) for p in patterns]
