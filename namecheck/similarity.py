"""Similarity of one text word to one name word: the calibrated token score.

An edit distance, taken on the folded spelling and on the transliteration key
(whichever is smaller; a key-only match still costs a quarter edit), and
**calibrated by length**: ``1 - 1.5·d / L``, so the default threshold 0.7 means
"at most one edit in five letters" for any length: one edit in a 6-letter name
scores 0.75, two in a 12-letter name 0.75. Short names, where one edit often
makes another real name, get their own guard in :mod:`namecheck.scoring`.
Equal consonant skeletons (a phonetic key) add 0.1 as a second signal. A different first letter
(after the key's equivalences) costs an extra edit.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import NamedTuple

from rapidfuzz.distance import OSA

from namecheck.normalize import fold, readings, skeleton, translit_key

# Endings that derive a word from a name without garbling it: demonyms,
# adjectives and plurals ("Russian", "Israeli", "Liberal Democrat(s)").
DERIVING_SUFFIXES = frozenset(
    "s es n an ans ian ians ns i is ese ish ic ics ite ites er ers ist ists ism".split()
)
# Endings a name may drop in a derived word ("Kyrgyz" from "Kyrgyzstan").
DROPPED_ENDINGS = frozenset("s es y stan istan land".split())
# Last letters before a final "s" that make it read as a plural ending.
PLURAL_STEMS = frozenset("aeo")
LONE_MIN = 5  # name words shorter than this never stand alone on their own strength
SLIP_MIN = 4  # from this length, one slip (an edit or transposition) passes the head guard
MIN_HEAD = 0.65  # a surname (or a place's word) must score at least this, or be one slip away
MIN_PLACE_HEAD = 0.62  # ... or this, a place after a place preposition: one edit in four letters
MIN_GIVEN = 0.35  # a given name beside a matching surname must score at least this


class TokenScore(NamedTuple):
    score: float
    kind: str  # "exact", "derived" or "fuzzy"
    same_key: bool = False
    edits: float = 0.0  # the score from edits alone, before the phonetic bonus
    distance: float = 0.0  # the edits themselves (a transposition is one)


def suffixed(word: str, stem: str) -> bool:
    """Whether ``word`` is ``stem`` plus a deriving ending that is not a doubled last letter."""
    ending = word[len(stem) :]
    return word.startswith(stem) and ending in DERIVING_SUFFIXES and ending[0] != stem[-1:]


def derived_from(word: str, name: str) -> bool:
    """Whether ``word`` is ``name`` with a deriving ending (``ukrainian`` from ``ukraine``).

    An ending that only repeats the name's last letter ("Bidenn", "Tianii",
    "Reevess") is a doubled letter, a typing slip, not a derivation; and a
    dropped final "s" derives only from a plural-looking ending ("Philippine(s)",
    "Bahama(s)"), never from "-ss", "-us" or "-is" ("Trus", "Tarsu", "Anápoli").
    """
    if suffixed(word, name):
        return True
    dropped = name[len(word) :]
    if name.startswith(word) and dropped in DROPPED_ENDINGS:
        return dropped != "s" or word[-1:] in PLURAL_STEMS
    # A final vowel replaced by an ending of two letters or more ("ukrain-ian",
    # "chin-ese"); a one-letter swap is a misspelling ("Kerkhovi").
    stem, ending = name[:-1], word[len(name) - 1 :]
    return (
        name[-1:] in "aeoy" and word.startswith(stem) and len(ending) > 1
        and ending in DERIVING_SUFFIXES
    )  # fmt: skip


@lru_cache(maxsize=100_000)
def derivation_bases(word: str) -> tuple[str, ...]:
    """Every name ``word`` is derived from by a deriving ending (:func:`derived_from`):
    "ukrainian" → "ukraine", "scholls" → "scholl"; for looking the bases up (memoised:
    each document asks again about the words a corpus repeats)."""
    return tuple(_bases(word))


def _bases(word: str) -> Iterator[str]:
    for suffix in DERIVING_SUFFIXES:
        if word.endswith(suffix):
            base = word[: -len(suffix)]
            for name in (base, *(base + vowel for vowel in "aeoy")):
                if derived_from(word, name):
                    yield name


def plain_kind(text: str, name: str) -> str:
    """"exact" when a folded text word is the folded name word, "derived" when it is
    derived from it, else "": a word that is no garble of the name at all."""
    if text == name:
        return "exact"
    return "derived" if derived_from(text, name) else ""


def within_bar(scored: TokenScore, name: str, *, given: bool, floor: float = MIN_HEAD) -> bool:
    """Whether a fuzzy word comes close enough to the name word it stands for: a given
    name within ``MIN_GIVEN``; any other word within ``floor`` or one slip (an edit
    or transposition) in a name of ``SLIP_MIN`` letters or more ("Slal" for "Sall")."""
    if given:
        return scored.score >= MIN_GIVEN
    return scored.score >= floor or (scored.distance <= 1 and len(fold(name)) >= SLIP_MIN)


@lru_cache(maxsize=100_000)
def token_score(word: str, name_word: str, reread: bool = True) -> TokenScore:
    """Calibrated similarity of a text word to a name word (lower-case, letters kept).

    With ``reread``, the text word's key is also taken as French or German
    spelling would read it (:func:`namecheck.normalize.readings`): for names that
    machine translation may re-romanise, not for fixed romanisations (pinyin).
    """
    text, name = fold(word), fold(name_word)
    kind = plain_kind(text, name)
    if kind:
        return TokenScore(1.0, kind, True)
    name_key = translit_key(name_word)
    # The text's key under the reading of its spelling that comes closest.
    key_distance, text_key = min(
        (OSA.distance(key, name_key), key)
        for key in map(translit_key, readings(word) if reread else (word,))
    )
    distance = min(float(OSA.distance(text, name)), key_distance + 0.25)
    if text_key[:1] != name_key[:1] and text[:1] != name[:1]:
        # Typos and transliteration rarely touch the first letter beyond the
        # equivalences the key already makes (W/V, J/Y, C/K, Z/S); another first
        # letter usually means another name ("Gallas", "Kallas"; "O'Sullivan").
        # The same written letter is no change, whatever the key makes of what
        # follows it ("Ciaro" for "Cairo": a soft c in the key, a hard one in the name).
        distance += 1
    edits = max(0.0, 1.0 - 1.5 * distance / len(name))
    score = min(0.99, edits + 0.1) if skeleton(text) == skeleton(name) else edits
    return TokenScore(score, "fuzzy", key_distance == 0, edits, distance)


def closest_word(canonical: str, word: str) -> str:
    """The word of a canonical name that a one-word mention (folded ``word``) stands for.

    The closest word, not simply the last: "Xi Jinping" is Xi, "Michael von
    Ungern-Sternberg" is Ungern-Sternberg. Ties go to the later word (surnames
    usually come last).
    """
    words = canonical.split()
    return max(reversed(words), key=lambda w: token_score(fold(w), word).score)
