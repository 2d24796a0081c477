"""The comparison engine: a source and its translation in, findings out. Pure.

Where a finding points: at the **source** when something of the source is
absent from the translation (NC101 a missing name, NC103 a number with no
counterpart), otherwise at the **target** (NC102 garbled, NC103 changed,
NC104 untranslated, NC105 unexpected, and the plain ``check`` findings of the
target). A :class:`Side` knows its file and places a span of its text there.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Protocol

from namecheck.checker import Checker
from namecheck.compare import numbers, untranslated
from namecheck.compare.names import MentionFinder
from namecheck.compare.presence import derived, present
from namecheck.locate import LineIndex
from namecheck.model import Finding, Rule, Severity
from namecheck.text import Prose

GARBLES = (Rule.FUZZY, Rule.KNOWN_WRONG)


@dataclass(frozen=True)
class Place:
    """Where a span of a side's text is in its file (code points; 1-based line/column)."""

    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int


class Side(Protocol):
    """One side of a comparison: the text analysed, and its file."""

    path: str
    text: str

    def place(self, start: int, end: int) -> Place: ...


class Document:
    """A whole file read into prose; spans map back through the reader's offset map."""

    def __init__(self, path: str, source: str, prose: Prose) -> None:
        self.path = path
        self.text = prose.text
        self._prose = prose
        self._lines = LineIndex(source)

    def place(self, start: int, end: int) -> Place:
        start, end = self._prose.span_to_source(start, end)
        return Place(start, end, *self._lines.position(start), *self._lines.position(end))


class Comparer:
    """Compares texts against one checker's gazetteer; built once per run."""

    def __init__(self, checker: Checker) -> None:
        self.checker = checker
        self.gazetteer = checker.gazetteer
        self.finder = MentionFinder(checker.gazetteer)

    def compare(
        self, source: Side, target: Side, *, unit: str = "", scripts: tuple[str, str] = ("", "")
    ) -> list[Finding]:
        """Every finding for one source/translation pair (a document, or a bilingual unit).

        ``scripts`` are the source's and target's scripts when the caller knows
        them better than one short unit does (from a bilingual file as a
        whole). A unit whose target merely repeats its source is untranslated too.
        """
        script = scripts[0] or untranslated.dominant_script(source.text)
        target_script = scripts[1] or untranslated.dominant_script(target.text)
        findings = [*self._names(source, target), *self._numbers(source, target)]
        if script and script != target_script:
            findings.extend(self._untranslated(target, script))
        if unit and untranslated.copied(source.text, target.text):
            findings.append(_finding(target, 0, len(target.text), Rule.UNTRANSLATED, "", "text",
                                     fixable=False))  # fmt: skip
        if unit:
            findings = [_with(f, unit=unit) for f in findings]
        return sorted(findings, key=lambda f: (f.path != target.path, f.start, f.end, f.rule))

    def _names(self, source: Side, target: Side) -> Iterable[Finding]:
        entities = self.gazetteer.entities
        first: dict[int, tuple[int, int, str]] = {}
        for mention in self.finder.find(source.text):
            first.setdefault(mention.entity, (mention.start, mention.end, mention.text))
        kept = set(present(target.text, self.gazetteer)) | derived(target.text, self.gazetteer)
        garbled: set[int] = set()
        numbers = {e.id: n for n, e in enumerate(entities)}
        for finding in self.checker.check_prose(Prose(target.text), target.text):
            number = numbers[finding.entity]
            garbled.add(number)  # written, if wrongly: reported here, so not "missing"
            if number in first and finding.rule in GARBLES:
                finding = _with(finding, rule=Rule.NAME_GARBLED,
                                severity=Rule.NAME_GARBLED.info.severity)  # fmt: skip
            yield _placed(finding, target)
        for number, (start, end, text) in first.items():
            if number in kept or number in garbled or _written_in(text, target.text):
                continue  # kept, reported as garbled, or carried over as the source spells it
            entity = entities[number]
            yield _finding(source, start, end, Rule.NAME_MISSING, entity.name, entity.kind,
                           entity=entity.id, found=text)  # fmt: skip
        spans: dict[tuple[int, int], set[int]] = {}
        for number, places in present(target.text, self.gazetteer, standalone=True).items():
            for span in places:
                spans.setdefault(span, set()).add(number)
        reported: set[int] = set()
        for (start, end), owners in sorted(spans.items()):
            if owners & set(first) or len(owners) != 1 or owners & reported:
                continue  # an ambiguous surname may belong to the entity the source names
            if _written_in(target.text[start:end], source.text):
                continue  # the source has these very words, whatever the gazetteer makes of them
            (number,) = owners
            reported.add(number)
            entity = entities[number]
            severity = Severity.WARNING if entity.kind == "person" else Severity.INFO
            yield _finding(target, start, end, Rule.NAME_UNEXPECTED, "", entity.kind,
                           entity=entity.id, severity=severity, fixable=False)  # fmt: skip

    def _numbers(self, source: Side, target: Side) -> Iterable[Finding]:
        for change in numbers.compare(source.text, target.text):
            if change.target is None:
                q = change.source
                yield _finding(source, q.start, q.end, Rule.NUMBER_CHANGED, "", "number",
                               fixable=False)  # fmt: skip
                continue
            q = change.target
            severity = Severity.INFO if change.approximate else Severity.WARNING
            written = " ".join(filter(None, (change.source.hedge, change.source.text)))
            yield _finding(target, q.start, q.end, Rule.NUMBER_CHANGED, written, "number",
                           severity=severity, fixable=not change.approximate)  # fmt: skip

    def _untranslated(self, target: Side, script: str) -> Iterable[Finding]:
        for start, end in untranslated.runs(target.text, script):
            run = target.text[start:end]
            mentions = self.finder.find(run)
            whole = len(mentions) == 1 and mentions[0].text == run
            entity = self.gazetteer.entities[mentions[0].entity] if whole else None
            if entity is None:
                yield _finding(target, start, end, Rule.UNTRANSLATED, "", "text", fixable=False)
            else:
                yield _finding(target, start, end, Rule.UNTRANSLATED, entity.name, entity.kind,
                               entity=entity.id)  # fmt: skip


def _finding(
    side: Side,
    start: int,
    end: int,
    rule: Rule,
    suggestion: str,
    kind: str,
    *,
    entity: str = "",
    found: str = "",
    severity: Severity | None = None,
    fixable: bool = True,
) -> Finding:
    place = side.place(start, end)
    return Finding(
        start=place.start, end=place.end, rule=rule, found=found or side.text[start:end],
        entity=entity, suggestion=suggestion, kind=kind, score=1.0, line=place.line,
        column=place.column, end_line=place.end_line, end_column=place.end_column,
        severity=severity or rule.info.severity, path=side.path,
        fixable=fixable and place.end > place.start,
    )  # fmt: skip


def _placed(finding: Finding, side: Side) -> Finding:
    """A finding made on a side's text, moved to its place in the side's file."""
    place = side.place(finding.start, finding.end)
    return _with(
        finding, start=place.start, end=place.end, line=place.line, column=place.column,
        end_line=place.end_line, end_column=place.end_column, path=side.path,
        fixable=finding.fixable and place.end > place.start,
    )  # fmt: skip


def _written_in(words: str, text: str) -> bool:
    """Whether ``text`` has ``words`` as whole words (any spacing between them)."""
    pattern = r"\s+".join(re.escape(w) for w in words.split())
    return bool(pattern) and re.search(rf"(?<!\w){pattern}(?!\w)", text) is not None


def _with(finding: Finding, **changes: object) -> Finding:
    return replace(finding, **changes)  # type: ignore[arg-type]
