"""The published JSON Schema of rule files: committed, current, and in agreement with the
loader on the shipped rules and on a few mistakes."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml
from click.testing import CliRunner
from pydantic import ValidationError

from agreement_check.cli.main import cli
from agreement_check.matchers.provision_query import QUERY_FIELDS
from agreement_check.ruleset.find_schema import ProvisionSpec
from agreement_check.ruleset.json_schema import FILES, Kind, json_schema, json_schema_text
from agreement_check.ruleset.schema import RuleSpec
from tests.conftest import REPO

SCHEMAS = REPO / "src" / "agreement_check" / "schemas"
RULE_FILES = sorted([*REPO.glob("rules/*/*.yaml"), *REPO.glob("examples/rules/*/*.yaml")])


def validator(kind: Kind) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(json.loads((SCHEMAS / FILES[kind]).read_text(encoding="utf-8")))


@pytest.mark.parametrize("kind", ["rule", "pack"])
def test_the_committed_schema_is_up_to_date(kind: Kind) -> None:
    option = " --pack" if kind == "pack" else ""
    assert (SCHEMAS / FILES[kind]).read_text(encoding="utf-8") == json_schema_text(kind), (
        f"src/agreement_check/schemas/{FILES[kind]} is stale: run "
        f"`.venv/bin/agreement-check rules schema{option} > src/agreement_check/schemas/{FILES[kind]}`"
    )


@pytest.mark.parametrize("kind", ["rule", "pack"])
def test_rules_schema_prints_the_schema(kind: Kind) -> None:
    args = ["rules", "schema", "--pack"] if kind == "pack" else ["rules", "schema"]
    result = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert result.exit_code == 0
    assert json.loads(result.output) == json_schema(kind)
    jsonschema.Draft202012Validator.check_schema(json.loads(result.output))


@pytest.mark.parametrize("path", RULE_FILES, ids=[str(p.relative_to(REPO)) for p in RULE_FILES])
def test_every_shipped_rule_file_meets_the_json_schema(path: Path) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    errors = list(validator("pack" if path.name == "pack.yaml" else "rule").iter_errors(data))
    assert not errors, [f"{list(e.absolute_path)}: {e.message[:200]}" for e in errors]


@pytest.mark.parametrize("path", RULE_FILES, ids=[str(p.relative_to(REPO)) for p in RULE_FILES])
def test_every_shipped_rule_file_names_its_schema_for_editors(path: Path) -> None:
    """The first line tells an editor's YAML language server which schema to complete
    and check against; the path must lead to the committed schema."""
    first = path.read_text(encoding="utf-8").splitlines()[0]
    kind = "pack" if path.name == "pack.yaml" else "rule"
    prefix = "# yaml-language-server: $schema="
    assert first.startswith(prefix)
    target = (path.parent / first[len(prefix) :]).resolve()
    assert target == (REPO / "src/agreement_check/schemas" / f"{kind}.schema.json").resolve()


BASE = {
    "id": "my-pack/my-rule",
    "title": "A rule",
    "commitment": {"ref": "1.1", "quote": "A quote."},
    "reference": "Somewhere",
    "description": "What it checks.",
    "suggestion": "What to ask for.",
    "messages": {"met": "ok", "gap": "missing"},
    "decide": [{"status": "met", "when": {"found": "word"}}, {"status": "gap"}],
    "examples": [{"status": "met", "text": "x"}],
}


@pytest.mark.parametrize(
    ("find", "valid"),
    [
        ({"word": {"regex": "grant"}}, True),
        ({"word": {"provision": {"action": ["end"], "actor": "funder"}}}, True),
        ({"word": {"provision": {"action": ["end"], "actor": "funders"}}}, False),
        ({"word": {"provision": {"actor": "funder"}}}, False),
        ({"word": {"regex": "grant", "phrases": ["grant"]}}, False),
        ({"word": {"all": ["a"], "within": "paragraph"}}, False),
        ({"word": {"regex": "grant", "colour": "red"}}, False),
    ],
)
def test_the_json_schema_agrees_with_the_loader(find: dict[str, object], valid: bool) -> None:
    data = {**BASE, "find": find}
    assert validator("rule").is_valid(data) is valid
    if valid:
        RuleSpec.model_validate(data)
    else:
        with pytest.raises(ValidationError):
            RuleSpec.model_validate(data)


def test_provision_queries_follow_the_vocabulary_of_the_provision_reader() -> None:
    assert list(ProvisionSpec.model_fields) == list(QUERY_FIELDS)
    properties = json_schema("rule")["$defs"]["ProvisionSpec"]["properties"]
    for key, values in QUERY_FIELDS.items():
        one = properties[key]["oneOf"] if key == "action" else properties[key]["anyOf"][0]["oneOf"]
        assert one[0]["enum"] == list(values), key
