"""Building blocks of the rule-file schema: strict models, names, "one or a list", ISO
durations, and the helper that tells which kind a mapping is by the key it carries.

Unions of kinds are tagged (pydantic `Discriminator`), so a mistake in a `regex` entry is
reported against `regex` alone rather than once for every kind it is not.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Annotated, Any, TypeVar

from pydantic import AfterValidator, BaseModel, ConfigDict, Discriminator, Field, Tag
from pydantic_core import PydanticCustomError

from agreement_check.nlp.durations import parse_iso

T = TypeVar("T")


def tag(kind: str) -> str:
    """The tag of a union member; in an error's location it stands between the key of the
    entry and the keys inside it, and `is_tag` lets the loader drop it."""
    return f"<{kind}>"


def is_tag(step: object) -> bool:
    """Whether a step of a validation error's location is a union member's tag."""
    return isinstance(step, str) and step.startswith("<") and step.endswith(">")


NOT_A_KIND = tag("not-a-kind")
"""The tag of the member that only reports "needs exactly one of ..." (hidden from the JSON Schema)."""


class Strict(BaseModel):
    """Unknown keys are errors: a typo must never silently turn a check off."""

    model_config = ConfigDict(extra="forbid", frozen=True)


Name = Annotated[str, Field(min_length=1, pattern=r"\S", description="the name of an entry of this rule")]
Text = Annotated[str, Field(min_length=1, pattern=r"\S")]


def _one_or_many(value: Any) -> str:
    return tag("many") if isinstance(value, list) else tag("one")


OneOrMany = Annotated[
    Annotated[T, Tag(tag("one"))] | Annotated[list[T], Field(min_length=1), Tag(tag("many"))],
    Discriminator(_one_or_many),
]
"""A value, or a non-empty list of them (`actor: funder` or `actor: [funder, either]`)."""


def _iso(value: str) -> str:
    try:
        parse_iso(value)
    except ValueError as exc:
        raise PydanticCustomError("duration", "bad duration: {error}", {"error": str(exc)}) from None
    return value


IsoDuration = Annotated[
    str,
    AfterValidator(_iso),
    Field(pattern=r"^P", description="an ISO 8601 duration such as P6M, P30D, P1Y"),
]


def _heading_pattern(value: str) -> str:
    try:
        re.compile(value, re.I)
    except re.error as exc:
        raise PydanticCustomError("heading_pattern", "bad heading pattern: {error}", {"error": str(exc)}) from None
    return value


HeadingPattern = Annotated[
    str, AfterValidator(_heading_pattern), Field(description="a regular expression matched against headings")
]


def kind_of(kinds: Sequence[str], name_tag: str | None = None) -> Callable[[Any], str]:
    """A discriminator: the one key of `kinds` a mapping carries (a plain string is the
    `name_tag` kind when there is one); anything else goes to the NOT_A_KIND member."""

    def discriminate(value: Any) -> str:
        if isinstance(value, str) and name_tag is not None:
            return tag(name_tag)
        if isinstance(value, BaseModel):  # when a validated spec is serialised
            value = {info.alias or key for key, info in type(value).model_fields.items()}
        present = [k for k in kinds if isinstance(value, (dict, set)) and k in value]
        return tag(present[0]) if len(present) == 1 else NOT_A_KIND

    return discriminate


def not_a_kind(kinds: Sequence[str], what: str, name_ok: bool = False) -> Callable[[Any], Any]:
    """The validator of the NOT_A_KIND member: says which kind keys it needs and found."""
    wanted = ", ".join(kinds[:-1]) + f" or {kinds[-1]}"

    def fail(value: Any) -> Any:
        alternative = " (or the name of another entry)" if name_ok else ""
        if not isinstance(value, dict):
            message = f"expected {what}: a mapping with one of {wanted}{alternative}"
            raise PydanticCustomError("kind", message)
        present = [k for k in kinds if k in value]
        found = f"found {' and '.join(present)}" if present else "found none of them"
        unknown = [str(k) for k in value if k not in kinds]
        if unknown and not present:
            found += f" (unknown key: {', '.join(unknown)})"
        raise PydanticCustomError("kind", f"{what} needs exactly one of {wanted}; {found}")

    return fail
