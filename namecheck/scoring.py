"""Scoring one window of text against one gazetteer form, with the false-friend guards.

Word similarity comes from :mod:`namecheck.similarity`; a window's score
weights a person's surname twice as much as each given name.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property, lru_cache
from typing import NamedTuple

from namecheck.index import CompiledGazetteer
from namecheck.normalize import fold, han, lower_words
from namecheck.segment import Token, written_lower
from namecheck.similarity import (
    LONE_MIN,
    MIN_HEAD,
    MIN_PLACE_HEAD,
    TokenScore,
    closest_word,
    derivation_bases,
    derived_from,
    token_score,
    within_bar,
)


class Rejection(NamedTuple):
    """A window aligned with a form but ruled out by a guard; kept for ``explain``."""

    span: tuple[int, int]
    entity: int
    form: str
    reason: str


class WindowScore(NamedTuple):
    """One window's best alignment with one entity form."""

    span: tuple[int, int]
    entity: int
    score: float
    full: bool
    title: bool
    suggestion: str
    form: str = ""
    reasons: tuple[str, ...] = ()
    single: bool = False  # one word of text
    # How strongly a one-word window stands on its own: 1 for a transliteration
    # variant, else its edit score; 0 when the name word is itself an ordinary
    # word or established name ("Milan", "Martin"), which then needs context.
    lone_strength: float = 0.0
    locative: bool = False  # a place, after a place preposition ("in", "near")

    def adjusted(self, score: float, reasons: tuple[str, ...]) -> WindowScore:
        return self._replace(score=score, reasons=reasons)


VERDICT_LIMIT = 500_000  # memoised window verdicts kept before starting afresh


class Verdict(NamedTuple):
    """A window's document-independent score (see :meth:`Scorer.verdict`)."""

    total: float
    suggestion: str
    reasons: tuple[str, ...]
    strength: float
    place_cue: bool
    checks: tuple[tuple[str, str], ...]  # (word, folded) to test against the document


class Scorer:
    """Scores windows against gazetteer forms, as far as the document does not matter.

    Every verdict is memoised on the gazetteer for the whole run: a corpus repeats
    its names, and only two facts about a document (see :class:`Context`) can
    overturn a verdict.
    """

    def __init__(self, gazetteer: CompiledGazetteer) -> None:
        self.gazetteer = gazetteer

    def lookup(self, word: str, *, near: bool = True) -> list[tuple[int, int]]:
        """Candidate form words for a Latin-script word (others are quotations)."""
        latin = _latin(word)
        return [] if latin is None else self.gazetteer.lookup(latin, near=near)

    def fits(self, word: str, form_number: int, position: int) -> bool:
        """Whether a text word could pass the guards in this place of this form
        (a cheap test that spares hopeless windows a verdict)."""
        latin = _latin(word)
        return latin is None or self.gazetteer.aligns(latin, form_number, position)

    def verdict(
        self, window: tuple[Token, ...], form_number: int, full: bool, locative: bool
    ) -> str | Verdict:
        """The window against one form: a rejection reason, or its score."""
        verdicts = self.gazetteer.verdicts
        key = (tuple(t.text for t in window), form_number, full, locative)
        found = verdicts.get(key)
        if found is None:
            found = self._verdict(window, form_number, full, locative)
            if len(verdicts) > VERDICT_LIMIT:
                verdicts.clear()
            verdicts[key] = found
        return found  # type: ignore[return-value]

    def _verdict(
        self, window: tuple[Token, ...], form_number: int, full: bool, locative: bool
    ) -> str | Verdict:
        """The document-independent part of scoring: a rejection reason, or the score."""
        gaz = self.gazetteer
        form = gaz.forms[form_number]
        entity = gaz.entities[form.entity]
        words = lower_words(" ".join(t.text for t in window))
        if full:
            pairs = list(zip(words, form.words, strict=False))  # lengths checked below
            head = form.head
        else:
            pairs = [(words[0], form.words[form.head])]
            head = 0
        if len(words) != len(pairs):
            return "different number of words"
        reread = not any(han(native) for native in entity.native)
        scores = [token_score(text, name, reread) for text, name in pairs]
        person = entity.kind == "person"
        place_cue = locative and entity.kind == "place"
        checks: list[tuple[str, str]] = []
        floor = MIN_PLACE_HEAD if place_cue else MIN_HEAD
        reason = self._guard(pairs, scores, head, form.entity, person, checks, floor)
        if reason:
            return reason
        reasons = []
        for i, ((text, name), scored) in enumerate(zip(pairs, scores, strict=True)):
            if scored.kind == "fuzzy":
                how = "same transliteration key" if scored.same_key else "fuzzy"
                role = ("surname" if i == head else "given name") if person else "word"
                reasons.append(f"{role} '{text}' ~ '{name}' {scored.score:.2f} ({how})")
        weights = [2.0 if (person and i == head) else 1.0 for i in range(len(pairs))]
        total = sum(w * s.score for w, s in zip(weights, scores, strict=True)) / sum(weights)
        suggestion = entity.name if full else closest_word(entity.name, pairs[head][1])
        if all(t.all_caps for t in window):
            suggestion = suggestion.upper()
        strength = 0.0
        name = fold(pairs[head][1])
        # A four-letter place may stand alone after a place preposition ("in Kyiw").
        long_enough = len(name) >= LONE_MIN or (place_cue and len(name) == LONE_MIN - 1)
        if len(window) == 1 and not gaz.common(name, entity.kind) and long_enough:
            strength = 1.0 if scores[head].same_key else scores[head].edits
        return Verdict(total, suggestion, tuple(reasons), strength, place_cue, tuple(checks))

    def _guard(
        self,
        pairs: list[tuple[str, str]],
        scores: list[TokenScore],
        head: int,
        entity: int,
        person: bool,
        checks: list[tuple[str, str]],
        floor: float = MIN_HEAD,
    ) -> str:
        """Why this alignment cannot be a garble ('' when nothing rules it out).

        ``checks`` receives the words whose fate depends on the document itself
        (see :meth:`Context.in_text_ordinary`).
        """
        if all(s.kind != "fuzzy" for s in scores):
            return "an accepted form, or derived from one"
        for i, ((text, name), scored) in enumerate(zip(pairs, scores, strict=True)):
            if scored.kind != "fuzzy":
                continue
            if i != head and person:
                if not within_bar(scored, name, given=True):
                    return f"given name '{text}' too far from '{name}' ({scored.score:.2f})"
                continue
            folded = fold(text)
            if folded in self.gazetteer.words:
                return f"'{text}' is an ordinary word or an established name"
            if any(derived_from(folded, w) for w in self.gazetteer.entity_words(entity)):
                return f"'{text}' is derived from an accepted form (a demonym or plural)"
            if any(owner != entity for owner in self.gazetteer.known(folded)):
                return f"'{text}' is an accepted form of another entity"
            # One slip passes however short the name: whether such a word stands
            # alone is decided with the document.
            if not within_bar(scored, name, given=False, floor=floor):
                return f"'{text}' too far from '{name}' ({scored.score:.2f})"
            checks.append((text, folded))
        if scores[head].kind != "fuzzy":
            # Only the given name differs. A garbled given name ("Emmanuell") is a
            # garble whatever the surname; a real other given name ("Doris",
            # "Cherie") only when the surname points at one person alone.
            given_real = any(
                scored.kind == "fuzzy" and self._common(fold(text))
                for (text, _), scored in zip(pairs, scores, strict=True)
            )
            if given_real and not self._distinctive(fold(pairs[head][0]), entity):
                return (
                    f"surname '{pairs[head][0]}' is shared or common and the given name "
                    "is a common one, so another person may bear the name"
                )
        return ""

    def _distinctive(self, surname: str, entity: int) -> bool:
        """A written surname that points at one entity only, so a given-name swap is a garble."""
        owners = self.gazetteer.surnames.get(surname, ())
        return not self._common(surname) and all(owner == entity for owner in owners)

    def _common(self, word: str) -> bool:
        return word in self.gazetteer.common_words or word in self.gazetteer.common_names


@lru_cache(maxsize=200_000)
def _latin(word: str) -> str | None:
    """A text word lower-cased with its letters, if it is one Latin-script word."""
    words = lower_words(word)
    return words[0] if len(words) == 1 and fold(words[0]).isascii() else None


class Context:
    """The two facts about one document that can overturn a verdict.

    Both are looked for only when a verdict asks: most documents never need them.
    """

    def __init__(
        self, gazetteer: CompiledGazetteer, text: str, capitalised: Callable[[], set[str]]
    ) -> None:
        self.gazetteer = gazetteer
        self.text = text
        self._capitalised_of = capitalised

    @cached_property
    def capitalised(self) -> set[str]:
        return self._capitalised_of()

    def in_text_ordinary(self, word: str) -> bool:
        """Whether this text shows a word to be ordinary: it also writes it in lower
        case, or it is a derived form (plural, possessive, demonym) of another
        capitalised word here ("Scholls" beside "Scholl")."""
        if written_lower(self.text, word):
            return True
        return any(base in self.capitalised for base in derivation_bases(word))

    def resolve(
        self,
        verdict: str | Verdict,
        span: tuple[int, int],
        form_number: int,
        *,
        full: bool,
        title: bool,
        single: bool,
    ) -> WindowScore | Rejection:
        """A verdict placed in this document: a scored window, or why it is ruled out."""
        form = self.gazetteer.forms[form_number]
        if isinstance(verdict, str):
            return Rejection(span, form.entity, form.text, verdict)
        for text, folded in verdict.checks:
            if self.in_text_ordinary(folded):
                reason = f"'{text}' is an ordinary word in this text, or derived from a name in it"
                return Rejection(span, form.entity, form.text, reason)
        return WindowScore(
            span, form.entity, verdict.total, full, title, verdict.suggestion, form.text,
            verdict.reasons, single, verdict.strength, verdict.place_cue,
        )  # fmt: skip
