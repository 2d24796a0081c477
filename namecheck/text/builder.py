"""Assemble :class:`Prose` from pieces of a source, keeping every piece's origin.

Readers never search the source again for the text they extracted: each piece
is added together with the source offset it came from, and the builder records
the anchors that map prose offsets back.
"""

from __future__ import annotations

from namecheck.text.prose import Prose

BLOCK = "\n\n"  # what separates blocks: a paragraph break, which no name spans


class ProseBuilder:
    """Collects verbatim pieces, decoded characters and separators into a Prose."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._length = 0
        self._anchors: list[tuple[int, int]] = []
        self._wide: list[tuple[int, int]] = []
        self._source_end = 0  # source offset just after the last piece
        self._separator = ""  # the break owed before the next piece

    def text(self, source_start: int, text: str) -> None:
        """A piece copied verbatim from ``source[source_start:]``."""
        if not text or (self._separator and text.isspace()):
            return  # white space beside a break is no text
        self._flush()
        self._anchor(source_start)
        self._append(text)
        self._source_end = source_start + len(text)

    def decoded(self, source_start: int, source_end: int, text: str) -> None:
        """Characters decoded from ``source[source_start:source_end]`` (an entity, an escape)."""
        if not text:
            return
        self._flush()
        for ch in text:
            # Each character maps to the start of its entity, and a span ending on
            # it ends after the entity.
            self._anchor(source_start, force=True)
            self._wide.append((self._length, source_end))
            self._append(ch)
        self._source_end = source_end

    def separate(self, separator: str = BLOCK) -> None:
        """Break the text here (a block boundary, skipped code, a ``<br>``).

        Breaks in a row merge into the longest; none is written before the first
        piece or after the last.
        """
        if len(separator) > len(self._separator):
            self._separator = separator

    def _flush(self) -> None:
        """Write the break owed; each of its characters maps to the end of the
        previous piece, so none points into the middle of a word of the source."""
        if self._separator and self._length:
            for ch in self._separator:
                self._anchor(self._source_end, force=True)
                self._append(ch)
        self._separator = ""

    def build(self) -> Prose:
        return Prose("".join(self._parts), tuple(self._anchors) or ((0, 0),), tuple(self._wide))

    def _anchor(self, source: int, *, force: bool = False) -> None:
        anchors = self._anchors
        if anchors and not force:
            prose_at, source_at = anchors[-1]
            if source_at + self._length - prose_at == source:
                return  # the current shift already maps here
        if anchors and anchors[-1][0] == self._length:
            anchors[-1] = (self._length, source)
        else:
            anchors.append((self._length, source))

    def _append(self, text: str) -> None:
        self._parts.append(text)
        self._length += len(text)
