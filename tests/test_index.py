"""The candidate index loses no finding that an exhaustive scan of the gazetteer makes."""

from __future__ import annotations

import random

import pytest
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from namecheck.checker import Checker
from namecheck.index import CompiledGazetteer
from namecheck.normalize import fold
from namecheck.similarity import MIN_GIVEN, token_score
from tests.conftest import shared_path


class Exhaustive(CompiledGazetteer):
    """The same gazetteer, looked up by scanning every name word (no index)."""

    def lookup(self, word: str, *, near: bool = True) -> list[tuple[int, int]]:
        near_words = process.extract(
            fold(word), self._folded, scorer=Levenshtein.distance, score_cutoff=4, limit=None
        )
        return sorted(
            pair
            for _, _, n in near_words
            for pair in self._slots[n]
            if token_score(word, self.forms[pair[0]].words[pair[1]]).score >= MIN_GIVEN
        )


def _exhaustive(checker: Checker) -> Checker:
    gaz = Exhaustive.__new__(Exhaustive)
    gaz.__dict__.update(checker.gazetteer.__dict__)
    gaz.plans, gaz._memo = {}, {}  # its own candidates, not the index's memoised ones
    slots: dict[str, list[tuple[int, int]]] = {}
    for number, form in enumerate(gaz.forms):
        for position, word in enumerate(form.words):
            slots.setdefault(word, []).append((number, position))
    gaz._slots = list(slots.values())
    gaz._folded = [fold(w) for w in slots]
    return Checker(gaz, checker.settings)


def _garbled_sentences(checker: Checker, count: int) -> list[str]:
    """Sentences naming gazetteer entities with one random edit in their last word."""
    rng = random.Random(11)
    forms = [f for f in checker.gazetteer.forms if len(f.words[-1]) > 4 and f.text.isascii()]
    out = []
    for form in rng.sample(forms, count):
        word = form.text.split()[-1]
        i = rng.randrange(1, len(word) - 1)
        garbled = rng.choice([
            word[:i] + rng.choice("aeiouykhsz") + word[i + 1 :],
            word[:i] + word[i + 1 :],
            word[:i] + word[i] + word[i:],
            word[: i - 1] + word[i] + word[i - 1] + word[i + 1 :],
        ])  # fmt: skip
        name = " ".join([*form.text.split()[:-1], garbled])
        out.append(f"Talks were held with {name} in the capital. Later {garbled} said no.")
    return out


@pytest.mark.slow
def test_index_loses_no_finding_of_an_exhaustive_scan(checker: Checker) -> None:
    corpus = shared_path("corpus", "bbc")
    texts = [p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*/*.txt"))[::40]]
    texts += _garbled_sentences(checker, 300)
    exhaustive = _exhaustive(checker)
    flagged = 0
    for text in texts:
        expected = exhaustive.check_text(text)
        assert checker.check_text(text) == expected, text[:200]
        flagged += len(expected)
    assert flagged > 100  # the sample really exercises fuzzy matching
