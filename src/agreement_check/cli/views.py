"""Plain-text views of a parsed document and of a rule, for `extract` and `rules show`.

Document text and file names go through `reporters.sanitize` before they are printed: a
document may carry escape sequences or CI workflow commands, and they must be shown, not
obeyed."""

from __future__ import annotations

import textwrap
from pathlib import Path

from agreement_check.batch.document import display_path
from agreement_check.model import Document
from agreement_check.nlp.context import DocumentContext
from agreement_check.ruleset.rule import Rule
from agreement_check.sanitize import file_name, json_dumps, terminal


def extract_text(document: Document) -> str:
    """What `extract` prints: one block per line with its location."""
    lines = [
        f"# {file_name(document.path)} ({document.format}, {len(document.blocks)} blocks"
        + (f", {document.pages} pages" if document.pages else "")
        + ")"
    ]
    lines += [f"# warning: {terminal(w)}" for w in document.warnings]
    for block in document.blocks:
        loc = block.location
        where = [f"#{loc.block}", block.kind]
        if loc.page is not None:
            where.append(f"p{loc.page}")
        if loc.clause:
            where.append(f"cl {terminal(loc.clause)}")
        if loc.table is not None:
            where.append(f"t{loc.table + 1} r{(loc.row or 0) + 1} c{(loc.column or 0) + 1}")
        label = f"{block.number} " if block.number and not block.text.startswith(block.number) else ""
        text = terminal((label + block.text).replace("\n", " / "))
        lines.append(f"[{' '.join(where)}] {text}")
    return "\n".join(lines) + "\n"


def provisions_text(document: Document) -> str:
    """One provision per line with its clause: what the checker understood."""
    ctx = DocumentContext(document)
    lines = [
        f"# {file_name(document.path)}: {len(ctx.provisions)} provisions (actor modality action; reasons; timing; periods)"
    ]
    for provision in ctx.provisions:
        unit = ctx.units[provision.unit]
        where = terminal(ctx.document.blocks[unit.block].location.describe())
        quote = " ".join(terminal(unit.context_text).split())
        quote = quote if len(quote) <= 110 else quote[:109] + "…"
        lines.append(f"[{where}] {provision.describe()}  «{quote}»")
    return "\n".join(lines) + "\n"


def extract_json(documents: list[Document], provisions: bool) -> str:
    """`extract --format json`: the blocks (or provisions) of each document."""
    return json_dumps([provisions_json(d) if provisions else d.to_dict() for d in documents])


def extract_error(path: Path, code: str, message: str) -> str:
    """The line `extract` prints for a file it cannot read; the name comes from the user's disk."""
    return f"{file_name(display_path(path))}: error {code}: {terminal(message)}"


def provisions_json(document: Document) -> dict[str, object]:
    """The provisions the checker read in a document, for `extract --provisions --format json`."""
    ctx = DocumentContext(document)
    out = []
    for p in ctx.provisions:
        unit = ctx.units[p.unit]
        out.append(
            {
                "location": ctx.document.blocks[unit.block].location.to_dict(),
                "actor": p.actor,
                "modality": p.modality,
                "action": p.action,
                "reasons": sorted(p.reasons),
                "exceptions": sorted(p.exceptions),
                "timing": sorted(p.timing),
                "periods": [{"role": x.role, "period": x.duration.iso, "days": x.duration.days} for x in p.periods],
                "text": unit.context_text,
            }
        )
    return {"path": document.path, "provisions": out}


def rule_text(rule: Rule) -> str:
    """What `rules show` prints: what a rule checks, the commitment behind it and the wording to ask for."""
    spec = rule.spec

    def wrap(text: str) -> str:
        return textwrap.fill(" ".join(text.split()), 88, initial_indent="  ", subsequent_indent="  ")

    out = [
        f"{spec.id}  ({spec.severity})",
        spec.title,
        *([f"Reported as: {_headings(spec)}"] if _headings(spec) else []),
        "",
        "What it checks:",
        wrap(spec.description),
        "",
        f"The commitment ({spec.reference}):",
        wrap(f"“{spec.commitment.quote}”"),
        "",
        "Wording to ask for when it is missing:",
        wrap(spec.suggestion),
        "",
        "Examples:",
    ]
    for example in spec.examples:
        note = f" ({example.note})" if example.note else ""
        out.append(f"  [{example.status}]{note}")
        out.append(textwrap.indent(textwrap.fill(" ".join(example.text.split()), 84), "      "))
    out.append(f"\nDefined in {rule.source}")
    return "\n".join(out)


def _headings(spec) -> str:  # type: ignore[no-untyped-def]
    """'gap: “No …”; met: “…”': the heading each status of a rule is reported under."""
    pairs = [("gap", spec.gap_title), ("to check", spec.review_title), ("met", spec.met_title)]
    return "; ".join(f"{label}: “{text}”" for label, text in pairs if text)


def rules_markdown(packs) -> str:  # type: ignore[no-untyped-def]
    """The rule reference, generated from the rule files (docs/rules.md)."""
    out = [
        "# Rule reference",
        "",
        "Generated from the rule files by `agreement-check rules docs`; do not edit by hand.",
        "",
    ]
    for pack in packs.values():
        spec = pack.spec
        out += [f"## {spec.title} (`{spec.id}` {spec.version})", "", " ".join(spec.description.split()), ""]
        out += ["| rule | severity | what it checks |", "| --- | --- | --- |"]
        for rule in pack.rules:
            out.append(
                f"| [`{rule.id}`](#{rule.id.replace('/', '').lower()}) | {rule.spec.severity} | {rule.spec.title} |"
            )
        out.append("")
        for rule in pack.rules:
            r = rule.spec
            out += [f"### {rule.id}", "", f"**{r.title}** ({r.severity})", "", " ".join(r.description.split()), ""]
            headings = _headings(r)
            if headings:
                out += [f"Reported as: {headings}", ""]
            out += [f"> {' '.join(r.commitment.quote.split())}", ">", f"> — {r.reference}", ""]
            out += [f"What to ask for: {' '.join(r.suggestion.split())}", "", "Examples:", ""]
            for example in r.examples:
                note = f" ({example.note})" if example.note else ""
                out.append(f"- `{example.status}`{note}: {' '.join(example.text.split())}")
            out.append("")
    return "\n".join(out).rstrip() + "\n"
