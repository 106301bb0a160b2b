from __future__ import annotations

from pathlib import Path

from agreement_check.api import CheckOptions, check
from agreement_check.engine.packs import choose_pack
from agreement_check.engine.run import check_document
from agreement_check.nlp.context import DocumentContext
from agreement_check.parsers import read_document
from agreement_check.parsers.text_reader import document_from_text
from agreement_check.ruleset import load_packs


def test_one_finding_per_rule_in_pack_order() -> None:
    pack = load_packs()["leeds-compact"]
    findings = check_document(document_from_text("The Grant is £5,000."), pack)
    assert [f.rule for f in findings] == [r.id for r in pack.rules]


def test_the_mediation_gap_quotes_a_clause_that_makes_the_funders_decision_final() -> None:
    text = (
        "We have both adopted the Compact for Leeds.\n\n"
        "If we disagree about this grant, our Director will decide, and that decision is final."
    )
    pack = load_packs()["leeds-compact"]
    finding = next(f for f in check_document(document_from_text(text), pack) if f.rule.endswith("mediation-reference"))
    assert finding.status == "gap" and "final" in finding.message
    assert finding.evidence[0].text.startswith("If we disagree")


def test_notice_in_a_particulars_table_of_a_pdf(corpus: Path) -> None:
    doc = read_document(corpus / "docs" / "lc02-nhs-service-contract.pdf")
    pack = load_packs()["leeds-compact"]
    finding = next(f for f in check_document(doc, pack, DocumentContext(doc)) if f.rule.endswith("termination-notice"))
    assert finding.status == "gap" and finding.values == {"notice": "P3M", "notice_days": 91}
    assert "GC17.1" in finding.evidence[0].text
    assert "three (3) months" in finding.evidence[1].text and finding.evidence[1].location.table is not None


def test_auto_pack_detection_on_both_kinds_including_short_ones() -> None:
    packs = load_packs()
    funding = document_from_text(
        "Offer of grant. We are pleased to offer you a grant of £2,000. The grant will be paid in one instalment. "
        "Eligible costs are listed in your budget. Please repay any unspent grant."
    )
    partnership = document_from_text(
        "Terms of reference. The partnership board has members from each organisation. The chair runs meetings. "
        "A meeting is quorate when five members are present. Minutes and an action log are kept."
    )
    assert choose_pack(funding, packs, "auto").pack.id == "leeds-compact"
    choice = choose_pack(partnership, packs, "auto")
    assert choice.pack.id == "working-together" and "auto" in choice.reason


def test_every_corpus_document_gets_its_labelled_pack(corpus: Path) -> None:
    import yaml

    labels = yaml.safe_load((corpus / "labels.yaml").read_text())["documents"]
    report = check([corpus / entry["doc"] for entry in labels], CheckOptions(pack="auto"))
    got = {Path(d.path).name: d.pack for d in report.documents}
    want = {Path(entry["doc"]).name: entry["pack"] for entry in labels}
    assert got == want
