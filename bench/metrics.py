"""Scoring findings against labelled garbles: overlap, hits, precision and recall.

A *hit* is a finding that overlaps a labelled span and names the labelled
entity (spans differ legitimately: "Foreign Minister Berbok" vs "Berbok").
Findings that overlap an *ignore* span (borderline forms) count neither way.
Precision is taken over findings, recall over labels, so two findings on one
garbled mention are both right but only recall it once.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from namecheck.model import Finding, Rule

COUNTED = (Rule.FUZZY, Rule.KNOWN_WRONG)  # NC003/NC004 are advice, reported apart


@dataclass(frozen=True)
class Gold:
    """A labelled garbled mention (or, with ``entity`` empty, an ignore span)."""

    doc: str
    start: int
    end: int
    found: str
    entity: str = ""
    canonical: str = ""
    expected: str = ""  # the suggestion that fixes it: the canonical name or its surname
    garble: str = ""  # synthetic only: the garble type
    shape: str = ""  # synthetic only: full / surname / surname_after_garble / place


def expected_suggestion(found: str, canonical: str) -> str:
    """The right fix: the canonical name, or its surname for a one-word mention of a full name."""
    if len(found.split()) == 1 and len(canonical.split()) > 1:
        return canonical.split()[-1]
    return canonical


def overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    """Whether two half-open spans share at least one character."""
    return a_start < b_end and b_start < a_end


def correct_fix(finding: Finding, gold: Gold) -> bool:
    return finding.suggestion.casefold() == gold.expected.casefold()


@dataclass
class DocScore:
    """One document's findings sorted into hits, false flags and ignored ones."""

    hits: list[tuple[Gold, Finding]] = field(default_factory=list)  # label, best finding
    misses: list[tuple[Gold, Finding | None]] = field(default_factory=list)  # wrong-entity flag
    true_flags: list[Finding] = field(default_factory=list)
    false_flags: list[Finding] = field(default_factory=list)
    ignored: list[Finding] = field(default_factory=list)


def score_doc(
    golds: Sequence[Gold], ignores: Sequence[Gold], findings: Iterable[Finding]
) -> DocScore:
    """Sort one document's counted findings (NC001/NC002) against its labels."""
    result = DocScore()
    counted = [f for f in findings if f.rule in COUNTED]
    for f in counted:
        if any(_hits(f, g) for g in golds):
            result.true_flags.append(f)
        elif any(overlaps(f.start, f.end, i.start, i.end) for i in ignores):
            result.ignored.append(f)
        else:
            result.false_flags.append(f)
    for g in golds:
        matched = [f for f in counted if _hits(f, g)]
        if matched:
            best = next((f for f in matched if correct_fix(f, g)), matched[0])
            result.hits.append((g, best))
        else:
            other = next((f for f in counted if overlaps(f.start, f.end, g.start, g.end)), None)
            result.misses.append((g, other))
    return result


def _hits(finding: Finding, gold: Gold) -> bool:
    return finding.entity == gold.entity and overlaps(
        finding.start, finding.end, gold.start, gold.end
    )


@dataclass
class Tally:
    """Counts summed over documents, and the rates derived from them."""

    labels: int = 0
    hits: int = 0
    correct: int = 0  # hits whose suggestion is the right fix
    true_flags: int = 0
    false_flags: int = 0
    words: int = 0

    def add(self, score: DocScore, words: int) -> None:
        self.labels += len(score.hits) + len(score.misses)
        self.hits += len(score.hits)
        self.correct += sum(correct_fix(f, g) for g, f in score.hits)
        self.true_flags += len(score.true_flags)
        self.false_flags += len(score.false_flags)
        self.words += words

    @property
    def precision(self) -> float | None:
        flags = self.true_flags + self.false_flags
        return self.true_flags / flags if flags else None

    @property
    def recall(self) -> float | None:
        return self.hits / self.labels if self.labels else None

    @property
    def recall_correct(self) -> float | None:
        return self.correct / self.labels if self.labels else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision or 0.0, self.recall  # no flags at all: precision counts as 0
        if r is None:
            return None
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def false_per_100k(self) -> float | None:
        return self.false_flags * 100_000 / self.words if self.words else None

    def as_dict(self) -> dict[str, float | int | None]:
        return {
            "labels": self.labels, "hits": self.hits, "correct": self.correct,
            "true_flags": self.true_flags, "false_flags": self.false_flags, "words": self.words,
            "precision": self.precision, "recall": self.recall,
            "recall_correct": self.recall_correct, "f1": self.f1,
            "false_per_100k": self.false_per_100k,
        }  # fmt: skip


def recall_by(scores: Iterable[DocScore], key: str) -> dict[str, tuple[int, int, int]]:
    """``(labels, hits, correct)`` per value of a label attribute (``garble`` or ``shape``)."""
    table: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for score in scores:
        for g, f in score.hits:
            row = table[getattr(g, key)]
            row[0] += 1
            row[1] += 1
            row[2] += correct_fix(f, g)
        for g, _ in score.misses:
            table[getattr(g, key)][0] += 1
    return {k: (v[0], v[1], v[2]) for k, v in sorted(table.items())}
