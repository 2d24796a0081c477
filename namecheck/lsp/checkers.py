"""Which :class:`Checker` checks a document, rebuilt when its gazetteers change on disk.

The server asks :meth:`Checkers.checker_for` for every check, so a gazetteer
edited while the editor is open takes effect on the next keystroke or save. Today
every document shares the command-line options (the same as ``namecheck check``
takes); the config-file work resolves a document's folder to its own options in
:meth:`Checkers.options_for`, and the cache is already keyed by those options.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from namecheck.checker import Checker
from namecheck.cli import build_checker
from namecheck.errors import NamecheckError
from namecheck.resources import default_gazetteer_paths, gazetteer_files

Stamp = tuple[tuple[str, int, int], ...]


@dataclass(frozen=True)
class EngineOptions:
    """What builds a Checker: the gazetteer and threshold options of the CLI."""

    gazetteers: tuple[Path, ...] = ()
    no_default: bool = False
    threshold: float | None = None


class Checkers:
    """Checkers by options, each reloaded when one of its gazetteer files changes.

    A gazetteer that fails to load (saved half-edited, say) is reported through
    ``on_error`` once, and the last good Checker goes on serving until it is fixed.
    """

    def __init__(self, options: EngineOptions, on_error: Callable[[NamecheckError], None]) -> None:
        self.options = options
        self.on_error = on_error
        self.failing = False  # the last load failed: the Checker served is an older one
        self._cache: dict[EngineOptions, tuple[Stamp, Checker | None]] = {}

    def options_for(self, path: str) -> EngineOptions:
        """The options for the document at ``path`` (the config module's hook)."""
        return self.options

    def checker_for(self, path: str) -> Checker:
        """The Checker for the document at ``path``; raises if none could ever be built."""
        options = self.options_for(path)
        stamp = _stamp(options)
        cached_stamp, checker = self._cache.get(options, ((), None))
        if checker is not None and cached_stamp == stamp:
            return checker
        try:
            fresh = build_checker(list(options.gazetteers), options.no_default, options.threshold)
        except NamecheckError as exc:
            if checker is None:
                raise
            self.failing = True
            self.on_error(exc)
            self._cache[options] = (stamp, checker)  # report once per change, keep serving
            return checker
        self.failing = False
        self._cache[options] = (stamp, fresh)
        return fresh


def _stamp(options: EngineOptions) -> Stamp:
    """Every gazetteer file with its mtime and size (a file added to a folder counts)."""
    try:
        files = [*([] if options.no_default else default_gazetteer_paths()),
                 *gazetteer_files(list(options.gazetteers))]  # fmt: skip
    except NamecheckError:
        files = list(options.gazetteers)  # an empty folder: loading will say so
    stamp = []
    for file in files:
        try:
            info = os.stat(file)
            stamp.append((str(file), info.st_mtime_ns, info.st_size))
        except OSError:
            stamp.append((str(file), -1, -1))
    return tuple(stamp)
