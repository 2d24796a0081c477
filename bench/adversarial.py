"""Adversarial inputs: seconds per input kind at 10k and 100k characters, and the ratio.

A linear checker shows a ratio near 10; ~100 means quadratic. The tests check
the same kinds without clocks (tests/test_text_robustness.py counts work);
this script gives the wall-clock figures, plus the load and compile time of a
big generated gazetteer.

    python -m bench.adversarial                      # every kind, 10k and 100k
    python -m bench.adversarial --kinds Aa --sizes 10000 20000 40000
    python -m bench.adversarial --entities 100000    # also a 100,000-entity gazetteer
"""

from __future__ import annotations

import argparse
import random
import resource
import tempfile
import time
from pathlib import Path

from namecheck.checker import Checker

# name, repeated unit, file extension (picks the reader)
KINDS: list[tuple[str, str, str]] = [
    ("lower-case prose", "the cat sat on it ", ".txt"),
    ("one long lower-case word", "a", ".txt"),
    ("spaces", " ", ".txt"),
    ("line breaks", "\n", ".txt"),
    ("emoji", "🎉", ".txt"),
    ("combining marks", "a\u0301", ".txt"),
    ("digits", "7", ".txt"),
    ("capitalised words", "Xyzzy Plugh ", ".txt"),
    ("a name over and over", "Mitchell ", ".txt"),
    ("initials", "A.", ".txt"),
    ("all-caps words", "ABC DEF ", ".txt"),
    ("mixed punctuation", "Aé-'. ", ".txt"),
    ("markdown emphasis", "*", ".md"),
    ("markdown brackets", "[", ".md"),
    ("markdown quotes", ">", ".md"),
    ("markdown list items", "- a\n", ".md"),
    ("markdown angle brackets", "<", ".md"),
    ("html angle brackets", "<", ".html"),
    ("html nesting", "<div>", ".html"),
    ("html entities", "&amp;", ".html"),
    # superlinear in the matcher today (xfail in the tests)
    ("one long capitalised word", "A", ".txt"),
    ("hyphenated chain", "A-", ".txt"),
    ("apostrophes", "O'", ".txt"),
    ("zero-width joiners", "A\u200d", ".txt"),
    ("two-letter capitalised words", "Aa ", ".txt"),
    ("a surname over and over", "Bachelet ", ".txt"),
    ("a full name over and over", "Michelle Bachelet ", ".txt"),
    ("a garble over and over", "Mitchell Bacelet said. ", ".txt"),
    ("NBSP inside names", "Mitchell\u00a0Bacelet ", ".txt"),
]


def seconds(checker: Checker, unit: str, extension: str, size: int) -> float:
    text = unit * (size // len(unit))
    start = time.perf_counter()
    checker.check_text(text, "x" + extension)
    return time.perf_counter() - start


def gazetteer_figures(count: int) -> None:
    from namecheck.gazetteer import load

    rng = random.Random(3)
    letters = "abcdefghijklmnopqrstuvwxyz"
    lines = ["entities:"]
    for i in range(count):
        first = "".join(rng.choice(letters) for _ in range(7)).title()
        last = "".join(rng.choice(letters) for _ in range(9)).title()
        lines.append(f"- name: {first} {last}\n  id: e{i}\n  kind: person")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big.yaml"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        size = path.stat().st_size
        start = time.perf_counter()
        entities = load([path])
        loaded = time.perf_counter()
        checker = Checker(entities)
        compiled = time.perf_counter()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(f"gazetteer of {count:,} entities ({size / 2**20:.1f} MiB): load {loaded - start:.1f} s, "
          f"compile {compiled - loaded:.1f} s, peak RSS {rss} MB")  # fmt: skip
    text = f"{entities[5].name} met {entities[7].name[:-1]}x."
    print(f"  check finds {[f.found for f in checker.check_text(text, 'a.txt')]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs=2, default=[10_000, 100_000])
    parser.add_argument("--kinds", nargs="*", help="only kinds whose name contains one of these")
    parser.add_argument("--entities", type=int, default=0, help="also time a gazetteer this big")
    args = parser.parse_args()
    checker = Checker.from_paths()
    small, large = args.sizes
    print(f"{'kind':32} {small:>9,} {large:>9,}  ratio")
    for name, unit, extension in KINDS:
        if args.kinds and not any(k in name for k in args.kinds):
            continue
        a = seconds(checker, unit, extension, small)
        b = seconds(checker, unit, extension, large)
        print(f"{name + ' (' + extension + ')':32} {a:8.3f}s {b:8.3f}s  {b / max(a, 1e-4):5.0f}",
              flush=True)  # fmt: skip
    if args.entities:
        gazetteer_figures(args.entities)


if __name__ == "__main__":
    main()
