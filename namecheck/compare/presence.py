"""Which gazetteer entities a translation names: in accepted forms only.

A *target* is held to the stricter standard of ``check``: only accepted forms
count as present (a garble such as "Tikhanovska" shares the stem of
"Tikhanovskaya", so the fuzzy matching of :mod:`namecheck.compare.names` would
excuse exactly what must be caught). Derived words ("Belarusian") show an
entity was kept, without naming it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from itertools import pairwise

from namecheck.compare.names import name_word, starts_sentence
from namecheck.index import CompiledGazetteer
from namecheck.matcher import mentions
from namecheck.normalize import fold
from namecheck.segment import runs, words
from namecheck.similarity import derivation_bases


def present(
    text: str, gazetteer: CompiledGazetteer, *, standalone: bool = False
) -> dict[int, list[tuple[int, int]]]:
    """Entities ``text`` names in an accepted form, with their spans.

    Leftmost-longest windows of capitalised runs (:func:`namecheck.matcher.mentions`),
    which include a person's bare surname. A lower-case window is a particle
    inside someone's name ("Ruud van Nistelrooy"), never the city of Van.

    ``standalone`` keeps only what surely names the entity, as needed to call
    a name unexpected: not the last word of a ``match: exact`` name ("X" of
    "Frederik X"), nor a one-word person mention beside another name-like
    word (the "Martin" of "Martin O'Neill" is no Micheal Martin).
    """
    found: dict[int, list[tuple[int, int]]] = defaultdict(list)
    strangers = _flanked(text) if standalone else set()
    entities = gazetteer.entities
    for mention in mentions(text, gazetteer):
        written = text[mention.start : mention.end]
        if written.islower():
            continue
        owners: Iterable[int] = mention.entities
        if standalone:
            accepted = gazetteer.accepted.get(fold(written))  # else a bare surname
            owners = accepted or [e for e in owners if entities[e].match == "fuzzy"]
            if (mention.start, mention.end) in strangers:
                owners = [e for e in owners if entities[e].kind != "person"]
        for entity in owners:
            found[entity].append((mention.start, mention.end))
    return dict(found)


def _flanked(text: str) -> set[tuple[int, int]]:
    """Spans of the words of ``text`` that stand beside a name-like word of their run."""
    flanked: set[tuple[int, int]] = set()
    for run in runs(text):
        tokens = run.tokens
        for a, b in pairwise(tokens):
            if name_word(b.text):
                flanked.add((a.start, a.end))
            if name_word(a.text) and not starts_sentence(text, a.start):
                flanked.add((b.start, b.end))
    return flanked


def derived(text: str, gazetteer: CompiledGazetteer) -> set[int]:
    """Entities a capitalised word of ``text`` is derived from ("Belarusian" → Belarus).

    Such a word shows a translation kept the entity, though it is no mention
    of its own (so it never makes a name "unexpected").
    """
    found: set[int] = set()
    for word in {fold(t.text) for t in words(text) if t.capitalised}:
        for base in derivation_bases(word):
            found.update(gazetteer.known(base))
    return found
