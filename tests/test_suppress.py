"""``namecheck: allow FORM``: reading the directive, and where an editor inserts it."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from namecheck.checker import Checker
from namecheck.locate import LineIndex
from namecheck.model import Rule
from namecheck.suppress import Scope, allow_directive, allowed_forms, kept, scopes


@pytest.mark.parametrize(
    ("text", "forms"),
    [
        ("namecheck: allow Mitchell Bacelet\n", {"mitchell bacelet"}),
        ("<!-- namecheck: allow Mitchell  Bacelet -->", {"mitchell bacelet"}),
        ("<!--namecheck:allow Bacelet-->\r\nnamecheck: allow Kiev\r\n", {"bacelet", "kiev"}),
        ("a\rnamecheck: allow Kiev\rb", {"kiev"}),
        ("namecheck: allow \n", set()),  # no form: nothing allowed
        ("namecheck: deny Kiev", set()),
    ],
)
def test_directives(text: str, forms: set[str]) -> None:
    assert allowed_forms(text) == forms


def test_allowed_forms_are_not_reported_anywhere(checker: Checker) -> None:
    text = "namecheck: allow mitchell bacelet\nMITCHELL BACELET and Mitchell\nBacelet. Kiev.\n"
    left = kept(checker.check_text(text, "a.txt"), text)
    assert [f.found for f in left] == ["Kiev"]


@pytest.mark.parametrize(
    ("path", "text", "expected"),
    [
        ("a.txt", "Mitchell Bacelet said\n", "namecheck: allow Mitchell Bacelet\nMitchell"),
        ("a.txt", "x\r\ny", "namecheck: allow Mitchell Bacelet\r\nx"),  # the file's endings
        ("a.md", "# Title\n", "<!-- namecheck: allow Mitchell Bacelet -->\n# Title"),
        ("a.md", "---\ntitle: x\n---\nBody\n",
         "---\ntitle: x\n---\n<!-- namecheck: allow Mitchell Bacelet -->\nBody"),  # front matter
        ("a.md", "---\ntitle: x\n---", "---\ntitle: x\n---\n<!-- namecheck: allow Mitchell"),
        ("a.html", "<!DOCTYPE html>\n<p>x</p>",
         "<!DOCTYPE html>\n<!-- namecheck: allow Mitchell Bacelet -->\n<p>"),  # doctype first
        ("a.htm", "<p>x</p>", "<!-- namecheck: allow Mitchell Bacelet -->\n<p>"),
    ],
)
def test_directive_insertion(path: str, text: str, expected: str) -> None:
    offset, insert = allow_directive(text, path, "Mitchell\nBacelet")
    fixed = text[:offset] + insert + text[offset:]
    assert fixed.startswith(expected)
    assert allowed_forms(fixed) == {"mitchell bacelet"}


GARBLE = "Mitchell Bacelet"  # NC001
LINE = "Mitchell Bacelet visited Kiev."  # NC001 and NC004 (Kiev → Kyiv)


def _left(checker: Checker, text: str, path: str) -> list[tuple[int, str]]:
    return [(f.line, f.rule.value) for f in kept(checker.check_text(text, path), text)]


@pytest.mark.parametrize(
    ("path", "text", "expected"),
    [
        # namecheck: ignore, on the line, in each format's comment syntax
        ("a.txt", f"{LINE} namecheck: ignore\n{LINE}\n", [(2, "NC001"), (2, "NC004")]),
        ("a.txt", f"{LINE}  # namecheck: ignore\n", []),
        ("a.md", f"{LINE} <!-- namecheck: ignore -->\n\n{LINE}\n", [(3, "NC001"), (3, "NC004")]),
        ("a.html", f"<p>{LINE} <!-- namecheck: ignore --></p>\n<p>{LINE}</p>",
         [(2, "NC001"), (2, "NC004")]),
        # with codes (or a prefix): only those rules
        ("a.txt", f"{LINE} namecheck: ignore NC004\n", [(1, "NC001")]),
        ("a.md", f"{LINE} <!-- namecheck: ignore NC001, NC004 -->\n", []),
        ("a.html", f"<p>{LINE}<!--namecheck:ignore NC00--></p>", []),
        ("a.txt", f"{LINE} namecheck: ignore NC1\n", [(1, "NC001"), (1, "NC004")]),
        # namecheck: ignore-next-line
        ("a.txt", f"namecheck: ignore-next-line\n{LINE}\n{LINE}\n", [(3, "NC001"), (3, "NC004")]),
        ("a.md", f"<!-- namecheck: ignore-next-line NC004 -->\n{LINE}\n", [(2, "NC001")]),
        ("a.html", f"<!-- namecheck: ignore-next-line -->\n<p>{LINE}</p>\n<p>{GARBLE}</p>",
         [(3, "NC001")]),
        ("a.txt", f"{LINE}\nnamecheck: ignore-next-line", [(1, "NC001"), (1, "NC004")]),  # at EOF
        # namecheck: off ... namecheck: on
        ("a.txt", f"{LINE}\nnamecheck: off\n{LINE}\n{LINE}\nnamecheck: on\n{GARBLE}\n",
         [(1, "NC001"), (1, "NC004"), (6, "NC001")]),
        ("a.md", f"<!-- namecheck: off -->\n\n{LINE}\n\n> {GARBLE}\n", []),  # to the end
        ("a.html", f"<!-- namecheck: off NC004 -->\n<p>{LINE}</p>\n<!-- namecheck: on -->\n"
         f"<p>{LINE}</p>", [(2, "NC001"), (4, "NC001"), (4, "NC004")]),
        # a name wrapped over two lines is covered from either line
        ("a.txt", "Mitchell\nBacelet spoke. namecheck: ignore\n", []),
        # not directives
        ("a.txt", f"{LINE} namecheck: ignored\n", [(1, "NC001"), (1, "NC004")]),
        ("a.txt", f"{LINE} namecheck: online\n", [(1, "NC001"), (1, "NC004")]),
    ],
)
def test_suppression_comments(checker: Checker, path: str, text: str, expected: list) -> None:
    assert _left(checker, text, path) == expected


@pytest.mark.parametrize(
    ("path", "text"),
    [
        ("a.txt", "namecheck: allow Mitchell Bacelet\nMitchell Bacelet visited Kyiv.\n"),
        ("a.md", "<!-- namecheck: allow Mitchell Bacelet -->\n# Mitchell Bacelet\n"),
        ("a.html", "<!-- namecheck: allow Mitchell Bacelet --><h1>Mitchell Bacelet</h1>"),
    ],
)
def test_allow_in_each_format(checker: Checker, path: str, text: str) -> None:
    assert _left(checker, text, path) == []


def test_rules_and_config_allow(checker: Checker) -> None:
    text = f"{LINE}\nSvetlana Tikhanovska.\n"
    findings = checker.check_text(text, "a.txt")
    assert [f.rule.value for f in kept(findings, text, rules={Rule.DEPRECATED})] == ["NC004"]
    left = kept(findings, text, allow=["svetlana  tikhanovska", "KIEV"])
    assert [f.found for f in left] == ["Mitchell Bacelet"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("x namecheck: ignore\ny", [Scope(0, 2 + len(" namecheck: ignore"), ())]),
        ("namecheck: ignore-next-line NC001\r\nb\r\nc", [Scope(35, 38, ("NC001",))]),
        ("a namecheck: off NC001 NC003 b namecheck: on c", [Scope(2, 31, ("NC001", "NC003"))]),
        ("a namecheck: off", [Scope(2, 16, ())]),
    ],
)
def test_scopes(text: str, expected: list[Scope]) -> None:
    assert list(scopes(text)) == expected


PIECES = ["Mitchell Bacelet spoke.", "Kiev", "Michelle Bachelet.", "\n", "\r\n", " ",
          "namecheck: ignore", "<!-- namecheck: ignore-next-line NC004 -->", "namecheck: off",
          "namecheck: on", "# namecheck: ignore NC001", "😀"]  # fmt: skip


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(PIECES), max_size=14))
def test_suppression_removes_what_directives_cover(checker: Checker, pieces: list[str]) -> None:
    text = "".join(pieces)
    findings = checker.check_text(text, "a.txt")
    left = kept(findings, text)
    assert [f for f in findings if f in left] == left  # a subsequence, order kept
    covered = list(scopes(text))
    for finding in findings:
        assert (finding in left) == (not any(s.covers(finding) for s in covered))
    lines = LineIndex(text)
    for finding in left:  # nothing kept on a line that says "namecheck: ignore" for all rules
        for line in range(finding.line, finding.end_line + 1):
            assert not re.search(r"namecheck: ignore(?![\w-])(?! NC)", lines.line_text(line))
