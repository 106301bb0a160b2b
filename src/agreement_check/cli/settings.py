"""Project settings from `.agreement-check.toml` or `[tool.agreement-check]` in
`pyproject.toml`. Command-line options win over the file, and the file over the defaults;
`config show` says which source gave each value.

A settings file is repository content, written by whoever can open a pull request, so it
is not trusted with paths: it may name outputs, the cache, rules and baselines only inside
the folder it sits in (a path given on the command line may go anywhere). It is looked
for in the current folder and its parents up to the repository root (the folder holding
`.git`) or the home folder, and never above them: a folder such as `/tmp` is not ours.
Every mistake in it is reported at once as `file:line: key: message`. For the same reason
it may name a Dask scheduler only on this computer: documents are sent to the scheduler.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError

from agreement_check import settings_spec as spec
from agreement_check.batch.scheduler_address import is_loopback
from agreement_check.cli.settings_file import SettingsFileError, closest, key_lines, problem, read_toml
from agreement_check.codes import Severity
from agreement_check.errors import UsageError
from agreement_check.sanitize import file_name

CONFIG_FILE = ".agreement-check.toml"
SECTION = ("tool", "agreement-check")
CONFINED = ("output", "cache", "rules", "baseline")  # paths a settings file may name only inside its folder


def _field(setting: spec.Setting[Any]) -> Any:
    """The pydantic field of a setting: its default, its hyphenated key and its bounds,
    all from `settings_spec`, so the file accepts exactly what the command line does. A
    repeatable setting is a list in the file (`severity` a table of rule = level)."""
    items = setting.default
    make = dict if setting.name == "severity" else list
    default: dict[str, Any] = {"default_factory": lambda: make(items)} if setting.many else {"default": setting.default}
    return Field(
        **default,
        alias=setting.key if setting.key != setting.name else None,
        ge=setting.minimum,
        le=setting.maximum,
        description=setting.help,
    )


class Settings(BaseModel):
    """Every setting a project can fix; names as on the command line. The types are
    declared here (for the type checker); defaults, bounds and help come from
    `settings_spec`, and a test checks the two list the same settings."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    pack: str = _field(spec.PACK)
    rules: list[str] = _field(spec.RULES)
    enable: list[str] = _field(spec.ENABLE)
    disable: list[str] = _field(spec.DISABLE)
    severity: dict[str, Severity] = _field(spec.SEVERITY)
    fail_on: spec.FailOn = _field(spec.FAIL_ON)
    format: list[str] = _field(spec.FORMAT)
    output: list[str] = _field(spec.OUTPUT)
    jobs: int | None = _field(spec.JOBS)
    include: list[str] = _field(spec.INCLUDE)
    exclude: list[str] = _field(spec.EXCLUDE)
    cache: str | None = _field(spec.CACHE)
    baseline: str | None = _field(spec.BASELINE)
    revisions: spec.Revisions = _field(spec.REVISIONS)
    pdf_engine: spec.PdfEngine = _field(spec.PDF_ENGINE)
    ocr: bool = _field(spec.OCR)
    max_pages: int = _field(spec.MAX_PAGES)
    timeout: float = _field(spec.TIMEOUT)
    memory_limit: int = _field(spec.MEMORY_LIMIT)
    scheduler: str | None = _field(spec.SCHEDULER)
    scheduler_reads_paths: bool = _field(spec.SCHEDULER_READS_PATHS)

    _sources: dict[str, str] = PrivateAttr(default_factory=dict)

    def source_of(self, name: str) -> str:
        """Where a setting came from: 'command line', 'default' or `file:line`."""
        return self._sources.get(name, "default")


SETTING_NAMES = list(Settings.model_fields)
SETTING_KEYS = [name.replace("_", "-") for name in SETTING_NAMES]


@dataclass(frozen=True)
class ConfigFile:
    path: Path | None
    values: dict[str, Any]
    lines: dict[str, int] = field(default_factory=dict)  # key -> line it is set on

    def where(self, key: str) -> str:
        return f"{self.path}:{self.lines.get(key, self.lines.get('', 1))}"


def find_config(start: Path | None = None, home: Path | None = None) -> ConfigFile:
    """The nearest settings file (its own file, or a pyproject.toml section) from `start` up to the home folder."""
    for candidate in search_folders((start or Path.cwd()).resolve(), home or _home()):
        own = candidate / CONFIG_FILE
        if own.is_file():
            return _read(own, section=None)
        project = candidate / "pyproject.toml"
        if project.is_file():
            found = _read(project, section=SECTION)
            if found.path is not None:
                return found
    return ConfigFile(None, {})


def search_folders(start: Path, home: Path | None) -> list[Path]:
    """`start` and its parents up to the first that holds `.git` or is the home folder;
    `start` alone when there is no such folder below the file system root."""
    climb = [start, *start.parents][:-1] or [start]  # never the root, unless we start there
    for i, folder in enumerate(climb):
        if folder == home or (folder / ".git").exists():
            return climb[: i + 1]
    return [start]


def _home() -> Path | None:
    try:
        return Path.home().resolve()
    except (RuntimeError, KeyError, OSError):
        return None


def _read(path: Path, section: tuple[str, ...] | None) -> ConfigFile:
    text, data = read_toml(path)
    for key in section or ():
        inner = data.get(key)
        if not isinstance(inner, dict):
            return ConfigFile(None, {})
        data = inner
    lines = key_lines(text, section)
    values = {key.replace("_", "-"): value for key, value in data.items()}
    for key in ("format", "output"):
        if isinstance(values.get(key), str):
            values[key] = [values[key]]
    problems = [
        problem(path, lines, key, f"not a setting; {closest(key, SETTING_KEYS)}")
        for key in values
        if key not in SETTING_KEYS
    ]
    try:
        Settings.model_validate({k: v for k, v in values.items() if k in SETTING_KEYS})  # keys are the aliases
    except ValidationError as exc:
        problems += [_validation_problem(path, lines, error) for error in exc.errors()]
    if problems:
        raise SettingsFileError(problems)
    return ConfigFile(path, values, lines)


def _validation_problem(path: Path, lines: dict[str, int], error: Any) -> str:
    location = [str(part).replace("_", "-") for part in error["loc"]]
    return problem(path, lines, location[0], f"{'.'.join(location[1:]) + ': ' if location[1:] else ''}{error['msg']}")


def resolve(cli: dict[str, Any], explicit: set[str], config: ConfigFile) -> tuple[Settings, dict[str, str]]:
    """The effective settings and, for each, where it came from."""
    merged: dict[str, Any] = {}
    sources: dict[str, str] = {}
    for name in SETTING_NAMES:
        key = name.replace("_", "-")
        if name in explicit:
            merged[name] = cli[name]
            sources[name] = "command line"
        elif key in config.values:
            merged[name] = config.values[key]
            sources[name] = config.where(key)
        else:
            sources[name] = "default"
    settings = Settings.model_validate({k.replace("_", "-"): v for k, v in merged.items()})
    settings._sources = sources
    if config.path is not None:
        _from_file_folder(settings, sources, config)
        _scheduler_on_this_computer(settings, sources, config)
    return settings, sources


def _scheduler_on_this_computer(settings: Settings, sources: dict[str, str], config: ConfigFile) -> None:
    """A settings file may name a Dask scheduler only on this computer: documents go where
    the user says, and a scheduler elsewhere must be given on the command line."""
    if settings.scheduler is None or sources["scheduler"] in {"command line", "default"}:
        return
    assert config.path is not None
    try:
        local = is_loopback(settings.scheduler)
    except UsageError as exc:
        raise SettingsFileError([problem(config.path, config.lines, "scheduler", str(exc))]) from None
    if not local:
        raise SettingsFileError(
            [
                problem(
                    config.path,
                    config.lines,
                    "scheduler",
                    f"{file_name(settings.scheduler)} is not on this computer; a settings file may only name a "
                    "scheduler on this computer (documents are sent to it): give this one with --scheduler",
                )
            ]
        )


def _from_file_folder(settings: Settings, sources: dict[str, str], config: ConfigFile) -> None:
    """Read the file's rule, cache and baseline paths from its folder, and refuse any path
    it names (outputs included) that leads out of that folder, through `..` or a link."""
    assert config.path is not None
    base = config.path.parent
    folder = Path(os.path.realpath(base))
    problems = []
    for name in CONFINED:
        if sources[name] == "command line" or sources[name] == "default":
            continue
        value = getattr(settings, name)
        if name != "output":
            value = [str(base / v) for v in value] if isinstance(value, list) else str(base / value)
            setattr(settings, name, value)
        for item in value if isinstance(value, list) else [value]:
            real = Path(os.path.realpath(item))
            if real != folder and not real.is_relative_to(folder):
                problems.append(
                    problem(
                        config.path,
                        config.lines,
                        name.replace("_", "-"),
                        f"{file_name(item)} is outside {file_name(str(folder))}, the folder of this settings file; a settings file "
                        "may only name paths inside its folder (give this one on the command line to use it)",
                    )
                )
    if problems:
        raise SettingsFileError(problems)
