"""Reference systems the matcher has to beat.

The first two have the same ``check_text`` shape as Checker (bench/eval.py):

* :class:`FuzzBaseline` — what one writes in an afternoon: every capitalised
  n-gram (n ≤ 3) that is not itself accepted is compared with ``fuzz.ratio`` to
  every accepted form, and flagged at a score of 85 or more.
* :class:`KnownWrongBaseline` — exact lookup of the gazetteer's ``wrong:`` forms only.
* :class:`ExactBaseline` — Aho-Corasick over every accepted and wrong form: the speed floor.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import ClassVar

from rapidfuzz import fuzz, process
from unidecode import unidecode

from namecheck.index import CompiledGazetteer
from namecheck.locate import LineIndex
from namecheck.model import Entity, Finding, Rule
from namecheck.normalize import fold
from namecheck.segment import Token, runs


def _ngrams(text: str, longest: int) -> Iterator[tuple[tuple[Token, ...], str]]:
    """Windows of up to ``longest`` capitalised words, with their folded text."""
    for run in runs(text):
        toks = run.tokens
        for i in range(len(toks)):
            for n in range(1, min(longest, len(toks) - i) + 1):
                window = toks[i : i + n]
                yield window, fold(" ".join(t.text for t in window))


def _finding(text: str, lines: LineIndex, window: tuple[Token, ...], rule: Rule,
             entity: Entity, suggestion: str, score: float, path: str) -> Finding:  # fmt: skip
    start, end = window[0].start, window[-1].end
    line, column = lines.position(start)
    return Finding(start, end, rule, text[start:end], entity.id, suggestion, entity.kind,
                   score, line, column, path=path)  # fmt: skip


class FuzzBaseline:
    """Plain rapidfuzz ratio between capitalised n-grams and accepted forms."""

    def __init__(self, entities: Iterable[Entity], cutoff: float = 85, longest: int = 3) -> None:
        self.gazetteer = CompiledGazetteer(entities)
        self.cutoff = cutoff
        self.longest = longest
        # Every accepted Latin form, plus a person's surname alone (accepted too).
        self.forms: dict[str, int] = {}
        for number, entity in enumerate(self.gazetteer.entities):
            for form in entity.accepted:
                key = fold(form)
                if key.isascii():
                    self.forms.setdefault(key, number)
        for surname, numbers in self.gazetteer.surnames.items():
            self.forms.setdefault(surname, min(numbers))
        self.choices = list(self.forms)

    def check_text(self, text: str, path: str = "") -> list[Finding]:
        lines = LineIndex(text)
        candidates = []
        for window, key in _ngrams(text, self.longest):
            if self.gazetteer.known(key):
                continue
            best = process.extractOne(key, self.choices, scorer=fuzz.ratio,
                                      score_cutoff=self.cutoff)  # fmt: skip
            if best is not None:
                candidates.append((best[1], window, best[0]))
        # Best score first, then the longer window; keep windows that do not overlap.
        candidates.sort(key=lambda c: (-c[0], -(c[1][-1].end - c[1][0].start), c[1][0].start))
        taken: list[Finding] = []
        for score, window, form in candidates:
            start, end = window[0].start, window[-1].end
            if any(f.start < end and start < f.end for f in taken):
                continue
            entity = self.gazetteer.entities[self.forms[form]]
            surname = entity.kind == "person" and " " not in form  # a surname written alone
            suggestion = entity.name.split()[-1] if surname else entity.name
            taken.append(_finding(text, lines, window, Rule.FUZZY, entity, suggestion,
                                  round(score / 100, 2), path))  # fmt: skip
        return sorted(taken)


class KnownWrongBaseline:
    """Only the gazetteer's listed wrong forms, matched exactly (after folding)."""

    def __init__(self, entities: Iterable[Entity]) -> None:
        self.gazetteer = CompiledGazetteer(entities)

    def check_text(self, text: str, path: str = "") -> list[Finding]:
        lines = LineIndex(text)
        out: list[Finding] = []
        longest = max((len(key.split()) for key in self.gazetteer.wrong), default=1)
        for window, key in _ngrams(text, longest):
            number = self.gazetteer.wrong.get(key)
            start, end = window[0].start, window[-1].end
            if number is None or any(f.start < end and start < f.end for f in out):
                continue
            entity = self.gazetteer.entities[number]
            out.append(_finding(text, lines, window, Rule.KNOWN_WRONG, entity, entity.name,
                                1.0, path))  # fmt: skip
        return sorted(out)


class ExactBaseline:
    """Aho-Corasick over every accepted and known-wrong form: the speed of exact matching.

    The floor any fuzzy matcher is measured against (bench/bench.py). Text and forms
    are folded alike, either by ``str.lower`` alone or by ``unidecode`` then lower-case
    (as :func:`namecheck.normalize.fold` does); a hit counts only at word boundaries.
    Needs pyahocorasick (``pip install -e '.[bench]'``).
    """

    FOLDS: ClassVar[dict[str, Callable[[str], str]]] = {
        "lower": str.lower,
        "unidecode": lambda text: unidecode(text).lower(),
    }

    def __init__(self, entities: Iterable[Entity], folding: str = "unidecode") -> None:
        import ahocorasick  # bench-only dependency

        self.fold = self.FOLDS[folding]
        self.automaton = ahocorasick.Automaton()
        for entity in entities:
            for form in (*entity.accepted, *entity.wrong):
                key = self.fold(form)
                if key:
                    self.automaton.add_word(key, len(key))
        self.forms = len(self.automaton)
        self.automaton.make_automaton()

    def count(self, text: str) -> int:
        """How many whole-word occurrences of gazetteer forms the text holds."""
        folded = self.fold(text)
        last = len(folded) - 1
        hits = 0
        for end, length in self.automaton.iter(folded):
            start = end - length + 1
            if (start == 0 or not folded[start - 1].isalnum()) and (
                end == last or not folded[end + 1].isalnum()
            ):
                hits += 1
        return hits
