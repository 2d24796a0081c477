"""The token score and its derivation rules, one table per kind of garble or false friend."""

from __future__ import annotations

import pytest

from namecheck.similarity import derived_from, token_score

DERIVED = [
    # (text word, name word, derived?) — folded, lower-case
    ("ukrainian", "ukraine", True),  # a final vowel replaced by a demonym ending
    ("russian", "russia", True),
    ("israeli", "israel", True),
    ("kyrgyz", "kyrgyzstan", True),  # a dropped ending
    ("philippine", "philippines", True),  # a plural "s" dropped
    ("bahama", "bahamas", True),
    ("scholls", "scholl", True),  # a plural
    # a doubled last letter is a typing slip, not a derivation
    ("bidenn", "biden", False),
    ("tianii", "tiani", False),
    ("reevess", "reeves", False),
    ("irann", "iran", False),
    # a final "s" that is no plural ending cannot be dropped
    ("trus", "truss", False),
    ("tarsu", "tarsus", False),
    ("anapoli", "anapolis", False),
    ("yunu", "yunus", False),
]


@pytest.mark.parametrize(("word", "name", "expected"), DERIVED)
def test_derived_from(word: str, name: str, expected: bool) -> None:
    assert derived_from(word, name) is expected


FIRST_LETTER = [
    # (text word, name word, lowest score, highest score)
    ("ciaro", "cairo", 0.6, 1.0),  # the same written first letter: one transposition
    ("cebu", "cebu", 1.0, 1.0),
    ("gallas", "kallas", 0.0, 0.6),  # another first letter: another name
    ("mallas", "kallas", 0.0, 0.6),
]


@pytest.mark.parametrize(("word", "name", "low", "high"), FIRST_LETTER)
def test_first_letter(word: str, name: str, low: float, high: float) -> None:
    assert low <= token_score(word, name).score <= high


def test_a_transposition_is_one_edit() -> None:
    assert token_score("slal", "sall").distance == 1
    assert token_score("nepla", "nepal").distance == 1


READINGS = [
    # (text word, name word, reread, lowest, highest): French and German spellings
    ("choigou", "shoigu", True, 0.9, 1.0),  # French ch = sh, ou = u
    ("chmyhal", "shmyhal", True, 0.9, 1.0),
    ("ijevsk", "izhevsk", True, 0.9, 1.0),  # French j = zh
    ("boschou", "bozhou", True, 0.9, 1.0),  # German sch = zh
    ("zepkalo", "tsepkalo", True, 0.9, 1.0),  # German z = ts
    ("chabarovsk", "khabarovsk", True, 0.9, 1.0),  # German, Czech, Polish ch = kh
    ("tschernobyl", "chernobyl", True, 0.9, 1.0),  # German tsch = ch
    # pinyin keeps its spelling: its ch and sh are different sounds
    ("changyu", "shangyu", False, 0.0, 0.8),
    ("choigou", "shoigu", False, 0.0, 0.8),
]


@pytest.mark.parametrize(("word", "name", "reread", "low", "high"), READINGS)
def test_source_language_readings(
    word: str, name: str, reread: bool, low: float, high: float
) -> None:
    assert low <= token_score(word, name, reread).score <= high
