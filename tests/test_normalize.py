"""Folding's fast path for plain words gives what the general rules give; Chinese script
is recognised at the edges of its blocks."""

from __future__ import annotations

from string import ascii_letters

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from namecheck.normalize import fold, han, lower_words

LETTERS = st.characters(categories=["Lu", "Ll", "Lt", "Lm", "Lo"])
WORDS = st.text(LETTERS, min_size=1, max_size=12) | st.text(ascii_letters, min_size=1, max_size=12)


# A trailing space sends a word through the general rules (spaces collapsed, ends
# stripped) without changing what it should fold to.
@settings(max_examples=1_000)
@given(WORDS)
def test_a_plain_word_folds_as_the_general_rules_fold_it(word: str) -> None:
    assert fold(word) == fold(word + " ")
    assert lower_words(word) == lower_words(word + " ")


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
