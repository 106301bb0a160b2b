"""PDF content that decodes past the memory cap stays within it: a deflate inside a deflate,
an abbreviated filter name and a form XObject the page draws are measured with bounded
decoders and refused before any reader decodes them; a worker that does die for memory
is reported as too large, not as a crash."""

from __future__ import annotations

import base64
import zlib
from pathlib import Path

import pytest

from agreement_check.api import CheckOptions, check
from agreement_check.batch.isolation import Limits, run_isolated
from agreement_check.parsers.pdf_inflate import decoded_size
from tests.robustness import hostile

MiB = 1 << 20


def test_content_that_decodes_past_the_cap_is_refused_before_it_is_decoded(tmp_path: Path) -> None:
    bombs = {
        "a-double-flate.pdf": hostile.double_flate_pdf,
        "b-abbreviated.pdf": hostile.abbreviated_flate_pdf,
        "c-form.pdf": hostile.form_bomb_pdf,
    }
    paths = [make(tmp_path / name, 128) for name, make in bombs.items()]  # 128 MiB each, past a 100 MB cap
    paths.append(hostile.good_pdf(tmp_path / "d-good.pdf"))
    report = check(paths, CheckOptions(jobs=1, memory_mb=100, pack="leeds-compact"))
    assert [d.error_code or d.status for d in report.documents] == ["too-large"] * 3 + ["checked"]
    for doc in report.documents[:3]:  # refused by measuring, not stopped at the cap
        assert doc.error_message == "A page of the PDF holds more than 32 MB of drawing instructions."


class _Stream:
    """What `decoded_size` reads of a pdfminer stream."""

    def __init__(self, data: bytes, filters: list[str]) -> None:
        self.rawdata, self.data, self.decipher, self.objid = data, None, None, None
        self._filters = filters

    def get_filters(self) -> list[tuple[str, dict]]:
        return [(name, {}) for name in self._filters]


@pytest.mark.parametrize(
    ("data", "filters"),
    [
        (hostile.flate_bomb(64), ["FlateDecode"]),
        (zlib.compress(hostile.flate_bomb(64)), ["Fl", "Fl"]),
        (base64.a85encode(hostile.flate_bomb(64), adobe=True), ["A85", "FlateDecode"]),
        (hostile.flate_bomb(64).hex().encode() + b">", ["ASCIIHexDecode", "FlateDecode"]),
        (bytes([129, 32]) * 600_000, ["RunLengthDecode"]),
        (b"<~" + b"z" * 20_000_000 + b"~>", ["ASCII85Decode"]),
    ],
    ids=["flate", "flate-twice", "a85-then-flate", "hex-then-flate", "run-length", "a85-zeros"],
)
def test_decoding_stops_just_past_the_budget(data: bytes, filters: list[str]) -> None:
    budget = 32 * MiB
    assert budget < decoded_size(_Stream(data, filters), budget) <= 4 * (budget + 1)


def test_content_within_the_budget_is_measured_exactly() -> None:
    data = zlib.compress(b"BT (Grant terms) Tj ET\n" * 1000)
    assert decoded_size(_Stream(data, ["FlateDecode"]), 32 * MiB) == 23_000
    assert decoded_size(_Stream(data[:-200], ["FlateDecode"]), 32 * MiB) < 23_000  # damaged: what came before


def test_a_worker_that_aborts_for_memory_is_too_large_not_a_crash() -> None:
    from tests.robustness.dying_worker import serve

    results = run_isolated([Path("any.pdf")], CheckOptions(), 1, Limits(seconds=30), serve=serve)
    assert (results[0].error_code, results[0].error_message) == (
        "too-large",
        "Reading this file needed more memory than allowed, so it was stopped.",
    )
