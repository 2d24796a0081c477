"""Recall on the shipped gazetteer, one table per kind of garble and false friend.

Each garble kind is paired with the false friends that the same relaxation could
wrongly catch, so a lever that finds more garbles is also shown to stay quiet.
"""

from __future__ import annotations

import pytest

from namecheck.checker import Checker
from namecheck.model import Rule


def flagged(checker: Checker, text: str) -> list[tuple[str, str]]:
    return [(f.found, f.suggestion) for f in checker.check_text(text) if f.rule is Rule.FUZZY]


DOUBLED_OR_DROPPED = [
    # a doubled or dropped last letter is a garble, even beside a correct mention
    # of the same name (which makes it look like a plural)
    ("Joe Biden spoke. According to Bidenn, the figures were fine.", "Bidenn", "Biden"),
    ("Talks were held in Jilin. Others were held in Jilinn.", "Jilinn", "Jilin"),
    ("The meeting was also attended by Liz Trus, officials said.", "Liz Trus", "Liz Truss"),
]


NAMESAKES = [
    # a lone garbled surname shared by two entities goes to the one the document
    # names in full, even when the bare surname (which both share) also appears
    (
        "Rodrigo Duterte spoke. Duterte left. According to Dtuerte, the figures were fine.",
        "Dtuerte",
        "Duterte",
        "rodrigo-duterte",
    ),
    (
        "Mike Johnson spoke. Johnson left. A spokesman for Johnnson did not respond.",
        "Johnnson",
        "Johnson",
        "mike-johnson",
    ),
]


@pytest.mark.parametrize(("text", "found", "suggestion", "entity"), NAMESAKES)
def test_namesake_goes_to_the_entity_named_in_full(
    checker: Checker, text: str, found: str, suggestion: str, entity: str
) -> None:
    findings = [f for f in checker.check_text(text) if f.rule is Rule.FUZZY]
    assert [(f.found, f.suggestion, f.entity) for f in findings] == [(found, suggestion, entity)]


def test_namesakes_stay_ambiguous_without_a_full_name(checker: Checker) -> None:
    assert flagged(checker, "Duterte left. According to Dtuerte, the figures were fine.") == []


SHORT_PLACES = [
    # one slip in a short place name, after a place preposition
    ("Talks were held in Nepla last month.", "Nepla", "Nepal"),  # transposition
    ("The company also has offices in Mlai.", "Mlai", "Mali"),
    ("Talks were held in Qatr last month.", "Qatr", "Qatar"),  # a dropped letter
    ("The company also has offices in Ciaro.", "Ciaro", "Cairo"),  # one c soft, one hard
    ("Similar measures are being considered in Yemon.", "Yemon", "Yemen"),  # a vowel
]
SHORT_PLACE_FALSE_FRIENDS = [
    # the same slips without a place preposition are no evidence of a place
    "Nepla later told reporters that no decision had been made.",
    # a short word the writer spells the same way throughout is another name
    "Shareholders in Yemon were told. Yemon said its profits rose. Yemon's shares fell.",
]


SHORT_SURNAMES = [
    # one slip in a four-letter surname, when the document names the person
    ("Macky Sall spoke. Slal later told reporters that no decision had been made.", "Slal", "Sall"),
    ("Donald Tusk spoke. According to Tsuk, the figures were encouraging.", "Tsuk", "Tusk"),
]
SHORT_SURNAME_FALSE_FRIENDS = [
    # the same slip with no other sign of the person
    "Slal later told reporters that no decision had been made.",
    # more than one slip in a longer name stays below the guard ("Zakharova")
    "Maria Sharapova won. Sharapova said she was tired.",
]


TRANSLITERATIONS = [
    # a Russian or Ukrainian name re-romanised through French or German spelling
    ("Sergei Shoigu spoke. Choigou later told reporters that no decision was made.",
     "Choigou", "Shoigu"),
    ("In a statement, Denys Chmyhal called for calm.", "Denys Chmyhal", "Denys Shmyhal"),
    # two edits from the name's key, none from its German reading's: the given name
    # leads to the window, and the surname is scored as German spelling reads it
    ("Asked about the plans, Siarhei Zichanouski declined to comment.",
     "Siarhei Zichanouski", "Siarhei Tsikhanouski"),
]  # fmt: skip


OTHER_WORDS_LEAD = [
    # the given name leads to a person whose surname the index cannot reach from
    # itself: two edits off, written like an acronym, or an English word's plural
    ("Officials said Jair Bolsonso had left.", "Jair Bolsonso", "Jair Bolsonaro"),
    ("In Dakar, President Macki SALL said the talks would go on.", "Macki SALL", "Macky Sall"),
    ("Emmanel Macrons plan was rejected.", "Emmanel Macrons", "Emmanuel Macron"),
]


HEADLINES = [
    # in capitals every word of four letters or fewer looks like an acronym; in a
    # headline such words still lead to a garbled name of several words
    ("ELON MSK VISITS PARIS", "ELON MSK", "ELON MUSK"),
    ("PRAK JIN VISITS PARIS", "PRAK JIN", "PARK JIN"),
    ("DONALD TUKS SPEAKS ON BUDGET", "DONALD TUKS", "DONALD TUSK"),
]
HEADLINE_FALSE_FRIENDS = [
    # an acronym, or a short word in capitals, is never a garbled name on its own
    "TUKS SAYS NO",
    "NATO CHIEF SPEAKS ON BUDGET",
    "Officials at NATO and the OSCE said.",
]


# Every table of garbles, and of the false friends its relaxation could catch.
GARBLE_TABLES = {
    "doubled-or-dropped": DOUBLED_OR_DROPPED,
    "short-place": SHORT_PLACES,
    "short-surname": SHORT_SURNAMES,
    "transliteration": TRANSLITERATIONS,
    "headline": HEADLINES,
    "other-words-lead": OTHER_WORDS_LEAD,
}
FALSE_FRIEND_TABLES = {
    "short-place": SHORT_PLACE_FALSE_FRIENDS,
    "short-surname": SHORT_SURNAME_FALSE_FRIENDS,
    "headline": HEADLINE_FALSE_FRIENDS,
}


@pytest.mark.parametrize(
    ("text", "found", "suggestion"),
    [
        pytest.param(*case, id=f"{kind}-{i}")
        for kind, table in GARBLE_TABLES.items()
        for i, case in enumerate(table)
    ],
)
def test_garble_is_flagged_with_its_fix(
    checker: Checker, text: str, found: str, suggestion: str
) -> None:
    assert flagged(checker, text) == [(found, suggestion)]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(text, id=f"{kind}-{i}")
        for kind, table in FALSE_FRIEND_TABLES.items()
        for i, text in enumerate(table)
    ],
)
def test_false_friend_is_not_flagged(checker: Checker, text: str) -> None:
    assert flagged(checker, text) == []


def test_pinyin_is_not_reread(checker: Checker) -> None:
    # 'Changyu' (a wine maker) is no French spelling of the city of Shangyu
    assert flagged(checker, "Changyu said in a statement that sales rose.") == []
