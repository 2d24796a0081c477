"""Translation QA: check a translation against its source, names and numbers first.

``namecheck compare`` pairs a source with its translation — two documents, or
the units of a bilingual file — and reports what the translation lost or
mangled: a name of the source missing (NC101) or garbled (NC102), a number
changed or missing (NC103), source-script text left untranslated (NC104), a
name the source does not have (NC105). The pieces are pure and small:
:mod:`~namecheck.compare.names` (finding mentions in a source, inflected or
not), :mod:`~namecheck.compare.presence` (what a translation names),
:mod:`~namecheck.compare.numbers`, :mod:`~namecheck.compare.untranslated`,
:mod:`~namecheck.compare.bilingual` (reading XLIFF/PO/TMX) and
:mod:`~namecheck.compare.core` (the engine).
"""

from __future__ import annotations

from namecheck.compare.core import Comparer, Document
from namecheck.files import Source
from namecheck.model import Finding
from namecheck.text import reader_for


def compare_documents(comparer: Comparer, source: Source, target: Source) -> list[Finding]:
    """Findings for a source document and its translation (text, Markdown or HTML)."""
    sides = [Document(s.path, s.text, reader_for(s.path)(s.text)) for s in (source, target)]
    return comparer.compare(*sides)


def compare_bilingual(comparer: Comparer, source: Source) -> list[Finding]:
    """Findings for every translated unit of an XLIFF, PO or TMX file.

    Raises :class:`~namecheck.errors.InputError` when the file cannot be read
    (or translate-toolkit is not installed).
    """
    from namecheck.compare import bilingual
    from namecheck.compare.untranslated import dominant_script

    units = bilingual.load(source)
    scripts = (
        dominant_script(" ".join(unit.source.text for unit in units)),
        dominant_script(" ".join(unit.target.text for unit in units)),
    )
    findings: list[Finding] = []
    for unit in units:
        findings.extend(comparer.compare(unit.source, unit.target, unit=unit.id, scripts=scripts))
    return findings
