"""The web page says what a document's pending tracked changes would do."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("starlette")
from starlette.testclient import TestClient

from agreement_check.web.app import WebSettings, create_app
from tests.tracked import tracked_agreement
from tests.web.test_app import post


def test_the_page_says_which_changes_open_and_close_gaps(tmp_path: Path) -> None:
    client = TestClient(create_app(WebSettings(max_files=1, max_file_mb=1)), raise_server_exceptions=False)
    data = tracked_agreement(tmp_path / "tracked.docx").read_bytes()
    html = " ".join(post(client, ("draft.docx", data), pack="leeds-compact").text.split())
    assert "Pending changes would make this a gap" in html and "Alice Reed, 2 Nov 2026" in html
    assert "Pending changes would close this gap: Bob Okafor, 3 Nov 2026" in html
    assert html.count('class="pending"') == 2
