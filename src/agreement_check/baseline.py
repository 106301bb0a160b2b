"""Accepted findings for CI: a team records the gaps it has accepted, each with a reason,
and only new gaps fail the run.

An entry is keyed by the document's path, the rule and a fingerprint of the evidence
text (clause numbers and spacing left out), so it survives renumbering and reflowing but
not a change to the words themselves. Entries that no longer match any gap are stale.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml

from agreement_check.errors import UsageError
from agreement_check.output import write_atomic
from agreement_check.report import Finding, Report

VERSION = 1


def fingerprint(finding: Finding) -> str:
    """What identifies an accepted gap across edits: the rule and its evidence words, without clause numbers or spacing."""
    text = " ".join(e.text for e in finding.evidence) or "(no evidence)"
    text = re.sub(r"^\s*(?:\(?[0-9a-z]{1,4}[.)]\s*)+", "", text.lower())  # leading clause numbers
    text = re.sub(r"\s+", " ", re.sub(r"[^\w£%]+", " ", text)).strip()
    return hashlib.sha256(f"{finding.rule}|{text}".encode()).hexdigest()[:16]


def document_key(path: str) -> str:
    """A document's path as a baseline records it (forward slashes, no leading ./), so entries match on any system."""
    return Path(path).as_posix().removeprefix("./")


@dataclass(frozen=True)
class Entry:
    path: str
    rule: str
    fingerprint: str
    reason: str
    evidence: str = ""

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.path, self.rule, self.fingerprint)


@dataclass(frozen=True)
class Baseline:
    source: str
    entries: tuple[Entry, ...]

    @classmethod
    def load(cls, path: Path) -> Baseline:
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except (OSError, yaml.YAMLError) as exc:
            raise UsageError(f"cannot read baseline {path}: {exc}") from exc
        raw = data.get("accepted", []) if isinstance(data, dict) else None
        if not isinstance(raw, list):
            raise UsageError(f"baseline {path}: expected a mapping with an `accepted` list")
        entries, problems = [], []
        for i, item in enumerate(raw, start=1):
            entry = _entry(item)
            if entry is None:
                problems.append(f"entry {i}: needs path, rule, fingerprint and a non-empty reason")
            else:
                entries.append(entry)
        if problems:
            raise UsageError(f"baseline {path}: " + "; ".join(problems))
        return cls(str(path), tuple(entries))

    @cached_property
    def _reasons(self) -> dict[tuple[str, str, str], str]:
        """Each entry's reason by its key (the first entry wins, as a search in order would)."""
        reasons: dict[tuple[str, str, str], str] = {}
        for entry in self.entries:
            reasons.setdefault(entry.key, entry.reason)
        return reasons

    def reason_for(self, path: str, finding: Finding) -> str | None:
        """Why the team accepted this gap, or None; a lookup, not a search. `Report.accept`
        asks once per gap and marks the finding, so the reporters never ask."""
        return self._reasons.get((document_key(path), finding.rule, fingerprint(finding)))

    def stale(self, report: Report) -> list[Entry]:
        current = {
            (document_key(d.path), f.rule, fingerprint(f))
            for d in report.documents
            for f in d.findings
            if f.status == "gap"
        }
        return [e for e in self.entries if e.key not in current]


def _entry(item: Any) -> Entry | None:
    if not isinstance(item, dict):
        return None
    values = {k: str(item.get(k, "") or "").strip() for k in ("path", "rule", "fingerprint", "reason", "evidence")}
    if not all(values[k] for k in ("path", "rule", "fingerprint", "reason")):
        return None
    return Entry(**values)


def write_baseline(path: Path, report: Report, reason: str, previous: Baseline | None = None) -> int:
    """Record every current gap as accepted with `reason`, keeping the reasons already
    given for gaps that were accepted before. Returns the number of entries."""
    if not reason.strip():
        raise UsageError("a baseline needs a reason for accepting the findings (--reason)")
    kept = {e.key: e for e in (previous.entries if previous else ())}
    entries = []
    for doc in report.documents:
        for finding in doc.findings:
            if finding.status != "gap":
                continue
            key = (document_key(doc.path), finding.rule, fingerprint(finding))
            old = kept.get(key)
            entries.append(
                {
                    "path": key[0],
                    "rule": key[1],
                    "fingerprint": key[2],
                    "reason": old.reason if old else reason.strip(),
                    "evidence": (finding.evidence[0].text[:200] if finding.evidence else ""),
                }
            )
    header = "# Findings accepted by this team. Each needs a reason; only new gaps fail the run.\n"
    write_atomic(
        path,
        header
        + yaml.safe_dump({"version": VERSION, "accepted": entries}, sort_keys=False, allow_unicode=True, width=100),
    )
    return len(entries)
