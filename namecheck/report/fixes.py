"""The one-line summary of ``--fix`` and ``--diff``.

It goes to stderr, so stdout stays a report (or a diff) that tools can read.
"""

from __future__ import annotations

from namecheck.fix import FixPolicy, replacement
from namecheck.report import RunResult


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def summary(result: RunResult, policy: FixPolicy, diff: bool) -> str:
    """E.g. ``Fixed 2 names in 1 file; 1 remains (1 more fixable with --unsafe-fixes).``"""
    files = len({f.path for f in result.fixed})
    remaining = len(result.findings)
    line = (
        f"{'Would fix' if diff else 'Fixed'} {_plural(len(result.fixed), 'name')} in "
        f"{_plural(files, 'file')}; {remaining} remain{'s' if remaining == 1 else ''}"
    )
    if not policy.unsafe:
        unsafe = FixPolicy(unsafe=True)
        hidden = sum(
            1 for f in result.findings
            if not policy.selects(f) and unsafe.selects(f) and replacement(f) is not None
        )  # fmt: skip
        if hidden:
            line += f" ({hidden} more fixable with --unsafe-fixes)"
    return line + ".\n"
