#!/usr/bin/env python3
"""How well namecheck finds real garbles and stays silent on clean text, measured.

Sets (read from ../shared, or --shared DIR):

* ``dev`` — real machine-translated pages with labelled garbles (eval/dev), checked
  against the dev gazetteer only (``--no-default-gazetteer`` semantics);
* ``synthetic`` — BBC articles with inserted mentions of gazetteer entities, a
  fraction of them garbled by :mod:`bench.garbler` (seeded), checked against the
  shipped gazetteer plus the dev one ("wide");
* ``bbc`` — the clean BBC corpus with the shipped gazetteer: every flag is false;
* ``bbc-wide`` — the same corpus with the wide gazetteer (more names, more temptation).

Only NC001/NC002 count; NC003/NC004 are advice and are counted apart. Baselines
run on the same documents: plain rapidfuzz ratio ≥ 85 and known-wrong forms only.

    python bench/eval.py                       # every set, a table per set
    python bench/eval.py --set dev --show-misses --show-false
    python bench/eval.py --set synthetic --docs 1000 --seed 7 --json
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a script: make the ``bench`` package importable

from bench.baseline import FuzzBaseline, KnownWrongBaseline
from bench.datasets import (
    Doc,
    errata_spans,
    load_articles,
    load_dev,
    shipped_entities,
    synthetic_docs,
    wide_entities,
)  # fmt: skip
from bench.metrics import COUNTED, DocScore, Tally, recall_by, score_doc
from namecheck.checker import Checker
from namecheck.gazetteer import load
from namecheck.locate import LineIndex
from namecheck.matcher import Settings
from namecheck.model import Entity, Finding, Rule

SETS = ("dev", "synthetic", "bbc", "bbc-wide")


@dataclass
class Outcome:
    """One system on one set."""

    tally: Tally = field(default_factory=Tally)
    scores: list[tuple[Doc, DocScore]] = field(default_factory=list)
    advice: Counter[str] = field(default_factory=Counter)
    house_style: list[tuple[Doc, Finding]] = field(default_factory=list)  # NC004 findings
    clean_flagged: int = 0  # inserted correct mentions that were flagged
    seconds: float = 0.0


class System(Protocol):
    def check_text(self, text: str, path: str = "") -> list[Finding]: ...


def systems(entities: list[Entity], settings: Settings) -> dict[str, System]:
    return {
        "namecheck": Checker(entities, settings),
        "rapidfuzz>=85": FuzzBaseline(entities),
        "known-wrong": KnownWrongBaseline(entities),
    }


def run(docs: list[Doc], system: System) -> Outcome:
    out = Outcome()
    began = time.perf_counter()
    for doc in docs:
        findings = system.check_text(doc.text, doc.name)
        out.advice.update(f.rule.value for f in findings if f.rule not in COUNTED)
        out.house_style += [(doc, f) for f in findings if f.rule is Rule.DEPRECATED]
        score = score_doc(doc.labels, doc.ignores, findings)
        out.clean_flagged += sum(
            any(f.start < c.end and c.start < f.end for f in score.false_flags) for c in doc.clean
        )
        out.tally.add(score, doc.words)
        out.scores.append((doc, score))
    out.seconds = time.perf_counter() - began
    return out


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{100 * value:.1f}%"


def _num(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}"


def _where(doc: Doc, start: int) -> tuple[int, str]:
    lines = LineIndex(doc.text)
    line, _ = lines.position(start)
    return line, lines.line_text(line).strip()


def print_set(name: str, about: str, docs: list[Doc], outcomes: dict[str, Outcome],
              args: argparse.Namespace) -> None:  # fmt: skip
    labels = sum(len(d.labels) for d in docs)
    words = sum(d.words for d in docs)
    print(f"\n== {name}: {len(docs)} docs, {words:,} words, {labels} labelled garbles — {about}")
    print(f"{'system':<15}{'precision':>10}{'recall':>8}{'rec+fix':>9}{'F1':>7}"
          f"{'false':>7}{'false/100k':>12}{'NC003':>7}{'NC004':>7}{'secs':>7}")  # fmt: skip
    for system, o in outcomes.items():
        t = o.tally
        print(f"{system:<15}{_pct(t.precision):>10}{_pct(t.recall):>8}{_pct(t.recall_correct):>9}"
              f"{_pct(t.f1):>7}{t.false_flags:>7}{_num(t.false_per_100k):>12}"
              f"{o.advice['NC003']:>7}{o.advice['NC004']:>7}{o.seconds:>7.1f}")  # fmt: skip
    main = outcomes["namecheck"]
    if any(d.clean for d in docs):
        total = sum(len(d.clean) for d in docs)
        print(f"inserted correct mentions flagged by namecheck: {main.clean_flagged} of {total}")
    if any(d.labels and d.labels[0].garble for d in docs):
        for key in ("garble", "shape"):
            tables = {s: recall_by((sc for _, sc in o.scores), key) for s, o in outcomes.items()}
            print(f"\nrecall by {'garble type' if key == 'garble' else 'mention shape'}:")
            print(f"{key:<22}{'labels':>7}" + "".join(f"{s:>15}" for s in outcomes)
                  + f"{'namecheck+fix':>15}")  # fmt: skip
            for value, (n, _, correct) in tables["namecheck"].items():
                cells = "".join(f"{_pct(tables[s][value][1] / n):>15}" for s in outcomes)
                print(f"{value:<22}{n:>7}{cells}{_pct(correct / n):>15}")
    show_false = args.show_false or name.startswith("bbc")
    if show_false:
        for doc, score in main.scores:
            for f in score.false_flags:
                line, context = _where(doc, f.start)
                print(
                    f"  false: {doc.name}:{line}: {f.rule.value} {f.found!r} -> {f.suggestion!r}"
                    f" ({f.score})" + (f"  | {context[:160]}" if args.show_false else "")
                )
    if name.startswith("bbc"):
        for doc, f in main.house_style:
            line, _ = _where(doc, f.start)
            print(f"  house style: {doc.name}:{line}: NC004 {f.found!r} -> {f.suggestion!r}")
    if args.show_misses:
        for doc, score in main.scores:
            for g, other in score.misses:
                line, context = _where(doc, g.start)
                wrong = f" [flagged as {other.entity} -> {other.suggestion!r}]" if other else ""
                kind = f" [{g.garble}/{g.shape}]" if g.garble else ""
                print(f"  miss: {doc.name}:{line}: {g.found!r} ({g.canonical}){kind}{wrong}"
                      f"  | {context[:160]}")  # fmt: skip


def as_json(outcomes: dict[str, Outcome], docs: list[Doc]) -> dict[str, object]:
    out: dict[str, object] = {"docs": len(docs), "words": sum(d.words for d in docs)}
    for system, o in outcomes.items():
        scores = [sc for _, sc in o.scores]
        out[system] = {
            **o.tally.as_dict(), "nc003": o.advice["NC003"], "nc004": o.advice["NC004"],
            "clean_mentions_flagged": o.clean_flagged, "seconds": round(o.seconds, 2),
            "by_garble": {k: dict(zip(("labels", "hits", "correct"), v, strict=True))
                          for k, v in recall_by(scores, "garble").items() if k},
            "by_shape": {k: dict(zip(("labels", "hits", "correct"), v, strict=True))
                         for k, v in recall_by(scores, "shape").items() if k},
            "false_flags": [{"doc": d.name, "line": _where(d, f.start)[0], "rule": f.rule.value,
                             "found": f.found, "suggestion": f.suggestion, "entity": f.entity,
                             "score": f.score} for d, sc in o.scores for f in sc.false_flags],
            "misses": [{"doc": d.name, "line": _where(d, g.start)[0], "found": g.found,
                        "entity": g.entity, "garble": g.garble, "shape": g.shape}
                       for d, sc in o.scores for g, _ in sc.misses],
        }  # fmt: skip
    return out


def default_shared() -> Path:
    """../shared beside the repository, or beside the folder of a worktree (wt/<name>)."""
    for folder in (ROOT.parent / "shared", ROOT.parent.parent / "shared"):
        if folder.is_dir():
            return folder
    return ROOT.parent / "shared"


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    p.add_argument("--set", choices=(*SETS, "all"), default="all")
    p.add_argument(
        "--shared",
        type=Path,
        default=default_shared(),
        help="the shared data folder (default: ../shared, or ../../shared)",
    )
    p.add_argument("--seed", type=int, default=1, help="synthetic set seed (default 1)")
    p.add_argument("--docs", type=int, default=300, help="synthetic documents (default 300)")
    p.add_argument(
        "--rate", type=float, default=0.5, help="share of synthetic mentions garbled (default 0.5)"
    )
    p.add_argument(
        "--threshold",
        type=float,
        default=None,
        help=f"namecheck's threshold (default {Settings().threshold})",
    )
    p.add_argument("--json", action="store_true", help="print one JSON object instead of tables")
    p.add_argument("--show-misses", action="store_true", help="list namecheck's misses")
    p.add_argument(
        "--show-false", action="store_true", help="list namecheck's false flags with their line"
    )
    return p.parse_args(argv)


def load_set(name: str, args: argparse.Namespace, articles: list[tuple[str, str]],
             wide: list[Entity]) -> tuple[list[Doc], list[Entity], str]:  # fmt: skip
    """A set's documents, the gazetteer it is checked against, and a line saying what it is."""
    dev = args.shared / "eval" / "dev"
    if name == "dev":
        return load_dev(dev), load([dev / "gazetteer.yaml"]), "real MT garbles, dev gazetteer"
    if name == "synthetic":
        docs = synthetic_docs(articles, wide, args.docs, args.seed, args.rate)
        return docs, wide, f"seed {args.seed}, rate {args.rate}, wide gazetteer"
    clean = [Doc(n, t, ignores=errata_spans(n, t)) for n, t in articles]
    errata = sum(len(d.ignores) for d in clean)
    what = f"every flag is false but on {errata} known misspellings (bench/bbc_errata.jsonl)"
    if name == "bbc":
        return clean, shipped_entities(), f"clean copy, shipped gazetteer: {what}"
    return clean, wide, f"clean copy, wide gazetteer (shipped + dev): {what}"


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    settings = Settings() if args.threshold is None else Settings(threshold=args.threshold)
    dev, bbc = args.shared / "eval" / "dev", args.shared / "corpus" / "bbc"
    wanted = SETS if args.set == "all" else (args.set,)
    missing = [str(p) for p in (dev, bbc) if not p.is_dir()]
    if missing:
        print(f"eval: shared data not found: {', '.join(missing)} (pass --shared DIR)",
              file=sys.stderr)  # fmt: skip
        return 2
    articles = load_articles(bbc) if set(wanted) & {"synthetic", "bbc", "bbc-wide"} else []
    wide = wide_entities(dev / "gazetteer.yaml")
    report: dict[str, object] = {"seed": args.seed, "threshold": settings.threshold}
    for name in wanted:
        docs, entities, about = load_set(name, args, articles, wide)
        outcomes = {s: run(docs, system) for s, system in systems(entities, settings).items()}
        if args.json:
            report[name] = as_json(outcomes, docs)
        else:
            print_set(name, about, docs, outcomes, args)
    if args.json:
        print(json.dumps(report, indent=1, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
