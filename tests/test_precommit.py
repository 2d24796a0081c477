"""The pre-commit hook, run by the real pre-commit tool against this repository."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.slow


def test_hook_fails_on_a_garbled_file_and_passes_a_clean_one(tmp_path: Path) -> None:
    if shutil.which("git") is None:
        pytest.skip("git is not installed: the pre-commit hook test needs it")
    if not (ROOT / ".git").exists():
        pytest.skip(f"{ROOT} is not a git checkout: pre-commit try-repo needs one")
    pytest.importorskip("pre_commit", reason="pre-commit is in the 'test' extra")
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit"),  # a fresh hook environment
        "NAMECHECK_CACHE_DIR": str(tmp_path / "namecheck-cache"),
        "GIT_AUTHOR_NAME": "test", "GIT_AUTHOR_EMAIL": "test@example.org",
        "GIT_COMMITTER_NAME": "test", "GIT_COMMITTER_EMAIL": "test@example.org",
        "NO_COLOR": "1",
    }  # fmt: skip
    content = tmp_path / "content"
    content.mkdir()
    (content / "garbled.md").write_text("# News\n\nMitchell Bacelet spoke.\n", encoding="utf-8")
    (content / "clean.md").write_text("# News\n\nMichelle Bachelet spoke.\n", encoding="utf-8")
    subprocess.run(["git", "init", "-q"], cwd=content, env=env, check=True)
    subprocess.run(["git", "add", "."], cwd=content, env=env, check=True)

    def hook(name: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "namecheck",
             "--files", name, "--color", "never"],
            cwd=content, env=env, capture_output=True, text=True, timeout=900,
        )  # fmt: skip

    garbled = hook("garbled.md")
    assert garbled.returncode == 1, garbled.stdout + garbled.stderr
    assert "garbled.md:3:1: NC001 'Mitchell Bacelet' → 'Michelle Bachelet'" in garbled.stdout
    clean = hook("clean.md")
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "namecheck" in clean.stdout and "Passed" in clean.stdout
