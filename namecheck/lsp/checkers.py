"""Which :class:`Checker` and config check a document, re-read when files change on disk.

The server asks :meth:`Checkers.engine_for` for every check. A document takes
the config the command line would give it (the nearest ``namecheck.toml``,
``.namecheck.toml`` or ``pyproject.toml`` above it, or ``--config``), so the
editor and ``namecheck check`` agree. A config or gazetteer edited while the
editor is open takes effect on the next keystroke or save.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from namecheck.checker import Checker
from namecheck.config import Config, Overrides, find_config, load_config
from namecheck.engines import CheckerKey, build, checker_key, gazetteer_paths
from namecheck.errors import NamecheckError

Stamp = tuple[tuple[str, int, int], ...]
T = TypeVar("T")


@dataclass(frozen=True)
class EngineOptions:
    """The command-line options of ``namecheck lsp`` (those of ``check`` that apply)."""

    gazetteers: tuple[Path, ...] = ()
    no_default: bool = False
    threshold: float | None = None
    config: Path | None = None
    isolated: bool = False

    def overrides(self) -> Overrides:
        return Overrides(self.config, self.isolated, self.gazetteers, self.no_default,
                         self.threshold)  # fmt: skip


class Checkers:
    """Configs and Checkers, each reloaded when one of its files changes.

    A config or gazetteer that fails to load (saved half-edited, say) is reported
    through ``on_error`` once, and the last good one goes on serving until it is fixed.
    """

    def __init__(self, options: EngineOptions, on_error: Callable[[NamecheckError], None]) -> None:
        self.overrides = options.overrides()
        self.on_error = on_error
        self.failing = False  # the last load failed: the Checker served is an older one
        self._configs: dict[Path, tuple[Stamp, Config | None]] = {}
        self._cache: dict[CheckerKey, tuple[Stamp, Checker | None]] = {}

    def options_for(self, path: str) -> Config:
        """The config of the document at ``path``: the same discovery as the CLI."""
        overrides = self.overrides
        source = None
        if not overrides.isolated:
            folder = Path(os.path.abspath(path)).parent if path else Path.cwd()
            source = overrides.config or find_config(folder)
        if source is None:
            return overrides.apply(Config())
        stamp = _stamp([source])
        cached_stamp, config = self._configs.get(source, ((), None))
        if config is None or cached_stamp != stamp:
            fresh = self._reload(lambda: overrides.apply(load_config(source)), config)
            config = fresh or config
            self._configs[source] = (stamp, config)
        assert config is not None
        return config

    def engine_for(self, path: str) -> tuple[Checker, Config]:
        """The Checker and config for the document at ``path``; raises if none could
        ever be built."""
        config = self.options_for(path)
        key = checker_key(config)
        stamp = _stamp(_files(config))
        cached_stamp, checker = self._cache.get(key, ((), None))
        if checker is None or cached_stamp != stamp:
            checker = self._reload(lambda: build(config), checker)
            self._cache[key] = (stamp, checker)
        assert checker is not None
        return checker, config

    def checker_for(self, path: str) -> Checker:
        return self.engine_for(path)[0]

    def _reload(self, load: Callable[[], T], last: T | None) -> T | None:
        """``load()``; on error, report it and keep ``last`` (raise if there is none)."""
        try:
            loaded = load()
        except NamecheckError as exc:
            if last is None:
                raise
            self.failing = True
            self.on_error(exc)  # once per change: the stamp is stored with the last good one
            return last
        self.failing = False
        return loaded


def _files(config: Config) -> list[Path]:
    try:
        return gazetteer_paths(config)
    except NamecheckError:
        return list(config.gazetteers)  # an empty folder: loading will say so


def _stamp(files: list[Path]) -> Stamp:
    """Every file with its mtime and size (a file added to a gazetteer folder counts)."""
    stamp = []
    for file in files:
        try:
            info = os.stat(file)
            stamp.append((str(file), info.st_mtime_ns, info.st_size))
        except OSError:
            stamp.append((str(file), -1, -1))
    return tuple(stamp)
