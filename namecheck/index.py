"""The compiled gazetteer: exact-form tables and a fuzzy candidate index.

Fuzzy lookup must not scan the gazetteer: its cost per text token has to stay
flat as a newsroom's gazetteer grows to 100,000 names. Every name token is
indexed under its transliteration key and the keys one deletion away
(SymSpell's idea); a query generates its own one-deletion keys, which finds
every indexed token within about two edits in a handful of dictionary probes.
rapidfuzz then only verifies that short candidate list.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property

from namecheck.model import Entity
from namecheck.normalize import fold, translit_key
from namecheck.resources import english_words
from namecheck.segment import PARTICLES

MIN_FUZZY_KEY = 4  # keys shorter than this are too short to compare fuzzily


@dataclass(frozen=True)
class Form:
    """One accepted form of an entity, tokenised for alignment with text."""

    entity: int
    text: str
    tokens: tuple[str, ...]  # folded tokens
    head: int  # index of the distinctive token (a person's surname)


@dataclass
class Candidate:
    form: int
    position: int


def deletes(key: str) -> set[str]:
    """The key and every string one deletion away from it."""
    return {key} | {key[:i] + key[i + 1 :] for i in range(len(key))}


def _head(tokens: Sequence[str], kind: str) -> int:
    """The token a garble must come close to: the surname for people, else the longest."""
    if kind == "person":
        for i in range(len(tokens) - 1, -1, -1):
            if tokens[i] not in PARTICLES:
                return i
    return max(range(len(tokens)), key=lambda i: len(tokens[i]))


class CompiledGazetteer:
    """Entities with the lookup tables the matcher needs, built once per run."""

    def __init__(self, entities: Iterable[Entity]) -> None:
        self.entities: list[Entity] = list(entities)
        self.accepted: dict[str, set[int]] = defaultdict(set)
        self.wrong: dict[str, int] = {}
        self.deprecated: dict[str, int] = {}
        self.forms: list[Form] = []
        self.surnames: dict[str, set[int]] = defaultdict(set)
        self._key_index: dict[str, list[tuple[int, int]]] = defaultdict(list)
        self._deletes: dict[str, set[str]] = defaultdict(set)
        # first folded word of every exact form → the most words such a form has
        self.first_words: dict[str, int] = {}
        for number, entity in enumerate(self.entities):
            self._add(number, entity)
        for table in (self.accepted, self.wrong, self.deprecated, self.surnames):
            for key in table:
                words = key.split(" ")
                self.first_words[words[0]] = max(self.first_words.get(words[0], 0), len(words))
        self.accepted = dict(self.accepted)  # type: ignore[assignment]
        self.surnames = dict(self.surnames)  # type: ignore[assignment]

    def _add(self, number: int, entity: Entity) -> None:
        for table, forms in ((self.wrong, entity.wrong), (self.deprecated, entity.deprecated)):
            for form in forms:
                table[fold(form)] = number
        for text in entity.accepted:
            folded = fold(text)
            if not folded:
                continue
            self.accepted[folded].add(number)
            tokens = tuple(folded.split())
            if not all(t.isascii() for t in tokens):
                continue
            head = _head(tokens, entity.kind)
            if entity.kind == "person" and len(tokens) > 1:
                self.surnames[tokens[head]].add(number)
            if entity.match != "fuzzy":
                continue
            index = len(self.forms)
            self.forms.append(Form(number, text, tokens, head))
            for position, token in enumerate(tokens):
                key = translit_key(token)
                if len(key) < MIN_FUZZY_KEY or token in PARTICLES:
                    continue
                self._key_index[key].append((index, position))
                for variant in deletes(key):
                    self._deletes[variant].add(key)

    def lookup(self, token: str) -> list[tuple[int, int]]:
        """``(form, position)`` pairs whose token is within about two edits of ``token``."""
        key = translit_key(token)
        if len(key) < MIN_FUZZY_KEY:
            return []
        keys: set[str] = set()
        for variant in deletes(key):
            keys |= self._deletes.get(variant, set())
        found: list[tuple[int, int]] = []
        for candidate in keys:
            found.extend(self._key_index[candidate])
        return found

    def known(self, folded: str) -> set[int]:
        """Entities for which a folded string is accepted (full form or a person's surname)."""
        return self.accepted.get(folded) or self.surnames.get(folded) or set()

    @cached_property
    def words(self) -> frozenset[str]:
        return english_words()
