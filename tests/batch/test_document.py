"""One file's job does each piece of work once: with a result cache the file is hashed
once (the digest that finds the cache entry is the one the reader records), and its type
is sniffed once, whether or not a marked-up copy is made from the same reading."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from agreement_check import parsers
from agreement_check.annotate.targets import MarkedCopies
from agreement_check.batch import document
from agreement_check.batch.options import CheckOptions
from tests.builders import make_docx, p
from tests.cli.test_main import COMPLIANT


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """How often the file is hashed (by the cache or by the reader) and sniffed."""
    counted: Counter[str] = Counter()

    def counting(name: str, module: Any, attr: str) -> None:
        real = getattr(module, attr)

        def wrapper(*args: Any, **kwargs: Any) -> Any:
            counted[name] += 1
            return real(*args, **kwargs)

        monkeypatch.setattr(module, attr, wrapper)

    counting("hash", document, "file_digest")
    counting("hash", parsers, "_sha256")
    counting("sniff", parsers, "sniff")
    return counted


def test_a_cached_check_hashes_and_sniffs_the_file_once(tmp_path: Path, calls: Counter[str]) -> None:
    source = tmp_path / "offer.txt"
    source.write_text(COMPLIANT, encoding="utf-8")
    options = CheckOptions(isolate=False, pack="leeds-compact", cache=tmp_path / "cache")
    packs = document.load_configured_packs(options)
    first = document.check_file(source, packs, options)
    assert first.status == "checked" and calls == {"hash": 1, "sniff": 1}
    calls.clear()
    again = document.check_file(source, packs, options)  # from the cache: hashed, not read
    assert again.findings == first.findings and calls == {"hash": 1}


def test_a_marked_up_copy_is_made_from_the_one_reading(tmp_path: Path, calls: Counter[str]) -> None:
    source = make_docx(tmp_path / "offer.docx", p("Grant Agreement") + p("The Grant is £5,000."))
    options = CheckOptions(
        isolate=False, pack="leeds-compact", cache=tmp_path / "cache", marked_copies=MarkedCopies(tmp_path / "out")
    )
    packs = document.load_configured_packs(options)
    result = document.check_file(source, packs, options, copy_to=tmp_path / "out" / "offer.docx")
    assert result.marked_copy is not None and result.marked_copy.path
    assert calls == {"hash": 1, "sniff": 1}
