"""Config files: discovery, every key, every error, and the command-line overrides."""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

import pytest

from namecheck.cli import main
from namecheck.config import ALL_RULES, Config, Overrides, find_config, load_config, select_rules
from namecheck.engines import Engines
from namecheck.errors import ConfigError
from namecheck.model import Rule

TEXT = "Mitchell Bacelet visited Kiev.\n"  # NC001 (Bacelet) and NC004 (Kiev → Kyiv)
OWN_GAZETTEER = """\
entities:
  - name: Jolanta Wrzesniewska
    kind: person
    wrong: [Yolanta Vreshnevska]
"""


def cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], cwd: Path,
        *args: str) -> tuple[int, str, str]:  # fmt: skip
    """``namecheck ARGS`` in this process (fast): exit code, stdout, stderr."""
    monkeypatch.chdir(cwd)
    monkeypatch.setattr(sys, "argv", ["namecheck", *args])
    with pytest.raises(SystemExit) as exit_info:
        main()
    out, err = capsys.readouterr()
    return int(exit_info.value.code or 0), out, err


@pytest.fixture()
def run(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path):  # type: ignore[no-untyped-def]
    """``run(*args)``: the CLI in tmp_path, concise format; returns (code, out lines, err)."""

    def _run(*args: str, cwd: Path = tmp_path) -> tuple[int, list[str], str]:
        code, out, err = cli(monkeypatch, capsys, cwd, "check", "-f", "concise", *args)
        return code, out.splitlines(), err

    return _run


def rules_found(lines: list[str]) -> list[str]:
    """``path CODE`` of each concise line."""
    return [f"{os.path.normpath(line.split(':')[0])} {line.split(': ')[1].split()[0]}"
            for line in lines]  # fmt: skip


# Discovery


def test_nearest_config_wins(write, run) -> None:  # type: ignore[no-untyped-def]
    write("namecheck.toml", 'ignore = ["NC001"]\n')
    write("sub/namecheck.toml", 'ignore = ["NC004"]\n')
    write("a.txt", TEXT)
    write("sub/b.txt", TEXT)
    write("sub/deeper/c.txt", TEXT)
    code, lines, _ = run(".")
    assert code == 1
    assert rules_found(lines) == ["a.txt NC004", "sub/b.txt NC001", "sub/deeper/c.txt NC001"]


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        ({"namecheck.toml": "threshold = 0.1", "pyproject.toml": "[tool.namecheck]\n"},
         "namecheck.toml"),
        ({".namecheck.toml": "", "pyproject.toml": "[tool.namecheck]\n"}, ".namecheck.toml"),
        ({"pyproject.toml": "[tool.namecheck]\nthreshold = 0.5\n"}, "pyproject.toml"),
        # a pyproject.toml without our table is not a namecheck config: look further up
        ({"pyproject.toml": "[tool.ruff]\nline-length = 99\n", "../namecheck.toml": ""},
         "../namecheck.toml"),
        ({"pyproject.toml": "[project]\nname = 'namecheck'\n"}, None),
    ],
)
def test_which_file_is_the_config(write, tmp_path: Path, files: dict[str, str],  # type: ignore[no-untyped-def]
                                  expected: str | None) -> None:  # fmt: skip
    for name, text in files.items():
        write(f"project/{name}", text)
    found = find_config(tmp_path / "project" / "docs")
    assert found == ((tmp_path / "project" / expected).resolve() if expected else None)


def test_pyproject_table_is_read(write, run) -> None:  # type: ignore[no-untyped-def]
    write("pyproject.toml", '[project]\nname = "site"\n\n[tool.namecheck]\nselect = ["NC004"]\n')
    write("a.md", TEXT)
    assert rules_found(run(".")[1]) == ["a.md NC004"]


def test_config_option_and_isolated(write, run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    write("namecheck.toml", 'ignore = ["NC001"]\n')
    write("elsewhere/strict.toml", 'select = ["NC001"]\n')
    write("a.txt", TEXT)
    assert rules_found(run("a.txt")[1]) == ["a.txt NC004"]
    assert rules_found(run("--config", "elsewhere/strict.toml", "a.txt")[1]) == ["a.txt NC001"]
    assert rules_found(run("--isolated", "a.txt")[1]) == ["a.txt NC001", "a.txt NC004"]
    code, _, err = run("--isolated", "--config", "elsewhere/strict.toml", "a.txt")
    assert (code, err) == (2, "namecheck: error: --config and --isolated cannot be used together\n")


def test_stdin_takes_the_config_of_its_filename(write, run, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    write("desk/namecheck.toml", 'ignore = ["NC004"]\n')
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(TEXT.encode())))
    _, lines, _ = run("--stdin-filename", "desk/draft.txt", "-")
    assert rules_found(lines) == ["desk/draft.txt NC001"]


# Keys


def test_gazetteers_are_relative_to_the_config_file(write, run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    write("site/names/own.yaml", OWN_GAZETTEER)
    write("site/namecheck.toml", 'gazetteers = ["names/own.yaml"]\n')
    write("site/a.txt", "Yolanta Vreshnevska met Mitchell Bacelet.\n")
    # run from another folder: the path is the config file's, not the working folder's
    _, lines, _ = run(str(tmp_path / "site"), cwd=tmp_path / "site" / "names")
    assert [line.split(": ", 1)[1].split(" (")[0] for line in lines] == [
        "NC002 'Yolanta Vreshnevska' → 'Jolanta Wrzesniewska'",
        "NC001 'Mitchell Bacelet' → 'Michelle Bachelet'",
    ]


def test_default_gazetteer_off(write, run) -> None:  # type: ignore[no-untyped-def]
    write("own.yaml", OWN_GAZETTEER)
    write("namecheck.toml", 'gazetteers = ["own.yaml"]\ndefault-gazetteer = false\n')
    write("a.txt", "Yolanta Vreshnevska met Mitchell Bacelet.\n")
    assert rules_found(run("a.txt")[1]) == ["a.txt NC002"]


def test_threshold_from_config_and_cli(write, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    write("namecheck.toml", "threshold = 0.9\n")
    path = str(tmp_path / "a.txt")
    checker, _ = Engines().for_path(path)
    assert checker.settings.threshold == 0.9
    checker, _ = Engines(Overrides(threshold=0.8)).for_path(path)
    assert checker.settings.threshold == 0.8


@pytest.mark.parametrize(
    ("select", "ignore", "enabled"),
    [
        (None, (), "NC001 NC002 NC003 NC004 NC101 NC102 NC103 NC104 NC105"),
        (("NC0",), (), "NC001 NC002 NC003 NC004"),
        (("NC0",), ("NC003",), "NC001 NC002 NC004"),
        (("NC001", "NC1"), ("NC10",), "NC001"),
        (("NC003",), ("NC0",), "NC003"),  # the more specific code wins
        (("NC00",), ("NC00",), ""),  # a tie: ignored
        (None, ("NC1", "NC002"), "NC001 NC003 NC004"),
        (("NC",), (), "NC001 NC002 NC003 NC004 NC101 NC102 NC103 NC104 NC105"),
    ],
)
def test_select_and_ignore(select: tuple[str, ...] | None, ignore: tuple[str, ...],
                           enabled: str) -> None:  # fmt: skip
    rules = select_rules(ALL_RULES, select, ignore)
    assert " ".join(sorted(r.value for r in rules)) == enabled


def test_cli_select_and_ignore_layer_over_the_config(write, run) -> None:  # type: ignore[no-untyped-def]
    write("namecheck.toml", 'select = ["NC0"]\nignore = ["NC004"]\n')
    write("a.txt", TEXT)
    assert rules_found(run("a.txt")[1]) == ["a.txt NC001"]
    assert rules_found(run("--select", "NC004", "a.txt")[1]) == ["a.txt NC004"]
    assert rules_found(run("--ignore", "NC001", "a.txt")[1]) == []
    assert rules_found(run("--select", "NC001,NC004", "--ignore", "NC001", "a.txt")[1]) == [
        "a.txt NC004"
    ]


def test_prefer_makes_the_house_form_canonical(write, run) -> None:  # type: ignore[no-untyped-def]
    write("namecheck.toml", "[prefer]\n"
          'sviatlana-tsikhanouskaya = "Svetlana Tikhanovskaya"\nkyiv = "Kiev"\n')  # fmt: skip
    write("a.txt", "Svetlana Tikhanovska spoke.\n")
    write("b.txt", "Svetlana Tikhanovskaya, also written Sviatlana Tsikhanouskaya, was in Kiev.\n")
    _, lines, _ = run("a.txt", "b.txt")
    # the fix is the house form; the house form (once deprecated, for Kiev) is accepted;
    # the gazetteer's own name stays accepted, though one document should use one form
    assert [line.split(": ", 1)[1].split(" (")[0] for line in lines] == [
        "NC001 'Svetlana Tikhanovska' → 'Svetlana Tikhanovskaya'",
        "NC003 'Sviatlana Tsikhanouskaya' → 'Svetlana Tikhanovskaya'",
    ]


def test_allow_key(write, run) -> None:  # type: ignore[no-untyped-def]
    write("namecheck.toml", 'allow = ["mitchell bacelet"]\n')
    write("a.txt", TEXT)
    assert rules_found(run("a.txt")[1]) == ["a.txt NC004"]


# Errors: one line naming the file, line and key; exit 2


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("namecheck.toml", "# house style\ntreshold = 0.5\n",
         "namecheck.toml:2: unknown key 'treshold'; did you mean 'threshold'?"),
        ("namecheck.toml", "colour = 'red'\n",
         "namecheck.toml:1: unknown key 'colour' (known: gazetteers, default-gazetteer, include, "
         "exclude, respect-gitignore, threshold, select, ignore, prefer, allow)"),
        ("pyproject.toml", "[project]\nname = 'x'\n\n[tool.namecheck]\nslect = ['NC001']\n",
         "pyproject.toml:5: unknown key 'slect'; did you mean 'select'?"),
        ("namecheck.toml", "\nthreshold = 'high'\n",
         "namecheck.toml:2: 'threshold': must be a number from 0 to 1, not \"high\""),
        ("namecheck.toml", "threshold = 1.5\n",
         "namecheck.toml:1: 'threshold': must be a number from 0 to 1, not 1.5"),
        ("namecheck.toml", "threshold = true\n",
         "namecheck.toml:1: 'threshold': must be a number from 0 to 1, not true"),
        ("namecheck.toml", "ignore = 'NC001'\n",
         "namecheck.toml:1: 'ignore': must be a list of non-empty strings, not \"NC001\""),
        ("namecheck.toml", "select = ['NC001', 'NC9']\n",
         "namecheck.toml:1: 'select': unknown rule code 'NC9' (a code or prefix of: NC001, "
         "NC002, NC003, NC004, NC101, NC102, NC103, NC104, NC105)"),
        ("namecheck.toml", "ignore = ['E501']\n",
         "namecheck.toml:1: 'ignore': unknown rule code 'E501' (a code or prefix of: NC001, "
         "NC002, NC003, NC004, NC101, NC102, NC103, NC104, NC105)"),
        ("namecheck.toml", "gazetteers = ['names.yaml']\n",
         "namecheck.toml:1: 'gazetteers': gazetteer file not found: names.yaml"),
        ("namecheck.toml", "include = [1]\n",
         "namecheck.toml:1: 'include': must be a list of non-empty strings, not a list with "
         "non-strings"),
        ("namecheck.toml", "respect-gitignore = 'no'\n",
         "namecheck.toml:1: 'respect-gitignore': must be true or false, not \"no\""),
        ("namecheck.toml", "prefer = ['Kiev']\n",
         "namecheck.toml:1: 'prefer': must be a table of entity id = \"form\", not a list"),
        ("namecheck.toml", "[prefer]\nkyiv = ''\n",
         "namecheck.toml:1: 'prefer': the form for 'kyiv' must be a non-empty string, not \"\""),
        ("namecheck.toml", "[prefer]\nkyiv = 'Kiev'\nnobody = 'X'\n",
         "namecheck.toml:3: 'prefer': no entity with id 'nobody' in the gazetteers"),
        ("namecheck.toml", "prefer = { kyiv = 'Moscow' }\n",
         "namecheck.toml:1: 'prefer': 'Moscow' is an accepted form of 'moscow'"),
        ("namecheck.toml", "threshold = \n",
         "namecheck.toml:1: invalid TOML: Invalid value"),
        ("namecheck.toml", "default-gazetteer = false\n",
         "--no-default-gazetteer or default-gazetteer = false needs at least one gazetteer "
         "(--gazetteer PATH or gazetteers = [...]) (namecheck.toml)"),
    ],
)
def test_config_errors(write, run, name: str, text: str, message: str) -> None:  # type: ignore[no-untyped-def]
    write(name, text)
    write("a.txt", TEXT)
    code, lines, err = run("a.txt")
    assert (code, lines, err) == (2, [], f"namecheck: error: {message}\n")


def test_missing_config_option_file(write, run) -> None:  # type: ignore[no-untyped-def]
    write("a.txt", TEXT)
    code, _, err = run("--config", "nope.toml", "a.txt")
    assert (code, err) == (2, "namecheck: error: nope.toml: config file not found\n")


def test_bad_cli_rule_code(write, run) -> None:  # type: ignore[no-untyped-def]
    write("a.txt", TEXT)
    code, _, err = run("--ignore", "NC001,X1", "a.txt")
    assert code == 2
    assert err.startswith("namecheck: error: --ignore: unknown rule code 'X1'")


def test_load_config_values(write, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    write("g.yaml", OWN_GAZETTEER)
    path = write("namecheck.toml", """\
gazetteers = ["g.yaml"]
include = ["*.md"]
exclude = ["drafts/"]
respect-gitignore = false
threshold = 1
select = ["NC00"]
ignore = ["NC003"]
prefer = { kyiv = "Kyiv  City" }
allow = ["Kiev"]
""")  # fmt: skip
    config = load_config(path)
    assert config == Config(
        path=path, root=tmp_path, gazetteers=(tmp_path / "g.yaml",), include=("*.md",),
        exclude=("drafts/",), respect_gitignore=False, threshold=1.0,
        rules=frozenset({Rule.FUZZY, Rule.KNOWN_WRONG, Rule.DEPRECATED}),
        prefer=(("kyiv", "Kyiv City"),), allow=("Kiev",),
    )  # fmt: skip


def test_errors_are_config_errors(write) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ConfigError) as error:
        load_config(write("namecheck.toml", "threshold = -1\n"))
    assert error.value.line == 1
