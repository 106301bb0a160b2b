"""Awkward paths: only regular files are read, each real file once, and nothing is
written anywhere but the outputs the user named."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from agreement_check.api import CheckOptions, check
from agreement_check.output import write_atomic
from tests.cli.test_main import COMPLIANT

CHECKER = str(Path(sys.executable).with_name("agreement-check"))


def agreement(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(COMPLIANT, encoding="utf-8")
    return path


def test_odd_names_links_fifos_and_loops(tmp_path: Path) -> None:
    root = tmp_path / "in"
    agreement(root / "with space.txt")
    agreement(root / "ünïcødé – agreement.txt")
    agreement(Path(os.fsdecode(bytes(root) + b"/bad-\xff-bytes.txt")))
    agreement(root / "-leading-dash.txt")
    outside = agreement(tmp_path / "outside.txt")
    (root / "link-outside.txt").symlink_to(outside)
    (root / "zero.txt").symlink_to("/dev/zero")
    (root / "loop").mkdir()
    (root / "loop" / "again").symlink_to(root, target_is_directory=True)
    os.mkfifo(root / "pipe.txt")
    report = check([root], CheckOptions(jobs=1))
    names = sorted(Path(d.path).name for d in report.documents)
    assert names == sorted(["with space.txt", "ünïcødé – agreement.txt", "bad-\\xff-bytes.txt", "-leading-dash.txt"])
    assert all(d.status == "checked" for d in report.documents)
    json.dumps(report.to_dict(), ensure_ascii=False).encode("utf-8")  # every path is printable


def test_named_special_files_are_errors_not_hangs(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.pdf")
    (tmp_path / "zero.pdf").symlink_to("/dev/zero")
    report = check([tmp_path / "pipe.pdf", tmp_path / "zero.pdf", tmp_path / "missing.pdf"], CheckOptions(jobs=1))
    assert [d.error_code for d in report.documents] == ["not-found", "unreadable", "unreadable"]


def test_each_real_file_is_read_once(tmp_path: Path) -> None:
    real = agreement(tmp_path / "a.txt")
    (tmp_path / "b.txt").symlink_to(real)
    report = check([real, tmp_path / "b.txt", tmp_path, tmp_path / "." / "a.txt"], CheckOptions(jobs=1))
    assert [Path(d.path).name for d in report.documents] == ["a.txt"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read any file")
def test_unreadable_file(tmp_path: Path) -> None:
    path = agreement(tmp_path / "secret.txt")
    path.chmod(0)
    assert check([path], CheckOptions(jobs=1)).documents[0].error_code == "unreadable"


def test_leading_dash_after_double_dash(tmp_path: Path) -> None:
    agreement(tmp_path / "-report.txt")
    result = subprocess.run(
        [CHECKER, "check", "--format", "json", "--", "-report.txt"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["documents"][0]["path"] == "-report.txt"


def test_interrupted_write_keeps_the_old_report(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "report.json"
    target.write_text("old and good", encoding="utf-8")

    class Interrupted(Exception):
        pass

    def boom(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise Interrupted

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(Interrupted):
        write_atomic(target, "new and half-written")
    assert target.read_text(encoding="utf-8") == "old and good"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


def test_nothing_is_written_but_the_named_outputs(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    agreement(docs / "offer.txt")
    home, work = tmp_path / "home", tmp_path / "work"
    home.mkdir()
    work.mkdir()
    before = {p for p in tmp_path.rglob("*")}
    env = {**os.environ, "HOME": str(home), "TMPDIR": str(tmp_path / "tmp"), "XDG_CACHE_HOME": str(home / ".cache")}
    (tmp_path / "tmp").mkdir()
    before.add(tmp_path / "tmp")
    result = subprocess.run(
        [CHECKER, "check", str(docs), "--format", "json", "--output", str(work / "out.json")],
        cwd=work,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    after = {p for p in tmp_path.rglob("*")}
    assert after - before == {work / "out.json"}


def test_a_replaced_report_keeps_its_permissions(tmp_path: Path) -> None:
    """A report kept private (0600) or shared with a group (0640) stays so when a run
    replaces it; a new report gets what any new file would."""
    import stat

    from click.testing import CliRunner

    from agreement_check.cli.main import cli

    doc = agreement(tmp_path / "offer.txt")
    for mode in (0o600, 0o640):
        target = tmp_path / f"report-{mode:o}.json"
        target.write_text("old", encoding="utf-8")
        target.chmod(mode)
        result = CliRunner().invoke(cli, ["check", "--format", "json", "--output", str(target), "--", str(doc)])
        assert result.exit_code == 0, result.output
        assert json.loads(target.read_text(encoding="utf-8"))["summary"]["documents"] == 1
        assert stat.S_IMODE(target.stat().st_mode) == mode
    fresh = tmp_path / "fresh.json"
    write_atomic(fresh, "{}")
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o666 & ~umask
