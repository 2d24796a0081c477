"""A batch run: discover → read → check → collect. Shared by the CLI and hooks.

One bad file never stops the others: its error is collected and the run goes on.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass

from namecheck.checker import Checker
from namecheck.errors import InputError
from namecheck.files import MAX_BYTES, STDIN, Source, decode, discover, read
from namecheck.report import RunResult


@dataclass(frozen=True)
class RunOptions:
    encoding: str | None = None
    stdin_filename: str = "<stdin>"
    max_bytes: int = MAX_BYTES


def load_source(name: str, options: RunOptions) -> Source:
    if name == STDIN:
        data = sys.stdin.buffer.read(options.max_bytes + 1)
        return decode(data, options.stdin_filename, options.encoding)
    return read(name, options.encoding, options.max_bytes)


def run(checker: Checker, paths: Sequence[str], options: RunOptions) -> RunResult:
    result = RunResult()
    for item in discover(paths):
        if isinstance(item, InputError):
            result.errors.append(item)
            continue
        try:
            source = load_source(item, options)
        except InputError as exc:
            result.errors.append(exc)
            continue
        result.files_checked += 1
        result.sources[source.path] = source.text
        result.findings.extend(checker.check_text(source.text, source.path))
    return result
