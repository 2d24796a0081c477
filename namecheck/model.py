"""The records that flow through namecheck: entities in, findings out.

Offsets are 0-based Unicode code-point indices into the decoded source text;
lines and columns are 1-based code points and are derived once, at the edge
(see :mod:`namecheck.locate`).

Small immutable records that are never replaced field by field nor ordered
(:class:`RuleInfo` here; run and report options, a decoded file, front matter)
are NamedTuples: every start defines each record class, and a frozen dataclass
takes ~1 ms to define (it generates and compiles six methods), a NamedTuple a
fifth of that.
"""

from __future__ import annotations

from dataclasses import MISSING, dataclass, field, fields
from enum import Enum
from typing import NamedTuple

KINDS = ("person", "place", "org", "other")


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class Rule(str, Enum):
    """Stable rule codes: users select, ignore and suppress by these."""

    FUZZY = "NC001"
    KNOWN_WRONG = "NC002"
    INCONSISTENT = "NC003"
    DEPRECATED = "NC004"
    # Translation QA (``namecheck compare``): a source and its translation.
    NAME_MISSING = "NC101"
    NAME_GARBLED = "NC102"
    NUMBER_CHANGED = "NC103"
    UNTRANSLATED = "NC104"
    NAME_UNEXPECTED = "NC105"

    @property
    def info(self) -> RuleInfo:
        return RULES[self]

    @property
    def title(self) -> str:  # type: ignore[override]  # a rule's title, not str.title()
        return RULES[self].title


class RuleInfo(NamedTuple):
    """What every front end says about a rule: one table, so they never disagree."""

    name: str  # CamelCase, for SARIF
    title: str
    help: str
    severity: Severity  # the default; a finding may carry a lower one


RULES: dict[Rule, RuleInfo] = {
    Rule.FUZZY: RuleInfo(
        "GarbledName", "garbled name (fuzzy match to a gazetteer entity)",
        "The text is close to a gazetteer name but not an accepted form of it: check the "
        "spelling and use the suggested form if it is the same person, place or organisation.",
        Severity.WARNING),
    Rule.KNOWN_WRONG: RuleInfo(
        "KnownWrongName", "known wrong form of a gazetteer name",
        "The gazetteer lists this form as wrong: replace it with the suggested form.",
        Severity.ERROR),
    Rule.INCONSISTENT: RuleInfo(
        "InconsistentSpelling", "the same entity spelled in two accepted forms in one document",
        "Both spellings are accepted, but one document should use one: prefer the canonical form.",
        Severity.INFO),
    Rule.DEPRECATED: RuleInfo(
        "DeprecatedName", "a correct but deprecated form that the house style replaces",
        "The form is correct but house style replaces it: use the suggested form.",
        Severity.WARNING),
    Rule.NAME_MISSING: RuleInfo(
        "NameMissing", "a name in the source is missing from the translation",
        "The source names this entity but the translation has no accepted form of it: "
        "check the translation kept the name.",
        Severity.WARNING),
    Rule.NAME_GARBLED: RuleInfo(
        "NameGarbled", "a name in the source is garbled in the translation",
        "The translation writes a name the source confirms in a garbled form: use the "
        "suggested form.",
        Severity.ERROR),
    Rule.NUMBER_CHANGED: RuleInfo(
        "NumberChanged", "a number, percentage or date of the source is changed or missing",
        "A number of the source does not reappear in the translation (after locale-aware "
        "normalisation): check it.",
        Severity.WARNING),
    Rule.UNTRANSLATED: RuleInfo(
        "Untranslated", "text in the source's script left untranslated",
        "The translation still holds text in the source's script: translate or romanise it.",
        Severity.WARNING),
    Rule.NAME_UNEXPECTED: RuleInfo(
        "NameUnexpected", "a name in the translation that the source does not name",
        "The translation names an entity the source does not: possibly a wrong entity.",
        Severity.WARNING),
}  # fmt: skip
COMPARE_RULES = frozenset(
    (Rule.NAME_MISSING, Rule.NAME_GARBLED, Rule.NUMBER_CHANGED, Rule.UNTRANSLATED,
     Rule.NAME_UNEXPECTED)
)  # fmt: skip


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

    def __getstate__(self) -> dict[str, object]:
        """Only the fields that differ from their defaults (half of them, typically):
        the cached gazetteer's 3,000 entities unpickle in less than half the time.
        An omitted field still reads the same: dataclass keeps each default as a
        class attribute."""
        return {k: v for k, v in self.__dict__.items() if v != _ENTITY_DEFAULTS.get(k, MISSING)}


_ENTITY_DEFAULTS = {f.name: f.default for f in fields(Entity) if f.default is not MISSING}


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
    unit: str = field(default="", compare=False)  # a bilingual file's unit id (compare)

    @property
    def message(self) -> str:
        if self.rule in COMPARE_RULES:
            where = f"unit {self.unit}: " if self.unit else ""
            return where + _compare_message(self)
        if self.rule is Rule.INCONSISTENT:
            return (
                f"'{self.found}' is an accepted form of {self.suggestion!r}, but this "
                f"document also spells it differently; prefer '{self.suggestion}'"
            )
        if self.rule is Rule.DEPRECATED:
            return f"'{self.found}' is a deprecated form; house style is '{self.suggestion}'"
        what = "known wrong form" if self.rule is Rule.KNOWN_WRONG else "possible garble"
        return f"{what} '{self.found}': did you mean '{self.suggestion}'? ({self.kind})"


def _compare_message(f: Finding) -> str:
    """Messages of the ``compare`` rules (NC101-NC105)."""
    if f.rule is Rule.NAME_MISSING:
        return f"'{f.found}' in the source is missing from the translation; expected " \
               f"'{f.suggestion}' ({f.kind})"  # fmt: skip
    if f.rule is Rule.NAME_GARBLED:
        return f"garbled '{f.found}': the source names '{f.suggestion}' ({f.kind})"
    if f.rule is Rule.NUMBER_CHANGED:
        if not f.suggestion:
            return f"number '{f.found}' in the source is missing from the translation"
        hedge = " (approximated)" if f.severity is Severity.INFO else ""
        return f"number '{f.found}' does not match '{f.suggestion}' in the source{hedge}"
    if f.rule is Rule.UNTRANSLATED:
        fix = f"; use '{f.suggestion}'" if f.suggestion else ""
        return f"untranslated '{f.found}'{fix}"
    return f"'{f.found}' is not named in the source: possibly a wrong entity ({f.kind})"
