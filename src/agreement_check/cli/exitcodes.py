"""The process exit codes: a public contract for CI jobs (see the spec's report contract)."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    GAPS = 1
    USAGE = 2
    UNREADABLE = 3
