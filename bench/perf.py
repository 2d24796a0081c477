"""Measuring helpers for bench/bench.py: child processes with their peak memory, medians,
the machine the figures come from.

Peak memory is read from ``os.wait4``, per child: the kernel's ``ru_maxrss`` of
that process, or of its largest waited-for descendant (``--jobs`` workers) if
that one was larger. It is never a sum over processes.
"""

from __future__ import annotations

import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Child:
    """One finished child process: wall and CPU seconds, peak resident memory, exit code."""

    wall: float
    cpu: float  # user + system, the child and its waited-for descendants
    max_rss_mb: float
    code: int

    def as_dict(self) -> dict[str, float]:
        return {k: round(v, 4) for k, v in asdict(self).items()}


# Children are started by this small launcher, not forked from the benchmark itself:
# Linux counts the memory a process had before exec() in its ru_maxrss, so a child
# forked from the (large) benchmark process would report the benchmark's size.
_LAUNCHER = """
import os, sys, time
began = time.perf_counter()
pid = os.fork()
if pid == 0:
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), 1)
        os.execvp(sys.argv[1], sys.argv[1:])
    finally:
        os._exit(127)
_, status, usage = os.wait4(pid, 0)
wall = time.perf_counter() - began
code = os.waitstatus_to_exitcode(status)
print(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, code)
"""


def run_child(command: Sequence[str], env: Mapping[str, str], ok: Sequence[int] = (0,)) -> Child:
    """Run ``command`` with its output discarded; raise with its stderr if it failed."""
    with tempfile.TemporaryFile() as errors:
        launcher = [sys.executable, "-S", "-c", _LAUNCHER, *command]
        done = subprocess.run(
            launcher,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=errors,
            env=env,
            check=False,
        )
        errors.seek(0)
        message = errors.read().decode(errors="replace").strip()
    fields = done.stdout.decode().split()
    if done.returncode != 0 or len(fields) != 4 or int(fields[3]) not in ok:
        code = fields[3] if len(fields) == 4 else f"launcher {done.returncode}"
        raise RuntimeError(f"{' '.join(command)} exited {code}: {message[-2000:]}")
    wall, cpu, max_rss_kib, code = fields
    # ru_maxrss is in KiB on Linux
    return Child(float(wall), float(cpu), int(max_rss_kib) / 1024, int(code))


def median_child(run: Callable[[], Child], repeat: int) -> Child:
    """Median wall and CPU time of ``repeat`` runs, with the largest peak memory seen."""
    runs = [run() for _ in range(max(1, repeat))]
    return Child(
        statistics.median(r.wall for r in runs),
        statistics.median(r.cpu for r in runs),
        max(r.max_rss_mb for r in runs),
        runs[-1].code,
    )


def timed(action: Callable[[], T]) -> tuple[float, T]:
    """Seconds ``action`` took, and what it returned."""
    began = time.perf_counter()
    value = action()
    return time.perf_counter() - began, value


def cpu_timed(action: Callable[[], T]) -> tuple[float, float, T]:
    """Wall and CPU seconds of this process for ``action``, and what it returned.

    One-core work is judged on CPU time: on a busy machine the scheduler stretches
    wall time, much less the CPU time the work itself took.
    """
    began, cpu = time.perf_counter(), time.process_time()
    value = action()
    return time.perf_counter() - began, time.process_time() - cpu, value


def clear_caches() -> None:
    """Empty namecheck's ``lru_cache`` memos, so that each measured pass starts as cold as
    a fresh CLI run does (the compiled gazetteer's own per-word memo is fresh per load)."""
    for name, module in list(sys.modules.items()):
        if name == "namecheck" or name.startswith("namecheck."):
            for value in list(vars(module).values()):
                clear = getattr(value, "cache_clear", None)
                if callable(clear):
                    clear()


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def machine() -> dict[str, object]:
    """What the figures were measured on, and how busy it was when the run started."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return {
        "nproc": cores,
        "cpu": cpu_model(),
        "python": platform.python_version(),
        "platform": platform.platform(terse=True),
        "load_average": [round(x, 2) for x in os.getloadavg()],
    }


def busy(load_average: Sequence[float]) -> bool:
    """Was something else running when the bench started? A 1-minute load of half a core
    or more says so (an idle machine sits near 0)."""
    return bool(load_average) and load_average[0] >= 0.5
