"""Batch runs: parallel runs equal serial ones; the Checker travels to other processes."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from namecheck.checker import Checker
from namecheck.runner import PARALLEL_MIN_FILES, RunOptions, check_file, run
from tests.conftest import shared_path


def _sample(count: int) -> list[str]:
    corpus = shared_path("corpus", "bbc")
    return [str(p) for p in sorted(corpus.glob("*/*.txt"))[:count]]


def test_checker_pickles_and_gives_the_same_findings(checker: Checker) -> None:
    text = "UN rights chief Mitchell Bacelet met Svetlana Tikhanovska."
    clone = pickle.loads(pickle.dumps(checker))
    assert clone.check_text(text, "a.txt") == checker.check_text(text, "a.txt")


def test_the_checkers_entities_pickle_whole(checker: Checker) -> None:
    """Entities pickle only their non-default fields; every field reads back the same."""
    entities = checker.gazetteer.entities
    clones = pickle.loads(pickle.dumps(entities))
    assert clones == entities
    assert [(e.note, e.line, e.match, e.wrong, e.native) for e in clones] == [
        (e.note, e.line, e.match, e.wrong, e.native) for e in entities
    ]
    assert {hash(e) for e in clones} == {hash(e) for e in entities}


def test_parallel_run_equals_serial_run(checker: Checker, tmp_path: Path) -> None:
    names = _sample(PARALLEL_MIN_FILES + 6)
    garbled = tmp_path / "zz-garbled.txt"
    garbled.write_text("Mitchell Bacelet spoke.", encoding="utf-8")
    broken = tmp_path / "zz-broken.txt"
    broken.write_bytes(b"\xff\xfe\x00bad")
    paths = [*names[:30], str(garbled), str(broken), *names[30:]]
    serial = run(checker, paths, RunOptions(jobs=1))
    parallel = run(checker, paths, RunOptions(jobs=2))
    assert parallel.findings == serial.findings
    assert [str(e) for e in parallel.errors] == [str(e) for e in serial.errors]
    assert parallel.files_checked == serial.files_checked == len(paths) - 1
    assert [f.found for f in serial.findings if f.path == str(garbled)] == ["Mitchell Bacelet"]


def test_dask_recipe_matches_the_cli_engine(checker: Checker, tmp_path: Path) -> None:
    bag_module = pytest.importorskip("dask.bag", reason="the optional 'dask' extra is not installed")
    garbled = tmp_path / "garbled.txt"
    garbled.write_text("Minister Annalena Berbok and Mitchell Bacelet.", encoding="utf-8")
    names = [*_sample(40), str(garbled)]
    # The README's recipe, verbatim in spirit: a bag of paths, one outcome per file.
    bag = bag_module.from_sequence(names, npartitions=4)
    outcomes = bag.map(lambda name: check_file(checker, name, RunOptions())).compute(
        scheduler="processes", num_workers=2
    )
    findings = [f for outcome in outcomes for f in outcome.findings]
    assert findings == run(checker, names, RunOptions(jobs=1)).findings
    assert [f.found for f in findings if f.path == str(garbled)] == [
        "Annalena Berbok",
        "Mitchell Bacelet",
    ]
