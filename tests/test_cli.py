"""The CLI as users run it: exit codes, formats, bad input, stdin."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEEDS

SEED_GARBLED = "seeds/000_9a6c0026322c2e70.txt"
SEED_CLEAN = "seeds/001_eeaefd284deae1e9.txt"


def namecheck(*args: str, stdin: bytes | None = None, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "namecheck", *args],
        input=stdin.decode() if stdin is not None else None,
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=120,
    )


def test_seeds_give_exactly_the_two_garbles() -> None:
    result = namecheck("check", "seeds/")
    assert result.returncode == 1
    headers = [line for line in result.stdout.splitlines() if line.startswith(SEED_GARBLED)]
    assert headers == [
        f"{SEED_GARBLED}:19:128: NC001 'Svetlana Tikhanovska' → 'Sviatlana Tsikhanouskaya' (person, 0.99)",
        f"{SEED_GARBLED}:27:30: NC001 'Mitchell Bacelet' → 'Michelle Bachelet' (person, 1.00)",
    ]
    assert result.stdout.splitlines()[-1] == "2 names to check in 1 of 2 files."
    assert result.stderr == ""


def test_clean_file_exits_zero() -> None:
    result = namecheck("check", SEED_CLEAN)
    assert result.returncode == 0
    assert result.stdout == "0 names to check in 0 of 1 file.\n"


def test_json_matches_the_golden_file() -> None:
    result = namecheck("check", "--format", "json", "seeds/")
    assert result.returncode == 1
    golden = (ROOT / "tests" / "golden" / "seeds.json").read_text(encoding="utf-8")
    assert json.loads(result.stdout) == json.loads(golden)


def test_stdin_with_a_name() -> None:
    text = (SEEDS / "000_9a6c0026322c2e70.txt").read_bytes()
    result = namecheck("check", "--format", "concise", "--stdin-filename", "draft.txt", "-", stdin=text)
    assert result.returncode == 1
    assert result.stdout.splitlines()[1].startswith("draft.txt:27:30: NC001 'Mitchell Bacelet'")


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary file"),
        ("latin1.txt", "Caf\xe9 Bacelet".encode("latin-1"), "not valid UTF-8 (byte 0xe9 at offset 3)"),
        ("utf16.txt", "\ufeffHello".encode("utf-16"), "file is UTF-16"),
    ],
)
def test_bad_files_are_reported_and_the_rest_checked(
    tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    (tmp_path / name).write_bytes(content)
    (tmp_path / "good.txt").write_text("Mitchell Bacelet spoke.", encoding="utf-8")
    result = namecheck("check", str(tmp_path))
    assert result.returncode == 2
    assert f"namecheck: error: {tmp_path / name}: {message}" in result.stderr
    assert "'Mitchell Bacelet' → 'Michelle Bachelet'" in result.stdout
    assert "Traceback" not in result.stderr


def test_missing_path_is_exit_two() -> None:
    result = namecheck("check", "no/such/file.txt")
    assert result.returncode == 2
    assert result.stderr == "namecheck: error: no/such/file.txt: no such file or directory\n"


def test_utf8_bom_and_encoding_option(tmp_path: Path) -> None:
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbfMitchell Bacelet spoke.")
    result = namecheck("check", "--format", "concise", str(tmp_path / "bom.txt"))
    assert result.stdout.startswith(f"{tmp_path / 'bom.txt'}:1:1: NC001")
    (tmp_path / "latin1.txt").write_bytes("Mitchell Bacelet à Genève.".encode("latin-1"))
    result = namecheck("check", "--encoding", "latin-1", str(tmp_path / "latin1.txt"))
    assert result.returncode == 1


def test_bad_gazetteer_is_one_line_per_problem(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("entities:\n  - kind: person\n  - name: X\n    kind: planet\n", encoding="utf-8")
    result = namecheck("check", "--gazetteer", str(bad), SEED_CLEAN)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        f"namecheck: error: {bad}:2: entity has no 'name'",
        f"namecheck: error: {bad}:3: unknown kind 'planet' (allowed: person, place, org, other)",
    ]


def test_no_default_gazetteer_uses_only_the_given_one(tmp_path: Path) -> None:
    own = tmp_path / "own.yaml"
    own.write_text("entities:\n  - {name: Jacinda Ardern, kind: person}\n", encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("Jacinta Ardern and Mitchell Bacelet.", encoding="utf-8")
    result = namecheck("check", "--no-default-gazetteer", "-g", str(own), "-f", "concise", str(article))
    assert result.returncode == 1
    assert [line.split(": ", 1)[1] for line in result.stdout.splitlines()] == [
        "NC001 'Jacinta Ardern' → 'Jacinda Ardern' (person, 0.93)"
    ]


def test_usage_errors_exit_two() -> None:
    assert namecheck("check", "--format", "xml", "seeds").returncode == 2
    assert namecheck("check", "--bogus", "seeds").returncode == 2
    assert namecheck("check", "--no-default-gazetteer", "seeds").returncode == 2


def test_version_and_help() -> None:
    assert namecheck("--version").stdout.startswith("namecheck ")
    help_text = namecheck("check", "--help").stdout
    assert "--format" in help_text and "--gazetteer" in help_text


def test_explain_shows_signals_and_rulings() -> None:
    out = namecheck("explain", "UN rights chief Mitchell Bacelet said").stdout
    assert out.splitlines()[0] == (
        "'Mitchell Bacelet' → 'Michelle Bachelet'  NC001 score 1.00  [michelle-bachelet, person]"
    )
    assert "surname 'bacelet' ~ 'bachelet' 0.99 (same transliteration key)" in out
    ruled = namecheck("explain", "Talks in Bakelet went on").stdout
    assert "'Bakelet' ~ 'Michelle Bachelet' [michelle-bachelet]" in ruled
    assert "a lone word with no other mention of the entity must be" in ruled
    assert namecheck("explain", "Lukashenka").stdout.startswith(
        "'Lukashenka' is an accepted form of: alexander-lukashenko"
    )
