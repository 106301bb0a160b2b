"""The pre-commit hook, tried from this repository on a throwaway repository of templates:
the non-compliant template fails the commit with a readable message."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

PRE_COMMIT = Path(sys.executable).with_name("pre-commit")
TEMPLATES = REPO / "examples" / "templates-repo" / "templates"

pytestmark = pytest.mark.skipif(not PRE_COMMIT.exists(), reason="pre-commit is not installed")


def git(cwd: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.email=ci@example.org", "-c", "user.name=CI", *args],
        cwd=cwd,
        check=True,
        capture_output=True,
    )


def test_hook_fails_the_non_compliant_template(tmp_path: Path) -> None:
    if not (REPO / ".git").exists():
        pytest.skip("pre-commit try-repo needs this project as a git repository")
    work = tmp_path / "templates"
    work.mkdir()
    git(work, "init", "-q")
    for name in ("standard-grant-agreement.docx", "small-grants-offer-letter.docx"):
        shutil.copy(TEMPLATES / name, work / name)
    git(work, "add", ".")
    env_home = tmp_path / "pre-commit-home"

    def try_repo(*files: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(PRE_COMMIT), "try-repo", str(REPO), "agreement-check", "--files", *files],
            cwd=work,
            capture_output=True,
            text=True,
            timeout=1200,
            env={
                "PATH": f"{Path(sys.executable).parent}:/usr/bin:/bin",
                "PRE_COMMIT_HOME": str(env_home),
                "HOME": str(tmp_path),
            },
        )

    good = try_repo("standard-grant-agreement.docx")
    assert good.returncode == 0, good.stdout + good.stderr
    bad = try_repo("small-grants-offer-letter.docx")
    assert bad.returncode != 0
    assert "Failed" in bad.stdout
    assert "No route to the Compact's mediation and dispute resolution procedure" in bad.stdout


def test_a_file_named_like_an_option_is_checked_as_a_file(tmp_path: Path) -> None:
    """pre-commit runs `entry args... files...`; a file in the repository called
    `--enable=x.docx` must be read as a file, not as an option that turns every rule off."""
    import shlex

    import yaml

    from tests.builders import make_docx, p
    from tests.cli.test_main import COMPLIANT

    hook = next(
        h for h in yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text()) if h["id"] == "agreement-check"
    )
    entry = shlex.split(hook["entry"])
    assert entry[0] == "agreement-check"
    text = COMPLIANT.replace("six (6) months'", "one month's")
    make_docx(tmp_path / "--enable=x.docx", "".join(p(line) for line in text.splitlines() if line.strip()))
    command = [str(Path(sys.executable).with_name("agreement-check")), *entry[1:], *hook.get("args", [])]
    result = subprocess.run([*command, "--enable=x.docx"], cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "--enable=x.docx" in result.stdout and "GAP" in result.stdout
