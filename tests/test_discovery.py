"""Which files a run takes: include/exclude globs of the config, and .gitignore."""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import pytest

from namecheck.config import Overrides
from namecheck.engines import Engines
from namecheck.files import discover

TREE = {
    ".gitignore": "build/\n*.draft.md\n!keep.draft.md\n/top-only.txt\n",
    "a.md": "",
    "A.TXT": "",
    "notes.rst": "",
    "top-only.txt": "",
    "keep.draft.md": "",
    "x.draft.md": "",
    "build/b.md": "",
    "docs/guide.md": "",
    "docs/top-only.txt": "",  # anchored pattern: only the top one is ignored
    "docs/.gitignore": "local.txt\n",
    "docs/local.txt": "",
    "docs/drafts/d.md": "",
    "site/page.html": "",
    "site/page.min.html": "",
    ".hidden/h.md": "",
}


@pytest.fixture()
def tree(write, tmp_path: Path) -> Path:  # type: ignore[no-untyped-def]
    for name, text in TREE.items():
        write(name, text)
    (tmp_path / ".git").mkdir()  # a repository: .gitignore files count
    return tmp_path


def found(root: Path, engines: Engines, *names: str) -> list[str]:
    paths = [str(root / n) for n in names] or [str(root)]
    return [os.path.relpath(p, root) for p in discover(paths, keep=engines)]  # type: ignore[arg-type]


def test_gitignore_is_respected_in_a_repository(tree: Path) -> None:
    assert found(tree, Engines()) == [
        "A.TXT", "a.md", "docs/drafts/d.md", "docs/guide.md", "docs/top-only.txt",
        "keep.draft.md", "site/page.html", "site/page.min.html",
    ]  # fmt: skip


def test_git_info_exclude_counts(tree: Path, write) -> None:  # type: ignore[no-untyped-def]
    write(".git/info/exclude", "site/\n")
    assert "site/page.html" not in found(tree, Engines())


def test_gitignore_can_be_turned_off(tree: Path, write) -> None:  # type: ignore[no-untyped-def]
    everything = [
        "A.TXT", "a.md", "build/b.md", "docs/drafts/d.md", "docs/guide.md", "docs/local.txt",
        "docs/top-only.txt", "keep.draft.md", "site/page.html", "site/page.min.html",
        "top-only.txt", "x.draft.md",
    ]  # fmt: skip
    assert found(tree, Engines(Overrides(respect_gitignore=False))) == everything
    write("namecheck.toml", "respect-gitignore = false\n")
    assert found(tree, Engines()) == everything


def test_gitignore_outside_a_repository_is_not_read(tree: Path) -> None:
    (tree / ".git").rmdir()
    assert "build/b.md" in found(tree, Engines())


def test_named_files_are_checked_even_if_git_ignores_them(tree: Path) -> None:
    assert found(tree, Engines(), "build/b.md", "x.draft.md") == ["build/b.md", "x.draft.md"]


def test_include_and_exclude(tree: Path, write) -> None:  # type: ignore[no-untyped-def]
    write("namecheck.toml", 'include = ["*.rst", "docs/**/*.md", "*.html"]\n'
                            'exclude = ["drafts/", "*.min.html"]\n')  # fmt: skip
    assert found(tree, Engines()) == ["docs/guide.md", "notes.rst", "site/page.html"]
    # exclude applies to named files too (a pre-commit hook names every file); include does not
    assert found(tree, Engines(), "docs/drafts/d.md", "a.md", "site/page.min.html") == ["a.md"]
    # --isolated: no config, so no include/exclude either
    assert "docs/drafts/d.md" in found(tree, Engines(Overrides(isolated=True)))


def test_globs_are_relative_to_their_config(tree: Path, write) -> None:  # type: ignore[no-untyped-def]
    write("docs/namecheck.toml", 'exclude = ["/guide.md"]\n')  # anchored at docs/
    write("guide.md", "")
    result = found(tree, Engines())
    assert "guide.md" in result
    assert "docs/guide.md" not in result


def test_engines_travel_to_worker_processes(tree: Path) -> None:
    engines = Engines()
    found(tree, engines)  # fills the config and .gitignore caches
    clone = pickle.loads(pickle.dumps(engines))
    assert found(tree, clone) == found(tree, engines)
