"""The evaluation sets, read from ``../shared`` (never copied into the repository)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from bench.garbler import synthetic_set
from bench.metrics import Gold, expected_suggestion
from namecheck.gazetteer import load
from namecheck.model import Entity
from namecheck.resources import default_gazetteer_paths


@dataclass(frozen=True)
class Doc:
    """A document to check, its labelled garbles, ignore spans and correct inserted mentions."""

    name: str
    text: str
    labels: tuple[Gold, ...] = ()
    ignores: tuple[Gold, ...] = ()
    clean: tuple[Gold, ...] = ()

    @property
    def words(self) -> int:
        return len(self.text.split())


def _jsonl(path: Path) -> list[dict[str, object]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _span(row: dict[str, object], text: str, path: Path) -> tuple[str, int, int, str]:
    doc, start, end, found = (row["doc"], row["start"], row["end"], row["found"])
    assert isinstance(doc, str) and isinstance(start, int) and isinstance(end, int)
    if text[start:end] != found:
        raise ValueError(f"{path}: {doc}[{start}:{end}] is {text[start:end]!r}, not {found!r}")
    return doc, start, end, str(found)


def load_dev(folder: Path) -> list[Doc]:
    """docs/*.txt with labels.jsonl (garbles) and ignore.jsonl (borderline spans)."""
    texts = {p.name: p.read_text(encoding="utf-8") for p in sorted((folder / "docs").glob("*.txt"))}
    labels: dict[str, list[Gold]] = {name: [] for name in texts}
    ignores: dict[str, list[Gold]] = {name: [] for name in texts}
    for row in _jsonl(folder / "labels.jsonl"):
        doc, start, end, found = _span(row, texts[str(row["doc"])], folder / "labels.jsonl")
        canonical = str(row["canonical"])
        labels[doc].append(Gold(doc, start, end, found, str(row["entity"]), canonical,
                                expected_suggestion(found, canonical)))  # fmt: skip
    for row in _jsonl(folder / "ignore.jsonl"):
        doc, start, end, found = _span(row, texts[str(row["doc"])], folder / "ignore.jsonl")
        ignores[doc].append(Gold(doc, start, end, found))
    return [Doc(n, t, tuple(labels[n]), tuple(ignores[n])) for n, t in texts.items()]


def load_articles(folder: Path) -> list[tuple[str, str]]:
    """``(relative name, text)`` of every ``*.txt`` under ``folder``, sorted by name."""
    return [(str(p.relative_to(folder)), p.read_text(encoding="utf-8"))
            for p in sorted(folder.rglob("*.txt"))]  # fmt: skip


ERRATA = Path(__file__).resolve().parent / "bbc_errata.jsonl"


def errata_spans(name: str, text: str) -> tuple[Gold, ...]:
    """Real misspellings in the "clean" corpus (checked by hand, listed in
    bench/bbc_errata.jsonl): a finding on one is right, so it counts neither way."""
    spans = []
    for row in _jsonl(ERRATA):
        if row["doc"] != name:
            continue
        found = str(row["found"])
        start = text.find(found)
        while start >= 0:
            spans.append(Gold(name, start, start + len(found), found))
            start = text.find(found, start + 1)
    return tuple(spans)


def shipped_entities() -> list[Entity]:
    return load(default_gazetteer_paths())


def wide_entities(dev_gazetteer: Path | None) -> list[Entity]:
    """The shipped gazetteer plus the dev gazetteer's entities it lacks (59 in all)."""
    shipped = shipped_entities()
    if dev_gazetteer is None or not dev_gazetteer.exists():
        return shipped
    ids = {e.id for e in shipped}
    return shipped + [e for e in load([dev_gazetteer]) if e.id not in ids]


def synthetic_docs(articles: Sequence[tuple[str, str]], entities: Sequence[Entity], docs: int,
                   seed: int, rate: float) -> list[Doc]:  # fmt: skip
    return [Doc(d.name, d.text, d.labels, (), d.clean)
            for d in synthetic_set(articles, entities, docs, seed, rate)]  # fmt: skip
