#!/usr/bin/env python3
"""How fast namecheck is, at every scale: one run, the same inputs, every figure.

1. throughput (MB/s) on the BBC corpus with the shipped gazetteer and synthetic ones,
   in-process on one core (``Checker.check_text`` over texts already in memory) next to
   an exact-match Aho-Corasick baseline over the same gazetteer's forms, and through
   the CLI (``namecheck check --jobs 1`` and ``--jobs 2``, wall time);
2. time per MB as the gazetteer grows from 1,000 to 10,000 to 100,000 entities;
3. start-up of ``namecheck check`` on a short Markdown file, cold and warm cache, next
   to ``python -c pass`` and to importing the design card's libraries alone (typer,
   markdown-it-py, rapidfuzz, unidecode): the floor of any start-up with them;
4. peak memory (max RSS) of every child process, and compiled-gazetteer load times.

Each figure is printed next to its target (PASS/FAIL), and a Markdown block for the
README closes the run. Needs the bench extra: ``pip install -e '.[bench]'``.

    python bench/bench.py                  # the full run (a few minutes)
    python bench/bench.py --quick --skip-100k   # a smoke run on a sample
    python bench/bench.py --json > perf.json
"""

from __future__ import annotations

import argparse
import gc
import importlib.util
import json
import os
import shutil
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a script: make the ``bench`` package importable

from bench import synthetic
from bench.datasets import load_articles
from bench.eval import default_shared
from bench.perf import (
    Child,
    busy,
    clear_caches,
    cpu_timed,
    machine,
    median_child,
    run_child,
    timed,
)
from bench.perf_report import render_markdown, render_tables, targets
from namecheck import collector
from namecheck.checker import Checker

SIZES = (1_000, 10_000, 100_000)
QUICK_DOCS = 120  # articles in a --quick run, spread over the corpus
SHORT_MD = "# Visit\n\nMichelle Bachelet met *Volodymyr Zelensky* in Kyiv on Monday.\n"


@dataclass(frozen=True)
class Gazetteer:
    """A gazetteer under test: the shipped one, or a synthetic file used alone."""

    name: str
    file: Path | None = None  # None: the shipped gazetteer

    def checker(self) -> Checker:
        if self.file is None:
            return Checker.from_paths()
        return Checker.from_paths([self.file], default=False)

    @property
    def cli_args(self) -> list[str]:
        return (
            [] if self.file is None else ["--no-default-gazetteer", "--gazetteer", str(self.file)]
        )


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    p.add_argument(
        "--shared",
        type=Path,
        default=default_shared(),
        help="the shared data folder (default: ../shared, or ../../shared)",
    )
    p.add_argument(
        "--repeat",
        type=int,
        default=5,
        help="runs per start-up figure; the median is shown (default 5)",
    )
    p.add_argument(
        "--rounds",
        type=int,
        default=3,
        help="rounds of every throughput figure; the fastest in-process round and the "
        "median CLI run are shown, since a busy host only ever slows a round (default 3)",
    )
    p.add_argument(
        "--quick",
        action="store_true",
        help=f"a smoke run: {QUICK_DOCS} articles instead of the whole corpus",
    )
    p.add_argument(
        "--skip-100k",
        action="store_true",
        help="leave out the 100,000-entity gazetteer (its first build takes a minute)",
    )
    p.add_argument("--json", action="store_true", help="print one JSON object instead of tables")
    return p.parse_args(argv)


def namecheck_command() -> list[str]:
    """The console script beside this interpreter, as users run it; else ``python -m``."""
    script = Path(sys.executable).parent / "namecheck"
    return [str(script)] if script.exists() else [sys.executable, "-m", "namecheck"]


def in_process(
    gazetteers: Sequence[Gazetteer],
    docs: list[tuple[str, str]],
    megabytes: float,
    with_baseline: bool,
    rounds: int,
) -> list[dict[str, object]]:
    """Load times (cold: YAML to index, stored; warm: from the cache) and one-core
    throughput of namecheck and the exact baseline for every gazetteer.

    Each figure is the fastest of ``rounds`` passes, each namecheck pass as cold as a
    fresh CLI run (a freshly loaded gazetteer, empty memos). The rounds are
    interleaved, one pass of every system on every gazetteer per round: on a shared
    host a slow spell then slows one round of each, not every round of one, so the
    ratios between them hold even when the figures move.
    """
    from bench.baseline import ExactBaseline

    rows: list[dict[str, object]] = []
    passes: list[tuple[dict[str, object], Callable[[], tuple[float, float, object]]]] = []
    for gazetteer in gazetteers:
        cold, _ = timed(gazetteer.checker)
        warm, loaded = timed(gazetteer.checker)
        entities = loaded.gazetteer.entities
        row: dict[str, object] = {
            "gazetteer": gazetteer.name,
            "entities": len(entities),
            "load_cold_s": round(cold, 3),
            "load_warm_s": round(warm, 3),
        }
        rows.append(row)
        passes.append((row, partial(_cold_pass, gazetteer, docs)))
        if with_baseline:
            row["baseline"] = {}
            for folding in ExactBaseline.FOLDS:
                build, automaton = timed(partial(ExactBaseline, entities, folding))
                figures: dict[str, object] = {"forms": automaton.forms, "build_s": round(build, 3)}
                row["baseline"][folding] = figures  # type: ignore[index]
                passes.append((figures, partial(cpu_timed, partial(_count_hits, automaton, docs))))
    best: dict[int, tuple[float, float, object]] = {}
    for _ in range(max(1, rounds)):
        for number, (_, one_pass) in enumerate(passes):
            result = one_pass()
            if number not in best or result[1] < best[number][1]:
                best[number] = result
    for number, (figures, _) in enumerate(passes):
        wall, cpu, hits = best[number]
        figures.update({"wall_s": round(wall, 3), "cpu_s": round(cpu, 3)})
        figures["mb_per_s"] = round(megabytes / cpu, 3)
        if "forms" in figures:
            figures["hits"] = hits
        else:
            figures["s_per_mb"] = round(cpu / megabytes, 3)
    return rows


def _cold_pass(gazetteer: Gazetteer, docs: list[tuple[str, str]]) -> tuple[float, float, object]:
    """One namecheck pass over every text, as cold as a fresh CLI run."""
    checker = gazetteer.checker()
    clear_caches()
    gc.collect()
    return cpu_timed(lambda: [checker.check_text(text, name) for name, text in docs])


def _count_hits(automaton: Any, docs: list[tuple[str, str]]) -> int:
    """Whole-word hits of an :class:`bench.baseline.ExactBaseline` over every text."""
    return sum(automaton.count(text) for _, text in docs)


def through_cli(
    gazetteer: Gazetteer,
    jobs: int,
    paths: list[str],
    megabytes: float,
    env: dict[str, str],
    rounds: int,
) -> dict[str, object]:
    command = [*namecheck_command(), "check", "--jobs", str(jobs), *gazetteer.cli_args, *paths]
    # exit 1: names to check were found
    child = median_child(lambda: run_child(command, env, ok=(0, 1)), rounds)
    return {
        "gazetteer": gazetteer.name,
        "jobs": jobs,
        **child.as_dict(),
        "mb_per_s": round(megabytes / child.wall, 3),
    }


# What `namecheck check` on a Markdown file cannot start without (the design card's choice).
LIBRARIES = ("typer", "markdown_it", "rapidfuzz.distance", "unidecode")
LIBRARIES_ALONE = "python: import libraries"


def start_up(work: Path, env: dict[str, str], repeat: int) -> dict[str, dict[str, float]]:
    """``namecheck check`` on a short Markdown file, cold and warm; bare Python; and
    Python importing the libraries the check needs, which no code of ours can undercut."""
    short = work / "short.md"
    short.write_text(SHORT_MD, encoding="utf-8")
    command = [*namecheck_command(), "check", str(short)]

    def cold() -> Child:  # a fresh, empty cache folder for every run
        return run_child(
            command, {**env, "NAMECHECK_CACHE_DIR": tempfile.mkdtemp(dir=work)}, (0, 1)
        )

    warm_env = {**env, "NAMECHECK_CACHE_DIR": str(work / "warm-cache")}
    run_child(command, warm_env, (0, 1))  # fills the warm cache
    runs = {
        "python -c pass": median_child(
            lambda: run_child([sys.executable, "-c", "pass"], env), repeat
        ),
        LIBRARIES_ALONE: median_child(
            lambda: run_child([sys.executable, "-c", f"import {', '.join(LIBRARIES)}"], env),
            repeat,
        ),
        "namecheck cold": median_child(cold, repeat),
        "namecheck warm": median_child(lambda: run_child(command, warm_env, (0, 1)), repeat),
    }
    return {name: child.as_dict() for name, child in runs.items()}


def measure(args: argparse.Namespace, corpus: Path, work: Path) -> dict[str, object]:
    articles = load_articles(corpus)
    if args.quick:
        articles = articles[:: max(1, len(articles) // QUICK_DOCS)][:QUICK_DOCS]
    megabytes = sum(len(text.encode("utf-8")) for _, text in articles) / 1e6
    paths = [str(corpus / name) for name, _ in articles] if args.quick else [str(corpus)]
    sizes = [n for n in SIZES if n < 100_000 or not args.skip_100k]
    gazetteers = [Gazetteer("shipped")] + [
        Gazetteer(f"synthetic {n:,}", synthetic.write(work / f"synthetic-{n}.yaml", n, seed=1))
        for n in sizes
    ]
    # Children cache their bytecode, as an installed package does: with
    # PYTHONDONTWRITEBYTECODE set, every start would recompile namecheck's modules.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["NO_COLOR"] = "1"
    report: dict[str, object] = {
        "corpus": {"files": len(articles), "megabytes": round(megabytes, 3), "quick": args.quick},
        "repeat": args.repeat,
        "rounds": args.rounds,
        "sizes": sizes,
    }
    with_baseline = _has_ahocorasick()
    report["baseline_available"] = with_baseline
    collector.for_batch()  # the in-process passes collect garbage as the CLI does
    report["in_process"] = in_process(gazetteers, articles, megabytes, with_baseline, args.rounds)
    gc.collect()
    cli_runs = [(gazetteers[0], 1), (gazetteers[0], 2)]
    if not args.skip_100k:
        cli_runs += [(gazetteers[-1], 1), (gazetteers[-1], 2)]
    report["cli"] = [
        through_cli(g, jobs, paths, megabytes, env, args.rounds) for g, jobs in cli_runs
    ]
    report["start_up"] = start_up(work, env, args.repeat)
    return report


def _has_ahocorasick() -> bool:
    return importlib.util.find_spec("ahocorasick") is not None


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    corpus = args.shared / "corpus" / "bbc"
    if not corpus.is_dir():
        print(f"bench: corpus not found: {corpus} (pass --shared DIR)", file=sys.stderr)
        return 2
    about = machine()  # before the bench itself loads the machine
    about["busy"] = busy(about["load_average"])  # type: ignore[arg-type]
    work = Path(tempfile.mkdtemp(prefix="namecheck-bench-"))
    try:
        # Every compiled gazetteer goes to a private cache: the user's is never touched.
        os.environ["NAMECHECK_CACHE_DIR"] = str(work / "cache")
        report = {"machine": about, **measure(args, corpus, work)}
    finally:
        shutil.rmtree(work, ignore_errors=True)
    report["targets"] = targets(report)
    if args.json:
        print(json.dumps(report, indent=1, ensure_ascii=False))
    else:
        print(render_tables(report))
        print(render_markdown(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
