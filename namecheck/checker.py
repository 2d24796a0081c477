"""The public engine: a gazetteer and settings in, findings out for any text.

The CLI, the language server, the pre-commit hook and batch jobs (Dask) all
go through :class:`Checker`; it never opens a checked file nor prints. It is
picklable, so it can be shipped once to worker processes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from namecheck.index import CompiledGazetteer
from namecheck.locate import LineIndex
from namecheck.matcher import Match, Settings, match
from namecheck.model import Entity, Finding
from namecheck.resources import default_gazetteer_paths
from namecheck.text import Prose, reader_for


class Checker:
    """Checks text against one compiled gazetteer."""

    def __init__(
        self,
        entities: Iterable[Entity] | CompiledGazetteer,
        settings: Settings | None = None,
    ) -> None:
        if isinstance(entities, CompiledGazetteer):
            self.gazetteer = entities
        else:
            self.gazetteer = CompiledGazetteer(entities)
        self.settings = settings or Settings()

    @classmethod
    def from_paths(
        cls,
        paths: Sequence[Path] = (),
        *,
        default: bool = True,
        settings: Settings | None = None,
    ) -> Checker:
        """Load the shipped gazetteer (unless ``default`` is false) plus ``paths``.

        Goes through the compiled-gazetteer cache (see :mod:`namecheck.cache`).
        """
        from namecheck.cache import compiled

        files = [*(default_gazetteer_paths() if default else []), *paths]
        return cls(compiled(files), settings)

    def check_prose(self, prose: Prose, source: str, path: str = "") -> list[Finding]:
        """Findings for prose read from ``source``, positioned in the source."""
        matches = match(prose.text, self.gazetteer, self.settings)
        if not matches:
            return []
        lines = LineIndex(source)
        return sorted(self._finding(m, prose, source, lines, path) for m in matches)

    def check_text(
        self, text: str, path: str = "", reader: Callable[[str], Prose] | None = None
    ) -> list[Finding]:
        """Findings for a decoded document; the reader is chosen from ``path`` if not given."""
        read = reader or reader_for(path)
        return self.check_prose(read(text), text, path)

    def _finding(
        self, m: Match, prose: Prose, source: str, lines: LineIndex, path: str
    ) -> Finding:
        start, end = prose.span_to_source(m.start, m.end)
        line, column = lines.position(start)
        end_line, end_column = lines.position(end)
        entity = self.gazetteer.entities[m.entity]
        return Finding(
            start=start, end=end, rule=m.rule, found=source[start:end], entity=entity.id,
            suggestion=m.suggestion, kind=entity.kind, score=m.score, line=line,
            column=column, end_line=end_line, end_column=end_column,
            severity=m.rule.info.severity, path=path, fixable=m.fixable, reasons=m.reasons,
        )  # fmt: skip
