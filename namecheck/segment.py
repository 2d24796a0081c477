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
from typing import NamedTuple

# Letters that may start a capitalised word, as ranges so the pattern compiles
# fast at every start-up: upper-case ASCII, Latin-1, Greek and Cyrillic, plus
# the mixed-case Latin and Cyrillic extension blocks (their rare lower-case
# letters are dropped again by ``runs``).
_UPPER = (
    "A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u024f\u0386-\u03ab\u0400-\u042f"
    "\u0460-\u052f\u1e00-\u1eff"
)
_MARKS = "\u0300-\u036f\u200c\u200d"
# Letters with their combining marks and zero-width joiners, taken atomically: a
# word ends where its letters do and what follows is optional, so giving letters
# back never makes a match, and one group per letter ("(?:[^\W\d_]|[marks])")
# cost a quarter of the time spent finding runs.
_LETTERS = rf"(?:[^\W\d_]++|[{_MARKS}]++)"
_JOINERS = "'’\\-‐"
# A word: letters, apostrophes or hyphens allowed between letters ("O'Brien",
# "Frank-Walter").
_WORD_TAIL = rf"{_LETTERS}*+(?:[{_JOINERS}]{_LETTERS}++)*+"
WORD = re.compile(rf"[^\W\d_]{_WORD_TAIL}")
# Arabic and Romance name prefixes written in lower case before a capital:
# "al-Assad", "ash-Sharaa", "d'Estaing".
_PREFIXES = "al el ad an ar as ash at az ud ul ibn bin d l".split()
_PREFIX = rf"(?:(?:{'|'.join(_PREFIXES)})[{_JOINERS}])?"
_CAPWORD = rf"(?<![\w{_MARKS}]){_PREFIX}[{_UPPER}]{_WORD_TAIL}"
_SPACE = "[ \\t\\u00a0\\u2000-\\u200b\\u202f\\u205f\\u3000]"
# What may separate two words of one name: horizontal space, at most one line break.
_GAP = rf"(?:{_SPACE}+(?:\r?\n{_SPACE}*)?|\r?\n{_SPACE}*)"
PARTICLES = frozenset(
    "von van der den de da di du la le al el bin ibn bint dos das del della ter ten zu".split()
)
_PARTICLE = "(?:" + "|".join(sorted(PARTICLES, key=len, reverse=True)) + ")"
_NEXT_WORDS = rf"(?:{_GAP}(?:{_PARTICLE}{_GAP})*{_CAPWORD})*"
# What a stretch is: a match of this pattern (tests/test_segment.py holds spans() to it).
RUN = rf"{_CAPWORD}{_NEXT_WORDS}"
# The same from the capital on, its look-behind moved past the capital: a pattern
# that opens with a character class lets the regex engine skip ahead to the next
# capital at C speed (one pattern with RUN's opening look-behind and optional
# prefix ran at a third of the speed). A name prefix is found afterwards.
_FROM_CAPITAL = re.compile(rf"[{_UPPER}](?<![\w{_MARKS}].){_WORD_TAIL}{_NEXT_WORDS}")
_PREFIX_BEFORE = re.compile(rf"(?<![\w{_MARKS}])(?:{'|'.join(_PREFIXES)})[{_JOINERS}]\Z")
_JOINER_SET = frozenset(_JOINERS.replace("\\", ""))
_LONGEST_PREFIX = max(map(len, _PREFIXES)) + 1  # with its joiner: "ash-"
_WORDISH = re.compile(r"[\w'’]")  # what may not touch a word written on its own
_WORD_BEFORE = re.compile(r"(\w+)[.,]?\s{1,2}$")
_POSSESSIVES = ("'s", "’s", "'S", "’S")
# Function words that are capitalised only because a sentence or headline starts
# with them: never part of a name ("Later Burbock said", "In Londun").
STOPWORDS = frozenset(
    """a an the and but or nor so yet for of in on at to by from with without into onto
    after before during since until while when whenever where wherever why how what
    which who whom whose that this these those then than there here now today tonight
    yesterday tomorrow later earlier meanwhile however also still even only just
    if as although though because unless whether both either neither each every all
    some any many much more most few several such no not never always often sometimes
    he she it we they you i his her its our their my your him them us me
    is are was were be been being has have had do does did will would shall should
    can could may might must according after asked says said told""".split()
)
LOCATIVES = frozenset("in at near outside across into".split())
TITLES = frozenset(
    """mr mrs ms miss dr prof president premier chancellor minister secretary senator
    governor general gen king queen prince princess sheikh pope ambassador envoy
    commissioner chief leader spokesman spokeswoman mayor judge justice colonel
    captain lieutenant sir dame lord lady""".split()
)


class Token(NamedTuple):
    """One word of a run; a possessive ending is left outside ``text`` and the span.

    The hot classes of planning (this one, runplan's and ``TokenScore``) are named
    tuples: built for every word of every new stretch, and a frozen dataclass
    takes twice as long to build.
    """

    start: int
    end: int
    text: str

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()

    @property
    def all_caps(self) -> bool:
        return self.text.isupper() and len(self.text) > 1


class Run(NamedTuple):
    """Consecutive capitalised tokens, with offsets into the whole text."""

    tokens: tuple[Token, ...]


def runs(text: str) -> list[Run]:
    """Runs of capitalised words, in text order; a possessive ends a run."""
    return [
        Run(tuple(Token(t.start + start, t.end + start, t.text) for t in tokens))
        for start, group in spans(text)
        for _, tokens in split(group)
    ]


def spans(text: str) -> list[tuple[int, str]]:
    """Where each match of :data:`RUN` starts, and its text (see :func:`split`).

    A list, not a generator: the matcher walks every stretch of every text, and
    a generator's resumption cost a tenth of the time spent finding them.
    """
    found: list[tuple[int, str]] = []
    end = 0  # where the last stretch ended: a prefix never reaches back into it
    joiners, prefix_before = _JOINER_SET, _PREFIX_BEFORE.search
    for match in _FROM_CAPITAL.finditer(text):
        start = match.start()
        if start and text[start - 1] in joiners:  # "al-Assad", "d'Estaing"
            prefix = prefix_before(text, max(end, start - _LONGEST_PREFIX), start)
            if prefix is not None:
                start = prefix.start()
                end = match.end()
                found.append((start, text[start:end]))
                continue
        end = match.end()
        found.append((start, match.group()))
    return found


def split(group: str) -> tuple[tuple[bool, tuple[Token, ...]], ...]:
    """The runs in one match of :data:`RUN`, with offsets relative to its start.

    Offsets relative to the stretch, so that its runs can be planned once for
    every place a corpus repeats it (see :mod:`namecheck.runplan`). Each run says
    whether it leads the match, so that the word before the match is its own.
    """
    if group.isalpha() and group[0].isupper():  # one plain word: a third of all stretches
        return () if group.lower() in STOPWORDS else ((True, (Token(0, len(group), group),)),)
    return _split(group)


def _split(group: str) -> tuple[tuple[bool, tuple[Token, ...]], ...]:
    """:func:`split` word by word."""
    result: list[tuple[bool, tuple[Token, ...]]] = []
    current: list[Token] = []
    leading = True
    for word in WORD.finditer(group):
        start = word.start()
        value = word.group()
        if value in PARTICLES:
            current.append(Token(start, start + len(value), value))
            continue
        if not _capitalised(value):  # a lower-case letter of a mixed-case block
            _close(result, current, leading)
            current, leading = [], False
            continue
        possessive = value.endswith(_POSSESSIVES)
        if possessive:
            value = value[:-2]
        current.append(Token(start, start + len(value), value))
        if possessive:
            _close(result, current, leading)
            current, leading = [], False
    _close(result, current, leading)
    return tuple(result)


def _capitalised(word: str) -> bool:
    """Whether a word starts with a capital, after a lower-case name prefix."""
    if word[:1].isupper():
        return True
    prefix = re.match(_PREFIX, word)
    rest = word[prefix.end() :] if prefix else word
    return rest[:1].isupper() or word[:1].isupper()


def _close(
    result: list[tuple[bool, tuple[Token, ...]]], tokens: list[Token], leading: bool
) -> None:
    """End a run; particles cannot end (or start) one, and a run of nothing but
    function words ("The", "But he") names nobody: it is dropped here, which spares
    the matcher the commonest runs of all."""
    while tokens and tokens[-1].text in PARTICLES:
        tokens.pop()
    while tokens and tokens[0].text in PARTICLES:
        tokens.pop(0)
    if tokens and not all(t.text.lower() in STOPWORDS for t in tokens):
        result.append((leading, tuple(tokens)))


def words(text: str) -> list[Token]:
    """Every word of the text, capitalised or not (for tools beyond the matcher)."""
    return [Token(m.start(), m.end(), m.group()) for m in WORD.finditer(text)]


def written_lower(text: str, word: str) -> bool:
    """Whether the text writes ``word`` (ASCII lower-case letters) on its own in lower
    case: evidence that the word is ordinary.

    Found with ``str.find``, not by collecting the text's lower-case words: a
    document asks about one or two words, and collecting them all took a twentieth
    of a pass with a large gazetteer.
    """
    if not (word.isascii() and word.isalpha() and word.islower()):
        return False
    touches = _WORDISH.match
    start = text.find(word)
    while start >= 0:
        end = start + len(word)
        if not (start and touches(text, start - 1)) and not touches(text, end):
            return True
        start = text.find(word, start + 1)
    return False


def word_before(text: str, start: int) -> str:
    """The lower-cased word just before ``start`` ("president", "in"), or ''."""
    match = _WORD_BEFORE.search(text, max(0, start - 16), start)
    return match.group(1).lower() if match else ""
