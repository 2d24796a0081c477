"""The :class:`Prose` record and the choice of reader by file name."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field

READERS: dict[str, str] = {
    ".md": "markdown", ".markdown": "markdown", ".mdx": "markdown",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".xlf": "xliff", ".xliff": "xliff", ".po": "po", ".tmx": "tmx",
}  # fmt: skip


@dataclass(frozen=True)
class Prose:
    """Text to check, with a piecewise map from its offsets to source offsets.

    ``anchors`` is a sorted list of ``(prose_offset, source_offset)`` pairs; between
    two anchors the mapping is a shift. Plain text has the single anchor (0, 0).
    ``wide`` lists ``(prose_offset, source_end)`` for characters decoded from
    several source characters (``&amp;`` → ``&``, ``\\*`` → ``*``), so a span that
    ends on one ends after the whole entity in the source.
    """

    text: str
    anchors: tuple[tuple[int, int], ...] = ((0, 0),)
    wide: tuple[tuple[int, int], ...] = ()
    _keys: tuple[int, ...] = field(default=(), init=False, repr=False, compare=False)
    _ends: dict[int, int] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_keys", tuple(p for p, _ in self.anchors))
        object.__setattr__(self, "_ends", dict(self.wide))

    def to_source(self, offset: int) -> int:
        """Source offset of a prose offset (a span start)."""
        i = bisect_right(self._keys, offset) - 1
        prose_at, source_at = self.anchors[max(i, 0)]
        return source_at + offset - prose_at

    def span_to_source(self, start: int, end: int) -> tuple[int, int]:
        """Source span of a prose span; the end maps through its last character."""
        if end <= start:
            return self.to_source(start), self.to_source(start)
        last = end - 1
        return self.to_source(start), self._ends.get(last, self.to_source(last) + 1)


def plain(source: str) -> Prose:
    return Prose(source)


def reader_for(name: str) -> Callable[[str], Prose]:
    """The reader for a file name's extension (plain text when unknown)."""
    suffix = name[name.rfind(".") :].lower() if "." in name else ""
    kind = READERS.get(suffix, "text")
    if kind == "markdown":
        from namecheck.text.markdown import read_markdown

        return read_markdown
    if kind == "html":
        from namecheck.text.html import read_html

        return read_html
    if kind in ("xliff", "po", "tmx"):  # bilingual files: only the targets are checked
        from namecheck.text import bilingual

        return getattr(bilingual, f"read_{kind}")  # type: ignore[no-any-return]
    return plain
