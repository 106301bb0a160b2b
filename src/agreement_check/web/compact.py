"""What the web page says about the Compact: who it binds, what we check against it and
where to read it. The page works offline: it is built from the rule packs shipped with
the tool (each rule's commitment, quoted with its reference) and our own summary; the
full text is linked at its publisher, since the Compact carries no licence to copy it
whole."""

from __future__ import annotations

from functools import cache
from typing import Any

OFFICIAL_TEXT = "https://doinggoodleeds.org.uk/key-policy-documents/"
PUBLISHER = "Doing Good Leeds (Third Sector Leeds)"


@cache
def compact_context() -> dict[str, Any]:
    """The packs' titles, sources and commitments, read once per process."""
    from agreement_check.ruleset.loader import load_packs

    packs = []
    for pack in load_packs().values():
        rules = [
            {
                "title": rule.spec.title,
                "ref": rule.spec.commitment.ref,
                "quote": " ".join(rule.spec.commitment.quote.split()),
                "serious": rule.spec.severity == "error",
            }
            for rule in pack.rules
        ]
        packs.append(
            {
                "id": pack.id,
                "title": pack.spec.title,
                "document": pack.spec.source.document,
                "edition": pack.spec.source.edition,
                "description": " ".join(pack.spec.description.split()),
                "rules": rules,
            }
        )
    return {"packs": packs, "official": OFFICIAL_TEXT, "publisher": PUBLISHER}
