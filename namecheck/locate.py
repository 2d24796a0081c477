"""Offsets → 1-based line and column, computed once at the edge.

Columns count Unicode code points; protocols that count UTF-16 code units
(LSP, SARIF by default) convert with :func:`utf16_column`.
"""

from __future__ import annotations

import re
from bisect import bisect_right

_LINE_END = re.compile(r"\r\n|\r|\n")


class LineIndex:
    """Start offsets of every line of a text (``\\n``, ``\\r\\n`` and ``\\r`` all end a line)."""

    def __init__(self, text: str) -> None:
        self.starts = [0, *(m.end() for m in _LINE_END.finditer(text))]
        self.text = text

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a code-point offset."""
        line = bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1

    def line_text(self, line: int) -> str:
        start = self.starts[line - 1]
        end = self.starts[line] if line < len(self.starts) else len(self.text)
        return self.text[start:end].rstrip("\r\n")

    def utf16_column(self, line: int, column: int) -> int:
        """0-based UTF-16 code-unit column of a 1-based code-point column."""
        start = self.starts[line - 1]
        prefix = self.text[start : start + column - 1]
        return sum(2 if ord(ch) > 0xFFFF else 1 for ch in prefix)
