"""Writing a fixed file back without ever losing data.

The new bytes go to a temporary file in the same folder (same filesystem, so the
final rename is atomic), are flushed to disk, get the original's mode and owner,
and replace the original with :func:`os.replace` only after checking that the
file on disk still holds exactly the bytes that were checked (or already holds
the fixed bytes: a parallel run, such as a second pre-commit hook, got there
first, and the two runs agree). A crash or a kill at any point leaves either the
old file or the new one, never half of each; a failure that Python sees removes
the temporary file.

Content, not mtime, decides "unchanged": mtimes are coarse on some filesystems
and editors rewrite files without changing them. Encoding the checked text
again must give the bytes on disk (same codec, same BOM), which is also the
proof that the round trip through text is lossless; line endings survive
because text is never newline-translated.
"""

from __future__ import annotations

import codecs
import contextlib
import os
import stat
import tempfile

from namecheck.errors import NamecheckError
from namecheck.files import Source

TEMP_SUFFIX = ".namecheck-tmp"  # temporary files are hidden (leading dot): never checked


def encode(source: Source, text: str) -> bytes:
    """``text`` as the bytes of a file read as ``source`` (same codec and BOM)."""
    codec = codecs.lookup(source.encoding).name
    if codec == "utf-8-sig":  # the codec writes its own BOM
        return text.encode(codec)
    data = text.encode(codec)
    return codecs.BOM_UTF8 + data if source.bom and codec == "utf-8" else data


def write_text(source: Source, text: str) -> None:
    """Replace ``source``'s file with ``text``; refuse if it changed since it was read.

    Raises :class:`NamecheckError` naming the file for every refusal or failure.
    """
    path = source.path
    target = os.path.realpath(path)  # rewrite a symlink's target, not the link
    try:
        expected = encode(source, source.text)
        data = encode(source, text)
    except UnicodeEncodeError as exc:
        raise NamecheckError(
            f"not fixed: {exc.object[exc.start : exc.end]!r} cannot be written in "
            f"{source.encoding}",
            path,
        ) from None
    try:
        info = os.stat(target)
    except OSError as exc:
        raise NamecheckError(f"not fixed: cannot access: {exc.strerror}", path) from None
    if info.st_nlink > 1:
        raise NamecheckError(
            f"not fixed: the file has {info.st_nlink} hard links, which replacing it would "
            "break; fix it by hand",
            path,
        )
    folder, name = os.path.split(target)
    try:
        handle, temp = tempfile.mkstemp(prefix=f".{name}.", suffix=TEMP_SUFFIX, dir=folder)
    except OSError as exc:
        raise NamecheckError(f"not fixed: cannot create a file next to it: {exc.strerror}",
                             path) from None  # fmt: skip
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            _copy_owner_and_mode(out.fileno(), info)
            os.fsync(out.fileno())
        if _check_unchanged(target, expected, data, path):
            os.replace(temp, target)
        else:  # a parallel run (two pre-commit hooks) wrote the same fix first
            os.unlink(temp)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        if isinstance(exc, OSError):
            raise NamecheckError(f"not fixed: cannot write: {exc.strerror}", path) from None
        raise
    _sync_folder(folder)


def _copy_owner_and_mode(handle: int, info: os.stat_result) -> None:
    if (info.st_uid, info.st_gid) != (os.geteuid(), os.getegid()):
        with contextlib.suppress(OSError):  # only root may give a file away; keep trying mode
            os.fchown(handle, info.st_uid, info.st_gid)
    os.fchmod(handle, stat.S_IMODE(info.st_mode))


def _check_unchanged(target: str, expected: bytes, data: bytes, path: str) -> bool:
    """True if the file still holds ``expected``; False if it already holds ``data``."""
    try:
        with open(target, "rb") as current:
            now = current.read(max(len(expected), len(data)) + 1)
    except OSError as exc:
        raise NamecheckError(f"not fixed: cannot read it again: {exc.strerror}", path) from None
    if now == expected:
        return True
    if now == data:
        return False
    raise NamecheckError(
        "not fixed: the file changed since it was checked (or does not re-encode "
        "byte for byte); run namecheck again",
        path,
    )


def _sync_folder(folder: str) -> None:
    """Make the rename itself durable (best effort: not every platform can open a folder)."""
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass
    finally:
        os.close(handle)
