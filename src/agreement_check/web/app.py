"""The ASGI app behind `agreement-check serve`.

Privacy by construction: uploads are written to a temporary folder made for the request
and removed before the response is returned; the report and marked-up copies travel back
inside the page (as data: links), so nothing is kept on the server; one line per request
is logged, with counts and timings only; no cookies are set; no other site may post to
the page or frame it. A semaphore caps how many requests are served at once, and a request
holds it from before its upload is read: the upload is read as a stream within its limits
(`upload`), then each document is checked in an isolated worker like on the command line;
the workers are stopped when the request's time runs out or its visitor leaves. Every error
is a friendly page, never a traceback.
"""

from __future__ import annotations

import asyncio
import base64
import json
import logging
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import ClientDisconnect, Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp

from agreement_check import __version__
from agreement_check.errors import CheckCancelled
from agreement_check.report import DocumentResult, Report
from agreement_check.reporters.common import ask_first, finding_view, heading, ranked, revision_note
from agreement_check.web.compact import compact_context
from agreement_check.web.origin import same_origin
from agreement_check.web.request_log import RequestLog, stats
from agreement_check.web.running import Abandoned, while_wanted
from agreement_check.web.upload import Upload, UploadLimits, UploadRefused, receive_upload

LOG = logging.getLogger("agreement_check.web")
PRIVACY = (
    "Your documents are checked on this server and deleted as soon as your results are shown. "
    "Nothing is stored, nothing is sent anywhere else, and no cookies are used."
)
PACKS = {"auto", "leeds-compact", "working-together"}
COPY_KINDS = {
    "docx": ("Word, with comments", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "pdf": ("PDF, with notes", "application/pdf"),
}
PACK_WORDS = {
    "leeds-compact": "We read this as a funding agreement and checked it against the Compact for Leeds.",
    "working-together": "We read this as a partnership document and checked it against the Code of Practice for Working Together.",
}


@dataclass(frozen=True)
class WebSettings:
    max_files: int = 10
    max_file_mb: int = 20
    request_seconds: float = 180.0  # to check one request's documents, once they are here
    concurrent: int = 2
    document_seconds: float = 60.0
    upload_idle_seconds: float = 15.0  # the longest quiet spell while an upload arrives
    upload_seconds: float = 120.0  # the whole upload must have arrived by then

    def upload_limits(self) -> UploadLimits:
        return UploadLimits(
            max_files=self.max_files,
            max_file_bytes=self.max_file_mb * 1024 * 1024,
            idle_seconds=self.upload_idle_seconds,
            total_seconds=self.upload_seconds,
        )


def create_app(settings: WebSettings | None = None) -> ASGIApp:  # noqa: C901  (the sum of its small route handlers, closures over the settings)
    """The web page's application: the upload form and the check that answers it."""
    settings = settings or WebSettings()
    limits = settings.upload_limits()
    env = Environment(
        loader=PackageLoader("agreement_check.web", "templates"), autoescape=select_autoescape(default=True)
    )
    gate = asyncio.Semaphore(settings.concurrent)

    def page(name: str, status: int = 200, closing: bool = False, **context: object) -> HTMLResponse:
        html = env.get_template(name).render(privacy=PRIVACY, version=__version__, **context)
        headers = {**_HEADERS, "Connection": "close"} if closing else _HEADERS
        return HTMLResponse(html, status_code=status, headers=headers)

    def refused(refusal: UploadRefused, request: Request) -> HTMLResponse:
        stats(request).outcome = refusal.reason
        heading, message = _REFUSALS.get(refusal.reason, _REFUSALS["request-too-big"])
        words = {"files": settings.max_files, "mb": settings.max_file_mb}
        return page("error.html", refusal.status, closing=True, heading=heading, message=message.format(**words))

    def went_wrong() -> HTMLResponse:
        return page(
            "error.html",
            500,
            heading="Something went wrong",
            message="The checker met an unexpected problem. Your files have been deleted. Please try again.",
        )

    async def index(request: Request) -> Response:
        return page("index.html", max_files=settings.max_files, max_mb=settings.max_file_mb)

    async def compact(request: Request) -> Response:
        return page("compact.html", **compact_context())

    async def check(request: Request) -> Response:
        """Refuse what can be refused from the headers; then, holding a checker, read the
        upload into a private folder and check it. The folder goes when the answer does."""
        if not same_origin(request):
            stats(request).outcome = "cross-origin"
            return page(
                "error.html", 403, closing=True, heading="Please use the form on this page", message=_CROSS_ORIGIN
            )
        if _declared_length(request) > limits.max_request_bytes:
            return refused(UploadRefused(413, "request-too-big"), request)
        asked = time.monotonic()
        async with gate:
            stats(request).wait = time.monotonic() - asked
            with tempfile.TemporaryDirectory(prefix="agreement-check-web-") as tmp:
                return await receive_and_check(request, Path(tmp))

    async def receive_and_check(request: Request, folder: Path) -> Response:
        record, upload, started = stats(request), Upload(), time.monotonic()
        try:
            await receive_upload(request, folder, limits, upload)
        except UploadRefused as refusal:
            return refused(refusal, request)
        except ClientDisconnect:
            record.outcome = "disconnected"
            return Response(status_code=499)
        finally:
            record.upload = time.monotonic() - started
        record.files = len(upload.files)
        if not upload.files:
            return page("error.html", 400, heading="No document was uploaded", message=_NO_DOCUMENT)
        pack = upload.fields.get("pack", "auto")
        return await run_check(request, upload.files, pack if pack in PACKS else "auto")

    async def run_check(request: Request, files: list[tuple[Path, str]], pack: str) -> Response:
        record, started, cancel = stats(request), time.monotonic(), threading.Event()
        try:
            context = await while_wanted(
                request, lambda: _run(files, pack, settings, cancel), cancel, settings.request_seconds
            )
        except Abandoned as stopped:
            record.outcome = str(stopped)
            if str(stopped) == "disconnected":
                return Response(status_code=499)  # nobody is there to read it; nginx's code for this
            return page("error.html", 503, heading="That took too long", message=_TOO_LONG)
        except Exception as exc:  # a friendly page, and the error's type in the log line; no file names
            record.outcome = f"error:{type(exc).__name__}"
            return went_wrong()
        finally:
            record.check = time.monotonic() - started
        return page("report.html", 200, False, **context)

    async def not_found(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        if exc.status_code == 405:
            return page(
                "error.html",
                405,
                heading="Please use the form",
                message="Choose your documents on the first page and press the button to check them.",
            )
        return page(
            "error.html",
            exc.status_code,
            heading="Page not found" if exc.status_code == 404 else "Something went wrong",
            message="There is nothing at this address.",
        )

    async def server_error(request: Request, exc: Exception) -> Response:
        stats(request).outcome = f"error:{type(exc).__name__}"
        return went_wrong()

    app = Starlette(
        routes=[Route("/", index), Route("/compact", compact), Route("/check", check, methods=["POST"])],
        exception_handlers={HTTPException: not_found, Exception: server_error},
    )
    return RequestLog(app)


def _declared_length(request: Request) -> int:
    try:
        return int(request.headers.get("content-length") or 0)
    except ValueError:
        return 0  # the stream is counted as it comes anyway


_REFUSALS = {
    "request-too-big": ("Those files are too big", "Please upload at most {files} files of up to {mb} MB each."),
    "file-too-big": ("A file is too big", "Each file can be up to {mb} MB."),
    "too-many-files": ("Too many files", "Please upload at most {files} files at a time."),
    "too-many-fields": ("The upload could not be read", "Please use the form on the first page."),
    "field-too-big": ("The upload could not be read", "Please use the form on the first page."),
    "headers-too-big": ("The upload could not be read", "Please use the form on the first page."),
    "bad-form": ("The upload could not be read", "Please use the form on the first page."),
    "incomplete": ("The upload was not complete", "Please try again."),
    "slow": (
        "The upload was too slow",
        "Your files arrived too slowly, so the upload was stopped and nothing was kept. Please try again.",
    ),
}
_CROSS_ORIGIN = "This page only checks documents sent from its own form. Please open it and upload your files there."
_NO_DOCUMENT = "Choose a Word (.docx) or PDF file to check."
_TOO_LONG = "Checking your documents took longer than allowed. Please try again with fewer or smaller files."

_HEADERS = {
    "Cache-Control": "no-store",
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    # "no-referrer" would make a browser send `Origin: null` with the page's own form, which
    # the origin check must refuse; "same-origin" still tells other sites nothing
    "Referrer-Policy": "same-origin",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
}


def _run(files: list[tuple[Path, str]], pack: str, settings: WebSettings, cancel: threading.Event) -> dict[str, object]:
    """Check the uploads and build everything the page shows, while the files exist.
    Setting `cancel` stops the check's workers and raises `CheckCancelled`."""
    from agreement_check.annotate.targets import MarkedCopies
    from agreement_check.api import CheckOptions, check
    from agreement_check.reporters import get_reporter
    from agreement_check.reporters.letter import LetterReporter

    options = CheckOptions(
        pack=pack,
        jobs=min(2, len(files)),
        timeout=settings.document_seconds,
        marked_copies=MarkedCopies(suffix=".marked"),  # beside each upload, made by its worker
    )
    report = check([path for path, _ in files], options, cancel=cancel)
    names = {str(path): name for path, name in files}
    public = _renamed(report, names)  # the names the user uploaded, not the temporary paths
    letters = dict(zip((d.path for d in report.documents), LetterReporter().letters(public)))
    documents = []
    for doc in report.documents:
        if cancel.is_set():
            raise CheckCancelled("the check was cancelled")
        entry = _document(doc, report, names.get(doc.path, Path(doc.path).name))
        if doc.status == "checked":
            entry["letter"] = {
                "href": _data_url(letters[doc.path][1].encode(), "text/plain;charset=utf-8"),
                "name": f"{Path(entry['name']).stem}-letter-to-the-funder.txt",
            }
        copy = doc.marked_copy
        if copy is not None and copy.path and copy.format in COPY_KINDS:
            kind, mime = COPY_KINDS[copy.format]
            entry["marked"] = {
                "href": _data_url(Path(copy.path).read_bytes(), mime),
                "name": _download_name(entry["name"]),
                "kind": kind,
            }
        elif copy is not None:  # the report stands without the copy
            LOG.warning("could not write a marked-up copy (%s)", copy.error_code)
        documents.append(entry)
    json_text = json.dumps(public.to_dict(), indent=2, ensure_ascii=False)
    letter_links = [
        _download(
            f"Letter to the funder about {entry['name']} (text, ready to edit)",
            entry["letter"]["name"],
            letters[doc.path][1],
            "text/plain;charset=utf-8",
        )
        for doc, entry in zip(report.documents, documents, strict=True)
        if "letter" in entry
    ]
    downloads = [  # in the order a charity needs them; the data for software last
        *letter_links,
        _download("Report to keep or print (HTML)", "agreement-check-report.html", get_reporter("html").render(public)),
        _download("Results as JSON, for software", "agreement-check.json", json_text, "application/json"),
    ]
    return {"documents": documents, "downloads": downloads}


def _download(label: str, name: str, text: str, mime: str = "text/html") -> dict[str, str]:
    return {"label": label, "name": name, "href": _data_url(text.encode(), mime)}


def _document(doc: DocumentResult, report: Report, name: str) -> dict[str, Any]:
    if doc.status == "error":
        return {"name": name, "error": doc.error_message}
    shown = [f for f in ranked(doc.findings) if f.status in {"gap", "review"}]
    findings = [finding_view(f, report.rules.get(f.rule)) for f in shown]
    met = [heading(f, report.rules.get(f.rule)) for f in doc.findings if f.status == "met"]
    first = [heading(f, report.rules.get(f.rule)) for f in ask_first(doc, report)]
    closed = [  # gaps the pending tracked changes would close: the finding is met, the news is not
        {"title": heading(f, report.rules.get(f.rule)), "note": revision_note(f)}
        for f in doc.findings
        if f.revisions is not None and f.status in {"met", "not-applicable"}
    ]
    return {
        "closed": closed,
        "ask_first": first,
        "name": name,
        "gaps": sum(f.status == "gap" for f in doc.findings),
        "review": sum(f.status == "review" for f in doc.findings),
        "findings": findings,
        "met": met,
        "reason": PACK_WORDS.get(doc.pack or "", ""),
        "warnings": list(doc.warnings),  # hidden text first: the reader must know what was not checked
    }


def _renamed(report, names: dict[str, str]):  # type: ignore[no-untyped-def]
    from dataclasses import replace

    return replace(report, documents=tuple(d.with_path(names.get(d.path, Path(d.path).name)) for d in report.documents))


def _data_url(data: bytes, mime: str) -> str:
    return f"data:{mime};base64,{base64.b64encode(data).decode()}"


def _download_name(name: str) -> str:
    path = Path(name)
    return f"{path.stem}.checked{path.suffix}"
