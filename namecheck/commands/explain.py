"""``namecheck explain TEXT``: why a string is (or is not) flagged."""

# No ``from __future__ import annotations`` here: see namecheck/cli.py.

from typing import Annotated

import typer

from namecheck.cli import (
    GazetteerOption,
    NoDefaultOption,
    ThresholdOption,
    app,
    build_checker,
)


@app.command()
def explain(
    text: Annotated[str, typer.Argument(help="A name or a sentence, as it appears in an article.")],
    gazetteer: GazetteerOption = None,
    no_default_gazetteer: NoDefaultOption = False,
    threshold: ThresholdOption = None,
) -> None:
    """Show the candidate entities for TEXT, their scores and which signals fired.

    Example: namecheck explain 'Svetlana Tikhanovska'
    """
    from namecheck.explain import explain as render

    checker = build_checker(gazetteer, no_default_gazetteer, threshold)
    typer.echo(render(checker, text), nl=False)

