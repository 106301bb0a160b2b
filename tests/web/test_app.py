"""The web page in process: upload, results, downloads, limits and friendly errors."""

from __future__ import annotations

import asyncio
import base64
import json
import logging
import re
import tempfile
import threading
from pathlib import Path

import pytest

pytest.importorskip("starlette")
import httpx
from starlette.testclient import TestClient

from agreement_check.errors import CheckCancelled
from agreement_check.web import app as web_app
from agreement_check.web.app import WebSettings, create_app
from tests.conftest import REPO
from tests.web.live import alive, hanging_run, record_spawns

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
    match = re.search(r'<a href="data:[^,]*?;base64,([^"]+)" download="[^"]*">' + re.escape(label), html)
    assert match, label
    return base64.b64decode(match.group(1))


def test_form_page_with_privacy_banner_and_no_cookies(client: TestClient) -> None:
    response = client.get("/")
    assert response.status_code == 200
    assert "Nothing is stored" in response.text and 'type="file"' in response.text
    assert "set-cookie" not in response.headers
    assert "default-src 'none'" in response.headers["content-security-policy"]


def test_upload_shows_gaps_in_plain_english_with_downloads(
    client: TestClient, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a private temporary folder, so other runs on the machine cannot add folders to it
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    before = {p.name for p in Path(tempfile.gettempdir()).glob("agreement-check-web-*")}
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
    assert {p.name for p in Path(tempfile.gettempdir()).glob("agreement-check-web-*")} == before


def test_pages_say_they_are_not_legal_advice_and_whom_the_compact_binds(client: TestClient) -> None:
    index = client.get("/").text
    assert "Not legal advice." in index and "depends on who your funder is" in index
    assert '<a href="compact">' in index  # relative, so the page works behind a path prefix
    results = post(client, ("sla.docx", SLA.read_bytes())).text
    assert "This is not legal advice." in results and '<a href="compact">' in results


def test_the_compact_page_is_served_offline_with_every_commitment_we_check(
    client: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    from agreement_check.ruleset.loader import load_packs
    from agreement_check.web.compact import OFFICIAL_TEXT

    with caplog.at_level(logging.INFO, logger="agreement_check.web"):
        response = client.get("/compact")
    assert any(r.getMessage().startswith("GET /compact 200 ") for r in caplog.records)
    assert response.status_code == 200 and "set-cookie" not in response.headers
    html = response.text
    assert "between the public bodies of Leeds" in html and "does not bind it" in html
    for pack in load_packs().values():
        for rule in pack.rules:
            assert f"{rule.spec.commitment.ref}:" in html, rule.id
    assert f'href="{OFFICIAL_TEXT}"' in html and "http" not in html.replace(OFFICIAL_TEXT, "")


def test_downloads_put_the_data_for_software_last(client: TestClient) -> None:
    html = post(client, ("sla.docx", SLA.read_bytes())).text
    listed = re.findall(r'<li><a href="data:[^"]+" download="([^"]+)">', html)
    assert "agreement-check-report.html" in listed and listed[-1] == "agreement-check.json"
    assert listed.index("agreement-check-report.html") < listed.index("agreement-check.json")


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


def test_posts_from_other_sites_are_refused(client: TestClient) -> None:
    """Only the page's own form may post: Origin must be this server's, or, with no Origin,
    Host must be the address the server answers on."""
    cases = {
        "other site": {"Origin": "https://evil.example"},
        "other port": {"Origin": "http://testserver:8080"},
        "other scheme": {"Origin": "https://testserver"},
        "opaque origin": {"Origin": "null"},
        "no origin, other host": {"Host": "evil.example"},
    }
    for case, headers in cases.items():
        response = client.post("/check", data={"pack": "auto"}, headers=headers)
        assert response.status_code == 403, case
        assert "its own form" in response.text, case
    for headers in ({"Origin": "http://testserver"}, {"Origin": "http://testserver:80"}, {}):
        assert client.post("/check", data={"pack": "auto"}, headers=headers).status_code == 400  # past the check


def test_no_page_may_be_framed(client: TestClient) -> None:
    for response in (client.get("/"), client.get("/nowhere"), client.post("/check", data={"pack": "auto"})):
        assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
        assert response.headers["x-frame-options"] == "DENY"


def test_one_log_line_per_request_with_counts_and_no_names(
    client: TestClient, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(web_app, "_run", lambda files, pack, settings, cancel=None: EMPTY_RESULTS)
    with caplog.at_level(logging.INFO, logger="agreement_check.web"):
        post(client, ("Grant for Jo Bloggs.pdf", b"%PDF-1.4 Dear Jo Bloggs"), ("second.docx", b"PK"))
        client.get("/private-name-in-the-address")
    lines = [r.getMessage() for r in caplog.records if r.name == "agreement_check.web"]
    assert len(lines) == 2
    assert re.fullmatch(
        r"POST /check 200 bytes=\d+ files=2 wait=\d+\.\d\ds upload=\d+\.\d\ds check=\d+\.\d\ds total=\d+\.\d\ds",
        lines[0],
    )
    assert lines[1].startswith("GET other 404 bytes=0 files=0 ")
    assert not any(word in " ".join(lines) for word in ("Bloggs", "second", "private", ".pdf"))


def test_the_request_time_limit_stops_the_worker(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(web_app, "_run", hanging_run(tmp_path))
    spawned = record_spawns(monkeypatch)
    app = create_app(WebSettings(request_seconds=1))
    with TestClient(app, raise_server_exceptions=False) as client:  # one event loop that outlives the request
        response = post(client, ("offer.pdf", b"%PDF-1.4 a document that takes for ever"))
        assert response.status_code == 503 and "took longer than allowed" in response.text
        assert spawned and not any(alive(pid) for pid in spawned)  # stopped before the answer, not at its deadline


def test_the_page_hands_its_stop_signal_to_the_check(tmp_path: Path) -> None:
    """The tests above replace `_run`; this one holds the real `_run` to passing `cancel` on."""
    path = tmp_path / "00-offer.pdf"
    path.write_bytes(OFFER.read_bytes())
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(CheckCancelled):
        web_app._run([(path, "offer.pdf")], "auto", WebSettings(), cancel)


def test_the_upload_is_read_only_once_a_checker_is_free(monkeypatch: pytest.MonkeyPatch) -> None:
    """With one checker busy, a second request waits without reading its body (an upload
    read before the gate would be spooled to disk by every waiting request at once)."""
    busy, release = threading.Event(), threading.Event()

    def run(files, pack, settings, cancel=None):  # type: ignore[no-untyped-def]
        busy.set()
        release.wait(30)
        return EMPTY_RESULTS

    monkeypatch.setattr(web_app, "_run", run)
    app = create_app(WebSettings(concurrent=1))
    body_read = asyncio.Event()

    async def scenario() -> list[int]:
        first = asyncio.ensure_future(asgi_post(app))
        await asyncio.to_thread(busy.wait, 30)
        second = asyncio.ensure_future(asgi_post(app, on_body_read=body_read.set))
        for _ in range(20):  # let the second request get as far as it can
            await asyncio.sleep(0.01)
        assert not body_read.is_set()
        release.set()
        return [await first, await second]

    assert asyncio.run(scenario()) == [200, 200]
    assert body_read.is_set()


def test_a_malformed_form_is_a_friendly_page(client: TestClient) -> None:
    headers = {"Content-Type": "multipart/form-data; boundary=xyz"}
    cut_short = client.post(
        "/check",
        content=b'--xyz\r\nContent-Disposition: form-data; name="files"; filename="a.pdf"\r\n\r\n%PDF',
        headers=headers,
    )
    assert cut_short.status_code == 400 and "Traceback" not in cut_short.text
    no_boundary = client.post("/check", content=b"x", headers={"Content-Type": "multipart/form-data"})
    assert no_boundary.status_code == 400


EMPTY_RESULTS = {"documents": [], "downloads": []}


async def asgi_post(app, on_body_read=None) -> int:  # type: ignore[no-untyped-def]
    """POST one small file straight to the ASGI app, noting when the body is first asked for."""
    request = httpx.Request("POST", "http://testserver/check", files={"files": ("a.pdf", b"%PDF-1.4")})
    body, done, status = request.read(), asyncio.Event(), []

    async def receive():  # type: ignore[no-untyped-def]
        if on_body_read is not None and not done.is_set() and not status:
            on_body_read()
        if not getattr(receive, "sent", False):
            receive.sent = True  # type: ignore[attr-defined]
            return {"type": "http.request", "body": body, "more_body": False}
        await done.wait()
        return {"type": "http.disconnect"}

    async def send(message):  # type: ignore[no-untyped-def]
        if message["type"] == "http.response.start":
            status.append(message["status"])
        elif not message.get("more_body"):
            done.set()

    headers = [(k.lower().encode(), v.encode()) for k, v in request.headers.items()]
    scope = {
        "type": "http",
        "method": "POST",
        "path": "/check",
        "raw_path": b"/check",
        "query_string": b"",
        "root_path": "",
        "scheme": "http",
        "http_version": "1.1",
        "headers": headers,
        "server": ("testserver", 80),
        "client": ("127.0.0.1", 5000),
    }
    await app(scope, receive, send)
    return status[0]


def test_the_page_opens_with_what_to_ask_first_and_offers_a_letter_to_the_funder(client: TestClient) -> None:
    html = post(client, ("My offer.pdf", OFFER.read_bytes())).text
    first = html[html.index("Ask for these first") :]
    items = re.findall(r"<li>([^<]+)</li>", first[: first.index("</ol>")])
    assert len(items) == 5 and items[0].startswith("No ")  # a gap says what is missing, errors first
    assert html.index("Ask for these first") < html.index('<article class="finding')
    assert "high priority" in html and "medium priority" in html
    downloads = html[html.index('<p class="downloads">') :]
    assert downloads.index("letter to the funder") < downloads.index("marked-up copy")
    letter = data_link(html, "Download a letter to the funder").decode()
    assert html.index("Download a letter to the funder asking") < html.index('<article class="finding')
    assert "To: [name], Healthy Neighbourhoods Fund" in letter and "(My offer.pdf)" in letter
    assert "We may end this grant because of a change in our financial" in " ".join(letter.split())
