"""Output formats: each turns a finished :class:`RunResult` into text.

Formatters are small functions registered by name; checking never prints.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import import_module
from typing import NamedTuple

from namecheck.errors import NamecheckError
from namecheck.model import Finding, Severity


@dataclass
class RunResult:
    """Everything a run produced, in input order."""

    findings: list[Finding] = field(default_factory=list)
    errors: list[NamecheckError] = field(default_factory=list)
    files_checked: int = 0
    sources: dict[str, str] = field(default_factory=dict)
    fixed: list[Finding] = field(default_factory=list)  # applied by --fix / --diff
    diffs: list[str] = field(default_factory=list)  # --diff: one unified diff per file

    @property
    def failing(self) -> list[Finding]:
        """Findings that fail a run (info-level ones are advice only)."""
        return [f for f in self.findings if f.severity is not Severity.INFO]


class ReportOptions(NamedTuple):
    """How to render: ``color`` only for a terminal; ``quiet`` drops summaries."""

    color: bool = False
    quiet: bool = False


Formatter = Callable[[RunResult, "ReportOptions | None"], str]
FORMATS = {
    "text": "namecheck.report.text:render",
    "concise": "namecheck.report.text:render_concise",
    "json": "namecheck.report.json:render",
    "sarif": "namecheck.report.sarif:render",
    "github": "namecheck.report.github:render",
    "html": "namecheck.report.html:render",
}
# Formats whose output a program parses: nothing else may be written to stdout.
STRUCTURED = frozenset({"json", "sarif", "html"})


def formatter(name: str) -> Formatter:
    module, _, function = FORMATS[name].partition(":")
    return getattr(import_module(module), function)  # type: ignore[no-any-return]
