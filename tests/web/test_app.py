"""The web page in process: upload, results, downloads, limits and friendly errors."""

from __future__ import annotations

import base64
import json
import re
import tempfile
from pathlib import Path

import pytest

pytest.importorskip("starlette")
from starlette.testclient import TestClient

from agreement_check.web.app import WebSettings, create_app
from tests.conftest import REPO

OFFER = REPO / "samples" / "healthy-neighbourhoods-offer-letter.pdf"
SLA = REPO / "samples" / "youth-outreach-sla.docx"


@pytest.fixture(scope="module")
def client() -> TestClient:
    return TestClient(create_app(WebSettings(max_files=3, max_file_mb=1)), raise_server_exceptions=False)


def post(client: TestClient, *files: tuple[str, bytes], pack: str = "auto"):  # type: ignore[no-untyped-def]
    return client.post(
        "/check",
        files=[("files", (name, data, "application/octet-stream")) for name, data in files],
        data={"pack": pack},
    )


def data_link(html: str, label: str) -> bytes:
    match = re.search(r'<a href="data:[^;]+;base64,([^"]+)" download="[^"]*">' + re.escape(label), html)
    assert match, label
    return base64.b64decode(match.group(1))


def test_form_page_with_privacy_banner_and_no_cookies(client: TestClient) -> None:
    response = client.get("/")
    assert response.status_code == 200
    assert "Nothing is stored" in response.text and 'type="file"' in response.text
    assert "set-cookie" not in response.headers
    assert "default-src 'none'" in response.headers["content-security-policy"]


def test_upload_shows_gaps_in_plain_english_with_downloads(client: TestClient) -> None:
    before = {p.name for p in Path(tempfile.gettempdir()).glob("agreement-check-*")}
    response = post(client, ("My offer.pdf", OFFER.read_bytes()), ("sla.docx", SLA.read_bytes()))
    assert response.status_code == 200
    html = response.text
    assert "9 things to ask about" in html and "4 things to ask about" in html
    assert "What to ask for:" in html and "six months" in html
    report = json.loads(data_link(html, "Results as JSON"))
    assert [d["path"] for d in report["documents"]] == ["My offer.pdf", "sla.docx"]
    copy = data_link(html, "Download a marked-up copy (PDF, with notes)")
    assert copy.startswith(b"%PDF") and b"/Highlight" in copy
    assert data_link(html, "Download a marked-up copy (Word, with comments)")[:2] == b"PK"
    assert {p.name for p in Path(tempfile.gettempdir()).glob("agreement-check-*")} == before


def test_limits_are_friendly_pages(client: TestClient) -> None:
    too_many = post(client, *[(f"{i}.pdf", OFFER.read_bytes()) for i in range(4)])
    assert too_many.status_code == 413 and "at most 3" in too_many.text
    too_big = post(client, ("big.pdf", b"%PDF-1.4" + b" " * (2 * 1024 * 1024)))
    assert too_big.status_code == 413 and "Traceback" not in too_big.text
    nothing = client.post("/check", data={"pack": "auto"})
    assert nothing.status_code == 400 and "Choose a Word" in nothing.text


def test_unreadable_file_is_explained_not_a_crash(client: TestClient) -> None:
    response = post(client, ("scan.pdf", b"%PDF-1.4 broken"), ("offer.pdf", OFFER.read_bytes()))
    assert response.status_code == 200
    assert "We could not read this file." in response.text and "9 things to ask about" in response.text


def test_errors_are_pages_not_tracebacks(client: TestClient) -> None:
    assert client.get("/nowhere").status_code == 404
    wrong = client.get("/check")
    assert wrong.status_code == 405 and "Please use the form" in wrong.text
