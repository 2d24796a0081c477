"""The Markdown reader: the prose of a CommonMark (+ tables, strikethrough) document.

Checked: paragraphs, headings, list items, block quotes, table cells, link text,
image alt text, and ``title``/``description`` in front matter. Skipped: code
(fenced, indented, inline), raw HTML, HTML comments, link URLs, image paths,
autolinks and the rest of the front matter.

markdown-it-py gives block tokens line ranges but inline tokens no positions,
so positions are recorded while parsing: an inline state subclass remembers
where each run of literal text began, and every inline rule is wrapped to stamp
the tokens it pushes with the offset it started at. Inline content is then
mapped back to the source line by line. Nothing is ever found by searching the
source for the extracted text, which is how markup linters go wrong.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from functools import cache
from typing import TYPE_CHECKING, Any

from namecheck.locate import LineIndex
from namecheck.text.builder import ProseBuilder
from namecheck.text.frontmatter import front_matter
from namecheck.text.prose import Prose
from namecheck.text.tags import INLINE_TAGS, SKIP_TAGS

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

_TAG = r"<(/?)([A-Za-z][A-Za-z0-9-]*)"  # compiled by re at its first use: inline HTML is rare
_LITERAL = ("text", "text_special")


def read_markdown(source: str) -> Prose:
    """The prose of a Markdown document, mapped to exact source offsets."""
    lines = LineIndex(source)
    texts = [lines.line_text(n) for n in range(1, len(lines.starts) + 1)]
    builder = ProseBuilder()
    matter = front_matter(lines)
    if matter is not None:
        for offset, text in matter.pieces:
            builder.separate()
            builder.text(offset, text)
        texts[matter.first : matter.last + 1] = [""] * (matter.last + 1 - matter.first)
    # markdown-it reads LF only and turns NUL into U+FFFD (same length); feeding it
    # the lines joined by LF keeps every column equal to the source's.
    fed = "\n".join(texts).replace("\0", "\ufffd")
    _Walker(builder, lines, fed.split("\n")).blocks(_parser().parse(fed))
    return builder.build()


@cache
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    # The commonmark preset stops parsing at 20 levels of tokens (ten nested list
    # items) and drops the rest of the document unchecked; markdown-it's default
    # of 100 is still far from Python's recursion limit.
    md.options["maxNesting"] = 100
    # Keep entities, escapes and stray delimiters as their own tokens, so each
    # keeps the source offset stamped on it.
    md.disable(["text_join", "fragments_join"])
    for rule in md.inline.ruler.__rules__:
        md.inline.ruler.at(rule.name, _stamped(rule.fn), {"alt": rule.alt})
    state_class = _state_class()

    def parse(src: str, md: MarkdownIt, env: Any, tokens: list[Token]) -> list[Token]:
        state = state_class(src, md, env, tokens)
        md.inline.tokenize(state)
        for rule in md.inline.ruler2.getRules(""):
            rule(state)
        return tokens

    md.inline.parse = parse  # type: ignore[method-assign]
    return md


def _state_class() -> type:
    from markdown_it.rules_inline import StateInline

    class PositionedState(StateInline):
        """Remembers where the pending run of literal text began in ``src``."""

        text_start = 0

        def append_pending(self, text: str) -> None:
            if not self.pending:
                self.text_start = self.pos
            super().append_pending(text)

        def pushPending(self) -> Token:
            token = super().pushPending()
            token.meta["offset"] = self.text_start
            return token

    return PositionedState


def _stamped(rule: Callable[[Any, bool], bool]) -> Callable[[Any, bool], bool]:
    """Wrap an inline rule so tokens it pushes know their offset in ``state.src``.

    Literal tokens a rule pushes (an escape, an entity, emphasis markers left
    unmatched) are consecutive from where the rule started.
    """

    def stamped(state: Any, silent: bool) -> bool:
        offset, first = state.pos, len(state.tokens)
        matched = rule(state, silent)
        if matched and not silent:
            for token in state.tokens[first:]:
                if "offset" not in token.meta:
                    token.meta["offset"] = offset
                    if token.type in _LITERAL:
                        offset += len(token.markup or token.content)
        return matched

    return stamped


class _Walker:
    """Turns block and inline tokens into prose pieces."""

    def __init__(self, builder: ProseBuilder, lines: LineIndex, fed: list[str]) -> None:
        self.out = builder
        self.starts = lines.starts
        self.fed = fed
        self.cursor: dict[int, int] = {}  # table rows: column after the last cell

    def blocks(self, tokens: Sequence[Token]) -> None:
        previous = ""
        for token in tokens:
            if token.type == "inline" and token.map and token.children is not None:
                self.out.separate()
                cell = previous in ("th_open", "td_open")
                content = self._content_map(token.content, token.map[0], cell)
                self.inline(token.children, content, 0)
            previous = token.type

    def _content_map(self, content: str, first: int, cell: bool) -> Prose:
        """Map inline content (container markers stripped, lines joined) to the source."""
        anchors: list[tuple[int, int]] = []
        at = 0
        for i, line in enumerate(content.split("\n")):
            row = self.fed[first + i] if first + i < len(self.fed) else ""
            start = self.starts[min(first + i, len(self.starts) - 1)]
            if cell:
                anchors.extend(self._cell_anchors(line, first + i, row, at, start))
            else:
                # A content line is the end of its source line, less container
                # markers, indentation (tabs may have become spaces) and, for an
                # ATX heading, the closing #s: its last occurrence.
                core = line.lstrip()
                column = max(row.rfind(core), 0) - (len(line) - len(core))
                anchors.append((at, start + column))
            at += len(line) + 1
        return Prose(content, tuple(anchors) or ((0, 0),))

    def _cell_anchors(
        self, cell: str, line: int, row: str, at: int, start: int
    ) -> Iterable[tuple[int, int]]:
        """A table cell is its row's next cell; markdown-it dropped the ``\\`` of each ``\\|``."""
        raw = cell.replace("|", "\\|")
        column = row.find(raw, self.cursor.get(line, 0)) if raw else -1
        if column < 0:
            return [(at, start)]
        self.cursor[line] = column + len(raw)
        anchors = [(at, start + column)]
        for piece in cell.split("|")[:-1]:
            at += len(piece) + 1
            column += len(piece) + 2
            anchors.append((at - 1, start + column - 1))  # the "|", after its "\\"
        return anchors

    def inline(self, tokens: Sequence[Token], content: Prose, base: int) -> None:
        """Inline tokens whose offsets count from ``base`` in the block's content."""
        skipping: list[str] = []  # raw HTML elements such as <code> being skipped
        autolink = False
        for token in tokens:
            offset = base + token.meta.get("offset", 0)
            kind = token.type
            if kind == "html_inline":
                self._html(token.content, skipping)
            elif skipping:
                continue
            elif autolink or kind == "code_inline":
                autolink = autolink and kind != "link_close"
                self.out.separate()
            elif kind == "link_open" and token.markup == "autolink":
                autolink = True
                self.out.separate()
            elif kind == "text" or (kind == "text_special" and token.content == token.markup):
                self._verbatim(content, offset, token.content)
            elif kind == "text_special":
                end = content.to_source(offset + len(token.markup) - 1) + 1
                self.out.decoded(content.to_source(offset), end, token.content)
            elif kind in ("softbreak", "hardbreak"):
                self.out.text(content.to_source(offset), "\n")
            elif kind == "image":
                self.out.separate()
                self.inline(token.children or (), content, offset + 2)  # after "!["
                self.out.separate()

    def _verbatim(self, content: Prose, offset: int, text: str) -> None:
        """Copy a literal piece, split where the content map shifts (line or escape)."""
        if content.text[offset : offset + len(text)] != text:
            self.out.separate()  # an offset that cannot be trusted: never guess
            return
        cuts = [p for p, _ in content.anchors if offset < p < offset + len(text)]
        for start, end in zip([offset, *cuts], [*cuts, offset + len(text)], strict=True):
            self.out.text(content.to_source(start), text[start - offset : end - offset])

    def _html(self, tag: str, skipping: list[str]) -> None:
        """Inline raw HTML: skip code-like elements; only phrasing tags keep a name whole."""
        match = re.match(_TAG, tag)
        name = match.group(2).lower() if match else ""
        closing = bool(match and match.group(1))
        if name in SKIP_TAGS:
            if closing and name in skipping:
                del skipping[len(skipping) - 1 - skipping[::-1].index(name) :]
            elif not closing and not tag.endswith("/>"):
                skipping.append(name)
        if name == "br":
            self.out.separate("\n")
        elif name not in INLINE_TAGS:
            self.out.separate()
