"""Gazetteer loading: every problem reported with file and line; the shipped data is clean."""

from __future__ import annotations

from pathlib import Path

import pytest

from namecheck.gazetteer import GazetteerErrors, cross_check, load, parse
from namecheck.normalize import fold
from namecheck.resources import default_gazetteer_paths

BAD = [
    # (yaml, line, message fragment)
    ("entities:\n  - name: [unclosed\n", 3, "YAML syntax error"),
    ("entities:\n  - kind: person\n", 2, "entity has no 'name'"),
    ("entities:\n  - name: X\n    kind: planet\n", 2, "unknown kind 'planet'"),
    ("entities:\n  - name: X\n    colour: red\n", 3, "unknown key 'colour'"),
    ("entities:\n  - name: X\n    aliases: Y\n", 3, "'aliases' must be a list"),
    ("entities:\n  - name: X\n    aliases: [[a]]\n", 3, "'aliases' must be a string"),
    ("entities:\n  - name: '   '\n", 2, "'name' is empty"),
    ("entities:\n  - name: \"A\\u202eB\"\n", 2, "control or invisible"),
    ("entities:\n  - name: " + "x" * 300 + "\n", 2, "longer than"),
    ("entities:\n  - &a {name: X}\n  - *a\n", 3, "aliases (*name) are not allowed"),
    ("entities:\n  - name: X\n    native: [{xx: Y}]\n", 3, "unknown language 'xx'"),
    ("entities:\n  - name: X\n    match: maybe\n", 2, "unknown match mode"),
    ("people:\n  - name: X\n", 1, "unknown top-level key 'people'"),
    ("entities:\n  - just a string\n", 2, "must be a mapping"),
]


@pytest.mark.parametrize(("text", "line", "message"), BAD)
def test_bad_entries_name_the_line(text: str, line: int, message: str) -> None:
    _, errors = parse(text, "g.yaml")
    assert errors, "expected an error"
    assert errors[0].path == "g.yaml"
    assert errors[0].line == line
    assert message in errors[0].message


def test_billion_laughs_is_refused_quickly() -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
        for i in range(20)
    )
    _, errors = parse(bomb, "bomb.yaml")
    assert "aliases" in errors[0].message


def test_cross_file_problems(tmp_path: Path) -> None:
    one = tmp_path / "one.yaml"
    two = tmp_path / "two.yaml"
    one.write_text("entities:\n  - {id: a, name: Alpha, aliases: [Al]}\n", encoding="utf-8")
    two.write_text(
        "entities:\n"
        "  - {id: a, name: Another}\n"
        "  - {id: b, name: Beta, aliases: [Al]}\n"
        "  - {id: c, name: Gamma, wrong: [Alpha]}\n",
        encoding="utf-8",
    )
    with pytest.raises(GazetteerErrors) as caught:
        load([one, two])
    text = str(caught.value)
    assert f"{two}:2: duplicate id 'a' (first at {one}:2)" in text
    assert f"{two}:3: form 'Al' is accepted for both 'a'" in text
    assert "rejected form 'Alpha' of 'c' is an accepted form of 'a'" in text


def test_missing_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(GazetteerErrors, match="gazetteer file not found"):
        load([tmp_path / "nope.yaml"])


def test_plain_list_and_defaults() -> None:
    entities, errors = parse("- name: Michelle Bachelet\n  kind: person\n")
    assert errors == []
    (entity,) = entities
    assert entity.id == "michelle-bachelet"
    assert entity.accepted == ("Michelle Bachelet",)


def test_native_forms_derive_romanisations() -> None:
    entities, _ = parse(
        "- name: Sviatlana Tsikhanouskaya\n  native: [Святлана Ціханоўская, Светлана Тихановская]\n"
    )
    derived = set(entities[0].derived)
    assert {"Svyatlana Tsikhanouskaya", "Svetlana Tikhanovskaya"} <= derived


def test_a_rejected_form_overrides_a_romanisation() -> None:
    entities, _ = parse("- name: Kyiv\n  native: [{uk: Київ}, Киев]\n  deprecated: [Kiev]\n")
    assert "Kiev" not in entities[0].accepted


# The shipped gazetteer is tested like code.


def test_shipped_gazetteer_is_valid() -> None:
    paths = default_gazetteer_paths()
    assert paths, "no shipped gazetteer files found"
    entities = load(paths)
    assert len({e.id for e in entities}) == len(entities)


def test_shipped_rejected_forms_are_never_accepted() -> None:
    entities = load(default_gazetteer_paths())
    accepted = {fold(f) for e in entities for f in e.accepted}
    for entity in entities:
        for form in (*entity.wrong, *entity.deprecated):
            assert fold(form) not in accepted, (entity.id, form)
    assert cross_check(entities) == []
