"""``namecheck lsp``: the language server, for editors (stdio)."""

# No ``from __future__ import annotations`` here: see namecheck/cli.py.

from typing import Annotated

import typer

from namecheck.cli import (
    ConfigOption,
    GazetteerOption,
    IsolatedOption,
    NoDefaultOption,
    ThresholdOption,
    app,
)
from namecheck.errors import NamecheckError


@app.command()
def lsp(
    gazetteer: GazetteerOption = None,
    no_default_gazetteer: NoDefaultOption = False,
    threshold: ThresholdOption = None,
    config: ConfigOption = None,
    isolated: IsolatedOption = False,
    debounce: Annotated[
        float,
        typer.Option(
            metavar="SECONDS", min=0.0, help="Wait this long after typing stops before checking."
        ),
    ] = 0.3,
) -> None:
    """Run the Language Server Protocol server on stdin/stdout.

    Editors start it themselves (see the README for VS Code, Neovim and Helix). It
    publishes the same findings as 'namecheck check' as diagnostics, with quick
    fixes to replace a name or to ignore a form in one file.
    """
    try:
        import pygls  # noqa: F401 - only to say how to install it when missing
    except ImportError:
        raise NamecheckError(
            "the language server needs pygls: pip install 'namecheck[lsp]'"
        ) from None
    from pathlib import Path

    from namecheck.lsp.checkers import EngineOptions
    from namecheck.lsp.server import create

    options = EngineOptions(tuple(Path(p) for p in gazetteer or ()), no_default_gazetteer,
                            threshold, config, isolated)  # fmt: skip
    server = create(options, debounce)
    server.checkers.checker_for("")  # a bad config or gazetteer fails now, on the command line
    server.start_io()
