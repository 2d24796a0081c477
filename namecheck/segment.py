"""Segmentation: prose → runs of capitalised words, the only places names live.

A *run* is a maximal sequence of capitalised words separated by nothing but
spaces or a single line break, with lower-case name particles ("von", "bin",
"de") allowed inside. One compiled regular expression finds the runs, so the
cost per megabyte is the regex engine's, and ordinary lower-case prose is
skipped at C speed. The pattern has no nested quantifiers over the same
characters, so it cannot backtrack catastrophically.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Upper-case letters of the scripts that have case (Latin, Greek, Cyrillic,
# Armenian, Georgian and their extensions): enumerated once, at import.
_CASED_RANGES = ((0x41, 0x590), (0x10A0, 0x1100), (0x1E00, 0x2000), (0x2C00, 0x2D30),
                 (0xA640, 0xA800))  # fmt: skip
_UPPER = "".join(
    re.escape(chr(c)) for lo, hi in _CASED_RANGES for c in range(lo, hi) if chr(c).isupper()
)
_MARKS = "\u0300-\u036f\u200c\u200d"
_LETTER = rf"(?:[^\W\d_]|[{_MARKS}])"
_JOINERS = "'’\\-‐"
# A word: letters (with combining marks and zero-width joiners), apostrophes or
# hyphens allowed between letters ("O'Brien", "Frank-Walter").
WORD = re.compile(rf"[^\W\d_]{_LETTER}*(?:[{_JOINERS}]{_LETTER}+)*")
_CAPWORD = rf"(?<![\w{_MARKS}])[{_UPPER}]{_LETTER}*(?:[{_JOINERS}]{_LETTER}+)*"
_SPACE = "[ \\t\\u00a0\\u2000-\\u200b\\u202f\\u205f\\u3000]"
# What may separate two words of one name: horizontal space, at most one line break.
_GAP = rf"(?:{_SPACE}+(?:\r?\n{_SPACE}*)?|\r?\n{_SPACE}*)"
PARTICLES = frozenset(
    "von van der den de da di du la le al el bin ibn bint dos das del della ter ten zu".split()
)
_PARTICLE = "(?:" + "|".join(sorted(PARTICLES, key=len, reverse=True)) + ")"
RUN = re.compile(rf"{_CAPWORD}(?:{_GAP}(?:{_PARTICLE}{_GAP})*{_CAPWORD})*")
_LOWER_WORD = re.compile(r"(?<![\w'’])[a-z]+(?![\w'’])")
_WORD_BEFORE = re.compile(r"(\w+)\.?\s{1,2}$")
_POSSESSIVES = ("'s", "’s", "'S", "’S")
TITLES = frozenset(
    """mr mrs ms miss dr prof president premier chancellor minister secretary senator
    governor general gen king queen prince princess sheikh pope ambassador envoy
    commissioner chief leader spokesman spokeswoman mayor judge justice colonel
    captain lieutenant sir dame lord lady""".split()
)


@dataclass(frozen=True)
class Token:
    """One word of a run; a possessive ending is left outside ``text`` and the span."""

    start: int
    end: int
    text: str

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()

    @property
    def all_caps(self) -> bool:
        return self.text.isupper() and len(self.text) > 1


@dataclass(frozen=True)
class Run:
    """Consecutive capitalised tokens; ``title`` is the word before it, if a title."""

    tokens: tuple[Token, ...]
    title: str = ""


def runs(text: str) -> list[Run]:
    """Runs of capitalised words, in text order; a possessive ends a run."""
    result: list[Run] = []
    for match in RUN.finditer(text):
        title = _title_before(text, match.start())
        current: list[Token] = []
        for word in WORD.finditer(match.group()):
            start = match.start() + word.start()
            value = word.group()
            possessive = value.endswith(_POSSESSIVES)
            if possessive:
                value = value[:-2]
            current.append(Token(start, start + len(value), value))
            if possessive:
                result.append(Run(tuple(current), title))
                current, title = [], ""
        if current:
            result.append(Run(tuple(current), title))
    return result


def lowercase_words(text: str) -> set[str]:
    """Every ASCII lower-case word of the text: evidence that a word is ordinary."""
    return set(_LOWER_WORD.findall(text))


def _title_before(text: str, start: int) -> str:
    match = _WORD_BEFORE.search(text, max(0, start - 16), start)
    if match is None:
        return ""
    word = match.group(1).lower()
    return word if word in TITLES else ""
