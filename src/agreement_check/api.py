"""The one entry point for checking agreements: the CLI, the web page and tests call
`check()`; everything else is an implementation detail behind it."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from agreement_check.context import DocumentContext
from agreement_check.engine.packs import choose_pack
from agreement_check.engine.run import check_document
from agreement_check.errors import DocumentError
from agreement_check.parsers import ParseOptions, read_document
from agreement_check.report import DocumentResult, Report, RuleInfo, Ruleset
from agreement_check.ruleset import Pack, load_packs

SUPPORTED_SUFFIXES = {".docx", ".pdf", ".txt", ".md"}


@dataclass(frozen=True)
class CheckOptions:
    pack: str = "auto"
    rules: tuple[Path, ...] = ()
    parse: ParseOptions = field(default_factory=ParseOptions)


@dataclass
class Collected:
    files: list[Path]
    skipped: int = 0


def collect(paths: Iterable[str | Path]) -> Collected:
    """Files named directly, and supported files found in folders (recursively, sorted).
    Hidden files, Word lock files and other types inside folders are skipped and counted."""
    out = Collected([])
    seen: set[Path] = set()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for root, dirs, files in os.walk(path, followlinks=False):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    candidate = Path(root) / name
                    if _wanted(candidate):
                        _add(candidate, out, seen)
                    else:
                        out.skipped += 1
        else:
            _add(path, out, seen)
    out.files.sort(key=lambda p: str(p))
    return out


def _wanted(path: Path) -> bool:
    name = path.name
    return not name.startswith((".", "~$")) and path.suffix.lower() in SUPPORTED_SUFFIXES and not path.is_symlink()


def _add(path: Path, out: Collected, seen: set[Path]) -> None:
    key = path.resolve() if path.exists() else path
    if key not in seen:
        seen.add(key)
        out.files.append(path)


def check(paths: Iterable[str | Path], options: CheckOptions | None = None) -> Report:
    options = options or CheckOptions()
    packs = load_packs(list(options.rules))
    collected = collect(paths)
    results = [check_file(path, packs, options) for path in collected.files]
    return build_report(results, packs)


def check_file(path: Path, packs: dict[str, Pack], options: CheckOptions) -> DocumentResult:
    try:
        document = read_document(path, options.parse)
    except DocumentError as exc:
        return DocumentResult(path=str(path), status="error", error_code=exc.code, error_message=exc.message)
    choice = choose_pack(document, packs, options.pack)
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


def build_report(results: list[DocumentResult], packs: dict[str, Pack]) -> Report:
    used = sorted({r.pack for r in results if r.pack}) or sorted(packs)
    rulesets = tuple(
        Ruleset(id=p, version=packs[p].spec.version, source=_source(packs[p]), title=packs[p].spec.title) for p in used
    )
    rules = {
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
        )
        for pack in packs.values()
        for rule in pack.rules
    }
    return Report(documents=tuple(results), rulesets=rulesets, rules=rules)


def _source(pack: Pack) -> str:
    path = Path(pack.source).parent
    parts = path.parts
    if "_rules" in parts:
        return "rules/" + "/".join(parts[parts.index("_rules") + 1 :])
    if "rules" in parts:
        return "rules/" + "/".join(parts[len(parts) - parts[::-1].index("rules") :])
    return str(path)
