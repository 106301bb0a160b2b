"""Text from a document, and a document's file name, are written by whoever sent the
agreement. Before any of it reaches an output it passes through the one function here
made for where it is going, so that it is shown and never obeyed:

- `terminal`: the text report, `extract`, GitHub annotations. Escape sequences (CSI, OSC,
  DCS, ...) are removed whole, other C0/C1 control characters become spaces, and `::` or
  `##[` (which a CI runner obeys as a command at the start of a line, however a long line
  is wrapped) are split so that no line can start with them.
- `file_name`: as `terminal`, but control characters are shown as `\\x1b` so that two
  files never look alike.
- `markdown`: one line, with everything that could open a fence, heading, list, link,
  image or raw HTML backslash-escaped.
- `csv_cell`: a cell a spreadsheet could run as a formula starts with `'` (OWASP).
- `xml`: escape sequences removed and every character XML 1.0 forbids dropped (JUnit,
  SARIF, HTML).
- `json_dumps`: JSON with C1 control characters written as `\\u` escapes, so that a
  report printed to a terminal carries no raw control bytes; the data is unchanged.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable
from typing import Any

# ESC-introduced and 8-bit C1 sequences; string commands only when terminated, so that an
# unterminated one never swallows the text after it.
_ESCAPE = re.compile(
    r"""
      (?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f]) [^\x07\x1b\x9c]* (?:\x07|\x1b\\|\x9c)   # OSC, DCS, SOS, PM, APC
    | (?:\x1b\[|\x9b) [\x30-\x3f]* [\x20-\x2f]* [\x40-\x7e]?                          # CSI
    | \x1b [\x20-\x2f]* [\x30-\x7e]?                                                  # other escapes
    """,
    re.VERBOSE,
)
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_COMMAND = re.compile(r":{2,}|#{2,}(?=(?:vso)?\[)")
_XML_FORBIDDEN = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_MARKDOWN_INLINE = re.compile(r"([\\`*_\[\]<>|~&])")
_MARKDOWN_LINE_START = re.compile(r"^(?:([#+=>-])|(\d+)([.)]))")
_C1 = re.compile(r"[\x7f-\x9f]")
CSV_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def terminal(text: str) -> str:
    """One line of untrusted text, safe to print on a terminal or a CI log."""
    text = _CONTROL.sub(" ", _ESCAPE.sub("", text))
    return _COMMAND.sub(lambda m: " ".join(m.group()), text)


def file_name(path: str) -> str:
    """A file name for people: control characters shown escaped, never sent."""
    shown = _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", path)
    return _COMMAND.sub(lambda m: " ".join(m.group()), shown)


def markdown(text: str) -> str:
    """One line of untrusted text for Markdown: shown as typed, never rendered as markup."""
    text = _MARKDOWN_INLINE.sub(r"\\\1", " ".join(terminal(text).split()))
    return _MARKDOWN_LINE_START.sub(lambda m: f"\\{m.group(1)}" if m.group(1) else f"{m.group(2)}\\{m.group(3)}", text)


def csv_cell(value: object) -> str:
    """A cell that a spreadsheet shows as text, never evaluates."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(CSV_TRIGGERS) or text.lstrip()[:1] in CSV_TRIGGERS[:4] else text


def csv_table(columns: list[str], rows: Iterable[list[object]]) -> str:
    """A CSV report: every cell quoted and guarded by `csv_cell`, one line ending."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_ALL)
    writer.writerow(columns)
    writer.writerows([csv_cell(cell) for cell in row] for row in rows)
    return buffer.getvalue()


def xml(text: str) -> str:
    """Text that any XML 1.0 (or HTML) parser accepts."""
    return _XML_FORBIDDEN.sub("", _ESCAPE.sub("", text))


def xml_deep(value: Any) -> Any:
    """`xml` applied to every string in a JSON-like structure (SARIF)."""
    if isinstance(value, str):
        return xml(value)
    if isinstance(value, dict):
        return {xml_deep(k): xml_deep(v) for k, v in value.items()}
    if isinstance(value, list):
        return [xml_deep(v) for v in value]
    return value


def json_dumps(data: Any, indent: int | None = 2) -> str:
    """JSON as UTF-8 text, with DEL and C1 characters escaped (they only occur in strings)."""
    text = json.dumps(data, indent=indent, ensure_ascii=False)
    return _C1.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
