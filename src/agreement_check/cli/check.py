"""What a `check` run does around the library call: turn settings into options, attach
the baseline, write every requested report (atomically), and record accepted findings."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

import click

from agreement_check.annotate.targets import MarkedCopies
from agreement_check.api import CheckOptions, load_configured_packs
from agreement_check.baseline import Baseline, write_baseline
from agreement_check.batch.scheduler_address import parse_scheduler
from agreement_check.output import pair_outputs, refuse_clashes, write_atomic
from agreement_check.parsers import ParseOptions
from agreement_check.report import Report
from agreement_check.reporters import get_reporter
from agreement_check.ruleset.selection import UnknownRuleError
from agreement_check.sanitize import file_name, terminal

if TYPE_CHECKING:
    from agreement_check.cli.settings import Settings


def options_from_settings(settings: Settings) -> CheckOptions:
    """The library's options, with every rule name they use checked against the packs (so
    a typo in a settings file is reported at its line; the packs are loaded once a run)."""
    options = CheckOptions(
        pack=settings.pack,
        rules=tuple(Path(r) for r in settings.rules),
        parse=ParseOptions(
            revisions=settings.revisions,
            max_pages=settings.max_pages,
            pdf_engine=settings.pdf_engine,
            ocr=settings.ocr,
        ),
        jobs=settings.jobs,
        include=tuple(settings.include),
        exclude=tuple(settings.exclude),
        cache=Path(settings.cache) if settings.cache else None,
        enable=tuple(settings.enable),
        disable=tuple(settings.disable),
        severity=tuple(settings.severity.items()),
        timeout=settings.timeout,
        memory_mb=settings.memory_limit,
        scheduler=parse_scheduler(settings.scheduler) if settings.scheduler else None,
        scheduler_reads_paths=settings.scheduler_reads_paths,
    )
    try:
        load_configured_packs(options)
    except UnknownRuleError as exc:
        source = settings.source_of(exc.setting)
        raise exc.at(None if source == "command line" else source) from None
    return options


def with_marked_copies(
    options: CheckOptions, folder: Path | None, suffix: str | None, suggest_edits: bool
) -> CheckOptions:
    """Ask for a marked-up copy of every checked DOCX and PDF, in `folder` (keeping the
    inputs' folders) or beside the original with `suffix`; each is made by the worker that
    checks its document. Neither given: no copies."""
    if folder is None and not suffix:
        return options
    return replace(options, marked_copies=MarkedCopies(folder, suffix or None, suggest_edits))


def planned_outputs(settings: Settings, baseline_out: Path | None) -> list[tuple[str, Path]]:
    """The files the run will write besides marked-up copies, each named for a message."""
    outputs = [
        (f"the {fmt} report", target) for fmt, target in pair_outputs(settings.format, settings.output) if target
    ]
    if baseline_out is not None:
        outputs.append(("the baseline", baseline_out))
    return outputs


def announce_marked_copies(report: Report) -> None:
    """One line on stderr per marked-up copy: where it is, or why it could not be made."""
    for doc in report.documents:
        if doc.marked_copy is None:
            continue
        if doc.marked_copy.path:
            click.echo(f"marked-up copy: {file_name(doc.marked_copy.path)}", err=True)
        else:
            click.echo(f"{file_name(doc.path)}: {terminal(doc.marked_copy.warning())}", err=True)


def tell_terminal(report: Report, settings: Settings) -> None:
    """The summary line and the documents that could not be read, whatever the formats and
    outputs: on stderr when stdout carries a report (so the report stays clean to pipe),
    on stdout when every report went to a file. A text report on stdout says both already."""
    from agreement_check.reporters.text import summary_line, unread_lines

    to_screen = [fmt for fmt, target in pair_outputs(settings.format, settings.output) if target is None]
    if to_screen == ["text"]:
        return
    for line in [*unread_lines(report), summary_line(report)]:
        click.echo(line, err=bool(to_screen))


def letter_files(
    report: Report, pairs: list[tuple[str, Path | None]], baseline_out: Path | None
) -> list[tuple[Path, str]]:
    """With several documents, the letter to the funder goes to one file per document
    beside the --output file: letters.txt -> letters-offer.txt, letters-sla.txt. None of
    them may replace an input, another output or a marked-up copy (UsageError before
    anything is written)."""
    target = next((t for fmt, t in pairs if fmt == "letter" and t is not None), None)
    if target is None or len(report.documents) < 2:
        return []
    from agreement_check.reporters.letter import LetterReporter

    files: list[tuple[Path, str]] = []
    used: set[str] = set()
    for doc, text in LetterReporter().letters(report):
        stem = f"{target.stem}-{_safe_stem(doc.path)}"
        name, n = stem, 1
        while name.lower() in used:
            n += 1
            name = f"{stem}-{n}"
        used.add(name.lower())
        files.append((target.with_name(name + (target.suffix or ".txt")), text))
    others = [(f"the {fmt} report", t) for fmt, t in pairs if t is not None and fmt != "letter"]
    copies = [
        (f"the marked-up copy of {d.path}", Path(d.marked_copy.path))
        for d in report.documents
        if d.marked_copy and d.marked_copy.path
    ]
    baseline = [("the baseline", baseline_out)] if baseline_out is not None else []
    refuse_clashes(
        [Path(d.path) for d in report.documents],
        [*others, *baseline, *copies, *((f"the letter for {file_name(str(p))}", p) for p, _ in files)],
    )
    return files


def _safe_stem(path: str) -> str:
    """A document's name as a file-name part: letters, digits, '-', '_' and '.' only."""
    import re

    stem = Path(path).stem or "document"
    return re.sub(r"[^\w.-]+", "-", stem).strip(".-") or "document"


def write_reports(
    report: Report,
    settings: Settings,
    *,
    verbose: bool,
    color: bool | None,
    baseline_out: Path | None,
    reason: str | None,
) -> Report:
    """Write every requested report (atomically), attach the baseline, and record accepted findings when asked."""
    previous = Baseline.load(Path(settings.baseline)) if settings.baseline else None
    if previous is not None:
        report = report.accept(previous)
    pairs = pair_outputs(settings.format, settings.output)
    letters = letter_files(report, pairs, baseline_out)
    for fmt, target in pairs:
        if fmt == "letter" and target is not None and len(report.documents) > 1:
            for path, text in letters:
                write_atomic(path, text)
            click.echo(f"letters to the funder: {len(letters)} files beside {file_name(str(target))}", err=True)
            continue
        use_color = color if color is not None else (target is None and sys.stdout.isatty())
        text = get_reporter(fmt, verbose=verbose, color=use_color).render(report)
        if target is None:
            click.echo(text, nl=False)
        else:
            write_atomic(target, text)
    if previous is not None:
        for entry in previous.stale(report):
            click.echo(
                f"baseline: stale entry (no longer found): {file_name(entry.path)} {terminal(entry.rule)}", err=True
            )
    if baseline_out is not None:
        count = write_baseline(baseline_out, report, reason or "", previous)
        click.echo(f"baseline: {count} accepted finding(s) written to {baseline_out}", err=True)
    return report
