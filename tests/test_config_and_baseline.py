from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from agreement_check.cli import cli
from tests.test_cli import COMPLIANT


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / ".git").mkdir()
    docs = tmp_path / "templates"
    docs.mkdir()
    (docs / "good.txt").write_text(COMPLIANT, encoding="utf-8")
    (docs / "short.txt").write_text(COMPLIANT.replace("six (6) months'", "one month's"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_pyproject_settings_apply_and_the_command_line_wins(project: Path) -> None:
    (project / "pyproject.toml").write_text(
        '[tool.agreement-check]\npack = "leeds-compact"\nfail-on = "never"\ndisable = ["equality"]\nformat = "json"\n',
        encoding="utf-8",
    )
    result = run("check", "templates")
    assert result.exit_code == 0
    report = json.loads(result.output)
    assert all("leeds-compact/equality" not in [f["rule"] for f in d["findings"]] for d in report["documents"])
    assert run("check", "--fail-on", "error", "templates").exit_code == 1
    shown = run("config", "show").output
    assert "pyproject.toml" in shown and "fail-on      = 'never'" in shown


def test_own_config_file_and_bad_values(project: Path) -> None:
    (project / ".agreement-check.toml").write_text("jobs = 0\n", encoding="utf-8")
    import sys

    from agreement_check.cli import main

    sys.argv = ["agreement-check", "check", "templates"]
    with pytest.raises(SystemExit) as exit_info:
        main()
    assert exit_info.value.code == 2


def test_baseline_accepts_a_finding_with_a_reason_and_reports_stale_entries(project: Path) -> None:
    written = run(
        "check",
        "--write-baseline",
        "baseline.yaml",
        "--reason",
        "Template under legal review",
        "--fail-on",
        "never",
        "templates",
    )
    assert written.exit_code == 0
    data = yaml.safe_load((project / "baseline.yaml").read_text())
    assert [e["rule"] for e in data["accepted"]] == ["leeds-compact/termination-notice"]
    assert data["accepted"][0]["reason"] == "Template under legal review"

    assert run("check", "templates").exit_code == 1
    accepted = run("check", "--baseline", "baseline.yaml", "templates")
    assert accepted.exit_code == 0
    assert "accepted: Template under legal review" in accepted.output

    (project / "templates" / "short.txt").write_text(
        COMPLIANT.replace("six (6) months'", "two months'"), encoding="utf-8"
    )
    changed = run("check", "--baseline", "baseline.yaml", "templates")
    assert changed.exit_code == 1
    assert "stale entry" in changed.output  # CliRunner mixes stderr into output


def test_baseline_entries_need_a_reason(project: Path) -> None:
    (project / "baseline.yaml").write_text("accepted:\n  - {path: a, rule: b, fingerprint: c}\n", encoding="utf-8")
    import sys

    from agreement_check.cli import main

    sys.argv = ["agreement-check", "check", "--baseline", "baseline.yaml", "templates"]
    with pytest.raises(SystemExit) as exit_info:
        main()
    assert exit_info.value.code == 2


def test_baseline_survives_renumbering(project: Path) -> None:
    run("check", "--write-baseline", "baseline.yaml", "--reason", "ok for now", "--fail-on", "never", "templates")
    text = (project / "templates" / "short.txt").read_text()
    (project / "templates" / "short.txt").write_text(
        text.replace("7. The Council may end", "9. The Council may end"), encoding="utf-8"
    )
    assert run("check", "--baseline", "baseline.yaml", "templates").exit_code == 0
