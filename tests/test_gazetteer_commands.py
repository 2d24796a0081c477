
"""``namecheck gazetteer ...`` and ``namecheck names``: exit codes and output."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from namecheck.gazetteer import parse
from tests.conftest import ROOT
from tests.test_cli import namecheck

FIXTURES = ROOT / "tests" / "fixtures"
SMALL = "entities:\n  - {id: a, name: Alpha Beta, kind: person, native: [Сергей Лавров]}\n"


def test_validate_the_shipped_gazetteer() -> None:
    result = namecheck("gazetteer", "validate")
    assert result.returncode == 0, result.stdout
    assert result.stdout.startswith("OK: ")
    assert "entities in 6 files" in result.stdout and result.stdout.count("\n") == 1


def test_validate_lists_every_error_with_file_and_line(tmp_path: Path) -> None:
    one = tmp_path / "one.yaml"
    two = tmp_path / "two.yaml"
    one.write_text("entities:\n  - {id: a, name: Alpha}\n  - {name: B, kind: planet}\n",
                   encoding="utf-8")  # fmt: skip
    two.write_text("entities:\n  - {id: a, name: Other, wrong: [Alpha]}\n", encoding="utf-8")
    result = namecheck("gazetteer", "validate", str(one), str(two))
    assert result.returncode == 2
    assert result.stdout.splitlines() == [
        f"{one}:3: unknown kind 'planet' (allowed: person, place, org, other)",
        f"{two}:2: duplicate id 'a' (first at {one}:2)",
        f"{two}:2: rejected form 'Alpha' of 'a' is an accepted form of 'a'",
    ]


def test_validate_a_folder(tmp_path: Path) -> None:
    (tmp_path / "x.yaml").write_text(SMALL, encoding="utf-8")
    result = namecheck("gazetteer", "validate", str(tmp_path))
    assert (result.returncode, result.stdout) == (0, "OK: 1 entities in 1 file (1 person)\n")


def test_show_marks_derived_forms(tmp_path: Path) -> None:
    (tmp_path / "x.yaml").write_text(SMALL, encoding="utf-8")
    result = namecheck("gazetteer", "show", "Sergei Lavrov", "--no-default-gazetteer",
                       "-g", str(tmp_path / "x.yaml"))  # fmt: skip
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "a: Alpha Beta (person, match fuzzy)"
    assert "    Alpha Beta  [name]" in lines
    assert "    Сергей Лавров  [native]" in lines
    assert "    Sergei Lavrov  [derived]" in lines


def test_show_by_id_and_deprecated_form() -> None:
    result = namecheck("gazetteer", "show", "Kiev")
    assert result.returncode == 0
    assert result.stdout.startswith("kyiv: Kyiv (place, match fuzzy)")
    assert result.stdout.splitlines()[-2:] == ["  deprecated:", "    Kiev"]


def test_show_unknown_is_exit_two() -> None:
    result = namecheck("gazetteer", "show", "Nowhereland Xyzzy")
    assert result.returncode == 2
    assert "no entity has the id or form 'Nowhereland Xyzzy'" in result.stderr


def test_search_ranks_the_garbled_name_first() -> None:
    result = namecheck("gazetteer", "search", "Tikhanovska", "-n", "3")
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert len(lines) == 3
    assert lines[0].endswith("→ sviatlana-tsikhanouskaya (person)")
    assert float(lines[0].split()[0]) > 85


def test_stats(tmp_path: Path) -> None:
    (tmp_path / "x.yaml").write_text(
        SMALL + "  - {id: b, name: Gamma, aliases: [Delta], native: [Сергей Лавров]}\n",
        encoding="utf-8",
    )
    result = namecheck("gazetteer", "stats", "--no-default-gazetteer", "-g", str(tmp_path))
    assert result.returncode == 0
    out = result.stdout
    assert "entities: 2\n  other: 1\n  person: 1\n" in out
    assert "  aliases: 1\n" in out
    assert "collisions (an accepted form of several entities): " in out
    assert "  sergei lavrov: a, b" in out


@pytest.mark.parametrize("fixture", ["wikidata.json", "wikidata.csv"])
def test_import_writes_valid_gazetteer_yaml(fixture: str, tmp_path: Path) -> None:
    result = namecheck("gazetteer", "import", str(FIXTURES / fixture))
    assert result.returncode == 0, result.stderr
    entities, errors = parse(result.stdout, "out.yaml")
    assert errors == []
    by_id = {e.id: e for e in entities}
    if fixture.endswith("json"):
        assert set(by_id) == {"volodymyr-zelensky", "kharkiv", "world-health-organization"}
        zelensky = by_id["volodymyr-zelensky"]
        assert zelensky.kind == "person"
        assert zelensky.aliases == ("Zelenskyy", "Volodymyr Zelenskyy", "Zelenskiy")
        assert "Volodymyr Zelenskyi" in zelensky.derived  # {uk: ...} → KMU 2010
        assert by_id["kharkiv"].kind == "place"
        assert by_id["world-health-organization"].kind == "org"
        raw = yaml.safe_load(result.stdout)["entities"][0]
        assert raw["source"] == "Wikidata Q3783243"
        assert raw["note"] == "President of Ukraine since 2019"
    else:
        assert [e.kind for e in entities] == ["person", "place", "place", "other"]
        assert by_id["ursula-von-der-leyen"].aliases == (
            "von der Leyen", "Ursula Gertrud von der Leyen")
        raw = yaml.safe_load(result.stdout)["entities"]
        assert raw[2]["native"] == [{"be": "Мінск"}]  # the nativeLang column tags it
        assert by_id["tokyo"].native == ("東京",)


def test_import_to_a_file(tmp_path: Path) -> None:
    out = tmp_path / "new.yaml"
    result = namecheck("gazetteer", "import", str(FIXTURES / "wikidata.csv"), "-o", str(out))
    assert result.returncode == 0
    assert result.stdout == "" and "4 entities written to" in result.stderr
    assert namecheck("gazetteer", "validate", str(out)).returncode == 0


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"results": 3}', "not Wikidata SPARQL JSON results"),
        ("id,colour\n1,red\n", "no label column"),
    ],
)
def test_import_bad_input_is_one_line(tmp_path: Path, content: str, message: str) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(content, encoding="utf-8")
    result = namecheck("gazetteer", "import", str(bad))
    assert result.returncode == 2
    assert result.stderr.startswith(f"namecheck: error: {bad}: {message}")
    assert "Traceback" not in result.stderr


def test_import_missing_file() -> None:
    result = namecheck("gazetteer", "import", "no/such.json")
    assert result.returncode == 2
    expected = "namecheck: error: no/such.json: cannot read: No such file or directory\n"
    assert result.stderr == expected


def test_names_lists_unknown_names_with_clusters(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(
        "Tikhanovskaya spoke. Tikhanovskaya said so. Later Tikhanovska left.\n"
        "President Alexander Lukashenko and Mr Ambrazevich met Nadia Smerk in Minsk. "
        "The Belarusian side agreed. I'm sure.\n",
        encoding="utf-8",
    )
    result = namecheck("names", str(tmp_path))
    assert result.returncode == 0
    # The garble is unknown too: that is how an editor finds it.
    assert result.stdout.splitlines() == ["Nadia Smerk ×1", "Tikhanovska ×1"]
    own = tmp_path / "g.yaml"
    own.write_text("entities:\n  - {name: Nadia Smerk, kind: person}\n", encoding="utf-8")
    result = namecheck("names", "--no-default-gazetteer", "-g", str(own), str(article))
    lines = result.stdout.splitlines()
    assert "Tikhanovskaya ×2 ~ Tikhanovska ×1" in lines
    assert not any(line.startswith(("Nadia", "I'm", "The ")) for line in lines)


def test_names_bad_path_is_exit_two() -> None:
    result = namecheck("names", "no/such/dir")
    assert result.returncode == 2
    assert "no/such/dir: no such file or directory" in result.stderr
