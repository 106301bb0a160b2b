"""The contributors' pre-commit configuration runs the same checks as `make lint` and
validates the rule files, with tools this project installs."""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

from tests.conftest import REPO


def _hooks() -> list[dict[str, object]]:
    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text())
    return [hook for repo in config["repos"] for hook in repo["hooks"]]


def test_runs_ruff_mypy_import_linter_and_rule_validation() -> None:
    entries = {str(hook["entry"]) for hook in _hooks()}
    assert {"ruff check --force-exclude", "mypy", "lint-imports", "agreement-check rules validate"} <= entries


def test_every_hook_is_a_program_the_test_extras_install() -> None:
    bin_dir = Path(sys.executable).parent
    for hook in _hooks():
        program = str(hook["entry"]).split()[0]
        assert (bin_dir / program).exists(), f"{hook['id']}: {program} is not installed beside {sys.executable}"
