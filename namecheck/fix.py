"""Fixes: splice suggestions into text by offset. Pure — no files, no printing.

A fix replaces exactly the characters of a finding's span and nothing else, so
markup, line endings and every byte around a name survive (never a search and
replace over the line, which is how fixers go wrong). Writing the result back
safely is :mod:`namecheck.write`'s job.

Only *safe* fixes are applied by default: one candidate entity (``fixable``)
and a score at or above the fix threshold. ``unsafe`` also applies the rest
(low scores, and advice such as NC003's preferred spelling).
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from namecheck.model import Finding

DEFAULT_FIX_THRESHOLD = 0.85
MAX_PASSES = 4  # a fix can add context that reveals another garble; stop if it never settles

# What a name's span may contain for it to be rewritten: letters, combining marks,
# spaces and the punctuation names use. Anything else (``*``, ``<``, ``&``, ``]``…)
# means the span straddles markup, and rewriting it could break the document.
_NAME_PUNCTUATION = frozenset("'\u2019\u02bc-\u2010\u2011.")  # apostrophes, hyphens, initials
_WHITESPACE = re.compile(r"\s+")
_LINES = re.compile(r"[^\n]*\n|[^\n]+")


@dataclass(frozen=True)
class FixPolicy:
    """Which findings a fix may apply."""

    threshold: float = DEFAULT_FIX_THRESHOLD
    unsafe: bool = False

    def selects(self, finding: Finding) -> bool:
        if not finding.suggestion or finding.suggestion == finding.found:
            return False
        return self.unsafe or (finding.fixable and finding.score >= self.threshold)


@dataclass(frozen=True)
class FixResult:
    """The fixed text, the findings applied, and the ones left as they were."""

    text: str
    applied: tuple[Finding, ...]
    skipped: tuple[Finding, ...]


def replacement(finding: Finding) -> str | None:
    """The text to put in place of ``finding.found``, or None if its span is not plain.

    Keeps the shape of what was written: ALL CAPS and all lower case carry over to
    the suggestion, and when the word counts agree each separator (a line break in
    wrapped text) stays where it was.
    """
    found, suggestion = finding.found, finding.suggestion
    if not found or found != found.strip() or not all(_plain(ch) for ch in found):
        return None
    suggestion = _case_shape(found, suggestion)
    words = _WHITESPACE.split(found)
    new_words = suggestion.split()
    if len(words) == len(new_words):
        separators = _WHITESPACE.findall(found)
        out = [new_words[0]]
        for separator, word in zip(separators, new_words[1:], strict=True):
            out.extend((separator, word))
        return "".join(out)
    if "\n" in found or "\r" in found:
        return None  # cannot tell where the line break belongs; leave it to a person
    return suggestion


def apply_fixes(text: str, findings: Sequence[Finding], policy: FixPolicy) -> FixResult:
    """Splice every selected finding's replacement into ``text``.

    A finding is skipped when the policy does not select it, its span no longer
    holds ``found`` (stale findings), its span is not plain text, the replacement
    would change nothing, or it overlaps a finding already applied.
    """
    applied: list[Finding] = []
    skipped: list[Finding] = []
    pieces: list[str] = []
    cursor = 0
    for finding in sorted(findings):
        new = replacement(finding) if policy.selects(finding) else None
        if (
            new is None
            or new == finding.found  # only the case differed, and the case is kept
            or finding.start < cursor
            or text[finding.start : finding.end] != finding.found
        ):
            skipped.append(finding)
            continue
        pieces.extend((text[cursor : finding.start], new))
        cursor = finding.end
        applied.append(finding)
    pieces.append(text[cursor:])
    return FixResult("".join(pieces), tuple(applied), tuple(skipped))


@dataclass(frozen=True)
class FixOutcome:
    """A document fixed until nothing more applies; ``remaining`` is its fresh check."""

    text: str
    applied: tuple[Finding, ...]
    remaining: tuple[Finding, ...]


def fix_text(
    check: Callable[[str], list[Finding]],
    text: str,
    policy: FixPolicy,
    findings: Sequence[Finding] | None = None,
) -> FixOutcome:
    """Apply fixes, re-check, and repeat until a pass applies nothing.

    ``check`` returns the findings for a text (a :class:`~namecheck.checker.Checker`
    bound to a path); ``findings`` may pass the first check's result to save one.
    Repeating makes ``--fix`` idempotent: a corrected full name can make a lone
    surname elsewhere recognisable, and that is fixed in the same run.
    """
    current = list(findings) if findings is not None else check(text)
    applied: list[Finding] = []
    for _ in range(MAX_PASSES):
        result = apply_fixes(text, current, policy)
        if not result.applied:
            break
        applied.extend(result.applied)
        text = result.text
        current = check(text)
    return FixOutcome(text, tuple(applied), tuple(current))


def unified_diff(path: str, before: str, after: str) -> str:
    """A unified diff of one file, for ``patch -p0`` ("" when nothing changed)."""
    lines = difflib.unified_diff(_LINES.findall(before), _LINES.findall(after), path, path)
    out = []
    for line in lines:
        out.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(out)


def _plain(ch: str) -> bool:
    return ch.isspace() or ch in _NAME_PUNCTUATION or unicodedata.category(ch)[0] in "LM"


def _case_shape(found: str, suggestion: str) -> str:
    """ALL CAPS or all lower case in the text carries over; otherwise the gazetteer's form."""
    letters = [ch for ch in found if ch.isalpha()]
    if len(letters) > 1 and all(ch.isupper() for ch in letters):
        return suggestion.upper()
    if letters and all(ch.islower() for ch in letters):
        return suggestion.lower()
    return suggestion
