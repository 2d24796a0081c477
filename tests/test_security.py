"""Security: safe YAML only, no code run and no network, literal gazetteer text, clean terminals."""

from __future__ import annotations

import ast
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from namecheck.checker import Checker
from namecheck.gazetteer import parse
from namecheck.report import RunResult
from namecheck.report.github import render as render_github
from namecheck.report.text import render, render_concise
from namecheck.suppress import allowed_forms, kept
from tests.conftest import ROOT

PACKAGE = ROOT / "namecheck"
SAFE_YAML = {"compose", "parse", "dump", "SafeLoader", "CSafeLoader", "SafeDumper",
             "Node", "ScalarNode", "SequenceNode", "MappingNode", "AliasEvent", "MarkedYAMLError",
             "YAMLError", "composer", "__with_libyaml__"}  # fmt: skip


def _yaml_attributes() -> list[tuple[str, str]]:
    found = []
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and (
                node.value.id == "yaml"
            ):
                found.append((str(path.relative_to(ROOT)), node.attr))
    return found


def test_yaml_is_only_composed_or_safely_written() -> None:
    """No yaml.load / full_load / unsafe_load / Loader anywhere: nothing can construct objects."""
    used = _yaml_attributes()
    assert used, "the scan must see the gazetteer reader"
    assert {attr for _, attr in used} <= SAFE_YAML, used


# An audit hook in the child: any socket, DNS lookup or new process ends the run.
NO_NETWORK = """
import os, sys
def hook(event, args):
    if event.startswith(("socket.", "subprocess.", "os.system", "os.exec", "os.posix_spawn",
                         "os.spawn", "urllib.")):
        os.write(2, f"forbidden: {event}\\n".encode()); os._exit(99)
sys.addaudithook(hook)
from namecheck.cli import main
sys.argv = ["namecheck", *sys.argv[1:]]
main()
"""


@pytest.mark.parametrize(
    "args",
    [
        ["check", "{dir}"],
        ["check", "--fix", "{dir}"],
        ["check", "-f", "sarif", "{dir}"],
        ["explain", "Mitchell Bacelet"],
        ["gazetteer", "validate"],
    ],
    ids=["check", "fix", "sarif", "explain", "validate"],
)
def test_no_network_and_no_processes(tmp_path: Path, args: list[str]) -> None:
    (tmp_path / "a.md").write_text(
        "![x](https://example.org/a.png) [Mitchell Bacelet](http://example.org/)\n"
        "<img src='http://example.org/b.png'> Mitchell Bacelet said.\n", encoding="utf-8")
    (tmp_path / "b.html").write_text(
        "<script src='https://example.org/x.js'></script><p>Mitchell Bacelet</p>\n"
        "<iframe src='http://example.org'></iframe>", encoding="utf-8")  # fmt: skip
    command = [arg.format(dir=tmp_path) for arg in args]
    done = subprocess.run([sys.executable, "-c", NO_NETWORK, *command], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)  # fmt: skip
    assert "forbidden" not in done.stderr, done.stderr
    assert done.returncode in (0, 1), done.stderr


METACHARACTERS = ["A.B (C)*", "X+Y [Z] Q", "Foo|Bar Baz", "(?P<x>a) Name", "Dollar $ Sign",
                  "Back\\slash Name", "Caret ^ Top", "Brace {2} Name"]  # fmt: skip


def test_gazetteer_text_is_matched_literally() -> None:
    text = "entities:\n" + "".join(f"- name: '{name}'\n  kind: person\n"
                                   for name in METACHARACTERS)  # fmt: skip
    entities, errors = parse(text, "g.yaml")
    assert errors == [] and [e.name for e in entities] == METACHARACTERS
    checker = Checker(entities)
    for name in METACHARACTERS:  # each only as itself: no pattern matches other text
        assert checker.check_text(f"Today {name} spoke. AxB CCC and XXY Z Q.", "a.txt") == []
    evil = "entities:\n- name: '(a+)+$ Name'\n- name: '(x|x|x)*y Z'\n"
    checker = Checker(parse(evil, "g.yaml")[0])
    assert checker.check_text("a" * 5000 + "!" + "x" * 5000 + "!", "a.txt") == []


def test_allow_directives_are_literal() -> None:
    text = "namecheck: allow (.*)\nnamecheck: allow A.B (C)*\nMitchell Bacelet."
    assert allowed_forms(text) == {"(.*)", "a.b (c)*"}
    checker = Checker.from_paths()
    findings = checker.check_text(text, "a.txt")
    assert [f.found for f in kept(findings, text)] == ["Mitchell Bacelet"]


HOSTILE = [
    "\x1b]0;pwned\x07",  # set the terminal title
    "\x1b[2J\x1b[H",  # clear the screen
    "\x9b31m",  # C1 CSI
    "\x1b]8;;http://evil.example/\x1b\\",  # a hyperlink
    "\r",  # return to line start and overwrite
    "\u202e",  # right-to-left override: reverses what follows
    "\x08\x08\x08",  # backspaces
]


@pytest.mark.parametrize("evil", HOSTILE, ids=["title", "clear", "csi", "link", "cr", "rlo", "bs"])
def test_articles_cannot_inject_terminal_escapes(checker: Checker, evil: str) -> None:
    path = f"dir/{evil}name.txt"
    text = f"{evil}Mitchell Bacelet{evil} said {evil}.\n"
    result = RunResult(findings=checker.check_text(text, path), files_checked=1,
                       sources={path: text})  # fmt: skip
    assert len(result.findings) == 1
    for output in (render(result), render_concise(result)):
        hidden = [ch for ch in output if ch != "\n" and unicodedata.category(ch) in ("Cc", "Cf")]
        assert hidden == [], repr(output)
        assert "\\u" in output  # shown, escaped, where it was


def test_error_lines_escape_file_names(tmp_path: Path) -> None:
    name = tmp_path / "bad\x1b[2Jname.txt"
    name.write_bytes(b"\xff\xfe\x00")
    done = subprocess.run([sys.executable, "-m", "namecheck", "check", str(name)], cwd=ROOT,
                          capture_output=True, timeout=120)  # fmt: skip
    assert done.returncode == 2
    assert b"\x1b" not in done.stderr and b"\\u001b[2Jname.txt" in done.stderr


def test_github_annotations_cannot_be_forged(checker: Checker) -> None:
    text = "Mitchell\nBacelet said.\n::error file=x::forged\n"
    path = "a,b:c%0A.txt"
    result = RunResult(findings=checker.check_text(text, path), files_checked=1)
    output = render_github(result)
    assert output.count("\n") == 1 and output.startswith("::warning file=a%2Cb%3Ac%250A.txt,")
