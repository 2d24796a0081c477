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


@pytest.mark.parametrize(("text", "found", "suggestion"), DOUBLED_OR_DROPPED)
def test_doubled_or_dropped_last_letter(
    checker: Checker, text: str, found: str, suggestion: str
) -> None:
    assert flagged(checker, text) == [(found, suggestion)]
