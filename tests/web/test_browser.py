"""The web page in a real browser (Playwright driving Debian's Chromium): upload a sample,
read the gaps, download the marked-up copy, pass an accessibility check, and screenshot."""

from __future__ import annotations

import shutil
import socket
import subprocess
import threading
import time
from pathlib import Path

import pytest

pytest.importorskip("playwright")
pytest.importorskip("uvicorn")

from tests.conftest import REPO

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed (.ci/run installs it)")


@pytest.fixture(scope="module")
def server():  # type: ignore[no-untyped-def]
    import uvicorn

    from agreement_check.web.app import create_app

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = uvicorn.Config(create_app(), host="127.0.0.1", port=port, log_level="warning", access_log=False)
    instance = uvicorn.Server(config)
    thread = threading.Thread(target=instance.run, daemon=True)
    thread.start()
    for _ in range(100):
        if instance.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}/"
    instance.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def axe(tmp_path_factory: pytest.TempPathFactory) -> Path | None:
    if shutil.which("npm") is None:
        return None
    prefix = tmp_path_factory.mktemp("axe")
    done = subprocess.run(
        ["npm", "install", "--silent", "--no-audit", "--no-fund", "--prefix", str(prefix), "axe-core@4"],
        capture_output=True,
        timeout=300,
    )
    path = prefix / "node_modules" / "axe-core" / "axe.min.js"
    return path if done.returncode == 0 and path.exists() else None


def test_upload_read_download_accessible(server: str, axe: Path | None, tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        page = browser.new_page(viewport={"width": 1000, "height": 900}, accept_downloads=True)
        page.goto(server)
        assert "Nothing is stored" in page.inner_text("body")
        if axe:
            assert _serious_violations(page, axe) == []
        page.set_input_files("#files", str(REPO / "samples" / "healthy-neighbourhoods-offer-letter.pdf"))
        page.select_option("#pack", "auto")
        page.click("button[type=submit]")
        page.wait_for_selector("text=Your results")
        body = page.inner_text("body")
        assert "9 things to ask about" in body and "What to ask for:" in body
        with page.expect_download() as download:
            page.click("text=Download a marked-up copy")
        saved = tmp_path / "copy.pdf"
        download.value.save_as(saved)
        assert saved.read_bytes().startswith(b"%PDF")
        if axe:
            assert _serious_violations(page, axe) == []
        page.screenshot(path=str(tmp_path / "web-report.png"), full_page=False)
        assert (tmp_path / "web-report.png").stat().st_size > 20_000
        browser.close()


def _serious_violations(page, axe: Path) -> list[str]:  # type: ignore[no-untyped-def]
    page.add_script_tag(content=axe.read_text(encoding="utf-8"))
    result = page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']})).violations.map(v => [v.id, v.impact])"
    )
    return [f"{rule} ({impact})" for rule, impact in result if impact in {"serious", "critical"}]
