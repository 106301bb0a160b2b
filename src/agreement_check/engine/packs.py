"""Choose the rule pack for a document: the one the user named, or (auto) the pack whose
kind of document it looks like, with a one-line reason the user can check.

Two kinds of signal, both listed in each pack's `detect`:

- what the document talks about (`phrases`: "grant", "members", "quorum"), which chooses
  between the packs;
- what only a document of the kind says: what it calls itself (`names`: "terms of
  reference", "conditions of grant"), worth more in its title and opening, and the words
  of the terms it sets (`terms`: "repay", "quorum", "must").

A budget, a newsletter, a web page or a letter about a meeting talks about grants and
members too, but sets no terms and does not call itself an agreement; under `--pack auto`
a document below every pack's `kind_threshold` is not checked (`not-an-agreement`). The
weights and thresholds were set by measuring the labelled sets and a few non-agreements
(tests/engine/test_packs.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from agreement_check.errors import DocumentError, UsageError
from agreement_check.model import Document
from agreement_check.ruleset.rule import Pack
from agreement_check.ruleset.schema import Detect

PER_PHRASE_CAP = 5  # one word said fifty times is still one signal
OPENING_WORDS = 60  # a document's title and first lines: where it says what it is
NAMED_IN_OPENING = 4  # naming itself there ("Terms of Reference") is the strongest sign
NOT_AN_AGREEMENT = (
    "This does not look like a funding agreement or a partnership document; use --pack to check it anyway."
)


@dataclass(frozen=True)
class PackChoice:
    pack: Pack
    reason: str


@dataclass(frozen=True)
class Signals:
    """How much a document reads like one pack's kind of document."""

    pack: Pack
    topic: int  # `phrases`
    kind: int  # `names` and `terms`, with the opening bonus
    phrase_counts: tuple[tuple[str, int], ...] = ()  # each of `phrases` with its count, for the reason

    @property
    def total(self) -> int:
        return self.topic + self.kind


def choose_pack(document: Document, packs: dict[str, Pack], requested: str) -> PackChoice:
    """The pack to check `document` against; `DocumentError("not-an-agreement")` when
    `requested` is auto and the document reads like none of the packs' kinds."""
    if requested != "auto":
        if requested not in packs:
            raise UsageError(f"unknown pack {requested!r}; known packs: {', '.join(sorted(packs))}")
        return PackChoice(packs[requested], f"{requested} (chosen with --pack)")
    text = document.text().lower()
    readings = [signals(text, pack) for pack in packs.values() if pack.spec.detect]
    if not readings:
        fallback = packs.get("leeds-compact") or next(iter(packs.values()))
        return PackChoice(fallback, f"{fallback.id} (no pack describes how to detect its documents)")
    if not any(_could_be(r) for r in readings):
        raise DocumentError("not-an-agreement", NOT_AN_AGREEMENT)
    best, *rest = sorted(readings, key=lambda r: (r.total, r.pack.id), reverse=True)
    return PackChoice(best.pack, _reason(best, rest))


def signals(text: str, pack: Pack) -> Signals:
    """`text` in lower case; the pack's signals in it."""
    detect = pack.spec.detect
    assert detect is not None
    counts = tuple((phrase, _count(text, phrase)) for phrase in detect.phrases)
    topic = sum(min(n, PER_PHRASE_CAP) for _, n in counts)
    return Signals(pack, topic, kind_score(text, detect), counts)


def kind_score(text: str, detect: Detect) -> int:
    """How much `text` (lower case) says what only a document of this kind says."""
    opening = " ".join(text.split(maxsplit=OPENING_WORDS)[:OPENING_WORDS])
    named = any(_count(opening, name) for name in detect.names)
    return _score(text, [*detect.names, *detect.terms]) + (NAMED_IN_OPENING if named else 0)


def _could_be(reading: Signals) -> bool:
    """A pack that lists neither names nor terms cannot say a document is not its kind."""
    detect = reading.pack.spec.detect
    assert detect is not None
    return not (detect.names or detect.terms) or reading.kind >= detect.kind_threshold


def _reason(best: Signals, rest: list[Signals]) -> str:
    detect = best.pack.spec.detect
    assert detect is not None
    cues = _top_cues(best)
    if best.topic < detect.threshold:
        return (
            f"{best.pack.id}, chosen automatically, though the document does not clearly look like a "
            f"{_kind(best.pack)} (few words such as {cues}); use --pack to choose"
        )
    runner_up = f" against {rest[0].total} for {rest[0].pack.id}" if rest else ""
    return (
        f"{best.pack.id}, chosen automatically: it reads like a {_kind(best.pack)} (words such as {cues}; "
        f"score {best.total}{runner_up}); use --pack to choose another"
    )


def _score(text: str, phrases: list[str]) -> int:
    return sum(min(_count(text, phrase), PER_PHRASE_CAP) for phrase in phrases)


def _count(text: str, phrase: str) -> int:
    """Occurrences of `phrase` starting a word (what `\\bphrase\\w*` finds), counted once
    per document and phrase: each pack's phrases, names and terms share words."""
    return _counter(text).count(phrase.lower())


@lru_cache(maxsize=1)
def _counter(text: str) -> _PhraseCounter:
    return _PhraseCounter(text)


class _PhraseCounter:
    """Counts `\\bphrase\\w*` in one text with plain substring search: a regular expression
    that starts with `\\b` is tried at every character, about a hundred times slower."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._counts: dict[str, int] = {}

    def count(self, phrase: str) -> int:
        if phrase not in self._counts:
            self._counts[phrase] = self._scan(phrase) if phrase else len(re.findall(r"\b\w*", self.text))
        return self._counts[phrase]

    def _scan(self, phrase: str) -> int:
        text, found = self.text, 0
        starts_word = _is_word(phrase[0])
        at = text.find(phrase)
        while at != -1:
            if (_is_word(text[at - 1]) != starts_word) if at else starts_word:  # \b before it
                found += 1
                end = at + len(phrase)
                while end < len(text) and _is_word(text[end]):  # \w* after it
                    end += 1
                at = text.find(phrase, end)
            else:
                at = text.find(phrase, at + 1)
        return found


def _is_word(char: str) -> bool:
    """What `\\w` matches in a str pattern."""
    return char.isalnum() or char == "_"


def _top_cues(reading: Signals) -> str:
    counts = sorted(((n, p) for p, n in reading.phrase_counts), reverse=True)
    shown = [f"“{p}”" for n, p in counts[:4] if n]
    return ", ".join(shown) if shown else "none"


def _kind(pack: Pack) -> str:
    return "funding agreement" if pack.id == "leeds-compact" else "partnership document"
