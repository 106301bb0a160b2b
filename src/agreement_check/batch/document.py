"""The job one worker does for one file: read it (or find its result in the cache), run
the one-document check, and make its marked-up copy from the same reading. Also the
packs a check's options configure, built once per process and inherited by forked
workers."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

from agreement_check.annotate.copy import with_marked_copy
from agreement_check.batch.cache import ResultCache, file_digest
from agreement_check.batch.options import CheckOptions
from agreement_check.engine.document import check_read, rule_infos, unreadable
from agreement_check.errors import DocumentError
from agreement_check.model import Document
from agreement_check.parsers import read_document, read_for_copy
from agreement_check.report import DocumentResult
from agreement_check.ruleset import Pack, load_packs
from agreement_check.ruleset.selection import select_rules

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
        return unreadable(path, exc)
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
    cache = ResultCache(options.cache, cache_fingerprint(packs, options)) if options.cache else None
    digest = (document.sha256 if document else file_digest(path)) if cache else None
    if cache and digest:
        cached = cache.get(path, digest)
        if cached is not None:
            return cached
    if document is None:
        try:
            document = read_document(path, options.parse, sha256=digest)
        except DocumentError as exc:
            return unreadable(path, exc)
    result = check_read(path, document, packs, options.pack)
    if cache and digest:
        cache.put(digest, result)
    return result


def cache_fingerprint(packs: dict[str, Pack], options: CheckOptions) -> str:
    """What besides a file's bytes decides its result: a Dask sweep keeps its cache on the
    client, so it builds the same key as a local worker."""
    versions = ",".join(f"{p.id}@{p.spec.version}:{len(p.rules)}" for p in sorted(packs.values(), key=lambda p: p.id))
    rules = ",".join(str(r) for r in options.rules)
    return f"{versions}|{options.pack}|{options.parse.revisions}|{options.parse.pdf_engine}|ocr={options.parse.ocr}|{rules}|{options.severity}"


def needs_fresh_worker(result: DocumentResult) -> bool:
    """After a timeout or running out of memory (reading, or making the copy) a worker may
    be in a poor state: it stops, and the supervisor starts another."""
    copy_code = result.marked_copy.error_code if result.marked_copy else None
    return result.error_code in {"timeout", "too-large"} or copy_code == "too-large"


def display_path(path: Path | str) -> str:
    """A path fit for any output: bytes that are not UTF-8 are shown escaped."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")
