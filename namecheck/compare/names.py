"""Which gazetteer entities a source text names, inflected, transliterated or misspelt.

A *source* may be in any language the gazetteer has forms for. Its capitalised
words are stemmed (:mod:`namecheck.compare.stems`) and looked up among the
stems of every accepted form — native-script forms for Cyrillic words, the
Latin forms and romanisations for Latin-script words — exactly, then fuzzily
with rapidfuzz. A Cyrillic word no native form explains is romanised and
tried as a Latin word ("Бачелет" → "Bachelet"). A mention needs its head word
(a person's surname) to match; a given name next to it widens the span and
settles ties, and the best-supported mention of a run is taken first, so
"Wladimir Putin" is the president, not the city of Vladimir. A place or
organisation of several words ("European Union"), and any name marked
``match: exact`` ("King Philippe of Belgium"), is matched only whole, word by
word on stems, so "European" alone is not the EU. A Latin word shorter than
:data:`MIN_KEYED` letters, or in capitals, counts only as written: keys are
too lossy there ("Olly" and "Oli", "CSI" and "Xi" share one). A word that
matches only approximately, alone, beside a capitalised word that is no part
of the same name, belongs to someone else ("Nigel Martyn", "Viktor Yushchenko").

What a *translation* names is decided more strictly, in
:mod:`namecheck.compare.presence`.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from typing import NamedTuple

from rapidfuzz import fuzz, process

from namecheck.compare.stems import cyrillic_stem, gender, is_cyrillic, latin_key, latin_stem
from namecheck.compare.untranslated import script
from namecheck.index import CompiledGazetteer
from namecheck.model import Entity
from namecheck.normalize import fold
from namecheck.romanize import romanizations
from namecheck.segment import PARTICLES, STOPWORDS, TITLES, Token, runs, words

FUZZY_CUTOFF = 87.0  # rapidfuzz ratio (0-100) a stem needs to count as a fuzzy hit
MIN_FUZZY = 5  # stems shorter than this (on either side) only match exactly
ALONE = 0.95  # a fuzzy head word with no given name beside it must score this much
WHOLE = 0.05  # bonus of a word that is an accepted form by itself ("UN" over Kim Jong Un)
WIDENED = 0.2  # support each further word of the same entity adds to a mention
TIE = 0.01  # supports closer than this are a tie: the word is left unattributed
MIN_KEYED = 5  # Latin words shorter than this match only as written
_SCRIPTS = frozenset({"LATIN", "CYRILLIC"})  # the scripts whose words the tables hold
_DIGIT = re.compile(r"\d")
_OPENERS = (
    " \t\u00a0\"'\u201c\u201d\u2018\u2019\u00ab\u00bb("  # may precede a sentence's first word
)


@dataclass(frozen=True)
class Mention:
    """An entity named in a text, in that text's offsets."""

    start: int
    end: int
    entity: int
    text: str
    score: float


@dataclass(frozen=True)
class _Slot:
    """One word of one accepted form, as indexed."""

    entity: int
    head: bool
    ending: str  # the case ending, for telling feminine from masculine
    whole: bool  # the form is this one word


class Hit(NamedTuple):
    """How well one word fits one entity."""

    score: float
    head: bool  # the word can be the entity's head (a surname, a one-word name)
    whole: bool  # spelt as a one-word accepted form ("Putin"), or its Cyrillic stem


Hits = dict[int, Hit]


def _stem(word: str) -> str:
    return cyrillic_stem(word)[0] if is_cyrillic(word) else latin_stem(word)[0]


class MentionFinder:
    """Stem tables over every accepted form of a compiled gazetteer, built once per run."""

    def __init__(self, gazetteer: CompiledGazetteer) -> None:
        self.gazetteer = gazetteer
        self._phrases: dict[tuple[str, ...], set[int]] = {}
        self._longest = 1
        self._tables: dict[str, dict[str, list[_Slot]]] = {
            name: defaultdict(list) for name in ("cyrillic", "stem", "key", "fold")
        }
        for number, entity in enumerate(gazetteer.entities):
            for form in entity.accepted:
                self._add(number, entity, form)
        self._keys = {name: list(table) for name, table in self._tables.items()}
        self._exact_only = {i for i, e in enumerate(gazetteer.entities) if e.match != "fuzzy"}

    def _add(self, number: int, entity: Entity, form: str) -> None:
        if _DIGIT.search(form):
            return  # "Number 10": a run of capitalised words never holds it whole
        every = [t.text for t in words(form)]
        if not every or not all(_indexable(w) for w in every):
            return  # another script ("金沢"): its transliteration keys are noise
        person = entity.kind == "person"
        # A person's particles are optional ("Ungern-Sternberg"); a place's are its name
        # ("El Salvador" is not "Salvador").
        parts = [w for w in every if w.lower() not in PARTICLES] if person else every
        parts = parts or every
        if len(parts) > 1 and not (person and entity.match == "fuzzy"):
            phrase = tuple(self._phrase_key(w) for w in every)
            self._phrases.setdefault(phrase, set()).add(number)
            self._longest = max(self._longest, len(phrase))
            return
        head = len(parts) - 1  # a person's surname; the one word of a place
        whole = len(parts) == 1
        for i, word in enumerate(parts):
            if is_cyrillic(word):
                stem, ending = cyrillic_stem(word)
                self._tables["cyrillic"][stem].append(_Slot(number, i == head, ending, whole))
            else:
                stem, ending = latin_stem(word)
                self._tables["stem"][stem].append(_Slot(number, i == head, ending, whole))
                self._tables["key"][latin_key(word)].append(_Slot(number, i == head, "", whole))
                self._tables["fold"][fold(word)].append(_Slot(number, i == head, "", whole))

    def find(self, text: str) -> list[Mention]:
        """Every entity mention in ``text``, in text order, at most one per word."""
        mentions: list[Mention] = []
        for run in runs(text):
            phrases, used = self._phrase_mentions(text, run.tokens)
            scored: list[Hits] = [
                {} if i in used or t.text in PARTICLES else self._word(t.text)
                for i, t in enumerate(run.tokens)
            ]
            mentions.extend(phrases)
            mentions.extend(_assemble(text, run.tokens, scored))
        return sorted(mentions, key=lambda m: m.start)

    def _phrase_key(self, word: str) -> str:
        """A word of a several-word name: its stem, or an ordinary word as written.

        "The Wales" is not "The Valley", though "wales" and "valley" share a stem.
        """
        folded = fold(word)
        return folded if folded in self.gazetteer.words else _stem(word)

    def _phrase_mentions(
        self, text: str, words: tuple[Token, ...]
    ) -> tuple[list[Mention], set[int]]:
        """Several-word places and organisations, leftmost-longest, word by word."""
        stems = [self._phrase_key(t.text) for t in words]
        found: list[Mention] = []
        used: set[int] = set()
        i = 0
        while i < len(words):
            for n in range(min(self._longest, len(words) - i), 1, -1):
                owners = self._phrases.get(tuple(stems[i : i + n]), set())
                if len(owners) == 1:
                    start, end = words[i].start, words[i + n - 1].end
                    found.append(Mention(start, end, next(iter(owners)), text[start:end], 1.0))
                    used.update(range(i, i + n))
                    i += n
                    break
            else:
                i += 1
        return found, used

    def _word(self, word: str) -> Hits:
        """Entities one capitalised word may belong to, and how well it fits each."""
        if is_cyrillic(word):
            stem, ending = cyrillic_stem(word)
            found = self._hits("cyrillic", stem, gender(ending))
            if any(hit.head for hit in found.values()):
                return found
            for form in romanizations(word):  # a name the gazetteer has no native form for
                _merge(found, self._latin(form, fuzzy=True))
            return found
        folded = fold(word)
        if folded in self.gazetteer.words or len(folded) < MIN_KEYED or word.isupper():
            # An ordinary word, a short one or an acronym names an entity only as
            # written: "Schools" is not "Scholz", though their transliteration keys meet.
            return self._hits("fold", folded, "", fuzzy=False)
        return self._latin(word, fuzzy=True)

    def _latin(self, word: str, fuzzy: bool) -> Hits:
        found = self._hits("key", latin_key(word), "", fuzzy)
        stem, ending = latin_stem(word)
        if len(stem) < MIN_FUZZY:
            return found  # a short stem is too lossy: "Scholes" and "Scholz" both give "ssol"
        return _merge(found, self._hits("stem", stem, gender(ending), fuzzy))

    def _hits(self, table: str, key: str, sex: str, fuzzy: bool = True) -> Hits:
        """Best score per entity among the indexed words equal or close to ``key``."""
        matches = [(key, 100.0)] if key in self._tables[table] else []
        if fuzzy and not matches and len(key) >= MIN_FUZZY:
            matches = [
                (k, s) for k, s, _ in process.extract(
                    key, self._keys[table], scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF, limit=5
                )
            ]  # fmt: skip
        found: Hits = {}
        for indexed, similarity in matches:
            if similarity < 100.0 and len(indexed) < MIN_FUZZY:
                continue
            for slot in self._tables[table][indexed]:
                if similarity < 100.0 and slot.entity in self._exact_only:
                    continue
                score = similarity / 100.0
                other = gender(slot.ending)
                if sex and other:  # "Тихановская" is not "Тихановский"
                    score += 0.05 if sex == other else -0.1
                # Equal keys and stems of Latin words are weaker evidence than the same
                # spelling: "Viktor" and "Victoria", "Sella" and "Celaya".
                whole = slot.whole and similarity == 100.0 and table in ("fold", "cyrillic")
                _merge(found, {slot.entity: Hit(score + WHOLE * whole, slot.head, whole)})
        return found


def _indexable(word: str) -> bool:
    return all(script(ch) in _SCRIPTS for ch in word if ch.isalpha())


def _merge(into: Hits, hits: Hits) -> Hits:
    """Keep each entity's best score, and whether any hit was on a head word or whole."""
    for entity, hit in hits.items():
        was = into.get(entity, Hit(0.0, False, False))
        into[entity] = Hit(max(hit.score, was.score), hit.head or was.head, hit.whole or was.whole)
    return into


def _assemble(text: str, words: tuple[Token, ...], scored: list[Hits]) -> list[Mention]:
    """Mentions from per-word hits: a head word, widened by the entity's other words.

    The best-supported candidate of the run is taken first, then the next among
    the words left, so a surname with its given name beats the given name read
    as a name of its own ("Wladimir" the city, "Mišela" as Charles Michel).
    """
    mentions: list[Mention] = []
    used: set[int] = set()
    while True:
        candidates = [c for i in range(len(words)) if i not in used
                      for c in [_candidate(text, words, scored, i, used)] if c]  # fmt: skip
        if not candidates:
            break
        _, entity, first, last, score = max(candidates)
        used.update(range(first, last + 1))
        start, end = words[first].start, words[last].end
        mentions.append(Mention(start, end, entity, text[start:end], min(1.0, score)))
    return sorted(mentions, key=lambda m: m.start)


def _candidate(
    text: str, words: tuple[Token, ...], scored: list[Hits], i: int, used: set[int]
) -> tuple[float, int, int, int, float] | None:
    """``(support, entity, first, last, score)`` of the mention headed by word ``i``, if any."""
    heads = {e: hit for e, hit in scored[i].items() if hit.head}
    if not heads:
        return None
    spans = {e: _widen(scored, i, e, used) for e in heads}
    support = {e: heads[e].score + WIDENED * (spans[e][1] - spans[e][0]) for e in heads}
    ranked = sorted(support, key=lambda e: -support[e])
    if len(ranked) > 1 and support[ranked[1]] >= support[ranked[0]] - TIE:
        return None  # two entities fit equally well: say nothing rather than guess
    entity = ranked[0]
    first, last = spans[entity]
    if first == last:
        if heads[entity].score < ALONE:
            return None  # a near-miss surname alone ("Scholes") is another person's name
        if not heads[entity].whole and _stranger(text, words, scored, i, entity):
            return None  # "Jelena Dokic", "Nigel Martyn": someone the gazetteer lacks
    return support[entity], entity, first, last, heads[entity].score


def _stranger(text: str, words: tuple[Token, ...], scored: list[Hits], i: int, entity: int) -> bool:
    """Whether word ``i`` has a name-like neighbour that is no part of ``entity``.

    The word after counts in any script. The word before counts only beside a
    Latin word, and not when it starts a sentence: sentences start with
    capitalised words ("Svētdien Minskā", "Президент Путин").
    """
    after = i + 1 < len(words) and entity not in scored[i + 1] and name_word(words[i + 1].text)
    before = (
        i > 0 and not is_cyrillic(words[i].text) and entity not in scored[i - 1]
        and name_word(words[i - 1].text) and not starts_sentence(text, words[i - 1].start)
    )  # fmt: skip
    return after or before


def starts_sentence(text: str, start: int) -> bool:
    """Whether the word at ``start`` opens a sentence (or the text)."""
    before = text[max(0, start - 20) : start].rstrip(_OPENERS)
    return not before or before[-1] in ".!?:;\n"


def name_word(word: str) -> bool:
    """A capitalised word that may be part of a name: not a particle, title or function word."""
    low = word.casefold()
    return word[:1].isupper() and low not in PARTICLES and low not in STOPWORDS | TITLES


def _widen(scored: list[Hits], i: int, entity: int, used: set[int]) -> tuple[int, int]:
    first = last = i
    while first > 0 and first - 1 not in used and entity in scored[first - 1]:
        first -= 1
    while last + 1 < len(scored) and last + 1 not in used and entity in scored[last + 1]:
        last += 1
    return first, last
