"""Suggested wording in the document's own words: the rule files write "the Funder" and
"the Recipient"; a letter that says "we" and "you", or an agreement between "the Council"
and "the Organisation", should be answered in its own terms.

A rule's suggestion is rewritten with the names `parties.party_names` found: each
mention becomes the document's term, or a pronoun in the right case ("we", "us", "our";
"you", "your"), with the verb that follows it agreeing ("the Funder recognises" -> "we
recognise")."""

from __future__ import annotations

import re

from agreement_check.nlp.parties import PartyNames

_MENTION = re.compile(r"\b([Tt])he\s+(Funder|Recipient)(['’]s)?\b")
_SELF = re.compile(r"\b([Tt])his\s+Agreement\b")
_OBJECT_BEFORE = re.compile(
    r"\b(?:to|by|with|from|for|of|on|against|between|giving|give|gives|tell|tells|inform|informs|notify|notifies|"
    r"ask|asks|pay|pays|allow|allows|let|lets|help|helps|support|supports)\s*$",
    re.I,
)
_PRONOUNS = {"funder": ("we", "us", "our"), "recipient": ("you", "you", "your")}
_PLURAL_VERBS = {"is": "are", "was": "were", "has": "have", "does": "do"}
_NOT_VERBS = {"always", "perhaps", "thus", "less", "as", "its", "this", "plus", "unless"}


def in_own_words(text: str, names: PartyNames) -> str:
    """`text` with "the Funder", "the Recipient" and "this Agreement" as the document says them."""
    out: list[str] = []
    last = 0
    for match in _MENTION.finditer(text):
        if match.start() < last:  # inside a verb already rewritten
            continue
        out.append(text[last : match.start()])
        before = "".join(out)
        possessive = bool(match.group(3))
        word, is_pronoun = _say(match.group(2).lower(), names, possessive=possessive, before=before)
        capital = match.group(1) == "T" or (is_pronoun and _starts_sentence(before))
        out.append(_capital(word) if capital else word)
        last = match.end()
        if is_pronoun and not possessive and word in {"we", "you"}:
            agreed = _agree(text[last:])
            if agreed is not None:
                out.append(agreed)
                last = _after_first_word(text, last)
    out.append(text[last:])
    result = "".join(out)
    if names.itself != "this Agreement":
        result = _SELF.sub(lambda m: _capital(names.itself) if m.group(1) == "T" else names.itself, result)
    return result


def _say(role: str, names: PartyNames, *, possessive: bool, before: str) -> tuple[str, bool]:
    """The word for one mention, and whether it is a pronoun."""
    term = names.funder if role == "funder" else names.recipient
    if term.lower() in {"we", "you"}:
        subject, obj, owner = _PRONOUNS[role]
        if possessive:
            return owner, True
        return (obj if _OBJECT_BEFORE.search(before) else subject), True
    return (f"{term}'s" if possessive else term), False


def _agree(rest: str) -> str | None:
    """' recognise' for ' recognises' after a subject that is now 'we' or 'you'; None
    when the next word is not a third-person verb."""
    match = re.match(r"(\s+)([a-z]+)\b", rest)
    if not match:
        return None
    space, word = match.groups()
    if word in _PLURAL_VERBS:
        return space + _PLURAL_VERBS[word]
    if word in _NOT_VERBS or not word.endswith("s") or word.endswith("ss") or len(word) < 4:
        return None
    if word.endswith("ies"):
        return space + word[:-3] + "y"
    if re.search(r"(?:ss|sh|ch|x|z)es$", word):
        return space + word[:-2]
    return space + word[:-1]


def _after_first_word(text: str, start: int) -> int:
    match = re.match(r"\s+[a-z]+\b", text[start:])
    return start + (match.end() if match else 0)


def _starts_sentence(before: str) -> bool:
    stripped = before.rstrip()
    return not stripped or stripped[-1] in '.:;!?"“' or stripped.endswith(("\u201c",))


def _capital(word: str) -> str:
    return word[:1].upper() + word[1:]
