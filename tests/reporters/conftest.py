from __future__ import annotations

import pytest

from agreement_check.api import CheckOptions, check
from agreement_check.report import Report
from tests.cli.test_main import COMPLIANT


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Report:
    root = tmp_path_factory.mktemp("docs")
    (root / "good.txt").write_text(COMPLIANT, encoding="utf-8")
    (root / "short-notice.txt").write_text(
        COMPLIANT.replace("six (6) months'", "one month's").replace("Compact Mediation", "independent mediation"),
        encoding="utf-8",
    )
    (root / "broken.pdf").write_bytes(b"%PDF-1.4 broken")
    return check([root], CheckOptions(jobs=1, pack="leeds-compact"))
