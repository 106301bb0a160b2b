"""The rule-file schema. Unknown keys are errors (a typo must never silently turn a
check off); the loader turns every validation error into `file:line: rule: key: msg`."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

Status = Literal["met", "gap", "review", "not-applicable"]
Severity = Literal["error", "warning", "info"]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Commitment(Strict):
    ref: str = Field(min_length=1, description="Where the commitment stands, e.g. 'Principle 4, 1.9'")
    quote: str = Field(min_length=1)


class Example(Strict):
    status: Status
    text: str = Field(min_length=1)
    values: dict[str, Any] | None = None
    note: str | None = None


class Outcome(Strict):
    status: Status
    edit: Literal["insert", "replace"] = "insert"  # how --suggest-edits proposes the wording
    when: dict[str, Any] | None = None
    message: str | None = None
    values: dict[str, Any] = Field(default_factory=dict)
    evidence: list[str] | None = None


class ComponentExtract(Strict):
    """Values from a named language component (`grant-amounts`)."""

    component: str


class ProvisionExtract(Strict):
    """The period of a given role of each provision a `provision` find entry selects:
    `{provisions: ending-for-own-reasons, period: notice, if_none: P0D}`."""

    provisions: str = Field(description="a find entry made of provision queries")
    period: Literal["notice", "remedy", "deadline", "duration", "records", "other"]
    if_none: str | None = Field(
        default=None, description="ISO 8601 value for a provision with no such period, e.g. P0D"
    )


class PeriodsExtract(Strict):
    """Every period of a role written in the document (for `duration`, calendar spans
    too), optionally only in units where one find entry matches and another does not:
    `{periods: duration, within: funding-words, not_within: open-ended}`."""

    periods: Literal["notice", "remedy", "deadline", "duration", "records", "other"]
    within: str | None = None
    not_within: str | None = None


Extract = ComponentExtract | ProvisionExtract | PeriodsExtract


class RuleSpec(Strict):
    id: str = Field(pattern=r"^[a-z0-9-]+/[a-z0-9-]+$")
    title: str = Field(min_length=1)
    severity: Severity = "error"
    commitment: Commitment
    reference: str = Field(min_length=1)
    description: str = Field(min_length=1)
    suggestion: str = Field(min_length=1)
    section: list[str] = Field(default_factory=list)  # headings where the provision belongs
    messages: dict[str, str]
    find: dict[str, Any] = Field(default_factory=dict)
    extract: dict[str, Extract] = Field(default_factory=dict)
    decide: list[Outcome] = Field(min_length=1)
    examples: list[Example] = Field(min_length=1)


class Source(Strict):
    document: str
    edition: str
    path: str | None = None


class Detect(Strict):
    phrases: list[str]
    threshold: int = 3


class PackSpec(Strict):
    id: str = Field(pattern=r"^[a-z0-9-]+$")
    title: str
    version: str
    source: Source
    applies_to: list[str]
    description: str
    detect: Detect | None = None
