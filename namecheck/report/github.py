"""``--format github``: GitHub Actions workflow commands, one annotation per finding.

``::warning file=…,line=…,col=…,endLine=…,endColumn=…,title=NC001::message``.
Values are escaped by the runner's rules: ``%``, CR and LF everywhere, and ``:``
and ``,`` inside properties, so article text cannot end or forge a command.
"""

from __future__ import annotations

from namecheck.model import Severity
from namecheck.report import ReportOptions, RunResult

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _command(name: str, properties: dict[str, object], message: str) -> str:
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return f"::{name} {props}::{escape_data(message)}\n"


def render(result: RunResult, options: ReportOptions | None = None) -> str:
    lines = []
    for f in result.findings:
        where = {"file": f.path, "line": f.line, "col": f.column, "endLine": f.end_line,
                 "endColumn": f.end_column, "title": f.rule.value}  # fmt: skip
        lines.append(_command(COMMANDS[f.severity], where, f.message))
    lines.extend(
        _command("error", {"file": e.path, "title": "namecheck"}, e.message)
        if e.path
        else f"::error::{escape_data(e.message)}\n"
        for e in result.errors
    )
    return "".join(lines)
