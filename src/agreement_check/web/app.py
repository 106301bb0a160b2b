"""The ASGI app behind `agreement-check serve`.

Privacy by construction: uploads are written to a temporary folder made for the request
and removed before the response is returned; the report and marked-up copies travel back
inside the page (as data: links), so nothing is kept on the server; nothing but counts
and timings is logged; no cookies are set. Each document is checked in an isolated worker
like on the command line, a semaphore caps how many requests are checked at once, and
every error is a friendly page, never a traceback.
"""

from __future__ import annotations

import asyncio
import base64
import json
import logging
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route

from agreement_check import __version__
from agreement_check.report import SEVERITY_RANK
from agreement_check.reporters.common import finding_view

LOG = logging.getLogger("agreement_check.web")
PRIVACY = (
    "Your documents are checked on this server and deleted as soon as your results are shown. "
    "Nothing is stored, nothing is sent anywhere else, and no cookies are used."
)
SUFFIXES = {".docx", ".pdf"}
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
    request_seconds: float = 180.0
    concurrent: int = 2
    document_seconds: float = 60.0


def create_app(settings: WebSettings | None = None) -> Starlette:
    settings = settings or WebSettings()
    env = Environment(
        loader=PackageLoader("agreement_check.web", "templates"), autoescape=select_autoescape(default=True)
    )
    gate = asyncio.Semaphore(settings.concurrent)

    def page(name: str, status: int = 200, **context: object) -> HTMLResponse:
        html = env.get_template(name).render(privacy=PRIVACY, version=__version__, **context)
        return HTMLResponse(html, status_code=status, headers=_HEADERS)

    def too_big() -> HTMLResponse:
        return page(
            "error.html",
            413,
            heading="Those files are too big",
            message=f"Please upload at most {settings.max_files} files of up to {settings.max_file_mb} MB each.",
        )

    def went_wrong() -> HTMLResponse:
        return page(
            "error.html",
            500,
            heading="Something went wrong",
            message="The checker met an unexpected problem. Your files have been deleted. Please try again.",
        )

    async def index(request: Request) -> Response:
        return page("index.html", max_files=settings.max_files, max_mb=settings.max_file_mb)

    async def check(request: Request) -> Response:
        started = time.monotonic()
        limit = settings.max_files * settings.max_file_mb * 1024 * 1024 + 64 * 1024
        if int(request.headers.get("content-length") or 0) > limit:
            return too_big()
        try:
            form = await request.form(
                max_files=settings.max_files, max_fields=10, max_part_size=settings.max_file_mb * 1024 * 1024
            )
        except Exception:  # the multipart parser's own limits
            return too_big()
        uploads = [item for item in form.getlist("files") if hasattr(item, "filename") and item.filename]
        pack = str(form.get("pack") or "auto")
        if pack not in {"auto", "leeds-compact", "working-together"}:
            pack = "auto"
        if not uploads:
            return page(
                "error.html",
                400,
                heading="No document was uploaded",
                message="Choose a Word (.docx) or PDF file to check.",
            )
        if len(uploads) > settings.max_files:
            return page(
                "error.html",
                413,
                heading="Too many files",
                message=f"Please upload at most {settings.max_files} files at a time.",
            )
        if gate.locked():
            LOG.info("busy: a request waited for a free checker")
        async with gate:
            with tempfile.TemporaryDirectory(prefix="agreement-check-") as tmp:
                folder = Path(tmp)
                files = []
                for index, upload in enumerate(uploads):
                    data = await upload.read()
                    if len(data) > settings.max_file_mb * 1024 * 1024:
                        return page(
                            "error.html",
                            413,
                            heading="A file is too big",
                            message=f"Each file can be up to {settings.max_file_mb} MB.",
                        )
                    path = folder / f"{index:02d}-{_safe_name(upload.filename)}"
                    path.write_bytes(data)
                    files.append((path, upload.filename))
                try:
                    context = await asyncio.wait_for(
                        asyncio.to_thread(_run, files, pack, settings), timeout=settings.request_seconds
                    )
                except asyncio.TimeoutError:
                    return page(
                        "error.html",
                        503,
                        heading="That took too long",
                        message="Checking your documents took longer than allowed. Please try again with fewer or smaller files.",
                    )
                except Exception as exc:  # a friendly page, and one line in the log with no file names
                    LOG.error("check failed (%s)", type(exc).__name__)
                    return went_wrong()
        LOG.info("checked %d document(s) in %.1f s", len(files), time.monotonic() - started)
        return page("report.html", **context)

    async def not_found(request: Request, exc: HTTPException) -> Response:
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
        LOG.error("unexpected error (%s)", type(exc).__name__)
        return went_wrong()

    return Starlette(
        routes=[Route("/", index), Route("/check", check, methods=["POST"])],
        exception_handlers={HTTPException: not_found, Exception: server_error},
    )


_HEADERS = {
    "Cache-Control": "no-store",
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; form-action 'self'; base-uri 'none'",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
}


def _safe_name(name: str) -> str:
    stem = Path(name).name
    cleaned = "".join(c if c.isalnum() or c in "._- " else "_" for c in stem)[:80] or "document"
    return cleaned if Path(cleaned).suffix.lower() in SUFFIXES else cleaned + ".bin"


def _run(files: list[tuple[Path, str]], pack: str, settings: WebSettings) -> dict[str, object]:
    """Check the uploads and build everything the page shows, while the files exist."""
    from agreement_check.annotate.copy import write_marked_copy
    from agreement_check.api import CheckOptions, check
    from agreement_check.reporters import get_reporter

    report = check(
        [path for path, _ in files], CheckOptions(pack=pack, jobs=min(2, len(files)), timeout=settings.document_seconds)
    )
    names = {str(path): name for path, name in files}
    documents = []
    for doc in report.documents:
        entry = _document(doc, report, names.get(doc.path, Path(doc.path).name))
        if doc.status == "checked":
            source = Path(doc.path)
            target = source.with_name("marked-" + source.name)
            try:
                kind, mime = COPY_KINDS[write_marked_copy(source, target, doc, report.rules)]
                entry["marked"] = {
                    "href": _data_url(target.read_bytes(), mime),
                    "name": _download_name(entry["name"]),
                    "kind": kind,
                }
            except Exception:  # the report stands without the copy
                LOG.warning("could not write a marked-up copy")
        documents.append(entry)
    public = _renamed(report, names)  # the names the user uploaded, not the temporary paths
    return {
        "documents": documents,
        "json_href": _data_url(json.dumps(public.to_dict(), indent=2, ensure_ascii=False).encode(), "application/json"),
        "html_href": _data_url(get_reporter("html").render(public).encode(), "text/html"),
    }


def _document(doc, report, name: str) -> dict:  # type: ignore[no-untyped-def]
    if doc.status == "error":
        return {"name": name, "error": doc.error_message}
    shown = sorted(
        (f for f in doc.findings if f.status in {"gap", "review"}),
        key=lambda f: (f.status != "gap", -SEVERITY_RANK.get(f.severity, 0)),
    )
    findings = [finding_view(f, report.rules.get(f.rule)) for f in shown]
    met = [report.rules[f.rule].title for f in doc.findings if f.status == "met" and f.rule in report.rules]
    return {
        "name": name,
        "gaps": sum(f.status == "gap" for f in doc.findings),
        "review": sum(f.status == "review" for f in doc.findings),
        "findings": findings,
        "met": met,
        "reason": PACK_WORDS.get(doc.pack or "", ""),
    }


def _renamed(report, names: dict[str, str]):  # type: ignore[no-untyped-def]
    from dataclasses import replace

    return replace(report, documents=tuple(d.with_path(names.get(d.path, Path(d.path).name)) for d in report.documents))


def _data_url(data: bytes, mime: str) -> str:
    return f"data:{mime};base64,{base64.b64encode(data).decode()}"


def _download_name(name: str) -> str:
    path = Path(name)
    return f"{path.stem}.checked{path.suffix}"
