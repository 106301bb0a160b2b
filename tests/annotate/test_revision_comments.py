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
    on = {comment.split("\n")[-1]: (text, comment) for text, comment in anchors}  # by the rule line
    opened, note = on["agreement-check rule leeds-compact/termination-notice"]
    assert opened == "six (6) months'one month's"  # the deleted and the inserted words, nothing else
    assert note.startswith("Gap: ") and "Pending changes would make this a gap" in note
    closed, note = on["agreement-check rule leeds-compact/mediation-reference"]
    assert closed == "independent mediationthe Compact Mediation and Dispute Resolution procedure"
    assert note.startswith("Met: ") and "Pending changes would close this gap: Bob Okafor, 3 Nov 2026" in note
    assert "agreement-check rule leeds-compact/volunteer-expenses" not in on
