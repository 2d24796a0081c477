"""The bad-input catalogue: every kind of file a repository can hold.

Each bad file gives one clear line naming it, the run exits 2 (it could not do
all that was asked), and every other file is still checked. Files are built in
tmp_path; the big ones are written in chunks, so the test itself stays small.
"""

from __future__ import annotations

import codecs
import os
import resource
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from namecheck.checker import Checker
from namecheck.errors import InputError
from namecheck.files import MAX_BYTES, read
from namecheck.runner import RunOptions, run
from tests.conftest import ROOT

GARBLED = "UN rights chief Mitchell Bacelet spoke on Monday.\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"


def namecheck(*args: str, stdin: bytes | None = None,
              memory: int | None = None) -> subprocess.CompletedProcess[str]:  # fmt: skip
    """The CLI in a subprocess; ``memory`` caps its address space (bytes)."""

    def limit() -> None:
        if memory is not None:
            resource.setrlimit(resource.RLIMIT_AS, (memory, memory))

    done = subprocess.run(
        [sys.executable, "-m", "namecheck", "check", *args], input=stdin, capture_output=True,
        cwd=ROOT, timeout=300, preexec_fn=limit, check=False,
    )  # fmt: skip
    return subprocess.CompletedProcess(done.args, done.returncode, done.stdout.decode(),
                                       done.stderr.decode())  # fmt: skip


def errors_of(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("namecheck: error:")]


# name, content, the message expected for it
BAD_FILES: list[tuple[str, bytes, str]] = [
    ("nul.txt", b"Mitchell\x00Bacelet", "binary file (contains NUL bytes)"),
    ("image.txt", PNG, "binary file (contains NUL bytes)"),
    ("invalid.txt", b"Caf\xc3 Bacelet \xff", "not valid UTF-8 (byte 0xc3 at offset 3)"),
    ("overlong.txt", b"\xc0\xafetc", "not valid UTF-8 (byte 0xc0 at offset 0)"),
    ("surrogate.txt", b"a\xed\xa0\x80b", "not valid UTF-8 (byte 0xed at offset 1)"),
    ("latin1.txt", "Café Bacelet".encode("latin-1"), "not valid UTF-8 (byte 0xe9 at offset 3)"),
    ("utf16le-bom.txt", codecs.BOM_UTF16_LE + GARBLED.encode("utf-16-le"), "file is UTF-16"),
    ("utf16be-bom.txt", codecs.BOM_UTF16_BE + GARBLED.encode("utf-16-be"), "file is UTF-16"),
    ("utf16le.txt", GARBLED.encode("utf-16-le"), "UTF-16 without a byte-order mark; convert "
     "it to UTF-8 or pass --encoding utf-16-le"),
    ("utf16be.txt", GARBLED.encode("utf-16-be"), "--encoding utf-16-be"),
]  # fmt: skip


def test_each_bad_file_is_one_line_and_the_rest_are_checked(tmp_path: Path) -> None:
    for name, content, _ in BAD_FILES:
        (tmp_path / name).write_bytes(content)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "good.txt").write_text(GARBLED, encoding="utf-8")
    (tmp_path / "bom.txt").write_bytes(codecs.BOM_UTF8 + GARBLED.encode())
    done = namecheck(str(tmp_path), "--format", "concise")
    assert done.returncode == 2
    lines = errors_of(done.stderr)
    assert len(lines) == len(BAD_FILES)  # one line per bad file, and nothing else
    for name, _, message in BAD_FILES:
        (line,) = [x for x in lines if x.startswith(f"namecheck: error: {tmp_path / name}: ")]
        assert message in line
    assert "Traceback" not in done.stderr
    # The good files were checked: the garble in each, nothing in the empty one.
    assert done.stdout.count("Mitchell Bacelet") == 2
    assert f"{tmp_path / 'good.txt'}:1:17:" in done.stdout
    assert f"{tmp_path / 'bom.txt'}:1:17:" in done.stdout  # the BOM is not a column


@pytest.mark.parametrize(
    ("encoding", "raw"),
    [
        ("latin-1", "Café. Mitchell Bacelet.".encode("latin-1")),
        ("utf-16", "Mitchell Bacelet.".encode("utf-16")),
        ("utf-16-le", "Mitchell Bacelet.".encode("utf-16-le")),
        ("cp1251", "Привет. Mitchell Bacelet.".encode("cp1251")),
    ],
)
def test_the_encoding_option_reads_what_utf8_cannot(tmp_path: Path, checker: Checker,
                                                    encoding: str, raw: bytes) -> None:  # fmt: skip
    path = tmp_path / "a.txt"
    path.write_bytes(raw)
    result = run(checker, [str(path)], RunOptions(encoding=encoding, jobs=1))
    assert result.errors == []
    assert [f.found for f in result.findings] == ["Mitchell Bacelet"]


@pytest.mark.parametrize(
    ("encoding", "message"),
    [("klingon", "unknown encoding 'klingon'"), ("ascii", "cannot decode as ascii")],
)
def test_a_bad_encoding_option_names_the_file(tmp_path: Path, encoding: str,
                                              message: str) -> None:  # fmt: skip
    path = tmp_path / "a.txt"
    path.write_bytes("Café".encode())
    with pytest.raises(InputError, match=message) as error:
        read(str(path), encoding)
    assert error.value.path == str(path)


def test_paths_that_are_not_files(tmp_path: Path, checker: Checker) -> None:
    (tmp_path / "good.txt").write_text(GARBLED, encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.txt")  # reading it would block forever
    (tmp_path / "self.txt").symlink_to(tmp_path / "self.txt")  # a link loop
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "up").symlink_to(tmp_path, target_is_directory=True)  # a directory loop
    (sub / "in.md").write_text(GARBLED, encoding="utf-8")
    missing = str(tmp_path / "missing.txt")
    result = run(checker, [str(tmp_path), missing, str(tmp_path / "pipe.txt")],
                 RunOptions(jobs=1))  # fmt: skip
    problems = sorted(str(e) for e in result.errors)
    assert problems == sorted([
        f"{tmp_path / 'dangling.txt'}: file disappeared before it could be read",
        f"{tmp_path / 'pipe.txt'}: not a regular file (a FIFO, device or socket); not checked",
        f"{tmp_path / 'pipe.txt'}: not a regular file (a FIFO, device or socket); not checked",
        f"{tmp_path / 'self.txt'}: cannot read: Too many levels of symbolic links",
        f"{missing}: no such file or directory",
    ])  # fmt: skip
    # The loop through sub/up is not followed: each real file is checked once.
    assert sorted(f.path for f in result.findings) == [str(tmp_path / "good.txt"),
                                                       str(sub / "in.md")]  # fmt: skip


def test_a_path_turned_into_a_fifo_after_discovery_does_not_hang(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    os.mkfifo(path)  # read() opens non-blocking and inspects the handle, not the name
    with pytest.raises(InputError, match="not a regular file"):
        read(str(path))


@pytest.mark.parametrize(
    ("meddle", "message"),
    [
        (lambda p: p.unlink(), "file disappeared before it could be read"),
        (lambda p: p.chmod(0), "cannot read: Permission denied"),
        (lambda p: (p.unlink(), p.mkdir()), "is a directory"),
    ],
    ids=["deleted", "unreadable", "now-a-directory"],
)
def test_files_that_change_between_discovery_and_reading(
    tmp_path: Path, checker: Checker, monkeypatch: pytest.MonkeyPatch,
    meddle: Callable[[Path], object], message: str,
) -> None:  # fmt: skip
    if message.endswith("Permission denied") and os.geteuid() == 0:
        pytest.skip("root reads files whatever their mode")
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text(GARBLED, encoding="utf-8")
    import namecheck.runner

    discovered = namecheck.runner.discover

    def discover_then_meddle(paths: list[str], **options):  # type: ignore[no-untyped-def]
        items = list(discovered(paths, **options))
        meddle(tmp_path / "b.txt")
        return items

    monkeypatch.setattr(namecheck.runner, "discover", discover_then_meddle)
    result = run(checker, [str(tmp_path)], RunOptions(jobs=1))
    assert [str(e) for e in result.errors] == [f"{tmp_path / 'b.txt'}: {message}"]
    assert [f.path for f in result.findings] == [str(tmp_path / "a.txt"), str(tmp_path / "c.txt")]


def test_a_file_growing_past_the_limit_while_read_is_refused(tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch
                                                             ) -> None:  # fmt: skip
    path = tmp_path / "a.txt"
    path.write_text("x" * 100, encoding="utf-8")
    real_fstat = os.fstat
    monkeypatch.setattr(os, "fstat", lambda fd: os.stat_result((*real_fstat(fd)[:6], 10,
                                                               *real_fstat(fd)[7:])))  # fmt: skip
    with pytest.raises(InputError, match=r"over the 50 bytes size limit \(more than that\)"):
        read(str(path), max_bytes=50)


def _write_repeated(path: Path, unit: bytes, size: int) -> None:
    chunk = unit * (1024 * 1024 // len(unit))
    with path.open("wb") as out:
        while size > 0:
            out.write(chunk[:size])
            size -= len(chunk)


@pytest.mark.slow
def test_huge_files_are_refused_in_bounded_memory(tmp_path: Path) -> None:
    """200 MB of text and a single 50 MB line: refused with a message, never read whole."""
    _write_repeated(tmp_path / "big.txt", b"Mitchell Bacelet said so.\n", 200 * 1024 * 1024)
    _write_repeated(tmp_path / "line.txt", b"Mitchell Bacelet said so. ", 50 * 1024 * 1024)
    (tmp_path / "small.txt").write_text(GARBLED, encoding="utf-8")
    # 1 GiB of address space: ample for a check, far too little to hold 250 MB of text
    # as tokens (about 30 bytes per byte of text).
    done = namecheck(str(tmp_path), "--format", "concise", memory=1024**3)
    assert done.returncode == 2, done.stderr
    assert errors_of(done.stderr) == [
        f"namecheck: error: {tmp_path / 'big.txt'}: over the 16 MiB size limit (200 MiB); "
        "not checked (split it or raise --max-size)",
        f"namecheck: error: {tmp_path / 'line.txt'}: over the 16 MiB size limit (50 MiB); "
        "not checked (split it or raise --max-size)",
    ]  # fmt: skip
    assert done.stdout.count("Mitchell Bacelet") == 1  # small.txt still checked


def test_stdin_over_the_limit_is_refused_not_truncated() -> None:
    data = b"the cat sat on the mat.\n" * (2 * 1024 * 1024 // 24) + GARBLED.encode()  # > 2 MiB
    done = namecheck("-", "--max-size", "2", stdin=data)
    assert done.returncode == 2
    assert errors_of(done.stderr) == [
        "namecheck: error: <stdin>: over the 2 MiB size limit (more than that); not checked "
        "(split it or raise --max-size)"
    ]
    assert namecheck("-", "--max-size", "3", "-f", "concise", stdin=data).returncode == 1


def test_the_default_limit_and_max_size() -> None:
    assert MAX_BYTES == 16 * 1024 * 1024
    done = namecheck("-", "--max-size", "0.00001", stdin=GARBLED.encode())
    assert done.returncode == 2 and "size limit" in done.stderr


def test_the_huge_file_limit_applies_before_reading(tmp_path: Path) -> None:
    """A sparse 200 MB file: refused from its size alone, so nothing is read."""
    path = tmp_path / "sparse.txt"
    with path.open("wb") as out:
        out.truncate(200 * 1024 * 1024)
    with pytest.raises(InputError, match=r"\(200 MiB\)"):
        read(str(path))


@pytest.mark.slow
@pytest.mark.parametrize(
    ("name", "build", "found"),
    [
        # 10,000 nested elements, the garble at the bottom
        ("deep.html", lambda: "<div>" * 10_000 + GARBLED + "</div>" * 10_000, 1),
        ("deep-inline.html", lambda: "<b>" * 10_000 + GARBLED + "</b>" * 10_000, 1),
        ("deep-quote.md", lambda: ">" * 10_000 + " " + GARBLED, None),
        ("nested-list.md", lambda: "".join("  " * i + "- x\n" for i in range(40)) + "\n" + GARBLED,
         1),  # read in full (the commonmark preset dropped everything after 10 levels)
        ("deep-list.md", lambda: "".join("  " * i + "- x\n" for i in range(2_000)) + GARBLED,
         None),
        ("deep-brackets.md", lambda: "[" * 10_000 + GARBLED + "]" * 10_000, 1),
        ("deep-emphasis.md", lambda: "*" * 10_000 + GARBLED + "*" * 10_000, 1),
        ("list.md", lambda: "".join(f"- item {i}\n" for i in range(100_000)) + "\n" + GARBLED, 1),
    ],
)
def test_deep_and_long_markup_is_read(
    checker: Checker, name: str, build: Callable[[], str], found: int | None
) -> None:
    """Deep nesting never overflows a stack; huge lists are read in full."""
    text = build()
    findings = checker.check_text(text, name)
    assert all(text[f.start : f.end] == f.found for f in findings)
    if found is not None:  # (past 100 levels markdown-it stops reading: a known limit)
        assert [f.found for f in findings] == ["Mitchell Bacelet"] * found
