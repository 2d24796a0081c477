"""Inline suppression: ``namecheck: allow FORM`` accepts a form in one file.

This is the only directive so far; the general suppression work (rule codes,
next-line scopes, config) extends this module. The directive may sit anywhere
in the file, one form per directive, up to the end of its line or a closing
``-->``:

* Markdown and HTML: ``<!-- namecheck: allow Mitchell Bacelet -->`` (invisible
  when rendered);
* plain text, which has no comments: a line ``namecheck: allow Mitchell Bacelet``.

Forms compare with case and runs of whitespace ignored, so allowing "Bacelet"
also allows "BACELET" in a headline and a form wrapped over two lines.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from namecheck.model import Finding
from namecheck.text.prose import READERS

# The form runs to the end of the line or an HTML comment's "-->", whichever is
# first; that cut is made in Python, as a lazy regex here backtracks quadratically
# over a long line of spaces.
DIRECTIVE = re.compile(r"namecheck:[ \t]*allow[ \t]+(?P<form>[^\r\n]*)")
_FRONT_MATTER = re.compile(r"(?:---|\+\+\+)[ \t]*\r?\n.*?\n(?:---|\+\+\+)[ \t]*(?:\r?\n|$)", re.S)
_DOCTYPE = re.compile(r"<!doctype[^>]*>[ \t]*(?:\r?\n)?", re.I)


def _key(form: str) -> str:
    return " ".join(form.split()).casefold()


def allowed_forms(text: str) -> frozenset[str]:
    """The forms a document allows, as comparison keys."""
    forms = (m["form"].partition("-->")[0] for m in DIRECTIVE.finditer(text))
    return frozenset(_key(form) for form in forms if form.strip())


def without_allowed(findings: Iterable[Finding], text: str) -> list[Finding]:
    """``findings`` minus those whose text the document allows."""
    allowed = allowed_forms(text)
    return [f for f in findings if _key(f.found) not in allowed]


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
    head = (_FRONT_MATTER if kind == "markdown" else _DOCTYPE).match(text)
    offset = head.end() if head else 0
    lead = newline if offset and not text[:offset].endswith(("\n", "\r")) else ""
    return offset, f"{lead}<!-- namecheck: allow {form} -->{newline}"
