"""No output of a run (a report, a baseline, a marked-up copy) may replace one of its
inputs or another of its outputs: the run stops with exit 2 and a one-line message naming
the clash, before anything is written. Marked-up copies in a folder keep their inputs'
folders."""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import pytest

from tests.builders import make_docx, p

NOTICE = "The Council may end this Agreement for any reason on one month's notice."


def run_main(args: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    from agreement_check.cli.main import main

    monkeypatch.setattr(sys, "argv", ["agreement-check", *args, "--fail-on", "never", "-q"])
    with pytest.raises(SystemExit) as exit_info:
        main()
    return int(exit_info.value.code or 0), capsys.readouterr().err


def snapshot(root: Path) -> dict[str, str]:
    """Every file under `root` with a digest of its bytes."""
    return {
        str(f.relative_to(root)): hashlib.sha256(f.read_bytes()).hexdigest() for f in root.rglob("*") if f.is_file()
    }


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    """Two agreements with the same name in different folders, and one named like the
    suffixed copy of another."""
    root = tmp_path / "in"
    for folder, text in [(root / "north", NOTICE), (root / "south", NOTICE.replace("one month's", "two weeks'"))]:
        folder.mkdir(parents=True)
        make_docx(folder / "offer.docx", p(text))
    make_docx(root / "north" / "offer.checked.docx", p(NOTICE.replace("one month's", "ten days'")))
    return root


@pytest.mark.parametrize(
    ("args", "clash"),
    [
        (
            ["--annotate", "{in}"],
            "the marked-up copy of {in}/north/offer.checked.docx ({in}/north/offer.checked.docx) would overwrite "
            "the input {in}/north/offer.checked.docx",
        ),
        (["--annotate-suffix", ".checked"], "would overwrite the input {in}/north/offer.checked.docx"),
        (["--format", "json", "--output", "{in}/south/offer.docx"], "the json report ({in}/south/offer.docx)"),
        (["--write-baseline", "{in}/north/offer.docx", "--reason", "agreed"], "the baseline ({in}/north/offer.docx)"),
        (
            ["--format", "json", "-o", "{tmp}/r.json", "--format", "sarif", "-o", "{tmp}/r.json"],
            "the sarif report ({tmp}/r.json) would overwrite the json report ({tmp}/r.json)",
        ),
        (
            ["--annotate", "{tmp}/marked", "--format", "json", "--output", "{tmp}/marked/south/offer.docx"],
            "would overwrite the json report ({tmp}/marked/south/offer.docx)",
        ),
        (["--format", "json", "--output", "{tmp}/link.json"], "the json report ({tmp}/link.json) would overwrite"),
    ],
)
def test_an_output_on_an_input_or_another_output_is_refused_before_anything_is_written(
    inputs: Path,
    tmp_path: Path,
    args: list[str],
    clash: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    (tmp_path / "link.json").symlink_to(inputs / "south" / "offer.docx")
    before = snapshot(tmp_path)
    words = {"in": str(inputs), "tmp": str(tmp_path)}
    code, err = run_main(["check", str(inputs), *[a.format(**words) for a in args]], monkeypatch, capsys)
    assert code == 2
    assert clash.format(**words) in err and err.count("\n") == 1 and err.startswith("agreement-check: ")
    assert snapshot(tmp_path) == before


def test_copies_in_a_folder_keep_the_inputs_folders(
    inputs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Two inputs named alike never share a copy, even in a folder among the inputs."""
    before = snapshot(inputs)
    code, err = run_main(["check", str(inputs), "--annotate", str(inputs / "south")], monkeypatch, capsys)
    assert code == 0, err
    copies = ["north/offer.checked.docx", "north/offer.docx", "south/offer.docx"]
    assert snapshot(inputs) == {**before, **{f"south/{c}": snapshot(inputs / "south")[c] for c in copies}}
    one = tmp_path / "one"
    code, err = run_main(["check", str(inputs / "north" / "offer.docx"), "--annotate", str(one)], monkeypatch, capsys)
    assert code == 0 and sorted(snapshot(one)) == ["offer.docx"]
