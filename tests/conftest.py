"""Shared fixtures. Data in ../shared is read in place; tests that need it skip without it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from namecheck.checker import Checker

ROOT = Path(__file__).resolve().parent.parent
# ../shared beside the checkout; NAMECHECK_SHARED points elsewhere (git worktrees).
SHARED = Path(os.environ.get("NAMECHECK_SHARED") or ROOT.parent / "shared")
SEEDS = ROOT / "seeds"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test with a message when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent (../shared not available here)")
    return path


@pytest.fixture(scope="session")
def checker() -> Checker:
    return Checker.from_paths()


@pytest.fixture()
def write(tmp_path: Path):  # type: ignore[no-untyped-def]
    """Write a file under tmp_path and return its path."""

    def _write(name: str, content: str | bytes) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return _write
