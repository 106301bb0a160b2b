"""Marked-up copies are made in each document's worker, from the check's own reading, under
the reader's inflation caps and the worker's memory cap: a hostile part fails that one
copy with a stable code, and every other copy in the batch is still written."""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

import pytest

from agreement_check.annotate.docx_comments import comment_anchors
from agreement_check.annotate.targets import MarkedCopies
from agreement_check.api import CheckOptions, check
from agreement_check.parsers import ParseOptions
from tests.builders import NS, make_docx, p
from tests.robustness import hostile

MiB = 1 << 20
NOTICE = "The Council may end this Agreement for any reason on one month's notice."
ENTITY_COMMENTS = (
    f'<?xml version="1.0"?><!DOCTYPE w:comments [<!ENTITY x "boom">]>'
    f'<w:comments {NS}><w:comment w:id="1" w:author="R"><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:comment></w:comments>'
)


def run_main(args: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    from agreement_check.cli.main import main

    monkeypatch.setattr(sys, "argv", ["agreement-check", *args])
    with pytest.raises(SystemExit) as exit_info:
        main()
    return int(exit_info.value.code or 0), capsys.readouterr().err


def test_a_hostile_part_fails_only_its_own_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A media part that inflates past the per-part cap, and a comments part with an
    entity declaration, each fail their document's copy; the good copies are written."""
    inputs = tmp_path / "in"
    inputs.mkdir()
    make_docx(inputs / "a-good.docx", p(NOTICE))
    hostile.media_bomb_docx(inputs / "b-media-bomb.docx", 1, 150)
    hostile.with_part(inputs / "c-entity-comments.docx", "word/comments.xml", ENTITY_COMMENTS)
    hostile.good_pdf(inputs / "d-good.pdf")
    out = tmp_path / "out"
    code, err = run_main(
        ["check", str(inputs), "--annotate", str(out), "--memory-limit", "256", "--fail-on", "never", "-q"],
        monkeypatch,
        capsys,
    )
    assert code == 0, err
    assert sorted(f.name for f in out.iterdir()) == ["a-good.docx", "d-good.pdf"]  # and no temporary files
    assert "b-media-bomb.docx: No marked-up copy was made (too-large): Part word/media/image1.png" in err
    assert "c-entity-comments.docx: No marked-up copy was made (corrupt): Part word/comments.xml declares" in err
    assert {text for text, _ in comment_anchors(out / "a-good.docx")} == {NOTICE}


def test_copied_parts_count_towards_the_package_cap(tmp_path: Path) -> None:
    bomb = hostile.media_bomb_docx(tmp_path / "a-bomb.docx", 4, 6)
    good = make_docx(tmp_path / "b-good.docx", p(NOTICE))
    options = CheckOptions(
        isolate=False,
        pack="leeds-compact",
        parse=ParseOptions(max_member_bytes=8 * MiB, max_package_bytes=20 * MiB),
        marked_copies=MarkedCopies(folder=tmp_path / "out"),
    )
    first, second = check([bomb, good], options).documents
    assert first.status == "checked" and first.marked_copy is not None
    assert (first.marked_copy.error_code, first.marked_copy.path) == ("too-large", None)
    assert "package limit of 20 MiB" in (first.marked_copy.error_message or "")
    assert any(w.startswith("No marked-up copy was made (too-large)") for w in first.warnings)
    assert second.marked_copy is not None and second.marked_copy.path == str(tmp_path / "out" / "b-good.docx")


def test_a_large_part_is_streamed_within_a_small_memory_cap(tmp_path: Path) -> None:
    """A 90 MiB image is under the part cap; copying it a chunk at a time fits in a worker
    allowed 64 MB, where reading it whole could not."""
    source = hostile.media_bomb_docx(tmp_path / "pictures.docx", 1, 90)
    options = CheckOptions(jobs=1, memory_mb=64, pack="leeds-compact", marked_copies=MarkedCopies(tmp_path / "out"))
    doc = check([source], options).documents[0]
    assert doc.status == "checked" and doc.marked_copy is not None
    assert doc.marked_copy.error_code is None, doc.marked_copy.error_message
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(tmp_path / "out" / "pictures.docx") as copy:
        before, after = original.getinfo("word/media/image1.png"), copy.getinfo("word/media/image1.png")
        assert (after.file_size, after.CRC) == (before.file_size, before.CRC) == (90 * MiB, before.CRC)


def test_the_copy_is_made_from_the_checks_own_reading(tmp_path: Path) -> None:
    """Read with `--revisions original`, a paragraph inserted as a tracked change is not
    there: the comment must land on the clause the finding quotes, not one paragraph off."""
    body = p("Grant Agreement") + f"<w:ins w:id='9' w:author='Legal'>{p('An inserted paragraph.')}</w:ins>" + p(NOTICE)
    source = make_docx(tmp_path / "tracked.docx", body)
    options = CheckOptions(
        isolate=False,
        pack="leeds-compact",
        parse=ParseOptions(revisions="original"),
        marked_copies=MarkedCopies(tmp_path / "out"),
    )
    doc = check([source], options).documents[0]
    assert doc.marked_copy is not None and doc.marked_copy.path
    anchors = {comment.split("\n")[0]: text for text, comment in comment_anchors(Path(doc.marked_copy.path))}
    notice = next(text for title, text in anchors.items() if "six months' notice" in title)
    assert notice == NOTICE
