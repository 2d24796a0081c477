"""From configuration to engine: the Config and Checker that check each file.

Many files share one config, and many configs one gazetteer set, so configs are
cached per folder and Checkers per (gazetteers, threshold, prefer): a run over a
newsroom's tree compiles each distinct gazetteer once. :func:`build` is the one
way a Config becomes a Checker; the CLI (:class:`Engines`) and the language
server (:mod:`namecheck.lsp.checkers`) both use it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from namecheck.checker import Checker
from namecheck.config import Config, Overrides, config_in, load_config, shown
from namecheck.errors import ConfigError
from namecheck.files import DEFAULT_EXTENSIONS
from namecheck.gitignore import GitIgnore, spec

CheckerKey = tuple[tuple[Path, ...], bool, float | None, tuple[tuple[str, str], ...]]


def checker_key(config: Config) -> CheckerKey:
    """What a Checker depends on: configs equal in these share one."""
    return config.gazetteers, config.default_gazetteer, config.threshold, config.prefer


def gazetteer_paths(config: Config) -> list[Path]:
    """Every gazetteer file a config's Checker loads, the shipped ones first."""
    from namecheck.resources import default_gazetteer_paths, gazetteer_files

    if not config.default_gazetteer and not config.gazetteers:
        where = f" ({shown(config.path)})" if config.path else ""
        raise ConfigError(
            "--no-default-gazetteer or default-gazetteer = false needs at least one gazetteer "
            f"(--gazetteer PATH or gazetteers = [...]){where}"
        )
    shipped = default_gazetteer_paths() if config.default_gazetteer else []
    return [*shipped, *gazetteer_files(list(config.gazetteers))]


def build(config: Config) -> Checker:
    """The Checker for a config: its gazetteers, threshold and house-style forms."""
    from namecheck.cache import compiled
    from namecheck.errors import PreferError
    from namecheck.matcher import Settings

    settings = Settings() if config.threshold is None else Settings(threshold=config.threshold)
    try:
        return Checker(compiled(gazetteer_paths(config), config.prefer), settings)
    except PreferError as exc:
        raise ConfigError(
            f"'prefer': {exc.message}", shown(config.path), config.line_of(exc.entity)
        ) from None


@dataclass
class Engines:
    """The Config and Checker for every file of one run, and the files it takes.

    With ``checker``, every file is checked by it under the default config and no
    config file is read: the library API of :func:`namecheck.runner.run`.
    """

    overrides: Overrides = field(default_factory=Overrides)
    checker: Checker | None = None
    # absolute folder (a string, never resolved: a link inside the repository stays
    # inside) → its nearest config file. Strings, not Paths: a walk asks once per
    # file, and a Path built for each file was most of the time spent finding them.
    _nearest: dict[str, Path | None] = field(default_factory=dict, repr=False)
    _configs: dict[Path | None, Config] = field(default_factory=dict, repr=False)
    _checkers: dict[CheckerKey, Checker] = field(default_factory=dict, repr=False)
    _gitignore: GitIgnore = field(default_factory=GitIgnore, repr=False)

    @property
    def filters(self) -> bool:
        """Whether discovery goes through :meth:`walked`/:meth:`named` (not for a bare Checker)."""
        return self.checker is None

    def config_for(self, path: str) -> Config:
        """The config of the file at ``path`` (stdin: its ``--stdin-filename``)."""
        return self.folder_config(os.path.dirname(os.path.abspath(path)))

    def folder_config(self, folder: str) -> Config:
        """The config of an absolute folder."""
        if self.checker is not None or self.overrides.isolated:
            source = None
        elif self.overrides.config is not None:
            source = self.overrides.config
        else:
            source = self._find(folder)
        if source not in self._configs:
            base = Config() if source is None else load_config(source)
            self._configs[source] = self.overrides.apply(base)
        return self._configs[source]

    def _find(self, folder: str) -> Path | None:
        """:func:`namecheck.config.find_config`, memoised for every folder on the way up."""
        if folder not in self._nearest:
            parent = os.path.dirname(folder)
            own = config_in(Path(folder))
            above = None if own or parent == folder else self._find(parent)
            self._nearest[folder] = own or above
        return self._nearest[folder]

    def checker_for(self, config: Config) -> Checker:
        if self.checker is not None:
            return self.checker
        key = checker_key(config)
        if key not in self._checkers:
            self._checkers[key] = build(config)
        return self._checkers[key]

    def for_path(self, path: str) -> tuple[Checker, Config]:
        config = self.config_for(path)
        return self.checker_for(config), config

    # Discovery (namecheck.files.PathFilter)

    def walked(self, path: str, is_dir: bool) -> bool:
        """A file or folder found in a walk: not excluded, not git-ignored, included."""
        full = os.path.abspath(path)
        config = self.folder_config(os.path.dirname(full))
        if _excluded(config, full, is_dir):
            return False
        if config.respect_gitignore and self._gitignore.ignored(full, is_dir):
            return False
        if is_dir:
            return True
        if config.include is None:
            return os.path.basename(full).lower().endswith(DEFAULT_EXTENSIONS)
        return spec(config.include).match_file(_relative(full, config.root))

    def named(self, path: str) -> bool:
        """A file named on the command line is checked unless ``exclude`` matches it
        (so a pre-commit hook, which names every file, honours it)."""
        return not _excluded(self.config_for(path), os.path.abspath(path), False)


def _relative(path: str, root: Path) -> str:
    """``path`` as the config's globs see it: relative to the config's folder."""
    return os.path.relpath(path, root).replace(os.sep, "/")


def _excluded(config: Config, path: str, is_dir: bool) -> bool:
    if not config.exclude:
        return False
    return spec(config.exclude).match_file(_relative(path, config.root) + ("/" if is_dir else ""))
