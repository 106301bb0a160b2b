from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from agreement_check.cli.main import cli
from tests.cli.test_main import COMPLIANT, run_main


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
    report = json.loads(result.stdout)
    assert all("leeds-compact/equality" not in [f["rule"] for f in d["findings"]] for d in report["documents"])
    assert run("check", "--fail-on", "error", "templates").exit_code == 1
    shown = run("config", "show").output
    assert "pyproject.toml" in shown and "fail-on      = 'never'" in shown


def test_own_config_file_and_bad_values(project: Path) -> None:
    (project / ".agreement-check.toml").write_text("jobs = 0\n", encoding="utf-8")
    import sys

    from agreement_check.cli.main import main

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
    assert "accepted: Template under legal review" in " ".join(accepted.output.split())  # however it wraps

    (project / "templates" / "short.txt").write_text(
        COMPLIANT.replace("six (6) months'", "two months'"), encoding="utf-8"
    )
    changed = run("check", "--baseline", "baseline.yaml", "templates")
    assert changed.exit_code == 1
    assert "stale entry" in changed.output  # CliRunner mixes stderr into output


def test_baseline_entries_need_a_reason(project: Path) -> None:
    (project / "baseline.yaml").write_text("accepted:\n  - {path: a, rule: b, fingerprint: c}\n", encoding="utf-8")
    import sys

    from agreement_check.cli.main import main

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


def settings_file(project: Path, text: str) -> Path:
    path = project / ".agreement-check.toml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def nested(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """tmp/proj (a repository with templates, the current folder) beside tmp/outside."""
    proj = tmp_path / "proj"
    (proj / ".git").mkdir(parents=True)
    (proj / "templates").mkdir()
    (proj / "templates" / "short.txt").write_text(COMPLIANT.replace("six (6) months'", "one month's"), "utf-8")
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "accepted.yaml").write_text("entries: []\n", encoding="utf-8")
    (proj / "linked").symlink_to(tmp_path / "outside", target_is_directory=True)
    monkeypatch.chdir(proj)
    return proj


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("output", '["../escape.json"]'),
        ("output", '["{outside}/abs.json"]'),
        ("output", '["linked/report.json"]'),
        ("cache", '"../cache"'),
        ("cache", '"linked"'),
        ("baseline", '"{outside}/accepted.yaml"'),
        ("rules", '["../rules"]'),
    ],
)
def test_a_settings_file_may_not_reach_outside_its_folder(
    nested: Path, key: str, value: str, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    settings_file(nested, f'format = ["json"]\n{key} = {value.format(outside=nested.parent / "outside")}\n')
    before = sorted(nested.parent.rglob("*"))
    code, err = run_main(["check", "templates"], monkeypatch, capsys)
    assert code == 2
    assert f".agreement-check.toml:2: {key}: " in err and "outside" in err
    assert sorted(nested.parent.rglob("*")) == before  # nothing written anywhere


def test_a_path_on_the_command_line_may_go_anywhere(nested: Path) -> None:
    settings_file(nested, 'format = ["json"]\noutput = ["../escape.json"]\n')
    assert run("check", "--output", "../escape.json", "templates").exit_code == 1
    assert json.loads((nested.parent / "escape.json").read_text())["summary"]["documents"] == 1
    settings_file(nested, 'format = ["json"]\noutput = ["reports.json"]\ncache = ".cache"\n')
    assert run("check", "templates").exit_code == 1 and (nested / "reports.json").is_file()


def test_the_search_for_settings_stops_at_the_repository_root_or_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from agreement_check.cli.settings import find_config

    outer, inner, home = tmp_path / "outer", tmp_path / "outer" / "inner", tmp_path / "home"
    inner.mkdir(parents=True)
    home.mkdir()
    settings_file(outer, 'pack = "working-together"\n')
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.chdir(inner)
    assert find_config().path is None  # neither a repository nor home: no climbing towards /
    (outer / ".git").mkdir()
    assert find_config().path == outer / ".agreement-check.toml"
    (inner / ".git").mkdir()
    assert find_config().path is None  # the repository root is as high as it looks
    monkeypatch.setenv("HOME", str(inner))
    (inner / ".git").rmdir()
    assert find_config().path is None  # nor above the home folder


def test_settings_errors_name_the_line_the_key_and_the_closest_key(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    settings_file(project, 'pack = "leeds-compact"\nfial-on = "never"\njobs = 0\n')
    code, err = run_main(["check", "templates"], monkeypatch, capsys)
    assert code == 2
    assert ".agreement-check.toml:2: fial-on: not a setting; did you mean fail-on?" in err
    assert ".agreement-check.toml:3: jobs: " in err  # every problem at once
    (project / ".agreement-check.toml").unlink()
    (project / "pyproject.toml").write_text(
        '[project]\nname = "templates"\n\n[tool.agreement-check]\nsevrity = {}\n', encoding="utf-8"
    )
    code, err = run_main(["check", "templates"], monkeypatch, capsys)
    assert code == 2 and "pyproject.toml:5: sevrity: not a setting; did you mean severity?" in err


def test_an_unknown_rule_in_the_settings_file_is_a_usage_error_at_its_line(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    settings_file(project, 'fail-on = "never"\ndisable = [\n  "equality",\n  "termination-notise",\n]\n')
    code, err = run_main(["check", "templates"], monkeypatch, capsys)
    assert code == 2
    assert (
        ".agreement-check.toml:2: disable: no rule is called 'termination-notise'; did you mean termination-notice"
        in err
    )
