"""The `find` section: named matchers, one kind per entry, checked in full when the rule
loads (patterns compile, durations parse, provision queries use the known vocabulary)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any, Literal, TypeAlias

import regex
from pydantic import AfterValidator, ConfigDict, Discriminator, Field, Tag, model_validator
from pydantic.json_schema import SkipJsonSchema
from pydantic_core import PydanticCustomError

from agreement_check.matchers.provision_query import QUERY_FIELDS
from agreement_check.matchers.regex_matcher import compile_pattern
from agreement_check.matchers.tokens import validate_patterns
from agreement_check.ruleset.fields import (
    NOT_A_KIND,
    HeadingPattern,
    IsoDuration,
    Name,
    OneOrMany,
    Strict,
    Text,
    kind_of,
    not_a_kind,
    tag,
)

KINDS = ("phrases", "tokens", "regex", "duration", "provision", "all", "any", "not", "ref")
FILTERS = ("negated", "in_heading", "headings", "not_headings")

if TYPE_CHECKING:
    Action: TypeAlias = str
    Actor: TypeAlias = str
    Modality: TypeAlias = str
    Reason: TypeAlias = str
    Timing: TypeAlias = str
    Role: TypeAlias = str
else:  # the vocabularies of the provision reader, listed in the JSON Schema for editors
    Action = Literal[QUERY_FIELDS["action"]]
    Actor = Literal[QUERY_FIELDS["actor"]]
    Modality = Literal[QUERY_FIELDS["modality"]]
    Reason = Literal[QUERY_FIELDS["reasons"]]
    Timing = Literal[QUERY_FIELDS["timing"]]
    Role = Literal[QUERY_FIELDS["periods"]]


def _regex(value: str) -> str:
    try:
        compile_pattern(value)
    except regex.error as exc:
        raise PydanticCustomError("regex", "bad regular expression: {error}", {"error": str(exc)}) from None
    return value


def _token_patterns(value: list[list[dict[str, Any]]]) -> list[list[dict[str, Any]]]:
    errors = validate_patterns(value)
    if errors:
        raise PydanticCustomError("tokens", "bad token pattern: {errors}", {"errors": "; ".join(errors)})
    return value


Pattern = Annotated[Text, AfterValidator(_regex)]
TokenPattern = Annotated[list[dict[str, Any]], Field(min_length=1)]


class Filters(Strict):
    negated: bool | None = Field(
        default=None,
        strict=True,
        description="keep only matches that are (true) or are not (false) denied or excluded where they stand",
    )
    in_heading: bool | None = Field(
        default=None,
        strict=True,
        description="keep only matches in (true) or outside (false) the text of a heading: a heading names a "
        "subject, it provides nothing",
    )
    headings: OneOrMany[HeadingPattern] | None = Field(
        default=None, description="keep only matches under a heading matching one of these patterns"
    )
    not_headings: OneOrMany[HeadingPattern] | None = Field(
        default=None, description="drop matches under a heading matching one of these patterns"
    )

    def filters(self) -> bool:
        return self.negated is not None or self.in_heading is not None or bool(self.headings) or bool(self.not_headings)


class PhrasesEntry(Filters):
    """Fixed phrases, on lemmas by default ("overhead costs" also finds "Overhead Cost")."""

    phrases: list[Text] = Field(min_length=1)
    attr: Literal["LEMMA", "LOWER"] = Field(default="LEMMA", description="LOWER for exact words")


class TokensEntry(Filters):
    """spaCy token patterns (LEMMA, LOWER, LIKE_NUM, OP, ...)."""

    tokens: Annotated[list[TokenPattern], Field(min_length=1), AfterValidator(_token_patterns)]


class RegexEntry(Filters):
    """A regular expression or a list of them (case-insensitive)."""

    regex: OneOrMany[Pattern]


class DurationBounds(Strict):
    model_config = ConfigDict(**Strict.model_config, json_schema_extra={"minProperties": 1})

    at_least: IsoDuration | None = None
    less_than: IsoDuration | None = None

    @model_validator(mode="after")
    def _some_bound(self) -> DurationBounds:
        if self.at_least is None and self.less_than is None:
            raise PydanticCustomError("duration", "needs at_least and/or less_than (ISO 8601, e.g. P6M)")
        return self


class DurationEntry(Filters):
    """Periods of time written in any form ("six (6) months'", "26 weeks") within bounds."""

    duration: DurationBounds


class ProvisionSpec(Strict):
    """A question asked of the document's provisions: each field lists the values that
    qualify (any of them); `not_` fields list values that disqualify."""

    action: OneOrMany[Action]
    actor: OneOrMany[Actor] | None = None
    modality: OneOrMany[Modality] | None = None
    reasons: OneOrMany[Reason] | None = None
    not_reasons: OneOrMany[Reason] | None = None
    timing: OneOrMany[Timing] | None = None
    not_timing: OneOrMany[Timing] | None = None
    periods: OneOrMany[Role] | None = None
    not_periods: OneOrMany[Role] | None = None

    def query_fields(self) -> dict[str, frozenset[str]]:
        """The fields given, each as a set of values (for `ProvisionQuery`)."""
        out = {}
        for key in type(self).model_fields:
            value = getattr(self, key)
            if value is not None:
                out[key] = frozenset([value] if isinstance(value, str) else value)
        return out


class ProvisionEntry(Filters):
    """Provisions (who may or must do what, for which reasons, when) that match a query."""

    provision: ProvisionSpec


class AllEntry(Filters):
    """All of these together: within one sentence (default), block, section or document,
    or within a window of N words; a `not` item blocks the group."""

    all: list[FindEntry] = Field(min_length=1)
    within: Literal["sentence", "block", "section", "document"] = "sentence"
    window: int | None = Field(default=None, ge=1, strict=True, description="at most this many words apart")


class AnyEntry(Filters):
    """Any of these."""

    any: list[FindEntry] = Field(min_length=1)


class NotEntry(Strict):
    """Inside `all`: the group must not contain this. Alone it matches nothing."""

    not_: FindEntry = Field(alias="not")

    @model_validator(mode="before")
    @classmethod
    def _no_filters(cls, data: Any) -> Any:
        if isinstance(data, dict) and set(FILTERS) & set(data):
            raise PydanticCustomError("not_filters", "negated and headings go on the entry inside `not`")
        return data


class RefEntry(Filters):
    """Another find entry, by name (to add negated or headings to it)."""

    ref: Name


FindEntry = Annotated[
    Annotated[Name, Tag(tag("name"))]
    | Annotated[PhrasesEntry, Tag(tag("phrases"))]
    | Annotated[TokensEntry, Tag(tag("tokens"))]
    | Annotated[RegexEntry, Tag(tag("regex"))]
    | Annotated[DurationEntry, Tag(tag("duration"))]
    | Annotated[ProvisionEntry, Tag(tag("provision"))]
    | Annotated[AllEntry, Tag(tag("all"))]
    | Annotated[AnyEntry, Tag(tag("any"))]
    | Annotated[NotEntry, Tag(tag("not"))]
    | Annotated[RefEntry, Tag(tag("ref"))]
    | Annotated[SkipJsonSchema[Any], AfterValidator(not_a_kind(KINDS, "a find entry", name_ok=True)), Tag(NOT_A_KIND)],
    Discriminator(kind_of(KINDS, name_tag="name")),
]
"""One matcher: a mapping with exactly one kind key (and filters), or a name."""

for _model in (AllEntry, AnyEntry, NotEntry):
    _model.model_rebuild()
