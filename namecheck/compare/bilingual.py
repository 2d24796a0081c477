"""Bilingual files (XLIFF 1.2 and 2.0, PO, TMX): units of source and target text.

translate-toolkit parses the formats (escapes, inline codes, PO continuation
lines, XLIFF 2 segments); it is an optional extra, ``namecheck[qa]``. It keeps
line numbers (lxml's ``sourceline``; a PO unit's first line) but no offsets,
so each unit's source and target are located in the raw file by their tag
(``<target>``, the target ``<tuv><seg>``, ``msgstr``) at or after that line, and
a finding's text is then looked up inside that region. Where the text is not
there verbatim (an escaped character, inline markup inside it) the finding
points at the start of the region and has an empty span.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from namecheck.compare.core import Place
from namecheck.errors import InputError
from namecheck.files import Source
from namecheck.locate import LineIndex
from namecheck.text.bilingual import PO_CLOSING, PO_OPENING, TAGS, spans

EXTENSIONS = (".xlf", ".xliff", ".po", ".tmx")
INSTALL_HINT = (
    "reading XLIFF, PO and TMX files needs translate-toolkit; install it with "
    "pip install 'namecheck[qa]'"
)


def is_bilingual(path: str) -> bool:
    return path.lower().endswith(EXTENSIONS)


@dataclass
class Region:
    """One unit's source or target: its text, and where it lies in the file."""

    path: str
    text: str
    raw: str
    lines: LineIndex
    start: int  # offsets of the element's content in the raw file
    end: int

    def place(self, start: int, end: int) -> Place:
        """The span of ``text[start:end]`` in the file, found inside this region."""
        found = self.text[start:end]
        at = self.raw.find(found, self.start, self.end) if found else -1
        first, last = (at, at + len(found)) if at >= 0 else (self.start, self.start)
        return Place(first, last, *self.lines.position(first), *self.lines.position(last))


@dataclass(frozen=True)
class Unit:
    id: str
    source: Region
    target: Region


def load(source: Source) -> list[Unit]:
    """The translated units of a bilingual file (headers, obsolete and empty ones skipped)."""
    store = _parse(source)
    lines = LineIndex(source.text)
    po = source.path.lower().endswith(".po")
    cursor = 0
    units: list[Unit] = []
    for unit in store.units:
        if unit.isheader() or unit.isobsolete() or not unit.target or not unit.source:
            continue
        regions = []
        for side, text in (("source", unit.source), ("target", unit.target)):
            start, end = (_po_region(source.text, lines, unit, side, cursor) if po
                          else _xml_region(source.text, lines, unit, side, cursor))  # fmt: skip
            cursor = max(cursor, end)
            regions.append(Region(source.path, str(text), source.text, lines, start, end))
        units.append(Unit(_unit_id(unit, po), *regions))
    return units


def _parse(source: Source) -> Any:
    try:
        from translate.storage import pypo, tmx, xliff, xliff2
    except ImportError:
        raise InputError(INSTALL_HINT, source.path) from None
    data = source.text.encode("utf-8")
    name = source.path.lower()
    if name.endswith(".po"):
        kind: Any = pypo.pofile
    elif name.endswith(".tmx"):
        kind = tmx.tmxfile
    elif re.search(rb"<xliff\b[^>]*\bversion=[\"']2", data[:4096]):
        kind = xliff2.Xliff2File
    else:
        kind = xliff.xlifffile
    try:
        return kind.parsestring(data)
    except Exception as exc:  # the toolkit raises many kinds for bad input
        detail = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise InputError(f"cannot read as a bilingual file: {detail}", source.path) from None


def _unit_id(unit: Any, po: bool) -> str:
    if po:
        return str(unit.getcontext() or ", ".join(unit.getlocations()) or unit.source[:40])
    element_id = unit.xmlelement.get("id") or unit.xmlelement.get("tuid")
    return str(element_id or unit.getid()).replace("\x04", " ")


def _xml_region(raw: str, lines: LineIndex, unit: Any, side: str, cursor: int) -> tuple[int, int]:
    element = unit.xmlelement
    children = [e for e in element.iter() if isinstance(e.tag, str)]
    named = [e for e in children if _local(e.tag) == side]
    tuvs = [e for e in children if _local(e.tag) == "tuv"]
    if named:
        node, tags = named[0], TAGS[side]
    else:  # TMX: the first <tuv> holds the source, the second the target
        node, tags = (
            (tuvs[0 if side == "source" else 1] if len(tuvs) >= 2 else element),
            TAGS["seg"],
        )
    return _region(raw, lines, node.sourceline or 1, cursor, tags)


def _po_region(raw: str, lines: LineIndex, unit: Any, side: str, cursor: int) -> tuple[int, int]:
    line = getattr(unit, "_line_number", 0) or 1  # the toolkit's own record of the unit's line
    return _region(raw, lines, line, cursor, (PO_OPENING[side], PO_CLOSING))


def _region(
    raw: str, lines: LineIndex, line: int, cursor: int, tags: tuple[str, str]
) -> tuple[int, int]:
    """The first element content at or after ``line`` and ``cursor``."""
    begin = max(lines.starts[min(line, len(lines.starts)) - 1], cursor)
    found = spans(tags, raw, begin, limit=1)
    return found[0] if found else (begin, begin)


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]
