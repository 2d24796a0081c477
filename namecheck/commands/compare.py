"""``namecheck compare``: translation QA of a source and its translation."""

# No ``from __future__ import annotations`` here: see namecheck/cli.py.

from typing import Annotated

import typer

from namecheck.cli import (
    EncodingOption,
    GazetteerOption,
    NoDefaultOption,
    ThresholdOption,
    app,
    build_checker,
    finish,
)
from namecheck.errors import InputError, NamecheckError


@app.command()
def compare(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="SOURCE TARGET (text, Markdown or HTML), or bilingual files "
            "(.xlf, .xliff, .po, .tmx).",
            show_default=False,
            metavar="PATH...",
        ),
    ],
    output_format: Annotated[
        str,
        typer.Option("--format", "-f", help="Output format, as for check.", metavar="FORMAT"),
    ] = "text",
    gazetteer: GazetteerOption = None,
    no_default_gazetteer: NoDefaultOption = False,
    threshold: ThresholdOption = None,
    encoding: EncodingOption = None,
) -> None:
    """Check a translation against its source: names, numbers, untranslated text.

    Reports names of the source missing (NC101) or garbled (NC102) in the
    translation, numbers changed or missing (NC103), source-script text left
    untranslated (NC104) and names the source does not have (NC105), plus what
    check finds in the translation. Missing things point at the source file,
    everything else at the translation. Bilingual files need the qa extra:
    pip install 'namecheck[qa]'.
    """
    from namecheck.compare import compare_bilingual, compare_documents
    from namecheck.compare.bilingual import is_bilingual
    from namecheck.compare.core import Comparer
    from namecheck.files import read
    from namecheck.report import FORMATS, RunResult

    if output_format not in FORMATS:
        raise NamecheckError(
            f"unknown format '{output_format}' (choose from: {', '.join(FORMATS)})"
        )
    bilingual = [is_bilingual(p) for p in paths]
    if not all(bilingual) and (any(bilingual) or len(paths) != 2):
        raise NamecheckError(
            "give a SOURCE and a TARGET document, or only bilingual files (.xlf, .xliff, .po, .tmx)"
        )
    comparer = Comparer(build_checker(gazetteer, no_default_gazetteer, threshold))
    result = RunResult()
    sources = []
    for path in paths:
        try:
            sources.append(read(path, encoding))
        except InputError as exc:
            result.errors.append(exc)
    # The text format shows each finding's line: a source's for what it lost, the target's else.
    result.sources.update((source.path, source.text) for source in sources)
    if all(bilingual):
        for source in sources:
            try:
                result.findings.extend(compare_bilingual(comparer, source))
            except InputError as exc:
                result.errors.append(exc)
                continue
            result.files_checked += 1
    elif len(sources) == 2:
        result.findings.extend(compare_documents(comparer, *sources))
        result.files_checked = 2
    finish(result, output_format)
