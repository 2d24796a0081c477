"""The compiled gazetteer: exact-form tables and a fuzzy candidate index.

Fuzzy lookup must not scan the gazetteer: its cost per text token has to stay
flat as a newsroom's gazetteer grows to 100,000 names. Every name token is
indexed under its transliteration key and the keys one deletion away
(SymSpell's idea); a query generates its own one-deletion keys, which finds
every indexed token within about two edits in a handful of dictionary probes.
rapidfuzz then only verifies that short candidate list.
"""

from __future__ import annotations

import re
import zlib
from array import array
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import NamedTuple

from namecheck.model import Entity
from namecheck.normalize import fold, lower_words, remember_keys, translit_key
from namecheck.resources import WordList, word_list
from namecheck.segment import PARTICLES
from namecheck.similarity import MIN_PLACE_HEAD, plain_kind, token_score, within_bar

MIN_FUZZY_KEY = 3  # keys shorter than this are too short to compare fuzzily
_MEMO_LIMIT = 200_000
MAX_WORD = 40  # longer words are never looked up
MAX_ENTRY = 128  # name words in more forms than this are not indexed
_NON_LETTERS = re.compile(r"[^a-z]")


class Form(NamedTuple):
    """One accepted form of an entity, tokenised for alignment with text."""

    entity: int
    text: str
    tokens: tuple[str, ...]  # folded words
    words: tuple[str, ...]  # the same words, lower-case with their letters kept
    head: int  # index of the distinctive word (a person's surname)


def deletes(key: str) -> set[str]:
    """The key and every string one deletion away from it."""
    return {key} | {key[:i] + key[i + 1 :] for i in range(len(key))}


def _keys(word: str) -> set[str]:
    """What a name word is indexed under: its transliteration key and its letters.

    Both, because the scorer takes the smaller of the two distances: a swap of
    two letters is one edit in the spelling but may be two in the key.
    """
    keys = {translit_key(word), _NON_LETTERS.sub("", fold(word))}
    return {k for k in keys if len(k) >= MIN_FUZZY_KEY}


def _hash(text: str) -> int:
    """A stable 32-bit hash (Python's ``hash`` differs between processes)."""
    return zlib.crc32(text.encode())


class DeletionIndex:
    """Deletion variants of name-word keys → the form words under each key.

    Flat arrays instead of dicts of sets: a 100,000-name gazetteer has three
    million variants, which as Python objects cost hundreds of megabytes and
    seconds to unpickle. Each variant is one 64-bit number (its 32-bit hash above
    its key's number), sorted and found by bisection within the bucket of the
    hash's top 16 bits. A collision only adds candidates, which are verified.
    """

    BUCKET_SHIFT = 48  # a variant's bucket: the top 16 bits of its hash

    def __init__(self, entries: Mapping[str, Sequence[tuple[int, int]]]) -> None:
        self.starts = array("I", [0])  # key number → its slice of forms/positions
        self.forms = array("I")
        self.positions = array("H")
        combined: list[int] = []
        for number, (key, pairs) in enumerate(entries.items()):
            for form, position in pairs:
                self.forms.append(form)
                self.positions.append(position)
            self.starts.append(len(self.forms))
            combined.extend(_hash(variant) << 32 | number for variant in deletes(key))
        combined.sort()
        self.variants = array("Q", combined)
        del combined
        self.buckets = array(
            "I", (bisect_left(self.variants, b << self.BUCKET_SHIFT) for b in range(1 << 16))
        )
        self.buckets.append(len(self.variants))

    def find(self, variants: Iterable[str]) -> set[tuple[int, int]]:
        """``(form, position)`` of every form word whose key has one of these variants."""
        keys: set[int] = set()
        table, buckets = self.variants, self.buckets
        for variant in variants:
            value = _hash(variant)
            bucket = value >> 16
            end = buckets[bucket + 1]
            i = bisect_left(table, value << 32, buckets[bucket], end)
            while i < end and table[i] >> 32 == value:
                keys.add(table[i] & 0xFFFFFFFF)
                i += 1
        starts, forms, positions = self.starts, self.forms, self.positions
        return {(forms[k], positions[k]) for n in keys for k in range(starts[n], starts[n + 1])}


def _head(tokens: Sequence[str], kind: str) -> int:
    """The token a garble must come close to: the surname for people, else the longest."""
    if kind == "person":
        for i in range(len(tokens) - 1, -1, -1):
            if tokens[i] not in PARTICLES:
                return i
    return max(range(len(tokens)), key=lambda i: len(tokens[i]))


def _surname_alone(entity: Entity, tokens: Sequence[str], head: int) -> bool:
    """Whether a person's surname written alone counts as a mention of them.

    Not for names matched exactly (regnal names: "Frederik X"), nor for surnames
    of three letters or fewer ("Ali"), which too many others share.
    """
    return (
        entity.kind == "person" and entity.match == "fuzzy" and len(tokens) > 1
        and len(tokens[head]) > 3
    )  # fmt: skip


class CompiledGazetteer:
    """Entities with the lookup tables the matcher needs; pickled by the cache."""

    def __init__(self, entities: Iterable[Entity]) -> None:
        self.entities: list[Entity] = list(entities)
        accepted: dict[str, list[int]] = defaultdict(list)
        surnames: dict[str, list[int]] = defaultdict(list)
        self.wrong: dict[str, int] = {}
        self.deprecated: dict[str, int] = {}
        self.forms: list[Form] = []
        key_entries: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for number, entity in enumerate(self.entities):
            self._add(number, entity, accepted, surnames, key_entries)
        self.accepted = {k: tuple(dict.fromkeys(v)) for k, v in accepted.items()}
        self.surnames = {k: tuple(dict.fromkeys(v)) for k, v in surnames.items()}
        # A word shared by very many forms ("Council", "Party" in a big gazetteer)
        # is no way in: every text word near it would drag in thousands of forms.
        # Such forms are still found through their other, distinctive words.
        self.deletions = DeletionIndex(
            {k: entries for k, entries in key_entries.items() if len(entries) <= MAX_ENTRY}
        )
        # first folded word of every exact form → the most words such a form has
        self.first_words: dict[str, int] = {}
        for table in (self.accepted, self.wrong, self.deprecated, self.surnames):
            for key in table:
                words = key.split(" ")
                self.first_words[words[0]] = max(self.first_words.get(words[0], 0), len(words))
        # every indexed name word's transliteration key, worked out here anyway
        self.name_keys = {word: translit_key(word) for form in self.forms for word in form.words}
        remember_keys(self.name_keys)
        self._fresh_memos()

    _MEMOS = ("_memo", "_entity_words", "verdicts", "plans", "inert")

    def _fresh_memos(self) -> None:
        """What a run works out once and keeps, never stored with the gazetteer."""
        self._memo: dict[tuple[str, bool], list[tuple[int, int]]] = {}
        self._entity_words: dict[int, frozenset[str]] = {}
        # what does not depend on the document, for the whole run: scoring's
        # verdicts (see Scorer.verdict), runs' plans and inert words (see namecheck.runplan)
        self.verdicts: dict[tuple[object, ...], object] = {}
        self.plans: dict[str, tuple[object, ...]] = {}
        self.inert: dict[str, bool] = {}

    def _add(
        self,
        number: int,
        entity: Entity,
        accepted: dict[str, list[int]],
        surnames: dict[str, list[int]],
        key_entries: dict[str, list[tuple[int, int]]],
    ) -> None:
        for table, forms in ((self.wrong, entity.wrong), (self.deprecated, entity.deprecated)):
            for form in forms:
                table[fold(form)] = number
        for text in entity.accepted:
            folded = fold(text)
            if not folded:
                continue
            accepted[folded].append(number)
            tokens = tuple(folded.split())
            if not all(t.isascii() for t in tokens):
                continue
            head = _head(tokens, entity.kind)
            if _surname_alone(entity, tokens, head):
                surnames[tokens[head]].append(number)
            if entity.match != "fuzzy":
                continue
            index = len(self.forms)
            words = lower_words(text)
            if len(words) != len(tokens) or words == tokens:
                # the same object when nothing differs (most names): stored once
                words = tokens
            self.forms.append(Form(number, text, tokens, words, head))
            for position, token in enumerate(tokens):
                if token in PARTICLES:
                    continue
                for key in _keys(words[position]):
                    key_entries[key].append((index, position))

    def __getstate__(self) -> dict[str, object]:
        """Everything but the memos (the word lists are package data, read on demand)."""
        return {k: v for k, v in self.__dict__.items() if k not in self._MEMOS}

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state)
        self._fresh_memos()
        remember_keys(self.name_keys)

    def lookup(self, word: str, *, near: bool = True) -> list[tuple[int, int]]:
        """``(form, position)`` pairs whose word could align with ``word`` (lower-case).

        With ``near``, probes every indexed key within one edit of the word's key
        (one deletion on either side: a substitution, an insertion, a deletion or
        a transposition; tests/test_index.py checks on a sample that an exhaustive
        scan finds nothing more). Without it, and for any ordinary word or
        established name, probes only the word's own keys: such a word is never
        read as a garble itself (see the scorer's guards), it can only anchor a
        window whose other word is garbled ("Mika Pompeo"). Keeps the form words
        that could pass the guards (:meth:`aligns`). Memoised for the life of the
        process: a corpus repeats its capitalised words.
        """
        if len(word) > MAX_WORD:
            return []  # no name is this long: a pasted hash or a run-on string
        found = self._memo.get((word, near))
        if found is None:
            keys = _keys(word)
            ordinary = fold(word) in self.words
            if near and not ordinary:
                keys = {variant for key in keys for variant in deletes(key)}
            pairs = self.deletions.find(keys)
            found = [pair for pair in sorted(pairs) if self.aligns(word, *pair, ordinary)]
            if len(self._memo) > _MEMO_LIMIT:
                self._memo.clear()
            self._memo[word, near] = found
        return found

    def aligns(
        self, word: str, form_number: int, position: int, ordinary: bool | None = None
    ) -> bool:
        """Whether ``word`` (lower-case) could pass the scorer's guards in this place
        of this form; ``ordinary`` says whether it is in :attr:`words`, if known.

        The same bars as :meth:`namecheck.scoring.Scorer._guard`, applied early so
        that hopeless windows are never built: a given name must come within
        ``MIN_GIVEN``; any other word must be the form's word (or derived from it),
        or come within the lowest head bar (``MIN_PLACE_HEAD``) or one slip,
        without being an ordinary word itself.
        """
        form = self.forms[form_number]
        name = form.words[position]
        given = position != form.head and self.entities[form.entity].kind == "person"
        if not given and (fold(word) in self.words if ordinary is None else ordinary):
            # only as the name's own word: no need to score how near it comes
            # (a third of the pairs a 100,000-name gazetteer returns)
            return bool(plain_kind(fold(word), fold(name)))
        scored = token_score(word, name)
        return scored.kind != "fuzzy" or within_bar(scored, name, given=given, floor=MIN_PLACE_HEAD)

    def entity_words(self, number: int) -> frozenset[str]:
        """Every folded Latin-script word of an entity's accepted forms, to recognise
        words derived from them (worked out when a guard first asks, then kept)."""
        found = self._entity_words.get(number)
        if found is None:
            folded = (fold(form) for form in self.entities[number].accepted)
            found = frozenset(word for form in folded if form.isascii() for word in form.split())
            self._entity_words[number] = found
        return found

    def known(self, folded: str) -> tuple[int, ...]:
        """Entities for which a folded string is accepted (full form or a person's surname)."""
        return self.accepted.get(folded) or self.surnames.get(folded) or ()

    @property
    def words(self) -> WordList:
        """Real words and names: English words, established names, census names,
        town names. A text word found here is never read as a garble."""
        return word_list("words.txt", "names.txt")

    @property
    def common_words(self) -> WordList:
        """Ordinary lower-case English words ("nice", "reading")."""
        return word_list("common-words.txt")

    @property
    def common_names(self) -> WordList:
        """Given names and surnames held by at least 1 in 10,000 people ("martin")."""
        return word_list("common-names.txt")

    def common(self, word: str, kind: str) -> bool:
        """Whether a name word is common for its kind of entity, so that its lone
        variants are usually other real words or names: a place called like an
        English word ("Nice"), a person called like many others ("Martin")."""
        return word in self.common_words or (kind == "person" and word in self.common_names)
