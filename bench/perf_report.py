
"""Tables, targets and the README block for bench/bench.py's measurements.

Pure functions of the report dictionary (the same one ``--json`` prints), so the
figures shown, judged and pasted into the README are always the same numbers.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

Report = dict[str, Any]

# The targets: (key, what, limit)
WARM_OVER_PYTHON_MS = 150.0
BASELINE_SHARE = 0.25  # 100k-entity throughput ≥ this share of the exact baseline's
SCALING_RATIO = 1.5  # time per MB, 100k entities over 1k entities
MEMORY_100K_MB = 400.0
JOBS2_SPEEDUP = 1.7
BASELINE = "unidecode"  # the baseline folding like-for-like with namecheck's fold()


def _row(report: Report, name: str) -> dict[str, Any] | None:
    return next((r for r in report["in_process"] if r["gazetteer"] == name), None)


def _cli(report: Report, name: str, jobs: int) -> dict[str, Any] | None:
    return next((r for r in report["cli"] if r["gazetteer"] == name and r["jobs"] == jobs), None)


def _largest(report: Report) -> str:
    return f"synthetic {report['sizes'][-1]:,}"


def warm_over_python_ms(report: Report) -> float:
    runs = report["start_up"]
    return float(1000 * (runs["namecheck warm"]["wall"] - runs["python -c pass"]["wall"]))


def speedup(report: Report, name: str) -> float | None:
    one, two = _cli(report, name, 1), _cli(report, name, 2)
    return one["wall"] / two["wall"] if one and two else None


def targets(report: Report) -> list[dict[str, str]]:
    """Each target with its figure and PASS, FAIL or SKIP (and why)."""
    out = []

    def judge(what: str, limit: str, figure: str | None, ok: bool | None, why: str = "") -> None:
        status = "SKIP" if ok is None else ("PASS" if ok else "FAIL")
        out.append({"target": what, "limit": limit, "figure": figure or why, "status": status})

    extra = warm_over_python_ms(report)
    runs = report["start_up"]
    floor = ""
    if "python: import libraries" in runs:
        alone = 1000 * (runs["python: import libraries"]["wall"] - runs["python -c pass"]["wall"])
        floor = f" (importing the libraries alone: {alone:.0f} ms)"
    judge(
        "warm start-up above bare python",
        f"≤ {WARM_OVER_PYTHON_MS:.0f} ms",
        f"{extra:.0f} ms{floor}",
        extra <= WARM_OVER_PYTHON_MS,
    )
    big, small = _row(report, "synthetic 100,000"), _row(report, "synthetic 1,000")
    if big is None:
        for what, limit in (
            ("100k throughput vs exact baseline, one core", "≥ 1/4"),
            ("time per MB, 100k vs 1k entities", f"≤ {SCALING_RATIO}×"),
            ("peak memory, 100k entities (--jobs 1)", f"< {MEMORY_100K_MB:.0f} MB"),
        ):
            judge(what, limit, None, None, "skipped (--skip-100k)")
    else:
        if "baseline" in big:
            share = big["mb_per_s"] / big["baseline"][BASELINE]["mb_per_s"]
            judge(
                "100k throughput vs exact baseline, one core",
                "≥ 1/4",
                f"1/{1 / share:.1f} ({big['mb_per_s']:.2f} vs "
                f"{big['baseline'][BASELINE]['mb_per_s']:.2f} MB/s)",
                share >= BASELINE_SHARE,
            )
        else:
            judge(
                "100k throughput vs exact baseline, one core",
                "≥ 1/4",
                None,
                None,
                "pyahocorasick not installed (pip install -e '.[bench]')",
            )
        assert small is not None
        ratio = big["s_per_mb"] / small["s_per_mb"]
        judge(
            "time per MB, 100k vs 1k entities",
            f"≤ {SCALING_RATIO}×",
            f"{ratio:.2f}×",
            ratio <= SCALING_RATIO,
        )
        memory = _cli(report, "synthetic 100,000", 1)
        assert memory is not None
        judge(
            "peak memory, 100k entities (--jobs 1)",
            f"< {MEMORY_100K_MB:.0f} MB",
            f"{memory['max_rss_mb']:.0f} MB",
            memory["max_rss_mb"] < MEMORY_100K_MB,
        )
    gain = speedup(report, "shipped")
    assert gain is not None
    if report["corpus"]["quick"]:
        judge(
            "--jobs 2 vs --jobs 1, full corpus",
            f"≥ {JOBS2_SPEEDUP}×",
            None,
            None,
            f"{gain:.2f}× on the --quick sample: not judged",
        )
    else:
        judge(
            "--jobs 2 vs --jobs 1, full corpus",
            f"≥ {JOBS2_SPEEDUP}×",
            f"{gain:.2f}×",
            gain >= JOBS2_SPEEDUP,
        )
    return out


def table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A plain text table: first column left-aligned, the others right-aligned."""
    cells = [list(map(str, headers))] + [[str(c) for c in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    lines = [
        "  ".join(
            c.ljust(w) if i == 0 else c.rjust(w)
            for i, (c, w) in enumerate(zip(row, widths, strict=True))
        )
        for row in cells
    ]
    return "\n".join(lines)


def _machine_line(report: Report) -> str:
    m = report["machine"]
    load = ", ".join(f"{x:.2f}" for x in m["load_average"])
    state = "busy: other processes were running" if m["busy"] else "quiet"
    return (
        f"{m['nproc']} cores ({m['cpu']}), Python {m['python']}, {m['platform']}; "
        f"load average at start {load} ({state})"
    )


def _corpus_line(report: Report) -> str:
    c = report["corpus"]
    sample = " (--quick sample)" if c["quick"] else ""
    return f"BBC corpus: {c['files']:,} articles, {c['megabytes']:.2f} MB{sample}"


def render_tables(report: Report) -> str:
    out = [f"namecheck benchmark — {_machine_line(report)}", _corpus_line(report)]
    out += [
        "",
        "== 1. Throughput, one core, in-process (Checker.check_text, texts in memory, CPU time; "
        f"fastest of {report.get('rounds', 1)} interleaved cold rounds)",
    ]
    rows = []
    for r in report["in_process"]:
        base = r.get("baseline")
        cells = (
            [f"{base[f]['mb_per_s']:.2f}" for f in ("lower", "unidecode")] if base else ["—"] * 2
        )
        share = f"1/{base[BASELINE]['mb_per_s'] / r['mb_per_s']:.1f}" if base else "—"
        forms = f"{base[BASELINE]['forms']:,}" if base else "—"
        rows.append(
            [r["gazetteer"], f"{r['entities']:,}", forms, f"{r['mb_per_s']:.2f}", *cells, share]
        )
    out.append(
        table(
            [
                "gazetteer",
                "entities",
                "AC forms",
                "namecheck MB/s",
                "AC lower() MB/s",
                "AC unidecode MB/s",
                "namecheck/AC",
            ],
            rows,
        )
    )
    out.append(
        "AC: exact-match Aho-Corasick (pyahocorasick) over every accepted and known-wrong "
        "form, whole words only."
        if report["baseline_available"]
        else "AC baseline not measured: pip install -e '.[bench]' for pyahocorasick."
    )
    out += [
        "",
        "== 1b. Throughput through the CLI (namecheck check, warm cache, wall time; median of "
        f"{report.get('rounds', 1)} runs)",
    ]
    out.append(
        table(
            ["gazetteer", "--jobs", "wall s", "CPU s", "MB/s", "max RSS MB"],
            [
                [
                    r["gazetteer"],
                    r["jobs"],
                    f"{r['wall']:.2f}",
                    f"{r['cpu']:.2f}",
                    f"{r['mb_per_s']:.2f}",
                    f"{r['max_rss_mb']:.0f}",
                ]
                for r in report["cli"]
            ],
        )
    )
    for name in ("shipped", _largest(report)):
        gain = speedup(report, name)
        if gain is not None:
            out.append(f"--jobs 2 speed-up, {name}: {gain:.2f}×")
    out += [
        "",
        "== 2. Time per MB as the gazetteer grows (synthetic, in-process, one core, CPU time)",
    ]
    sized = [r for r in report["in_process"] if r["gazetteer"].startswith("synthetic")]
    first = sized[0]["s_per_mb"]
    out.append(
        table(
            ["gazetteer", "s/MB", "× 1,000 entities"],
            [
                [r["gazetteer"], f"{r['s_per_mb']:.2f}", f"{r['s_per_mb'] / first:.2f}"]
                for r in sized
            ],
        )
    )
    out.append(
        f"ratio {sized[-1]['gazetteer'].split()[-1]}/1,000: {sized[-1]['s_per_mb'] / first:.2f}"
    )
    runs = report["start_up"]
    out += [
        "",
        f"== 3. Start-up: namecheck check on a short Markdown file (median of "
        f"{report['repeat']} runs)",
    ]
    out.append(
        table(
            ["run", "wall ms", "CPU ms", "max RSS MB"],
            [
                [n, f"{1000 * r['wall']:.0f}", f"{1000 * r['cpu']:.0f}", f"{r['max_rss_mb']:.0f}"]
                for n, r in runs.items()
            ],
        )
    )
    out.append(f"warm minus bare python: {warm_over_python_ms(report):.0f} ms")
    out += ["", "== 4. Peak memory (max RSS of the largest process of each child run)"]
    out += [
        f"check --jobs {r['jobs']}, {r['gazetteer']}: {r['max_rss_mb']:.0f} MB"
        for r in report["cli"]
    ]
    out += [f"{n}: {r['max_rss_mb']:.0f} MB" for n, r in runs.items()]
    out += [
        "",
        "== 5. Compiled gazetteer load, in-process (cold: YAML → index → cache; warm: cache)",
    ]
    out.append(
        table(
            ["gazetteer", "entities", "cold s", "warm s"],
            [
                [
                    r["gazetteer"],
                    f"{r['entities']:,}",
                    f"{r['load_cold_s']:.2f}",
                    f"{r['load_warm_s']:.3f}",
                ]
                for r in report["in_process"]
            ],
        )
    )
    out += ["", "== Targets"]
    out.append(
        table(
            ["status", "target", "limit", "figure"],
            [[t["status"], t["target"], t["limit"], t["figure"]] for t in report["targets"]],
        )
    )
    return "\n".join(out)


def render_markdown(report: Report) -> str:
    """The README "Performance" figures, ready to paste."""
    shipped, big = _row(report, "shipped"), _row(report, _largest(report))
    assert shipped is not None and big is not None
    small = _row(report, "synthetic 1,000")
    assert small is not None
    runs = report["start_up"]
    lines = [
        "",
        "== Markdown for the README",
        "",
        f"Measured with `python bench/bench.py` on {_machine_line(report)}; "
        f"{_corpus_line(report)}.",
        "",
        "| measure | figure |",
        "| --- | --- |",
    ]

    def mbps(row: dict[str, Any]) -> str:
        base = row.get("baseline")
        floor = f" (exact Aho-Corasick: {base[BASELINE]['mb_per_s']:.1f} MB/s)" if base else ""
        return f"{row['mb_per_s']:.2f} MB/s{floor}"

    lines.append(
        f"| throughput, shipped gazetteer ({shipped['entities']:,} entities), one core "
        f"| {mbps(shipped)} |"
    )
    lines.append(f"| throughput, {big['entities']:,} entities, one core | {mbps(big)} |")
    scale = " → ".join(
        f"{r['s_per_mb']:.2f}"
        for r in report["in_process"]
        if r["gazetteer"].startswith("synthetic")
    )
    lines.append(
        f"| time per MB, {' → '.join(f'{n:,}' for n in report['sizes'])} entities "
        f"| {scale} s/MB (×{big['s_per_mb'] / small['s_per_mb']:.2f}) |"
    )
    for r in report["cli"]:
        lines.append(
            f"| `check --jobs {r['jobs']}`, {r['gazetteer']} gazetteer "
            f"| {r['wall']:.1f} s, {r['mb_per_s']:.2f} MB/s, peak {r['max_rss_mb']:.0f} MB |"
        )
    libraries = runs.get("python: import libraries")
    if libraries:
        lines.append(
            "| start-up floor: python importing typer, markdown-it-py, rapidfuzz, unidecode "
            f"| {1000 * libraries['wall']:.0f} ms |"
        )
    lines.append(
        f"| start-up on a short file: bare python / warm cache / cold cache "
        f"| {1000 * runs['python -c pass']['wall']:.0f} / "
        f"{1000 * runs['namecheck warm']['wall']:.0f} / "
        f"{1000 * runs['namecheck cold']['wall']:.0f} ms |"
    )
    for r in (shipped, big):
        lines.append(
            f"| compiled gazetteer load, {r['gazetteer']}: cold / warm "
            f"| {r['load_cold_s']:.2f} s / {r['load_warm_s']:.3f} s |"
        )
    lines += ["", "| target | limit | measured | |", "| --- | --- | --- | --- |"]
    lines += [
        f"| {t['target']} | {t['limit']} | {t['figure']} | {t['status']} |"
        for t in report["targets"]
    ]
    return "\n".join(lines)
