"""Bad gazetteers: every problem is a line naming the file and line, nothing runs, nothing hangs.

(Config files are being built on another branch; their bad-input cases belong there.)
"""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from namecheck.checker import Checker
from namecheck.gazetteer import MAX_FORM_LENGTH, GazetteerErrors, load, parse
from tests.conftest import ROOT

LAUGHS = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' + "".join(
    f"{b}: &{b} [{', '.join(['*' + a] * 9)}]\n" for a, b in zip("abcdefgh", "bcdefghi", strict=True)
)


@pytest.fixture(params=[True, False], ids=["libyaml", "pure-python"])
def yaml_backend(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Both of PyYAML's parsers: libyaml where installed, and the pure-Python fallback."""
    if request.param and not yaml.__with_libyaml__:
        pytest.skip("PyYAML was built without libyaml")
    monkeypatch.setattr(yaml, "__with_libyaml__", request.param)


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("entities:\n  - name: [unclosed\n", 3, "YAML syntax error"),
        ("entities:\n- name: a\n  kind: person\n kind: place\n", 4, "YAML syntax error"),
        ("entities:\n\t- name: a\n", 2, "YAML syntax error"),  # a tab
        (LAUGHS, 2, "YAML aliases (*name) are not allowed"),  # billion laughs: refused at once
        ("entities: " + "[" * 10_000 + "]" * 10_000, 1, "exceeded maximum nesting depth"),
        ("entities: " + "{a: " * 10_000 + "1" + "}" * 10_000, 1, "maximum nesting depth"),
        ("hello", 1, "a gazetteer is a mapping with an 'entities' list"),
        ("entities: x\n", 1, "'entities' must be a list"),
        ("entitys: []\n", 1, "unknown top-level key 'entitys'"),
        ("entities:\n- just a string\n", 2, "each entity must be a mapping"),
    ],
    ids=["unclosed", "indent", "tab", "billion-laughs", "deep-list", "deep-map", "scalar",
         "entities-scalar", "typo", "string-entity"],
)  # fmt: skip
def test_broken_documents(yaml_backend: None, text: str, line: int, message: str) -> None:
    entities, errors = parse(text, "g.yaml")
    assert entities == []
    assert errors, "a broken gazetteer must say so"
    assert errors[0].path == "g.yaml"
    assert message in errors[0].message
    if "nesting" not in message:  # libyaml and PyYAML mark a nesting overflow differently
        assert errors[0].line == line


def test_tags_never_construct_objects(tmp_path: Path, yaml_backend: None) -> None:
    """Only the composer runs: a python/object tag is just an odd string, never code."""
    marker = tmp_path / "pwned"
    text = (
        f"entities:\n- name: !!python/object/apply:os.system ['touch {marker}']\n"
        f"- !!python/object/apply:os.system ['touch {marker}']\n"
        f"- name: Real Name\n  note: !!python/name:os.system\n"
    )
    _, errors = parse(text, "g.yaml")
    assert not marker.exists()
    assert [(e.line, e.message) for e in errors] == [
        (2, "'name' must be a string"),
        (3, "each entity must be a mapping with at least 'name'"),
        (5, "'note' is empty"),  # the tag's value is an empty string; nothing is resolved
    ]


BAD_VALUES = [
    ("id", "[a, b]", "'id' must be a string"),
    ("name", "{first: A}", "'name' must be a string"),
    ("name", "null", "'name' must be a string"),
    ("name", "''", "'name' is empty"),
    ("name", "'   '", "'name' is empty"),
    ("name", '"\\u00a0\\t\\u2003"', "'name' is empty"),  # NBSP, tab, em space
    ("name", "A" * 1000, f"'name' is longer than {MAX_FORM_LENGTH} characters"),
    ("name", '"Ab\\u200fc Def"', "'name' contains control or invisible format characters"),
    ("name", '"Abc\\u202e Def"', "'name' contains control or invisible format characters"),
    ("name", '"A\\x07b Cd"', "'name' contains control or invisible format characters"),
    ("name", '"A\\x1b[31mb Cd"', "'name' contains control or invisible format characters"),
    ("kind", "[person]", "'kind' must be a string"),
    ("kind", "planet", "unknown kind 'planet'"),
    ("aliases", "Bob", "'aliases' must be a list of strings"),
    ("aliases", "[[a]]", "'aliases' must be a string"),
    ("aliases", "['']", "'aliases' is empty"),
    ("native", "Боб", "'native' must be a list"),
    ("native", "[{xx: Боб}]", "unknown language 'xx'"),
    ("native", "[{uk: a, ru: b}]", "a tagged native form is a one-key mapping"),
    ("wrong", "3", "'wrong' must be a list of strings"),
    ("deprecated", "{a: b}", "'deprecated' must be a list of strings"),
    ("match", "[fuzzy]", "'match' must be a string"),
    ("match", "loose", "unknown match mode 'loose'"),
    ("note", "[1]", "'note' must be a string"),
    ("since", "{y: 2020}", "'since' must be a string"),
    ("until", "[2020]", "'until' must be a string"),
    ("source", "{a: 1}", "'source' must be a string"),
    ("colour", "red", "unknown key 'colour'"),
]


@pytest.mark.parametrize(("key", "value", "message"), BAD_VALUES,
                         ids=[f"{k}={v[:12]}" for k, v, _ in BAD_VALUES])  # fmt: skip
def test_wrong_values_for_every_key(key: str, value: str, message: str) -> None:
    base = {"name": "Abc Def", "kind": "person"}
    base[key] = value
    text = "entities:\n- " + "\n  ".join(f"{k}: {v}" for k, v in base.items()) + "\n"
    entities, errors = parse(text, "g.yaml")
    assert entities == []
    assert [e.path for e in errors] == ["g.yaml"] * len(errors)
    assert any(message in e.message and e.line >= 2 for e in errors), [str(e) for e in errors]


def test_short_and_numeric_names_load_and_raise_no_alarms() -> None:
    entities, errors = parse("entities:\n- name: A\n- name: Io\n- name: 3\n- name: X Y\n"
                             "  aliases: [B]\n", "g.yaml")  # fmt: skip
    assert errors == [] and [e.name for e in entities] == ["A", "Io", "3", "X Y"]
    text = "A cat. B. I saw a B-movie. Io said. Ia said. 3 or 4. Mr X Z spoke."
    assert Checker(entities).check_text(text, "a.txt") == []


def test_every_problem_across_files_names_its_file_and_line(tmp_path: Path) -> None:
    one, two = tmp_path / "one.yaml", tmp_path / "two.yaml"
    one.write_text("entities:\n- name: Ann Lee\n  id: ann\n- name: Bo Chan\n", encoding="utf-8")
    two.write_text("entities:\n- name: Ann Leigh\n  id: ann\n- name: Zed Bo\n"
                   "  aliases: [bo chan]\n- name: Cy Dee\n  wrong: [Ann Lee]\n",
                   encoding="utf-8")  # fmt: skip
    with pytest.raises(GazetteerErrors) as caught:
        load([one, two])
    assert [str(e) for e in caught.value.errors] == [
        f"{two}:2: duplicate id 'ann' (first at {one}:2)",
        f"{two}:4: form 'bo chan' is accepted for both 'bo-chan' ({one}:4) and 'zed-bo'",
        f"{two}:6: rejected form 'Ann Lee' of 'cy-dee' is an accepted form of 'ann'",
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"entities:\n- name: Caf\xe9\n", "gazetteer is not valid UTF-8"),
     (None, "gazetteer file not found")],
)  # fmt: skip
def test_unreadable_gazetteer_files(tmp_path: Path, content: bytes | None, message: str) -> None:
    path = tmp_path / "g.yaml"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(GazetteerErrors, match=message):
        load([path])


def test_a_bad_gazetteer_is_exit_two_with_one_line_per_problem(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(LAUGHS, encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("Mitchell Bacelet\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "namecheck", "check", "-g", str(bad),
                           str(article)], capture_output=True, text=True, cwd=ROOT,
                          timeout=120, env={"NAMECHECK_NO_CACHE": "1", "PATH": ""})  # fmt: skip
    assert done.returncode == 2
    assert done.stderr == (f"namecheck: error: {bad}:2: YAML syntax error: YAML aliases "
                           "(*name) are not allowed in a gazetteer\n")  # fmt: skip


@pytest.mark.slow
def test_a_100k_entity_gazetteer_loads(tmp_path: Path) -> None:
    """Figures for this size (load and compile time, memory): bench/adversarial.py."""
    rng = random.Random(3)
    letters = "abcdefghijklmnopqrstuvwxyz"
    lines = ["entities:"]
    for i in range(100_000):
        first = "".join(rng.choice(letters) for _ in range(7)).title()
        last = "".join(rng.choice(letters) for _ in range(9)).title()
        lines.append(f"- name: {first} {last}\n  id: e{i}\n  kind: person")
    path = tmp_path / "big.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    entities = load([path])
    assert len(entities) == 100_000
    assert entities[-1].id == "e99999" and entities[-1].line == 300_000 - 1
