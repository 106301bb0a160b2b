"""`agreement-check rules ...`: list, show, validate and test rule files, and print their
JSON Schema."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from agreement_check.cli.exitcodes import ExitCode


@click.group()
def rules() -> None:
    """List, explain, validate and test rules; print the rule-file JSON Schema."""


@rules.command("list")
@click.option("--rules", "rule_paths", multiple=True, type=click.Path(path_type=Path))
def list_rules(rule_paths: tuple[Path, ...]) -> None:
    """Every rule of every pack, one line each."""
    from agreement_check.ruleset import load_packs

    for pack in load_packs(list(rule_paths)).values():
        click.echo(f"{pack.id} {pack.spec.version}: {pack.spec.title}")
        for rule in pack.rules:
            click.echo(f"  {rule.id:45} {rule.spec.severity:8} {rule.spec.title}")


@rules.command("show")
@click.argument("rule_id")
@click.option("--rules", "rule_paths", multiple=True, type=click.Path(path_type=Path))
def show(rule_id: str, rule_paths: tuple[Path, ...]) -> None:
    """A rule in plain English, with its examples."""
    from agreement_check.cli.views import rule_text
    from agreement_check.ruleset import load_packs

    for pack in load_packs(list(rule_paths)).values():
        rule = pack.rule(rule_id)
        if rule:
            click.echo(rule_text(rule))
            return
    click.echo(f"agreement-check: no rule {rule_id!r}; see `agreement-check rules list`", err=True)
    sys.exit(ExitCode.USAGE)


@rules.command("docs")
def docs() -> None:
    """The rule reference in Markdown (docs/rules.md), generated from the rule files."""
    from agreement_check.cli.views import rules_markdown
    from agreement_check.ruleset import load_packs

    click.echo(rules_markdown(load_packs()), nl=False)


@rules.command("validate")
@click.argument("files", nargs=-1, type=click.Path(path_type=Path))
def validate(files: tuple[Path, ...]) -> None:
    """Check rule files against the schema; every problem is listed (exit 2 if any)."""
    from agreement_check.ruleset import load_packs, load_rule_paths

    if files:
        found = load_rule_paths(list(files))
        click.echo(f"{len(found)} rule(s) valid.")
    else:
        packs = load_packs()
        click.echo(f"{sum(len(p.rules) for p in packs.values())} built-in rule(s) in {len(packs)} pack(s) valid.")


@rules.command("schema")
@click.option("--pack", "pack", is_flag=True, help="The schema of a pack.yaml instead of a rule file.")
def schema(pack: bool) -> None:
    """The JSON Schema of a rule file (or of pack.yaml), for editors and other tools.

    The same schemas ship in agreement_check/schemas/ (rule.schema.json, pack.schema.json).
    """
    from agreement_check.ruleset.json_schema import json_schema_text

    click.echo(json_schema_text("pack" if pack else "rule"), nl=False)


@rules.command("test")
@click.argument("files", nargs=-1, type=click.Path(path_type=Path))
def test(files: tuple[Path, ...]) -> None:
    """Run the examples of every rule (or of the rule files given)."""
    from agreement_check.ruleset import load_packs, load_rule_paths
    from agreement_check.testing import run_examples

    chosen = load_rule_paths(list(files)) if files else [r for p in load_packs().values() for r in p.rules]
    results = run_examples(chosen)
    for result in results:
        if not result.passed:
            click.echo(result.describe())
    failed = sum(not r.passed for r in results)
    click.echo(f"{len(results) - failed} passed, {failed} failed")
    sys.exit(ExitCode.GAPS if failed else ExitCode.OK)
