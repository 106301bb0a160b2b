"""The command line: parse options, call the library, hand the result to a reporter,
return a named exit code. No checking or formatting logic lives here."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import click
from click.core import ParameterSource

from agreement_check import __version__
from agreement_check import settings_spec as spec
from agreement_check.cli.exitcodes import ExitCode
from agreement_check.cli.rules import rules
from agreement_check.errors import AgreementCheckError, DocumentError, RuleFileError, UsageError
from agreement_check.reporters import FORMATS

if TYPE_CHECKING:
    from agreement_check.cli.progress import TerminalProgress
    from agreement_check.report import Report


def main() -> None:
    """The console entry point: run the command line and turn each kind of failure into its exit code."""
    try:
        cli.main(prog_name="agreement-check", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("Interrupted.", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(ExitCode.USAGE)
    except RuleFileError as exc:
        click.echo("Problems in rule files:", err=True)
        for problem in exc.problems:
            click.echo(f"  {problem}", err=True)
        sys.exit(ExitCode.USAGE)
    except DocumentError as exc:
        click.echo(f"agreement-check: {exc}", err=True)
        sys.exit(ExitCode.UNREADABLE)
    except AgreementCheckError as exc:  # a UsageError among them
        click.echo(f"agreement-check: {exc}", err=True)
        sys.exit(ExitCode.USAGE)
    except OSError as exc:
        click.echo(f"agreement-check: {exc.strerror or exc}: {exc.filename or ''}".rstrip(": "), err=True)
        sys.exit(ExitCode.USAGE)


def setting_option(setting: spec.Setting[Any], **extra: Any) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """The command-line option of a setting, with the default, help, choices and bounds of
    its entry in `settings_spec` (`extra` adds what only the command line knows, such as
    the formats the reporters offer). A repeatable option's default is left to the
    settings (an empty tuple here), so a settings file can still supply it."""
    names = [f"--{setting.key}/--no-{setting.key}" if setting.negatable else f"--{setting.key}"]
    names += [setting.short] if setting.short else []
    kwargs: dict[str, Any] = {"help": setting.help, "metavar": setting.metavar}
    if setting.choices and not setting.many:
        kwargs["type"] = click.Choice(setting.choices)
    elif setting.kind is int:
        kwargs["type"] = click.IntRange(_whole(setting.minimum), _whole(setting.maximum))
    elif setting.kind is float:
        kwargs["type"] = click.FloatRange(setting.minimum, setting.maximum)
    if setting.many:
        kwargs["multiple"] = True
        shown = ", ".join(cast("tuple[str, ...]", setting.default))
        kwargs["help"] += f"  [default: {shown}]" if shown else ""
    elif setting.kind is bool:
        kwargs["default"] = setting.default
        kwargs["is_flag"] = not setting.negatable or None
    elif setting.default is None:
        kwargs["help"] += f"  [default: {setting.default_text}]" if setting.default_text else ""
    else:
        kwargs.update(default=setting.default, show_default=True)
    kwargs.update(extra)
    return click.option(*names, setting.name, **{k: v for k, v in kwargs.items() if v is not None})


def _whole(bound: float | None) -> int | None:
    return None if bound is None else int(bound)


def reading_options(command: Callable[..., None]) -> Callable[..., None]:
    """The options that change how documents are read, shared by `check` and `extract`."""
    for setting in reversed((spec.REVISIONS, spec.MAX_PAGES, spec.PDF_ENGINE, spec.OCR)):
        command = setting_option(setting)(command)
    return command


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="agreement-check")
def cli() -> None:
    """Check funding agreements against the Compact for Leeds, clause by clause."""


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@setting_option(spec.PACK)
@setting_option(spec.FORMAT, type=click.Choice(FORMATS))
@setting_option(spec.OUTPUT)
@setting_option(spec.FAIL_ON)
@setting_option(spec.RULES)
@setting_option(spec.ENABLE)
@setting_option(spec.DISABLE)
@setting_option(spec.SEVERITY)
@setting_option(spec.JOBS)
@setting_option(spec.INCLUDE)
@setting_option(spec.EXCLUDE)
@setting_option(spec.CACHE)
@setting_option(spec.BASELINE)
@click.option(
    "--write-baseline",
    "write_baseline_to",
    type=click.Path(path_type=Path),
    help="Record the current gaps as accepted in this file (needs --reason).",
)
@click.option("--reason", help="Why the findings written with --write-baseline are accepted.")
@reading_options
@click.option(
    "--annotate",
    "annotate_dir",
    type=click.Path(path_type=Path, file_okay=False),
    help="Write a marked-up copy of each DOCX (Word comments) and PDF (highlights and notes) here.",
)
@click.option(
    "--annotate-suffix",
    "annotate_suffix",
    help="Write the marked-up copy beside each original, with this before the extension (e.g. .checked).",
)
@click.option("--suggest-edits", is_flag=True, help="In marked-up DOCX copies, propose the wording as tracked changes.")
@setting_option(spec.TIMEOUT)
@setting_option(spec.MEMORY_LIMIT)
@setting_option(spec.SCHEDULER)
@setting_option(spec.SCHEDULER_READS_PATHS)
@click.option(
    "--quiet",
    "-q",
    is_flag=True,
    help="No progress bar, and no summary line on the terminal when the report goes to a file or is not text.",
)
@click.option("--verbose", "-v", is_flag=True, help="Show the evidence of every finding, not only the gaps.")
@click.option("--color/--no-color", default=None, help="Colour the text report (default: only on a terminal).")
@click.pass_context
def check(
    ctx: click.Context,
    /,
    paths: tuple[Path, ...],
    write_baseline_to: Path | None,
    reason: str | None,
    annotate_dir: Path | None,
    annotate_suffix: str | None,
    suggest_edits: bool,
    quiet: bool,
    verbose: bool,
    color: bool | None,
    **given: object,
) -> None:
    """Check agreements (DOCX, PDF, ODT, DOC, RTF, TXT; files or folders) and report the gaps."""
    from agreement_check.api import check as run_check
    from agreement_check.cli.check import (
        announce_marked_copies,
        options_from_settings,
        planned_outputs,
        tell_terminal,
        with_marked_copies,
        write_reports,
    )
    from agreement_check.cli.settings import find_config, resolve

    explicit = {name for name in given if ctx.get_parameter_source(name) == ParameterSource.COMMANDLINE}
    settings, _ = resolve(_setting_values(given), explicit, find_config())
    options = with_marked_copies(options_from_settings(settings), annotate_dir, annotate_suffix, suggest_edits)
    outputs = planned_outputs(settings, write_baseline_to)
    progress = None if quiet else _progress()
    try:
        report = run_check(paths, options, progress, outputs=outputs)
    finally:
        if progress is not None:
            progress.stop()
    report = write_reports(
        report, settings, verbose=verbose, color=color, baseline_out=write_baseline_to, reason=reason
    )
    announce_marked_copies(report)
    if not quiet:
        tell_terminal(report, settings)
    sys.exit(exit_code(report, settings.fail_on))


def _setting_values(given: dict[str, object]) -> dict[str, object]:
    values = {k: list(v) if isinstance(v, tuple) else v for k, v in given.items()}
    severity: dict[str, str] = {}
    for item in cast("list[object]", values.get("severity") or []):
        rule, _, level = str(item).partition("=")
        if level not in spec.SEVERITY.choices:
            raise UsageError(f"--severity takes RULE=LEVEL with LEVEL error, warning or info, not {item!r}")
        severity[rule] = level
    values["severity"] = severity
    return values


def _progress() -> TerminalProgress:
    from agreement_check.cli.progress import TerminalProgress

    return TerminalProgress()


def exit_code(report: Report, fail_on: str) -> ExitCode:
    """The run's exit code: unreadable documents first, then gaps at or above `fail_on`."""
    if report.has_errors():
        return ExitCode.UNREADABLE
    if fail_on != "never" and report.has_gap_at(fail_on):
        return ExitCode.GAPS
    return ExitCode.OK


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option(
    "--provisions",
    is_flag=True,
    help="Show what the checker understood: each provision (who may do what, why, when, with which period).",
)
@reading_options
def extract(
    files: tuple[Path, ...],
    fmt: str,
    provisions: bool,
    revisions: spec.Revisions,
    max_pages: int,
    pdf_engine: spec.PdfEngine,
    ocr: bool,
) -> None:
    """Show what the checker reads: one block per line with its location."""
    from agreement_check.cli.views import extract_error, extract_json, extract_text, provisions_text
    from agreement_check.parsers import ParseOptions, read_document

    failed = False
    documents = []
    for path in files:
        try:
            document = read_document(
                path,
                ParseOptions(
                    revisions="original" if revisions == "original" else "accepted",  # one reading to show
                    max_pages=max_pages,
                    pdf_engine=pdf_engine,
                    ocr=ocr,
                ),
            )
        except DocumentError as exc:
            click.echo(extract_error(path, exc.code, exc.message), err=True)
            failed = True
            continue
        documents.append(document)
        if fmt == "text":
            click.echo((provisions_text if provisions else extract_text)(document), nl=False)
    if fmt == "json":
        click.echo(extract_json(documents, provisions))
    sys.exit(ExitCode.UNREADABLE if failed else ExitCode.OK)


@cli.command()
@click.option(
    "--host", default="127.0.0.1", show_default=True, help="Address to listen on (only this computer by default)."
)
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--max-files", default=10, show_default=True, type=click.IntRange(1, 100))
@click.option("--max-file-mb", default=20, show_default=True, type=click.IntRange(1, 200))
@click.option(
    "--concurrent", default=2, show_default=True, type=click.IntRange(1, 64), help="Requests checked at once."
)
def serve(host: str, port: int, max_files: int, max_file_mb: int, concurrent: int) -> None:
    """A web page where a charity can upload an offer and read the gaps. Nothing is stored."""
    try:
        import uvicorn

        from agreement_check.web.app import WebSettings, create_app
        from agreement_check.web.request_log import log_config
    except ImportError as exc:
        raise UsageError("the web page needs the web extra: pip install 'agreement-check[web]'") from exc
    app = create_app(WebSettings(max_files=max_files, max_file_mb=max_file_mb, concurrent=concurrent))
    click.echo(f"agreement-check is serving on http://{host}:{port}/ (press Ctrl+C to stop)", err=True)
    uvicorn.run(
        app, host=host, port=port, access_log=False, log_level="info", log_config=log_config(), server_header=False
    )


@cli.group()
def config() -> None:
    """Show the settings a run would use."""


@config.command("show")
def config_show() -> None:
    """Print the effective settings and where each comes from."""
    from agreement_check.cli.settings import find_config, resolve

    found = find_config()
    settings, sources = resolve({}, set(), found)
    click.echo(f"# config file: {found.path or 'none found'}")
    for name, value in settings.model_dump().items():
        click.echo(f"{name.replace('_', '-'):12} = {value!r:40}  # {sources[name]}")


cli.add_command(rules)
