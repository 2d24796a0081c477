"""Segmentation: the fast stretch finder agrees with the pattern it stands for."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from namecheck import segment
from namecheck.segment import WORD, runs, spans, split, written_lower

RUN = re.compile(segment.RUN)

# Pieces that exercise every branch of the pattern: capitals of several scripts,
# combining marks and joiners, name prefixes and particles, digits, line breaks.
PIECES = [
    "A", "b", "É", "ж", "Ж", "ǅ", "\u0301", "\u200c", "'", "’", "-", "‐", " ", "  ", "\n",
    "\r\n", "1", "_", ".", ",", "al-", "ash-", "d'", "bin ", "von ", "de ", "Q", "x",
    "Putin", "iPhone", "'s", "The ",
]  # fmt: skip


@settings(max_examples=2_000, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=20).map("".join))
def test_spans_are_the_patterns_matches(text: str) -> None:
    assert list(spans(text)) == [(m.start(), m.group()) for m in RUN.finditer(text)]


# The patterns as first written, one group per letter: the atomic groups of the
# shipped patterns are only faster, never different.
_LETTER = rf"(?:[^\W\d_]|[{segment._MARKS}])"
_TAIL = rf"{_LETTER}*(?:[{segment._JOINERS}]{_LETTER}+)*"
_CAPWORD = rf"(?<![\w{segment._MARKS}]){segment._PREFIX}[{segment._UPPER}]{_TAIL}"
_GAP = segment._GAP
PLAIN_RUN = re.compile(rf"{_CAPWORD}(?:{_GAP}(?:{segment._PARTICLE}{_GAP})*{_CAPWORD})*")
PLAIN_WORD = re.compile(rf"[^\W\d_]{_TAIL}")


@settings(max_examples=2_000, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=20).map("".join))
def test_atomic_patterns_match_like_the_plain_ones(text: str) -> None:
    for shipped, plain in ((RUN, PLAIN_RUN), (WORD, PLAIN_WORD)):
        assert [m.span() for m in shipped.finditer(text)] == [
            m.span() for m in plain.finditer(text)
        ]


@settings(max_examples=1_000, deadline=None)
@given(st.text("AaÉéǅǆЖжQx", min_size=1, max_size=6) | st.sampled_from(["The", "But", "Von"]))
def test_one_word_shortcut_splits_like_the_general_path(word: str) -> None:
    assert split(word) == segment._split(word)


# What written_lower() stands for: the word is one of the text's lower-case words.
LOWER_WORD = re.compile(r"(?<![\w'’])[a-z]+(?![\w'’])")


@settings(max_examples=2_000, deadline=None)
@given(
    st.lists(st.sampled_from(["kiev", "Kiev", "ki", "ev", "x", "é", "'", "’", "-", " ", "_", "1",
                              "\n"]), max_size=12).map("".join),
    st.sampled_from(["kiev", "ki", "ev", "kiev-x", "Kiev", "kiév"]),
)  # fmt: skip
def test_written_lower_finds_the_texts_lower_case_words(text: str, word: str) -> None:
    assert written_lower(text, word) == (word in LOWER_WORD.findall(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Talks with Bashar al-Assad ended.", ["Talks", "Bashar al-Assad"]),
        ("the iPhone and Apple", ["Apple"]),  # a capital inside a word starts nothing
        ("Putin's Kremlin", ["Putin", "Kremlin"]),  # a possessive ends a run
        ("But he met Ruud van Nistelrooy", ["Ruud van Nistelrooy"]),  # function words dropped
        ("President\nMacron", ["President Macron"]),  # one line break inside a name
    ],
)
def test_runs(text: str, expected: list[str]) -> None:
    found = [" ".join(t.text for t in run.tokens) for run in runs(text)]
    assert found == expected


def test_split_offsets_are_relative_to_the_stretch() -> None:
    ((leading, tokens),) = split("Michelle Bachelet")
    assert leading
    assert [(t.start, t.end, t.text) for t in tokens] == [(0, 8, "Michelle"), (9, 17, "Bachelet")]

