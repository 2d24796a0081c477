"""Segmentation: prose → runs of capitalised words, the only places names live.

A *run* is a maximal sequence of capitalised words separated by nothing but
spaces, a single line break or a hyphen, with lower-case name particles
("von", "bin", "de") allowed inside. Only runs are ever matched, which keeps
the matcher linear in the text and blind to ordinary lower-case words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A word: letters (with combining marks and zero-width joiners), apostrophes or
# hyphens allowed between letters ("O'Brien", "Frank-Walter").
_LETTER = r"[^\W\d_][\u0300-\u036f\u200c\u200d]*"
WORD = re.compile(rf"(?:{_LETTER})+(?:['’\-‐](?:{_LETTER})+)*")
# What may separate two words of one name: horizontal space, at most one line break.
_GAP = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]*(?:\r?\n)?[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]*")
_OPENERS = "\"'“”‘’«»()[] \t\u00a0"
_ENDERS = ".!?…:;"
PARTICLES = frozenset(
    "von van der den de da di du la le al el bin ibn bint dos das del della ter ten zu".split()
)
TITLES = frozenset(
    """mr mrs ms miss dr prof president premier chancellor minister secretary senator
    governor general gen king queen prince princess sheikh pope ambassador envoy
    commissioner chief leader spokesman spokeswoman mayor judge justice colonel
    captain lieutenant sir dame lord lady""".split()
)


@dataclass(frozen=True)
class Token:
    """One word of prose. ``text`` drops a possessive ending, ``end`` follows it."""

    start: int
    end: int
    text: str
    sentence_initial: bool = False

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


def tokens(text: str) -> list[Token]:
    """Every word of ``text``, possessives stripped, sentence starts marked."""
    out: list[Token] = []
    for match in WORD.finditer(text):
        word = match.group()
        start = match.start()
        if word[-2:] in ("'s", "’s", "'S", "’S"):
            word = word[:-2]
        initial = word[:1].isupper() and _sentence_start(text, start)
        out.append(Token(start, start + len(word), word, initial))
    return out


def _sentence_start(text: str, start: int) -> bool:
    """Whether only punctuation that ends a sentence (or a paragraph break) precedes."""
    i = start - 1
    newlines = 0
    while i >= 0 and (text[i] in _OPENERS or text[i] in "\r\n"):
        newlines += text[i] == "\n"
        i -= 1
    return i < 0 or text[i] in _ENDERS or newlines >= 2


def runs(text: str, words: list[Token] | None = None) -> list[Run]:
    """Runs of capitalised words, in text order."""
    words = tokens(text) if words is None else words
    result: list[Run] = []
    current: list[Token] = []
    pending: list[Token] = []  # particles waiting for a capitalised word
    first_index = 0

    def close() -> None:
        if current:
            result.append(Run(tuple(current), _title_before(words, first_index)))
        current.clear()
        pending.clear()

    for i, token in enumerate(words):
        joined = bool(current) and _joins(text, words[i - 1], token)
        if token.capitalised:
            if not joined:
                close()
                first_index = i
            current.extend(pending)
            pending.clear()
            current.append(token)
        elif joined and token.text.lower() in PARTICLES and not _possessive_end(text, token):
            pending.append(token)
        else:
            close()
    close()
    return result


def _possessive_end(text: str, token: Token) -> bool:
    return text[token.end : token.end + 2] in ("'s", "’s")


def _joins(text: str, left: Token, right: Token) -> bool:
    """Whether two words may belong to one name: only a small gap between them."""
    if left.end != left.start + len(left.text):  # a possessive ends the name
        return False
    if text[left.end : left.end + 2] in ("'s", "’s"):
        return False
    gap = text[left.end : right.start]
    match = _GAP.fullmatch(gap)
    return match is not None


def _title_before(words: list[Token], index: int) -> str:
    if index == 0:
        return ""
    previous = words[index - 1]
    title = previous.text.lower()
    return title if title in TITLES and words[index].start - previous.end <= 2 else ""
