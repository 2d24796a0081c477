"""Text of the source's script left in a translation (Cyrillic in an English article).

A letter's script is the first word of its Unicode name ("CYRILLIC SMALL
LETTER A"), which needs no table and covers every script. Only a script
different from the target's own can be told apart this way; a German sentence
left in an English translation is caught per unit in bilingual files instead
(a target identical to its source).
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterator

from namecheck.segment import WORD, words

SAMPLE = 20_000  # letters read to decide a text's script


def script(letter: str) -> str:
    """``"CYRILLIC"``, ``"LATIN"``, ``"GREEK"`` … for a letter; ``""`` for anything else."""
    if not letter.isalpha():
        return ""
    return unicodedata.name(letter, "").split(" ", 1)[0]


def dominant_script(text: str) -> str:
    """The script most letters of ``text`` are written in (``""`` without letters)."""
    counts = Counter(script(ch) for ch in text[: SAMPLE * 2] if ch.isalpha())
    return counts.most_common(1)[0][0] if counts else ""


def runs(text: str, wanted: str) -> Iterator[tuple[int, int]]:
    """Spans of consecutive words written in the script ``wanted``.

    Words join a run across spaces only, so "Минск, Москва" is two runs and
    each gets its own fix.
    """
    start = end = -1
    for match in WORD.finditer(text):
        if script(match.group()[0]) != wanted:
            continue
        gap = text[end : match.start()]
        if start >= 0 and gap.strip(" \u00a0") == "" and "\n\n" not in gap:
            end = match.end()
            continue
        if start >= 0:
            yield start, end
        start, end = match.start(), match.end()
    if start >= 0:
        yield start, end


def copied(source: str, target: str) -> bool:
    """A target that repeats its source word for word, beyond a bare name or number.

    A unit that is only a name ("Michelle Bachelet") is rightly the same in
    both languages; a sentence (it has a lower-case word) is not.
    """
    same = " ".join(source.split()) == " ".join(target.split())
    return same and any(not t.capitalised for t in words(target))
