"""Front matter of Markdown files: YAML (``---``) or TOML (``+++``) before the body.

Only the values of ``title`` and ``description`` are prose; keys, dates, slugs,
tags and the rest are skipped. Values are located in the source exactly: YAML
through the composer's node marks, TOML through the key's line.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, NamedTuple

from namecheck.locate import LineIndex

if TYPE_CHECKING:
    import yaml

PROSE_KEYS = ("title", "description")
FENCES = {"---": ("---", "..."), "+++": ("+++",)}
# A pattern, which re compiles at its first use: most pages have no TOML front matter.
_TOML_KEY = (
    r"""[ \t]*(?P<key>title|description)[ \t]*=[ \t]*(?P<value>"(?:[^"\\\n]|\\.)*"|'[^'\n]*')"""
)


class FrontMatter(NamedTuple):
    """Where the front matter is (lines ``first``..``last``, 0-based, fences included)
    and its prose values as ``(source_offset, text)`` pieces copied from the source."""

    first: int
    last: int
    pieces: tuple[tuple[int, str], ...]


def front_matter(lines: LineIndex) -> FrontMatter | None:
    """The front matter at the top of a document, or None when there is none."""
    opener = lines.line_text(1).rstrip()
    closers = FENCES.get(opener)
    if closers is None:
        return None
    count = len(lines.starts)
    last = next((i for i in range(1, count) if lines.line_text(i + 1).rstrip() in closers), 0)
    if not last:
        return None  # no closing fence: a thematic break, not front matter
    start = lines.starts[1]
    body = lines.text[start : lines.starts[last]]
    read = _yaml_values if opener == "---" else _toml_values
    return FrontMatter(0, last, tuple((start + at, text) for at, text in read(body)))


def _yaml_values(body: str) -> list[tuple[int, str]]:
    import yaml  # only for files that have front matter: a fast start otherwise

    try:
        root = yaml.compose(body, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return []  # broken front matter is the site generator's problem, not a name
    if not isinstance(root, yaml.MappingNode):
        return []
    pieces = []
    for key, value in root.value:
        if key.value in PROSE_KEYS and isinstance(value, yaml.ScalarNode):
            pieces.append(_raw_value(body, value))
    return [p for p in pieces if p[1]]


def _raw_value(body: str, node: yaml.ScalarNode) -> tuple[int, str]:
    """The value's characters as they stand in the source.

    Plain and quoted one-line values are exactly the value; for escaped, folded
    or block values the raw source text is checked instead (its line breaks are
    what a name may span anyway), so positions stay exact.
    """
    start, end = node.start_mark.index, node.end_mark.index
    if node.style in ('"', "'"):
        start, end = start + 1, end - 1
    elif node.style in ("|", ">"):
        newline = body.find("\n", start, end)
        start = end if newline < 0 else newline + 1
    return start, body[start:end]


def _toml_values(body: str) -> list[tuple[int, str]]:
    import tomllib

    try:
        tomllib.loads(body)
    except tomllib.TOMLDecodeError:
        return []
    pieces = []
    offset = 0
    for line in body.splitlines(keepends=True):
        if line.lstrip().startswith("["):
            break  # keys after a [table] header are not the page's own
        match = re.match(_TOML_KEY, line)
        if match:
            pieces.append((offset + match.start("value") + 1, match.group("value")[1:-1]))
        offset += len(line)
    return [p for p in pieces if p[1]]
