"""One exception hierarchy, so the CLI can map every failure to an exit code in one place."""

from __future__ import annotations

from dataclasses import dataclass

from agreement_check.codes import ERROR_CODES, ErrorCode


class AgreementCheckError(Exception):
    """Base of every error the tool reports to a user (never shown as a traceback)."""


# Stable codes a document error can carry; reports and scripts rely on them.
DOCUMENT_ERROR_CODES = ERROR_CODES


class DocumentError(AgreementCheckError):
    """A document that cannot be read. It becomes an error entry in the report, and the
    rest of a batch goes on."""

    def __init__(self, code: ErrorCode, message: str, path: str | None = None) -> None:
        if code not in DOCUMENT_ERROR_CODES:
            raise ValueError(f"unknown document error code {code!r}")
        super().__init__(message)
        self.code: ErrorCode = code
        self.message = message
        self.path = path

    def __str__(self) -> str:
        where = f"{self.path}: " if self.path else ""
        return f"{where}{self.code}: {self.message}"


@dataclass(frozen=True)
class RuleProblem:
    """One mistake in a rule file, located so an author can go straight to it."""

    path: str
    line: int
    rule: str
    key: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.rule}: {self.key}: {self.message}"


class RuleFileError(AgreementCheckError):
    """Every problem found in one or more rule files, reported together."""

    def __init__(self, problems: list[RuleProblem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


class CheckCancelled(AgreementCheckError):
    """A check stopped before it finished because its caller asked (the web page's time
    limit passed, or its visitor left); the workers reading documents have been stopped."""


class UsageError(AgreementCheckError):
    """Options that cannot work together, an unknown pack, a missing path."""
