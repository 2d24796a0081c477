"""Writing fixes back: byte-exact, atomic, and never over a file that changed."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from namecheck.errors import NamecheckError
from namecheck.files import read
from namecheck.write import TEMP_SUFFIX, write_text
from tests.conftest import ROOT

BEFORE = "Commissioner Mitchell Bacelet said"
AFTER = "Commissioner Michelle Bachelet said"


def leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.endswith(TEMP_SUFFIX)]


@pytest.mark.parametrize(
    ("raw", "encoding", "expected"),
    [
        (f"{BEFORE}\n".encode(), None, f"{AFTER}\n".encode()),
        (f"a\r\n{BEFORE}\r\nb".encode(), None, f"a\r\n{AFTER}\r\nb".encode()),  # CRLF, no EOL
        (f"a\r{BEFORE}\r".encode(), None, f"a\r{AFTER}\r".encode()),  # old Mac endings
        (b"\xef\xbb\xbf" + BEFORE.encode(), None, b"\xef\xbb\xbf" + AFTER.encode()),  # BOM kept
        (f"é {BEFORE}".encode("latin-1"), "latin-1", f"é {AFTER}".encode("latin-1")),
        (f"{BEFORE}\n".encode("utf-16"), "utf-16", f"{AFTER}\n".encode("utf-16")),
        (b"\xef\xbb\xbf" + BEFORE.encode(), "utf-8-sig", b"\xef\xbb\xbf" + AFTER.encode()),
    ],
)
def test_round_trip_is_byte_exact(tmp_path: Path, raw: bytes, encoding: str | None,
                                  expected: bytes) -> None:  # fmt: skip
    path = tmp_path / "a.txt"
    path.write_bytes(raw)
    source = read(str(path), encoding)
    write_text(source, source.text.replace("Mitchell Bacelet", "Michelle Bachelet"))
    assert path.read_bytes() == expected
    assert leftovers(tmp_path) == []


def test_mode_is_kept_and_symlinks_survive(tmp_path: Path) -> None:
    target = tmp_path / "real.txt"
    target.write_text(BEFORE, encoding="utf-8")
    target.chmod(0o640)
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    source = read(str(link))
    write_text(source, AFTER)
    assert link.is_symlink()
    assert target.read_text(encoding="utf-8") == AFTER
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


@pytest.mark.parametrize(
    ("meddle", "message"),
    [
        (lambda p: p.write_text(BEFORE + " (edited)", encoding="utf-8"), "changed since"),
        (lambda p: p.unlink(), "cannot access"),
        (lambda p: os.link(p, p.with_name("twin.txt")), "hard links"),
    ],
)
def test_refuses_when_the_file_is_not_what_was_checked(
    tmp_path: Path, meddle: Callable[[Path], object], message: str
) -> None:
    path = tmp_path / "a.txt"
    path.write_text(BEFORE, encoding="utf-8")
    source = read(str(path))
    meddle(path)
    before = path.read_bytes() if path.exists() else None
    with pytest.raises(NamecheckError, match=message) as error:
        write_text(source, AFTER)
    assert error.value.path == str(path)
    assert (path.read_bytes() if path.exists() else None) == before
    assert leftovers(tmp_path) == []


def test_refuses_what_the_encoding_cannot_hold(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes("Lukasenka said".encode("latin-1"))
    source = read(str(path), "latin-1")
    with pytest.raises(NamecheckError, match="'š' cannot be written in latin-1"):
        write_text(source, "Lukašenka said")
    assert path.read_bytes() == b"Lukasenka said"


def test_a_failing_write_leaves_the_original_and_no_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "a.txt"
    path.write_text(BEFORE, encoding="utf-8")
    source = read(str(path))

    def full_disk(handle: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(NamecheckError, match="No space left on device"):
        write_text(source, AFTER)
    assert path.read_text(encoding="utf-8") == BEFORE
    assert leftovers(tmp_path) == []


def test_an_interrupt_before_the_rename_cleans_up(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "a.txt"
    path.write_text(BEFORE, encoding="utf-8")
    source = read(str(path))

    def interrupted(src: str, dst: str) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_text(source, AFTER)
    assert path.read_text(encoding="utf-8") == BEFORE
    assert leftovers(tmp_path) == []


KILLED = """
import os, signal, sys
from namecheck.files import read
from namecheck.write import write_text
os.replace = lambda src, dst: os.kill(os.getpid(), signal.SIGKILL)
write_text(read(sys.argv[1]), sys.argv[2])
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals")
def test_a_kill_between_write_and_rename_keeps_the_original(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(BEFORE, encoding="utf-8")
    done = subprocess.run([sys.executable, "-c", KILLED, str(path), AFTER], cwd=ROOT,
                          capture_output=True, timeout=60)  # fmt: skip
    assert done.returncode == -signal.SIGKILL
    assert path.read_text(encoding="utf-8") == BEFORE
    # The complete new text is left in a hidden temporary file, which checks skip.
    (temp,) = leftovers(tmp_path)
    assert temp.startswith(".a.txt.")
    assert (tmp_path / temp).read_text(encoding="utf-8") == AFTER
