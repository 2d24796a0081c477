"""Data shipped with namecheck: the default gazetteer files and the English word list.

Kept apart from the YAML loader so that a warm start (compiled gazetteer from
the cache) never imports PyYAML.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from functools import cache
from importlib import resources
from pathlib import Path

from namecheck.errors import NamecheckError


def default_gazetteer_paths() -> list[Path]:
    """The shipped gazetteer files: inside the wheel, or the repository's ``gazetteer/``."""
    here = Path(__file__).resolve().parent
    for folder in (here / "_gazetteer", here.parent / "gazetteer"):
        if folder.is_dir():
            return sorted(folder.glob("*.yaml"))
    return []


def gazetteer_files(paths: Sequence[Path] | None) -> list[Path]:
    """Expand ``--gazetteer`` arguments: a file, or a folder of ``*.yaml`` files."""
    files: list[Path] = []
    for path in paths or []:
        if path.is_dir():
            found = sorted(path.glob("*.yaml")) + sorted(path.glob("*.yml"))
            if not found:
                raise NamecheckError("folder holds no *.yaml gazetteer files", str(path))
            files.extend(found)
        else:
            files.append(path)
    return files


class WordList:
    """A sorted word list, searched by bisection.

    A run asks about a few dozen words, so splitting the file (C speed) beats
    hashing 100,000 strings into a set at every start-up.
    """

    def __init__(self, *names: str) -> None:
        self.lists: list[list[str]] = []
        for name in names:
            text = resources.files("namecheck.data").joinpath(name).read_text(encoding="utf-8")
            lines = text.split("\n")
            start = next(i for i, line in enumerate(lines) if not line.startswith("#"))
            self.lists.append([w for w in lines[start:] if w])
        self._seen: dict[str, bool] = {}  # a corpus asks about the same words again

    def __contains__(self, word: object) -> bool:
        known = self._seen.get(word)  # type: ignore[call-overload]
        if known is None:
            known = any(_sorted_contains(words, word) for words in self.lists)
            if len(self._seen) < 100_000:
                self._seen[word] = known  # type: ignore[index]
        return known


def _sorted_contains(words: list[str], word: object) -> bool:
    i = bisect_left(words, word)  # type: ignore[call-overload]
    return i < len(words) and words[i] == word


@cache
def word_list(*names: str) -> WordList:
    """Folded, sorted word lists of ``namecheck/data`` (see tools/build_wordlist.py)."""
    return WordList(*names)


def english_words() -> WordList:
    """Ordinary English words and established names (SCOWL)."""
    return word_list("words.txt")
