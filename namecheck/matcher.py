"""The engine: prose in, raw matches out. Pure — no files, no printing.

Three passes over the runs of capitalised words (see :mod:`namecheck.segment`):

1. **exact**: leftmost-longest lookup of every window in the accepted and
   known-wrong tables; accepted spans are never flagged and tell which
   entities the document mentions (context for pass 3);
2. **fuzzy**: windows that share a token with an indexed name form (within
   about two edits of its transliteration key) are aligned token by token with
   that form and scored (see :mod:`namecheck.scoring`);
3. **decide**: a window is flagged when its best entity clears the threshold,
   beats the runner-up entity by a margin, and survives the false-friend
   guards; surname-only mentions may lean on the document's other mentions.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from namecheck.index import CompiledGazetteer
from namecheck.model import Rule
from namecheck.normalize import fold
from namecheck.scoring import Rejection, Scorer, WindowScore
from namecheck.segment import TITLES, Run, Token, lowercase_words, runs


@dataclass(frozen=True)
class Settings:
    """Matching knobs; one threshold means the same for short and long names."""

    threshold: float = 0.7
    margin: float = 0.05
    context_bonus: float = 0.1
    title_bonus: float = 0.05


@dataclass(frozen=True)
class Match:
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
    lowercase: set[str]
    mentions: list[Mention] = field(default_factory=list)
    matches: list[Match] = field(default_factory=list)


def match(
    text: str,
    gazetteer: CompiledGazetteer,
    settings: Settings | None = None,
    trace: Trace | None = None,
) -> list[Match]:
    """Every garbled, known-wrong or inconsistent name in ``text``."""
    settings = settings or Settings()
    all_runs = runs(text)
    doc = _Document(text, lowercase_words(text))
    capitalised = {fold(t.text) for run in all_runs for t in run.tokens}
    covered = [_exact(run, gazetteer, doc) for run in all_runs]
    scorer = Scorer(gazetteer, doc.lowercase, capitalised)
    candidates = [
        window
        for run, exact in zip(all_runs, covered, strict=True)
        for window in _windows(run, exact, gazetteer, scorer, trace)
    ]
    _decide(candidates, settings, doc, trace)
    doc.matches.extend(_inconsistent(doc, gazetteer))
    return sorted(doc.matches, key=lambda m: (m.start, m.end))


def mentions(text: str, gazetteer: CompiledGazetteer) -> list[Mention]:
    """Every accepted form of a gazetteer entity in ``text`` (leftmost-longest)."""
    doc = _Document(text, set())
    for run in runs(text):
        _exact(run, gazetteer, doc)
    return doc.mentions


def _exact(run: Run, gazetteer: CompiledGazetteer, doc: _Document) -> list[tuple[int, int]]:
    """Leftmost-longest exact forms in a run; returns their token ranges ``[i, j)``."""
    toks = run.tokens
    covered: list[tuple[int, int]] = []
    i = 0
    while i < len(toks):
        longest = gazetteer.first_words.get(fold(toks[i].text).split(" ")[0], 0)
        for n in range(min(longest, len(toks) - i), 0, -1):
            window = toks[i : i + n]
            key = fold(" ".join(t.text for t in window))
            start, end = window[0].start, window[-1].end
            rule, number = _rejected(gazetteer, key)
            if rule is not None:
                suggestion = _shorten(gazetteer, number, key, partial=n == 1)
                doc.matches.append(
                    Match(start, end, rule, number, _case_like(window, suggestion), 1.0)
                )
            else:
                known = gazetteer.known(key)
                if not known:
                    continue
                doc.mentions.append(Mention(start, end, set(known), tuple(key.split())))
            covered.append((i, i + n))
            i += n
            break
        else:
            i += 1
    return covered


def _rejected(gazetteer: CompiledGazetteer, key: str) -> tuple[Rule | None, int]:
    """A known-wrong (NC002) or deprecated (NC004) form, and whose."""
    if key in gazetteer.wrong:
        return Rule.KNOWN_WRONG, gazetteer.wrong[key]
    if key in gazetteer.deprecated:
        return Rule.DEPRECATED, gazetteer.deprecated[key]
    return None, -1


def _windows(
    run: Run,
    exact: list[tuple[int, int]],
    gazetteer: CompiledGazetteer,
    scorer: Scorer,
    trace: Trace | None,
) -> list[WindowScore]:
    """Scored alignments of the run's windows with the forms sharing a token.

    A window may contain exact spans only wholly ("Annalene" + accepted
    "Baerbock"), and may not lie inside one.
    """
    toks = run.tokens
    found: list[WindowScore] = []
    for i, token in enumerate(toks):
        if any(s <= i < e for s, e in exact):
            continue
        for form_number, position in scorer.lookup(token.text):
            form = gazetteer.forms[form_number]
            size = len(form.tokens)
            spans = [(i - position, size)]
            if size > 1 and position == form.head:
                spans.append((i, 1))  # the surname alone
            for first, n in spans:
                last = first + n
                if first < 0 or last > len(toks):
                    continue
                if any(s < last and first < e and not (first <= s and e <= last)
                       for s, e in exact):  # fmt: skip
                    continue
                window = toks[first:last]
                scored = scorer.score(window, form_number, full=n == size, title=_title(run, first))
                if isinstance(scored, WindowScore):
                    found.append(scored)
                elif trace is not None:
                    trace.rejected.append(scored)
    return found


def _title(run: Run, first: int) -> bool:
    if first == 0:
        return bool(run.title)
    return run.tokens[first - 1].text.lower() in TITLES


def _decide(
    candidates: list[WindowScore], settings: Settings, doc: _Document, trace: Trace | None
) -> None:
    mentioned = {e for m in doc.mentions for e in m.entities}
    by_span: dict[tuple[int, int], dict[int, WindowScore]] = defaultdict(dict)
    # Full names first: a confidently garbled full name is context for its surname.
    for full in (True, False):
        for cand in candidates:
            if cand.full != full:
                continue
            adjusted = _adjust(cand, settings, mentioned)
            best = by_span[cand.span].get(cand.entity)
            if best is None or adjusted.score > best.score:
                by_span[cand.span][cand.entity] = adjusted
        if full:
            mentioned |= {
                c.entity for per in by_span.values() for c in per.values()
                if c.score >= settings.threshold
            }  # fmt: skip
    outcomes: dict[WindowScore, str] = {}
    chosen: list[WindowScore] = []
    for per_entity in by_span.values():
        ranked = sorted(per_entity.values(), key=lambda c: -c.score)
        best = ranked[0]
        outcomes.update((c, "lower than the best entity for this span") for c in ranked[1:])
        if best.score < settings.threshold:
            outcomes[best] = f"below the threshold {settings.threshold:.2f}"
            continue
        if len(ranked) > 1 and ranked[1].score > best.score - settings.margin:
            in_context = [c for c in ranked if c.entity in mentioned]
            if len(in_context) != 1:
                outcomes[best] = "ambiguous: another entity scores within the margin"
                continue
            best = in_context[0]
        chosen.append(best)
    chosen.sort(key=lambda c: (-(c.span[1] - c.span[0]), -c.score))
    taken: list[tuple[int, int]] = []
    for cand in chosen:
        start, end = cand.span
        if any(s < end and start < e for s, e in taken):
            outcomes[cand] = "overlaps a longer or better match"
            continue
        taken.append((start, end))
        outcomes[cand] = "flagged"
        doc.matches.append(
            Match(
                start, end, Rule.FUZZY, cand.entity, cand.suggestion, round(cand.score, 2),
                fixable=True, reasons=cand.reasons,
            )
        )  # fmt: skip
    if trace is not None:
        trace.outcomes.extend(outcomes.items())


def _adjust(cand: WindowScore, settings: Settings, mentioned: set[int]) -> WindowScore:
    """Add the context signals: other mentions of the entity, a title before the name."""
    bonus = 0.0
    reasons = list(cand.reasons)
    if cand.entity in mentioned and not cand.full:
        bonus += settings.context_bonus
        reasons.append("entity mentioned elsewhere in the document")
    if cand.title:
        bonus += settings.title_bonus
        reasons.append("preceded by a title")
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
        if len(by_surname) < 2:
            continue
        canonical = fold(gazetteer.entities[number].name).split()[-1]
        for surname, mentions in by_surname.items():
            if surname == canonical:
                continue
            for mention in mentions:
                suggestion = _shorten(gazetteer, number, " ".join(mention.tokens),
                                      partial=len(mention.tokens) == 1)  # fmt: skip
                found.append(Match(mention.start, mention.end, Rule.INCONSISTENT, number,
                                   suggestion, 1.0, fixable=False))  # fmt: skip
    return found


def _shorten(gazetteer: CompiledGazetteer, number: int, found: str, partial: bool) -> str:
    """The canonical form, cut to the surname when only a surname was written."""
    entity = gazetteer.entities[number]
    if partial and entity.kind == "person" and len(entity.name.split()) > 1:
        return entity.name.split()[-1]
    return entity.name


def _case_like(window: tuple[Token, ...], suggestion: str) -> str:
    """Keep a headline's all-caps shape in the suggestion."""
    if all(t.all_caps for t in window):
        return suggestion.upper()
    return suggestion
