"""A letter to the funder: what a charity does next with the report. Per document, a short
plain-English letter or email the recipient can edit and send: from and to as the
document names them (placeholders where it does not), each gap as a polite request with
the commitment it rests on and the wording to propose, errors first. No rule ids, no
statuses, no severity words: the funder reads this, not the checker's user."""

from __future__ import annotations

import re
import textwrap
from pathlib import PurePath

from agreement_check.provenance import LETTER_MARK
from agreement_check.report import DocumentResult, Finding, Report, RuleInfo
from agreement_check.reporters.common import ranked
from agreement_check.sanitize import file_name, terminal

WIDTH = 80
BETWEEN = "\n" + "-" * 30 + " next letter " + "-" * 30 + "\n\n"
YOUR_NAME, YOUR_ROLE, YOUR_ORGANISATION = "[your name]", "[your role]", "[your organisation]"
THEIR_NAME, FUNDER = "[name]", "[the funder]"


class LetterReporter:
    """Letters for every document of a report; `letters` gives them one by one, for a file
    each."""

    def render(self, report: Report) -> str:
        return BETWEEN.join(text for _, text in self.letters(report))

    def letters(self, report: Report) -> list[tuple[DocumentResult, str]]:
        return [(doc, letter(doc, report)) for doc in report.documents]


def letter(doc: DocumentResult, report: Report) -> str:
    """The letter for one document, ready to edit, under a first line that marks it as the
    tool's draft (so a re-run over the folder does not check it as a document)."""
    mark = f"{LETTER_MARK} from {_text(_name(doc))}: edit it, and delete this line, before sending.]"
    return mark + "\n\n" + _body(doc, report)


def _body(doc: DocumentResult, report: Report) -> str:
    if doc.status == "error":
        return _fill(
            f"(No letter: {_name(doc)} could not be read or was not checked, so there is nothing to ask "
            f"for yet. {doc.error_message or ''})"
        )
    parties = doc.parties or {}
    is_letter = bool(parties.get("letter"))
    what = "your offer letter" if is_letter else "the agreement"
    gaps = _requests(doc, report)
    sources = sorted({report.rules[f.rule].source for f in gaps if f.rule in report.rules})
    notes = [f"[For you, delete before sending: {_text(warning)}]" for warning in doc.warnings]  # one line each
    out = [
        *[line for note in notes for line in (note, "")],
        f"Subject: {_capital(what)} – {'some changes we would like to ask for' if gaps else 'thank you'}",
        "",
        f"From: {YOUR_NAME}, {_text(parties.get('recipient_name') or YOUR_ORGANISATION)}",
        f"To: {THEIR_NAME}, {_text(parties.get('funder_name') or FUNDER)}",
        "",
        f"Dear {THEIR_NAME},",
        "",
    ]
    if not gaps:
        out += [
            _fill(
                f"Thank you for sending us {what} ({_name(doc)}). We have read it alongside "
                f"{_the_list(sources) or 'the Compact'} and have no changes to ask for."
            ),
            "",
        ]
        return "\n".join([*out, *_closing()])
    out += [
        _fill(
            f"Thank you for sending us {what} ({_name(doc)}). We have read it alongside "
            f"{_the_list(sources)}, and before we sign we would like to ask whether the following "
            f"{'change' if len(gaps) == 1 else _number(len(gaps)) + ' changes'} could be made."
        ),
        "",
    ]
    for number, finding in enumerate(gaps, 1):
        out += [*_request(number, finding, report.rules.get(finding.rule), what), ""]
    out += [
        _fill(
            "We would be glad to talk any of these through, and we are happy to agree different wording "
            "that meets the same aim."
        ),
        "",
    ]
    return "\n".join([*out, *_closing()])


def _requests(doc: DocumentResult, report: Report) -> list[Finding]:
    """The gaps to raise, errors first; a gap the team has accepted is not asked about."""
    return [f for f in ranked(doc.findings) if f.status == "gap" and f.accepted is None]


def _request(number: int, finding: Finding, info: RuleInfo | None, what: str) -> list[str]:
    """One numbered request: what we ask for, what the document says now, the commitment it
    rests on, and the wording to propose."""
    title = info.title if info else finding.heading
    lines = [f"{number}. {_text(title)}", ""]
    if finding.evidence:
        place = re.sub(r", page (\d+)$", r" (page \1)", finding.evidence[0].location.describe())
        lines += [_fill(f"At the moment, {place} says: “{_text(finding.evidence[0].text)}”", indent=3), ""]
    else:
        lines += [_fill(f"At the moment {what} does not cover this.", indent=3), ""]
    if info is not None:
        lines += [
            _fill(f"{info.source} ({info.commitment_ref}) says: “{_text(info.commitment_quote)}”", indent=3),
            "",
        ]
    wording = finding.suggestion or (info.suggestion if info else "")
    if wording:
        lines += [_fill(_proposal(wording), indent=3)]
    return lines


def _proposal(suggestion: str) -> str:
    """'Could it say: “…”' for wording to add; the suggestion as a request otherwise."""
    quoted = re.findall(r"\"([^\"]{12,})\"|“([^”]{12,})”", suggestion)
    texts = [a or b for a, b in quoted]
    if texts and suggestion.lstrip().startswith(('"', "“")):
        return "Could it say, for example: " + " or ".join(f"“{_text(t)}”" for t in texts)
    if texts and re.match(r"^Add to the [\w ]+:", suggestion):
        where = suggestion.split(":", 1)[0][len("Add to ") :]
        return f"Could {where} say, for example: " + " ".join(f"“{_text(t)}”" for t in texts)
    return "We would suggest: " + _text(suggestion)


def _name(doc: DocumentResult) -> str:
    """The document's file name without the folders (the funder does not know them, and
    they can say more about the sender than the letter should)."""
    return file_name(PurePath(doc.path).name)


def _number(n: int) -> str:
    words = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]
    return words[n - 2] if 2 <= n <= 12 else str(n)


def _closing() -> list[str]:
    return ["Yours sincerely,", "", YOUR_NAME, YOUR_ROLE, YOUR_ORGANISATION, ""]


def _the_list(sources: list[str]) -> str:
    names = [s[:1].lower() + s[1:] if s.startswith("The ") else s for s in sources]
    return " and ".join(names)


def _text(text: str) -> str:
    """Document text as plain, one-line prose, with control characters shown, not obeyed
    (the letter may be printed on a terminal, and it is edited as text, not code)."""
    return " ".join(terminal(str(text)).split())


def _fill(text: str, indent: int = 0) -> str:
    pad = " " * indent
    return textwrap.fill(_text(text), WIDTH, initial_indent=pad, subsequent_indent=pad, break_on_hyphens=False)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]
