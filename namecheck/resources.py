"""Data shipped with namecheck: the default gazetteer files and the English word list.

Kept apart from the YAML loader so that a warm start (compiled gazetteer from
the cache) never imports PyYAML.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from itertools import chain
from pathlib import Path

from namecheck.errors import NamecheckError

_HERE = Path(__file__).resolve().parent


def default_gazetteer_paths() -> list[Path]:
    """The shipped gazetteer files: inside the wheel, or the repository's ``gazetteer/``."""
    for folder in (_HERE / "_gazetteer", _HERE.parent / "gazetteer"):
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
    """A sorted word list, searched by bisection over the file's bytes, then as a set.

    A short run asks about a few dozen words, so splitting the lists into
    250,000 strings would cost 10–30 ms of every start that met a name candidate;
    the bytes are read as they are instead (UTF-8 sorts in code-point order, as
    the build sorted them) and a look-up is ~20 probes, ~30 µs in Python. A long
    run asks about thousands (the 1,698 BBC articles: over 12,000): after
    ``SET_AFTER`` distinct look-ups, about what splitting the lists and hashing
    their words costs, they become one set (a look-up then takes 0.2 µs; sorted
    lists and :mod:`bisect`, 2–4 µs). Neither way costs more than twice the
    better one in hindsight.
    """

    SET_AFTER = 800

    def __init__(self, *names: str) -> None:
        self.lists: list[bytes] = []
        for name in names:
            # found next to the code, as the shipped gazetteer is (no zip imports)
            data = (_HERE / "data" / name).read_bytes()
            start = 0
            while data.startswith(b"#", start):  # the licence header
                start = data.index(b"\n", start) + 1
            self.lists.append(data[start:])
        self._set: set[str] | None = None
        self._seen: dict[str, bool] = {}  # a run asks about the same words again

    def __contains__(self, word: object) -> bool:
        if self._set is not None:
            return word in self._set
        known: bool | None = self._seen.get(word)  # type: ignore[call-overload]
        if known is None:
            if not isinstance(word, str) or not word:
                return False
            key = word.encode("utf-8", "surrogatepass")
            known = any(_sorted_contains(words, key) for words in self.lists)
            self._seen[word] = known
            if len(self._seen) == self.SET_AFTER:
                self._set = set(
                    chain.from_iterable(w.decode().rstrip("\n").split("\n") for w in self.lists)
                )
                self._set.discard("")  # from an empty list
                self._seen.clear()
        return known


def _sorted_contains(lines: bytes, key: bytes) -> bool:
    """Whether ``key`` is one of the sorted, newline-terminated ``lines``."""
    low, high = 0, len(lines)  # both at the start of a line
    while low < high:
        start = lines.rfind(b"\n", low, (low + high) // 2) + 1 or low
        end = lines.find(b"\n", start)
        end = len(lines) if end < 0 else end
        line = lines[start:end]
        if line == key:
            return True
        if line < key:
            low = end + 1
        else:
            high = start
    return False


@cache
def word_list(*names: str) -> WordList:
    """Folded, sorted word lists of ``namecheck/data`` (see tools/build_wordlist.py)."""
    return WordList(*names)


def english_words() -> WordList:
    """Ordinary English words and established names (SCOWL)."""
    return word_list("words.txt")
