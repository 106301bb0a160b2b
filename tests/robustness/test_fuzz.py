"""Fuzzing, bounded for CI: mutated corpus documents through the parsers, and property
tests of the numbering renderer. A longer run for a release:

    FUZZ_EXAMPLES=2000 .venv/bin/python -m pytest tests/robustness/test_fuzz.py
"""

from __future__ import annotations

import io
import os
import random
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from agreement_check.errors import DocumentError
from agreement_check.parsers import ParseOptions, read_document
from agreement_check.parsers.numbering import Level, Numbering, format_number, to_roman
from tests.conftest import CORPUS

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "40"))
SEEDS = sorted((CORPUS / "docs").glob("*")) if (CORPUS / "docs").is_dir() else []
OPTIONS = ParseOptions(max_pages=50, max_member_bytes=20 * 2**20, max_package_bytes=40 * 2**20)


def mutate_bytes(data: bytes, rng: random.Random) -> bytes:
    data = bytearray(data)
    for _ in range(rng.randint(1, 12)):
        kind = rng.random()
        at = rng.randrange(len(data))
        if kind < 0.5:
            data[at] = rng.randrange(256)
        elif kind < 0.75:
            del data[at : at + rng.randint(1, 64)]
        else:
            data[at:at] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 32)))
    return bytes(data)


def mutate_docx_xml(data: bytes, rng: random.Random) -> bytes:
    """Damage the XML inside a valid zip, so the parser (not the unzip) is exercised."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in source.namelist():
            part = source.read(name)
            if name == "word/document.xml":
                part = mutate_bytes(part, rng)
            target.writestr(name, part)
    return out.getvalue()


@pytest.mark.parametrize("seed_file", SEEDS, ids=[s.name for s in SEEDS])
def test_mutated_documents_fail_cleanly(seed_file: Path, tmp_path: Path) -> None:
    rng = random.Random(seed_file.name)
    data = seed_file.read_bytes()
    for i in range(max(1, EXAMPLES // max(1, len(SEEDS)) * 2)):
        mutated = mutate_docx_xml(data, rng) if seed_file.suffix == ".docx" and i % 2 else mutate_bytes(data, rng)
        target = tmp_path / f"m{i}{seed_file.suffix}"
        target.write_bytes(mutated)
        try:
            document = read_document(target, OPTIONS)
        except DocumentError as exc:
            assert exc.code in {"corrupt", "empty", "unsupported-format", "no-text-layer", "too-large", "encrypted"}
            assert "\n" not in exc.message
        else:
            assert all(isinstance(b.text, str) for b in document.blocks)


@given(st.integers(min_value=1, max_value=3999))
def test_roman_numerals_round_trip(n: int) -> None:
    values = {"M": 1000, "D": 500, "C": 100, "L": 50, "X": 10, "V": 5, "I": 1}
    roman = to_roman(n)
    total = 0
    for i, letter in enumerate(roman):
        value = values[letter]
        total += -value if i + 1 < len(roman) and value < values[roman[i + 1]] else value
    assert total == n


@settings(max_examples=EXAMPLES * 5)
@given(st.lists(st.tuples(st.integers(0, 2), st.booleans()), min_size=1, max_size=60))
def test_numbering_counters_follow_word(sequence: list[tuple[int, bool]]) -> None:
    """Whatever order of levels, labels at each level count up from 1 and restart when a
    shallower level advances."""
    numbering = Numbering(None)
    numbering.abstracts["0"] = {
        0: Level(text="%1."),
        1: Level(text="%1.%2", fmt="decimal"),
        2: Level(text="(%3)", fmt="lowerLetter"),
    }
    from agreement_check.parsers.numbering import Instance

    numbering.instances["1"] = Instance(abstract_id="0")
    expected = [0, 0, 0]
    for level, _ in sequence:
        label = numbering.next_label("1", level)
        expected[level] += 1
        for deeper in range(level + 1, 3):
            expected[deeper] = 0
        if level == 0:
            assert label == f"{expected[0]}."
        elif level == 1:
            assert label == f"{max(expected[0], 1)}.{expected[1]}"
        else:
            assert label == f"({format_number(expected[2], 'lowerLetter')})"
