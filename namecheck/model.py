"""The records that flow through namecheck: entities in, findings out.

Offsets are 0-based Unicode code-point indices into the decoded source text;
lines and columns are 1-based code points and are derived once, at the edge
(see :mod:`namecheck.locate`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

KINDS = ("person", "place", "org", "other")


class Rule(str, Enum):
    """Stable rule codes: users select, ignore and suppress by these."""

    FUZZY = "NC001"
    KNOWN_WRONG = "NC002"
    INCONSISTENT = "NC003"
    DEPRECATED = "NC004"

    @property
    def title(self) -> str:
        return RULE_TITLES[self]


RULE_TITLES: dict[Rule, str] = {
    Rule.FUZZY: "garbled name (fuzzy match to a gazetteer entity)",
    Rule.KNOWN_WRONG: "known wrong form of a gazetteer name",
    Rule.INCONSISTENT: "the same entity spelled in two accepted forms in one document",
    Rule.DEPRECATED: "a correct but deprecated form that the house style replaces",
}


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True)
class Entity:
    """One gazetteer entry, after validation and derivation of accepted forms.

    ``accepted`` holds every form that is never flagged (canonical name, aliases,
    native forms and the romanisations derived from them); ``derived`` is the
    subset that was generated rather than written, kept apart so tools can show
    where a form came from.
    """

    id: str
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    native: tuple[str, ...] = ()
    wrong: tuple[str, ...] = ()
    deprecated: tuple[str, ...] = ()
    derived: tuple[str, ...] = ()
    match: str = "fuzzy"
    note: str = ""
    since: str = ""
    until: str = ""
    source: str = ""
    line: int = 0

    @property
    def accepted(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for form in (self.name, *self.aliases, *self.native, *self.derived):
            seen.setdefault(form, None)
        return tuple(seen)


@dataclass(frozen=True, order=True)
class Finding:
    """One flagged span. Sortable by position so reports are stable."""

    start: int
    end: int
    rule: Rule
    found: str
    entity: str
    suggestion: str
    kind: str
    score: float
    line: int = 0
    column: int = 0
    end_line: int = 0
    end_column: int = 0
    severity: Severity = Severity.WARNING
    path: str = ""
    fixable: bool = True
    reasons: tuple[str, ...] = field(default=(), compare=False)

    @property
    def message(self) -> str:
        if self.rule is Rule.INCONSISTENT:
            return (
                f"'{self.found}' is an accepted form of {self.suggestion!r}, but this "
                f"document also spells it differently; prefer '{self.suggestion}'"
            )
        if self.rule is Rule.DEPRECATED:
            return f"'{self.found}' is a deprecated form; house style is '{self.suggestion}'"
        what = "known wrong form" if self.rule is Rule.KNOWN_WRONG else "possible garble"
        return f"{what} '{self.found}': did you mean '{self.suggestion}'? ({self.kind})"
