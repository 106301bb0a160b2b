"""Choose the rule pack for a document: the one the user named, or (auto) the pack whose
kind of document it looks like, with a one-line reason the user can check."""

from __future__ import annotations

import re
from dataclasses import dataclass

from agreement_check.errors import UsageError
from agreement_check.model import Document
from agreement_check.ruleset.rule import Pack

PER_PHRASE_CAP = 5


@dataclass(frozen=True)
class PackChoice:
    pack: Pack
    reason: str


def choose_pack(document: Document, packs: dict[str, Pack], requested: str) -> PackChoice:
    if requested != "auto":
        if requested not in packs:
            raise UsageError(f"unknown pack {requested!r}; known packs: {', '.join(sorted(packs))}")
        return PackChoice(packs[requested], f"{requested} (chosen with --pack)")
    text = document.text().lower()
    scored = sorted(((_score(text, pack), pack.id) for pack in packs.values() if pack.spec.detect), reverse=True)
    if not scored:
        fallback = packs.get("leeds-compact") or next(iter(packs.values()))
        return PackChoice(fallback, f"{fallback.id} (no pack describes how to detect its documents)")
    (best_score, best_id), *rest = scored
    best = packs[best_id]
    cues = _top_cues(text, best)
    if best_score < (best.spec.detect.threshold if best.spec.detect else 0):
        return PackChoice(
            best,
            f"{best.id}, chosen automatically, though the document does not clearly look like a "
            f"{_kind(best)} (few words such as {cues}); use --pack to choose",
        )
    runner_up = f" against {rest[0][0]} for {rest[0][1]}" if rest else ""
    return PackChoice(
        best,
        f"{best.id}, chosen automatically: it reads like a {_kind(best)} (words such as {cues}; "
        f"score {best_score}{runner_up}); use --pack to choose another",
    )


def _score(text: str, pack: Pack) -> int:
    assert pack.spec.detect is not None
    return sum(min(_count(text, phrase), PER_PHRASE_CAP) for phrase in pack.spec.detect.phrases)


def _count(text: str, phrase: str) -> int:
    return len(re.findall(rf"\b{re.escape(phrase.lower())}\w*", text))


def _top_cues(text: str, pack: Pack) -> str:
    assert pack.spec.detect is not None
    counts = sorted(((_count(text, p), p) for p in pack.spec.detect.phrases), reverse=True)
    shown = [f"“{p}”" for n, p in counts[:4] if n]
    return ", ".join(shown) if shown else "none"


def _kind(pack: Pack) -> str:
    return "funding agreement" if pack.id == "leeds-compact" else "partnership document"
