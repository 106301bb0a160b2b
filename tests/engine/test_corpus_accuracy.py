"""The shipped packs against the labelled development corpus, through the same scorer
the project is judged with. A development set: the floor guards against regressions."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO, SHARED


def test_corpus_accuracy_and_no_short_notice_met(corpus: Path) -> None:
    checker = Path(sys.executable).with_name("agreement-check")
    result = subprocess.run(
        [
            sys.executable,
            str(SHARED / "tools" / "score.py"),
            str(corpus / "labels.yaml"),
            "--cmd",
            str(checker),
            "--min",
            "0.95",
        ],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "termination-notice" in result.stdout
