"""``namecheck gazetteer ...``: inspect and validate gazetteers."""

from __future__ import annotations

import typer

from namecheck.cli import app

gazetteer_app = typer.Typer(
    help="Inspect and validate gazetteers.", no_args_is_help=True, rich_markup_mode=None
)
app.add_typer(gazetteer_app, name="gazetteer")
