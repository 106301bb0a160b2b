"""Each setting's default, help and bounds are written once, in `settings_spec`: the
command line, the settings file, the check options, the reading options and the worker
limits must all take them from there, never repeat them."""

from __future__ import annotations

import ast
import dataclasses
import inspect
from pathlib import Path
from typing import Any

import click
import pytest
from click.testing import CliRunner

from agreement_check import settings_spec as spec
from agreement_check.batch import isolation, options
from agreement_check.cli import settings
from agreement_check.cli.main import check, cli, extract, setting_option
from agreement_check.parsers import options as parse_options

# The records below the command line, with the setting each of their fields carries.
CARRIERS: dict[type, dict[str, str]] = {
    options.CheckOptions: {
        "pack": "pack",
        "rules": "rules",
        "jobs": "jobs",
        "include": "include",
        "exclude": "exclude",
        "cache": "cache",
        "enable": "enable",
        "disable": "disable",
        "severity": "severity",
        "timeout": "timeout",
        "memory_mb": "memory_limit",
        "scheduler": "scheduler",
        "scheduler_reads_paths": "scheduler_reads_paths",
    },
    parse_options.ParseOptions: {
        "revisions": "revisions",
        "pdf_engine": "pdf_engine",
        "max_pages": "max_pages",
        "ocr": "ocr",
    },
    isolation.Limits: {"seconds": "timeout", "memory_mb": "memory_limit"},
}
# Fields whose type differs from the setting's (a path, not its text), so an empty default is written as such.
CONVERTED = {(options.CheckOptions, "rules"), (options.CheckOptions, "cache")}


def _plain(value: Any) -> Any:
    """Lists, tuples and dicts compared by content: the file holds lists, the options tuples."""
    if isinstance(value, dict):
        return tuple(value.items())
    if isinstance(value, list):
        return tuple(value)
    return value


def _check_params() -> dict[str, click.Parameter]:
    return {p.name: p for p in check.params if p.name is not None}


def test_the_settings_file_lists_every_setting_in_the_record_order() -> None:
    assert list(settings.Settings.model_fields) == [s.name for s in spec.SETTINGS]


@pytest.mark.parametrize("setting", spec.SETTINGS, ids=lambda s: s.name)
def test_the_settings_file_takes_default_and_bounds_from_the_record(setting: spec.Setting[object]) -> None:
    field = settings.Settings.model_fields[setting.name]
    assert _plain(getattr(settings.Settings(), setting.name)) == _plain(setting.default)
    bounds = {type(m).__name__: m for m in field.metadata}
    assert getattr(bounds.get("Ge"), "ge", None) == setting.minimum
    assert getattr(bounds.get("Le"), "le", None) == setting.maximum
    assert (field.alias or setting.name) == setting.key


@pytest.mark.parametrize("setting", spec.SETTINGS, ids=lambda s: s.name)
def test_each_check_option_takes_default_help_and_bounds_from_the_record(setting: spec.Setting[object]) -> None:
    param = _check_params()[setting.name]
    assert isinstance(param, click.Option)
    assert param.help is not None and param.help.startswith(setting.help)
    assert param.multiple == setting.many
    default = check.make_context("check", ["offer.docx"]).params[setting.name]  # what a run gets when not told
    if setting.many:
        assert default in (None, ())  # left to the settings, so a file can supply it
    else:
        assert default == setting.default
    if isinstance(param.type, click.IntRange | click.FloatRange):
        assert (param.type.min, param.type.max) == (setting.minimum, setting.maximum)
    else:
        assert setting.minimum is None and setting.maximum is None
    if setting.choices and not setting.many:
        assert isinstance(param.type, click.Choice) and tuple(param.type.choices) == setting.choices


def test_extract_reads_with_the_same_options_as_check() -> None:
    check = _check_params()
    for param in extract.params:
        if param.name in spec.BY_NAME:
            assert param.to_info_dict() == check[param.name].to_info_dict()


@pytest.mark.parametrize("record", list(CARRIERS), ids=lambda r: r.__name__)
def test_the_check_reading_and_worker_records_default_to_the_record(record: type) -> None:
    defaults = {f.name: f.default for f in dataclasses.fields(record)}
    for field, name in CARRIERS[record].items():
        assert _plain(defaults[field]) == _plain(spec.BY_NAME[name].default), f"{record.__name__}.{field}"


@pytest.mark.parametrize("record", list(CARRIERS), ids=lambda r: r.__name__)
def test_no_record_writes_a_settings_default_itself(record: type) -> None:
    """A literal default (`timeout: float = 120.0`) would agree today and drift tomorrow:
    each field that carries a setting must read its default from `settings_spec`."""
    tree = ast.parse(Path(inspect.getfile(record)).read_text(encoding="utf-8"))
    body = next(n for n in ast.walk(tree) if isinstance(n, ast.ClassDef) and n.name == record.__name__).body
    for node in body:
        if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.target.id in CARRIERS[record]:
            literal = isinstance(node.value, ast.Constant | ast.Tuple | ast.List)
            assert not literal or (record, node.target.id) in CONVERTED, f"{record.__name__}.{node.target.id}"


def test_the_command_line_declares_no_setting_by_hand() -> None:
    tree = ast.parse(Path(inspect.getfile(setting_option)).read_text(encoding="utf-8"))
    keys = {f"--{s.key}" for s in spec.SETTINGS}
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "attr", None) == "option":
            names = {
                a.value.split("/")[0] for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)
            }
            dest = {a.value for a in node.args if isinstance(a, ast.Constant) and str(a.value).isidentifier()}
            ours = {name for name in names if name in keys and (not dest or dest == {name[2:].replace("-", "_")})}
            assert not ours, f"line {node.lineno}: declare it with setting_option(spec....)"


def test_a_bound_of_the_record_holds_on_the_command_line_and_in_a_settings_file(tmp_path: Path) -> None:
    (tmp_path / ".agreement-check.toml").write_text("timeout = 0.5\n", encoding="utf-8")
    with pytest.raises(settings.SettingsFileError, match="timeout"):
        settings.find_config(tmp_path, home=tmp_path)
    result = CliRunner().invoke(cli, ["check", "--timeout", "0.5", str(tmp_path)])
    assert result.exit_code == 2 and "--timeout" in result.output
