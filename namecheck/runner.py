"""A batch run: discover → read → check → collect. Shared by the CLI and hooks.

One bad file never stops the others: its error is collected and the run goes on.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass

from namecheck.checker import Checker
from namecheck.errors import InputError, NamecheckError
from namecheck.files import MAX_BYTES, STDIN, Source, decode, discover, read
from namecheck.fix import FixPolicy, fix_text, unified_diff
from namecheck.model import Finding
from namecheck.report import RunResult
from namecheck.suppress import without_allowed
from namecheck.write import write_text


@dataclass(frozen=True)
class RunOptions:
    encoding: str | None = None
    stdin_filename: str = "<stdin>"
    max_bytes: int = MAX_BYTES
    fix: FixPolicy | None = None  # apply fixes with this policy
    diff: bool = False  # with ``fix``: collect diffs instead of writing files


def load_source(name: str, options: RunOptions) -> Source:
    if name == STDIN:
        data = sys.stdin.buffer.read(options.max_bytes + 1)
        return decode(data, options.stdin_filename, options.encoding)
    return read(name, options.encoding, options.max_bytes)


def run(checker: Checker, paths: Sequence[str], options: RunOptions) -> RunResult:
    result = RunResult()
    for item in discover(paths):
        if isinstance(item, InputError):
            result.errors.append(item)
            continue
        try:
            source = load_source(item, options)
        except InputError as exc:
            result.errors.append(exc)
            continue
        result.files_checked += 1
        result.sources[source.path] = source.text
        findings = check_source(checker, source.text, source.path)
        if options.fix is not None:
            findings = _fix(checker, source, findings, options.fix, options.diff, result)
        result.findings.extend(findings)
    return result


def check_source(checker: Checker, text: str, path: str) -> list[Finding]:
    """Findings for one document, minus the forms it allows inline."""
    return without_allowed(checker.check_text(text, path), text)


def _fix(
    checker: Checker,
    source: Source,
    findings: list[Finding],
    policy: FixPolicy,
    diff: bool,
    result: RunResult,
) -> list[Finding]:
    """Fix one file (or diff it); returns the findings that remain."""

    def check(text: str) -> list[Finding]:
        return check_source(checker, text, source.path)

    outcome = fix_text(check, source.text, policy, findings)
    if not outcome.applied:
        return findings
    if diff:
        result.diffs.append(unified_diff(source.path, source.text, outcome.text))
    else:
        try:
            write_text(source, outcome.text)
        except NamecheckError as exc:
            result.errors.append(exc)
            return findings
        result.sources[source.path] = outcome.text
    result.fixed.extend(outcome.applied)
    return list(outcome.remaining)
