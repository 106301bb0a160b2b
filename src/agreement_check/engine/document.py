"""The one-document check: a document that has been read, and the configured packs, in;
its result (the chosen pack and one finding per rule, or why it was not checked) out."""

from __future__ import annotations

from pathlib import Path

from agreement_check.engine.packs import choose_pack
from agreement_check.engine.revisions import compare_readings
from agreement_check.engine.run import check_document
from agreement_check.errors import DocumentError
from agreement_check.model import Document
from agreement_check.nlp.context import DocumentContext
from agreement_check.report import DocumentResult, RuleInfo
from agreement_check.ruleset import Pack
from agreement_check.ruleset.rule import Rule


def check_read(path: Path, document: Document, packs: dict[str, Pack], pack: str) -> DocumentResult:
    """Choose the pack (`pack`, or "auto"), then decide each of its rules on `document`."""
    try:
        choice = choose_pack(document, packs, pack)
    except DocumentError as exc:  # not-an-agreement: read, but not checked
        return unreadable(path, exc)
    ctx = DocumentContext(document)
    findings = check_document(document, choice.pack, ctx)
    if document.original is not None:  # pending tracked changes: check the original text too
        findings = compare_readings(findings, document, check_document(document.original, choice.pack))
    return DocumentResult(
        path=str(path),
        status="checked",
        sha256=document.sha256,
        pack=choice.pack.id,
        findings=tuple(findings),
        pack_reason=choice.reason,
        warnings=tuple(document.warnings + ctx.warnings),
        parties=ctx.party_names.to_dict(),
    )


def unreadable(path: Path, exc: DocumentError) -> DocumentResult:
    """The error entry for a document that could not be read or was not an agreement."""
    return DocumentResult.error(str(path), exc.code, exc.message)


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
            headings=rule_headings(rule),
        )
        for pack in packs.values()
        for rule in pack.rules
    }


def rule_headings(rule: Rule) -> tuple[tuple[str, str], ...]:
    """(status, heading) for each status the rule file names a heading for."""
    spec = rule.spec
    pairs = (("gap", spec.gap_title), ("met", spec.met_title), ("review", spec.review_title))
    return tuple((status, text) for status, text in pairs if text)
