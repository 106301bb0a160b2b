"""Compile the `find` section of a rule into matcher nodes, collecting every problem."""

from __future__ import annotations

import re
from typing import Any

import regex

from agreement_check.matchers.base import Matcher
from agreement_check.matchers.compose import All, Filtered, Leaf, Node, Not
from agreement_check.matchers.compose import Any as AnyNode
from agreement_check.matchers.duration_matcher import DurationMatcher
from agreement_check.matchers.phrases import PhraseMatcher
from agreement_check.matchers.provision_query import QUERY_FIELDS, ProvisionQuery
from agreement_check.matchers.regex_matcher import RegexMatcher, compile_pattern
from agreement_check.matchers.tokens import TokenMatcher, validate_patterns
from agreement_check.nlp.durations import parse_iso

KINDS = ("phrases", "tokens", "regex", "duration", "provision", "all", "any", "not", "ref")
MODIFIERS = {"attr", "negated", "headings", "not_headings", "within", "window"}
WITHIN = {"sentence", "block", "section", "document"}

Problems = list[tuple[tuple[Any, ...], str]]


class Ref(Node):
    """A name of another `find` entry, resolved once all entries are compiled."""

    def __init__(self, name: str, path: tuple[Any, ...]) -> None:
        self.name = name
        self.path = path
        self.target: Node | None = None

    def find(self, ctx):  # type: ignore[no-untyped-def]
        assert self.target is not None
        return self.target.find(ctx)


def compile_node(spec: Any, path: tuple[Any, ...], problems: Problems, refs: list[Ref]) -> Node | None:
    if isinstance(spec, str):
        ref = Ref(spec, path)
        refs.append(ref)
        return ref
    if not isinstance(spec, dict):
        problems.append((path, "expected a mapping with one of " + ", ".join(KINDS) + " or a name"))
        return None
    kinds = [k for k in spec if k in KINDS]
    unknown = [k for k in spec if k not in KINDS and k not in MODIFIERS]
    for key in unknown:
        problems.append(
            ((*path, key), f"unknown key (expected one of {', '.join(KINDS)} and {', '.join(sorted(MODIFIERS))})")
        )
    if len(kinds) != 1:
        problems.append((path, f"needs exactly one of {', '.join(KINDS)}; found {kinds or 'none'}"))
        return None
    kind = kinds[0]
    node = _node_of_kind(kind, spec, path, problems, refs)
    if node is None or not {"negated", "headings", "not_headings"} & set(spec):
        return node
    if kind == "not":
        problems.append((path, "negated and headings go on the entry inside `not`"))
    return Filtered(
        node,
        negated=_bool(spec, "negated", path, problems),
        headings=_patterns(spec.get("headings", []), (*path, "headings"), problems),
        not_headings=_patterns(spec.get("not_headings", []), (*path, "not_headings"), problems),
    )


def _node_of_kind(
    kind: str, spec: dict[str, Any], path: tuple[Any, ...], problems: Problems, refs: list[Ref]
) -> Node | None:
    if kind in {"all", "any"}:
        return _compose(kind, spec, path, problems, refs)
    if kind == "not":
        child = compile_node(spec["not"], (*path, "not"), problems, refs)
        return Not(child) if child is not None else None
    if kind == "ref":
        return compile_node(str(spec["ref"]), (*path, "ref"), problems, refs)
    if kind == "provision":
        return compile_provision(spec["provision"], (*path, "provision"), problems)
    matcher = _leaf(kind, spec, (*path, kind), problems)
    return Leaf(matcher) if matcher is not None else None


def _compose(
    kind: str, spec: dict[str, Any], path: tuple[Any, ...], problems: Problems, refs: list[Ref]
) -> Node | None:
    items = spec[kind]
    if not isinstance(items, list) or not items:
        problems.append(((*path, kind), "expected a non-empty list"))
        return None
    children = [compile_node(item, (*path, kind, i), problems, refs) for i, item in enumerate(items)]
    if any(c is None for c in children):
        return None
    if kind == "any":
        return AnyNode([c for c in children if c is not None])
    within = spec.get("within", "sentence")
    if within not in WITHIN:
        problems.append(((*path, "within"), f"must be one of {', '.join(sorted(WITHIN))}"))
    window = spec.get("window")
    if window is not None and (not isinstance(window, int) or window < 1):
        problems.append(((*path, "window"), "must be a whole number of words, 1 or more"))
    return All([c for c in children if c is not None], within=within, window=window)


def compile_provision(spec: Any, path: tuple[Any, ...], problems: Problems) -> ProvisionQuery | None:
    """A provision query, every field checked against the vocabulary it names."""
    if not isinstance(spec, dict) or "action" not in spec:
        problems.append((path, "expected a mapping with at least `action` (and actor, modality, reasons, ...)"))
        return None
    fields: dict[str, frozenset[str]] = {}
    for key, value in spec.items():
        allowed = QUERY_FIELDS.get(key)
        if allowed is None:
            problems.append(((*path, key), f"unknown key (expected one of {', '.join(QUERY_FIELDS)})"))
            continue
        values = [value] if isinstance(value, str) else value
        if not _string_list(values):
            problems.append(((*path, key), "expected a name or a list of names"))
            continue
        for i, name in enumerate(values):
            if name not in allowed:
                problems.append(((*path, key, i), f"unknown {key} {name!r} (known: {', '.join(allowed)})"))
        fields[key] = frozenset(values)
    return ProvisionQuery(**fields) if "action" in fields else None


def _leaf(kind: str, spec: dict[str, Any], path: tuple[Any, ...], problems: Problems) -> Matcher | None:
    value = spec[kind]
    if kind == "phrases":
        if not _string_list(value):
            problems.append((path, "expected a non-empty list of phrases"))
            return None
        attr = spec.get("attr", "LEMMA")
        if attr not in {"LEMMA", "LOWER"}:
            problems.append(((*path[:-1], "attr"), "must be LEMMA or LOWER"))
            return None
        return PhraseMatcher(value, attr=attr)
    if kind == "regex":
        patterns = [value] if isinstance(value, str) else value
        if not _string_list(patterns):
            problems.append((path, "expected a pattern or a list of patterns"))
            return None
        bad = False
        for i, pattern in enumerate(patterns):
            try:
                compile_pattern(pattern)
            except regex.error as exc:
                problems.append(((*path, i) if len(patterns) > 1 else path, f"bad regular expression: {exc}"))
                bad = True
        return None if bad else RegexMatcher(patterns)
    if kind == "tokens":
        if not isinstance(value, list) or not value or not all(isinstance(p, list) for p in value):
            problems.append((path, "expected a list of token patterns (each a list of token specs)"))
            return None
        errors = validate_patterns(value)
        for error in errors:
            problems.append((path, f"bad token pattern: {error}"))
        return None if errors else TokenMatcher(value)
    return _duration(value, path, problems)


def _duration(value: Any, path: tuple[Any, ...], problems: Problems) -> Matcher | None:
    if not isinstance(value, dict) or not set(value) <= {"at_least", "less_than"}:
        problems.append((path, "expected a mapping with at_least and/or less_than (ISO 8601, e.g. P6M)"))
        return None
    ok = True
    for key, text in value.items():
        try:
            parse_iso(str(text))
        except ValueError as exc:
            problems.append(((*path, key), f"bad duration: {exc}"))
            ok = False
    return DurationMatcher(value.get("at_least"), value.get("less_than")) if ok else None


def _patterns(value: Any, path: tuple[Any, ...], problems: Problems) -> list[re.Pattern[str]]:
    if not isinstance(value, list):
        value = [value]
    out = []
    for i, pattern in enumerate(value):
        try:
            out.append(re.compile(str(pattern), re.I))
        except re.error as exc:
            problems.append(((*path, i), f"bad heading pattern: {exc}"))
    return out


def _bool(spec: dict[str, Any], key: str, path: tuple[Any, ...], problems: Problems) -> bool | None:
    value = spec.get(key)
    if value is not None and not isinstance(value, bool):
        problems.append(((*path, key), "must be true or false"))
        return None
    return value


def _string_list(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, str) and v.strip() for v in value)
