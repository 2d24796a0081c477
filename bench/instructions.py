"""Instructions a check pass executes (valgrind's cachegrind), for A/B comparisons.

Wall and CPU time on a shared virtual machine move by half from one round to the
next (bench.py takes the fastest of several rounds for that reason); the count
of instructions does not: the same code on the same input executes the same
instructions, within a fraction of a percent. Use this to tell whether a change
made the engine faster; use bench.py for the figures themselves.

    python bench/instructions.py                  # 1,000 and 100,000 synthetic entities
    python bench/instructions.py --every 1 --sizes 0   # the whole corpus, shipped gazetteer

Each figure is the instructions of a cold check pass over every ``--every``-th
article: a child that loads the gazetteer (from a warm cache) and checks, minus
one that only loads. Under cachegrind a pass runs ~30 times slower. With
pyahocorasick installed (the ``bench`` extra), the same is counted for the exact
Aho-Corasick baseline over the same gazetteer (bench/baseline.py, minus building
its automaton), and the ratio between the two: a steady stand-in for bench.py's
throughput ratio, though C code retires more instructions per second than Python.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a script: make the ``bench`` package importable

from bench import synthetic  # noqa: E402
from bench.eval import default_shared  # noqa: E402

_REFS = re.compile(r"I\s+refs:\s+([\d,]+)")
_CHILDREN = ("load", "check", "automaton", "baseline")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--shared", type=Path, default=default_shared(), help="the shared data folder")
    p.add_argument("--every", type=int, default=4, help="check every N-th article (default 4)")
    p.add_argument(
        "--sizes", type=int, nargs="+", default=[1_000, 100_000],
        help="synthetic gazetteer sizes; 0 is the shipped gazetteer (default: 1000 100000)",
    )  # fmt: skip
    p.add_argument("--child", choices=_CHILDREN, help=argparse.SUPPRESS)
    p.add_argument("--gazetteer", type=Path, help=argparse.SUPPRESS)
    return p.parse_args(argv)


def child(args: argparse.Namespace) -> None:
    """Load the gazetteer and, for ``check``, check the articles, as the CLI would."""
    from bench.datasets import load_articles
    from namecheck import collector
    from namecheck.checker import Checker

    docs = load_articles(args.shared / "corpus" / "bbc")[:: args.every]
    if args.gazetteer is None:
        checker = Checker.from_paths()
    else:
        checker = Checker.from_paths([args.gazetteer], default=False)
    collector.for_batch()
    if args.child == "check":
        for name, text in docs:
            checker.check_text(text, name)
    elif args.child in ("automaton", "baseline"):
        from bench.baseline import ExactBaseline

        automaton = ExactBaseline(checker.gazetteer.entities)
        if args.child == "baseline":
            for _, text in docs:
                automaton.count(text)


def instructions(args: argparse.Namespace, what: str, gazetteer: Path | None) -> int:
    command = [
        "valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
        sys.executable, __file__, "--child", what, "--every", str(args.every),
        "--shared", str(args.shared),
        *(["--gazetteer", str(gazetteer)] if gazetteer else []),
    ]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    found = _REFS.search(done.stderr)
    if done.returncode != 0 or found is None:
        raise SystemExit(f"instructions: {what} failed:\n{done.stderr[-2000:]}")
    return int(found.group(1).replace(",", ""))


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.child:
        child(args)
        return 0
    if not (args.shared / "corpus" / "bbc").is_dir():
        print(f"instructions: corpus not found under {args.shared} (pass --shared DIR)",
              file=sys.stderr)  # fmt: skip
        return 2
    if shutil.which("valgrind") is None:
        print("instructions: valgrind is not installed", file=sys.stderr)
        return 2
    with_baseline = importlib.util.find_spec("ahocorasick") is not None
    if not with_baseline:
        print("instructions: pyahocorasick is not installed (pip install -e '.[bench]'): "
              "no baseline figures", file=sys.stderr)  # fmt: skip
    work = Path(tempfile.mkdtemp(prefix="namecheck-instructions-"))
    os.environ["NAMECHECK_CACHE_DIR"] = str(work / "cache")  # never the user's cache
    try:
        for size in args.sizes:
            gazetteer = synthetic.write(work / f"s{size}.yaml", size) if size else None
            subprocess.run(  # fills the cache, so that both children load it warm
                [sys.executable, __file__, "--child", "load", "--shared", str(args.shared),
                 *(["--gazetteer", str(gazetteer)] if gazetteer else [])],
                check=True,
            )  # fmt: skip
            load = instructions(args, "load", gazetteer)
            check = instructions(args, "check", gazetteer) - load
            name = f"synthetic {size:,}" if size else "shipped"
            line = (f"{name:>18}: check {check / 1e6:,.0f} M instructions "
                    f"(load {load / 1e6:,.0f} M), 1 in {args.every} articles")  # fmt: skip
            if with_baseline:
                exact = instructions(args, "baseline", gazetteer)
                exact -= instructions(args, "automaton", gazetteer)
                line += f"; exact baseline {exact / 1e6:,.0f} M (1/{check / exact:.1f})"
            print(line, flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
