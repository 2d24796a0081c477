"""The matcher on the shipped gazetteer: garbles found, accepted forms and false friends not."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from namecheck import runplan
from namecheck.checker import Checker
from namecheck.matcher import _Document
from namecheck.model import Rule
from namecheck.scoring import Scorer
from namecheck.segment import spans, split

GARBLES = [
    # (text, found, suggestion, rule)
    ("UN rights chief Mitchell Bacelet said.", "Mitchell Bacelet", "Michelle Bachelet", "NC001"),
    ("candidate Svetlana Tikhanovska won", "Svetlana Tikhanovska", "Sviatlana Tsikhanouskaya", "NC001"),
    ("Svetlana Tichanovskaya spoke in Vilnius.", "Svetlana Tichanovskaya", "Sviatlana Tsikhanouskaya", "NC001"),
    ("Foreign Minister Annalena Berbok arrived.", "Annalena Berbok", "Annalena Baerbock", "NC001"),
    ("Minister Analene Berbock arrived.", "Analene Berbock", "Annalena Baerbock", "NC001"),
    ("Annalena Baerbock arrived. Later Burbock said no.", "Burbock", "Baerbock", "NC001"),
    ("German media quoted Wladimir Putin.", "Wladimir Putin", "Vladimir Putin", "NC002"),
    ("Sergey Lavrov met them. Lawrow said", "Lawrow", "Lavrov", "NC001"),
    ("President Alexander Loukachenko spoke.", "Alexander Loukachenko", "Alexander Lukashenko", "NC001"),
    ("MITCHELL BACELET SPEAKS", "MITCHELL BACELET", "MICHELLE BACHELET", "NC001"),
    ("He visited Kiev.", "Kiev", "Kyiv", "NC004"),
]


@pytest.mark.parametrize(("text", "found", "suggestion", "rule"), GARBLES)
def test_garbles_are_found(checker: Checker, text: str, found: str, suggestion: str, rule: str) -> None:
    findings = [f for f in checker.check_text(text) if f.rule is not Rule.INCONSISTENT]
    assert [(f.found, f.suggestion, f.rule.value) for f in findings] == [(found, suggestion, rule)]
    (finding,) = findings
    assert text[finding.start : finding.end] == found


CLEAN = [
    # accepted forms, derived romanisations, native forms
    "Alexander Lukashenko met Vladimir Putin in Sochi.",
    "Lukashenka, as Belarusians write it, met Putin.",
    "Sviatlana Tsikhanouskaya (Святлана Ціханоўская) spoke in Minsk.",
    "Svetlana Tikhanovskaya spoke; Tikhanovskaya later left.",
    "Aliaksandr Lukashenka and Alyaksandr Lukashenka are both passport spellings.",
    "Michelle Bachelet's office said.",
    "Volodymyr Zelenskyy spoke. Zelenskyy is accepted.",
    # demonyms and adjectives derived from names
    "The Russian and Belarusian and Ukrainian envoys met European partners.",
    # an unknown given name with a known surname is not a garble of another entity
    "Cherie Putin is not a person we know.",
    # ordinary words and names that are English words
    "Reading the Mitchell report, Blair said Hope was lost.",
    # another real, unknown name
    "Ms. Ausma, 83, met Hosam Abu Meri.",
    # plural/possessive of a name written in the same text
    "Sophie Scholl died. The Scholls were arrested.",
    # lower-case words never match
    "the putin of michelle bacelet",
]


@pytest.mark.parametrize("text", CLEAN)
def test_clean_text_is_not_flagged(checker: Checker, text: str) -> None:
    assert [(f.found, f.rule.value) for f in checker.check_text(text)] == []


def test_span_line_and_column_are_exact(checker: Checker) -> None:
    text = "Line one.\r\nSecond line with\nMitchell\nBacelet in it."
    (finding,) = checker.check_text(text)
    assert finding.found == "Mitchell\nBacelet"
    assert (finding.line, finding.column, finding.end_line, finding.end_column) == (3, 1, 4, 8)
    assert text[finding.start : finding.end] == finding.found


def test_possessive_is_outside_the_span(checker: Checker) -> None:
    (finding,) = checker.check_text("It was Mitchell Bacelet’s report.")
    assert finding.found == "Mitchell Bacelet"


def test_surname_alone_suggests_the_surname(checker: Checker) -> None:
    findings = checker.check_text("Michelle Bachelet spoke. Bacelet added that")
    assert [(f.found, f.suggestion) for f in findings] == [("Bacelet", "Bachelet")]


def test_inconsistent_spelling_is_info(checker: Checker) -> None:
    findings = checker.check_text("Lukashenko spoke. Later Lukashenka said.")
    assert [(f.found, f.rule.value, f.suggestion, f.severity.value) for f in findings] == [
        ("Lukashenka", "NC003", "Lukashenko", "info")
    ]


def test_exact_form_of_another_entity_is_not_a_garble() -> None:
    from namecheck.gazetteer import parse

    entities, errors = parse(
        "entities:\n  - {name: Minsk, kind: place}\n  - {name: Pinsk, kind: place}\n"
    )
    assert errors == []
    checker = Checker(entities)
    assert checker.check_text("From Pinsk to Minsk.") == []
    # a transliteration variant of a short name is flagged, as the right entity
    assert [(f.found, f.suggestion) for f in checker.check_text("To Pinsq.")] == [("Pinsq", "Pinsk")]
    # one real edit on a short name is not enough on its own
    assert checker.check_text("From Minsk to Pinsa.") == []


def test_short_names_need_more_than_one_edit(checker: Checker) -> None:
    assert checker.check_text("Mr Patin said.") == []


@settings(max_examples=500, deadline=None)
@given(
    st.lists(st.sampled_from(["Absa", "absa", "Absa's", "Absa-B", "Absa2", " ", ".", "O'Brien"]))
    .map("".join),
    st.sampled_from(["Absa", "O'Brien", "Absa-B"]),
)
def test_whole_word_counts_match_the_regex(text: str, word: str) -> None:
    """The matcher counts a word's repetitions in one pass; it must count as \\b…\\b does."""
    expected = len(re.findall(rf"\b{re.escape(word)}\b", text))
    assert _Document(text).times(word) == expected


SEEDS = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name)
def test_a_run_of_inert_words_plans_as_placing_it_word_by_word_would(
    checker: Checker, seed: Path
) -> None:
    """The shortcut for runs of inert words (no exact form, no aligned form word) gives
    the plan the word-by-word path gives; the seeds hold both kinds of run."""
    gazetteer = checker.gazetteer
    scorer = Scorer(gazetteer)
    inert = 0
    for _, group in spans(seed.read_text(encoding="utf-8")):
        for leading, tokens in split(group):
            planned = runplan._plan(tokens, leading, gazetteer, scorer)
            headline = runplan._headline(tokens)
            assert planned == runplan._placed(tokens, leading, gazetteer, scorer, headline)
            inert += not (planned.exact or planned.windows or planned.rejected)
    assert inert > 10  # the shortcut was taken
