"""Human formats: ``text`` (default: each finding with its source line) and ``concise``.

``text`` follows ruff: a ``path:line:col:`` header, the source line and a caret
line under the span, then a one-line summary. Text found in articles is printed
through :func:`safe`, so an article cannot inject terminal escape sequences into
a report; colour is added only when asked (a terminal without ``NO_COLOR``).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

from namecheck.locate import LineIndex
from namecheck.model import COMPARE_RULES, Finding, Severity
from namecheck.report import ReportOptions, RunResult

WINDOW = 100  # longest source line shown whole; longer ones (paragraphs) are cut
CONTEXT = 40  # characters kept either side of the span in a cut line
ANSI = {"bold": "1", "red": "31", "yellow": "33", "blue": "34", "cyan": "36"}
SEVERITY_COLOR = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def safe(text: str) -> str:
    """Replace control and invisible format characters with visible escapes."""
    return "".join(
        f"\\u{ord(ch):04x}" if unicodedata.category(ch) in ("Cc", "Cf") else ch for ch in text
    )


def line_of(finding: Finding, options: ReportOptions | None = None) -> str:
    paint = _painter(options)
    where = paint("bold", f"{safe(finding.path)}:{finding.line}:{finding.column}:")
    code = paint(SEVERITY_COLOR[finding.severity], finding.rule.value)
    if finding.rule in COMPARE_RULES:  # the message says which text each form is from
        return f"{where} {code} {safe(finding.message)} ({finding.severity.value})"
    arrow = f"'{safe(finding.found)}' → '{safe(finding.suggestion)}'"
    detail = f"({finding.kind}, {finding.score:.2f})"
    if finding.rule.value == "NC003":
        detail = "(inconsistent spelling, info)"
    return f"{where} {code} {arrow} {detail}"


def render_concise(result: RunResult, options: ReportOptions | None = None) -> str:
    return "".join(line_of(f, options) + "\n" for f in result.findings)


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


def render(result: RunResult, options: ReportOptions | None = None) -> str:
    options = options or ReportOptions()
    indexes: dict[str, LineIndex] = {}
    blocks = []
    for finding in result.findings:
        block = line_of(finding, options) + "\n"
        source = result.sources.get(finding.path)
        if source is not None and finding.line:
            lines = indexes.get(finding.path)
            if lines is None:  # built once per file: a long file has many findings
                lines = indexes[finding.path] = LineIndex(source)
            block += snippet(finding, lines, options)
        blocks.append(block)
    body = "\n".join(blocks)
    if options.quiet:
        return body
    return body + ("\n" if blocks else "") + summary(result) + "\n"


def snippet(finding: Finding, lines: LineIndex, options: ReportOptions) -> str:
    """The source lines of a finding, each with carets under its part of the span."""
    paint = _painter(options)
    width = len(str(finding.end_line))
    gutter = paint("blue", " " * width + " |")
    out = [gutter]
    for number in range(finding.line, finding.end_line + 1):
        text = lines.line_text(number)
        first = finding.column - 1 if number == finding.line else 0
        last = finding.end_column - 1 if number == finding.end_line else len(text)
        shown, first, last = _window(text, first, last)
        before = _display(shown[:first])
        marked = _display(shown[first:last])
        after = _display(shown[last:])
        out.append(paint("blue", f"{number:>{width}} |") + f" {before}{marked}{after}")
        carets = " " * _cells(before) + "^" * max(_cells(marked), 1)
        out.append(gutter + " " + paint(SEVERITY_COLOR[finding.severity], carets))
    return "\n".join(out) + "\n"


def _window(text: str, first: int, last: int) -> tuple[str, int, int]:
    """Cut a long line (a paragraph) to the span and some context around it."""
    if len(text) <= WINDOW:
        return text, first, last
    start = max(first - CONTEXT, 0)
    end = min(last + CONTEXT, len(text))
    head = "…" if start > 0 else ""
    tail = "…" if end < len(text) else ""
    shift = len(head) - start
    return head + text[start:end] + tail, first + shift, last + shift


def _display(text: str) -> str:
    return safe(text.replace("\t", " "))


def _cells(text: str) -> int:
    """Terminal columns of text: wide (CJK) characters take two, combining marks none."""
    return sum(
        0 if unicodedata.combining(ch) else 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        for ch in text
    )


def _painter(options: ReportOptions | None) -> Callable[[str, str], str]:
    color = options is not None and options.color

    def paint(style: str, text: str) -> str:
        return f"\x1b[{ANSI[style]}m{text}\x1b[0m" if color else text

    return paint
