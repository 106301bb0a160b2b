"""Load rule packs from YAML, reporting every problem of every file in one go.

Rule files come from users, so YAML is read with the safe loader, anchors and aliases
(the "billion laughs" of YAML) are refused, and each problem is located by file and line.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError
from pydantic_core import ErrorDetails

from agreement_check.errors import RuleFileError, RuleProblem
from agreement_check.matchers.provision_query import selects_provisions
from agreement_check.ruleset.conditions import compile_condition
from agreement_check.ruleset.crosscheck import RuleParts, check_names
from agreement_check.ruleset.fields import is_tag
from agreement_check.ruleset.nodes import compile_finds
from agreement_check.ruleset.rule import Decision, Pack, Rule
from agreement_check.ruleset.schema import PackSpec, ProvisionExtract, RuleSpec

PACK_FILE = "pack.yaml"
MAX_RULE_FILE_BYTES = 1_000_000


def builtin_rules_dir() -> Path:
    """Rules shipped in the wheel, or the repository's `rules/` in a development install."""
    packaged = resources.files("agreement_check") / "_rules"
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[3] / "rules"


def load_packs(extra: list[Path] | None = None) -> dict[str, Pack]:
    """The built-in packs, with packs or rule files from `extra` added or replacing them."""
    problems: list[RuleProblem] = []
    packs: dict[str, Pack] = {}
    for pack_dir in sorted(p for p in builtin_rules_dir().iterdir() if (p / PACK_FILE).is_file()):
        pack = _load_pack(pack_dir, problems)
        if pack:
            packs[pack.id] = pack
    for path in extra or []:
        _add_user_rules(path, packs, problems)
    if problems:
        raise RuleFileError(problems)
    return packs


def load_rule_paths(paths: list[Path]) -> list[Rule]:
    """Validate rule or pack files given on the command line (all problems at once)."""
    problems: list[RuleProblem] = []
    rules: list[Rule] = []
    for path in paths:
        if path.is_dir():
            for file in sorted(path.rglob("*.yaml")):
                if file.name != PACK_FILE:
                    rule = _load_rule(file, problems)
                    rules.extend([rule] if rule else [])
                else:
                    _load_pack_spec(file, problems)
        elif path.name == PACK_FILE:
            _load_pack_spec(path, problems)
        else:
            rule = _load_rule(path, problems)
            rules.extend([rule] if rule else [])
    if problems:
        raise RuleFileError(problems)
    return rules


def _add_user_rules(path: Path, packs: dict[str, Pack], problems: list[RuleProblem]) -> None:
    if not path.exists():
        problems.append(RuleProblem(str(path), 0, "-", "path", "no such file or folder"))
        return
    pack_dirs = [path] if (path / PACK_FILE).is_file() else sorted(p.parent for p in path.glob(f"*/{PACK_FILE}"))
    for pack_dir in pack_dirs:
        pack = _load_pack(pack_dir, problems)
        if pack:
            packs[pack.id] = pack
    if pack_dirs:
        return
    files = [path] if path.is_file() else sorted(path.rglob("*.yaml"))
    for file in files:
        rule = _load_rule(file, problems)
        if rule is None:
            continue
        pack = packs.get(rule.id.split("/")[0])
        if pack is None:
            problems.append(RuleProblem(str(file), 1, rule.id, "id", "names a pack that is not loaded"))
            continue
        pack.rules = [r for r in pack.rules if r.id != rule.id] + [rule]


def _load_pack(pack_dir: Path, problems: list[RuleProblem]) -> Pack | None:
    spec = _load_pack_spec(pack_dir / PACK_FILE, problems)
    rules = [r for f in sorted(pack_dir.glob("*.yaml")) if f.name != PACK_FILE for r in [_load_rule(f, problems)] if r]
    for rule in rules:
        if spec and not rule.id.startswith(f"{spec.id}/"):
            problems.append(RuleProblem(rule.source, 1, rule.id, "id", f"rule is not in pack {spec.id!r}"))
    return Pack(spec, str(pack_dir / PACK_FILE), rules) if spec else None


def _load_pack_spec(path: Path, problems: list[RuleProblem]) -> PackSpec | None:
    data, lines = _read_yaml(path, problems)
    if data is None:
        return None
    try:
        return PackSpec.model_validate(data)
    except ValidationError as exc:
        for where, message in _schema_problems(exc):
            key = ".".join(map(str, where)) or "-"
            problems.append(RuleProblem(str(path), _line(lines, where), "pack", key, message))
        return None


def _load_rule(path: Path, problems: list[RuleProblem]) -> Rule | None:
    data, lines = _read_yaml(path, problems)
    if data is None:
        return None
    rule_id = str(data.get("id", path.stem))
    local: list[tuple[tuple[Any, ...], str]] = []
    try:
        spec: RuleSpec | None = RuleSpec.model_validate(data)
    except ValidationError as exc:
        spec = None
        local += _schema_problems(exc)
    local += check_names(RuleParts.of_spec(spec) if spec else RuleParts.of_data(data))
    if spec and spec.id.split("/")[-1] != path.stem:
        local.append((("id",), f"must match the file name ({path.stem})"))
    rule = _compile(spec, str(path)) if spec and not local else None
    if rule:
        local += _provision_extract_problems(rule)
    located = [(_line(lines, where), ".".join(map(str, where)) or "-", message) for where, message in local]
    problems.extend(RuleProblem(str(path), line, rule_id, key, message) for line, key, message in sorted(located))
    return None if local else rule


def _compile(spec: RuleSpec, source: str) -> Rule:
    """The validated, cross-checked spec as matcher nodes and conditions."""
    decisions = [
        Decision(
            o.status,
            o.edit,
            compile_condition(o.when) if o.when is not None else None,
            o.message,
            o.value_specs(),
            list(o.evidence) if o.evidence is not None else None,
        )
        for o in spec.decide
    ]
    return Rule(spec, source, compile_finds(spec.find), dict(spec.extract), decisions)


def _provision_extract_problems(rule: Rule) -> list[tuple[tuple[Any, ...], str]]:
    """`provisions` of an extract entry must name a find entry made of provision queries."""
    return [
        (("extract", name, "provisions"), f"{extract.provisions!r} is not made of `provision` queries")
        for name, extract in rule.extracts.items()
        if isinstance(extract, ProvisionExtract) and not selects_provisions(rule.finds[extract.provisions])
    ]


def _read_yaml(path: Path, problems: list[RuleProblem]) -> tuple[Any, dict[tuple[Any, ...], int]]:
    try:
        if path.stat().st_size > MAX_RULE_FILE_BYTES:
            problems.append(RuleProblem(str(path), 0, path.stem, "file", "rule file larger than 1 MB"))
            return None, {}
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        problems.append(RuleProblem(str(path), 0, path.stem, "file", f"cannot be read: {exc}"))
        return None, {}
    try:
        node = yaml.compose(text, Loader=_LOADER)
        alias = _first_alias(node)
        if alias is not None:
            problems.append(
                RuleProblem(str(path), alias, path.stem, "yaml", "anchors and aliases are not allowed in rule files")
            )
            return None, {}
        data = _LOADER("").construct_document(node) if node is not None else None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else 0
        problems.append(RuleProblem(str(path), line, path.stem, "yaml", str(getattr(exc, "problem", exc))))
        return None, {}
    if not isinstance(data, dict):
        problems.append(RuleProblem(str(path), 1, path.stem, "file", "expected a mapping at the top level"))
        return None, {}
    lines: dict[tuple[Any, ...], int] = {}
    _index_lines(node, (), lines)
    return data, lines


_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _first_alias(node: yaml.Node | None) -> int | None:
    """The line of the first node used twice (an alias), found before anything is built,
    so that an alias bomb costs nothing."""
    seen: set[int] = set()
    stack = [node] if node is not None else []
    while stack:
        current = stack.pop()
        if id(current) in seen:
            return int(current.start_mark.line) + 1
        seen.add(id(current))
        if isinstance(current, yaml.MappingNode):
            for key, value in current.value:
                stack += [key, value]
        elif isinstance(current, yaml.SequenceNode):
            stack += list(current.value)
    return None


def _index_lines(node: yaml.Node | None, path: tuple[Any, ...], lines: dict[tuple[Any, ...], int]) -> None:
    if node is None:
        return
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            inner = (*path, key.value)
            lines[inner] = key.start_mark.line + 1
            _index_lines(value, inner, lines)
            lines[inner] = key.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _index_lines(item, (*path, i), lines)


def _line(lines: dict[tuple[Any, ...], int], where: tuple[Any, ...]) -> int:
    while where and where not in lines:
        where = where[:-1]
    return lines.get(where, 1)


def _schema_problems(exc: ValidationError) -> list[tuple[tuple[Any, ...], str]]:
    """Each validation error at its key path in the file (without the tags of unions)."""
    return [(tuple(step for step in e["loc"] if not is_tag(step)), _message(e)) for e in exc.errors()]


_MESSAGES = {"extra_forbidden": "unknown key", "missing": "required key is missing"}


def _message(error: ErrorDetails) -> str:
    if error["type"] == "literal_error":
        return f"unknown value {error['input']!r}; expected {error.get('ctx', {}).get('expected')}"
    if error["type"] == "string_pattern_mismatch" and error.get("ctx", {}).get("pattern") == r"\S":
        return "must not be blank"
    return _MESSAGES.get(error["type"], error["msg"])
