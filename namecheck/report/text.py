"""Human formats: ``text`` (default, with the summary) and ``concise``.

Text found in articles is printed through :func:`safe`, so an article cannot
inject terminal escape sequences into a report.
"""

from __future__ import annotations

import unicodedata

from namecheck.model import COMPARE_RULES, Finding
from namecheck.report import RunResult


def safe(text: str) -> str:
    """Replace control and invisible format characters with visible escapes."""
    return "".join(
        f"\\u{ord(ch):04x}" if unicodedata.category(ch) in ("Cc", "Cf") else ch for ch in text
    )


def line_of(finding: Finding) -> str:
    where = f"{finding.path}:{finding.line}:{finding.column}: {finding.rule.value}"
    if finding.rule in COMPARE_RULES:  # the message says which text each form is from
        return f"{where} {safe(finding.message)} ({finding.severity.value})"
    arrow = f"'{safe(finding.found)}' → '{safe(finding.suggestion)}'"
    detail = f"({finding.kind}, {finding.score:.2f})"
    if finding.rule.value == "NC003":
        detail = "(inconsistent spelling, info)"
    return f"{finding.path}:{finding.line}:{finding.column}: {finding.rule.value} {arrow} {detail}"


def render_concise(result: RunResult) -> str:
    return "".join(line_of(f) + "\n" for f in result.findings)


def summary(result: RunResult) -> str:
    files = {f.path for f in result.findings}
    noun = "name" if len(result.findings) == 1 else "names"
    parts = [
        f"{len(result.findings)} {noun} to check in {len(files)} of "
        f"{result.files_checked} file{'s' if result.files_checked != 1 else ''}"
    ]
    if result.errors:
        parts.append(f"{len(result.errors)} file{'s' if len(result.errors) != 1 else ''} "
                     "could not be checked")  # fmt: skip
    return "; ".join(parts) + "."


def render(result: RunResult) -> str:
    return render_concise(result) + summary(result) + "\n"
