"""False alarms and speed of ``compare`` on clean text: each BBC article as its own translation.

A name the translation spells as the source does is never missing nor unexpected, so the
findings alone say little about how well names are found in sources. The second figure
does: source mentions (fuzzy, stemmed) whose entity the same text does not name in an
accepted form; each would be a false NC101 against a translation into another script.

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
from namecheck.compare.presence import derived, present
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
    mentions = unconfirmed = 0
    gazetteer = comparer.gazetteer
    for path in files:
        text = read(str(path)).text
        named = set(present(text, gazetteer)) | derived(text, gazetteer)
        found = comparer.finder.find(text)
        mentions += len(found)
        for mention in found:
            if mention.entity not in named:
                unconfirmed += 1
                entity = gazetteer.entities[mention.entity].id
                print(f"{path}: unconfirmed mention {mention.text!r} ({entity})")
    print(
        f"{len(files)} articles in {elapsed:.1f} s ({1000 * elapsed / len(files):.1f} ms each); "
        f"findings by rule: {dict(sorted(counts.items()))}; source mentions: {mentions}, "
        f"unconfirmed by the text's accepted forms: {unconfirmed}"
    )


if __name__ == "__main__":
    main()
