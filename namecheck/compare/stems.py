"""Light stemming of name tokens, so an inflected mention finds its dictionary form.

Slavic languages and Latvian inflect names ("Тихановской", "Путиным",
"Tihanovskai"); a source mention is found by stripping the case ending from
both the text token and the gazetteer's form token and comparing what is left.
No maintained stemmer covers Belarusian and Ukrainian, and general-purpose
stemmers (Snowball) are tuned for common words and over-stem names, so the
ending tables are short and written here. A stem keeps at least three letters
(Cyrillic) or four (Latin keys), which stops "Мин-ск" shrinking to nothing.
"""

from __future__ import annotations

import re
from functools import lru_cache

from namecheck.normalize import translit_key

# Ukrainian vowel alternations inside a stem (Київ → Києві); applied to words
# and endings alike.
_CYRILLIC_FOLD = str.maketrans({"ё": "е", "ї": "і", "є": "і"})


def _endings(words: str) -> tuple[str, ...]:
    folded = {w.translate(_CYRILLIC_FOLD) for w in words.split()}
    return tuple(sorted(folded, key=lambda e: (-len(e), e)))


# Case endings of Russian, Belarusian and Ukrainian nouns and adjectival
# surnames (-ская/-ской/-ського …), longest first.
_CYRILLIC_ENDINGS = _endings(
    """ого ому ими ыми ему его ая яя ой ей ую юю ою ею ий ый ій ым им ім ом ем ам ям ах ях
    ия ии ию ией ья ьи ью ай ага аму аго ої а я у ю е и ы і ь о є"""
)
# Endings that mark a feminine form, to tell "Тихановская" from "Тихановский"
# when both share the stem "тихановск" (Ukrainian "-ська" ends in a bare "а").
# The same for Latin keys ("Tihanovskai" in Latvian, "Tikhanovsky" in English).
_FEMININE = frozenset((*_endings("ая яя ой ую юю ою ай ої ій а"), "a", "ai", "as"))
_MASCULINE = frozenset((*_endings("ий ый ого ому ым им ім ага аму і"), "i", "is", "im"))

# Case endings of Latvian, Polish, Czech and German genitive, written in the
# alphabet of :func:`namecheck.normalize.translit_key` (j and y are already i).
_LATIN_ENDINGS = (
    "ovi", "iem", "iei", "ego", "emu", "em", "ie", "ei", "am", "ai", "as", "es", "is", "us",
    "om", "a", "e", "i", "o", "u", "s",
)  # fmt: skip
MIN_CYRILLIC_STEM = 3
MIN_LATIN_STEM = 4
_CYRILLIC = re.compile(r"[\u0400-\u052f]")
_DOUBLES = re.compile(r"(.)\1+")


def is_cyrillic(word: str) -> bool:
    return bool(_CYRILLIC.search(word))


@lru_cache(maxsize=100_000)
def cyrillic_stem(word: str) -> tuple[str, str]:
    """``(stem, ending)`` of a Cyrillic word: ``Тихановской`` → ``("тихановск", "ой")``."""
    low = word.casefold().translate(_CYRILLIC_FOLD)
    for ending in _CYRILLIC_ENDINGS:
        if low.endswith(ending) and len(low) - len(ending) >= MIN_CYRILLIC_STEM:
            return low[: -len(ending)], ending
    return low, ""


@lru_cache(maxsize=100_000)
def latin_key(word: str) -> str:
    """The transliteration key with ``c`` merged into ``s``.

    Neighbouring languages write the sounds of French and German ``ch`` as
    ``š`` ("Bachelet" is "Bašelē" in Latvian), which the key keeps apart.
    """
    return _DOUBLES.sub(r"\1", translit_key(word).replace("c", "s"))


@lru_cache(maxsize=100_000)
def latin_stem(word: str) -> tuple[str, str]:
    """``(stem, ending)`` of a word's :func:`latin_key` ("Tihanovskai": tihanovsk, ai)."""
    key = latin_key(word)
    for ending in _LATIN_ENDINGS:
        if key.endswith(ending) and len(key) - len(ending) >= MIN_LATIN_STEM:
            return key[: -len(ending)], ending
    return key, ""


def gender(ending: str) -> str:
    """``"f"``, ``"m"`` or ``""`` for the ending of an adjectival surname (either script)."""
    if ending in _FEMININE:
        return "f"
    if ending in _MASCULINE:
        return "m"
    return ""
