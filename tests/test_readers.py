"""Markdown and HTML readers: what is checked, what is skipped, and exact positions.

Each case marks the spans that must be reported with ⟦ ⟧; every other garble in
the case sits in a region the reader must skip. The marks are removed to make
the source, so the expected offsets are exact by construction.
"""

from __future__ import annotations

import re

import pytest

from namecheck.checker import Checker
from namecheck.text.html import read_html
from namecheck.text.markdown import read_markdown
from namecheck.text.prose import Prose

G = "Mitchell Bacelet"  # a reliable garble of Michelle Bachelet
MARK = re.compile("⟦(.*?)⟧", re.S)


def unmark(case: str) -> tuple[str, list[tuple[int, int]]]:
    """The source without marks, and the marked spans in it."""
    source, spans, at = [], [], 0
    for match in MARK.finditer(case):
        source.append(case[at : match.start()])
        start = sum(map(len, source))
        source.append(match.group(1))
        spans.append((start, start + len(match.group(1))))
        at = match.end()
    source.append(case[at:])
    return "".join(source), spans


def spans(checker: Checker, source: str, path: str) -> list[tuple[int, int]]:
    findings = checker.check_text(source, path)
    for f in findings:
        assert source[f.start : f.end] == f.found
    return [(f.start, f.end) for f in findings]


MARKDOWN = {
    "paragraph": f"Talks with ⟦{G}⟧ ended.\n",
    "emphasis": f"Talks with *⟦{G}⟧* and **⟦{G}⟧** ended.\n",
    "heading": f"# ⟦{G}⟧ visits #\n\nSetext ⟦{G}⟧\n------\n",
    "heading-hash-text": f"# # ⟦{G}⟧\n",
    "code fence": f"```\n{G}\n```\n\n~~~python\nx = '{G}'\n~~~\n",
    "indented code": f"Intro.\n\n    {G} in code\n",
    "inline code": f"Run `{G}` now; ``{G}`` too.\n",
    "html comment": f"<!-- {G} -->\n\nText <!-- {G} --> here.\n",
    "html block": f"<div>\n{G}\n</div>\n",
    "inline html code": f"Run <code>{G}</code> and <b>⟦{G}⟧</b>.\n",
    # <...> lets a link destination hold spaces, so the garble is whole in the URL too
    "link": f'See [⟦{G}⟧](<https://example.org/{G}> "{G}").\n',
    "reference link": f"See [⟦{G}⟧][ref].\n\n[ref]: <https://example.org/{G}> '{G}'\n",
    "image": f'![Photo of ⟦{G}⟧](<img/{G}.jpg> "{G}")\n',
    "autolink": "Mail <https://example.org/Mitchell-Bacelet> now.\n",
    "soft break": "Talks with ⟦Mitchell\nBacelet⟧ ended.\n",
    "soft break crlf": "Talks with ⟦Mitchell\r\nBacelet⟧ ended.\r\n",
    "crlf": f"Intro.\r\n\r\n```\r\n{G}\r\n```\r\n\r\nThen ⟦{G}⟧ spoke.\r\n",
    "block quote": "> Talks with ⟦Mitchell\n> Bacelet⟧ ended.\n",
    "list": f"- one\n- two ⟦{G}⟧\n  and more\n\n1. ⟦{G}⟧\n",
    "entity": f"Caf&eacute; &amp; ⟦{G}⟧ &#169; here.\n",
    "escape": f"\\*Not emphasis\\* ⟦{G}⟧.\n",
    "table": f"| who | where |\n|---|---|\n| ⟦{G}⟧ | a \\| b ⟦{G}⟧ |\n",
    "yaml front matter": (
        f"---\ntitle: ⟦{G}⟧ speaks\nauthor: {G}\ntags: [{G}]\n"
        f'description: "With ⟦{G}⟧"\n---\nBody ⟦{G}⟧.\n'
    ),
    "toml front matter": f'+++\ntitle = "⟦{G}⟧"\nauthor = "{G}"\n+++\nBody.\n',
    "front matter crlf": f"---\r\ntitle: ⟦{G}⟧\r\nslug: {G}\r\n---\r\nBody.\r\n",
    "thematic break is no front matter": f"---\n\n⟦{G}⟧ spoke.\n",
    "separate blocks never join": "# Mitchell\n\n⟦Bacelet⟧\n",  # the surname alone
    "tab indent": f"-\t⟦{G}⟧\n",
}

HTML = {
    "paragraph": f"<p>Talks with ⟦{G}⟧ ended.</p>",
    "emphasis": f"<p><em>⟦{G}⟧</em> and ⟦Mitchell <b>Bacelet⟧</b></p>",
    "skipped elements": (
        f"<script>var a = '{G}';</script><style>/* {G} */</style><pre>{G}</pre>"
        f"<p><code>{G}</code></p><template><p>{G}</p></template><textarea>{G}</textarea>"
    ),
    "comment": f"<!-- {G} --><p>ok</p><!DOCTYPE html>",
    "attributes": (
        f'<img src="{G}.jpg" alt="Photo of ⟦{G}⟧">'
        f'<a href="/{G}" title=\'⟦{G}⟧\' data-x="{G}">link</a>'
        f"<abbr title=⟦Bacelet⟧>MB</abbr>"
    ),
    "entities": "<p>⟦Mitchell&nbsp;Bacelet⟧ &amp; ⟦Mitchell&#32;Bacelet⟧ &copy;</p>",
    "entity ends a name": "<p>Talks with ⟦Mitchell Bac&#101;let⟧ ended.</p>",
    "blocks separate": "<div>Mitchell</div><div>⟦Bacelet⟧</div>",
    "line break": "<p>⟦Mitchell<br>Bacelet⟧</p>",
    "crlf": f"<p>\r\n  ⟦Mitchell\r\n  Bacelet⟧\r\n</p>\r\n<pre>\r\n{G}\r\n</pre>",
    "title element": f"<html><head><title>⟦{G}⟧</title></head><body></body></html>",
    "unclosed code skips to the end": f"<p><code>x</p><p>{G}</p>",
    "self-closing skip element": f"<code/><p>⟦{G}⟧</p>",
    "malformed marked section is a bogus comment": f"<p><![ {G}> ⟦{G}⟧</p><![ {G}",
}


@pytest.mark.parametrize("case", MARKDOWN.values(), ids=MARKDOWN.keys())
def test_markdown_reports_exactly_the_marked_spans(checker: Checker, case: str) -> None:
    source, expected = unmark(case)
    assert spans(checker, source, "a.md") == expected


@pytest.mark.parametrize("case", HTML.values(), ids=HTML.keys())
def test_html_reports_exactly_the_marked_spans(checker: Checker, case: str) -> None:
    source, expected = unmark(case)
    assert spans(checker, source, "a.html") == expected


@pytest.mark.parametrize(
    ("reader", "source", "text"),
    [
        (read_markdown, "A *b* `c` d\n\ne &amp; f", "A b \n\n d\n\ne & f"),
        (read_markdown, "---\ntitle: T\n---\nBody", "T\n\nBody"),
        (read_html, "<p>a <b>b</b></p><p>c&lt;d</p>", "a b\n\nc<d"),
        (read_html, "x<br>y<div>z</div>", "x\ny\n\nz"),
    ],
)
def test_prose_text(reader: object, source: str, text: str) -> None:
    prose = reader(source)  # type: ignore[operator]
    assert prose.text == text


@pytest.mark.parametrize(
    ("reader", "source", "word", "span"),
    [
        (read_markdown, "x &eacute;t&eacute; y", "été", (2, 19)),
        (read_markdown, "x \\*a\\* y", "*a*", (2, 7)),
        (read_html, "x &eacute;t&eacute; y", "été", (2, 19)),
        (read_html, "x &copyright; y", "©right;", (2, 13)),
    ],
)
def test_decoded_characters_span_their_whole_entity(
    reader: object, source: str, word: str, span: tuple[int, int]
) -> None:
    prose: Prose = reader(source)  # type: ignore[operator]
    start = prose.text.index(word)
    assert prose.span_to_source(start, start + len(word)) == span


def test_separators_map_to_the_end_of_the_previous_block() -> None:
    source = "First.\n\n```\nMitchell Bacelet\n```\n\nSecond."
    prose = read_markdown(source)
    assert prose.text == "First.\n\nSecond."
    assert [prose.to_source(i) for i in (6, 7)] == [6, 6]
    assert prose.to_source(8) == source.index("Second")


@pytest.mark.parametrize(
    "source",
    [
        "<div>" * 10_000 + G + "</div>" * 10_000,
        "<b>" * 10_000 + G,
        "<code>" * 10_000 + G,
    ],
    ids=["nested", "unclosed inline", "unclosed skip"],
)
def test_html_deep_nesting_does_not_recurse(checker: Checker, source: str) -> None:
    found = [f.found for f in checker.check_text(source, "deep.html")]
    assert found == ([] if source.startswith("<code>") else [G])


@pytest.mark.parametrize(
    "source",
    ["> " * 10_000 + G, "![" * 10_000 + G + "](x)" * 10_000, "*" * 10_000 + G],
    ids=["quotes", "images", "emphasis"],
)
def test_markdown_deep_nesting_does_not_crash(checker: Checker, source: str) -> None:
    for f in checker.check_text(source, "deep.md"):
        assert source[f.start : f.end] == f.found
