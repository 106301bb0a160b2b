"""The marked-up copy of a document with pending tracked changes puts each altered
finding's comment on the tracked changes themselves."""

from __future__ import annotations

from pathlib import Path

from agreement_check.annotate.docx_comments import comment_anchors
from agreement_check.annotate.targets import MarkedCopies
from agreement_check.api import CheckOptions, check
from tests.tracked import tracked_agreement


def test_comments_sit_on_the_tracked_changes(tmp_path: Path) -> None:
    source = tracked_agreement(tmp_path / "tracked.docx")
    options = CheckOptions(isolate=False, pack="leeds-compact", marked_copies=MarkedCopies(tmp_path / "out"))
    doc = check([source], options).documents[0]
    assert doc.marked_copy is not None and doc.marked_copy.path, doc.marked_copy
    anchors = comment_anchors(Path(doc.marked_copy.path))
    on = {comment.split("\n")[0]: text for text, comment in anchors}
    opened = on["Gap: At least six months' notice before the funder ends the agreement for its own reasons"]
    assert opened == "six (6) months'one month's"  # the deleted and the inserted words, nothing else
    closed = on["Met: The Compact's mediation and dispute resolution procedure is referenced"]
    assert closed == "independent mediationthe Compact Mediation and Dispute Resolution procedure"
    notes = {comment.split("\n")[0]: comment for _, comment in anchors}
    assert "Pending changes would close this gap: Bob Okafor, 3 Nov 2026" in "\n".join(notes.values())
    assert not any(title.startswith("Met: Volunteers") for title in on)
