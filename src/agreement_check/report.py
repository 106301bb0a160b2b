"""The report: one frozen record per finding, per document and per run.

`Report.to_dict()` is the JSON contract of the spec; every other format is rendered
from the same objects, so no reporter can disagree with the JSON.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from typing import Any, Protocol

from agreement_check import __version__
from agreement_check.codes import SEVERITY_RANK, DocumentStatus, ErrorCode, Severity, Status
from agreement_check.model import Location


@dataclass(frozen=True)
class Evidence:
    text: str
    location: Location

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "location": self.location.to_dict()}

    @classmethod
    def from_cache(cls, data: dict[str, Any]) -> Evidence:
        loc = dict(data["location"])
        loc["heading"] = tuple(loc.get("heading", ()))
        return cls(text=data["text"], location=Location(**loc))


@dataclass(frozen=True)
class Change:
    """A pending tracked change inside a finding's evidence (in either reading)."""

    kind: str  # insertion | deletion | move
    author: str
    date: str
    text: str
    location: Location
    ordinals: tuple[int, ...] = ()  # its elements in the DOCX body, for the marked-up copy

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "author": self.author,
            "date": self.date,
            "text": self.text,
            "location": self.location.to_dict(),
        }

    @classmethod
    def from_cache(cls, data: dict[str, Any]) -> Change:
        fields = dict(data)
        fields["location"] = Evidence.from_cache({"text": "", "location": data["location"]}).location
        fields["ordinals"] = tuple(data.get("ordinals", ()))
        return cls(**fields)


@dataclass(frozen=True)
class Revisions:
    """What a finding would be in the original text (before the pending tracked changes),
    and the changes that make the difference."""

    status: str
    values: dict[str, Any]
    evidence: tuple[Evidence, ...]
    changes: tuple[Change, ...]

    def effect(self, now: str) -> str:
        """'opens' when the changes make a gap, 'closes' when they close one, else 'alters'."""
        if now == "gap" and self.status != "gap":
            return "opens"
        if self.status == "gap" and now != "gap":
            return "closes"
        return "alters"

    def to_dict(self) -> dict[str, Any]:
        return {
            "original": {
                "status": self.status,
                "values": dict(self.values),
                "evidence": [e.to_dict() for e in self.evidence],
            },
            "changes": [c.to_dict() for c in self.changes],
        }

    @classmethod
    def from_cache(cls, data: dict[str, Any]) -> Revisions:
        return cls(
            status=data["status"],
            values=dict(data["values"]),
            evidence=tuple(Evidence.from_cache(e) for e in data["evidence"]),
            changes=tuple(Change.from_cache(c) for c in data["changes"]),
        )


@dataclass(frozen=True)
class Finding:
    rule: str
    status: Status
    severity: Severity
    message: str
    reference: str
    evidence: tuple[Evidence, ...] = ()
    values: dict[str, Any] = field(default_factory=dict)
    suggestion: str = ""
    edit: str = "insert"  # for --suggest-edits: add the wording, or replace the evidence with it
    heading: str = ""  # what this status means in words: "No six months' notice ..." for a gap
    revisions: Revisions | None = None  # what the original text gives, when pending changes alter this finding
    # Why the team's baseline accepts this gap; set once, by `Report.accept`, and read by
    # every reporter and the exit code. Not part of the JSON report, nor of a cached result.
    accepted: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "rule": self.rule,
            "status": self.status,
            "severity": self.severity,
            "message": self.message,
            "reference": self.reference,
            "evidence": [e.to_dict() for e in self.evidence],
            "values": dict(self.values),
        }
        if self.status in {"gap", "review"} and self.suggestion:
            out["suggestion"] = self.suggestion
        if self.heading:
            out["heading"] = self.heading
        if self.revisions is not None:
            out["revisions"] = self.revisions.to_dict()
        return out

    def to_cache_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["evidence"] = [asdict(e) for e in self.evidence]
        data.pop("accepted")  # a property of this run's baseline, not of the document
        return data

    @classmethod
    def from_cache(cls, data: dict[str, Any]) -> Finding:
        fields = dict(data)
        fields["evidence"] = tuple(Evidence.from_cache(e) for e in data["evidence"])
        if data.get("revisions") is not None:
            fields["revisions"] = Revisions.from_cache(data["revisions"])
        return cls(**fields)


@dataclass(frozen=True)
class RuleInfo:
    """What reporters show about a rule beside its findings."""

    id: str
    title: str
    severity: Severity
    description: str
    commitment_ref: str
    commitment_quote: str
    reference: str
    suggestion: str
    source: str = "The Compact"
    section: tuple[str, ...] = ()
    headings: tuple[tuple[str, str], ...] = ()  # (status, heading) from the rule's gap_title, met_title...

    def heading(self, status: str) -> str:
        """The heading a finding of this status is shown under: a gap says what is missing
        or wrong, met what is there; the rule's title where the rule gives none."""
        return dict(self.headings).get(status, self.title)


@dataclass(frozen=True)
class MarkedCopy:
    """The marked-up copy of one document: where it was written and in which format, or
    the stable code and one-line message of why it could not be made."""

    path: str | None = None
    format: str | None = None  # docx | pdf
    error_code: ErrorCode | None = None
    error_message: str | None = None

    def warning(self) -> str:
        return f"No marked-up copy was made ({self.error_code}): {self.error_message}"


@dataclass(frozen=True)
class DocumentResult:
    path: str
    status: DocumentStatus
    sha256: str | None = None
    pack: str | None = None
    findings: tuple[Finding, ...] = ()
    error_code: ErrorCode | None = None
    error_message: str | None = None
    pack_reason: str = ""
    warnings: tuple[str, ...] = ()
    marked_copy: MarkedCopy | None = None  # asked for with the check; never cached
    parties: dict[str, Any] = field(default_factory=dict)  # how the document names its sides (PartyNames)

    @classmethod
    def error(cls, path: str, code: ErrorCode, message: str) -> DocumentResult:
        """The entry for a document that was not checked: its stable code and a one-line
        message. Every error entry (unreadable, not an agreement, stopped, crashed) is
        built here."""
        return cls(path=path, status="error", error_code=code, error_message=message)

    def gaps(self) -> list[Finding]:
        return [f for f in self.findings if f.status == "gap"]

    def with_path(self, path: str) -> DocumentResult:
        return replace(self, path=path)

    def to_cache_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["findings"] = [f.to_cache_dict() for f in self.findings]
        data.pop("marked_copy", None)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DocumentResult:
        fields = dict(data)
        fields.pop("marked_copy", None)
        fields["findings"] = tuple(Finding.from_cache(f) for f in data.get("findings", ()))
        fields["warnings"] = tuple(data.get("warnings", ()))
        return cls(**fields)

    def to_dict(self) -> dict[str, Any]:
        if self.status == "error":
            return {
                "path": self.path,
                "status": "error",
                "error": {"code": self.error_code, "message": self.error_message},
            }
        out: dict[str, Any] = {
            "path": self.path,
            "sha256": self.sha256,
            "status": "checked",
            "pack": self.pack,
            "findings": [f.to_dict() for f in self.findings],
        }
        if self.warnings:  # notes such as "a pattern took too long": the findings may be incomplete
            out["warnings"] = list(self.warnings)
        if self.parties:
            out["parties"] = dict(self.parties)
        return out


@dataclass(frozen=True)
class Ruleset:
    id: str
    version: str
    source: str
    title: str = ""


class Acceptance(Protocol):
    """Accepted gaps (a team's baseline): `Report.accept` asks it once per gap whether the
    gap is accepted, and never needs to know how it is stored."""

    def reason_for(self, path: str, finding: Finding) -> str | None: ...


SKIP_REASONS = {
    "unsupported-type": "not a type of file agreement-check reads",
    "lock-file": "a temporary lock file that Word or LibreOffice keeps while a document is open",
    "own-output": "written by agreement-check (a report or a marked-up copy)",
    "hidden": "hidden (its name starts with a dot)",
    "excluded": "left out by --include or --exclude",
    "link": "a link (links inside folders are not followed)",
    "not-a-file": "not a regular file",
}


@dataclass(frozen=True)
class Skipped:
    """A file a folder walk passed over, and why, as a stable code (`SKIP_REASONS`):
    every file in a folder is either checked or named here."""

    path: str
    reason: str

    def describe(self) -> str:
        return SKIP_REASONS.get(self.reason, self.reason)

    def to_dict(self) -> dict[str, str]:
        return {"path": self.path, "reason": self.reason}


@dataclass(frozen=True)
class Report:
    documents: tuple[DocumentResult, ...]
    rulesets: tuple[Ruleset, ...]
    rules: dict[str, RuleInfo] = field(default_factory=dict)
    skipped: tuple[Skipped, ...] = ()  # files the folder walks passed over, in path order

    def accept(self, baseline: Acceptance) -> Report:
        """This report with every gap the baseline accepts marked with its reason
        (`Finding.accepted`). The baseline is asked once per gap, here, so the reporters
        and the exit code all read the same answer and none looks it up again."""
        return replace(self, documents=tuple(_accepted(doc, baseline) for doc in self.documents))

    def summary(self) -> dict[str, int]:
        checked = [d for d in self.documents if d.status == "checked"]
        return {
            "documents": len(self.documents),
            "checked": len(checked),
            "errors": len(self.documents) - len(checked),
            "gaps": sum(1 for d in checked for f in d.findings if f.status == "gap"),
            "review": sum(1 for d in checked for f in d.findings if f.status == "review"),
        } | ({"skipped": len(self.skipped)} if self.skipped else {})

    def to_dict(self) -> dict[str, Any]:
        return {
            "tool": {"name": "agreement-check", "version": __version__},
            "rulesets": [{"id": r.id, "version": r.version, "source": r.source} for r in self.rulesets],
            "documents": [d.to_dict() for d in self.documents],
            "summary": self.summary(),
        } | ({"skipped": [s.to_dict() for s in self.skipped]} if self.skipped else {})

    def has_gap_at(self, severity: str) -> bool:
        """A gap at or above `severity` that the baseline does not accept."""
        floor = SEVERITY_RANK[severity]
        return any(
            f.status == "gap" and SEVERITY_RANK.get(f.severity, 2) >= floor and f.accepted is None
            for d in self.documents
            for f in d.findings
        )

    def has_errors(self) -> bool:
        return any(d.status == "error" for d in self.documents)


def _accepted(doc: DocumentResult, baseline: Acceptance) -> DocumentResult:
    """The document with each gap the baseline accepts carrying the baseline's reason."""
    findings = tuple(
        replace(f, accepted=baseline.reason_for(doc.path, f)) if f.status == "gap" else f for f in doc.findings
    )
    return replace(doc, findings=findings)
