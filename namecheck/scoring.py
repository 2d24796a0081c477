"""Scoring one window of text against one gazetteer form, with the false-friend guards.

Token similarity is an edit distance, taken on the folded spelling and on the
transliteration key (whichever is smaller; a key-only match still costs a
quarter edit), and **calibrated by length**: ``1 - d / (0.3·L + 0.5)``. One
edit in a 5-letter name scores 0.5 and in a 12-letter name 0.76, because one
edit turns a short name into a different real name far more often than a long
one. Equal consonant skeletons (a phonetic key) add 0.1 as a second signal.
A window's score weights a person's surname twice as much as each given name.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from rapidfuzz.distance import OSA

from namecheck.index import CompiledGazetteer
from namecheck.normalize import fold, skeleton, translit_key
from namecheck.segment import Token

# Endings that derive a word from a name without garbling it: demonyms,
# adjectives and plurals ("Russian", "Israeli", "Liberal Democrat(s)").
DERIVING_SUFFIXES = frozenset(
    "s es n an ans ian ians ns i is ese ish ic ics ite ites er ers ist ists ism".split()
)
DROPPED_ENDINGS = frozenset("s es y".split())
MIN_HEAD = 0.45
MIN_GIVEN = 0.35
SHORT = 5


@dataclass(frozen=True)
class TokenScore:
    score: float
    kind: str  # "exact", "derived" or "fuzzy"
    same_key: bool = False


@dataclass(frozen=True)
class Rejection:
    """A window aligned with a form but ruled out by a guard; kept for ``explain``."""

    span: tuple[int, int]
    entity: int
    form: str
    reason: str


@dataclass(frozen=True)
class WindowScore:
    """One window's best alignment with one entity form."""

    span: tuple[int, int]
    entity: int
    score: float
    full: bool
    title: bool
    suggestion: str
    form: str = ""
    reasons: tuple[str, ...] = ()

    def adjusted(self, score: float, reasons: tuple[str, ...]) -> WindowScore:
        return replace(self, score=score, reasons=reasons)


def derived_from(word: str, name: str) -> bool:
    """Whether ``word`` is ``name`` with a deriving ending (``ukrainian`` from ``ukraine``)."""
    if word.startswith(name) and word[len(name) :] in DERIVING_SUFFIXES:
        return True
    if name.startswith(word) and name[len(word) :] in DROPPED_ENDINGS:
        return True
    stem = name[:-1]
    return name[-1:] in "aeoy" and word.startswith(stem) and word[len(stem) :] in DERIVING_SUFFIXES


def token_score(text: str, name: str) -> TokenScore:
    """Calibrated similarity of a folded text token to a folded name token."""
    if text == name:
        return TokenScore(1.0, "exact", True)
    if derived_from(text, name):
        return TokenScore(1.0, "derived", True)
    text_key, name_key = translit_key(text), translit_key(name)
    key_distance = OSA.distance(text_key, name_key)
    distance = min(float(OSA.distance(text, name)), key_distance + 0.25)
    score = max(0.0, 1.0 - distance / (0.3 * len(name) + 0.5))
    if skeleton(text) == skeleton(name):
        score = min(0.99, score + 0.1)
    return TokenScore(score, "fuzzy", key_distance == 0)


class Scorer:
    """Scores windows; memoises token lookups and similarities within one run."""

    def __init__(
        self, gazetteer: CompiledGazetteer, lowercase: set[str], capitalised: set[str]
    ) -> None:
        self.gazetteer = gazetteer
        self.lowercase = lowercase
        self.capitalised = capitalised
        self._lookups: dict[str, list[tuple[int, int]]] = {}
        self._scores: dict[tuple[str, str], TokenScore] = {}

    def lookup(self, word: str) -> list[tuple[int, int]]:
        key = fold(word)
        if key not in self._lookups:
            self._lookups[key] = self.gazetteer.lookup(key) if " " not in key else []
        return self._lookups[key]

    def _token(self, text: str, name: str) -> TokenScore:
        pair = (text, name)
        if pair not in self._scores:
            self._scores[pair] = token_score(text, name)
        return self._scores[pair]

    def ordinary(self, word: str) -> bool:
        """Whether a word is no garble: an English word or established name, a word this
        text also writes lower-case, or a derived form (plural, possessive, demonym) of
        another capitalised word in this text ("Scholls" beside "Scholl")."""
        if word in self.gazetteer.words or word in self.lowercase:
            return True
        return any(
            word.endswith(suffix) and word[: -len(suffix)] in self.capitalised
            for suffix in DERIVING_SUFFIXES
        )

    def score(
        self, window: tuple[Token, ...], form_number: int, *, full: bool, title: bool
    ) -> WindowScore | Rejection:
        """The window scored against one form, or the guard that rules it out."""
        gaz = self.gazetteer
        form = gaz.forms[form_number]
        entity = gaz.entities[form.entity]
        span = (window[0].start, window[-1].end)
        words = fold(" ".join(t.text for t in window)).split()
        if full:
            pairs = list(zip(words, form.tokens))
            head = form.head
        else:
            pairs = [(words[0], form.tokens[form.head])]
            head = 0
        if len(words) != len(pairs):
            return Rejection(span, form.entity, form.text, "different number of words")
        scores = [self._token(text, name) for text, name in pairs]
        reason = self._guard(pairs, scores, head, form.entity, entity.kind == "person")
        if reason:
            return Rejection(span, form.entity, form.text, reason)
        person = entity.kind == "person"
        reasons = []
        for i, ((text, name), scored) in enumerate(zip(pairs, scores, strict=True)):
            if scored.kind == "fuzzy":
                how = "same transliteration key" if scored.same_key else "fuzzy"
                role = ("surname" if i == head else "given name") if person else "word"
                reasons.append(f"{role} '{text}' ~ '{name}' {scored.score:.2f} ({how})")
        weights = [2.0 if (person and i == head) else 1.0 for i in range(len(pairs))]
        total = sum(w * s.score for w, s in zip(weights, scores, strict=True)) / sum(weights)
        suggestion = entity.name if full else entity.name.split()[-1]
        if all(t.all_caps for t in window):
            suggestion = suggestion.upper()
        return WindowScore(
            span, form.entity, total, full, title, suggestion, form.text, tuple(reasons)
        )

    def _guard(
        self,
        pairs: list[tuple[str, str]],
        scores: list[TokenScore],
        head: int,
        entity: int,
        person: bool,
    ) -> str:
        """Why this alignment cannot be a garble ('' when nothing rules it out)."""
        if all(s.kind != "fuzzy" for s in scores):
            return "an accepted form, or derived from one"
        for i, ((text, name), scored) in enumerate(zip(pairs, scores, strict=True)):
            if scored.kind != "fuzzy":
                continue
            if i != head and person:
                if scored.score < MIN_GIVEN:
                    return f"given name '{text}' too far from '{name}' ({scored.score:.2f})"
                continue
            if self.ordinary(text):
                return f"'{text}' is an ordinary word, an established name or a derived form"
            if self.gazetteer.known(text) - {entity}:
                return f"'{text}' is an accepted form of another entity"
            if scored.score < MIN_HEAD:
                return f"'{text}' too far from '{name}' ({scored.score:.2f})"
            if len(name) <= SHORT and not scored.same_key and len(pairs) == 1:
                return f"short name '{name}': only transliteration variants are flagged alone"
        if scores[head].kind != "fuzzy" and not self._distinctive(pairs[head][0], entity):
            return f"surname '{pairs[head][0]}' is shared or common, so another person may bear it"
        return ""

    def _distinctive(self, surname: str, entity: int) -> bool:
        """A written surname that points at one entity only, so a given-name swap is a garble."""
        owners = self.gazetteer.surnames.get(surname, set())
        return not self.ordinary(surname) and owners <= {entity}
