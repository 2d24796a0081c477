"""Finding the files to check and reading them into text, one error per bad file.

Nothing here raises for a single bad file: each problem becomes an
:class:`~namecheck.errors.InputError` naming the file, and the run goes on.
"""

from __future__ import annotations

import codecs
import os
import stat
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import NamedTuple, Protocol

from namecheck.errors import InputError

DEFAULT_EXTENSIONS = (".txt", ".md", ".markdown", ".html", ".htm", ".xlf", ".xliff", ".po", ".tmx")
# Checking holds about 30 bytes of working memory per byte of text (tokens, runs,
# candidates) and runs at ~1 MB/s, so bigger files are refused with a message,
# not read: 16 MiB (a long book) needs ~0.5 GB. ``--max-size`` raises the limit.
MAX_BYTES = 16 * 1024 * 1024
STDIN = "-"


class Source(NamedTuple):
    """A decoded file: its text, plus what a fix needs to write it back unchanged."""

    path: str
    text: str
    encoding: str = "utf-8"
    bom: bool = False


class PathFilter(Protocol):
    """Which files a run takes (config ``include``/``exclude``, ``.gitignore``)."""

    def walked(self, path: str, is_dir: bool) -> bool:
        """Take (or descend into) a file or folder found by walking a folder."""
        ...

    def named(self, path: str) -> bool:
        """Take a file named on the command line."""
        ...


def discover(
    paths: Sequence[str],
    extensions: Sequence[str] = DEFAULT_EXTENSIONS,
    keep: PathFilter | None = None,
) -> Iterator[str | InputError]:
    """Files named or found under directories (sorted, hidden folders skipped).

    Without ``keep``, walks take the files with one of ``extensions``.
    """
    for name in paths:
        if name == STDIN:
            yield STDIN
            continue
        path = Path(name)
        try:
            info = path.stat()
        except FileNotFoundError:
            yield InputError("no such file or directory", name)
            continue
        except OSError as exc:
            yield InputError(f"cannot access: {exc.strerror}", name)
            continue
        if stat.S_ISDIR(info.st_mode):
            yield from _walk(path, extensions, keep)
        elif keep is None or keep.named(name):
            yield name


def _walk(
    root: Path, extensions: Sequence[str], keep: PathFilter | None
) -> Iterator[str | InputError]:
    errors: list[InputError] = []

    def on_error(exc: OSError) -> None:
        errors.append(InputError(f"cannot list directory: {exc.strerror}", str(exc.filename)))

    found: list[str] = []
    for folder, dirs, names in os.walk(root, onerror=on_error):
        dirs[:] = sorted(
            d for d in dirs
            if not d.startswith(".") and (not keep or keep.walked(os.path.join(folder, d), True))
        )  # fmt: skip
        for name in names:
            path = os.path.join(folder, name)
            if name.startswith("."):
                continue
            if keep.walked(path, False) if keep else name.lower().endswith(tuple(extensions)):
                found.append(path)
    yield from errors
    yield from sorted(found)


def decode(data: bytes, path: str, encoding: str | None = None) -> Source:
    """Bytes → text; UTF-8 (with or without BOM) unless an encoding is given."""
    if encoding:
        try:
            bom = encoding.lower().replace("-", "").replace("_", "") == "utf8sig"
            return Source(path, data.decode(encoding), encoding, bom)
        except LookupError:
            raise InputError(f"unknown encoding '{encoding}'", path) from None
        except UnicodeDecodeError as exc:
            raise InputError(f"cannot decode as {encoding}: {exc.reason}", path) from None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise InputError("file is UTF-16; convert it to UTF-8 or pass --encoding utf-16", path)
    bom = data.startswith(codecs.BOM_UTF8)
    if b"\x00" in data[:8192]:
        if (layout := _utf16_without_bom(data[:8192])) is not None:
            raise InputError(f"file looks like UTF-16 without a byte-order mark; convert it "
                             f"to UTF-8 or pass --encoding {layout}", path)  # fmt: skip
        raise InputError("binary file (contains NUL bytes); not checked", path)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "convert it to UTF-8 or pass --encoding",
            path,
        ) from None
    return Source(path, text, "utf-8", bom)


def _utf16_without_bom(head: bytes) -> str | None:
    """``utf-16-le``/``-be`` when NULs sit at every other byte, as in mostly-ASCII UTF-16."""
    pairs = len(head) // 2
    if pairs < 2:
        return None
    for layout, nul_at in (("utf-16-le", 1), ("utf-16-be", 0)):
        if sum(head[2 * i + nul_at] == 0 for i in range(pairs)) >= 0.7 * pairs:
            return layout
    return None


def too_big(size: int | None, max_bytes: int, path: str) -> InputError:
    """The refusal of a file of ``size`` bytes (None: a stream that went on past the limit)."""
    shown = "more than that" if size is None else _size(size)
    return InputError(f"over the {_size(max_bytes)} size limit ({shown}); not checked "
                      "(split it or raise --max-size)", path)  # fmt: skip


def _size(size: int) -> str:
    mib = 1024 * 1024
    return f"{size / mib:.3g} MiB" if size >= mib else f"{size} bytes"


def decode_limited(data: bytes, path: str, encoding: str | None, max_bytes: int) -> Source:
    """:func:`decode` for data read with ``read(max_bytes + 1)``: longer means too big."""
    if len(data) > max_bytes:
        raise too_big(None, max_bytes, path)
    return decode(data, path, encoding)


def read(path: str, encoding: str | None = None, max_bytes: int = MAX_BYTES) -> Source:
    """Read and decode one file; every failure is an InputError naming it.

    The file is opened non-blocking and then inspected through its handle, so a
    path swapped for a FIFO after discovery is refused instead of hanging the run.
    """
    try:
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with open(handle, "rb") as stream:
            info = os.fstat(handle)
            if stat.S_ISDIR(info.st_mode):
                raise InputError("is a directory", path)
            if not stat.S_ISREG(info.st_mode):
                raise InputError("not a regular file (a FIFO, device or socket); not checked",
                                 path)  # fmt: skip
            if info.st_size > max_bytes:
                raise too_big(info.st_size, max_bytes, path)
            data = stream.read(max_bytes + 1)  # a file growing as we read stops here
    except InputError:
        raise
    except FileNotFoundError:
        raise InputError("file disappeared before it could be read", path) from None
    except IsADirectoryError:
        raise InputError("is a directory", path) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", path) from None
    return decode_limited(data, path, encoding, max_bytes)
