"""Project settings from `.agreement-check.toml` or `[tool.agreement-check]` in
`pyproject.toml`, found in the current folder or the nearest parent. Command-line
options win over the file, and the file over the defaults; `config show` says which
source gave each value."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from agreement_check.errors import UsageError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

CONFIG_FILE = ".agreement-check.toml"


class Settings(BaseModel):
    """Every setting a project can fix; names as on the command line."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    pack: str = "auto"
    rules: list[str] = Field(default_factory=list)
    enable: list[str] = Field(default_factory=list)
    disable: list[str] = Field(default_factory=list)
    severity: dict[str, Literal["error", "warning", "info"]] = Field(default_factory=dict)
    fail_on: Literal["error", "warning", "never"] = Field("error", alias="fail-on")
    format: list[str] = Field(default_factory=lambda: ["text"])
    output: list[str] = Field(default_factory=list)
    jobs: int | None = Field(None, ge=1, le=256)
    include: list[str] = Field(default_factory=list)
    exclude: list[str] = Field(default_factory=list)
    cache: str | None = None
    baseline: str | None = None
    revisions: Literal["accepted", "original"] = "accepted"
    pdf_engine: Literal["pdfium", "pdfplumber"] = Field("pdfium", alias="pdf-engine")
    max_pages: int = Field(2000, alias="max-pages", ge=1)
    timeout: float = Field(120.0, gt=0, le=86400)
    memory_limit: int = Field(1024, alias="memory-limit", ge=64)


SETTING_NAMES = list(Settings.model_fields)


@dataclass(frozen=True)
class ConfigFile:
    path: Path | None
    values: dict[str, Any]


def find_config(start: Path | None = None) -> ConfigFile:
    folder = (start or Path.cwd()).resolve()
    for candidate in [folder, *folder.parents]:
        own = candidate / CONFIG_FILE
        if own.is_file():
            return ConfigFile(own, _read(own, section=None))
        project = candidate / "pyproject.toml"
        if project.is_file():
            values = _read(project, section=("tool", "agreement-check"))
            if values is not None:
                return ConfigFile(project, values)
        if (candidate / ".git").exists():
            break
    return ConfigFile(None, {})


def _read(path: Path, section: tuple[str, ...] | None) -> dict[str, Any] | None:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise UsageError(f"cannot read {path}: {exc}") from exc
    for key in section or ():
        data = data.get(key)
        if not isinstance(data, dict):
            return None
    values = {key.replace("_", "-"): value for key, value in data.items()}
    if isinstance(values.get("format"), str):
        values["format"] = [values["format"]]
    if isinstance(values.get("output"), str):
        values["output"] = [values["output"]]
    try:
        Settings.model_validate({_alias(k): v for k, v in values.items()})
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
        raise UsageError(f"{path}: {problems}") from exc
    return values


def _alias(key: str) -> str:
    return key if key in {"fail-on", "max-pages", "memory-limit", "pdf-engine"} else key.replace("-", "_")


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
            sources[name] = str(config.path)
        else:
            sources[name] = "default"
    settings = Settings.model_validate({_alias(k.replace("_", "-")): v for k, v in merged.items()})
    if config.path is not None:
        base = config.path.parent
        for name in ("rules", "cache", "baseline"):
            if sources[name] == str(config.path):
                value = getattr(settings, name)
                if isinstance(value, list):
                    setattr(settings, name, [str(base / v) for v in value])
                elif value:
                    setattr(settings, name, str(base / value))
    return settings, sources
