"""Every setting of a check, written once: its name, default, help text and bounds.

A setting reaches the code through five records: the `check` command's options, the
settings file (`cli/settings.py`), the check options (`batch/options.py`), the reading
options (`parsers/options.py`) and the worker limits (`batch/isolation.py`). Each of them
takes its defaults from here, and the command line and the settings file take their help
and bounds from here too, so the two can never disagree about what `--timeout` allows or
what a run does when nothing is said. Adding a setting means one entry here, one field
in the record that uses it and the line that passes it on (`cli/check.py`);
`tests/test_settings_spec.py` fails when a default is written anywhere else.

This module sits at the bottom of the layers (it imports only `codes`), so the parsers
and the batch code can read it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, Literal, TypeVar, get_args

from agreement_check.codes import SEVERITIES

Revisions = Literal["both", "accepted", "original"]
PdfEngine = Literal["pdfium", "pdfplumber"]
FailOn = Literal["error", "warning", "never"]

T = TypeVar("T", covariant=True)  # a Setting[int] is a Setting[object]


@dataclass(frozen=True)
class Setting(Generic[T]):
    """One setting. `name` is its Python name (`max_pages`); on the command line and in a
    settings file it is spelt with hyphens (`--max-pages`, `max-pages = 100`)."""

    name: str
    default: T
    help: str
    kind: type = str  # what one value is: str, int, float or bool
    choices: tuple[str, ...] = ()  # the only values allowed, when there is a fixed list
    minimum: float | None = None  # inclusive bounds of a number
    maximum: float | None = None
    many: bool = False  # repeatable on the command line, a list in the file
    short: str | None = None  # a one-letter command-line alias, e.g. -j
    metavar: str | None = None
    default_text: str | None = None  # what the help says happens when the setting is not given
    negatable: bool = False  # a switch with a --no- form (--ocr/--no-ocr) rather than a bare flag

    @property
    def key(self) -> str:
        """The name in a settings file and, after `--`, on the command line."""
        return self.name.replace("_", "-")


PACK = Setting("pack", "auto", "Rule pack: leeds-compact, working-together or auto.")
RULES: Setting[tuple[str, ...]] = Setting(
    "rules", (), "Extra rule files or packs (add to or replace the built-in ones).", many=True
)
ENABLE: Setting[tuple[str, ...]] = Setting("enable", (), "Check only these rules (id or name); repeatable.", many=True)
DISABLE: Setting[tuple[str, ...]] = Setting(
    "disable", (), "Do not check these rules (id or name); repeatable.", many=True
)
SEVERITY: Setting[tuple[tuple[str, str], ...]] = Setting(
    "severity",
    (),
    "Override a rule's severity (error, warning, info).",
    choices=SEVERITIES,  # of the level after '='
    many=True,
    metavar="RULE=LEVEL",
)
FAIL_ON: Setting[FailOn] = Setting(
    "fail_on", "error", "Exit 1 when a gap at or above this severity is found.", choices=get_args(FailOn)
)
FORMAT: Setting[tuple[str, ...]] = Setting(
    "format", ("text",), "Report format; repeat it with one --output each to write several.", many=True
)
OUTPUT: Setting[tuple[str, ...]] = Setting(
    "output", (), "Write the report to this file (one per --format).", many=True, short="-o"
)
JOBS: Setting[int | None] = Setting(
    "jobs", None, "Worker processes.", kind=int, minimum=1, maximum=256, short="-j", default_text="one per core"
)
INCLUDE: Setting[tuple[str, ...]] = Setting(
    "include", (), "Only files in folders matching this glob; repeatable.", many=True
)
EXCLUDE: Setting[tuple[str, ...]] = Setting(
    "exclude", (), "Skip files in folders matching this glob; repeatable.", many=True
)
CACHE: Setting[str | None] = Setting("cache", None, "Reuse results for unchanged documents from this folder.")
BASELINE: Setting[str | None] = Setting("baseline", None, "Accepted findings (YAML); only new gaps fail the run.")
REVISIONS: Setting[Revisions] = Setting(
    "revisions",
    "both",
    "Read pending tracked changes as accepted, as the original text, or both: the accepted "
    "text is checked and each finding the changes alter says what the original gives.",
    choices=get_args(Revisions),
)
PDF_ENGINE: Setting[PdfEngine] = Setting(
    "pdf_engine",
    "pdfium",
    "Library that reads PDF text (both feed the same layout code).",
    choices=get_args(PdfEngine),
)
OCR = Setting(
    "ocr",
    False,
    "Read PDF pages that have no text layer (scans) by OCR, with Tesseract.",
    kind=bool,
    negatable=True,
)
MAX_PAGES = Setting("max_pages", 2000, "Refuse PDFs with more pages than this (error too-large).", kind=int, minimum=1)
TIMEOUT = Setting(
    "timeout",
    120.0,
    "Seconds one document may take before it is stopped (error timeout).",
    kind=float,
    minimum=1,
    maximum=86400,
)
MEMORY_LIMIT = Setting(
    "memory_limit",
    1024,
    "Megabytes one document may use before it is stopped (error too-large).",
    kind=int,
    minimum=64,
)
SCHEDULER: Setting[str | None] = Setting(
    "scheduler",
    None,
    "Check on a Dask cluster: the address of its scheduler (tcp://host:port). Needs the dask extra.",
    metavar="ADDRESS",
)
SCHEDULER_READS_PATHS = Setting(
    "scheduler_reads_paths",
    False,
    "The Dask workers open the files at the same paths (a shared file system) instead of being sent them.",
    kind=bool,
)

SETTINGS: tuple[Setting[object], ...] = (
    PACK,
    RULES,
    ENABLE,
    DISABLE,
    SEVERITY,
    FAIL_ON,
    FORMAT,
    OUTPUT,
    JOBS,
    INCLUDE,
    EXCLUDE,
    CACHE,
    BASELINE,
    REVISIONS,
    PDF_ENGINE,
    OCR,
    MAX_PAGES,
    TIMEOUT,
    MEMORY_LIMIT,
    SCHEDULER,
    SCHEDULER_READS_PATHS,
)
"""In the order `config show` lists them."""

BY_NAME: dict[str, Setting[object]] = {setting.name: setting for setting in SETTINGS}
