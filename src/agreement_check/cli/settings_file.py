"""Reading a settings file so that its mistakes can be shown where they are: the TOML,
the line each key is set on, and `file:line: key: message` problems with the closest
valid key. `config` decides what the settings mean."""

from __future__ import annotations

import difflib
import re
import sys
from pathlib import Path
from typing import Any

from agreement_check.errors import UsageError
from agreement_check.sanitize import file_name

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

_HEADER = re.compile(r"^\s*\[\[?\s*(.+?)\s*\]\]?\s*(?:#.*)?$")
_KEY = re.compile(r"""^\s*(?:"([^"]+)"|'([^']+)'|([A-Za-z0-9_-]+))\s*[.=]""")
_PART = re.compile(r""""[^"]*"|'[^']*'|[^.\s]+""")
_TOML_AT = re.compile(r"\s*\(at line (\d+), column \d+\)$")


class SettingsFileError(UsageError):
    """Every problem found in a settings file, one `file:line: key: message` per line."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = sorted(problems, key=_line_of)
        super().__init__("\n".join(self.problems))


def _line_of(problem: str) -> int:
    found = re.match(r"[^\n]*?:(\d+): ", problem)
    return int(found.group(1)) if found else 0


def read_toml(path: Path) -> tuple[str, dict[str, Any]]:
    """A settings file's text and data; a syntax error becomes a UsageError that names the line."""
    try:
        text = path.read_text(encoding="utf-8")
        return text, tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        at = _TOML_AT.search(str(exc))
        line = f":{at.group(1)}" if at else ""
        raise SettingsFileError([f"{file_name(str(path))}{line}: {_TOML_AT.sub('', str(exc))}"]) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise SettingsFileError([f"{file_name(str(path))}: cannot read it: {exc}"]) from exc


def key_lines(text: str, section: tuple[str, ...] | None) -> dict[str, int]:
    """For each key of `section` (the top level when None), the line it is first set on
    (a sub-table `[tool.agreement-check.severity]` counts for `severity`); '' is the
    section's own header."""
    want = list(section or ())
    lines: dict[str, int] = {} if want else {"": 1}
    table: list[str] = []
    for number, line in enumerate(text.splitlines(), 1):
        header = _HEADER.match(line)
        if header:
            table = [p.strip("\"'") for p in _PART.findall(header.group(1))]
            if table == want:
                lines.setdefault("", number)
            elif table[: len(want)] == want:
                lines.setdefault(table[len(want)].replace("_", "-"), number)
            continue
        key = _KEY.match(line)
        if key and table == want:
            lines.setdefault(next(g for g in key.groups() if g).replace("_", "-"), number)
    return lines


def problem(path: Path, lines: dict[str, int], key: str, message: str) -> str:
    """`file:line: key: message`; the key is shown escaped (the file is repository content)."""
    return f"{file_name(str(path))}:{lines.get(key, lines.get('', 1))}: {file_name(key)}: {message}"


def closest(key: str, valid: list[str]) -> str:
    """'did you mean fail-on?', or the valid keys when none is close."""
    match = difflib.get_close_matches(key, valid, n=1, cutoff=0.5)
    return f"did you mean {match[0]}?" if match else f"the settings are {', '.join(valid)}"
