"""A batch run: discover → read → check → (fix) → collect. Shared by the CLI and hooks.

One bad file never stops the others: its error is collected and the run goes
on. Large runs are spread over worker processes (``jobs``); results come back
in input order, so the report is identical to a serial run's.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

from namecheck.checker import Checker
from namecheck.config import Config
from namecheck.engines import Engines
from namecheck.errors import InputError, NamecheckError
from namecheck.files import MAX_BYTES, STDIN, Source, decode_limited, discover, read
from namecheck.model import Finding
from namecheck.report import RunResult
from namecheck.suppress import kept

if TYPE_CHECKING:
    from namecheck.fix import FixPolicy

# Below this many files, starting worker processes costs more than it saves.
PARALLEL_MIN_FILES = 64


class RunOptions(NamedTuple):
    """How a run reads, checks and fixes its files (a NamedTuple: see namecheck.model)."""

    encoding: str | None = None
    stdin_filename: str = "<stdin>"
    max_bytes: int = MAX_BYTES
    jobs: int = 0  # 0: one per core
    fix: FixPolicy | None = None  # apply fixes with this policy
    diff: bool = False  # with ``fix``: collect diffs instead of writing files


@dataclass
class FileOutcome:
    """What one file produced; ``text`` (as it now stands) is kept only when needed."""

    path: str
    findings: list[Finding] = field(default_factory=list)
    error: InputError | None = None  # the file could not be read: not checked
    text: str = ""
    fixed: list[Finding] = field(default_factory=list)
    diff: str = ""
    write_error: NamecheckError | None = None  # checked, but its fix was not written


def load_source(name: str, options: RunOptions) -> Source:
    if name == STDIN:
        data = sys.stdin.buffer.read(options.max_bytes + 1)
        return decode_limited(data, options.stdin_filename, options.encoding, options.max_bytes)
    return read(name, options.encoding, options.max_bytes)


def check_source(
    checker: Checker, text: str, path: str, config: Config | None = None
) -> list[Finding]:
    """Findings for one document, minus what its config and its comments suppress."""
    findings = checker.check_text(text, path)
    if config is None:
        return kept(findings, text)
    return kept(findings, text, config.rules, config.allow)


def check_file(engines: Engines | Checker, name: str, options: RunOptions) -> FileOutcome:
    """Read, check and (with a fix policy) fix one file; never raises for bad input."""
    if isinstance(engines, Checker):
        engines = Engines(checker=engines)
    checker, config = engines.for_path(options.stdin_filename if name == STDIN else name)
    try:
        source = load_source(name, options)
    except InputError as exc:
        return FileOutcome(name, error=exc)

    def check(text: str) -> list[Finding]:
        return check_source(checker, text, source.path, config)

    outcome = FileOutcome(source.path, check(source.text))
    if options.fix is not None and outcome.findings:
        _fix(check, source, options.fix, options.diff, outcome)
    if outcome.findings and not outcome.text:
        outcome.text = source.text
    return outcome


def _fix(
    check: Callable[[str], list[Finding]],
    source: Source,
    policy: FixPolicy,
    diff: bool,
    outcome: FileOutcome,
) -> None:
    """Fix one file (or diff it); leaves the findings that remain in ``outcome``."""
    from namecheck.fix import fix_text, unified_diff  # only with --fix or --diff
    from namecheck.write import write_text

    fixed = fix_text(check, source.text, policy, outcome.findings)
    if not fixed.applied:
        return
    if diff:
        outcome.diff = unified_diff(source.path, source.text, fixed.text)
    else:
        try:
            write_text(source, fixed.text)
        except NamecheckError as exc:
            outcome.write_error = exc
            return
        outcome.text = fixed.text
    outcome.fixed = list(fixed.applied)
    outcome.findings = list(fixed.remaining)


def run(engines: Engines | Checker, paths: Sequence[str], options: RunOptions) -> RunResult:
    """Check ``paths``; with a bare Checker, no config file is read.

    Every file's config and Checker is resolved before any file is checked (or
    fixed), so a bad config stops the run before it has changed anything.
    """
    if isinstance(engines, Checker):
        engines = Engines(checker=engines)
    result = RunResult()
    items = list(discover(paths, keep=engines if engines.filters else None))
    names = [item for item in items if isinstance(item, str)]
    result.errors.extend(item for item in items if isinstance(item, InputError))
    for name in names:
        engines.for_path(options.stdin_filename if name == STDIN else name)
    for outcome in _outcomes(engines, names, options):
        if outcome.error is not None:
            result.errors.append(outcome.error)
            continue
        result.files_checked += 1
        result.findings.extend(outcome.findings)
        result.fixed.extend(outcome.fixed)
        if outcome.diff:
            result.diffs.append(outcome.diff)
        if outcome.write_error is not None:
            result.errors.append(outcome.write_error)
        if outcome.text:
            result.sources[outcome.path] = outcome.text
    return result


def jobs_for(requested: int, files: int) -> int:
    """How many worker processes a run of ``files`` files should use."""
    jobs = requested or os.cpu_count() or 1
    return 1 if files < PARALLEL_MIN_FILES else max(1, jobs)


def _outcomes(engines: Engines, names: list[str], options: RunOptions) -> Iterator[FileOutcome]:
    jobs = jobs_for(options.jobs, len(names))
    if jobs == 1 or STDIN in names:
        for name in names:
            yield check_file(engines, name, options)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # fork shares the compiled gazetteers with the workers copy-on-write;
    # elsewhere the engines (configs and checkers) are pickled once per worker.
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    context = multiprocessing.get_context(method)
    chunk = max(1, min(64, len(names) // (jobs * 8)))
    with ProcessPoolExecutor(
        jobs, mp_context=context, initializer=_init_worker, initargs=(engines, options)
    ) as pool:
        yield from pool.map(_check_in_worker, names, chunksize=chunk)


_worker: tuple[Engines, RunOptions] | None = None


def _init_worker(engines: Engines, options: RunOptions) -> None:
    global _worker
    _worker = (engines, options)


def _check_in_worker(name: str) -> FileOutcome:
    assert _worker is not None
    engines, options = _worker
    return check_file(engines, name, options)
