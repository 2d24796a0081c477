"""Which gazetteer entities a text names: fuzzily in a source, exactly in a target.

A *source* may be in any language the gazetteer has forms for. Its capitalised
words are stemmed (:mod:`namecheck.compare.stems`) and looked up among the
stems of every accepted form — native-script forms for Cyrillic words, the
Latin forms and romanisations for Latin-script words — exactly, then fuzzily
with rapidfuzz. A Cyrillic word no native form explains is romanised and
tried as a Latin word ("Бачелет" → "Bachelet"). A mention needs its head word
(a person's surname) to match; a given name next to it widens the span and
settles ties. A place or organisation of several words ("European Union") is
matched only whole, word by word on stems, so "European" alone is not the EU.

A *target* is held to the stricter standard of ``check``: only accepted forms
count as present (a garble such as "Tikhanovska" shares the stem of
"Tikhanovskaya", so fuzzy matching would excuse exactly what must be caught).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from namecheck.compare.stems import cyrillic_stem, gender, is_cyrillic, latin_key, latin_stem
from namecheck.index import CompiledGazetteer
from namecheck.normalize import fold
from namecheck.romanize import romanizations
from namecheck.similarity import DERIVING_SUFFIXES, derived_from
from namecheck.matcher import mentions
from namecheck.segment import PARTICLES, Token, runs, words

FUZZY_CUTOFF = 87.0  # rapidfuzz ratio (0-100) a stem needs to count as a fuzzy hit
MIN_FUZZY = 5  # stems shorter than this (on either side) only match exactly
ALONE = 0.95  # a fuzzy head word with no given name beside it must score this much


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
                self._add(number, entity.kind, form)
        self._keys = {name: list(table) for name, table in self._tables.items()}
        self._exact_only = {i for i, e in enumerate(gazetteer.entities) if e.match != "fuzzy"}

    def _add(self, number: int, kind: str, form: str) -> None:
        parts = [t.text for t in words(form) if t.text.lower() not in PARTICLES]
        if not parts:
            return
        if kind != "person" and len(parts) > 1:
            phrase = tuple(_stem(w) for w in parts)
            self._phrases.setdefault(phrase, set()).add(number)
            self._longest = max(self._longest, len(phrase))
            return
        head = len(parts) - 1  # a person's surname; the one word of a place
        for i, word in enumerate(parts):
            if is_cyrillic(word):
                stem, ending = cyrillic_stem(word)
                self._tables["cyrillic"][stem].append(_Slot(number, i == head, ending))
            else:
                stem, ending = latin_stem(word)
                self._tables["stem"][stem].append(_Slot(number, i == head, ending))
                self._tables["key"][latin_key(word)].append(_Slot(number, i == head, ""))
                self._tables["fold"][fold(word)].append(_Slot(number, i == head, ""))

    def find(self, text: str) -> list[Mention]:
        """Every entity mention in ``text``, in text order, at most one per word."""
        mentions: list[Mention] = []
        for run in runs(text):
            phrases, used = self._phrase_mentions(text, run.tokens)
            scored = [{} if i in used else self._word(t.text) for i, t in enumerate(run.tokens)]
            mentions.extend(phrases)
            mentions.extend(_assemble(text, run.tokens, scored))
        return sorted(mentions, key=lambda m: m.start)

    def _phrase_mentions(
        self, text: str, words: tuple[Token, ...]
    ) -> tuple[list[Mention], set[int]]:
        """Several-word places and organisations, leftmost-longest, by exact stems."""
        stems = [_stem(t.text) for t in words]
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

    def _word(self, word: str) -> dict[int, tuple[float, bool]]:
        """Entities one capitalised word may belong to: ``{entity: (score, is_head)}``."""
        if is_cyrillic(word):
            stem, ending = cyrillic_stem(word)
            found = self._hits("cyrillic", stem, gender(ending))
            if any(head for _, head in found.values()):
                return found
            for form in romanizations(word):  # a name the gazetteer has no native form for
                _merge(found, self._latin(form, fuzzy=True))
            return found
        if fold(word) in self.gazetteer.words:
            # An ordinary word names an entity only as written: "Schools" is not "Scholz",
            # though their transliteration keys meet.
            return self._hits("fold", fold(word), "", fuzzy=False)
        return self._latin(word, fuzzy=True)

    def _latin(self, word: str, fuzzy: bool) -> dict[int, tuple[float, bool]]:
        found = self._hits("key", latin_key(word), "", fuzzy)
        stem, ending = latin_stem(word)
        if len(stem) < MIN_FUZZY:
            return found  # a short stem is too lossy: "Scholes" and "Scholz" both give "ssol"
        return _merge(found, self._hits("stem", stem, gender(ending), fuzzy))

    def _hits(
        self, table: str, key: str, sex: str, fuzzy: bool = True
    ) -> dict[int, tuple[float, bool]]:
        """Best score per entity among the indexed words equal or close to ``key``."""
        matches = [(key, 100.0)] if key in self._tables[table] else []
        if fuzzy and not matches and len(key) >= MIN_FUZZY:
            matches = [
                (k, s) for k, s, _ in process.extract(
                    key, self._keys[table], scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF, limit=5
                )
            ]  # fmt: skip
        found: dict[int, tuple[float, bool]] = {}
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
                _merge(found, {slot.entity: (score, slot.head)})
        return found


def _merge(
    into: dict[int, tuple[float, bool]], hits: dict[int, tuple[float, bool]]
) -> dict[int, tuple[float, bool]]:
    """Keep each entity's best score, and whether any hit was on a head word."""
    for entity, (score, head) in hits.items():
        best, was_head = into.get(entity, (0.0, False))
        into[entity] = (max(score, best), head or was_head)
    return into


def _assemble(
    text: str, words: tuple[Token, ...], scored: list[dict[int, tuple[float, bool]]]
) -> list[Mention]:
    """Mentions from per-word hits: a head word, widened by the entity's other words."""
    mentions: list[Mention] = []
    used: set[int] = set()
    order = sorted(range(len(words)), key=lambda i: -max(
        (s for s, head in scored[i].values() if head), default=0.0
    ))  # fmt: skip
    for i in order:
        heads = {e: s for e, (s, head) in scored[i].items() if head}
        if i in used or not heads:
            continue
        spans = {e: _widen(scored, i, e, used) for e in heads}
        support = {e: heads[e] + 0.2 * (spans[e][1] - spans[e][0]) for e in heads}
        ranked = sorted(support, key=lambda e: -support[e])
        if len(ranked) > 1 and support[ranked[1]] >= support[ranked[0]] - 0.01:
            continue  # two entities fit equally well: say nothing rather than guess
        entity = ranked[0]
        first, last = spans[entity]
        if first == last and heads[entity] < ALONE:
            continue  # a near-miss surname alone ("Scholes") is another person's name
        used.update(range(first, last + 1))
        start, end = words[first].start, words[last].end
        mentions.append(Mention(start, end, entity, text[start:end], min(1.0, heads[entity])))
    return sorted(mentions, key=lambda m: m.start)


def _widen(
    scored: list[dict[int, tuple[float, bool]]], i: int, entity: int, used: set[int]
) -> tuple[int, int]:
    first = last = i
    while first > 0 and first - 1 not in used and entity in scored[first - 1]:
        first -= 1
    while last + 1 < len(scored) and last + 1 not in used and entity in scored[last + 1]:
        last += 1
    return first, last


def present(text: str, gazetteer: CompiledGazetteer) -> dict[int, list[tuple[int, int]]]:
    """Entities ``text`` names in an accepted form, with their spans.

    Leftmost-longest windows of capitalised runs, as the matcher's exact pass
    does (it keeps its mentions private; see the README's compare section).
    """
    found: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for mention in mentions(text, gazetteer):
        for entity in mention.entities:
            found[entity].append((mention.start, mention.end))
    return dict(found)


def derived(text: str, gazetteer: CompiledGazetteer) -> set[int]:
    """Entities a capitalised word of ``text`` is derived from ("Belarusian" → Belarus).

    Such a word shows a translation kept the entity, though it is no mention
    of its own (so it never makes a name "unexpected").
    """
    found: set[int] = set()
    for word in {fold(t.text) for t in words(text) if t.capitalised}:
        for suffix in DERIVING_SUFFIXES:
            if not word.endswith(suffix):
                continue
            base = word[: -len(suffix)]
            for name in (base, *(base + v for v in "aeoy")):
                if derived_from(word, name):
                    found.update(gazetteer.known(name))
    return found
