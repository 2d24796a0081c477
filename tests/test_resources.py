"""The shipped word lists: bisection over the file's bytes answers as a set would."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from namecheck.resources import WordList, _sorted_contains, word_list

DATA = Path(__file__).resolve().parent.parent / "namecheck" / "data"
LISTS = ("words.txt", "names.txt", "common-words.txt", "common-names.txt")


def _words(name: str) -> list[str]:
    lines = (DATA / name).read_text(encoding="utf-8").split("\n")
    return [w for w in lines if w and not w.startswith("#")]


@pytest.mark.parametrize("name", LISTS)
def test_every_word_of_a_list_is_found_and_its_neighbours_are_not(name: str) -> None:
    words = _words(name)
    assert words == sorted(words)  # bisection needs the build's order (UTF-8 bytes sort alike)
    found = WordList(name)
    assert all(w in found for w in words)
    known = set(words)
    near = {w[:-1] for w in words} | {w + "q" for w in words} | {"#" + w for w in words[:50]}
    assert [w for w in near - known if w in found] == []


@pytest.mark.parametrize(
    ("word", "expected"),
    [("paris", True), ("aaron", True), ("a", True), ("zygotes", True), ("", False),
     ("# English words and established names (SCOWL), folded.", False), ("zzzzzz", False),
     ("\ud800", False), ("é", False), ("paris\naaron", False)],
)  # fmt: skip
def test_word_list_lookups(word: str, expected: bool) -> None:
    assert (word in word_list("words.txt", "names.txt", "common-names.txt")) is expected
    after_many = WordList("words.txt", "names.txt", "common-names.txt")
    for number in range(WordList.SET_AFTER):  # the look-ups that turn the lists into a set
        assert f"{number}" not in after_many
    assert (word in after_many) is expected


SMALL = sorted({"ab", "abc", "b", "ba", "zz", "é", "éa", "ü"})


@given(st.text(alphabet="abzéü", max_size=3))
def test_bisection_agrees_with_a_set(word: str) -> None:
    lines = "".join(w + "\n" for w in SMALL).encode()
    assert _sorted_contains(lines, word.encode()) is (word in SMALL)


@pytest.mark.parametrize("lines", [b"", b"a", b"a\nb", b"a\nb\n"])
def test_bisection_at_the_edges(lines: bytes) -> None:
    assert _sorted_contains(lines, b"a") is bool(lines)
    assert _sorted_contains(lines, b"b") is (b"b" in lines)
    assert _sorted_contains(lines, b"c") is False
