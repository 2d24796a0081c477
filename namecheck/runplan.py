"""What one stretch of capitalised words holds, wherever it appears.

A corpus repeats its capitalised stretches far more than its documents do: the
BBC corpus has 63,000 runs but only 18,000 distinct ones ("Prime Minister Tony
Blair", "Chelsea"). Everything that depends only on a stretch's words is worked
out once per distinct string and memoised on the gazetteer: its exact gazetteer
forms (leftmost-longest), its candidate windows (which word could align with
which form) and their document-independent verdicts. The matcher then only adds
what depends on the document (see :class:`namecheck.scoring.Context`).
"""

from __future__ import annotations

from typing import NamedTuple, cast

from namecheck.index import CompiledGazetteer
from namecheck.model import Rule
from namecheck.normalize import fold
from namecheck.scoring import Scorer, Verdict
from namecheck.segment import PARTICLES, STOPWORDS, TITLES, Token, split
from namecheck.similarity import closest_word

ACRONYM = 4  # all-caps words this short are acronyms: never a name alone (see _windows)
PLAN_LIMIT = 200_000  # memoised plans kept before starting afresh


class Exact(NamedTuple):
    """An exact gazetteer form in a run: tokens ``[first, last)``."""

    first: int
    last: int
    rule: Rule | None  # NC002/NC004 for a rejected form; None for an accepted mention
    entities: tuple[int, ...]  # a rejected form's entity, or an accepted form's owners
    suggestion: str
    words: tuple[str, ...]  # the folded words written


class Window(NamedTuple):
    """Tokens ``[first, last)`` aligned with one form, with both possible verdicts."""

    first: int
    last: int
    form: int
    full: bool
    title: bool  # a title inside the run precedes the window (the word before the run aside)
    plain: str | Verdict
    locative: str | Verdict  # the verdict after a place preposition ("in", "near")

    @property
    def viable(self) -> bool:
        return isinstance(self.plain, Verdict) or isinstance(self.locative, Verdict)


class RunPlan(NamedTuple):
    """One run: its tokens (offsets relative to the stretch), exact forms and windows."""

    tokens: tuple[Token, ...]
    leading: bool  # the first run of its stretch: the word before the stretch is its own
    exact: tuple[Exact, ...]
    windows: tuple[Window, ...]  # those some verdict lets through
    rejected: tuple[Window, ...]  # the rest, kept for ``explain``


def plan(group: str, gazetteer: CompiledGazetteer) -> tuple[RunPlan, ...]:
    """The plans of the runs in one stretch (see :func:`namecheck.segment.split`)."""
    plans = cast("dict[str, tuple[RunPlan, ...]]", gazetteer.plans)
    found = plans.get(group)
    if found is None:
        scorer = Scorer(gazetteer)
        found = tuple(_plan(tokens, leading, gazetteer, scorer) for leading, tokens in split(group))
        if len(plans) > PLAN_LIMIT:
            plans.clear()
        plans[group] = found
    return found


def _plan(
    tokens: tuple[Token, ...], leading: bool, gazetteer: CompiledGazetteer, scorer: Scorer
) -> RunPlan:
    headline = _headline(tokens)
    if not headline and all(_inert(token.text, gazetteer, scorer) for token in tokens):
        return RunPlan(tokens, leading, (), (), ())  # most new runs: nothing to place
    return _placed(tokens, leading, gazetteer, scorer, headline)


def _headline(tokens: tuple[Token, ...]) -> bool:
    """A run of several words all in capitals: a headline or a caption, where a short
    word is as likely a name as an acronym ("ELON MSK VISITS PARIS"). Always placed
    word by word (54 of the BBC corpus's 62,861 runs), since the words' inertness
    counts acronyms out."""
    return len(tokens) > 1 and tokens[0].text.isupper() and all(t.all_caps for t in tokens)


def _placed(
    tokens: tuple[Token, ...],
    leading: bool,
    gazetteer: CompiledGazetteer,
    scorer: Scorer,
    headline: bool,
) -> RunPlan:
    """A run's plan, its exact forms and windows worked out word by word."""
    exact = _exact(tokens, gazetteer)
    windows = _windows(tokens, exact, gazetteer, scorer, headline)
    return RunPlan(
        tokens, leading, exact,
        tuple(w for w in windows if w.viable), tuple(w for w in windows if not w.viable),
    )  # fmt: skip


def _inert(word: str, gazetteer: CompiledGazetteer, scorer: Scorer) -> bool:
    """Whether a word neither starts an exact form nor could align with a form's word.

    A run of such words has no exact forms, so no word of it lies inside one, and
    no windows: its plan is empty without aligning anything. An acronym counts as
    inert (a headline is placed regardless, see :func:`_headline`). Memoised on the
    gazetteer: a corpus meets the same words in many new stretches.
    """
    inert = gazetteer.inert
    found = inert.get(word)
    if found is None:
        found = _first_word(word) not in gazetteer.first_words and (
            _acronym(word) or not scorer.lookup(word)
        )
        if len(inert) > PLAN_LIMIT:
            inert.clear()
        inert[word] = found
    return found


def _first_word(word: str) -> str:
    """What :attr:`CompiledGazetteer.first_words` holds a form under."""
    return fold(word).partition(" ")[0]


def _exact(toks: tuple[Token, ...], gazetteer: CompiledGazetteer) -> tuple[Exact, ...]:
    """Leftmost-longest exact forms in a run."""
    found: list[Exact] = []
    i = 0
    while i < len(toks):
        longest = gazetteer.first_words.get(_first_word(toks[i].text), 0)
        for n in range(min(longest, len(toks) - i), 0, -1):
            window = toks[i : i + n]
            if window[0].text in PARTICLES or window[-1].text in PARTICLES:
                continue  # a particle ("van") neither starts nor ends a name
            key = fold(" ".join(t.text for t in window))
            words = tuple(key.split())
            rule, number = _rejected(gazetteer, key)
            if rule is not None:
                suggestion = shorten(gazetteer, number, key, partial=n == 1)
                found.append(
                    Exact(i, i + n, rule, (number,), _case_like(window, suggestion), words)
                )
            else:
                known = gazetteer.known(key)
                if not known:
                    continue
                found.append(Exact(i, i + n, None, tuple(sorted(known)), "", words))
            i += n
            break
        else:
            i += 1
    return tuple(found)


def _rejected(gazetteer: CompiledGazetteer, key: str) -> tuple[Rule | None, int]:
    """A known-wrong (NC002) or deprecated (NC004) form, and whose."""
    if key in gazetteer.wrong:
        return Rule.KNOWN_WRONG, gazetteer.wrong[key]
    if key in gazetteer.deprecated:
        return Rule.DEPRECATED, gazetteer.deprecated[key]
    return None, -1


def _windows(
    toks: tuple[Token, ...],
    exact: tuple[Exact, ...],
    gazetteer: CompiledGazetteer,
    scorer: Scorer,
    headline: bool,
) -> list[Window]:
    """The run's windows aligned with the forms sharing a token, with their verdicts.

    A window may contain exact spans only wholly ("Annalene" + accepted
    "Baerbock"), and may not lie inside one.
    """
    found: dict[tuple[int, int, int, bool], Window] = {}
    owner = [-1] * len(toks)  # the exact span each token lies in, if any
    for number, span in enumerate(exact):
        owner[span.first : span.last] = [number] * (span.last - span.first)
    alone: list[bool] | None = None  # worked out when a one-word window first needs it
    for i, token in enumerate(toks):
        # An acronym ("NATO") is no garbled name; in a headline it may be a short
        # name word that leads to a name of several words ("ELON MSK"), never alone.
        acronym = _acronym(token.text)
        if acronym and not headline:
            continue
        inside = owner[i] >= 0  # in a known form: only a longer window can be a garble
        for form_number, position in scorer.lookup(token.text, near=not inside):
            form = gazetteer.forms[form_number]
            size = len(form.tokens)
            spans = [(i - position, size)]
            kind = gazetteer.entities[form.entity].kind
            if size > 1 and position == form.head and kind == "person" and not inside:
                spans.append((i, 1))  # the surname alone
            for first, n in spans:
                last = first + n
                full = n == size
                key = (first, last, form_number, full)
                if first < 0 or last > len(toks) or key in found or (acronym and n == 1):
                    continue
                if n == 1:
                    alone = alone or _alone(toks, owner)
                    if not alone[i]:
                        continue
                if not _around_exact(exact, owner[first:last], first, last, inside):
                    continue
                if full and not all(
                    scorer.fits(toks[j].text, form_number, j - first)
                    for j in range(first, last)
                    if j != i
                ):
                    continue  # another word of the window fails the guards already
                window = toks[first:last]
                plain = scorer.verdict(window, form_number, full, False)
                locative = (
                    scorer.verdict(window, form_number, full, True)
                    if first == 0 and kind == "place"
                    else plain
                )  # only a place's verdict can change after "in"
                title = first > 0 and toks[first - 1].text.lower() in TITLES
                found[key] = Window(first, last, form_number, full, title, plain, locative)
    return list(found.values())


def _around_exact(
    exact: tuple[Exact, ...], owners: list[int], first: int, last: int, inside: bool
) -> bool:
    """Whether a window ``[first, last)`` holds the run's exact forms only wholly
    (``owners``: the exact span of each of its words, or -1), and, when found from a
    word inside one, also a word outside them: known forms side by side ("Sergei
    Shoigu") are nothing new."""
    if any(o >= 0 and not (first <= exact[o].first and exact[o].last <= last) for o in owners):
        return False
    return not inside or any(o < 0 for o in owners)


def _acronym(word: str) -> bool:
    """"NATO", "CSI", "LEDs": capitals that are letters of an abbreviation, not a name."""
    if word.isupper():
        return len(word) <= ACRONYM
    return word[:2].isupper() and word[-1:] == "s" and word[:-1].isupper()


def _alone(toks: tuple[Token, ...], owner: list[int]) -> list[bool]:
    """For each word of the run, whether it stands alone there.

    Titles, function words and known names beside it do not count ("President
    Berbok", "Later Berbok", "Kiev\nBerbok" across a headline's line break); any
    other word does: a lone-word match inside a longer run ("Katerina Srebotnik")
    would read part of another multi-word name as a garble of a one-word name.
    """
    count = len(toks)
    # before[i]: every word before i is known, a title or a function word;
    # after[i]: every word after i is known. Linear in the run, however long.
    before, after = [True] * count, [True] * count
    for j in range(1, count):
        word = toks[j - 1].text.lower()
        fine = owner[j - 1] >= 0 or word in TITLES or word in STOPWORDS
        before[j] = before[j - 1] and fine
    for j in range(count - 2, -1, -1):
        after[j] = after[j + 1] and owner[j + 1] >= 0
    return [b and a for b, a in zip(before, after, strict=True)]


def shorten(gazetteer: CompiledGazetteer, number: int, found: str, partial: bool) -> str:
    """The canonical form, cut to the surname when only a surname was written."""
    entity = gazetteer.entities[number]
    if partial and entity.kind == "person" and len(entity.name.split()) > 1:
        return closest_word(entity.name, found)
    return entity.name


def _case_like(window: tuple[Token, ...], suggestion: str) -> str:
    """Keep a headline's all-caps shape in the suggestion."""
    if all(t.all_caps for t in window):
        return suggestion.upper()
    return suggestion
