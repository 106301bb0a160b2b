"""The HTML report as a commissioner sees it: rendered by headless Chromium, its text read
back from the live DOM and its screenshot checked for the coloured batch table."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from agreement_check.report import Report
from agreement_check.reporters import get_reporter
from tests.reporters.png import colour_share

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
    "--force-device-scale-factor=1",
]

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed (.ci/run installs it)")


def chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    profile = tmp_path / "profile"
    return subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *args],  # type: ignore[list-item]
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_report_renders_with_its_content_and_colours(report: Report, tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    page.write_text(get_reporter("html").render(report), encoding="utf-8")
    dom = chromium(tmp_path, "--dump-dom", page.as_uri()).stdout
    assert "agreement-check report" in dom
    assert "short-notice.txt" in dom and "broken.pdf" in dom
    assert "What to ask for:" in dom
    assert "At least six months' notice before the funder ends the agreement" in dom

    shot = tmp_path / "report.png"
    chromium(tmp_path, f"--screenshot={shot}", "--window-size=1280,1600", page.as_uri())
    assert shot.is_file() and shot.stat().st_size > 20_000
    assert colour_share(shot, (0xFD, 0xE2, 0xE1)) > 0.0005  # the pink of a gap cell
    assert colour_share(shot, (0xE3, 0xF4, 0xE4)) > 0.002  # the green of met cells
