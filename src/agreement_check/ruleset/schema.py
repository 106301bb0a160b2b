"""The rule-file schema. Unknown keys are errors (a typo must never silently turn a
check off); the loader turns every validation error into `file:line: rule: key: msg`, and
`agreement-check rules schema` publishes it as JSON Schema for editors.

`find` entries are in `find_schema`, `decide` outcomes in `decide_schema`; the names one
part uses and another defines are checked by `crosscheck`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any, Literal, TypeAlias

from pydantic import AfterValidator, Discriminator, Field, Tag
from pydantic.json_schema import SkipJsonSchema

from agreement_check.codes import Severity, Status
from agreement_check.nlp.components import COMPONENTS
from agreement_check.nlp.periods import ROLES
from agreement_check.ruleset.decide_schema import Outcome
from agreement_check.ruleset.fields import NOT_A_KIND, IsoDuration, Name, Strict, kind_of, not_a_kind, tag
from agreement_check.ruleset.find_schema import FindEntry

EXTRACT_KINDS = ("component", "provisions", "periods")

if TYPE_CHECKING:
    Component: TypeAlias = str
    Role: TypeAlias = str
else:
    Component = Literal[tuple(sorted(COMPONENTS))]
    Role = Literal[ROLES]


class Commitment(Strict):
    ref: str = Field(min_length=1, description="Where the commitment stands, e.g. 'Principle 4, 1.9'")
    quote: str = Field(min_length=1)


class Example(Strict):
    status: Status
    text: str = Field(min_length=1)
    values: dict[str, Any] | None = None
    note: str | None = None


class ComponentExtract(Strict):
    """Values from a named language component (`grant-amounts`)."""

    component: Component


class ProvisionExtract(Strict):
    """The period of a given role of each provision a `provision` find entry selects:
    `{provisions: ending-for-own-reasons, period: notice, if_none: P0D}`."""

    provisions: Name = Field(description="a find entry made of provision queries")
    period: Role
    if_none: IsoDuration | None = Field(
        default=None, description="ISO 8601 value for a provision with no such period, e.g. P0D"
    )


class PeriodsExtract(Strict):
    """Every period of a role written in the document (for `duration`, calendar spans
    too), optionally only in units where one find entry matches and another does not:
    `{periods: duration, within: funding-words, not_within: open-ended}`."""

    periods: Role
    within: Name | None = Field(default=None, description="a find entry: only units where it matches")
    not_within: Name | None = Field(default=None, description="a find entry: not units where it matches")


Extract = Annotated[
    Annotated[ComponentExtract, Tag(tag("component"))]
    | Annotated[ProvisionExtract, Tag(tag("provisions"))]
    | Annotated[PeriodsExtract, Tag(tag("periods"))]
    | Annotated[SkipJsonSchema[Any], AfterValidator(not_a_kind(EXTRACT_KINDS, "an extract entry")), Tag(NOT_A_KIND)],
    Discriminator(kind_of(EXTRACT_KINDS)),
]
"""Values read from the document: durations or sums of money."""


class RuleSpec(Strict):
    """An agreement-check rule file: one rule, with its commitment, matchers, decisions
    and examples."""

    id: str = Field(pattern=r"^[a-z0-9-]+/[a-z0-9-]+$", description="<pack>/<file name without .yaml>")
    title: str = Field(min_length=1)
    gap_title: str | None = Field(
        default=None,
        min_length=1,
        description="the heading of a gap: what is missing or wrong (\"No six months' notice before the funder can "
        'end the agreement"); without it, reports show `title`',
    )
    met_title: str | None = Field(
        default=None, min_length=1, description="the heading when the commitment is met: what the document provides"
    )
    review_title: str | None = Field(
        default=None, min_length=1, description="the heading of a finding to check by hand: what to look at"
    )
    severity: Severity = "error"
    commitment: Commitment
    reference: str = Field(min_length=1)
    description: str = Field(min_length=1)
    suggestion: str = Field(min_length=1)
    section: list[str] = Field(default_factory=list, description="headings where the provision belongs")
    messages: dict[str, str] = Field(
        description="message templates by status or name; {where} and values are filled in"
    )
    find: dict[str, FindEntry] = Field(default_factory=dict, description="named matchers")
    extract: dict[str, Extract] = Field(default_factory=dict, description="named values read from the document")
    decide: list[Outcome] = Field(min_length=1, description="the first outcome whose `when` holds wins")
    examples: list[Example] = Field(min_length=1, description="texts the rule must decide as shown")


class Source(Strict):
    document: str
    edition: str
    path: str | None = None


class Detect(Strict):
    """How `--pack auto` knows a document of this pack's kind (see `engine/packs.py`)."""

    phrases: list[str] = Field(
        description="what documents of this kind talk about; with `names` and `terms`, the pack "
        "that scores most is chosen"
    )
    threshold: int = Field(default=3, description="below this many `phrases` the choice is reported as unclear")
    names: list[str] = Field(
        default_factory=list,
        description='what a document of this kind calls itself ("terms of reference", "grant agreement"); '
        "counted more when in its opening",
    )
    terms: list[str] = Field(
        default_factory=list, description='words of the terms such a document sets ("quorum", "repay")'
    )
    kind_threshold: int = Field(
        default=3,
        ge=1,
        description="under --pack auto, a document below this score of `names` and `terms` for every pack that "
        "has them is reported as not-an-agreement",
    )


class PackSpec(Strict):
    """An agreement-check rule pack (pack.yaml): the rule files beside it form the pack."""

    id: str = Field(pattern=r"^[a-z0-9-]+$")
    title: str
    version: str
    source: Source
    applies_to: list[str]
    description: str
    detect: Detect | None = None
