"""Rebuild docs/img/web-report.png: the web page's results for the sample offer letter, as
a charity manager sees them in Chromium 1,000 px wide (Playwright driving Debian's
chromium, the same way tests/web/test_browser.py does).

    .venv/bin/python docs/img/render_web_page.py
"""

from __future__ import annotations

import shutil
import socket
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT / "src")]

import uvicorn  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

from agreement_check.web.app import create_app  # noqa: E402

SAMPLE = ROOT / "samples" / "healthy-neighbourhoods-offer-letter.pdf"
OUT = ROOT / "docs" / "img" / "web-report.png"


def serve() -> tuple[uvicorn.Server, str]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(), host="127.0.0.1", port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    return server, f"http://127.0.0.1:{port}/"


def main() -> None:
    server, url = serve()
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path=shutil.which("chromium") or shutil.which("chromium-browser"),
                args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
            )
            page = browser.new_page(viewport={"width": 1000, "height": 1100})
            page.goto(url)
            page.set_input_files("#files", str(SAMPLE))
            page.click("button[type=submit]", no_wait_after=True)
            page.wait_for_selector("text=Your results", timeout=300_000)
            page.screenshot(path=str(OUT))
            browser.close()
    finally:
        server.should_exit = True


if __name__ == "__main__":
    main()
