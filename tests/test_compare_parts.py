"""The pure parts of translation QA: stems, mentions, numbers, scripts.

Mentions are found against the fixtures' own gazetteer, decoys included
(tests/fixtures/compare/gazetteer.yaml).
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from namecheck.checker import Checker
from namecheck.compare import numbers, untranslated
from namecheck.compare.names import MentionFinder
from namecheck.compare.presence import derived, present
from namecheck.compare.stems import cyrillic_stem, latin_stem
from namecheck.index import CompiledGazetteer
from tests.test_compare import GAZETTEER


@pytest.fixture(scope="module")
def gazetteer() -> CompiledGazetteer:
    return Checker.from_paths([GAZETTEER], default=False).gazetteer


@pytest.fixture(scope="module")
def finder(gazetteer: CompiledGazetteer) -> MentionFinder:
    return MentionFinder(gazetteer)


@pytest.mark.parametrize(
    ("inflected", "dictionary"),
    [
        ("Тихановской", "Тихановская"),  # ru genitive, feminine
        ("Тихановскую", "Тихановская"),
        ("Путиным", "Путин"),
        ("Путина", "Путин"),
        ("Минске", "Минск"),
        ("Москвы", "Москва"),
        ("России", "Россия"),
        ("Ціханоўскай", "Ціханоўская"),  # be
        ("Лукашэнкам", "Лукашэнка"),
        ("Зеленського", "Зеленський"),  # uk
        ("Києві", "Київ"),  # uk vowel alternation ї/є
        ("Кулебою", "Кулеба"),
    ],
)
def test_cyrillic_case_endings_share_the_stem(inflected: str, dictionary: str) -> None:
    assert cyrillic_stem(inflected)[0] == cyrillic_stem(dictionary)[0]


@pytest.mark.parametrize(
    ("inflected", "dictionary"),
    [
        ("Tihanovskai", "Tikhanovskaya"),  # Latvian dative against an English form
        ("Putinam", "Putin"),
        ("Putins", "Putin"),  # German genitive
        ("Łukaszenki", "Lukashenko"),  # Polish genitive
        ("Lukašenko", "Lukashenko"),
        ("Minskā", "Minsk"),
        ("Mišela", "Michelle"),  # Latvian spelling of a French name
    ],
)
def test_latin_case_endings_share_the_stem(inflected: str, dictionary: str) -> None:
    assert latin_stem(inflected)[0] == latin_stem(dictionary)[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Встреча Лукашенко с Путиным в Минске.",
            ["alexander-lukashenko", "vladimir-putin", "minsk"],
        ),
        ("Светлана Тихановская", ["sviatlana-tsikhanouskaya"]),
        # Same stem, told apart by the gendered ending.
        ("Тихановской и Тихановского", ["sviatlana-tsikhanouskaya", "siarhei-tsikhanouski"]),
        ("Ціханоўскую падтрымалі.", ["sviatlana-tsikhanouskaya"]),
        ("Зеленського у Києві", ["volodymyr-zelensky", "kyiv"]),
        ("з прэзідэнтам Літвы ў Вільні", ["lithuania", "vilnius"]),
        # No native form in the gazetteer: found through its romanisation; the given
        # name goes with the surname, not to Charles Michel.
        ("Мишель Бачелет", ["michelle-bachelet"]),
        ("Mišela Bašelē un Svetlana Tihanovska", ["michelle-bachelet", "sviatlana-tsikhanouskaya"]),
        (
            "Lukaschenko traf Wladimir Putin in Sotschi.",  # not the city of Vladimir
            ["alexander-lukashenko", "vladimir-putin", "sochi"],
        ),
        ("Поездка во Владимир.", ["vladimir"]),
        # A given name alone is no mention; nor is an ordinary word.
        ("Светлана сказала.", []),
        ("Die Debatte wurde vertagt.", []),
        # A short word or an acronym counts only as written: "UN" is no Kim Jong Un.
        ("Der UN-Sicherheitsrat und die UN.", ["united-nations"]),
        ("No decision, said Number Ten.", []),  # Downing Street's "No 10"
        ("INSEE said so.", []),  # Kanazawa's 金沢 is not indexed
        # A name wholly matched, or not at all: "King Philippe of Belgium" is no surname.
        ("Belgium's king.", ["belgium"]),
        ("König Philippe", []),
        # A fuzzy surname beside a stranger's name is that stranger's.
        ("Goalkeeper Nigel Martyn saved it.", []),
        ("Martyn Williams scored.", []),
        # ... and alone it is a real name of its own (census), no variant of Martin.
        ("Martyn said so.", []),
    ],
)
def test_mentions_in_sources(finder: MentionFinder, text: str, expected: list[str]) -> None:
    entities = finder.gazetteer.entities
    assert [entities[m.entity].id for m in finder.find(text)] == expected


def test_mention_spans_cover_given_name_and_surname(finder: MentionFinder) -> None:
    text = "Вчера Святлана Ціханоўская сказала."
    (mention,) = finder.find(text)
    assert text[mention.start : mention.end] == mention.text == "Святлана Ціханоўская"


def test_target_presence_is_exact(gazetteer: CompiledGazetteer) -> None:
    gaz = gazetteer
    ids = lambda found: {gaz.entities[n].id for n in found}
    assert ids(present("Tsikhanouskaya met Putin", gaz)) == {
        "sviatlana-tsikhanouskaya",
        "vladimir-putin",
    }
    assert ids(present("Svetlana Tikhanovska", gaz)) == set()  # a garble is not present
    assert ids(present("Ruud van Nistelrooy", gaz)) == set()  # a particle, not the city
    assert ids(derived("Belarusian officials", gaz)) == {"belarus"}


@pytest.mark.parametrize(
    ("text", "lenient", "standalone"),
    [
        ("Mr Martin said", {"micheal-martin"}, {"micheal-martin"}),
        # A bare surname is kept, but beside another name it is no one to call unexpected.
        ("Martin O'Neill said", {"micheal-martin"}, set()),
        ("said Nigel Martin", {"micheal-martin"}, set()),
        ("Micheál Martin said", {"micheal-martin"}, {"micheal-martin"}),
        # The last word of a `match: exact` name ("King Philippe") is no surname.
        ("Philippe said", set(), set()),
        ("King Philippe said", {"king-philippe-of-belgium"}, {"king-philippe-of-belgium"}),
    ],
)
def test_standalone_presence(
    gazetteer: CompiledGazetteer, text: str, lenient: set[str], standalone: set[str]
) -> None:
    ids = lambda found: {gazetteer.entities[n].id for n in found}
    assert ids(present(text, gazetteer)) == lenient
    assert ids(present(text, gazetteer, standalone=True)) == standalone


@pytest.mark.parametrize(
    ("written", "values"),
    [
        ("150 000", {"150000"}),
        ("150\u00a0000", {"150000"}),
        ("150.000", {"150000", "150.000"}),  # German grouping or English decimal
        ("150,000", {"150000", "150.000"}),
        ("80,1", {"80.1"}),
        ("1.500.000", {"1500000"}),
        ("1.234,5", {"1234.5"}),
        ("1,234.5", {"1234.5"}),
        ("774", {"774"}),
    ],
)
def test_readings_are_locale_aware(written: str, values: set[str]) -> None:
    assert numbers.readings(written) == {Decimal(v) for v in values}


@given(st.integers(min_value=1000, max_value=10**9))
def test_every_grouping_convention_reads_back(n: int) -> None:
    english = f"{n:,}"
    for written in (english, english.replace(",", "."), english.replace(",", " ")):
        assert Decimal(n) in numbers.readings(written)


def _changes(source: str, target: str) -> list[tuple[str, str | None, bool]]:
    return [
        (c.source.text, c.target.text if c.target else None, c.approximate)
        for c in numbers.compare(source, target)
    ]


@pytest.mark.parametrize(
    ("source", "target", "expected"),
    [
        ("вышли 150 000 человек", "150,000 people", []),
        ("80,1 % голосов", "80.1% of the vote", []),
        ("am 14.09.2020", "on 14 September 2020", []),  # digit date against a written one
        ("am 14.09.2020", "on 2020-09-14", []),
        ("25 краін", "Twenty-five countries", []),
        ("5 недель", "five weeks", []),
        ("47 депутатів", "74 deputies", [("47", "74", False)]),
        ("задержаны более 700 человек", "774 people were detained", [("700", "774", True)]),
        ("150.000 Menschen", "15,000 people", [("150.000", "15,000", False)]),  # a dropped zero
        ("в 1994 году и 450 жалоб", "450 complaints", [("1994", None, False)]),
    ],
)
def test_number_changes(
    source: str, target: str, expected: list[tuple[str, str | None, bool]]
) -> None:
    assert _changes(source, target) == expected


def test_number_spans_include_the_percent_sign() -> None:
    (q,) = numbers.extract("он набрал 80,1 % голосов")
    assert q.text == "80,1 %"


def test_untranslated_runs() -> None:
    text = "Lukashenko met Путин in Сочи, and then they talked about Минск, Москва."
    assert untranslated.dominant_script(text) == "LATIN"
    assert [text[s:e] for s, e in untranslated.runs(text, "CYRILLIC")] == [
        "Путин",
        "Сочи",
        "Минск",
        "Москва",
    ]
    assert untranslated.copied("Die Debatte wurde vertagt.", "Die  Debatte wurde vertagt.")
    assert not untranslated.copied("Michelle Bachelet", "Michelle Bachelet")  # a bare name
