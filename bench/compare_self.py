"""False alarms and speed of ``compare`` on clean text: each BBC article as its own translation.

Run: .venv/bin/python bench/compare_self.py [../shared/corpus/bbc]
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path

from namecheck.checker import Checker
from namecheck.compare import compare_documents
from namecheck.compare.core import Comparer
from namecheck.files import read


def main() -> None:
    corpus = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/corpus/bbc")
    files = sorted(corpus.rglob("*.txt"))
    if not files:
        sys.exit(f"no articles under {corpus}")
    comparer = Comparer(Checker.from_paths())
    counts: Counter[str] = Counter()
    started = time.perf_counter()
    for path in files:
        source = read(str(path))
        for finding in compare_documents(comparer, source, source):
            counts[finding.rule.value] += 1
            print(f"{finding.path}:{finding.line}: {finding.rule.value} {finding.found!r}")
    elapsed = time.perf_counter() - started
    print(
        f"{len(files)} articles in {elapsed:.1f} s ({1000 * elapsed / len(files):.1f} ms each); "
        f"findings by rule: {dict(sorted(counts.items()))}"
    )


if __name__ == "__main__":
    main()
