"""Counts per rule and per entity: ``--statistics`` and the HTML summary."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from namecheck.model import Finding, Rule


@dataclass(frozen=True)
class Tally:
    """Findings counted by rule and by entity id, most frequent first."""

    rules: list[tuple[Rule, int]]
    entities: list[tuple[str, int]]


def tally(findings: Iterable[Finding]) -> Tally:
    rules: Counter[Rule] = Counter()
    entities: Counter[str] = Counter()
    for finding in findings:
        rules[finding.rule] += 1
        entities[finding.entity] += 1
    return Tally(
        sorted(rules.items(), key=lambda item: (-item[1], item[0].value)),
        sorted(entities.items(), key=lambda item: (-item[1], item[0])),
    )


def render_statistics(findings: Iterable[Finding]) -> str:
    """A ruff-like table: count, code and what it means; then count and entity."""
    counts = tally(findings)
    if not counts.rules:
        return ""
    width = len(str(max(n for _, n in counts.rules)))
    lines = ["Rules:"]
    lines += [f"  {n:>{width}}  {rule.value}  {rule.title}" for rule, n in counts.rules]
    lines.append("Entities:")
    lines += [f"  {n:>{width}}  {entity}" for entity, n in counts.entities]
    return "\n".join(lines) + "\n"
