"""Faults: a fix killed at any step, a full disk, parallel --fix runs, a broken cache.

(tests/test_write.py covers the byte-exact round trip and the refusals; these
add the failures from outside: signals, ENOSPC at each call, other processes.)
"""

from __future__ import annotations

import os
import pickle
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from namecheck import cache
from namecheck.checker import Checker
from namecheck.errors import NamecheckError
from namecheck.files import read
from namecheck.fix import FixPolicy
from namecheck.index import CompiledGazetteer
from namecheck.runner import RunOptions, run
from namecheck.write import TEMP_SUFFIX, write_text
from tests.conftest import ROOT

BEFORE = "Commissioner Mitchell Bacelet said\r\nthat " * 50
AFTER = "Commissioner Michelle Bachelet said\r\nthat " * 50
GAZETTEER = "entities:\n- name: Michelle Bachelet\n  kind: person\n"

# Kill the process inside each system call of write_text, in order.
KILL_AT = """
import os, signal, sys, tempfile
import namecheck.write as w
from namecheck.files import read
step = sys.argv[3]
def die(*args, **kwargs):
    os.kill(os.getpid(), signal.SIGKILL)
real_write = os.write
if step == "mkstemp":
    real = tempfile.mkstemp
    def mkstemp(*a, **k):
        real(*a, **k); die()
    w.tempfile.mkstemp = mkstemp
elif step == "half-written":
    import io
    real_open = os.fdopen
    class Half(io.FileIO):
        def write(self, data):
            super().write(data[: len(data) // 2]); os.fsync(self.fileno()); die()
    w.os.fdopen = lambda fd, mode: Half(fd, "wb")
elif step == "after-replace":
    real_replace = os.replace
    def replace(src, dst):
        real_replace(src, dst); die()
    w.os.replace = replace
else:
    setattr(w.os, step, die)
w.write_text(read(sys.argv[1]), sys.argv[2])
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals")
@pytest.mark.parametrize("step", ["mkstemp", "half-written", "fchmod", "fsync", "replace",
                                  "after-replace"])  # fmt: skip
def test_a_kill_at_any_step_leaves_the_old_or_the_new_file(tmp_path: Path, step: str) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(BEFORE.encode())
    done = subprocess.run([sys.executable, "-c", KILL_AT, str(path), AFTER, step], cwd=ROOT,
                          capture_output=True, timeout=60)  # fmt: skip
    assert done.returncode == -signal.SIGKILL, done.stderr
    content = path.read_bytes()
    assert content == (AFTER if step == "after-replace" else BEFORE).encode()
    # What a kill leaves behind is hidden (never checked) and never the file itself.
    for leftover in tmp_path.iterdir():
        assert leftover == path or (leftover.name.startswith(".a.txt.")
                                    and leftover.name.endswith(TEMP_SUFFIX))  # fmt: skip


class FullDisk(Exception):
    pass


@pytest.mark.parametrize("call", ["write", "flush", "fchmod", "fsync", "replace", "mkstemp"])
def test_a_full_disk_at_any_call_leaves_the_original_and_no_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, call: str
) -> None:
    import io

    import namecheck.write as w

    path = tmp_path / "a.txt"
    path.write_bytes(BEFORE.encode())
    source = read(str(path))

    def no_space(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    if call in ("write", "flush"):

        class Failing(io.FileIO):
            pass

        setattr(Failing, call, no_space)
        monkeypatch.setattr(w.os, "fdopen", lambda fd, mode: Failing(fd, "wb"))
    elif call == "mkstemp":
        monkeypatch.setattr(w.tempfile, "mkstemp", no_space)
    else:
        monkeypatch.setattr(w.os, call, no_space)
    with pytest.raises(NamecheckError, match="No space left on device") as error:
        write_text(source, AFTER)
    assert error.value.path == str(path) and str(error.value).startswith(f"{path}: not fixed")
    assert path.read_bytes() == BEFORE.encode()
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]


def test_a_failed_write_is_reported_and_the_other_files_are_fixed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, checker: Checker
) -> None:
    import namecheck.write as w

    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_bytes(BEFORE.encode())
    real_replace = os.replace

    def fail_for_b(src: str, dst: str) -> None:
        if dst.endswith("b.txt"):
            raise OSError(30, "Read-only file system")
        real_replace(src, dst)

    monkeypatch.setattr(w.os, "replace", fail_for_b)
    result = run(checker, [str(tmp_path)], RunOptions(jobs=1, fix=FixPolicy()))
    assert [str(e) for e in result.errors] == [
        f"{tmp_path / 'b.txt'}: not fixed: cannot write: Read-only file system"]
    assert (tmp_path / "a.txt").read_bytes() == AFTER.encode()
    assert (tmp_path / "b.txt").read_bytes() == BEFORE.encode()
    assert (tmp_path / "c.txt").read_bytes() == AFTER.encode()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "b.txt", "c.txt"]


def test_the_same_fix_already_on_disk_counts_as_done(tmp_path: Path) -> None:
    """A parallel run wrote the same fix between this run's read and its write."""
    path = tmp_path / "a.txt"
    path.write_bytes(BEFORE.encode())
    source = read(str(path))
    path.write_bytes(AFTER.encode())
    write_text(source, AFTER)  # no error
    assert path.read_bytes() == AFTER.encode()
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]


@pytest.mark.slow
def test_parallel_fix_runs_never_corrupt_a_file(tmp_path: Path) -> None:
    """Four `namecheck check --fix` over one tree at once, as parallel hooks can run."""
    tree = tmp_path / "tree"
    tree.mkdir()
    names = [f"f{i:02}.md" for i in range(40)]
    for name in names:
        (tree / name).write_bytes(BEFORE.encode())
    gazetteer = tmp_path / "g.yaml"
    gazetteer.write_text(GAZETTEER, encoding="utf-8")
    env = {**os.environ, "NAMECHECK_CACHE_DIR": str(tmp_path / "cache")}
    command = [sys.executable, "-m", "namecheck", "check", "--fix", "-q", "--no-default-gazetteer",
               "-g", str(gazetteer), str(tree)]  # fmt: skip
    logs = [tmp_path / f"run{i}.log" for i in range(4)]
    runs = []
    for log in logs:  # output to files: a full pipe must not stall a run
        with log.open("wb") as out:
            runs.append(subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=out))
    for process, log in zip(runs, logs, strict=True):
        code = process.wait(timeout=300)
        output = log.read_text(encoding="utf-8")
        assert code == 0, output  # each run either fixed a file or found it fixed
        assert "error" not in output
    for name in names:
        assert (tree / name).read_bytes() == AFTER.encode()
    assert sorted(p.name for p in tree.iterdir()) == names  # no temporary file left


# --- the compiled-gazetteer cache --------------------------------------------


@pytest.fixture()
def cached(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, list[Path]]:
    folder = tmp_path / "cache"
    monkeypatch.setenv("NAMECHECK_CACHE_DIR", str(folder))
    monkeypatch.delenv("NAMECHECK_NO_CACHE", raising=False)
    gazetteer = tmp_path / "g.yaml"
    gazetteer.write_text(GAZETTEER, encoding="utf-8")
    return folder, [gazetteer]


def _cache_file(folder: Path, paths: list[Path]) -> Path:
    return folder / f"gazetteer-{cache.cache_key(paths)}.pickle"


@pytest.mark.parametrize(
    "corruption",
    [b"", b"not a pickle at all", b"\x80\x05\x95", pickle.dumps({"a": 1}),
     pickle.dumps(CompiledGazetteer([]))[:-20]],
    ids=["empty", "garbage", "truncated-header", "wrong-type", "truncated"],
)  # fmt: skip
def test_a_corrupt_cache_file_is_rebuilt(cached: tuple[Path, list[Path]],
                                         corruption: bytes) -> None:  # fmt: skip
    folder, paths = cached
    target = _cache_file(folder, paths)
    folder.mkdir()
    target.write_bytes(corruption)
    gazetteer = cache.compiled(paths)
    assert [e.name for e in gazetteer.entities] == ["Michelle Bachelet"]
    assert isinstance(pickle.loads(target.read_bytes()), CompiledGazetteer)  # replaced


def test_a_cache_file_in_use_outlives_newer_rebuilds(cached: tuple[Path, list[Path]]) -> None:
    """Pruning keeps the most recently used files: reading one marks it used."""
    folder, paths = cached
    cache.compiled(paths)
    target = _cache_file(folder, paths)
    os.utime(target, (1, 1))  # written long ago
    cache.compiled(paths)  # ... and read now
    assert target.stat().st_mtime > 1


def test_a_cache_that_cannot_be_written_only_costs_a_rebuild(cached: tuple[Path, list[Path]]
                                                             ) -> None:  # fmt: skip
    folder, paths = cached
    folder.write_text("a file where the folder should be", encoding="utf-8")
    assert [e.name for e in cache.compiled(paths).entities] == ["Michelle Bachelet"]


def test_concurrent_cache_writers_leave_a_whole_file(cached: tuple[Path, list[Path]]) -> None:
    folder, paths = cached
    results: list[CompiledGazetteer] = []
    threads = [threading.Thread(target=lambda: results.append(cache.compiled(paths)))
               for _ in range(8)]  # fmt: skip
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert [len(r.entities) for r in results] == [1] * 8
    (only,) = (p for p in folder.iterdir() if not p.name.startswith("stamp-"))  # no temporary
    assert only == _cache_file(folder, paths)
    assert isinstance(pickle.loads(only.read_bytes()), CompiledGazetteer)


def test_concurrent_cache_writers_in_processes(cached: tuple[Path, list[Path]]) -> None:
    folder, paths = cached
    code = ("import sys; from pathlib import Path; from namecheck.cache import compiled; "
            "print(len(compiled([Path(sys.argv[1])]).entities))")  # fmt: skip
    runs = [subprocess.Popen([sys.executable, "-c", code, str(paths[0])], cwd=ROOT,
                             stdout=subprocess.PIPE, env=dict(os.environ))
            for _ in range(4)]  # fmt: skip
    assert [p.communicate(timeout=120)[0] for p in runs] == [b"1\n"] * 4
    cached_files = [p.name for p in folder.iterdir() if not p.name.startswith("stamp-")]
    assert cached_files == [_cache_file(folder, paths).name]  # and no temporary left


# --- the stat stamp: the content key without reading the files ----------------


@pytest.fixture()
def settled(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every file counts as settled (not changed within the racy window)."""
    monkeypatch.setattr(cache, "RACY_NS", -10**10)


def _stamps(folder: Path) -> list[Path]:
    return sorted(folder.glob("stamp-*"))


def test_a_stamp_maps_the_files_stat_to_their_content_key(
    cached: tuple[Path, list[Path]], settled: None
) -> None:
    folder, paths = cached
    cache.compiled(paths)
    (stamp,) = _stamps(folder)
    assert stamp.read_text(encoding="ascii") == cache.cache_key(paths)
    _cache_file(folder, paths).write_bytes(pickle.dumps(CompiledGazetteer([])))
    assert cache.compiled(paths).entities == []  # the stamp led to the cached file


@pytest.mark.parametrize("restore_mtime", [False, True], ids=["edited", "mtime-restored"])
def test_an_edited_gazetteer_never_meets_its_old_stamp(
    cached: tuple[Path, list[Path]], settled: None, restore_mtime: bool
) -> None:
    folder, paths = cached
    assert [e.name for e in cache.compiled(paths).entities] == ["Michelle Bachelet"]
    before = paths[0].stat()
    time.sleep(0.05)  # past the file system's clock tick: the edit gets a new ctime
    paths[0].write_text(GAZETTEER.replace("Bachelet", "Bachelot"), encoding="utf-8")  # same size
    if restore_mtime:  # as rsync -a or tar would
        os.utime(paths[0], ns=(before.st_atime_ns, before.st_mtime_ns))
    assert [e.name for e in cache.compiled(paths).entities] == ["Michelle Bachelot"]
    assert len(_stamps(folder)) == 2


def test_a_file_changed_just_now_is_hashed_not_stamped(cached: tuple[Path, list[Path]]) -> None:
    folder, paths = cached
    cache.compiled(paths)
    assert _stamps(folder) == []
    assert _cache_file(folder, paths).exists()


@pytest.mark.parametrize("content", [b"", b"../../../etc/passwd", b"zz" * 10, b"\xff\xfe"])
def test_a_bad_stamp_is_ignored(
    cached: tuple[Path, list[Path]], settled: None, content: bytes
) -> None:
    folder, paths = cached
    cache.compiled(paths)
    (stamp,) = _stamps(folder)
    stamp.write_bytes(content)
    assert [e.name for e in cache.compiled(paths).entities] == ["Michelle Bachelet"]
