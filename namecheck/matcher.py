"""The engine: prose in, raw matches out. Pure — no files, no printing.

Three passes over the runs of capitalised words (see :mod:`namecheck.segment`);
the first two are planned once per distinct run for the whole process (see
:mod:`namecheck.runplan`), only their placement in this document is done here:

1. **exact**: leftmost-longest lookup of every window in the accepted and
   known-wrong tables; accepted spans are never flagged and tell which
   entities the document mentions (context for pass 3);
2. **fuzzy**: windows that share a token with an indexed name form (within
   about two edits of its transliteration key) are aligned token by token with
   that form and scored (see :mod:`namecheck.scoring`); the document may still
   overturn a verdict (:class:`namecheck.scoring.Context`);
3. **decide**: a window is flagged when its best entity clears the threshold,
   beats the runner-up entity by a margin, and survives the false-friend
   guards; surname-only mentions may lean on the document's other mentions.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from typing import NamedTuple, cast

from namecheck.index import CompiledGazetteer
from namecheck.model import Rule
from namecheck.normalize import fold
from namecheck.runplan import RunPlan, plan, shorten
from namecheck.scoring import Context, Rejection, WindowScore
from namecheck.segment import LOCATIVES, TITLES, spans, word_before
from namecheck.similarity import closest_word, token_score

_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Settings:
    """Matching knobs; one threshold means the same for short and long names."""

    threshold: float = 0.7
    # A lone word with no other sign of its entity in the document must be a pure
    # transliteration variant, or score this much: one edit in ten letters.
    lone_threshold: float = 0.85
    # ... or this much after a place preposition ("held in Londun", "near"), for a place.
    place_threshold: float = 0.75
    # ... or this much (one edit in four letters) when, besides, the text writes the
    # word fewer than ``repeated`` times: a writer who spells a short name the same
    # way throughout ("Yukos", "Absa") means another name, not a slip.
    short_place_threshold: float = 0.62
    repeated: int = 3
    margin: float = 0.05
    context_bonus: float = 0.1
    title_bonus: float = 0.05
    place_bonus: float = 0.1  # a place after a place preposition, like a title before a person


class Match(NamedTuple):
    """A flagged span in prose offsets, before mapping back to the source."""

    start: int
    end: int
    rule: Rule
    entity: int
    suggestion: str
    score: float
    fixable: bool = True
    reasons: tuple[str, ...] = ()


@dataclass
class Trace:
    """Every alignment the matcher considered and what became of it (for ``explain``)."""

    rejected: list[Rejection] = field(default_factory=list)
    outcomes: list[tuple[WindowScore, str]] = field(default_factory=list)


@dataclass
class Mention:
    """An accepted (exact) mention: context for fuzzy matches, NC003, and ``compare``."""

    start: int
    end: int
    entities: set[int]
    tokens: tuple[str, ...]


@dataclass
class _Document:
    text: str
    mentions: list[Mention] = field(default_factory=list)
    matches: list[Match] = field(default_factory=list)
    runs: list[tuple[int, RunPlan]] = field(default_factory=list)  # (offset, plan)

    def capitalised(self) -> set[str]:
        """Every folded capitalised word of the document (asked for by few documents)."""
        return {fold(token.text) for _, run in self.runs for token in run.tokens}

    def times(self, word: str) -> int:
        """How often the text writes ``word`` as a whole word (case-sensitive)."""
        if _WORD.fullmatch(word):
            return self._word_counts[word]  # one pass over a long text, not one per word
        return len(re.findall(rf"\b{re.escape(word)}\b", self.text))

    @cached_property
    def _word_counts(self) -> Counter[str]:
        return Counter(_WORD.findall(self.text))


def match(
    text: str,
    gazetteer: CompiledGazetteer,
    settings: Settings | None = None,
    trace: Trace | None = None,
) -> list[Match]:
    """Every garbled, known-wrong or inconsistent name in ``text``."""
    settings = settings or Settings()
    doc = _exact_pass(text, gazetteer)
    context = Context(gazetteer, text, doc.capitalised)
    candidates: list[WindowScore] = []
    for offset, run in doc.runs:
        windows = (*run.windows, *run.rejected) if trace is not None else run.windows
        if not windows:
            continue
        before = word_before(text, offset) if run.leading else ""
        for window in windows:
            outside = window.first == 0  # the word before the run decides title and place
            locative = outside and before in LOCATIVES
            scored = context.resolve(
                window.locative if locative else window.plain,
                (run.tokens[window.first].start + offset, run.tokens[window.last - 1].end + offset),
                window.form, full=window.full, single=window.last - window.first == 1,
                title=before in TITLES if outside else window.title,
            )  # fmt: skip
            if isinstance(scored, WindowScore):
                candidates.append(scored)
            elif trace is not None:
                trace.rejected.append(scored)
    _decide(candidates, settings, doc, trace)
    doc.matches.extend(_inconsistent(doc, gazetteer))
    return sorted(doc.matches, key=lambda m: (m.start, m.end))


def mentions(text: str, gazetteer: CompiledGazetteer) -> list[Mention]:
    """Every accepted form of a gazetteer entity in ``text`` (leftmost-longest)."""
    return _exact_pass(text, gazetteer).mentions


def known_spans(text: str, gazetteer: CompiledGazetteer) -> list[tuple[int, int]]:
    """Spans of every exact gazetteer form in ``text``: accepted, wrong or deprecated."""
    doc = _exact_pass(text, gazetteer)
    spans = [(m.start, m.end) for m in doc.mentions] + [(m.start, m.end) for m in doc.matches]
    return sorted(spans)


def _exact_pass(text: str, gazetteer: CompiledGazetteer) -> _Document:
    """The document's runs, with their exact forms placed: mentions and NC002/NC004."""
    doc = _Document(text)
    plans = cast("dict[str, tuple[RunPlan, ...]]", gazetteer.plans)
    for start, group in spans(text):
        planned = plans.get(group)  # here, not in plan(): most stretches are repeats
        for run in plan(group, gazetteer) if planned is None else planned:
            doc.runs.append((start, run))
            for exact in run.exact:
                first = run.tokens[exact.first].start + start
                last = run.tokens[exact.last - 1].end + start
                if exact.rule is None:
                    doc.mentions.append(Mention(first, last, set(exact.entities), exact.words))
                else:
                    doc.matches.append(
                        Match(first, last, exact.rule, exact.entities[0], exact.suggestion, 1.0)
                    )
    return doc


def _decide(
    candidates: list[WindowScore], settings: Settings, doc: _Document, trace: Trace | None
) -> None:
    mentioned = {e for m in doc.mentions for e in m.entities}
    # Entities the document names unambiguously (not just by a shared surname):
    # they break ties between namesakes ("Duterte": Rodrigo, written in full, or Sara).
    named = {e for m in doc.mentions if len(m.entities) == 1 for e in m.entities}
    by_span: dict[tuple[int, int], dict[int, WindowScore]] = defaultdict(dict)
    outcomes: dict[WindowScore, str] = {}
    # Names of several words first: a confidently garbled full name is context
    # for a lone surname.
    for single in (False, True):
        for cand in candidates:
            if cand.single != single:
                continue
            strong = _stands_alone(cand, settings, doc)
            if single and not strong and cand.entity not in mentioned:
                outcomes[cand] = (
                    "a lone word with no other mention of the entity must be a "
                    f"transliteration variant or score {settings.lone_threshold:.2f} "
                    f"({settings.short_place_threshold:.2f} for a place after a place "
                    "preposition, unless the text repeats it)"
                )
                continue
            adjusted = _adjust(cand, settings, mentioned)
            best = by_span[cand.span].get(cand.entity)
            if best is None or adjusted.score > best.score:
                by_span[cand.span][cand.entity] = adjusted
        if not single:
            confident = {
                c.entity for per in by_span.values() for c in per.values()
                if c.score >= settings.threshold
            }  # fmt: skip
            mentioned |= confident
            named |= confident
    chosen: list[WindowScore] = []
    for per_entity in by_span.values():
        ranked = sorted(per_entity.values(), key=lambda c: -c.score)
        best = ranked[0]
        outcomes.update((c, "lower than the best entity for this span") for c in ranked[1:])
        if best.score < settings.threshold:
            outcomes[best] = f"below the threshold {settings.threshold:.2f}"
            continue
        if len(ranked) > 1 and ranked[1].score > best.score - settings.margin:
            close = [c for c in ranked if c.score > best.score - settings.margin]
            in_context = [c for c in close if c.entity in mentioned]
            if len(in_context) > 1:
                in_context = [c for c in in_context if c.entity in named]
            if len(in_context) != 1:
                outcomes[best] = "ambiguous: another entity scores within the margin"
                continue
            best = in_context[0]
        chosen.append(best)
    chosen.sort(key=lambda c: (-(c.span[1] - c.span[0]), -c.score))
    starts: list[int] = []  # the flagged spans, sorted and disjoint
    ends: list[int] = []
    for cand in chosen:
        start, end = cand.span
        k = bisect_left(starts, start)
        if (k < len(starts) and starts[k] < end) or (k > 0 and ends[k - 1] > start):
            outcomes[cand] = "overlaps a longer or better match"
            continue
        starts.insert(k, start)
        ends.insert(k, end)
        outcomes[cand] = "flagged"
        doc.matches.append(
            Match(
                start, end, Rule.FUZZY, cand.entity, cand.suggestion, round(cand.score, 2),
                fixable=True, reasons=cand.reasons,
            )
        )  # fmt: skip
    if trace is not None:
        trace.outcomes.extend(outcomes.items())


def _stands_alone(cand: WindowScore, settings: Settings, doc: _Document) -> bool:
    """Whether a lone word is a garble of its entity on its own strength (no other mention)."""
    if cand.lone_strength >= settings.lone_threshold:
        return True
    if not cand.locative or cand.lone_strength < settings.short_place_threshold:
        return False
    if cand.lone_strength >= settings.place_threshold:
        return True
    return doc.times(doc.text[cand.span[0] : cand.span[1]]) < settings.repeated


def _adjust(cand: WindowScore, settings: Settings, mentioned: set[int]) -> WindowScore:
    """Add the context signals: other mentions of the entity, a title before the name,
    a place preposition before a place."""
    bonus = 0.0
    reasons = list(cand.reasons)
    if cand.entity in mentioned and cand.single:
        bonus += settings.context_bonus
        reasons.append("entity mentioned elsewhere in the document")
    if cand.title:
        bonus += settings.title_bonus
        reasons.append("preceded by a title")
    if cand.locative:
        bonus += settings.place_bonus
        reasons.append("a place after a place preposition")
    return cand.adjusted(min(1.0, cand.score + bonus), tuple(reasons))


def _inconsistent(doc: _Document, gazetteer: CompiledGazetteer) -> list[Match]:
    """NC003: an entity's surname spelled two accepted ways in one document."""
    spellings: dict[int, dict[str, list[Mention]]] = defaultdict(lambda: defaultdict(list))
    for mention in doc.mentions:
        if len(mention.entities) != 1:
            continue
        (number,) = mention.entities
        entity = gazetteer.entities[number]
        if entity.kind != "person" or not mention.tokens[-1].isascii():
            continue  # native-script forms are quotations, not a second spelling
        spellings[number][mention.tokens[-1]].append(mention)
    found: list[Match] = []
    for number, by_surname in spellings.items():
        canonical = fold(closest_word(gazetteer.entities[number].name, next(iter(by_surname))))
        # Only spellings of the same word count ("Lukashenko"/"Lukashenka"), not
        # another part of the name ("Lula" beside "da Silva").
        variants = {s: m for s, m in by_surname.items() if token_score(s, canonical).score >= 0.5}
        if len(variants) < 2:
            continue
        for surname, mentions in variants.items():
            if surname == canonical:
                continue
            for mention in mentions:
                suggestion = shorten(gazetteer, number, " ".join(mention.tokens),
                                      partial=len(mention.tokens) == 1)  # fmt: skip
                found.append(Match(mention.start, mention.end, Rule.INCONSISTENT, number,
                                   suggestion, 1.0, fixable=False))  # fmt: skip
    return found
