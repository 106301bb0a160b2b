"""References to other clauses: which ones invoke their circumstances."""

from __future__ import annotations

from agreement_check.nlp.context import DocumentContext
from agreement_check.nlp.crossrefs import ClauseIndex, referenced_clauses
from agreement_check.parsers.text_reader import document_from_text


def test_references_that_invoke_circumstances() -> None:
    assert referenced_clauses("in the circumstances described in clause 11.3(c)") == ["11.3(c)"]
    assert referenced_clauses("under clause 7 or in accordance with paragraph 4.2") == ["7", "4.2"]
    assert referenced_clauses("Clauses 19 to 21 do not apply") == []


def test_a_clause_and_its_sub_clauses() -> None:
    ctx = DocumentContext(document_from_text("4. Ending\n\n4.1 First.\n\n4.2 Second.\n\n5. Other."))
    index = ClauseIndex(ctx.units, {b.index: b.location.clause for b in ctx.document.blocks})
    assert [u.text for u in index.units_of("4")][-2:] == ["4.1 First.", "4.2 Second."]
    assert [u.text for u in index.units_of("4.2")] == ["4.2 Second."]
