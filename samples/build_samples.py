"""Rebuild the sample agreements in this folder (run from the repository root):

    .venv/bin/python samples/build_samples.py

The samples are invented. DOCX files use Word's automatic numbering (python-docx's
"List Number" styles); PDFs are laid out with reportlab, with running headers and
footers, so both readers are exercised by `make demo`.
"""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent

# Each document: a title, then sections of (heading, [clauses]); a clause that is a list
# is a sub-item ("- " prefix); a clause starting with "|" is a table row.
RIVERSIDE = (
    "Grant Agreement – Riverside Borough Council and Calder Valley Befrienders",
    [
        (
            None,
            [
                'This Agreement is made between RIVERSIDE BOROUGH COUNCIL of Town Hall, Bridge Street (the "Council") and '
                'CALDER VALLEY BEFRIENDERS, a charitable incorporated organisation (charity number 1190021) (the "Organisation").',
                "Both parties have adopted the Compact for Leeds and will apply its principles to this Agreement.",
            ],
        ),
        (
            "Term and amount",
            [
                "The funding period runs from 1 October 2025 to 30 September 2028.",
                "The Council will pay the Organisation a grant of £84,000 in total, in equal quarterly instalments in advance.",
            ],
        ),
        (
            "Use of the grant",
            [
                "The grant may be spent on:",
                "- the salary and on-costs of the befriending coordinator;",
                "- volunteers' travel and other reasonable out-of-pocket expenses; and",
                "- a fair share of the Organisation's core and overhead costs, calculated on a full cost recovery basis.",
                "The Organisation will contribute at least £6,000 a year to the project. Time given by volunteers, valued at the Real Living Wage, counts towards this contribution.",
                "The Council recognises the Organisation's right to hold reserves in line with its reserves policy and will not reduce the grant because reserves are held.",
            ],
        ),
        (
            "Quality and monitoring",
            [
                "The Organisation will hold the Approved Provider Standard or another quality mark that the Council accepts as equivalent.",
                "Monitoring will be proportionate to the grant: a two-page report every six months and an annual statement of income and expenditure.",
                "Each party will comply with the UK GDPR and the Data Protection Act 2018 in handling personal data about the people the project supports.",
                "The Organisation will comply with the Equality Act 2010.",
            ],
        ),
        (
            "Problems and ending the agreement",
            [
                "If the Council is concerned that the Organisation is not meeting this Agreement, it will first discuss the concern with the Organisation, and then set out in writing what needs to change, allowing at least 30 days to put it right.",
                "Only if the problem is not put right in that period may the Council suspend payments or terminate this Agreement. The Council may terminate immediately in the case of fraud or insolvency.",
                "The Council may end this Agreement early if its budget is reduced or its priorities change, by giving the Organisation at least six (6) months' written notice.",
                "The Organisation may end this Agreement by giving three months' notice.",
                "At least nine months before the funding period ends, the parties will meet to discuss continuation, other sources of funding, or an exit plan for the people the project supports.",
            ],
        ),
        (
            "Disputes",
            [
                "A disagreement that cannot be settled between the parties, including a concern that the Compact has not been followed, may be referred by either party to the Compact Mediation and Dispute Resolution procedure.",
            ],
        ),
    ],
)

OFFER = (
    "Offer of Grant – Healthy Neighbourhoods Fund",
    [
        (
            None,
            [
                "Dear Ms Akhtar,",
                "We are pleased to offer Beeston Hill Community Kitchen a grant of £3,800 towards your community cooking sessions, on the conditions below.",
            ],
        ),
        (
            "Conditions of grant",
            [
                "The grant is for the period from 1 January 2026 to 31 December 2026.",
                "The grant may be used only for ingredients, equipment and venue hire. It may not be used for staff salaries, management costs or any share of your organisation's overheads.",
                "You must raise match funding of at least £1,000 in cash. The value of volunteers' time will not be accepted as match funding.",
                "Your sessions are run by volunteer cooks. Volunteer expenses are not an eligible cost.",
                "You must send us monthly bank statements and monthly accounts certified by an accountant for your whole organisation.",
                "We may end this grant for any reason by giving you one month's notice in writing.",
                "If you break any of these conditions we may end the grant immediately and ask you to repay it in full.",
                "Our decision on any disagreement about this grant is final.",
            ],
        ),
        (
            "Accepting the offer",
            [
                "Please sign and return a copy of this letter within 21 days to accept the grant.",
            ],
        ),
    ],
)

SLA = (
    "Service Level Agreement – Youth Outreach in Harehills and Gipton",
    [
        (
            None,
            [
                'Between the West Yorkshire Violence Reduction Partnership (the "Commissioner") and Gipton Youth Action, a charity (the "Provider").',
            ],
        ),
        (
            "Particulars",
            [
                "| Item | Detail",
                "| Start date | 1 April 2026",
                "| End date | 31 March 2027",
                "| Annual value | £48,500",
                "| Commissioner notice period (other than for default) | three (3) months",
                "| Provider notice period | six (6) months",
            ],
        ),
        (
            "Service conditions",
            [
                "The Provider must hold the National Youth Agency Quality Mark throughout this Agreement.",
                "The price includes a management fee of 8% towards the Provider's central support costs.",
                "The Provider will submit a quarterly monitoring return limited to the indicators in the specification.",
                "The Provider will process personal data in line with data protection law and will comply with the Equality Act 2010.",
            ],
        ),
        (
            "Performance and termination",
            [
                "Where performance falls below the service levels, the Commissioner will meet the Provider and agree an improvement plan with a reasonable timetable before any payment is withheld.",
                "Either party may terminate this Agreement for any reason by giving written notice of not less than its notice period set out in the Particulars.",
                "The Commissioner may terminate with immediate effect if the Provider becomes insolvent.",
            ],
        ),
        (
            "Disputes",
            [
                "Disputes will be referred to an independent mediator agreed by the parties.",
            ],
        ),
    ],
)

FORUM_TOR = (
    "Terms of Reference – Chapeltown Older People's Forum",
    [
        (
            "Purpose",
            [
                "The Forum exists to give older residents of Chapeltown a say in the services that affect them.",
                "Its aims are to gather older people's views, share them with service providers, and check that changes are made.",
                "Each member organisation records what it hopes to gain from the Forum when it joins.",
            ],
        ),
        (
            "Membership and roles",
            [
                "Members are community groups and individual older residents. Observers from public bodies may attend but do not vote.",
                "The chair runs meetings and represents the Forum. The secretary keeps the minutes and the action log.",
            ],
        ),
        (
            "Meetings and decisions",
            [
                "Meetings are held monthly at 2pm in step-free venues on a bus route; members may also take part by telephone.",
                "A meeting is quorate when six members are present. Decisions are made by consensus or, failing that, a simple majority.",
                "A summary of decisions is published in the Forum newsletter.",
                "Members send apologies to the secretary before the meeting.",
            ],
        ),
        (
            "How we work together",
            [
                "Members agree to treat each other with respect and to declare any interest in an item.",
                "Complaints about the Forum may be made to the chair, who will reply within 14 days.",
                "The secretary keeps notes of each meeting and an action log showing who will do what by when.",
            ],
        ),
        (
            "Review",
            [
                "The Forum reviews these terms of reference and its aims every year.",
            ],
        ),
    ],
)

MOU = (
    "Memorandum of Understanding – East Leeds Food Network",
    [
        (
            None,
            [
                'This Memorandum is between Leeds City Council (the "Council"), Seacroft Food Bank and Halton Moor Pantry (together "the partners").',
            ],
        ),
        (
            "Shared purpose",
            [
                "The shared purpose of the network is to make sure that no household in East Leeds goes without food in an emergency.",
            ],
        ),
        (
            "Responsibilities",
            [
                "The Council provides the coordinator and meeting rooms. The food banks run distribution and share weekly figures.",
            ],
        ),
        (
            "Decisions",
            [
                "Decisions are taken by agreement of all three partners at the monthly steering group.",
            ],
        ),
        (
            "Resources",
            [
                "Each partner meets its own costs of taking part in the network.",
            ],
        ),
    ],
)


def build_docx(doc: tuple, path: Path) -> None:
    import docx

    title, sections = doc
    document = docx.Document()
    document.add_heading(title, level=0)
    for heading, clauses in sections:
        if heading:
            document.add_heading(heading, level=1)
        rows = [c for c in clauses if c.startswith("|")]
        for clause in clauses:
            if clause.startswith("|"):
                continue
            if clause.startswith("- "):
                document.add_paragraph(clause[2:], style="List Number 2")
            elif heading is None:
                document.add_paragraph(clause)
            else:
                document.add_paragraph(clause, style="List Number")
        if rows:
            table = document.add_table(rows=0, cols=2)
            table.style = "Table Grid"
            for row in rows:
                cells = table.add_row().cells
                for cell, text in zip(cells, [c.strip() for c in row.strip("|").split("|")], strict=False):
                    cell.text = text
    document.core_properties.author = "agreement-check samples"
    document.save(str(path))


def build_pdf(doc: tuple, path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table

    title, sections = doc
    body = ParagraphStyle("body", fontName="Helvetica", fontSize=10.5, leading=14, spaceAfter=6)
    sub = ParagraphStyle("sub", parent=body, leftIndent=18)
    h1 = ParagraphStyle("h1", fontName="Helvetica-Bold", fontSize=13, leading=17, spaceBefore=8, spaceAfter=6)
    ttl = ParagraphStyle("title", fontName="Helvetica-Bold", fontSize=17, leading=22, spaceAfter=12)
    story: list = [Paragraph(title, ttl)]
    number = 0
    for heading, clauses in sections:
        if heading:
            story.append(Paragraph(heading, h1))
        rows = [[c.strip() for c in row.strip("|").split("|")] for row in clauses if row.startswith("|")]
        letter = 0
        for clause in clauses:
            if clause.startswith("|"):
                continue
            if clause.startswith("- "):
                letter += 1
                story.append(Paragraph(f"({chr(96 + letter)}) {clause[2:]}", sub))
            elif heading is None:
                story.append(Paragraph(clause, body))
            else:
                number += 1
                letter = 0
                story.append(Paragraph(f"{number}. {clause}", body))
        if rows:
            story += [
                Table(rows, colWidths=[200, 250], style=[("FONT", (0, 0), (-1, -1), "Helvetica", 10.5)]),
                Spacer(1, 8),
            ]

    def decorate(canvas, page_doc) -> None:
        canvas.setFont("Helvetica", 8.5)
        canvas.drawString(56, A4[1] - 36, title)
        canvas.drawString(A4[0] / 2 - 20, 30, f"Page {page_doc.page}")

    SimpleDocTemplate(str(path), pagesize=A4, topMargin=60, bottomMargin=60, title=title, invariant=1).build(
        story, onFirstPage=decorate, onLaterPages=decorate
    )


def main() -> None:
    build_docx(RIVERSIDE, HERE / "riverside-council-grant-agreement.docx")
    build_pdf(OFFER, HERE / "healthy-neighbourhoods-offer-letter.pdf")
    build_docx(SLA, HERE / "youth-outreach-sla.docx")
    build_docx(FORUM_TOR, HERE / "chapeltown-forum-terms-of-reference.docx")
    build_pdf(MOU, HERE / "east-leeds-food-network-mou.pdf")


if __name__ == "__main__":
    main()
