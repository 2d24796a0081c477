
"""``namecheck names PATH...``: name-like spans the gazetteer does not know, to grow it.

Lists runs of capitalised words (:func:`namecheck.segment.runs`) that are not
an accepted form of a gazetteer entity, with how often each occurs, and groups
near-duplicates ("Tikhanovska" ×3 ~ "Tikhanovskaya" ×12): the rare spelling
of a cluster is usually a garble, the frequent one a name worth adding.
"""

# No ``from __future__ import annotations`` here: see namecheck/cli.py.

import re
import sys
from collections import Counter
from collections.abc import Iterator
from typing import TYPE_CHECKING, Annotated

import typer

from namecheck.cli import GazetteerOption, NoDefaultOption, app, build_checker
from namecheck.errors import ExitCode

if TYPE_CHECKING:
    from namecheck.index import CompiledGazetteer
    from namecheck.segment import Token

_CONTRACTION = re.compile(r"^i(m|ve|ll|d)$|(nt|re)$")  # "I'm", "Don't" folded
SIMILAR = 85.0  # rapidfuzz ratio (0-100) of folded spellings that makes two names one cluster


def unknown_names(text: str, gazetteer: "CompiledGazetteer") -> Iterator[str]:
    """Capitalised spans of prose that are neither known forms nor ordinary words.

    Inside a run, known forms (read as the matcher reads them), titles and
    function words cut it into pieces: "Belarusian President Alexander
    Lukashenko" leaves nothing; "Human Rights Commissioner Mitchell Bacelet"
    leaves "Human Rights" and "Mitchell Bacelet".
    """
    from namecheck.matcher import known_spans
    from namecheck.normalize import fold
    from namecheck.segment import STOPWORDS, TITLES, runs

    known = known_spans(text, gazetteer)
    for run in runs(text):
        piece: list[Token] = []
        for token in (*run.tokens, None):
            word = fold(token.text) if token else ""
            inside = token is not None and any(s <= token.start < e for s, e in known)
            if token is not None and not inside and word not in TITLES and word not in STOPWORDS:
                piece.append(token)
                continue
            if piece and not (len(piece) == 1 and _ordinary(fold(piece[0].text), gazetteer)):
                yield " ".join(text[piece[0].start : piece[-1].end].split())
            piece = []


def _ordinary(word: str, gazetteer: "CompiledGazetteer") -> bool:
    """An English word, or a demonym/plural of a known name ("Belarusian", "Russians")."""
    from namecheck.similarity import derivation_bases

    if word in gazetteer.words or len(word) < 2 or _CONTRACTION.search(word):
        return True
    return any(gazetteer.known(base) for base in derivation_bases(word))


def clusters(counts: Counter[str]) -> list[list[str]]:
    """Groups of near-identical spellings, most frequent first; singletons included."""
    from rapidfuzz import fuzz

    from namecheck.normalize import fold

    names = sorted(counts, key=lambda n: (-counts[n], n))
    parent = {n: n for n in names}

    def root(name: str) -> str:
        while parent[name] != name:
            parent[name] = parent[parent[name]]
            name = parent[name]
        return name

    # Compare only names sharing a first letter: garbles keep it, and it keeps this fast.
    blocks: dict[str, list[str]] = {}
    for name in names:
        blocks.setdefault(fold(name)[:1], []).append(name)
    for block in blocks.values():
        folded = [fold(n) for n in block]
        for i, a in enumerate(block):
            for j in range(i + 1, len(block)):
                if abs(len(folded[i]) - len(folded[j])) > 3:
                    continue
                if fuzz.ratio(folded[i], folded[j], score_cutoff=SIMILAR):
                    parent[root(block[j])] = root(a)
    groups: dict[str, list[str]] = {}
    for name in names:
        groups.setdefault(root(name), []).append(name)
    return sorted(groups.values(), key=lambda g: (-sum(counts[n] for n in g), g[0]))


@app.command()
def names(
    paths: Annotated[list[str], typer.Argument(help="Files or folders to scan.",
                                               metavar="PATH...", show_default=False)],
    min_count: Annotated[int, typer.Option("--min-count", min=1,
                                           help="Hide clusters seen fewer times.")] = 1,
    gazetteer: GazetteerOption = None,
    no_default_gazetteer: NoDefaultOption = False,
) -> None:
    """List capitalised names the gazetteer does not know, with counts and near-duplicates.

    One line per cluster: the most frequent spelling first, then its near
    duplicates ("Tikhanovskaya ×12 ~ Tikhanovska ×3").
    """
    from namecheck.errors import InputError
    from namecheck.files import discover
    from namecheck.report.text import safe
    from namecheck.runner import RunOptions, load_source
    from namecheck.text import reader_for

    compiled = build_checker(gazetteer, no_default_gazetteer).gazetteer
    counts: Counter[str] = Counter()
    errors = 0
    for item in discover(paths):
        try:
            if isinstance(item, InputError):
                raise item
            source = load_source(item, RunOptions())
        except InputError as exc:
            sys.stderr.write(f"namecheck: error: {safe(str(exc))}\n")
            errors += 1
            continue
        prose = reader_for(source.path)(source.text)
        counts.update(unknown_names(prose.text, compiled))
    for group in clusters(counts):
        if sum(counts[n] for n in group) < min_count:
            continue
        line = " ~ ".join(f"{name} ×{counts[name]}" for name in group)
        sys.stdout.write(safe(line) + "\n")
    if errors:
        raise typer.Exit(ExitCode.USAGE)
