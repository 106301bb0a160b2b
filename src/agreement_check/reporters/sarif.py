"""SARIF 2.1.0 for GitHub code scanning and other static-analysis dashboards.

One run; every rule of the packs used in `tool.driver.rules`; each gap (and each finding
to check by hand, as a note) a result located in the document, with the page and clause
in the region's snippet and properties. Met findings are left out. Documents that could
not be read are error notifications of the invocation, and notes on a document (a pattern
that took too long) warning notifications.

Artifact URIs are percent-encoded relative references that keep leading dots and `../`
(a hidden folder or a sibling is not the same file); characters XML 1.0 forbids are
dropped from every string, as dashboards commonly store SARIF text in XML.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import quote

from agreement_check import __version__
from agreement_check.report import DocumentResult, Finding, Report, RuleInfo
from agreement_check.reporters.common import SARIF_LEVEL, revision_note, where
from agreement_check.sanitize import xml_deep

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
INFO_URI = "https://github.com/agreement-check/agreement-check"


class SarifReporter:
    def render(self, report: Report) -> str:
        return json.dumps(xml_deep(self.build(report)), indent=2, ensure_ascii=False) + "\n"

    def build(self, report: Report) -> dict[str, Any]:
        used = {r.id for r in report.rulesets}
        rules = [info for rule_id, info in sorted(report.rules.items()) if rule_id.split("/")[0] in used]
        index = {info.id: i for i, info in enumerate(rules)}
        results = [
            _result(doc, finding, index, report)
            for doc in report.documents
            for finding in doc.findings
            if finding.status in {"gap", "review"}
        ]
        errors = [_notification(doc) for doc in report.documents if doc.status == "error"]
        notes = [_note(doc, warning) for doc in report.documents for warning in doc.warnings]
        notes += [  # a gap the pending changes would close has no result: say so beside the warnings
            _note(doc, f"{finding.rule}: {revision_note(finding)}")
            for doc in report.documents
            for finding in doc.findings
            if finding.revisions is not None and finding.status not in {"gap", "review"}
        ]
        return {
            "$schema": SCHEMA_URI,
            "version": "2.1.0",
            "runs": [
                {
                    "tool": {
                        "driver": {
                            "name": "agreement-check",
                            "version": __version__,
                            "semanticVersion": __version__,
                            "informationUri": INFO_URI,
                            "rules": [_rule(info) for info in rules],
                        }
                    },
                    "invocations": [{"executionSuccessful": not errors, "toolExecutionNotifications": errors + notes}],
                    "results": results,
                    "columnKind": "unicodeCodePoints",
                }
            ],
        }


def _rule(info: RuleInfo) -> dict[str, Any]:
    help_text = f"{info.description}\n\nCommitment ({info.commitment_ref}): {info.commitment_quote}\n\nWhat to ask for: {info.suggestion}"
    return {
        "id": info.id,
        "name": "".join(part.capitalize() for part in info.id.split("/")[-1].split("-")),
        "shortDescription": {"text": info.title},
        "fullDescription": {"text": info.description},
        "help": {
            "text": help_text,
            "markdown": f"{info.description}\n\n> {info.commitment_quote}\n>\n> — {info.reference}\n\n**What to ask for:** {info.suggestion}",
        },
        "defaultConfiguration": {"level": SARIF_LEVEL.get(info.severity, "warning")},
        "properties": {"commitment": info.commitment_ref, "reference": info.reference, "tags": [info.id.split("/")[0]]},
    }


def _uri(path: str) -> str:
    """`path` as a URI reference: `file:///...` when absolute, else relative (`../x`,
    `.github/x`), with anything but unreserved characters and `/` percent-encoded."""
    posix = PurePosixPath(path)
    if posix.is_absolute():
        return "file://" + quote(posix.as_posix(), safe="/")
    return quote(posix.as_posix(), safe="/")


def _result(doc: DocumentResult, finding: Finding, index: dict[str, int], report: Report) -> dict[str, Any]:
    location: dict[str, Any] = {
        "physicalLocation": {"artifactLocation": {"uri": _uri(doc.path)}, "region": {"startLine": 1}}
    }
    properties: dict[str, Any] = {"status": finding.status}
    if finding.evidence:
        first = finding.evidence[0]
        location["physicalLocation"]["region"]["snippet"] = {"text": first.text}
        location["message"] = {"text": where(finding)}
        for key in ("page", "clause"):
            value = getattr(first.location, key)
            if value is not None:
                properties[key] = value
    if finding.values:
        properties["values"] = finding.values
    if finding.revisions is not None:
        properties["revisions"] = finding.revisions.to_dict()
    fingerprint = hashlib.sha256(
        f"{finding.rule}|{finding.evidence[0].text if finding.evidence else ''}".encode()
    ).hexdigest()[:32]
    result: dict[str, Any] = {
        "ruleId": finding.rule,
        "level": SARIF_LEVEL.get(finding.severity, "warning") if finding.status == "gap" else "note",
        "message": {"text": " ".join(t for t in (finding.message, revision_note(finding)) if t)},
        "locations": [location],
        "partialFingerprints": {"agreementCheck/v1": fingerprint},
        "properties": properties,
    }
    if finding.rule in index:
        result["ruleIndex"] = index[finding.rule]
    reason = finding.accepted
    if reason is not None:
        result["suppressions"] = [{"kind": "external", "justification": reason}]
    return result


def _notification(doc: DocumentResult) -> dict[str, Any]:
    return {
        "level": "error",
        "message": {"text": f"{doc.path}: {doc.error_code}: {doc.error_message}"},
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(doc.path)}}}],
        "descriptor": {"id": doc.error_code or "error"},
    }


def _note(doc: DocumentResult, warning: str) -> dict[str, Any]:
    return {
        "level": "warning",
        "message": {"text": f"{doc.path}: {warning}"},
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(doc.path)}}}],
        "descriptor": {"id": "note"},
    }
