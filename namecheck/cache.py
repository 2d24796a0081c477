"""The compiled-gazetteer cache: parse, validate and index YAML once, not on every run.

A pre-commit hook or an editor runs namecheck on every save, so start-up is the
user experience. The compiled gazetteer is pickled into the user cache folder
under a key made of the namecheck version and the content hash of every
gazetteer file; a changed file, a new version or a corrupt cache file simply
leads to a rebuild. Writes are atomic (temporary file, then rename), so
concurrent runs never read a half-written cache.

Hashing 1.5 MB of YAML at every start costs more than the rest of the key, so a
warm start first looks the content key up by the files' ``stat`` (inode, size,
mtime and ctime in nanoseconds, as git's index does): a small ``stamp-*`` file
maps that stat key to the content key. Any write to a file changes its ctime,
so an edited file never meets an old stamp. A file changed within the last few
seconds is "racy" (git's word): a second edit in the same clock tick could keep
every stat field, so no stamp is written for it and the content is hashed.

The cache holds only data namecheck wrote itself, in a folder only its user can
read (mode 0700); a cache file owned by anyone else is never unpickled.
``NAMECHECK_CACHE_DIR`` moves it and ``NAMECHECK_NO_CACHE=1`` disables it.
"""

from __future__ import annotations

import os
import pickle
import time
import zlib
from collections.abc import Callable, Sequence
from contextlib import suppress
from pathlib import Path
from typing import BinaryIO

from namecheck import __version__
from namecheck.collector import loading
from namecheck.index import CompiledGazetteer

FORMAT = 2  # raised when what a compiled gazetteer holds changes (2: name_keys)
KEEP = 8  # compiled gazetteers kept in the cache folder
RACY_NS = 3_000_000_000  # a file changed this recently is hashed, never stamped
Prefer = Sequence[tuple[str, str]]
# The modules whose code shapes a compiled gazetteer: their text is part of the
# key too, so a changed index or normalisation never meets a stale cache.
_HERE = Path(__file__).resolve().parent
_BUILDERS = tuple(
    _HERE / f"{name}.py"
    for name in ("index", "normalize", "gazetteer", "romanize", "similarity", "segment", "model")
)


def cache_dir() -> Path | None:
    """Where compiled gazetteers go, or None when caching is off."""
    if os.environ.get("NAMECHECK_NO_CACHE"):
        return None
    override = os.environ.get("NAMECHECK_CACHE_DIR")
    if override:
        return Path(override)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("namecheck", appauthor=False))


def cache_key(paths: Sequence[Path], prefer: Prefer = ()) -> str:
    """Checksum of the version and each file's name and content.

    CRC-32 and Adler-32 with the lengths (zlib, no OpenSSL import on the start-up
    path): this guards against stale caches after edits, not against an attacker,
    who could write to the cache folder directly anyway.
    """
    key = _key(paths, prefer, _content)
    assert key is not None  # _content describes every file, readable or not
    return key


def _content(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError:
        data = b"\0unreadable"
    return f"{len(data)}:{zlib.crc32(data):08x}:{zlib.adler32(data):08x}"


def _key(
    paths: Sequence[Path], prefer: Prefer, describe: Callable[[Path], str | None]
) -> str | None:
    """Digest of the version, each builder and gazetteer file as ``describe`` sees it
    (None when it cannot say), and the preferred forms."""
    parts = [f"{__version__}/{FORMAT}"]
    for path in (*_BUILDERS, *paths):
        described = describe(path)
        if described is None:
            return None
        parts.append(f"{path}:{described}")
    parts.extend(f"prefer:{entity}={form}" for entity, form in prefer)
    return _digest("\n".join(parts))


def _digest(text: str) -> str:
    data = text.encode()
    return f"{zlib.crc32(data):08x}{zlib.adler32(data):08x}{len(data):x}"


def compiled(paths: Sequence[Path], prefer: Prefer = ()) -> CompiledGazetteer:
    """The compiled gazetteer for these files, with the house-style ``prefer`` forms
    of a config (entity id, form), from the cache when it is fresh."""
    folder = cache_dir()
    if folder is None:
        return _build(paths, prefer)
    target = folder / f"gazetteer-{_content_key(folder, paths, prefer)}.pickle"
    try:
        with open(target, "rb") as handle, loading():
            if not _ours(handle.fileno()):
                raise PermissionError(target)  # never unpickle another user's file
            cached = pickle.load(handle)
        if isinstance(cached, CompiledGazetteer):
            # used now: pruning keeps the most recently touched files, so the
            # gazetteer read at every start is not evicted by other projects' rebuilds
            with suppress(OSError):
                os.utime(target)
            return cached
    except Exception:
        pass
    gazetteer = _build(paths, prefer)
    _store(gazetteer, folder, target)
    return gazetteer


def _content_key(folder: Path, paths: Sequence[Path], prefer: Prefer) -> str:
    """:func:`cache_key`, looked up by the files' stat when a stamp records it."""
    stamp = _stat_key(paths, prefer)
    if stamp is None:
        return cache_key(paths, prefer)
    stamp_file = folder / f"stamp-{stamp}"
    try:
        with open(stamp_file, "rb") as handle:
            key = handle.read(64).decode("ascii")
            if _is_key(key) and _ours(handle.fileno()):
                return key
    except (OSError, UnicodeDecodeError):
        pass
    key = cache_key(paths, prefer)
    if _write(folder, stamp_file, lambda out: out.write(key.encode("ascii"))):
        _prune(folder, "stamp-*", keep=stamp_file, newest=4 * KEEP)
    return key


def _stat_key(paths: Sequence[Path], prefer: Prefer) -> str | None:
    """A key from every file's stat, or None when one is missing or racy."""
    settled = time.time_ns() - RACY_NS

    def stat(path: Path) -> str | None:
        try:
            st = os.stat(path)
        except OSError:
            return None
        if max(st.st_mtime_ns, st.st_ctime_ns) > settled:
            return None
        return f"{st.st_dev}:{st.st_ino}:{st.st_size}:{st.st_mtime_ns}:{st.st_ctime_ns}"

    return _key(paths, prefer, stat)


def _is_key(text: str) -> bool:
    return 16 < len(text) <= 32 and all(c in "0123456789abcdef" for c in text)


def _ours(descriptor: int) -> bool:
    """Whether the open cache file belongs to this user: a pickle can run code, so a
    file someone else could have written is rebuilt, never loaded."""
    getuid = getattr(os, "getuid", None)
    return getuid is None or os.fstat(descriptor).st_uid == getuid()


def _build(paths: Sequence[Path], prefer: Prefer) -> CompiledGazetteer:
    from namecheck.gazetteer import load, with_preferred

    with loading():
        entities = load(paths)
        return CompiledGazetteer(with_preferred(entities, dict(prefer)) if prefer else entities)


def _store(gazetteer: CompiledGazetteer, folder: Path, target: Path) -> None:
    if _write(folder, target, lambda out: pickle.dump(gazetteer, out, pickle.HIGHEST_PROTOCOL)):
        _prune(folder, "gazetteer-*.pickle", keep=target)


def _write(folder: Path, target: Path, write: Callable[[BinaryIO], object]) -> bool:
    """Write atomically; a read-only or full disk only costs the next run a rebuild."""
    # Imported here: a warm start writes nothing (tempfile and random cost 1.5 ms,
    # when NAMECHECK_CACHE_DIR spares the import of platformdirs, which needs them).
    import tempfile

    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{target.stem}-", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as out:
                write(out)
            os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        return True
    except OSError:
        return False


def _prune(folder: Path, pattern: str, keep: Path, newest: int = KEEP) -> None:
    """Remove all but the most recently used few compiled gazetteers or stamps (other
    gazetteer sets may be in use by other projects, so a few are kept)."""
    try:
        files = sorted(folder.glob(pattern), key=lambda p: p.stat().st_mtime)
        for old in files[:-newest]:
            if old != keep:
                old.unlink(missing_ok=True)
    except OSError:
        return
