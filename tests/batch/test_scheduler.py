from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from agreement_check.api import CheckOptions, check
from agreement_check.batch.walk import collect
from tests.cli.test_main import COMPLIANT


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "agreements"
    for i in range(6):
        write(root / f"team{i % 2}" / f"agreement-{i}.txt", COMPLIANT.replace("six (6) months'", f"{i + 1} months'"))
    write(root / ".hidden" / "secret.txt", COMPLIANT)
    write(root / ".notes.txt", COMPLIANT)
    write(root / "~$agreement-0.docx", "lock")
    write(root / "budget.xlsx", "not an agreement")
    (root / "broken.docx").write_bytes(b"PK\x03\x04broken")
    return root


def test_collect_names_each_hidden_lock_and_other_type_file_it_skips(folder: Path) -> None:
    found = collect([folder])
    assert [p.name for p in found.files] == ["broken.docx"] + [f"agreement-{i}.txt" for i in (0, 2, 4, 1, 3, 5)]
    # a hidden folder is named once and not entered
    assert [(Path(s.path).name, s.reason) for s in found.skipped] == [
        (".hidden", "hidden"),
        (".notes.txt", "hidden"),
        ("budget.xlsx", "unsupported-type"),
        ("~$agreement-0.docx", "lock-file"),
    ]


def test_include_and_exclude_globs(folder: Path) -> None:
    assert [p.name for p in collect([folder], include=("team1/*",)).files] == [
        "agreement-1.txt",
        "agreement-3.txt",
        "agreement-5.txt",
    ]
    assert "broken.docx" not in [p.name for p in collect([folder], exclude=("*.docx",)).files]


def test_parallel_results_are_in_path_order_and_an_error_does_not_stop_the_batch(folder: Path) -> None:
    serial = check([folder], CheckOptions(jobs=1))
    parallel = check([folder], CheckOptions(jobs=2))
    assert [d.path for d in parallel.documents] == sorted(d.path for d in parallel.documents)
    assert parallel.to_dict() == serial.to_dict()
    assert parallel.documents[0].status == "error" and parallel.documents[0].error_code == "corrupt"
    assert sum(d.status == "checked" for d in parallel.documents) == 6
    notices = [
        next(f.values["notice_days"] for f in d.findings if f.rule.endswith("termination-notice"))
        for d in parallel.documents[1:]
    ]
    assert sorted(notices) == [30, 61, 91, 122, 152, 183]
    assert len(parallel.skipped) == 4


def test_cache_reuses_unchanged_documents(tmp_path: Path, folder: Path) -> None:
    cache = tmp_path / "cache"
    first = check([folder], CheckOptions(jobs=1, cache=cache))
    entries = sorted(cache.glob("*.json"))
    assert len(entries) == 6  # the unreadable file is not cached
    stamp = {p: p.stat().st_mtime_ns for p in entries}
    second = check([folder], CheckOptions(jobs=1, cache=cache))
    assert second.to_dict() == first.to_dict()
    assert {p: p.stat().st_mtime_ns for p in cache.glob("*.json")} == stamp
    changed = folder / "team0" / "agreement-0.txt"
    changed.write_text(changed.read_text() + "\nA new clause.\n", encoding="utf-8")
    check([folder], CheckOptions(jobs=1, cache=cache))
    assert len(list(cache.glob("*.json"))) == 7


def test_disable_enable_and_severity_overrides(folder: Path) -> None:
    report = check(
        [folder / "team0"],
        CheckOptions(jobs=1, pack="leeds-compact", disable=("equality",), severity=(("termination-notice", "info"),)),
    )
    rules = {f.rule: f for f in report.documents[0].findings}
    assert "leeds-compact/equality" not in rules
    assert rules["leeds-compact/termination-notice"].severity == "info"
    only = check([folder / "team0"], CheckOptions(jobs=1, pack="leeds-compact", enable=("reserves",)))
    assert [f.rule for f in only.documents[0].findings] == ["leeds-compact/reserves"]


def test_json_is_stable_across_runs(folder: Path) -> None:
    a = json.dumps(check([folder], CheckOptions(jobs=2)).to_dict(), sort_keys=True)
    b = json.dumps(check([folder], CheckOptions(jobs=1)).to_dict(), sort_keys=True)
    assert a == b
    assert os.path.isdir(folder)
