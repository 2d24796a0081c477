"""Scoring of the accuracy evaluation (bench/metrics.py, bench/eval.py) on hand-made cases."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench import eval as evaluation
from bench.baseline import FuzzBaseline, KnownWrongBaseline
from bench.datasets import load_dev
from bench.metrics import Gold, Tally, expected_suggestion, overlaps, recall_by, score_doc
from namecheck.gazetteer import parse
from namecheck.model import Finding, Rule
from tests.conftest import shared_path


def finding(start: int, end: int, entity: str = "e", suggestion: str = "Fix",
            rule: Rule = Rule.FUZZY) -> Finding:  # fmt: skip
    return Finding(start, end, rule, "x", entity, suggestion, "person", 0.9)


def gold(start: int, end: int, entity: str = "e", expected: str = "Fix", garble: str = "") -> Gold:
    return Gold("d", start, end, "x", entity, "Canon Fix", expected, garble)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ((0, 5), (5, 9), False),  # touching is not overlapping
        ((0, 5), (4, 9), True),
        ((3, 4), (0, 9), True),  # inside
        ((0, 9), (3, 4), True),
        ((6, 9), (0, 5), False),
    ],
)
def test_overlaps(a: tuple[int, int], b: tuple[int, int], expected: bool) -> None:
    assert overlaps(*a, *b) is expected


@pytest.mark.parametrize(
    ("found", "canonical", "expected"),
    [
        ("Berbok", "Annalena Baerbock", "Baerbock"),
        ("Annalene Berbok", "Annalena Baerbock", "Annalena Baerbock"),
        ("Minks", "Minsk", "Minsk"),
    ],
)
def test_expected_suggestion(found: str, canonical: str, expected: str) -> None:
    assert expected_suggestion(found, canonical) == expected


def test_score_doc_sorts_hits_misses_false_and_ignored() -> None:
    golds = [gold(0, 10), gold(20, 30), gold(40, 50)]
    ignores = [Gold("d", 60, 70, "x")]
    findings = [
        finding(5, 12),  # overlaps the first label, right entity: a hit
        finding(8, 10, suggestion="Other"),  # a second hit on it, with a wrong fix
        finding(20, 30, entity="other"),  # the second label, wrong entity: false flag + miss
        finding(65, 66),  # on an ignore span: neither
        finding(80, 85),  # nowhere: a false flag
        finding(40, 50, rule=Rule.INCONSISTENT),  # advice: not counted, so label 3 is missed
        finding(40, 50, rule=Rule.DEPRECATED),
    ]
    score = score_doc(golds, ignores, findings)
    assert [(g.start, f.suggestion) for g, f in score.hits] == [(0, "Fix")]  # the right fix wins
    assert [(g.start, o and o.entity) for g, o in score.misses] == [(20, "other"), (40, None)]
    assert [f.start for f in score.true_flags] == [5, 8]
    assert [f.start for f in score.false_flags] == [20, 80]
    assert [f.start for f in score.ignored] == [65]

    tally = Tally()
    tally.add(score, words=2000)
    assert (tally.labels, tally.hits, tally.correct) == (3, 1, 1)
    assert tally.precision == pytest.approx(2 / 4)
    assert tally.recall == pytest.approx(1 / 3)
    assert tally.f1 == pytest.approx(2 * 0.5 * (1 / 3) / (0.5 + 1 / 3))
    assert tally.false_per_100k == pytest.approx(2 * 100_000 / 2000)


def test_known_wrong_counts_and_a_wrong_fix_is_a_hit_but_not_correct() -> None:
    score = score_doc([gold(0, 5)], [], [finding(0, 5, suggestion="Nope", rule=Rule.KNOWN_WRONG)])
    tally = Tally()
    tally.add(score, words=10)
    assert (tally.hits, tally.correct, tally.recall_correct) == (1, 0, 0.0)


def test_tally_without_flags_or_labels() -> None:
    empty = Tally()
    assert (empty.precision, empty.recall, empty.f1, empty.false_per_100k) == (None,) * 4
    silent = Tally()
    silent.add(score_doc([gold(0, 5)], [], []), words=100)
    assert (silent.precision, silent.recall, silent.f1) == (None, 0.0, 0.0)
    assert silent.false_per_100k == 0.0


def test_recall_by_garble_type() -> None:
    scores = [
        score_doc(
            [gold(0, 5, garble="drop"), gold(10, 15, garble="german")],
            [],
            [finding(0, 5), finding(10, 15, suggestion="Bad")],
        ),
        score_doc([gold(0, 5, garble="drop")], [], []),
    ]
    assert recall_by(scores, "garble") == {"drop": (2, 1, 1), "german": (1, 1, 0)}


BASELINE_GAZETTEER = """
- name: Michelle Bachelet
  kind: person
  aliases: [Bachelet]
  wrong: [Michele Bachelett]
"""


def test_baselines() -> None:
    entities, errors = parse(BASELINE_GAZETTEER)
    assert not errors
    fuzzy = FuzzBaseline(entities)
    text = "Michelle Bachelet spoke.\nLater Mitchell Bacelet and Bachelett, and Michele Bachelett."
    found = [(f.found, f.suggestion, f.line) for f in fuzzy.check_text(text, "x.txt")]
    # Plain ratio prefers the surname alone to the whole garbled name (93 against 82).
    assert ("Bacelet", "Bachelet", 2) in found
    assert ("Bachelett", "Bachelet", 2) in found
    assert ("Michele Bachelett", "Michelle Bachelet", 2) in found
    assert all(f != "Michelle Bachelet" for f, _, _ in found)  # accepted forms are never flagged
    wrong = KnownWrongBaseline(entities).check_text(text)
    assert [(f.found, f.rule) for f in wrong] == [("Michele Bachelett", Rule.KNOWN_WRONG)]


def test_load_dev_checks_spans(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "001.txt").write_text("Berbok said.\n", encoding="utf-8")
    row = {"doc": "001.txt", "start": 0, "end": 6, "found": "Berbok",
           "canonical": "Annalena Baerbock", "entity": "annalena-baerbock"}  # fmt: skip
    (tmp_path / "labels.jsonl").write_text(json.dumps(row) + "\n", encoding="utf-8")
    (tmp_path / "ignore.jsonl").write_text("", encoding="utf-8")
    (doc,) = load_dev(tmp_path)
    assert doc.labels[0].expected == "Baerbock" and doc.words == 2
    row["end"] = 5
    (tmp_path / "labels.jsonl").write_text(json.dumps(row) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"001\.txt"):
        load_dev(tmp_path)


def test_eval_without_shared_data_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert evaluation.main(["--shared", str(tmp_path), "--set", "dev"]) == 2
    assert "shared data not found" in capsys.readouterr().err


def test_eval_dev_set_json(capsys: pytest.CaptureFixture[str]) -> None:
    shared = shared_path()
    assert evaluation.main(["--shared", str(shared), "--set", "dev", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    dev = report["dev"]
    assert dev["namecheck"]["labels"] == 21
    assert set(dev) >= {"namecheck", "rapidfuzz>=85", "known-wrong", "docs", "words"}
