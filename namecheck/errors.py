"""Errors that users can act on, and the exit codes the CLI maps them to.

Every error carries the file (and line, where known) so the CLI can print one
line that says what to fix, never a traceback.
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    CLEAN = 0
    FINDINGS = 1
    USAGE = 2
    INTERNAL = 3


class NamecheckError(Exception):
    """A problem with user input: a gazetteer, a config file or a checked file."""

    def __init__(self, message: str, path: str = "", line: int = 0, column: int = 0) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.column = column

    def __str__(self) -> str:
        where = self.path
        if where and self.line:
            where += f":{self.line}"
            if self.column:
                where += f":{self.column}"
        return f"{where}: {self.message}" if where else self.message


class GazetteerError(NamecheckError):
    pass


class ConfigError(NamecheckError):
    pass


class InputError(NamecheckError):
    """A checked file that cannot be read or decoded; the run goes on without it."""


class PreferError(GazetteerError):
    """A ``prefer`` entry that does not fit the gazetteers; ``entity`` is its key."""

    def __init__(self, message: str, entity: str) -> None:
        super().__init__(message)
        self.entity = entity
