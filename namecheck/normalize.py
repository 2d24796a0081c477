"""String keys that make transliteration variants of one name compare equal.

Three levels, from strict to loose:

* :func:`fold` — case and diacritics folded (``Jäger`` → ``jager``); what exact
  matching of accepted and known-wrong forms uses.
* :func:`translit_key` — letter groups that different romanisation systems
  write differently are mapped to one spelling (w/v, j/y, ou/u, sch/sh, cz/ch,
  š/sh, ks/x, kh/ch/h, -aya/-a, double letters …), so ``Selenskyj`` and
  ``Zelensky`` share a key. Fuzzy scores are taken on these keys as well as on
  the folds, because machine translation leaks the source language's system.
* :func:`skeleton` — consonants only; a coarse phonetic key used as a second
  signal, never alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from functools import lru_cache, partial

from unidecode import unidecode

# Letters whose unidecode folding loses a sound that another system spells out.
_PRE_FOLD = str.maketrans(
    {
        "ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss",
        "Ä": "Ae", "Ö": "Oe", "Ü": "Ue",
        "š": "sh", "Š": "Sh", "ž": "zh", "Ž": "Zh", "č": "ch", "Č": "Ch",
        "ś": "sh", "Ś": "Sh", "ź": "zh", "ż": "zh", "Ż": "Zh", "ć": "ch", "Ć": "Ch",
        "ł": "l", "Ł": "L", "ŭ": "u", "ř": "rzh",
    }
)  # fmt: skip


def _once(match: re.Match[str]) -> str:
    """A doubled letter written once: a function, because ``re.sub`` re-reads a
    template such as ``\\1`` at every call (four times the cost of the match)."""
    return match.group(1)


# Ordered rewrites on a folded, lower-case word; earlier rules feed later ones. Each
# rule names the strings one of which every match contains: a rule is tried only
# on a key that holds one, which spares most words most of the 21 regex passes
# (tests/test_normalize.py holds the keys to those of every rule applied).
_ALWAYS = ("",)
_KEY_RULES: tuple[tuple[str, str | Callable[[re.Match[str]], str], tuple[str, ...]], ...] = (
    (r"[^a-z]", "", _ALWAYS),
    (r"c(?![eihyz])", "k", ("c",)),  # a hard c is a k ("Makron", "Culeba", "Moskow")
    (r"tsch|tch|tsh", "c", ("ts", "tc")),  # German/English spellings of ч
    (r"sch|sz|sh", "s", ("s",)),
    (r"cz|ch", "c", ("c",)),  # Polish/Czech/English ч, German/Polish х
    (r"kh|gh", "h", ("h",)),
    (r"dzh|zh|dj", "2", ("zh", "dj")),  # ж: kept apart from й (j/y), which it only looks like
    (r"ph", "f", ("ph",)),
    (r"ck|qu|q|kw", "k", ("k", "q")),
    (r"x", "ks", ("x",)),
    (r"ts|tz", "c", ("t",)),
    (r"w", "v", ("w",)),
    (r"ou", "u", ("ou",)),
    (r"ae", "e", ("ae",)),
    (r"oe", "o", ("oe",)),
    (r"ue", "u", ("ue",)),
    (r"[jy]", "i", ("j", "y")),
    (r"z", "s", ("z",)),
    (r"(iia|aia)$", "a", ("ia",)),  # -ия, -ая once j and y are i: "Tsikhanouskaya" ~ "-aia", "-a"
    (r"ii$", "i", ("ii",)),
    (r"(.)\1+", _once, _ALWAYS),
)


_REWRITES = tuple(
    (needs, partial(re.compile(pattern).sub, repl)) for pattern, repl, needs in _KEY_RULES
)
_VOWELS = re.compile(r"(?<!^)[aeiou]")


_NON_LATIN = re.compile(r"[^\W\d_](?<![\x00-\u024f\u1e00-\u1eff])")
_APOSTROPHES = re.compile(r"['`\u2019\u02bc]")
_SPACES = re.compile(r"\s+")
_DASHES = re.compile(r"\s*[\-\u2010-\u2015]\s*")


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """Lower-case form with apostrophes dropped, spaces collapsed and dashes unified.

    A hyphenated name stays one word ("ungern-sternberg"), as the text writes it.

    Latin-script text is folded to ASCII (``Jäger`` → ``jager``); text in another
    script keeps its letters, so a native form ``Киев`` never stands in for the
    romanisation ``Kiev``, which a house style may reject.
    """
    if text.isascii() and text.isalpha():
        return text.lower()  # most words: nothing to fold but the case
    folded = text.casefold() if _NON_LATIN.search(text) else unidecode(text).lower()
    return _DASHES.sub("-", _SPACES.sub(" ", _APOSTROPHES.sub("", folded))).strip()


@lru_cache(maxsize=200_000)
def lower_words(text: str) -> tuple[str, ...]:
    """The words of ``text`` as :func:`fold` splits them, but with their letters kept.

    Transliteration keys are taken from these, because folding loses what a
    diacritic says about the sound (``Ž`` is "zh", ``ä`` is "ae").
    """
    if text.isascii() and text.isalpha():
        return (text.lower(),)  # one word, nothing to drop or unify
    lowered = _DASHES.sub("-", _SPACES.sub(" ", _APOSTROPHES.sub("", text.casefold())))
    return tuple(lowered.split())


# Keys worked out when the gazetteer in use was compiled (see remember_keys).
_known_keys: Mapping[str, str] = {}


def remember_keys(keys: Mapping[str, str]) -> None:
    """Take the keys a compiled gazetteer stored for its own name words.

    Scoring a text word against a name needs the name's key; with 100,000 names
    a corpus meets 14,000 of them, and working their keys out again was a tenth of
    the run. Only the last gazetteer loaded is kept: any other word's key is still
    worked out, so this only ever saves time.
    """
    global _known_keys
    _known_keys = keys


@lru_cache(maxsize=200_000)
def translit_key(word: str) -> str:
    """Key of one word under which its transliteration variants coincide."""
    known = _known_keys.get(word)
    if known is not None:
        return known
    key = unidecode(word.translate(_PRE_FOLD)).lower()
    for needs, rewrite in _REWRITES:
        for part in needs:
            if part in key:
                key = rewrite(key)
                break
    return key


def _spelled(table: dict[str, str], match: re.Match[str]) -> str:
    return table[match.group()]


# How a source language's spelling reads when a name was romanised through it:
# French writes ш as "ch" and ж as "j" ("Choigou", "Jangjou"); German, Czech and
# Polish write х as "ch", German ж as "sch" and ц as "z" ("Boschou", "Zepkalo",
# "Chabarovsk"). The key's own reading of "ch" is the English ч.
_READINGS = tuple(
    partial(re.compile(pattern).sub, partial(_spelled, table))
    for pattern, table in (
        (r"ch|j", {"ch": "sh", "j": "zh"}),
        (r"tsch|sch|ch|z", {"tsch": "ch", "sch": "zh", "ch": "kh", "z": "ts"}),
    )
)


def han(text: str) -> bool:
    """Whether ``text`` has Chinese characters: its romanisation is pinyin, which keeps its
    spelling through French or German ("Zhangzhou", never "Jangjou").

    Compared by code point, not with a regex: ``re`` compiles a class of 28,000 code
    points one by one, 4 ms of every start, for a test made on a few short native forms.
    """
    return any("\u3400" <= c <= "\u9fff" or "\uf900" <= c <= "\ufaff" for c in text)


@lru_cache(maxsize=200_000)
def readings(word: str) -> tuple[str, ...]:
    """``word`` (lower-case) and how it reads in French and German spelling, when that differs."""
    found = [word]
    for reread in _READINGS:
        read = reread(word)
        if read not in found:
            found.append(read)
    return tuple(found)


@lru_cache(maxsize=200_000)
def skeleton(word: str) -> str:
    """Consonant skeleton of the transliteration key (first letter kept)."""
    return _VOWELS.sub("", translit_key(word))
