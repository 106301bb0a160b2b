"""Broken and hostile documents in one batch beside a good one: each ends in its stable
error code (or a correct reading) within a bound, and no other document is lost."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from agreement_check.api import CheckOptions, check
from tests.builders import make_docx, p
from tests.robustness import hostile

GOOD_TEXT = "The Council may end this Agreement if its budget is reduced, by giving six months' notice."


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, set[str]], Path]:
    root = tmp_path_factory.mktemp("hostile")
    secret = root.parent / "secret-file.txt"
    secret.write_text("TOP-SECRET-CONTENT-4711", encoding="utf-8")
    good_docx = make_docx(root / "a-good.docx", p(GOOD_TEXT))
    good_pdf = hostile.good_pdf(root / "a-good.pdf")
    expected: dict[str, set[str]] = {
        "a-good.docx": {"checked"},
        "a-good.pdf": {"checked"},
        "zero.docx": {"empty"},
        "truncated.docx": {"corrupt"},
        "truncated.pdf": {"corrupt", "no-text-layer"},
        "pdf-named.docx": {"checked"},
        "docx-named.pdf": {"checked"},
        "zip-of-photos.docx": {"unsupported-format"},
        "broken-xref.pdf": {"checked"},
        "page-tree-loop.pdf": {"checked", "corrupt"},
        "mediabox-loop.pdf": {"corrupt"},
        "billion-laughs.docx": {"corrupt"},
        "xxe.docx": {"corrupt"},
        "deep.docx": {"corrupt"},
        "zip-bomb.docx": {"too-large"},
        "three-thousand-pages.pdf": {"too-large"},
        "huge-stream.pdf": {"too-large"},
        "many-paragraphs.docx": {"checked"},
    }
    (root / "zero.docx").write_bytes(b"")
    hostile.truncated(root / "truncated.docx", good_docx)
    hostile.truncated(root / "truncated.pdf", good_pdf)
    hostile.good_pdf(root / "pdf-named.docx")
    make_docx(root / "docx-named.pdf", p(GOOD_TEXT))
    hostile.zip_of_other_things(root / "zip-of-photos.docx")
    hostile.broken_xref_pdf(root / "broken-xref.pdf")
    hostile.page_tree_loop_pdf(root / "page-tree-loop.pdf")
    hostile.mediabox_loop_pdf(root / "mediabox-loop.pdf")
    hostile.billion_laughs_docx(root / "billion-laughs.docx")
    hostile.xxe_docx(root / "xxe.docx", secret)
    hostile.deep_xml_docx(root / "deep.docx", 100_000)
    hostile.zip_bomb_docx(root / "zip-bomb.docx", 120)
    hostile.many_pages_pdf(root / "three-thousand-pages.pdf", 3000)
    hostile.huge_stream_pdf(root / "huge-stream.pdf", 300)
    hostile.many_paragraphs_docx(root / "many-paragraphs.docx", 100_000)
    return root, expected, secret


def test_every_bad_file_has_its_code_and_the_good_ones_are_checked(batch) -> None:
    root, expected, _ = batch
    # a deadline far above the default: the point is what each file becomes, not how fast a
    # loaded machine reads 100,000 paragraphs (other tests cover the deadline itself)
    report = check([root], CheckOptions(jobs=2, timeout=900, memory_mb=1024, pack="leeds-compact"))
    got = {Path(d.path).name: (d.error_code or d.status) for d in report.documents}
    assert set(got) == set(expected)
    wrong = {name: code for name, code in got.items() if code not in expected[name]}
    assert not wrong, wrong
    for doc in report.documents:
        if doc.status == "error":
            assert doc.error_message and "\n" not in doc.error_message and "Traceback" not in doc.error_message
    good = [d for d in report.documents if Path(d.path).name.startswith("a-good")]
    assert all(len(d.findings) == 13 for d in good)
    text = json.dumps(report.to_dict())
    assert "TOP-SECRET-CONTENT-4711" not in text


def test_memory_cap_stops_one_document_and_the_next_is_checked(tmp_path: Path) -> None:
    # long paragraphs, so the document needs several times the cap whatever a worker has
    # already loaded (in a long test session the fork server holds more before it forks)
    sentence = "The Provider will keep a written record of each session, who attended and what was agreed. " * 3
    make_docx(tmp_path / "a-big.docx", "".join(p(f"{i}. {sentence}") for i in range(60_000)))
    make_docx(tmp_path / "b-small.docx", p(GOOD_TEXT))
    # a deadline far above the default, so a loaded machine meets the memory cap, not the clock
    report = check([tmp_path], CheckOptions(jobs=1, timeout=900, memory_mb=80, pack="leeds-compact"))
    assert [(Path(d.path).name, d.error_code or d.status) for d in report.documents] == [
        ("a-big.docx", "too-large"),
        ("b-small.docx", "checked"),
    ]


def test_deadline_stops_a_document_that_runs_too_long(tmp_path: Path) -> None:
    """A parser that never returns (as pdfminer can on some PDFs) is stopped at the deadline."""
    from agreement_check.batch.isolation import Limits, run_isolated
    from tests.robustness.slow_worker import serve

    files = [make_docx(tmp_path / "a-slow.docx", p(GOOD_TEXT)), make_docx(tmp_path / "b-fine.docx", p(GOOD_TEXT))]
    # the slow worker never returns: a result at all (and "timeout" for it) shows the deadline acted;
    # the deadline leaves a loaded machine room to check the fine document
    results = run_isolated(files, CheckOptions(pack="leeds-compact"), 1, Limits(seconds=15), serve=serve)
    assert [r.error_code or r.status for r in results] == ["timeout", "checked"]
