"""The candidate index loses no finding that an exhaustive scan of the gazetteer makes."""

from __future__ import annotations

import random

import pytest
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from namecheck.checker import Checker
from namecheck.index import MAX_ENTRY, CompiledGazetteer
from namecheck.model import Entity
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
    gaz._fresh_memos()  # its own candidates, plans and verdicts, not the index's
    slots: dict[str, list[tuple[int, int]]] = {}
    for number, form in enumerate(gaz.forms):
        for position, word in enumerate(form.words):
            slots.setdefault(word, []).append((number, position))
    gaz._slots = list(slots.values())
    gaz._folded = [fold(w) for w in slots]
    return Checker(gaz, checker.settings)


def _edit(rng: random.Random, word: str) -> str:
    """One random edit inside a word: a substitution, deletion, doubling or swap."""
    i = rng.randrange(1, len(word) - 1)
    return rng.choice([
        word[:i] + rng.choice("aeiouykhsz") + word[i + 1 :],
        word[:i] + word[i + 1 :],
        word[:i] + word[i] + word[i:],
        word[: i - 1] + word[i] + word[i - 1] + word[i + 1 :],
    ])  # fmt: skip


def _garbled_sentences(checker: Checker, count: int) -> list[str]:
    """Sentences naming gazetteer entities with one random edit in their last word,
    then that word alone; or, for half the names of several words, two edits in the
    last word, where the other words must lead to the name ("Jair Bolsonso"). Such
    a word is beyond the index's reach on its own, so it is not written alone."""
    rng = random.Random(11)
    forms = [f for f in checker.gazetteer.forms if len(f.words[-1]) > 4 and f.text.isascii()]
    out = []
    for form in rng.sample(forms, count):
        *first, word = form.text.split()
        garbled = _edit(rng, word)
        if first and rng.random() < 0.5:
            name = " ".join([*first, _edit(rng, garbled)])
            out.append(f"Talks were held with {name} in the capital.")
            continue
        name = " ".join([*first, garbled])
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


def _people(names: list[str]) -> list[Entity]:
    return [Entity(id=f"p{i}", name=name, kind="person") for i, name in enumerate(names)]


def test_a_surname_too_common_to_index_leaves_the_given_name_as_the_way_in() -> None:
    # more people share "Smith" than a key may hold (MAX_ENTRY): the surname is
    # not indexed, so the garbled given name is the only way to the person
    stems = "Bar Cal Dor Fen Gil Hal Kor Lan Mor Nor Per Quin Ros Sel Tor Vel".split()
    ends = "ton ric wyn dell mont ford ley bert win".split()
    given = [stem + end for stem in stems for end in ends]
    assert len(given) > MAX_ENTRY
    checker = Checker(_people([*(f"{g} Smith" for g in given), "Jonathan Smith"]))
    findings = checker.check_text("Officials said Jonahtan Smith had resigned.")
    assert [(f.found, f.suggestion) for f in findings] == [("Jonahtan Smith", "Jonathan Smith")]
