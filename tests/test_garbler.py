"""The synthetic garbler (bench/garbler.py) and its garble types (bench/garbles.py)."""

from __future__ import annotations

import random
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bench import garbles
from bench.garbler import garble_mention, is_garble, romanised, synthetic_set, targets
from namecheck.gazetteer import parse
from namecheck.index import CompiledGazetteer
from namecheck.model import Entity
from namecheck.normalize import fold

GAZETTEER = """
- name: Michelle Bachelet
  kind: person
  aliases: [Bachelet]
- name: Alexander Lukashenko
  kind: person
  aliases: [Lukashenko, Lukashenka]
  native: [Александр Лукашенко]
- name: Sviatlana Tsikhanouskaya
  kind: person
  aliases: [Tsikhanouskaya, Svetlana Tikhanovskaya, Tikhanovskaya]
  native: [Светлана Тихановская]
- name: Minsk
  kind: place
  native: [Минск]
- name: Nice
  kind: place
  match: exact
- name: United Nations
  kind: org
"""
ARTICLES = [
    (f"a{i}.txt", f"Headline {i}\n\nFirst paragraph of story {i}.\n\nSecond one.\n\nThird.\n")
    for i in range(12)
]


@pytest.fixture(scope="module")
def entities() -> list[Entity]:
    found, errors = parse(GAZETTEER, "test.yaml")
    assert not errors
    return found


@pytest.fixture(scope="module")
def gazetteer(entities: list[Entity]) -> CompiledGazetteer:
    return CompiledGazetteer(entities)


@pytest.mark.parametrize(
    ("garble", "word", "expected"),
    [
        (garbles.german, "Lukashenko", "Lukaschenko"),
        (garbles.german, "Tsikhanouskaya", "Zichanouskaja"),
        (garbles.german, "Zelensky", "Selenskyj"),
        (garbles.german, "Shishov", "Schischow"),
        (garbles.german, "Sergey", "Sergej"),
        (garbles.polish, "Lukashenko", "Łukaszenko"),
        (garbles.polish, "Shishov", "Sziszow"),
        (garbles.polish, "Zelensky", "Zelenski"),
        (garbles.french, "Lukashenko", "Loukachenko"),
        (garbles.french, "Tsikhanouskaya", "Tsikhanouskaïa"),  # "ou" is not doubled
        (garbles.czech, "Lukashenko", "Lukašenko"),
        (garbles.czech, "Zelensky", "Zelenský"),
        (garbles.czech_plain, "Lukashenko", "Lukasenko"),
        (garbles.aya, "Tsikhanouskaya", "Tsikhanouska"),
        (garbles.aya, "Tsikhanouskaya", "Tsikhanouskaja"),
        (garbles.phonetic, "Bachelet", "Bacelet"),
        (garbles.phonetic, "Baerbock", "Berbok"),
        (garbles.double, "Putin", "Puttin"),
        (garbles.drop, "Annalena", "Annalen"),
        (garbles.y_i, "Zelensky", "Zelenski"),
        (garbles.vowel, "Annalena", "Annalene"),
        (garbles.transpose, "Putin", "Ptuin"),
        (garbles.given_swap, "Michelle", "Mitchell"),
        (garbles.given_swap, "Frank-Walter", "Frank-Walther"),
    ],
)
def test_garble_type_produces_what_it_claims(
    garble: garbles.Garble, word: str, expected: str
) -> None:
    assert expected in garble(word)


@pytest.mark.parametrize(
    ("garble", "word"),
    [
        (garbles.german, "Putin"),  # nothing German-specific to re-spell
        (garbles.french, "Zelensky"),
        (garbles.aya, "Lukashenko"),  # no -aya ending
        (garbles.y_i, "Lukashenko"),
        (garbles.drop, "Abe"),  # too short to lose a letter
    ],
)
def test_garble_type_not_applicable(garble: garbles.Garble, word: str) -> None:
    assert garble(word) == []


def test_whole_name_types_list_the_full_rewrite_first() -> None:
    assert garbles.german("Tsikhanouskaya")[0] == "Zichanouskaja"
    assert "Tichanouskaya" not in garbles.german("Tsikhanouskaya")  # ts→z leaks alone only
    assert "Tsichanouskaya" in garbles.german("Tsikhanouskaya")  # one site leaked


@pytest.mark.parametrize("word", ["Lukashenko", "Baerbock", "Frank-Walter", "Tsikhanouskaya"])
def test_typo_types_are_single_edits(word: str) -> None:
    for form in garbles.double(word):
        assert len(form) == len(word) + 1
    for form in garbles.drop(word):
        assert len(form) == len(word) - 1 and form[0] == word[0]
    for form in garbles.transpose(word):
        assert Counter(form) == Counter(word) and form != word and form[0] == word[0]
        assert sum(a != b for a, b in zip(form, word, strict=True)) == 2
    for form in garbles.vowel(word) + garbles.y_i(word):
        assert len(form) == len(word) and sum(a != b for a, b in zip(form, word, strict=True)) == 1
    for garble in garbles.GARBLES.values():
        assert word not in garble(word)
        for form in garble(word):  # hyphen parts keep their capitals
            assert all(p[:1].isupper() for p in form.split("-"))


def test_targets_and_romanised(entities: list[Entity]) -> None:
    names = [e.name for e in targets(entities)]
    # People with two names, one-word places; never exact-match-only names nor orgs.
    assert names == ["Michelle Bachelet", "Alexander Lukashenko", "Sviatlana Tsikhanouskaya",
                     "Minsk"]  # fmt: skip
    assert [romanised(e) for e in entities[:2]] == [False, True]


@pytest.mark.parametrize(
    ("form", "original", "changed", "ok"),
    [
        ("Lukasenko", "Lukashenko", "Lukasenko", True),
        ("Lukashenko", "Lukashenko", "", False),  # identical
        ("Lukashenka", "Lukashenko", "Lukashenka", False),  # an accepted alias
        ("LUKASHENKO", "Lukashenko", "", False),  # folds to the original
        ("Svetlana Tikhanovskaya", "Sviatlana Tsikhanouskaya", "", False),  # accepted
        ("Minks", "Minsk", "Minks", False),  # an English word: no garble anyone could catch
        ("Mitchell Bachelet", "Michelle Bachelet", "", True),
    ],
)
def test_is_garble(
    gazetteer: CompiledGazetteer, form: str, original: str, changed: str, ok: bool
) -> None:
    assert is_garble(form, original, gazetteer, changed) is ok


def test_given_swap_changes_the_given_name_only(gazetteer: CompiledGazetteer) -> None:
    rng = random.Random(3)
    form = garble_mention(["Michelle", "Bachelet"], "person", "given_swap", rng, gazetteer)
    assert form is not None and form.endswith(" Bachelet") and form != "Michelle Bachelet"
    assert garble_mention(["Bachelet"], "person", "given_swap", rng, gazetteer) is None


def test_same_seed_same_set(entities: list[Entity]) -> None:
    first = synthetic_set(ARTICLES, entities, docs=10, seed=5)
    assert first == synthetic_set(ARTICLES, entities, docs=10, seed=5)
    assert first != synthetic_set(ARTICLES, entities, docs=10, seed=6)


@settings(max_examples=25, deadline=None)
@given(seed=st.integers(0, 10_000), rate=st.sampled_from([0.0, 0.5, 1.0]))
def test_labels_slice_to_their_text_and_are_real_garbles(seed: int, rate: float) -> None:
    found, _ = parse(GAZETTEER, "test.yaml")
    gazetteer = CompiledGazetteer(found)
    docs = synthetic_set(ARTICLES, found, docs=6, seed=seed, rate=rate)
    accepted = {fold(f) for e in found for f in e.accepted} | set(gazetteer.surnames)
    for doc in docs:
        for gold in (*doc.labels, *doc.clean):
            assert doc.text[gold.start : gold.end] == gold.found
        for gold in doc.labels:
            assert gold.garble in garbles.GARBLES
            assert fold(gold.found) not in accepted
            assert gold.expected in (gold.canonical, gold.canonical.split()[-1])
        for gold in doc.clean:
            assert not gold.garble and fold(gold.found) in accepted
        if rate == 0.0:
            assert doc.labels == ()
        for name, article in ARTICLES:  # the article's own text is kept, in order
            if doc.name.endswith("/" + name):
                paragraphs = [p for p in article.split("\n\n") if p.strip()]
                assert all(p.strip() in doc.text for p in paragraphs)
