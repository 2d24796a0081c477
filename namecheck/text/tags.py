"""Which HTML elements hold no prose and which keep a sentence one run.

Shared by the HTML reader and the Markdown reader (inline HTML), and kept apart
from the HTML reader so that checking Markdown never imports ``html.parser``.
"""

from __future__ import annotations

SKIP_TAGS = frozenset({"script", "style", "code", "pre", "kbd", "samp", "template", "textarea"})
INLINE_TAGS = frozenset({
    "a", "abbr", "b", "bdi", "bdo", "big", "cite", "data", "del", "dfn", "em", "font", "i",
    "ins", "mark", "nobr", "q", "s", "small", "span", "strike", "strong", "sub", "sup",
    "time", "tt", "u", "var", "wbr",
})  # fmt: skip
