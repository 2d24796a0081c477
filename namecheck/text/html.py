"""The HTML reader: text nodes plus ``alt`` and ``title`` attributes, at exact offsets.

Built on the standard library's :class:`html.parser.HTMLParser`: it is an
HTML5-tolerant tokenizer that reports the line and column of every tag and text
run (``getpos()``), streams without recursion (10,000-deep nesting is just a
longer stack of tag names here) and, with ``convert_charrefs=False``, leaves the
text raw, so entities are decoded here with their source spans. Tree-building
parsers (lexbor via selectolax, html5lib) give no source offsets at all.

Skipped: comments, doctype, and everything inside script, style, code, pre,
kbd, samp, template and textarea. Phrasing elements (``<b>``, ``<em>``, ``<a>``,
``<span>`` …) keep the text around them one run, so ``Mitchell <b>Bacelet</b>``
is one name; every other element separates blocks.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from namecheck.text.builder import ProseBuilder
from namecheck.text.prose import Prose
from namecheck.text.tags import INLINE_TAGS, SKIP_TAGS

PROSE_ATTRIBUTES = ("alt", "title")
# The character references html.unescape decodes (HTML5 rules, legacy names without ";").
_CHARREF = re.compile(r"&(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\t\n\f <&#;]{1,32};?)")
_ATTRIBUTE = re.compile(r"""([^\s/>"'=][^\s/>=]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?""")
_TAG_NAME = re.compile(r"<[^\s/>]+")


def read_html(source: str) -> Prose:
    """The prose of an HTML document or fragment, mapped to exact source offsets."""
    reader = _Reader(source)
    reader.feed(source)
    reader.close()
    reader.flush(len(source))
    return reader.out.build()


def add_decoded(out: ProseBuilder, start: int, raw: str) -> None:
    """Add raw HTML text at ``start``, its character references decoded in place."""
    at = 0
    for match in _CHARREF.finditer(raw):
        out.text(start + at, raw[at : match.start()])
        ref = match.group()
        decoded = html.unescape(ref)
        # "&copyright" decodes as "©right": only the entity part is wide.
        tail = 0
        while tail < min(len(ref), len(decoded)) - 1 and ref[-1 - tail] == decoded[-1 - tail]:
            tail += 1
        head = len(ref) - tail
        if decoded == ref:
            out.text(start + match.start(), ref)
        else:
            out.decoded(start + match.start(), start + match.start() + head,
                        decoded[: len(decoded) - tail])  # fmt: skip
            out.text(start + match.start() + head, ref[head:])
        at = match.end()
    out.text(start + at, raw[at:])


class _Reader(HTMLParser):
    """Collects text runs between tags; tags decide whether a run continues."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.out = ProseBuilder()
        # HTMLParser counts lines by "\n" only; columns are code points.
        self.line_starts = [0, *(i + 1 for i, ch in enumerate(source) if ch == "\n")]
        self.skipping: list[str] = []
        self.text_start = -1  # where the current raw text run began, or -1

    def here(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def flush(self, end: int) -> None:
        """End the current text run at ``end`` (where the next markup begins)."""
        if self.text_start >= 0:
            add_decoded(self.out, self.text_start, self.source[self.text_start : end])
            self.text_start = -1

    def _text(self) -> None:
        if not self.skipping and self.text_start < 0:
            self.text_start = self.here()

    def handle_data(self, data: str) -> None:
        self._text()

    def handle_entityref(self, name: str) -> None:
        self._text()

    def handle_charref(self, name: str) -> None:
        self._text()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        start = self.here()
        self.flush(start)
        if tag in SKIP_TAGS:
            self.skipping.append(tag)
        if self.skipping:
            return
        if tag == "br":
            self.out.separate("\n")
        elif tag not in INLINE_TAGS:
            self.out.separate()
        if any(name in PROSE_ATTRIBUTES for name, _ in attrs):
            self._attributes(start, self.get_starttag_text() or "")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag in SKIP_TAGS:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        self.flush(self.here())
        if tag in self.skipping:
            del self.skipping[len(self.skipping) - 1 - self.skipping[::-1].index(tag) :]
            self.out.separate()
        elif not self.skipping and tag not in INLINE_TAGS:
            self.out.separate()

    def handle_comment(self, data: str) -> None:
        """Comments (and doctypes, processing instructions): end the run, add nothing."""
        self.flush(self.here())

    def handle_decl(self, decl: str) -> None:
        self.handle_comment(decl)

    def handle_pi(self, data: str) -> None:
        self.handle_comment(data)

    def unknown_decl(self, data: str) -> None:
        self.handle_comment(data)

    def parse_marked_section(self, i: int, report: bool = True) -> int:
        """A malformed ``<![`` section ("<![ x") is a bogus comment up to the next
        ``>`` (or the end), as HTML5 reads it; the standard library raises
        AssertionError there."""
        position = self.getpos()
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:
            self.lineno, self.offset = position  # it had moved past the "<!["
            self.handle_comment("")
            end = self.rawdata.find(">", i)
            return len(self.rawdata) if end < 0 else end + 1

    def _attributes(self, start: int, tag: str) -> None:
        """``alt`` and ``title`` values, each its own block, decoded in place."""
        name_end = _TAG_NAME.match(tag)
        for match in _ATTRIBUTE.finditer(tag, name_end.end() if name_end else 0):
            if match.group(1).lower() not in PROSE_ATTRIBUTES:
                continue
            group = next((g for g in (2, 3, 4) if match.group(g) is not None), 0)
            if group:
                self.out.separate()
                add_decoded(self.out, start + match.start(group), match.group(group))
                self.out.separate()
