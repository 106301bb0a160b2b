"""JUnit XML, for CI systems that show test results: one testsuite per document, one
testcase per rule; gaps are failures, documents that could not be read are errors, and
findings a team has accepted are skipped with the reason. Notes on a document (a pattern
that took too long) are the suite's `system-err`. Characters XML 1.0 forbids are dropped
from every text and attribute, so a hostile document cannot make the file unreadable."""

from __future__ import annotations

from xml.etree import ElementTree as ET

from agreement_check.report import DocumentResult, Report
from agreement_check.reporters.common import revision_note
from agreement_check.sanitize import xml


class JunitReporter:
    def render(self, report: Report) -> str:
        suites = ET.Element("testsuites", name="agreement-check")
        totals = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
        for doc in report.documents:
            suite = self._suite(doc, report)
            suites.append(suite)
            for key in totals:
                totals[key] += int(suite.get(key, "0"))
        for key, value in totals.items():
            suites.set(key, str(value))
        _clean(suites)
        ET.indent(suites)
        return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"

    def _suite(self, doc: DocumentResult, report: Report) -> ET.Element:
        suite = ET.Element("testsuite", name=doc.path)
        if doc.status == "error":
            case = ET.SubElement(suite, "testcase", name="read document", classname=doc.path)
            error = ET.SubElement(case, "error", type=doc.error_code or "error", message=doc.error_message or "")
            error.text = f"{doc.error_code}: {doc.error_message}"
            suite.set("tests", "1")
            suite.set("errors", "1")
            return suite
        failures = skipped = 0
        for finding in doc.findings:
            case = ET.SubElement(suite, "testcase", name=finding.rule, classname=f"{doc.pack}.{_stem(doc.path)}")
            reason = finding.accepted
            if finding.status == "gap" and reason is None:
                failures += 1
                message = " ".join(t for t in (finding.message, revision_note(finding)) if t)
                failure = ET.SubElement(case, "failure", type=finding.severity, message=message)
                failure.text = _details(finding)
            elif finding.status == "gap" or finding.status == "not-applicable":
                skipped += 1
                message = f"accepted: {reason}" if reason else "not applicable"
                ET.SubElement(case, "skipped", message=message)
            elif finding.status == "review":
                ET.SubElement(case, "system-out").text = f"To check by hand: {finding.message}\n{_details(finding)}"
            elif finding.revisions is not None:  # met now; the pending changes closed a gap
                ET.SubElement(case, "system-out").text = revision_note(finding)
        if doc.warnings:
            ET.SubElement(suite, "system-err").text = "\n".join(f"Note: {w}" for w in doc.warnings)
        suite.set("tests", str(len(doc.findings)))
        suite.set("failures", str(failures))
        suite.set("errors", "0")
        suite.set("skipped", str(skipped))
        return suite


def _details(finding) -> str:  # type: ignore[no-untyped-def]
    lines = [finding.message]
    if finding.revisions is not None:
        lines.append(revision_note(finding))
    for evidence in finding.evidence:
        lines.append(f"“{evidence.text}” ({evidence.location.describe()})")
    if finding.suggestion:
        lines.append(f"What to ask for: {finding.suggestion}")
    lines.append(finding.reference)
    return "\n".join(lines)


def _clean(root: ET.Element) -> None:
    for element in root.iter():
        element.text = xml(element.text) if element.text else element.text
        element.tail = xml(element.tail) if element.tail else element.tail
        for key, value in element.attrib.items():
            element.set(key, xml(value))


def _stem(path: str) -> str:
    return path.replace("\\", "/").rsplit("/", 1)[-1]
