"""``namecheck check --fix / --diff / --unsafe-fixes`` as users run it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import SEEDS
from tests.test_cli import namecheck

GARBLED, CLEAN = "000_9a6c0026322c2e70.txt", "001_eeaefd284deae1e9.txt"
HIDDEN = "(1 more fixable with --unsafe-fixes)"


@pytest.fixture()
def seeds(tmp_path: Path) -> Path:
    return Path(shutil.copytree(SEEDS, tmp_path / "seeds"))


def test_fix_corrects_the_seeds_and_leaves_the_clean_one_alone(seeds: Path) -> None:
    clean_before = (seeds / CLEAN).read_bytes()
    garbled_before = (seeds / GARBLED).read_bytes()
    result = namecheck("check", "--fix", str(seeds))
    assert result.returncode == 0
    assert result.stdout == "0 names to check in 0 of 2 files.\n"
    assert result.stderr == "Fixed 2 names in 1 file; 0 remain.\n"
    assert (seeds / CLEAN).read_bytes() == clean_before
    after = (seeds / GARBLED).read_bytes()
    assert after == garbled_before.replace(b"Mitchell Bacelet", b"Michelle Bachelet").replace(
        b"Svetlana Tikhanovska", b"Sviatlana Tsikhanouskaya"
    )
    assert namecheck("check", str(seeds / GARBLED)).returncode == 0


def test_diff_prints_and_writes_nothing(seeds: Path) -> None:
    before = (seeds / GARBLED).read_bytes()
    result = namecheck("check", "--diff", str(seeds))
    assert result.returncode == 1
    assert (seeds / GARBLED).read_bytes() == before
    lines = result.stdout.splitlines()
    assert lines[0] == f"--- {seeds / GARBLED}"
    assert sum(line.startswith("-") for line in lines) == 3  # header + two changed lines
    assert "+UN Human Rights Commissioner Michelle Bachelet said on Monday" in result.stdout
    assert result.stderr == "Would fix 2 names in 1 file; 0 remain.\n"


def test_fix_threshold_keeps_the_less_certain_fix(write) -> None:  # type: ignore[no-untyped-def]
    path = write("a.txt", "Minister Annalen Burbock met Svetlana Tikhanovska.\n")
    result = namecheck("check", "--fix", "--fix-threshold", "0.95", "-f", "json", str(path))
    assert result.returncode == 1
    (left,) = json.loads(result.stdout)["findings"]
    assert left["found"] == "Annalen Burbock"  # 0.93: below the bar, still reported
    assert result.stderr == f"Fixed 1 name in 1 file; 1 remains {HIDDEN}.\n"
    assert path.read_text(encoding="utf-8") == (
        "Minister Annalen Burbock met Sviatlana Tsikhanouskaya.\n"
    )


def test_unsafe_fixes_apply_advice_too(write) -> None:  # type: ignore[no-untyped-def]
    path = write("a.txt", "Lukashenka and Lukashenko met.\n")
    safe = namecheck("check", "--fix", str(path))
    assert safe.returncode == 0  # NC003 is advice: it does not fail the run
    assert safe.stderr == f"Fixed 0 names in 0 files; 1 remains {HIDDEN}.\n"
    assert path.read_text(encoding="utf-8") == "Lukashenka and Lukashenko met.\n"
    unsafe = namecheck("check", "--fix", "--unsafe-fixes", str(path))
    assert unsafe.stderr == "Fixed 1 name in 1 file; 0 remain.\n"
    assert path.read_text(encoding="utf-8") == "Lukashenko and Lukashenko met.\n"


def test_diff_reads_stdin_but_fix_cannot_write_it() -> None:
    text = b"Commissioner Mitchell Bacelet said\n"
    shown = namecheck("check", "--diff", "--stdin-filename", "draft.txt", "-", stdin=text)
    assert shown.returncode == 1
    assert "+Commissioner Michelle Bachelet said\n" in shown.stdout
    refused = namecheck("check", "--fix", "-", stdin=text)
    assert refused.returncode == 2
    assert refused.stderr == (
        "namecheck: error: --fix cannot write back to stdin; use --diff to see the fixes\n"
    )


def test_fix_options_need_fix() -> None:
    result = namecheck("check", "--unsafe-fixes", str(SEEDS))
    assert result.returncode == 2
    assert "--unsafe-fixes and --fix-threshold need --fix or --diff" in result.stderr


def test_a_file_that_cannot_be_written_is_an_error_and_the_rest_are_fixed(
    write,  # type: ignore[no-untyped-def]
) -> None:
    gazetteer = write("g.yaml", "entities:\n  - name: Łukasz Kowalski\n    kind: person\n"
                                "    wrong: [Lukasz Kovalski]\n")  # fmt: skip
    bad = write("a.txt", "Mr Lukasz Kovalski said".encode("latin-1"))
    good = write("b.txt", "Mr Mitchell Bacelet said".encode("latin-1"))
    result = namecheck("check", "--fix", "--encoding", "latin-1", "-g", str(gazetteer),
                       "-f", "concise", str(bad), str(good))  # fmt: skip
    assert result.returncode == 2
    assert f"namecheck: error: {bad}: not fixed: 'Ł' cannot be written in latin-1\n" in (
        result.stderr
    )
    assert result.stdout.startswith(f"{bad}:1:4: NC002 'Lukasz Kovalski'")  # still reported
    assert bad.read_bytes() == b"Mr Lukasz Kovalski said"
    assert good.read_bytes() == b"Mr Michelle Bachelet said"


def test_allow_directive_is_honoured(write) -> None:  # type: ignore[no-untyped-def]
    path = write("a.txt", "namecheck: allow Mitchell Bacelet\nMitchell Bacelet said\n")
    result = namecheck("check", "--fix", str(path))
    assert result.returncode == 0
    assert path.read_text(encoding="utf-8").endswith("\nMitchell Bacelet said\n")
