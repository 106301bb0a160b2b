"""A grant agreement with pending tracked changes by two authors, built in code: one change
opens a gap (the funder's notice cut from six months to one), one closes a gap (the
mediation clause now names the Compact procedure), one does not matter (volunteers'
expenses gain a few words)."""

from __future__ import annotations

from pathlib import Path

from tests.builders import make_docx, p
from tests.cli.test_main import COMPLIANT

ALICE = ('w:author="Alice Reed"', 'w:date="2026-11-02T09:30:00Z"')
BOB = ('w:author="Bob Okafor"', 'w:date="2026-11-03T14:00:00Z"')


def run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def ins(text: str, who: tuple[str, str], rid: int) -> str:
    return f'<w:ins w:id="{rid}" {who[0]} {who[1]}>{run(text)}</w:ins>'


def dele(text: str, who: tuple[str, str], rid: int) -> str:
    return (
        f'<w:del w:id="{rid}" {who[0]} {who[1]}><w:r><w:delText xml:space="preserve">{text}</w:delText></w:r></w:del>'
    )


NOTICE = (
    "<w:p>"
    + run("7. The Council may end this Agreement if its financial allocations are reduced, by giving not less than ")
    + dele("six (6) months'", ALICE, 101)
    + ins("one month's", ALICE, 102)
    + run(" written notice.")
    + "</w:p>"
)
MEDIATION = (
    "<w:p>"
    + run("11. Any disagreement may be referred to ")
    + dele("independent mediation", BOB, 103)
    + ins("the Compact Mediation and Dispute Resolution procedure", BOB, 104)
    + run(".")
    + "</w:p>"
)
EXPENSES = (
    "<w:p>"
    + run("4. Volunteers' out-of-pocket expenses are an eligible cost")
    + ins(" of the project", ALICE, 105)
    + run(".")
    + "</w:p>"
)


def tracked_agreement(path: Path) -> Path:
    """The compliant agreement with the three tracked changes in clauses 4, 7 and 11."""
    body = ""
    for line in (line for line in COMPLIANT.splitlines() if line.strip()):
        if line.startswith("4. "):
            body += EXPENSES
        elif line.startswith("7. "):
            body += NOTICE
        elif line.startswith("11. "):
            body += MEDIATION
        else:
            body += p(line.replace("&", "&amp;"))
    return make_docx(path, body)


def plain_agreement(path: Path) -> Path:
    """The same agreement with every change accepted: no revisions at all."""
    lines = [line for line in COMPLIANT.splitlines() if line.strip()]
    lines = [line.replace("six (6) months'", "one month's") for line in lines]
    return make_docx(path, "".join(p(line.replace("&", "&amp;")) for line in lines))
