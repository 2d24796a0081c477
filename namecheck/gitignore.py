"""Whether git ignores a path, from the ``.gitignore`` files of its repository.

Folder walks skip what git ignores (built sites, vendored copies, drafts kept
out of the repository), as ruff and ripgrep do. Patterns are matched by
pathspec, which implements git's wildmatch rules (negation, ``dir/``,
anchoring, ``**``) so we do not hand-roll them. As in git, a deeper
``.gitignore`` overrides a shallower one, and ``.git/info/exclude`` counts too.
Outside a git repository no ``.gitignore`` is read, as in ripgrep.
"""

from __future__ import annotations

import os
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported when first needed: files named on the command line rarely do
    from pathspec import GitIgnoreSpec

# (the folder a spec's patterns are relative to, the spec), deepest first
Chain = tuple[tuple[str, "GitIgnoreSpec"], ...]


@lru_cache(maxsize=256)
def spec(patterns: tuple[str, ...]) -> GitIgnoreSpec:
    """Compiled gitignore-style patterns (also used for ``include``/``exclude``)."""
    from pathspec import GitIgnoreSpec

    return GitIgnoreSpec.from_lines(patterns)


class GitIgnore:
    """Answers "does git ignore this path?"; the specs are read once per folder.

    Folders are plain strings, not ``Path`` objects: a walk asks once per file, and
    building paths was most of the time spent finding a corpus's files.
    """

    def __init__(self) -> None:
        self._chains: dict[str, Chain | None] = {}

    def ignored(self, path: str, is_dir: bool) -> bool:
        """``path`` is absolute; folders match ``dir/`` patterns."""
        for base, patterns in self._chain(os.path.dirname(path)) or ():
            relative = os.path.relpath(path, base).replace(os.sep, "/") + ("/" if is_dir else "")
            verdict = patterns.check_file(relative).include
            if verdict is not None:
                return verdict
        return False

    def _chain(self, folder: str) -> Chain | None:
        """The specs that apply in ``folder``, or None outside a repository."""
        if folder in self._chains:
            return self._chains[folder]
        own = _read(os.path.join(folder, ".gitignore"))
        parent = os.path.dirname(folder)
        chain: Chain | None
        if os.path.exists(os.path.join(folder, ".git")):  # a repository's top (a file in worktrees)
            exclude = _read(os.path.join(folder, ".git", "info", "exclude"))
            chain = tuple((folder, s) for s in (own, exclude) if s is not None)
        elif parent == folder:
            chain = None
        else:
            above = self._chain(parent)
            chain = None if above is None else (*([(folder, own)] if own else []), *above)
        self._chains[folder] = chain
        return chain


def _read(path: str) -> GitIgnoreSpec | None:
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            lines = handle.read().splitlines()
    except OSError:  # none, or unreadable: git would not use it either
        return None
    return spec(tuple(lines)) if lines else None
