"""Build the two example templates (run from this folder with the project's Python)."""

from __future__ import annotations

from pathlib import Path

import docx

HERE = Path(__file__).resolve().parent / "templates"

COMMON = [
    "The Grant Period starts on [start date] and ends on [end date].",
    "The Grant may include a proportionate share of the Organisation's overhead costs, worked out on a full cost recovery basis.",
    "The Organisation's contribution may be made in cash or in time given by volunteers, valued at the Real Living Wage.",
    "Volunteers' reasonable out-of-pocket expenses, including travel, are an eligible cost.",
    "The Council recognises the Organisation's right to hold reserves and will not reduce the Grant because reserves are held.",
    "Monitoring will be proportionate to the size of the Grant: a short report every six months.",
    "If the Council believes the Organisation is in breach, it will discuss the matter first and allow at least 30 days to put it right before it withholds payment or ends this Agreement.",
    "The Council may end this Agreement if its financial allocations are reduced or its priorities change, by giving not less than six (6) months' written notice.",
    "No later than six months before the end of the Grant Period, the parties will meet to discuss further funding or an exit plan.",
    "Each party will comply with the UK GDPR and the Data Protection Act 2018, and with the Equality Act 2010.",
]
STANDARD = [
    *COMMON,
    "Any disagreement, including a concern that the Compact has not been followed, may be referred to the Compact Mediation and Dispute Resolution procedure.",
]
SMALL = [*COMMON, "The Council's decision on any question about this grant is final."]


def build(path: Path, title: str, clauses: list[str]) -> None:
    document = docx.Document()
    document.add_heading(title, level=0)
    document.add_paragraph(
        'Between Moorside City Council (the "Council") and [organisation], a registered charity (the "Organisation").'
    )
    for clause in clauses:
        document.add_paragraph(clause, style="List Number")
    document.core_properties.author = "agreement-check example"
    document.save(str(path))


if __name__ == "__main__":
    HERE.mkdir(exist_ok=True)
    build(HERE / "standard-grant-agreement.docx", "Standard Grant Agreement", STANDARD)
    build(HERE / "small-grants-offer-letter.docx", "Small Grants – Offer Letter", SMALL)
