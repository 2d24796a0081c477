"""Numbers, percentages and dates: did the translation keep them?

Writing conventions differ by locale ("150 000", "150.000", "150,000";
"80,1 %" and "80.1%"), so a written number is read into the *set* of values
it may mean: "150.000" is 150000 in German and 150 in English, and either
reading matches. A grouping separator is recognised only before exactly three
digits, so "80,1" is always a decimal. Dates written with digits (16.04.2024,
2024-04-16) are compared as dates, and also match a day and a year written
out around a month name ("16 April 2024"). English number words ("five
weeks") may stand for digits but are never themselves required.

A number of the source that the target lacks is paired with an unmatched
target number at about the same relative place: a hedge on either side
("more than 700" against "774") makes it an approximation (advice), anything
else a change. A source number with no partner is missing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

Value = Decimal | tuple[int, int, int]  # a number, or a date as (year, month, day)

_SPACES = " \u00a0\u202f\u2009"
_NUMBER = re.compile(
    r"(?<![\d.,])(?:"
    r"(?P<dmy>\d{1,2})[./](?P<mdy>\d{1,2})[./](?P<y>\d{4})"
    r"|(?P<iso>\d{4}-\d{2}-\d{2})"
    rf"|\d{{1,3}}(?:[{_SPACES}'’.,]\d{{3}})+(?:[.,]\d+)?"
    r"|\d+(?:[.,]\d+)?"
    r")(?![\d])(?:[.,](?!\d))?"
)
_YEAR = re.compile(r"1[89]\d\d|2[01]\d\d")
_PERCENT = re.compile(rf"[{_SPACES}]?[%‰]")
_NUMBER_WORDS = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen", "twenty",
)  # fmt: skip
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_WORDS = {word: value for value, word in enumerate(_NUMBER_WORDS)} | {
    word: 20 + 10 * i for i, word in enumerate(_TENS)
}
_WORD = re.compile(
    rf"\b(?P<tens>{'|'.join(_TENS)})[-\u2010 ](?P<unit>{'|'.join(_NUMBER_WORDS[1:10])})\b"
    rf"|\b(?:{'|'.join(_WORDS)})\b",
    re.IGNORECASE,
)
# Words that make a number approximate, in the languages of the fixtures and
# the usual translation targets; matched just before the number.
_HEDGES = re.compile(
    r"(?<!\w)((?:more than|over|about|around|almost|nearly|some|up to|at least|roughly|"
    r"approximately|"
    r"fewer than|less than|under|close to|"
    r"более|больше|свыше|около|почти|примерно|порядка|до|не менее|менее|"
    r"больш за|звыш|каля|амаль|прыкладна|"
    r"понад|більше|близько|майже|приблизно|"
    r"mehr als|über|etwa|rund|fast|knapp|ungefähr|circa|ca\.|"
    r"vairāk nekā|vairāk kā|ap|gandrīz|aptuveni|līdz|pāri|"
    r"~|≈))\s*$",
    re.IGNORECASE,
)
MAX_SHIFT = 0.25  # how far apart (as a share of the text) a changed pair may lie …
SENTENCE = 300  # … in texts longer than a sentence; word order moves numbers within one
MAX_RATIO = 10  # a changed pair differs at most tenfold (a dropped zero: 150 000 → 15,000)
APPROXIMATE = 0.25  # how far a hedged number may differ and still be "approximate"


@dataclass(frozen=True)
class Quantity:
    """A number written in a text, with every value its spelling may mean."""

    start: int
    end: int
    text: str
    values: frozenset[Value]
    hedge: str = ""  # the words that make it approximate ("more than")
    spelled: bool = False  # a number word: may match a number, is never required


@dataclass(frozen=True)
class Change:
    """A source number the target does not keep; ``target`` is None when it is missing."""

    source: Quantity
    target: Quantity | None
    approximate: bool = False


def readings(text: str) -> frozenset[Decimal]:
    """The values a written number may mean, whatever its locale."""
    digits = text.strip(_SPACES)
    for space in _SPACES + "'’":
        digits = digits.replace(space, "")
    marks = [ch for ch in digits if ch in ".,"]
    if not marks:
        return frozenset({Decimal(digits)})
    if len(set(marks)) == 2:  # "1.234,5" / "1,234.5": the last mark is the decimal one
        decimal = marks[-1]
        return frozenset({Decimal(digits.replace("." if decimal == "," else ",", "")
                                  .replace(",", "."))})  # fmt: skip
    mark = marks[0]
    if len(marks) > 1:  # "1.500.000": only grouping repeats
        return frozenset({Decimal(digits.replace(mark, ""))})
    whole, fraction = digits.split(mark)
    as_decimal = Decimal(f"{whole}.{fraction}")
    if len(fraction) == 3:  # "150.000": grouping in one locale, decimal in another
        return frozenset({Decimal(whole + fraction), as_decimal})
    return frozenset({as_decimal})


def extract(text: str) -> list[Quantity]:
    """Every number and digit date in ``text``, and English number words, in order."""
    found: list[Quantity] = []
    for match in _NUMBER.finditer(text):
        written = match.group().rstrip(".,")
        start, end = match.start(), match.start() + len(written)
        percent = _PERCENT.match(text, end)
        values: frozenset[Value]
        if match.group("y"):
            day, month, year = int(match["dmy"]), int(match["mdy"]), int(match["y"])
            values = frozenset({(year, month, day), (year, day, month)} if day <= 12
                               else {(year, month, day)})  # fmt: skip
        elif match.group("iso"):
            year, month, day = (int(p) for p in written.split("-"))
            values = frozenset({(year, month, day)})
        else:
            values = frozenset(readings(written))
        hedge = _hedge(text, start)
        if percent:  # shown with the number, compared by value ("80,1 %" = "80.1%")
            end = percent.end()
        found.append(Quantity(start, end, text[start:end], values, hedge))
    for match in _WORD.finditer(text):
        words = match.group().lower()
        value = (
            _WORDS[match["tens"].lower()] + _WORDS[match["unit"].lower()]
            if match["tens"] else _WORDS[words]
        )  # fmt: skip
        found.append(Quantity(match.start(), match.end(), match.group(),
                              frozenset({Decimal(value)}), _hedge(text, match.start()),
                              spelled=True))  # fmt: skip
    return sorted(found, key=lambda q: q.start)


def _hedge(text: str, start: int) -> str:
    """The hedge just before a number ("more than"), or ``""``."""
    found = _HEDGES.search(text[max(0, start - 20) : start])
    return found.group(1) if found else ""


def compare(source: str, target: str) -> list[Change]:
    """Source numbers that the target does not reproduce, in source order."""
    wanted = [q for q in extract(source) if not q.spelled]
    offered = extract(target)
    unmatched = [q for q in wanted if not _take(q, offered)]
    unmatched = [q for q in unmatched if not _date_spelled_out(q, offered)]
    changes: list[Change] = []
    for quantity in unmatched:
        partner = _partner(quantity, len(source), offered, len(target))
        if partner is None:
            changes.append(Change(quantity, None))
            continue
        offered.remove(partner)
        changes.append(Change(quantity, partner, _approximate(quantity, partner)))
    return changes


def _take(quantity: Quantity, offered: list[Quantity]) -> bool:
    """Remove and confirm the first target quantity with a shared value."""
    for candidate in offered:
        if quantity.values & candidate.values:
            offered.remove(candidate)
            return True
    return False


def _date_spelled_out(quantity: Quantity, offered: list[Quantity]) -> bool:
    """A digit date whose day and year the target writes ("9 August 2020")."""
    for value in quantity.values:
        if not isinstance(value, tuple):
            continue
        year, _, day = value
        day_q = next((q for q in offered if Decimal(day) in q.values), None)
        year_q = next((q for q in offered if Decimal(year) in q.values), None)
        if day_q and year_q and day_q is not year_q:
            offered.remove(day_q)
            offered.remove(year_q)
            return True
    return False


def _partner(
    quantity: Quantity, source_length: int, offered: list[Quantity], target_length: int
) -> Quantity | None:
    """The unmatched target number at about the same relative place, if any."""
    where = quantity.start / max(source_length, 1)
    limit = MAX_SHIFT if min(source_length, target_length) >= SENTENCE else 1.0
    best: tuple[float, Quantity] | None = None
    for candidate in offered:
        distance = _distance(quantity, candidate)
        if candidate.spelled or distance is None:
            continue
        shift = abs(candidate.start / max(target_length, 1) - where)
        cost = shift + distance / 10
        if shift <= limit and (best is None or cost < best[0]):
            best = (cost, candidate)
    return best[1] if best else None


def _distance(a: Quantity, b: Quantity) -> float | None:
    """How unalike two quantities are (log10 of their ratio), None if they cannot pair.

    Dates pair only with dates, years ("1994") with years, other numbers with
    numbers at most :data:`MAX_RATIO` apart.
    """
    a_dates = all(isinstance(v, tuple) for v in a.values)
    if a_dates != all(isinstance(v, tuple) for v in b.values) or _year(a) != _year(b):
        return None
    if a_dates:
        return 0.0
    ratios = [
        max(x, y) / min(x, y) for x in a.values for y in b.values
        if isinstance(x, Decimal) and isinstance(y, Decimal) and min(x, y) > 0
    ]  # fmt: skip
    best = min(ratios, default=None)
    if best is None or best > MAX_RATIO:
        return None
    return float(best.log10())


def _year(quantity: Quantity) -> bool:
    return bool(_YEAR.fullmatch(quantity.text))


def _approximate(source: Quantity, target: Quantity) -> bool:
    """A hedged number near its partner: "more than 700" for 774."""
    if not (source.hedge or target.hedge):
        return False
    for a in source.values:
        for b in target.values:
            numeric = isinstance(a, Decimal) and isinstance(b, Decimal) and max(a, b) > 0
            if numeric and abs(a - b) / max(a, b) <= APPROXIMATE:  # type: ignore[operator]
                return True
    return False
