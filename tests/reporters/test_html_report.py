"""The HTML batch report's content: identical documents share a row, gaps are counted by
severity, and the funder's notice, overheads and funding period have their own columns."""

from __future__ import annotations

from dataclasses import replace

import lxml.html

from agreement_check.report import Report
from agreement_check.reporters import get_reporter
from tests.reporters.batch import forty


def table(html: str) -> list[list[str]]:
    page = lxml.html.fromstring(html)
    rows = page.xpath("//table[contains(@class, 'batch')][1]/tbody/tr")
    return [[" ".join(cell.text_content().split()) for cell in row] for row in rows]


def test_one_row_per_distinct_document_with_its_facts_and_counts(report: Report) -> None:
    html = get_reporter("html").render(forty(report))
    rows = table(html)
    assert len(rows) == 39  # forty files, two of them identical
    first = next(r for r in rows if r[0].startswith("agreement-00.txt"))
    assert "identical: agreement-00-copy.txt" in first[0]
    by_name = {r[0].split()[0]: r for r in rows}
    good, short = by_name["agreement-00.txt"], by_name["agreement-01.txt"]
    assert good[1:7] == ["0", "0", "0", "6 months", "allowed", "24 months"]
    assert short[1:5] == ["2", "0", "0", "1 month"]  # notice and mediation: both errors
    assert len(good) == 1 + 6 + 13  # one narrow column per rule of the pack
    assert "Documents in <code>commissioned</code>" in html


def test_summary_and_rows_count_error_and_warning_gaps_apart(report: Report) -> None:
    batch = forty(report)
    third = batch.documents[2]
    warned = tuple(replace(f, status="gap") if f.severity == "warning" else f for f in third.findings)
    batch = replace(batch, documents=(*batch.documents[:2], replace(third, findings=warned), *batch.documents[3:]))
    html = get_reporter("html").render(batch)
    summary = " ".join(lxml.html.fromstring(html).xpath("//p[@class='summary']")[0].text_content().split())
    assert "41 documents: 40 checked (1 identical to another and shown once), 1 could not be read." in summary
    warnings = sum(f.severity == "warning" for f in warned)
    # 19 short notices, 2 errors each
    assert f"{38 + warnings} gaps: 38 high priority, {warnings} medium or low" in summary
    row = next(r for r in table(html) if r[0] == "agreement-02.txt")
    assert row[1:3] == ["0", str(warnings)]


def test_each_group_of_identical_documents_has_one_section(report: Report) -> None:
    page = lxml.html.fromstring(get_reporter("html").render(forty(report)))
    sections = page.xpath("//div[@id='details']/section")
    assert len(sections) == 39
    assert any("Identical to agreement-00-copy.txt" in s.text_content() for s in sections)


def test_a_batch_prints_the_table_alone_unless_asked_and_a_single_document_in_full(report: Report) -> None:
    batch = lxml.html.fromstring(get_reporter("html").render(forty(report)))
    assert batch.xpath("//input[@id='print-details']/@checked") == []
    small = lxml.html.fromstring(get_reporter("html").render(report))
    assert small.xpath("//input[@id='print-details']/@checked") == ["checked"]


def test_a_pack_without_those_values_has_no_fact_columns(report: Report) -> None:
    stripped = replace(
        report,
        documents=tuple(
            replace(d, findings=tuple(replace(f, values={}) for f in d.findings)) for d in report.documents
        ),
    )
    headers = lxml.html.fromstring(get_reporter("html").render(stripped)).xpath("//table//thead//th")
    assert not [h for h in headers if "notice" in h.text_content().lower() and "termination" not in h.text_content()]


def test_a_document_that_is_not_an_agreement_is_not_called_unreadable(report: Report) -> None:
    documents = tuple(replace(d, error_code="not-an-agreement") if d.status == "error" else d for d in report.documents)
    page = lxml.html.fromstring(get_reporter("html").render(replace(report, documents=documents)))
    summary = " ".join(page.xpath("//p[@class='summary']")[0].text_content().split())
    assert "1 not an agreement" in summary and "could not be read" not in summary
    assert "was not checked" in page.xpath("//h2[@id='errors']/following-sibling::ul")[0].text_content()
