"""``namecheck: allow FORM``: reading the directive, and where an editor inserts it."""

from __future__ import annotations

import pytest

from namecheck.checker import Checker
from namecheck.suppress import allow_directive, allowed_forms, kept


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
