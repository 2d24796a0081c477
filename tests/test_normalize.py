"""Folding's fast path for plain words gives what the general rules give; a
transliteration key skips only rules that could not match; Chinese script is
recognised at the edges of its blocks."""

from __future__ import annotations

import re
from string import ascii_letters

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from unidecode import unidecode

from namecheck import normalize
from namecheck.normalize import fold, han, lower_words, translit_key

LETTERS = st.characters(categories=["Lu", "Ll", "Lt", "Lm", "Lo"])
WORDS = st.text(LETTERS, min_size=1, max_size=12) | st.text(ascii_letters, min_size=1, max_size=12)


# A trailing space sends a word through the general rules (spaces collapsed, ends
# stripped) without changing what it should fold to.
@settings(max_examples=1_000)
@given(WORDS)
def test_a_plain_word_folds_as_the_general_rules_fold_it(word: str) -> None:
    assert fold(word) == fold(word + " ")
    assert lower_words(word) == lower_words(word + " ")


# The letters the rules rewrite, so that most words meet several rules at once.
RULE_WORDS = st.text("abcdeghijkloqstuwxyzAÄŽšé'- ", min_size=1, max_size=14)


def every_rule(word: str) -> str:
    """The key with each rule tried on every word, as first written."""
    key = unidecode(word.translate(normalize._PRE_FOLD)).lower()
    for pattern, replacement, _ in normalize._KEY_RULES:
        key = re.sub(pattern, replacement, key)
    return key


@settings(max_examples=2_000)
@given(WORDS | RULE_WORDS)
def test_a_key_skips_only_rules_that_could_not_match(word: str) -> None:
    assert translit_key(word) == every_rule(word)


def test_plain_and_general_words() -> None:
    assert fold("Zelensky") == "zelensky"
    assert fold("Jäger") == "jager"
    assert fold("O'Brien") == "obrien"
    assert lower_words("Straße") == ("strasse",)
    assert lower_words("Frank - Walter") == ("frank-walter",)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("习近平", True), ("Xi 近", True), ("\u3400", True), ("\u9fff", True), ("\uf900", True),
     ("\ufaff", True), ("\u33ff", False), ("\ua000", False), ("\ufb00", False),
     ("Путин", False), ("東京", True), ("とうきょう", False), ("", False)],
)  # fmt: skip
def test_han(text: str, expected: bool) -> None:
    assert han(text) is expected
