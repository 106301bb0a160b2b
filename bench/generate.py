"""Generate realistic funding agreements and partnership documents, deterministically,
as DOCX and PDF of a chosen length: for the benchmark and the batch tests. Nothing large
is committed; the same seed always gives the same documents.

    .venv/bin/python -m bench.generate OUT_DIR --count 200 --pages 2
"""

from __future__ import annotations

import argparse
import random
from dataclasses import dataclass
from pathlib import Path

FUNDERS = [
    "Moorside City Council",
    "Northmoor Integrated Care Board",
    "West Yorkshire Police and Crime Commissioner",
    "The Aire Valley Trust",
    "Calder Community Foundation",
]
RECIPIENTS = [
    "Hollin Park Community Association",
    "Beeston Youth Hub CIO",
    "Larkspur Carers Network",
    "Chapeltown Food Bank",
    "Gipton Befrienders",
]

# Each topic: variants a funder might write; {F} is the funder, {R} the recipient.
CLAUSES: dict[str, list[str]] = {
    "period": [
        "The Grant Period starts on 1 April 2026 and ends on 31 March 2028.",
        "This Agreement runs for three (3) years from 1 October 2026.",
        "This Agreement starts on 1 July 2026 and continues until ended by either party.",
    ],
    "payment": [
        "{F} will pay {R} a grant of £{amount:,} in quarterly instalments in advance.",
        "{F} will pay each valid invoice within thirty (30) days of receipt.",
    ],
    "overheads": [
        "The Grant may include a proportionate share of {R}'s overhead costs, worked out on a full cost recovery basis.",
        "Central costs, overheads and management charges of {R} are not eligible.",
        "The Grant may be used only for the direct costs of the Project.",
    ],
    "match": [
        "{R} will contribute at least £{match:,}; time given by volunteers, valued at £12 an hour, counts towards this contribution.",
        "{R} must raise match funding of £{match:,} in cash; the value of volunteers' time will not be accepted.",
        "",
    ],
    "volunteers": [
        "Volunteers' reasonable out-of-pocket expenses, including travel, are an eligible cost.",
        "The sessions are led by volunteers. Volunteer expenses are not an eligible cost.",
        "",
    ],
    "reserves": [
        "{F} recognises {R}'s right to hold reserves and will not reduce the Grant because reserves are held.",
        "{F} may reduce the Grant by any unrestricted reserves above six months' expenditure.",
        "",
    ],
    "quality": [
        "{R} will hold a recognised quality mark, such as the Trusted Charity Mark, or an equivalent scheme {F} accepts.",
        "{R} must hold certification to ISO 9001:2015 throughout this Agreement.",
        "",
    ],
    "monitoring": [
        "Monitoring will be proportionate to the size of the Grant: a short report every six months.",
        "{R} will send a quarterly monitoring return limited to the indicators in Schedule 1.",
    ],
    "remedy": [
        "If {F} believes {R} is in breach, it will discuss the matter first and allow at least 30 days to put it right before it withholds payment or terminates this Agreement.",
        "If {R} breaches any of these conditions, {F} may terminate this Agreement with immediate effect and require repayment of the Grant.",
    ],
    "termination": [
        "{F} may end this Agreement if its financial allocations are reduced or its priorities change, by giving not less than six (6) months' written notice.",
        "{F} may terminate this Agreement for any reason by giving one month's notice in writing.",
        "{F} may end this Agreement at any time by written notice if its budget is withdrawn.",
        "{F} may terminate this Agreement on twenty-six (26) weeks' notice if its funding is reduced.",
    ],
    "recipient_exit": ["{R} may end this Agreement by giving three (3) months' written notice."],
    "end_discussion": [
        "No later than six months before the end of the Grant Period, the parties will meet to discuss further funding or an exit plan.",
        "",
    ],
    "data": ["Each party will comply with the UK GDPR and the Data Protection Act 2018.", ""],
    "equality": ["{R} will comply with the Equality Act 2010.", ""],
    "disputes": [
        "Any disagreement, including a concern that the Compact has not been followed, may be referred to the Compact Mediation and Dispute Resolution procedure.",
        "Any dispute will be referred to an independent mediator agreed by the parties.",
        "The decision of {F} on any dispute is final.",
    ],
}
# What a careful reader concludes from each variant above, by rule (None: no bearing).
EXPECT: dict[str, list[dict[str, str]]] = {
    "period": [{"funding-period": "met"}, {"funding-period": "met"}, {"funding-period": "gap"}],
    "payment": [{}, {}],
    "overheads": [{"overhead-costs": "met"}, {"overhead-costs": "gap"}, {"overhead-costs": "gap"}],
    "match": [
        {"volunteer-match-funding": "met"},
        {"volunteer-match-funding": "gap"},
        {"volunteer-match-funding": "not-applicable"},
    ],
    "volunteers": [{"volunteer-expenses": "met"}, {"volunteer-expenses": "gap"}, {}],
    "reserves": [{"reserves": "met"}, {"reserves": "gap"}, {"reserves": "met"}],
    "quality": [{"quality-assurance": "met"}, {"quality-assurance": "gap"}, {"quality-assurance": "not-applicable"}],
    "monitoring": [{"proportionate-monitoring": "met"}, {"proportionate-monitoring": "met"}],
    "remedy": [{"remedy-before-default": "met"}, {"remedy-before-default": "gap"}],
    "termination": [
        {"termination-notice": "met"},
        {"termination-notice": "gap"},
        {"termination-notice": "gap"},
        {"termination-notice": "met"},
    ],
    "recipient_exit": [{}],
    "end_discussion": [{"end-of-funding-discussion": "met"}, {"end-of-funding-discussion": "gap"}],
    "data": [{"data-protection": "met"}, {"data-protection": "gap"}],
    "equality": [{"equality": "met"}, {"equality": "gap"}],
    "disputes": [{"mediation-reference": "met"}, {"mediation-reference": "gap"}, {"mediation-reference": "gap"}],
}
SECTIONS = [
    ("Term", ["period"]),
    ("Amount and payment", ["payment"]),
    ("Eligible costs", ["overheads", "volunteers"]),
    ("Contribution", ["match"]),
    ("Reserves", ["reserves"]),
    ("Quality and monitoring", ["quality", "monitoring"]),
    ("Problems", ["remedy"]),
    ("Ending this Agreement", ["termination", "recipient_exit", "end_discussion"]),
    ("Information and equality", ["data", "equality"]),
    ("Disputes", ["disputes"]),
]
FILLER = (
    "The Project will offer weekly sessions at community venues across the area, with outreach to people who "
    "do not usually use services. Staff and volunteers will keep simple records of attendance and of what people "
    "say about the sessions, and will share learning with partner organisations at the quarterly network meeting. "
    "Activities will be planned with the people who take part, reviewed each term, and adapted where they are not "
    "reaching the people they are meant for."
)
WORDS_PER_PAGE = 430


@dataclass(frozen=True)
class Spec:
    name: str
    title: str
    sections: list[tuple[str, list[str]]]
    expected: dict[str, str]


def funding_agreement(rng: random.Random, index: int, pages: int) -> Spec:
    funder, recipient = rng.choice(FUNDERS), rng.choice(RECIPIENTS)
    values = {
        "F": "the Funder",
        "R": "the Organisation",
        "amount": rng.randrange(5, 200) * 1000,
        "match": rng.randrange(1, 20) * 500,
    }
    sections = [
        (
            None,
            [
                f'This Agreement is made between {funder.upper()} (the "Funder") and {recipient.upper()}, a registered charity (the "Organisation").'
            ],
        )
    ]
    expected: dict[str, str] = {}
    for heading, topics in SECTIONS:
        chosen = [(t, rng.randrange(len(CLAUSES[t]))) for t in topics]
        clauses = [CLAUSES[t][i].format(**values) for t, i in chosen]
        sections.append((heading, [c for c in clauses if c]))
        for t, i in chosen:
            expected.update(EXPECT[t][i])
    schedule: list[str] = []
    words = sum(len(c.split()) for _, cs in sections for c in cs)
    while words < pages * WORDS_PER_PAGE:
        schedule.append(FILLER)
        words += len(FILLER.split())
    sections.append(("Schedule 1 – The Project", schedule))
    if "volunteer-expenses" not in expected:
        # volunteers help deliver the work (the schedule says so) but nothing covers their expenses
        involved = bool(schedule) or expected["volunteer-match-funding"] != "not-applicable"
        expected["volunteer-expenses"] = "gap" if involved else "not-applicable"
    return Spec(f"agreement-{index:04d}", f"Grant Agreement – {funder} and {recipient}", sections, expected)  # type: ignore[arg-type]


def build_docx(spec: Spec, path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_heading(spec.title, level=0)
    for heading, clauses in spec.sections:
        if heading:
            document.add_heading(heading, level=1)
        for clause in clauses:
            style = "List Number" if heading and not heading.startswith("Schedule") else None
            document.add_paragraph(clause, style=style)
    document.core_properties.author = "agreement-check bench"
    document.save(str(path))


def build_pdf(spec: Spec, path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    body = ParagraphStyle("b", fontName="Helvetica", fontSize=10.5, leading=14, spaceAfter=6)
    h1 = ParagraphStyle("h", fontName="Helvetica-Bold", fontSize=13, leading=17, spaceBefore=8, spaceAfter=6)
    story: list = [
        Paragraph(spec.title, ParagraphStyle("t", fontName="Helvetica-Bold", fontSize=16, leading=20, spaceAfter=10))
    ]
    number = 0
    for heading, clauses in spec.sections:
        if heading:
            story.append(Paragraph(heading, h1))
        for clause in clauses:
            if heading and not heading.startswith("Schedule"):
                number += 1
                clause = f"{number}. {clause}"
            story.append(Paragraph(clause, body))

    def footer(canvas, doc) -> None:  # type: ignore[no-untyped-def]
        canvas.setFont("Helvetica", 8)
        canvas.drawString(280, 30, f"Page {doc.page}")

    SimpleDocTemplate(str(path), pagesize=A4, invariant=1, title=spec.title).build(
        story, onFirstPage=footer, onLaterPages=footer
    )


def generate(
    out: Path, count: int, pages: int = 2, seed: int = 2026, formats: tuple[str, ...] = ("docx", "pdf")
) -> dict[Path, dict[str, str]]:
    """Write `count` documents; returns each path with the statuses a reader would expect."""
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    written = {}
    for i in range(count):
        spec = funding_agreement(rng, i, pages)
        fmt = formats[i % len(formats)]
        path = out / f"{spec.name}.{fmt}"
        (build_docx if fmt == "docx" else build_pdf)(spec, path)
        written[path] = spec.expected
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--pages", type=int, default=2)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    paths = generate(args.out, args.count, args.pages, args.seed)
    print(f"{len(paths)} documents written to {args.out}")


if __name__ == "__main__":
    main()
