"""The command line: parse options, call the library, hand the result to a reporter,
return a named exit code. No checking or formatting logic lives here."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from agreement_check import __version__
from agreement_check.errors import AgreementCheckError, DocumentError, RuleFileError, UsageError
from agreement_check.exitcodes import ExitCode


def main() -> None:
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
    except UsageError as exc:
        click.echo(f"agreement-check: {exc}", err=True)
        sys.exit(ExitCode.USAGE)
    except DocumentError as exc:
        click.echo(f"agreement-check: {exc}", err=True)
        sys.exit(ExitCode.UNREADABLE)
    except AgreementCheckError as exc:
        click.echo(f"agreement-check: {exc}", err=True)
        sys.exit(ExitCode.USAGE)
    except OSError as exc:
        click.echo(f"agreement-check: {exc.strerror or exc}: {exc.filename or ''}".rstrip(": "), err=True)
        sys.exit(ExitCode.USAGE)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="agreement-check")
def cli() -> None:
    """Check funding agreements against the Compact for Leeds, clause by clause."""


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--pack", default="auto", show_default=True, help="Rule pack: leeds-compact, working-together or auto.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option(
    "--output", "-o", type=click.Path(path_type=Path), help="Write the report to this file instead of the screen."
)
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "never"]),
    default="error",
    show_default=True,
    help="Exit 1 when a gap at or above this severity is found.",
)
@click.option(
    "--rules",
    "rule_paths",
    multiple=True,
    type=click.Path(path_type=Path),
    help="Extra rule files or packs (add to or replace the built-in ones).",
)
@click.option(
    "--revisions",
    type=click.Choice(["accepted", "original"]),
    default="accepted",
    show_default=True,
    help="Read tracked changes as accepted, or the original text.",
)
@click.option(
    "--max-pages",
    type=click.IntRange(1),
    default=2000,
    show_default=True,
    help="Refuse PDFs with more pages than this (error too-large).",
)
@click.option("--verbose", "-v", is_flag=True, help="Show the evidence of every finding, not only the gaps.")
@click.option("--color/--no-color", default=None, help="Colour the text report (default: only on a terminal).")
def check(
    paths: tuple[Path, ...],
    pack: str,
    fmt: str,
    output: Path | None,
    fail_on: str,
    rule_paths: tuple[Path, ...],
    revisions: str,
    max_pages: int,
    verbose: bool,
    color: bool | None,
) -> None:
    """Check agreements (DOCX, PDF, TXT; files or folders) and report the gaps."""
    from agreement_check.api import CheckOptions
    from agreement_check.api import check as run_check
    from agreement_check.parsers import ParseOptions
    from agreement_check.reporters import get_reporter

    parse = ParseOptions(revisions=revisions, max_pages=max_pages)  # type: ignore[arg-type]
    options = CheckOptions(pack=pack, rules=rule_paths, parse=parse)
    report = run_check(paths, options)
    use_color = color if color is not None else (output is None and sys.stdout.isatty())
    text = get_reporter(fmt, verbose=verbose, color=use_color).render(report)
    _emit(text, output)
    sys.exit(exit_code(report, fail_on))


def exit_code(report, fail_on: str) -> ExitCode:  # type: ignore[no-untyped-def]
    if report.has_errors():
        return ExitCode.UNREADABLE
    if fail_on != "never" and report.has_gap_at(fail_on):
        return ExitCode.GAPS
    return ExitCode.OK


def _emit(text: str, output: Path | None) -> None:
    if output is None:
        click.echo(text, nl=False)
        return
    from agreement_check.output import write_atomic

    write_atomic(output, text)


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--revisions", type=click.Choice(["accepted", "original"]), default="accepted", show_default=True)
@click.option("--max-pages", type=click.IntRange(1), default=2000, show_default=True)
def extract(files: tuple[Path, ...], fmt: str, revisions: str, max_pages: int) -> None:
    """Show what the checker reads: one block per line with its location."""
    from agreement_check.parsers import ParseOptions, read_document
    from agreement_check.views import extract_text

    failed = False
    documents = []
    for path in files:
        try:
            document = read_document(path, ParseOptions(revisions=revisions, max_pages=max_pages))  # type: ignore[arg-type]
        except DocumentError as exc:
            click.echo(f"{path}: error {exc.code}: {exc.message}", err=True)
            failed = True
            continue
        documents.append(document)
        if fmt == "text":
            click.echo(extract_text(document), nl=False)
    if fmt == "json":
        click.echo(json.dumps([d.to_dict() for d in documents], indent=2, ensure_ascii=False))
    sys.exit(ExitCode.UNREADABLE if failed else ExitCode.OK)


from agreement_check.cli_rules import rules  # noqa: E402  (registers the `rules` group)

cli.add_command(rules)
