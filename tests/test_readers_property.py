"""Property tests: readers map every prose character, and every finding, back exactly."""

from __future__ import annotations

import re
from collections.abc import Callable

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from namecheck.checker import Checker
from namecheck.text.html import read_html
from namecheck.text.markdown import read_markdown
from namecheck.text.prose import Prose

GARBLES = ["Mitchell Bacelet", "Svetlana Tikhanovska"]

# (template, block?): the garble goes at {g}, where it must be found, and at {s},
# where it must not.
MARKDOWN = [
    ("{g}", False),
    ("*{g}*", False),
    ("**{g}**", False),
    ("_{g}_", False),
    ("[{g}](<https://example.org/{s}>)", False),
    ("![{g}](<img/{s}.png> '{s}')", False),
    ("&amp; {g} &lt;", False),
    ("\\* {g} \\_", False),
    ("<b>{g}</b>", False),
    ("# {g}", True),
    ("> {g}", True),
    ("- {g}", True),
    ("| {g} | x |\n|---|---|\n| y \\| {g} |", True),
    ("`{s}`", False),
    ("<!-- {s} -->", False),
    ("<code>{s}</code>", False),
    ("[link](<https://example.org/{s}>)", False),
    ("```\n{s}\n```", True),
    ("    {s}", True),
    ("<div>\n{s}\n</div>", True),
]
HTML = [
    ("{g}", False),
    ("<em>{g}</em>", False),
    ("<span class=x>{g}</span>", False),
    ("&amp; {g} &#169;", False),
    ('<img src="a.png" alt="{g}">', False),
    ("<a href='x' title='{g}'>link</a>", False),
    ("<p>{g}</p>", True),
    ("<div><div>{g}</div></div>", True),
    ("<script>var s = '{s}';</script>", False),
    ("<style>/* {s} */</style>", False),
    ("<code>{s}</code>", False),
    ("<pre>{s}</pre>", True),
    ("<!-- {s} -->", False),
    ('<a href="/{s}">link</a>', False),
]


def documents(
    templates: list[tuple[str, bool]],
) -> st.SearchStrategy[tuple[str, list[tuple[int, int]]]]:
    """Documents built from pieces, with the spans of the garbles that must be found."""

    @st.composite
    def build(draw: st.DrawFn) -> tuple[str, list[tuple[int, int]]]:
        newline = draw(st.sampled_from(["\n", "\r\n"]))
        pieces = draw(
            st.lists(
                st.tuples(st.sampled_from(templates), st.sampled_from(GARBLES)),
                min_size=1,
                max_size=6,
            )
        )
        source, expected = "", []
        for (template, block), garble in pieces:
            # Lower-case filler keeps garbles of neighbouring pieces apart.
            source += (newline * 2 if block else " ") + "and then "
            if block:
                source += newline * 2
            for part in re.split(r"(\{[gs]\})", template):
                if part == "{g}":
                    expected.append((len(source), len(source) + len(garble)))
                source += garble if part in ("{g}", "{s}") else part.replace("\n", newline)
            if block:
                source += newline * 2
        return source + newline, expected

    return build()


def assert_found_exactly(checker: Checker, source: str, path: str, expected: list) -> None:
    findings = checker.check_text(source, path)
    for f in findings:
        assert source[f.start : f.end] == f.found
    assert [(f.start, f.end) for f in findings] == expected


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents(MARKDOWN))
def test_markdown_findings_are_exactly_the_checked_garbles(
    checker: Checker, document: tuple[str, list[tuple[int, int]]]
) -> None:
    assert_found_exactly(checker, document[0], "doc.md", document[1])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents(HTML))
def test_html_findings_are_exactly_the_checked_garbles(
    checker: Checker, document: tuple[str, list[tuple[int, int]]]
) -> None:
    assert_found_exactly(checker, document[0], "doc.html", document[1])


SYMBOLS = "ab AZé\U0001d4b3 *_`[]()!<>&;#\\|-\n\r\t=+~:/'\""
MARKUP = st.lists(
    st.sampled_from([*SYMBOLS, "&amp;", "&#65;", "<b>", "</p>", "<!--"]),
    max_size=120,
).map("".join)


def assert_characters_map_back(reader: Callable[[str], Prose], source: str) -> None:
    """Every prose character read verbatim sits at its mapped source offset."""
    prose = reader(source)
    wide = dict(prose.wide)
    for i, ch in enumerate(prose.text):
        if ch == "\n":
            continue  # a separator or line break: maps beside the text, by design
        at = prose.to_source(i)
        if i in wide:
            assert at < wide[i] <= len(source)
        else:
            assert source[at] == ch, (i, ch, at)


@settings(max_examples=400, deadline=None)
@given(MARKUP)
def test_markdown_characters_map_back(source: str) -> None:
    assert_characters_map_back(read_markdown, source)


@settings(max_examples=400, deadline=None)
@given(MARKUP)
def test_html_characters_map_back(source: str) -> None:
    assert_characters_map_back(read_html, source)
