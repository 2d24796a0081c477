"""Suppression: the findings a document's comments, or its config, say to leave alone.

A pure step after matching (text + findings → the findings kept). Directives
sit in any comment syntax of the format, or in plain text, which has none:
``<!-- namecheck: ignore -->``, ``# namecheck: ignore`` and a bare
``namecheck: ignore`` all work, as flake8's ``noqa`` does in any comment.

* ``namecheck: ignore [CODES]``: findings on this line;
* ``namecheck: ignore-next-line [CODES]``: findings on the next line;
* ``namecheck: off [CODES]`` … ``namecheck: on``: findings in between (to the
  end of the file without ``on``);
* ``namecheck: allow FORM``: the form, anywhere in the file, one form per
  directive, up to the end of its line or a closing ``-->``.

CODES (``NC001``, ``NC001,NC003``, or a prefix such as ``NC0``) limit a
directive to those rules; without, it covers every rule. Forms compare with
case and runs of whitespace ignored, so allowing "Bacelet" also allows
"BACELET" in a headline and a form wrapped over two lines.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Iterator
from typing import NamedTuple

from namecheck.locate import LineIndex
from namecheck.model import Finding, Rule
from namecheck.text.prose import READERS

# Patterns, not compiled ones: re compiles (and caches) each at its first use, and
# most documents have no directive and are never given one (1.2 ms of every start).
# The form runs to the end of the line or an HTML comment's "-->", whichever is
# first; that cut is made in Python, as a lazy regex here backtracks quadratically
# over a long line of spaces.
DIRECTIVE = r"namecheck:[ \t]*allow[ \t]+(?P<form>[^\r\n]*)"
SCOPED = (
    r"namecheck:[ \t]*(?P<verb>ignore-next-line|ignore|off|on)(?![\w-])"
    r"(?P<codes>(?:[ \t]*,?[ \t]*NC\d*\b)*)"
)
_CODE = r"NC\d*"
_FRONT_MATTER = r"(?s)(?:---|\+\+\+)[ \t]*\r?\n.*?\n(?:---|\+\+\+)[ \t]*(?:\r?\n|$)"
_DOCTYPE = r"(?i)<!doctype[^>]*>[ \t]*(?:\r?\n)?"


def _key(form: str) -> str:
    return " ".join(form.split()).casefold()


def allowed_forms(text: str) -> frozenset[str]:
    """The forms a document allows, as comparison keys."""
    forms = (m["form"].partition("-->")[0] for m in re.finditer(DIRECTIVE, text))
    return frozenset(_key(form) for form in forms if form.strip())


class Scope(NamedTuple):
    """Offsets ``[start, end)`` of the text where ``codes`` (empty: all) are suppressed."""

    start: int
    end: int
    codes: tuple[str, ...]

    def covers(self, finding: Finding) -> bool:
        # An empty span (compare's "start of the element") still has a place.
        overlaps = finding.start < self.end and max(finding.end, finding.start + 1) > self.start
        return overlaps and (not self.codes or finding.rule.value.startswith(self.codes))


def scopes(text: str) -> Iterator[Scope]:
    """Where the document's ignore/off directives suppress findings."""
    lines: LineIndex | None = None
    off: list[Scope] = []  # regions opened by "off", closed by "on" or the end
    for m in re.finditer(SCOPED, text):
        verb, codes = m["verb"], tuple(re.findall(_CODE, m["codes"]))
        if verb == "off":
            off.append(Scope(m.start(), len(text), codes))
        elif verb == "on":
            yield from (scope._replace(end=m.start()) for scope in off)
            off = []
        else:
            lines = lines or LineIndex(text)
            line = lines.position(m.start())[0] + (verb == "ignore-next-line")
            if line <= len(lines.starts):
                end = lines.starts[line] if line < len(lines.starts) else len(text)
                yield Scope(lines.starts[line - 1], end, codes)
    yield from off


def kept(
    findings: Iterable[Finding],
    text: str,
    rules: Collection[Rule] | None = None,
    allow: Iterable[str] = (),
) -> list[Finding]:
    """``findings`` minus what is suppressed: rules not in ``rules`` (None: all are
    on), forms in ``allow`` (a config's) or allowed by the document, and findings
    its ignore/off directives cover."""
    allowed = {_key(form) for form in allow}
    found = list(findings)
    if "namecheck:" in text:
        allowed |= allowed_forms(text)
        covered = list(scopes(text))
    else:
        covered = []
    return [
        f for f in found
        if (rules is None or f.rule in rules)
        and _key(f.found) not in allowed
        and not any(scope.covers(f) for scope in covered)
    ]  # fmt: skip


def allow_directive(text: str, path: str, form: str) -> tuple[int, str]:
    """Where to insert a directive allowing ``form``, and the text to insert.

    It goes at the top, after YAML/TOML front matter (which must stay first) or an
    HTML doctype (a comment before it would switch browsers to quirks mode), and
    uses the document's own line ending.
    """
    newline = "\r\n" if "\r\n" in text else "\r" if "\r" in text and "\n" not in text else "\n"
    form = " ".join(form.split())
    suffix = path[path.rfind(".") :].lower() if "." in path else ""
    kind = READERS.get(suffix, "text")
    if kind == "text":
        return 0, f"namecheck: allow {form}{newline}"
    head = re.match(_FRONT_MATTER if kind == "markdown" else _DOCTYPE, text)
    offset = head.end() if head else 0
    lead = newline if offset and not text[:offset].endswith(("\n", "\r")) else ""
    return offset, f"{lead}<!-- namecheck: allow {form} -->{newline}"
