"""The one entry point for checking agreements: the CLI, the web page and tests call
`check()`; everything else is an implementation detail behind it."""

from __future__ import annotations

import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from agreement_check.annotate.copy import with_marked_copy
from agreement_check.annotate.targets import MarkedCopies, copy_targets
from agreement_check.batch import Progress, check_files
from agreement_check.cache import ResultCache, file_digest
from agreement_check.collect import collect
from agreement_check.context import DocumentContext
from agreement_check.engine.packs import choose_pack
from agreement_check.engine.run import check_document
from agreement_check.errors import DocumentError, UsageError
from agreement_check.model import Document
from agreement_check.output import refuse_clashes
from agreement_check.parsers import ParseOptions, read_document, read_for_copy
from agreement_check.report import DocumentResult, Report, RuleInfo, Ruleset
from agreement_check.ruleset import Pack, load_packs
from agreement_check.ruleset.selection import select_rules


@dataclass(frozen=True)
class CheckOptions:
    pack: str = "auto"
    rules: tuple[Path, ...] = ()
    parse: ParseOptions = field(default_factory=ParseOptions)
    jobs: int | None = None  # None: one worker per core
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    cache: Path | None = None
    enable: tuple[str, ...] = ()  # only these rules (ids or names); empty: all
    disable: tuple[str, ...] = ()
    severity: tuple[tuple[str, str], ...] = ()  # (rule id or name, severity)
    isolate: bool = True  # each document in a worker that can be stopped
    timeout: float = 120.0  # seconds per document
    memory_mb: int = 1024  # how far a worker may grow while reading one document
    marked_copies: MarkedCopies | None = None  # made in each document's worker, from its reading


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
    return build_report(results, packs, skipped=collected.skipped)


_PACKS: dict[CheckOptions, dict[str, Pack]] = {}


def load_configured_packs(options: CheckOptions) -> dict[str, Pack]:
    """The packs with the user's rule files added, rules enabled or disabled, and
    severities overridden as configured. Kept per options, so forked workers inherit them."""
    key = replace(options, marked_copies=None)  # where copies go does not change the rules
    if key not in _PACKS:
        _PACKS.clear()
        _PACKS[key] = _configure(options)
    return _PACKS[key]


def _configure(options: CheckOptions) -> dict[str, Pack]:
    packs = load_packs(list(options.rules))
    select_rules(packs, options.enable, options.disable, options.severity, options.pack)
    return packs


def check_file(
    path: Path, packs: dict[str, Pack], options: CheckOptions, copy_to: Path | None = None
) -> DocumentResult:
    """Check one document; with `copy_to` (and `options.marked_copies`), also write its
    marked-up copy there, from the same reading."""
    if copy_to is None or options.marked_copies is None:
        return _cached_or_checked(path, None, packs, options)
    try:
        reading = read_for_copy(path, options.parse)
    except DocumentError as exc:
        return _unreadable(path, exc)
    result = _cached_or_checked(path, reading.document, packs, options)
    return with_marked_copy(
        reading,
        copy_to,
        result,
        rule_infos(packs),
        options=options.parse,
        suggest_edits=options.marked_copies.suggest_edits,
    )


def _cached_or_checked(
    path: Path, document: Document | None, packs: dict[str, Pack], options: CheckOptions
) -> DocumentResult:
    cache = ResultCache(options.cache, _fingerprint(packs, options)) if options.cache else None
    digest = (document.sha256 if document else file_digest(path)) if cache else None
    if cache and digest:
        cached = cache.get(path, digest)
        if cached is not None:
            return cached
    if document is None:
        try:
            document = read_document(path, options.parse)
        except DocumentError as exc:
            return _unreadable(path, exc)
    result = _check_read(path, document, packs, options)
    if cache and digest:
        cache.put(digest, result)
    return result


def _unreadable(path: Path, exc: DocumentError) -> DocumentResult:
    return DocumentResult(path=str(path), status="error", error_code=exc.code, error_message=exc.message)


def _check_read(path: Path, document: Document, packs: dict[str, Pack], options: CheckOptions) -> DocumentResult:
    try:
        choice = choose_pack(document, packs, options.pack)
    except DocumentError as exc:  # not-an-agreement: read, but not checked
        return _unreadable(path, exc)
    ctx = DocumentContext(document)
    findings = check_document(document, choice.pack, ctx)
    return DocumentResult(
        path=str(path),
        status="checked",
        sha256=document.sha256,
        pack=choice.pack.id,
        findings=tuple(findings),
        pack_reason=choice.reason,
        warnings=tuple(document.warnings + ctx.warnings),
    )


def _fingerprint(packs: dict[str, Pack], options: CheckOptions) -> str:
    versions = ",".join(f"{p.id}@{p.spec.version}:{len(p.rules)}" for p in sorted(packs.values(), key=lambda p: p.id))
    rules = ",".join(str(r) for r in options.rules)
    return f"{versions}|{options.pack}|{options.parse.revisions}|{options.parse.pdf_engine}|ocr={options.parse.ocr}|{rules}|{options.severity}"


def build_report(results: list[DocumentResult], packs: dict[str, Pack], skipped: int = 0) -> Report:
    used = sorted({r.pack for r in results if r.pack}) or sorted(packs)
    rulesets = tuple(
        Ruleset(id=p, version=packs[p].spec.version, source=_source(packs[p]), title=packs[p].spec.title)
        for p in used
        if p in packs
    )
    return Report(documents=tuple(results), rulesets=rulesets, rules=rule_infos(packs), skipped=skipped)


def rule_infos(packs: dict[str, Pack]) -> dict[str, RuleInfo]:
    """What reports and marked-up copies show about each rule."""
    return {
        rule.id: RuleInfo(
            id=rule.id,
            title=rule.spec.title,
            severity=rule.spec.severity,
            description=" ".join(rule.spec.description.split()),
            commitment_ref=rule.spec.commitment.ref,
            commitment_quote=" ".join(rule.spec.commitment.quote.split()),
            reference=rule.spec.reference,
            suggestion=" ".join(rule.spec.suggestion.split()),
            source=pack.spec.source.document,
            section=tuple(rule.spec.section),
        )
        for pack in packs.values()
        for rule in pack.rules
    }


def _source(pack: Pack) -> str:
    path = Path(pack.source).parent
    parts = path.parts
    if "_rules" in parts:
        return "rules/" + "/".join(parts[parts.index("_rules") + 1 :])
    if "rules" in parts:
        return "rules/" + "/".join(parts[len(parts) - parts[::-1].index("rules") :])
    return str(path)
