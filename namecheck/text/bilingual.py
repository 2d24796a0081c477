"""Reader for bilingual files (XLIFF, PO, TMX) under ``check``: the targets only.

``check`` lints what will be published, which is the target text. The reader
needs no parser library: it keeps the characters of each target element in
place and blanks everything else, so offsets into the prose *are* offsets
into the file and findings point exactly at the target text. (``compare``
parses the files properly, with translate-toolkit, to pair sources and targets.)
"""

from __future__ import annotations

import re

from namecheck.text.prose import Prose

TAGS = {
    "source": (r"<(?:[\w.-]+:)?source\b[^>]*(?<!/)>", r"</(?:[\w.-]+:)?source\s*>"),
    "target": (r"<(?:[\w.-]+:)?target\b[^>]*(?<!/)>", r"</(?:[\w.-]+:)?target\s*>"),
    "seg": (r"<tuv\b[^>]*>\s*<seg\b[^>]*(?<!/)>", r"</seg\s*>"),
}
PO_OPENING = {"source": r"(?m)^msgid[ \t]+\"", "target": r"(?m)^msgstr(?:\[\d+\])?[ \t]+\""}
PO_CLOSING = r"\"[ \t]*\r?\n(?!\")|\"[ \t]*\Z"
_PO_NOISE = re.compile(r"\"[ \t]*\r?\n\"|\\[nt]")  # continuation quotes and \n escapes
_TU = re.compile(r"<tu\b.*?</tu\s*>", re.DOTALL)
_SRCLANG = re.compile(r"<header\b[^>]*\bsrclang=[\"']([^\"']+)", re.IGNORECASE)
_LANG = re.compile(r"(?:xml:)?lang=[\"']([^\"']+)")


def spans(
    pattern: tuple[str, str], text: str, start: int = 0, end: int | None = None, limit: int = 0
) -> list[tuple[int, int]]:
    """Content spans between opening and closing patterns in ``text[start:end]``
    (the first ``limit`` of them, or all)."""
    opening, closing = (re.compile(p) for p in pattern)
    stop = len(text) if end is None else end
    found: list[tuple[int, int]] = []
    at = start
    while (match := opening.search(text, at, stop)) is not None:
        close = closing.search(text, match.end(), stop)
        found.append((match.end(), close.start() if close else stop))
        at = close.end() if close else stop
        if len(found) == limit:
            break
    return found


def target_spans(text: str, kind: str) -> list[tuple[int, int]]:
    """Where the target texts of a bilingual file lie (``kind``: xliff, po or tmx)."""
    if kind == "po":
        found = spans((PO_OPENING["target"], PO_CLOSING), text)
        return [(s, e) for s, e in found if not _po_header(text, s)]
    if kind == "tmx":
        source_lang = _SRCLANG.search(text)
        found = []
        for tu in _TU.finditer(text):
            segs = spans(TAGS["seg"], text, tu.start(), tu.end())
            langs = [_lang(text, s) for s, _ in segs]
            skip = langs.index(source_lang[1]) if source_lang and source_lang[1] in langs else 0
            found.extend(s for i, s in enumerate(segs) if i != skip)
        return found
    return spans(TAGS["target"], text)


def _po_header(text: str, msgstr: int) -> bool:
    """Whether the msgstr starting at ``msgstr`` belongs to the header entry (``msgid ""``)."""
    entry = text[text.rfind("msgid", 0, msgstr) : msgstr]
    return re.fullmatch(r'msgid[ \t]+""\s*msgstr[ \t]+"', entry) is not None


def _lang(text: str, content_start: int) -> str:
    opening = text.rfind("<tuv", 0, content_start)
    found = _LANG.search(text, opening, content_start)
    return found.group(1) if found else ""


def read(text: str, kind: str) -> Prose:
    """The file with everything but its target texts blanked (newlines kept)."""
    chars = [ch if ch in "\r\n" else " " for ch in text]
    for start, end in target_spans(text, kind):
        chars[start:end] = text[start:end]
        if kind == "po":  # keep a name whole across continuation lines
            for noise in _PO_NOISE.finditer(text, start, end):
                for i in range(noise.start(), noise.end()):
                    chars[i] = text[i] if text[i] in "\r\n" else " "
        if end < len(chars):
            chars[end] = "\n" if chars[end] == " " else chars[end]  # targets never join
    return Prose("".join(chars))


def read_xliff(text: str) -> Prose:
    return read(text, "xliff")


def read_po(text: str) -> Prose:
    return read(text, "po")


def read_tmx(text: str) -> Prose:
    return read(text, "tmx")
