"""The one entry point for checking agreements: the CLI, the web page and tests call
`check()`; everything else is an implementation detail behind it."""

from __future__ import annotations

import threading
from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path

from agreement_check.annotate.targets import copy_targets
from agreement_check.batch.document import check_file, load_configured_packs
from agreement_check.batch.options import CheckOptions
from agreement_check.batch.progress import Progress
from agreement_check.batch.scheduler import check_files
from agreement_check.batch.walk import collect
from agreement_check.engine.document import rule_infos
from agreement_check.errors import UsageError
from agreement_check.output import refuse_clashes
from agreement_check.report import DocumentResult, Report, Ruleset, Skipped
from agreement_check.ruleset import Pack

__all__ = [
    "CheckOptions",
    "Progress",
    "build_report",
    "check",
    "check_file",
    "load_configured_packs",
    "rule_infos",
]


def check(
    paths: Iterable[str | Path],
    options: CheckOptions | None = None,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
    outputs: Sequence[tuple[str, Path]] = (),
) -> Report:
    """Setting `cancel` from another thread stops the check: its workers are killed and
    `CheckCancelled` is raised (the web page does this when a visitor leaves). `outputs`
    are the files the caller will write, as (what, path): like each marked-up copy, none
    may be an input or another output (`UsageError` before anything is read or written)."""
    options = options or CheckOptions()
    packs = load_configured_packs(options)
    if options.pack != "auto" and options.pack not in packs:
        raise UsageError(f"unknown pack {options.pack!r}; known packs: {', '.join(sorted(packs))}")
    named = [Path(p) for p in paths]
    collected = collect(named, options.include, options.exclude)
    copies = copy_targets(collected.files, named, options.marked_copies) if options.marked_copies else None
    planned = [(f"the marked-up copy of {source}", t) for source, t in zip(collected.files, copies or []) if t]
    refuse_clashes(collected.files, [*outputs, *planned])
    results = check_files(collected.files, options, progress, cancel, copies)
    results = [_noted_as_ours(r, collected.named_outputs.get(r.path)) for r in results]
    return build_report(results, packs, skipped=tuple(collected.skipped))


def _noted_as_ours(result: DocumentResult, kind: str | None) -> DocumentResult:
    """A file named on the command line is checked even when the tool wrote it (a folder
    walk passes over it); the report says so, as its findings are about that output."""
    if kind is None or result.status != "checked":
        return result
    note = f"This is a {kind} that agreement-check wrote; it was checked because it was asked for by name (a folder walk passes over it)."
    return replace(result, warnings=(note, *result.warnings))


def build_report(results: list[DocumentResult], packs: dict[str, Pack], skipped: tuple[Skipped, ...] = ()) -> Report:
    """The report of a run: the results in path order, the rule sets they used, what reporters show of each rule, and the files the folder walks passed over."""
    used = sorted({r.pack for r in results if r.pack}) or sorted(packs)
    rulesets = tuple(
        Ruleset(id=p, version=packs[p].spec.version, source=_source(packs[p]), title=packs[p].spec.title)
        for p in used
        if p in packs
    )
    return Report(documents=tuple(results), rulesets=rulesets, rules=rule_infos(packs), skipped=skipped)


def _source(pack: Pack) -> str:
    path = Path(pack.source).parent
    parts = path.parts
    if "_rules" in parts:
        return "rules/" + "/".join(parts[parts.index("_rules") + 1 :])
    if "rules" in parts:
        return "rules/" + "/".join(parts[len(parts) - parts[::-1].index("rules") :])
    return str(path)
