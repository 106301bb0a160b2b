"""The fixed vocabularies of the report and the rule files, in one place: a finding's
status, a rule's severity, a document's status and the stable codes of a document error.
The rule schema, the report records and the error type all take their values from here,
so a rule file cannot name a status the report does not know, and scripts can rely on
the codes staying put."""

from __future__ import annotations

from typing import Literal, get_args

Status = Literal["met", "gap", "review", "not-applicable"]
Severity = Literal["error", "warning", "info"]
DocumentStatus = Literal["checked", "error"]
ErrorCode = Literal[
    "unsupported-format",
    "corrupt",
    "encrypted",
    "no-text-layer",
    "empty",
    "too-large",
    "not-found",
    "unreadable",
    "timeout",
    "not-an-agreement",  # read, but like neither pack's kind of document (--pack auto only)
    "worker-lost",  # on a Dask cluster, its worker stopped, and again when it was sent once more
]

STATUSES: tuple[Status, ...] = get_args(Status)
SEVERITIES: tuple[Severity, ...] = get_args(Severity)
ERROR_CODES: tuple[ErrorCode, ...] = get_args(ErrorCode)
SEVERITY_RANK: dict[str, int] = {"info": 0, "warning": 1, "error": 2}
