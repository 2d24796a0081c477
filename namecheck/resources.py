"""Data shipped with namecheck: the default gazetteer files and the English word list.

Kept apart from the YAML loader so that a warm start (compiled gazetteer from
the cache) never imports PyYAML.
"""

from __future__ import annotations

from collections.abc import Sequence
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


def word_list(name: str) -> frozenset[str]:
    """One of the folded word lists in ``namecheck/data`` (see tools/build_wordlist.py)."""
    text = resources.files("namecheck.data").joinpath(name).read_text(encoding="utf-8")
    return frozenset(w for w in text.split("\n") if w and not w.startswith("#"))


def english_words() -> frozenset[str]:
    """Ordinary English words and established names (SCOWL)."""
    return word_list("words.txt")
