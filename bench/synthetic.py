"""Seeded synthetic gazetteers of any size, for benchmarks and scale tests.

Names are built from syllables, so they look like names (and collide with
real words about as often), without needing any data package.
"""

from __future__ import annotations

import random
from pathlib import Path

ONSETS = "b br ch d dr f g gr h j k kh l m n p r s sh st t ts v w y z zh".split()
VOWELS = "a e i o u ai ei ou ia ya".split()
CODAS = ["", "", "", "n", "r", "s", "l", "k", "v", "sk", "ch", "nd"]
KINDS = ("person", "place", "org")


def name_word(rng: random.Random) -> str:
    syllables = rng.randint(2, 4)
    word = "".join(rng.choice(ONSETS) + rng.choice(VOWELS) for _ in range(syllables))
    return (word + rng.choice(CODAS)).capitalize()


def entities(count: int, seed: int = 1) -> list[dict[str, object]]:
    """``count`` distinct entities: people (given + surname), places, organisations."""
    rng = random.Random(seed)
    seen: set[str] = set()
    result: list[dict[str, object]] = []
    while len(result) < count:
        kind = KINDS[len(result) % 3]
        if kind == "person":
            name = f"{name_word(rng)} {name_word(rng)}"
        elif kind == "place":
            name = name_word(rng)
        else:
            name = f"{name_word(rng)} {name_word(rng)} {rng.choice(['Council', 'Agency', 'Party'])}"
        if name.lower() in seen:
            continue
        seen.add(name.lower())
        result.append({"id": f"syn-{len(result)}", "name": name, "kind": kind})
    return result


def write(path: Path, count: int, seed: int = 1) -> Path:
    """Write a gazetteer YAML file of ``count`` synthetic entities (fast, no PyYAML)."""
    lines = ["entities:"]
    for entity in entities(count, seed):
        lines.append(f"  - {{id: {entity['id']}, name: {entity['name']}, kind: {entity['kind']}}}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
