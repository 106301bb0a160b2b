"""Read an upload as it arrives, never whole.

The request body is read chunk by chunk and fed to python-multipart's streaming parser;
each file part goes straight into its own file in the request's private folder. Bytes are
counted as they come, so an upload is refused (413) the moment the request or one file
passes its limit, whatever Content-Length said or did not say (a chunked upload has
none). A client that goes quiet between chunks, or takes too long overall, is refused with
408, so a slow sender cannot hold a checker for ever.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from python_multipart import MultipartParser
from python_multipart.exceptions import FormParserError
from python_multipart.multipart import parse_options_header
from starlette.requests import Request

SUFFIXES = {".docx", ".docm", ".dotx", ".dotm", ".pdf", ".odt", ".ott", ".doc", ".rtf", ".txt", ".md"}
FORM_ROOM = 64 * 1024  # room in a request for part headers and the small fields beside the files
FILE_FIELD = "files"


@dataclass(frozen=True)
class UploadLimits:
    max_files: int
    max_file_bytes: int
    idle_seconds: float  # longest quiet spell between two chunks
    total_seconds: float  # the whole body must have arrived by then
    max_fields: int = 10
    max_field_bytes: int = 1024
    max_header_bytes: int = 8 * 1024  # a part's headers together

    @property
    def max_request_bytes(self) -> int:
        return self.max_files * self.max_file_bytes + FORM_ROOM


class UploadRefused(Exception):
    """An upload stopped part way: the status to answer with and a reason for the log."""

    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason


@dataclass
class Upload:
    files: list[tuple[Path, str]] = field(default_factory=list)  # (where it was saved, the name the user gave)
    fields: dict[str, str] = field(default_factory=dict)
    received: int = 0  # bytes of body read


async def receive_upload(request: Request, folder: Path, limits: UploadLimits, upload: Upload) -> None:
    """Fill `upload` from the request body, saving files under `folder`. Raises
    `UploadRefused`, or Starlette's `ClientDisconnect` when the client goes away. The
    caller passes `upload` in so that what was received is known even when refused."""
    content_type, options = parse_options_header(request.headers.get("content-type", ""))
    if content_type != b"multipart/form-data":
        return  # a form with no files: nothing worth reading
    if not options.get(b"boundary"):
        raise UploadRefused(400, "bad-form")
    form = _Form(folder, limits, upload)
    try:
        parser = MultipartParser(options[b"boundary"], form.callbacks())  # type: ignore[arg-type]
        await _feed(request, parser, limits, upload)
    except FormParserError:
        raise UploadRefused(400, "bad-form") from None
    finally:
        form.close()
    if not form.complete:
        raise UploadRefused(400, "incomplete")


async def _feed(request: Request, parser: MultipartParser, limits: UploadLimits, upload: Upload) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + limits.total_seconds
    chunks = request.stream()
    try:
        while True:
            quiet = max(0.0, min(limits.idle_seconds, deadline - loop.time()))
            try:
                chunk = await asyncio.wait_for(chunks.__anext__(), timeout=quiet)
            except StopAsyncIteration:
                return
            except asyncio.TimeoutError:
                raise UploadRefused(408, "slow") from None
            upload.received += len(chunk)
            if upload.received > limits.max_request_bytes:
                raise UploadRefused(413, "request-too-big")
            parser.write(chunk)
    finally:
        await chunks.aclose()


class _Form:
    """The parser's callbacks: part headers are read into small capped buffers, file data
    is written to disk as it comes, the form's few small fields are kept as text."""

    def __init__(self, folder: Path, limits: UploadLimits, upload: Upload) -> None:
        self.folder, self.limits, self.upload = folder, limits, upload
        self.complete = False
        self._fields = 0
        self._reset()

    def _reset(self) -> None:
        self._header_bytes = 0
        self._name, self._value = bytearray(), bytearray()
        self._disposition = b""
        self._file: IO[bytes] | None = None
        self._saved: tuple[Path, str] | None = None
        self._field: bytearray | None = None
        self._field_name = ""
        self._size = 0

    def callbacks(self) -> dict[str, object]:
        return {
            "on_part_begin": self._reset,
            "on_header_field": lambda data, start, end: self._header(self._name, data[start:end]),
            "on_header_value": lambda data, start, end: self._header(self._value, data[start:end]),
            "on_header_end": self._header_end,
            "on_headers_finished": self._headers_finished,
            "on_part_data": self._data,
            "on_part_end": self._part_end,
            "on_end": self._end,
        }

    def _header(self, buffer: bytearray, piece: bytes) -> None:
        self._header_bytes += len(piece)
        if self._header_bytes > self.limits.max_header_bytes:
            raise UploadRefused(413, "headers-too-big")
        buffer.extend(piece)

    def _header_end(self) -> None:
        if bytes(self._name).strip().lower() == b"content-disposition":
            self._disposition = bytes(self._value)
        self._name, self._value = bytearray(), bytearray()

    def _headers_finished(self) -> None:
        _, options = parse_options_header(self._disposition)
        name = options.get(b"name", b"").decode("utf-8", "replace")
        if b"filename" in options:
            self._start_file(name, options[b"filename"].decode("utf-8", "replace"))
        else:
            self._fields += 1
            if self._fields > self.limits.max_fields:
                raise UploadRefused(413, "too-many-fields")
            self._field, self._field_name = bytearray(), name

    def _start_file(self, name: str, filename: str) -> None:
        if name != FILE_FIELD or not filename:  # a file input left empty, or a stray part: read past it
            return
        if len(self.upload.files) >= self.limits.max_files:
            raise UploadRefused(413, "too-many-files")
        path = self.folder / f"{len(self.upload.files):02d}-{safe_name(filename)}"
        self._file = path.open("xb")
        self._saved = (path, filename)

    def _data(self, data: bytes, start: int, end: int) -> None:
        self._size += end - start
        if self._file is not None:
            if self._size > self.limits.max_file_bytes:
                raise UploadRefused(413, "file-too-big")
            self._file.write(data[start:end])
        elif self._field is not None:
            if self._size > self.limits.max_field_bytes:
                raise UploadRefused(413, "field-too-big")
            self._field.extend(data[start:end])

    def _part_end(self) -> None:
        if self._file is not None and self._saved is not None:
            self._file.close()
            self._file = None
            self.upload.files.append(self._saved)
        elif self._field is not None:
            self.upload.fields[self._field_name] = self._field.decode("utf-8", "replace")

    def _end(self) -> None:
        self.complete = True

    def close(self) -> None:
        if self._file is not None:
            self._file.close()


def safe_name(name: str) -> str:
    """A name for the saved copy: the last path part, plain characters, a known suffix."""
    stem = Path(name.replace("\\", "/")).name
    cleaned = "".join(c if c.isalnum() or c in "._- " else "_" for c in stem)[:80] or "document"
    return cleaned if Path(cleaned).suffix.lower() in SUFFIXES else cleaned + ".bin"
