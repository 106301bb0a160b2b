"""The `decide` section: conditions (`when`), reported values and evidence of each
outcome. The names they use are checked against `find` and `extract` by `crosscheck`."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import AfterValidator, Discriminator, Field, Tag, model_validator
from pydantic.json_schema import SkipJsonSchema
from pydantic_core import PydanticCustomError

from agreement_check.codes import Status
from agreement_check.ruleset.fields import NOT_A_KIND, IsoDuration, Name, OneOrMany, Strict, kind_of, not_a_kind, tag

CONDITION_KEYS = ("found", "none", "all", "any", "not", "shortest_at_least", "largest_below")


class FoundCondition(Strict):
    """Every named find or extract entry has results."""

    found: OneOrMany[Name]


class NoneCondition(Strict):
    """None of the named find or extract entries has results."""

    none: OneOrMany[Name]


class AllCondition(Strict):
    all: list[Condition] = Field(min_length=1)


class AnyCondition(Strict):
    any: list[Condition] = Field(min_length=1)


class NotCondition(Strict):
    not_: Condition = Field(alias="not")


class DurationThreshold(Strict):
    of: Name = Field(description="an extract entry that reads periods of time")
    duration: IsoDuration


class ShortestAtLeastCondition(Strict):
    """The shortest period an extract entry read is at least this long (and there is one)."""

    shortest_at_least: DurationThreshold


class AmountThreshold(Strict):
    of: Name = Field(description="an extract entry that reads sums of money")
    amount: float = Field(strict=True)


class LargestBelowCondition(Strict):
    """The largest sum an extract entry read is below this amount (or there is none)."""

    largest_below: AmountThreshold


Condition = Annotated[
    Annotated[FoundCondition, Tag(tag("found"))]
    | Annotated[NoneCondition, Tag(tag("none"))]
    | Annotated[AllCondition, Tag(tag("all"))]
    | Annotated[AnyCondition, Tag(tag("any"))]
    | Annotated[NotCondition, Tag(tag("not"))]
    | Annotated[ShortestAtLeastCondition, Tag(tag("shortest_at_least"))]
    | Annotated[LargestBelowCondition, Tag(tag("largest_below"))]
    | Annotated[SkipJsonSchema[Any], AfterValidator(not_a_kind(CONDITION_KEYS, "a condition")), Tag(NOT_A_KIND)],
    Discriminator(kind_of(CONDITION_KEYS)),
]

for _model in (AllCondition, AnyCondition, NotCondition):
    _model.model_rebuild()

DURATION_TAKES = ("shortest", "longest", "first")
AMOUNT_TAKES = ("first", "largest")


class ValueFrom(Strict):
    """A value read by an extract entry: `{from: notices, take: shortest, field: days}`."""

    from_: Name = Field(alias="from", description="the extract entry the value comes from")
    take: Literal["shortest", "longest", "first", "largest"] = "shortest"
    field: Literal["iso", "days", "amount"] = Field(
        default="iso", description="iso (P6M) or days of a period of time; amount of a sum of money"
    )

    @model_validator(mode="after")
    def _take_fits_field(self) -> ValueFrom:
        if "take" not in self.model_fields_set:
            return self
        takes = AMOUNT_TAKES if self.field == "amount" else DURATION_TAKES
        if self.take not in takes:
            what = "an amount" if self.field == "amount" else "a period"
            raise PydanticCustomError("take", f"take for {what} is one of {', '.join(takes)}")
        return self

    def as_spec(self) -> dict[str, str]:
        """The mapping the engine reads (`from`, `take`, `field`)."""
        return {"from": self.from_, "take": self.take, "field": self.field}


def _value_kind(value: Any) -> str:
    if isinstance(value, (dict, ValueFrom)):
        return tag("from")
    return tag("literal") if value is None or isinstance(value, (str, int, float, bool)) else NOT_A_KIND


def _not_a_value(value: Any) -> Any:
    raise PydanticCustomError(
        "value", "expected text, a number, true/false, null or {from: NAME, take: ..., field: ...}"
    )


Value = Annotated[
    Annotated[str | int | float | bool | None, Tag(tag("literal"))]
    | Annotated[ValueFrom, Tag(tag("from"))]
    | Annotated[SkipJsonSchema[Any], AfterValidator(_not_a_value), Tag(NOT_A_KIND)],
    Discriminator(_value_kind),
]


class Outcome(Strict):
    """One decision: the first whose `when` holds gives the status."""

    status: Status
    edit: Literal["insert", "replace"] = Field(
        default="insert", description="how --suggest-edits proposes the wording: insert it, or replace the clause"
    )
    when: Condition | None = Field(default=None, description="no `when` on the last decision: it is the default")
    message: Name | None = Field(default=None, description="a key of `messages` (default: the status)")
    values: dict[str, Value] = Field(default_factory=dict, description="values reported with the finding")
    evidence: list[Name] | None = Field(
        default=None, description="find or extract entries to quote (default: what `when` looked at)"
    )

    def value_specs(self) -> dict[str, Any]:
        """The values as the engine reads them: literals, or `{from, take, field}` mappings."""
        return {k: v.as_spec() if isinstance(v, ValueFrom) else v for k, v in self.values.items()}
