"""A seeded synthetic garbler: clean articles in, articles with labelled garbled names out.

The real development set is small (21 labels, mostly one person); this makes a
larger labelled set from clean BBC copy. Sentences naming gazetteer entities
(a person's full name first, then the surname alone; places by name) are
inserted as paragraphs, and a fraction of the mentions is garbled with one of
the types in :mod:`bench.garbles`. Ungarbled mentions stay in the text: they
must not be flagged. Everything is a pure function of its inputs and the seed.
"""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from bench.garbles import GARBLES, ONE_WORD, WHOLE_NAME
from bench.metrics import Gold
from namecheck.index import CompiledGazetteer
from namecheck.model import Entity
from namecheck.normalize import fold
from namecheck.segment import PARTICLES

FULL = (
    "{} said the talks would continue next week.",
    "In a statement, {} called for calm.",
    "The meeting was also attended by {}, officials said.",
    "Asked about the plans, {} declined to comment.",
)
SURNAME = (
    "{} later told reporters that no decision had been made.",
    "A spokesman for {} did not respond to a request for comment.",
    "According to {}, the figures were encouraging.",
    "{}'s office said the visit had been postponed.",
)
PLACE = (
    "Similar measures are being considered in {}.",
    "The company also has offices in {}.",
    "Talks were held in {} last month.",
)
NARROW = frozenset([*WHOLE_NAME, "aya", "given_swap"])


@dataclass(frozen=True)
class SyntheticDoc:
    name: str
    text: str
    labels: tuple[Gold, ...]
    clean: tuple[Gold, ...]  # inserted mentions left correct: flagging them is a false flag


def targets(entities: Sequence[Entity]) -> list[Entity]:
    """Entities worth garbling: people with a given name and surname, one-word places."""
    out = []
    for e in entities:
        words = e.name.split()
        if e.match != "fuzzy" or not fold(e.name).isascii():
            continue
        if (e.kind == "person" and len(words) > 1) or (e.kind == "place" and len(words) == 1
                                                        and len(e.name) >= 4):  # fmt: skip
            out.append(e)
    return out


def romanised(entity: Entity) -> bool:
    """Whether the name is a romanisation (it has a non-Latin native form): only such names
    get re-romanised through another language's system by MT."""
    return any(not fold(form).isascii() for form in entity.native)


def is_garble(form: str, original: str, gazetteer: CompiledGazetteer, changed: str = "") -> bool:
    """A real garble: not the original, not accepted for any entity, and the changed word
    (``changed``, when it is a surname or a one-word name) not an ordinary English word."""
    folded = fold(form)
    if form == original or folded == fold(original) or gazetteer.known(folded):
        return False
    return not (changed and fold(changed) in gazetteer.words)


def garble_mention(
    words: Sequence[str], kind: str, garble: str, rng: random.Random,
    gazetteer: CompiledGazetteer, tries: int = 8,
) -> str | None:  # fmt: skip
    """The mention ``words`` garbled by type ``garble``, or None if no real garble results."""
    original = " ".join(words)
    head = len(words) - 1
    for _ in range(tries):
        out = list(words)
        if garble in WHOLE_NAME:
            for i, word in enumerate(words):
                variants = [] if word in PARTICLES else WHOLE_NAME[garble](word)
                out[i] = rng.choice(variants) if variants else word
        else:
            if garble == "given_swap":
                if len(words) < 2 or kind != "person":
                    return None
                i = 0
            else:
                others = [j for j in range(head) if words[j] not in PARTICLES]
                i = head if not others or rng.random() < 0.75 else rng.choice(others)
            variants = (GARBLES[garble] if garble == "given_swap" else ONE_WORD[garble])(words[i])
            if not variants:
                return None
            out[i] = rng.choice(variants)
        changed = out[head] if out[head] != words[head] else ""
        form = " ".join(out)
        if is_garble(form, original, gazetteer, changed):
            return form
    return None


@dataclass
class _Insert:
    slot: int  # inserted after this paragraph
    sentence: str  # with one "{}" for the name
    shown: str
    gold: Gold


def _mentions(entity: Entity, rng: random.Random, gazetteer: CompiledGazetteer, rate: float,
              slots: int) -> list[_Insert]:  # fmt: skip
    """An entity's inserted sentences, each mention garbled with probability ``rate``."""
    words = entity.name.split()
    plan: list[tuple[int, tuple[str, ...], list[str], str]]
    if entity.kind == "person":
        first = rng.randint(1, slots)
        plan = [(first, FULL, words, "full")]
        plan += [(rng.randint(first, slots), SURNAME, words[-1:], "surname")
                 for _ in range(rng.randint(1, 3))]  # fmt: skip
    else:
        plan = [(rng.randint(1, slots), PLACE, words, "place") for _ in range(rng.randint(1, 2))]
    inserts: list[_Insert] = []
    full_garbled = False
    for slot, templates, mention, shape in sorted(plan, key=lambda p: p[0]):
        shown, garble = " ".join(mention), ""
        if rng.random() < rate:
            types = [t for t in GARBLES if (t != "given_swap" or shape == "full")
                     and (t not in WHOLE_NAME or romanised(entity))]  # fmt: skip
            rng.shuffle(types)
            if rng.random() < 0.5:  # the narrow types apply to few names: give them a turn
                types.sort(key=lambda t: t not in NARROW)
            for garble in types:
                form = garble_mention(mention, entity.kind, garble, rng, gazetteer)
                if form is not None:
                    shown = form
                    break
            else:
                garble = ""
        if shape == "full":
            full_garbled = bool(garble)
        elif shape == "surname" and full_garbled:
            shape = "surname_after_garble"
        expected = entity.name if shape in ("full", "place") else words[-1]
        gold = Gold("", 0, 0, shown, entity.id, entity.name, expected, garble, shape)
        inserts.append(_Insert(slot, rng.choice(templates), shown, gold))
    return inserts


def synthesize(name: str, article: str, entities: Sequence[Entity],
               gazetteer: CompiledGazetteer, rng: random.Random,
               rate: float = 0.5) -> SyntheticDoc:  # fmt: skip
    """One article with 1-3 entities' mentions inserted and some of them garbled."""
    paragraphs = [p.strip() for p in article.split("\n\n") if p.strip()]
    chosen = rng.sample(list(entities), k=min(len(entities), rng.randint(1, 3)))
    by_slot: dict[int, list[_Insert]] = defaultdict(list)
    for entity in chosen:  # an entity's own order (full name before surname) is kept
        for insert in _mentions(entity, rng, gazetteer, rate, len(paragraphs)):
            by_slot[insert.slot].append(insert)
    pieces: list[str | _Insert] = []
    for index, paragraph in enumerate(paragraphs, start=1):
        pieces += [paragraph, *by_slot.get(index, [])]
    parts: list[str] = []
    labels: list[Gold] = []
    clean: list[Gold] = []
    offset = 0
    for piece in pieces:
        if isinstance(piece, _Insert):
            before, after = piece.sentence.split("{}")
            start = offset + len(before)
            g = piece.gold
            placed = Gold(name, start, start + len(piece.shown), piece.shown, g.entity,
                          g.canonical, g.expected, g.garble, g.shape)  # fmt: skip
            (labels if g.garble else clean).append(placed)
            piece = before + piece.shown + after
        parts.append(piece)
        offset += len(piece) + 2
    return SyntheticDoc(name, "\n\n".join(parts) + "\n", tuple(labels), tuple(clean))


def synthetic_set(articles: Sequence[tuple[str, str]], entities: Sequence[Entity],
                  docs: int, seed: int, rate: float = 0.5) -> list[SyntheticDoc]:  # fmt: skip
    """``docs`` synthetic documents from ``(name, text)`` articles; the same seed, the same set."""
    rng = random.Random(seed)
    gazetteer = CompiledGazetteer(entities)
    pool = targets(entities)
    picks = rng.sample(range(len(articles)), k=min(docs, len(articles)))
    out = []
    for n, pick in enumerate(picks):
        name, text = articles[pick]
        out.append(synthesize(f"synthetic-{n:04d}/{name}", text, pool, gazetteer, rng, rate))
    return out
