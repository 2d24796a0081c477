"""bench/bench.py runs end to end and reports every section; its helpers measure what they say.

No timing is asserted anywhere: speed depends on the machine. Targets are only
checked for being judged from the figures given.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from typing import Any

import pytest

from bench.perf import run_child
from bench.perf_report import render_markdown, render_tables, targets
from namecheck.model import Entity
from tests.conftest import ROOT, shared_path

SECTIONS = (
    "== 1. Throughput, one core, in-process",
    "== 1b. Throughput through the CLI",
    "== 2. Time per MB as the gazetteer grows",
    "== 3. Start-up",
    "warm minus bare python:",
    "== 4. Peak memory",
    "== 5. Compiled gazetteer load",
    "== Targets",
    "== Markdown for the README",
    "| target | limit | measured | |",
)


def test_quick_run_prints_every_section() -> None:
    shared = shared_path("corpus", "bbc").parent.parent
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "bench" / "bench.py"),
            "--quick",
            "--skip-100k",
            "--repeat",
            "1",
            "--rounds",
            "1",
            "--shared",
            str(shared),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    for section in SECTIONS:
        assert section in done.stdout, f"missing {section!r}"
    assert "(--quick sample)" in done.stdout
    for name in ("shipped", "synthetic 1,000", "synthetic 10,000"):
        assert name in done.stdout
    markdown = done.stdout.split("== Markdown for the README")[1]
    verdicts = [
        line.rsplit("|", 2)[1].strip()
        for line in markdown.splitlines()
        if line.startswith("| ") and line.count("|") == 5 and "---" not in line
    ]
    assert len(verdicts) == 6  # the header and five targets
    assert set(verdicts[1:]) <= {"PASS", "FAIL", "SKIP"}


def test_missing_corpus_is_one_line_and_exit_2(tmp_path: Any) -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "bench.py"), "--shared", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2
    assert done.stderr.startswith("bench: corpus not found:")


def test_child_memory_is_its_own_not_the_parents() -> None:
    """Linux counts pre-exec memory in ru_maxrss: children must not start as forks of us."""
    ballast = bytearray(300 * 1024 * 1024)  # make this process far larger than the child
    ballast[::4096] = b"x" * len(ballast[::4096])  # touch every page, so it is resident
    small = run_child([sys.executable, "-c", "pass"], {})
    big = run_child([sys.executable, "-c", "b = bytearray(120 * 1024 * 1024)"], {})
    assert small.max_rss_mb < 100 < 120 < big.max_rss_mb
    with pytest.raises(RuntimeError, match="exited 3"):
        run_child([sys.executable, "-c", "raise SystemExit(3)"], {})


def test_exact_baseline_counts_whole_words_after_folding() -> None:
    pytest.importorskip("ahocorasick")
    from bench.baseline import ExactBaseline

    entity = Entity("e", "Jürgen Klopp", "person", aliases=("Klopp",), wrong=("Jurgen Klop",))
    text = "JÜRGEN KLOPP said Klopp, not Jürgen Klop; Kloppe and Kloppo do not count."
    folded = ExactBaseline([entity], "unidecode")
    assert folded.forms == 3
    # jurgen klopp, the klopp inside it, klopp, jurgen klop; never klop(p) inside klopp(e/o)
    assert folded.count(text) == 4
    assert ExactBaseline([entity], "lower").count(text) == 3  # "jürgen klop" ≠ "jurgen klop"


def report(
    *,
    quick: bool = False,
    sizes: tuple[int, ...] = (1_000, 10_000, 100_000),
    warm: float = 0.1,
    jobs2: float = 5.0,
    rss: float = 300.0,
) -> dict[str, Any]:
    """A made-up report: the shape bench/bench.py builds, with chosen figures."""

    def row(name: str, entities: int, s_per_mb: float) -> dict[str, Any]:
        base = {
            f: {
                "forms": entities,
                "build_s": 0.1,
                "hits": 1,
                "wall_s": 1.0,
                "cpu_s": 1.0,
                "mb_per_s": 1.6,
            }
            for f in ("lower", "unidecode")
        }
        return {
            "gazetteer": name,
            "entities": entities,
            "load_cold_s": 1.0,
            "load_warm_s": 0.1,
            "wall_s": s_per_mb,
            "cpu_s": s_per_mb,
            "mb_per_s": 1 / s_per_mb,
            "s_per_mb": s_per_mb,
            "baseline": base,
        }

    child = {"wall": 10.0, "cpu": 9.0, "max_rss_mb": rss, "code": 1, "mb_per_s": 0.5}
    last = f"synthetic {sizes[-1]:,}"
    return {
        "machine": {
            "nproc": 2,
            "cpu": "Test CPU",
            "python": "3.11.0",
            "platform": "Linux",
            "load_average": [0.1, 0.1, 0.1],
            "busy": False,
        },
        "corpus": {"files": 10, "megabytes": 1.0, "quick": quick},
        "repeat": 3,
        "sizes": list(sizes),
        "baseline_available": True,
        "in_process": [row("shipped", 3000, 1.0)]
        + [row(f"synthetic {n:,}", n, 1.0 + n / 100_000) for n in sizes],
        "cli": [
            {**child, "gazetteer": g, "jobs": j} | ({"wall": jobs2} if j == 2 else {})
            for g in ("shipped", last)
            for j in (1, 2)
        ],
        "start_up": {
            "python -c pass": {"wall": 0.02, "cpu": 0.02, "max_rss_mb": 9, "code": 0},
            "python: import libraries": {"wall": 0.1, "cpu": 0.1, "max_rss_mb": 30, "code": 0},
            "namecheck cold": {"wall": 1.0, "cpu": 1.0, "max_rss_mb": 60, "code": 0},
            "namecheck warm": {"wall": warm, "cpu": warm, "max_rss_mb": 50, "code": 0},
        },
    }


@pytest.mark.parametrize(
    ("figures", "expected"),
    [
        ({}, ["PASS", "PASS", "FAIL", "PASS", "PASS"]),  # 0.5 vs 1.6 MB/s; 2.0 vs 1.01 s/MB
        ({"warm": 0.5, "jobs2": 8.0, "rss": 500.0}, ["FAIL", "PASS", "FAIL", "FAIL", "FAIL"]),
        ({"quick": True}, ["PASS", "PASS", "FAIL", "PASS", "SKIP"]),
        ({"sizes": (1_000, 10_000)}, ["PASS", "SKIP", "SKIP", "SKIP", "PASS"]),
    ],
)
def test_targets_are_judged_from_the_figures(figures: dict[str, Any], expected: list[str]) -> None:
    made = report(**figures)
    made["targets"] = targets(made)
    assert [t["status"] for t in made["targets"]] == expected
    assert "== Targets" in render_tables(made)
    assert render_markdown(made).count("| PASS |") == expected.count("PASS")
    assert "importing the libraries alone: 80 ms" in made["targets"][0]["figure"]


def test_instructions_missing_corpus_is_one_line_and_exit_2(tmp_path: Any) -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "instructions.py"), "--shared", str(tmp_path)],
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert done.returncode == 2
    assert done.stderr.startswith("instructions: corpus not found under")


@pytest.mark.skipif(shutil.which("valgrind") is None, reason="valgrind is not installed")
def test_instructions_counts_a_check_pass() -> None:
    shared = shared_path("corpus", "bbc").parent.parent
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "instructions.py"), "--shared", str(shared),
         "--sizes", "0", "--every", "400"],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    found = re.fullmatch(r"\s*shipped: check ([\d,]+) M instructions \(load ([\d,]+) M\), "
                         r"1 in 400 articles; exact baseline ([\d,]+) M \(1/[\d.]+\)\n",
                         done.stdout)  # fmt: skip
    assert found, done.stdout
    check, exact = (int(found.group(n).replace(",", "")) for n in (1, 3))
    assert check > exact > 0
