"""Data shipped with namecheck: the default gazetteer files and the English word list.

Kept apart from the YAML loader so that a warm start (compiled gazetteer from
the cache) never imports PyYAML.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def default_gazetteer_paths() -> list[Path]:
    """The shipped gazetteer files: inside the wheel, or the repository's ``gazetteer/``."""
    here = Path(__file__).resolve().parent
    for folder in (here / "_gazetteer", here.parent / "gazetteer"):
        if folder.is_dir():
            return sorted(folder.glob("*.yaml"))
    return []


def english_words() -> frozenset[str]:
    """Ordinary English words and established names, which are never garbles."""
    text = resources.files("namecheck.data").joinpath("words.txt").read_text(encoding="utf-8")
    return frozenset(w for w in text.split("\n") if w and not w.startswith("#"))
