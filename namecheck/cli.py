"""Command-line front end. Thin: parses options, calls the engine, prints a report.

Heavy modules are imported inside the commands, so ``namecheck --version`` and
``--help`` start instantly.

The modules that define commands (this one and ``namecheck.commands``) do not
use ``from __future__ import annotations``: typer evaluates every string
annotation twice at each start (``inspect.signature`` and ``get_type_hints``),
rebuilding each ``typer.Option``; evaluated once at import, the command line is
built in 3 ms instead of 15. Names imported only for type checking are quoted.
"""

import gc
import os
import sys
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

from namecheck import __version__, collector
from namecheck.errors import ExitCode, NamecheckError

# typer and click, with the standard library they pull in, make ~100k objects that
# live as long as the process: imported without the 22 cyclic collections that
# would traverse them on the way (8 M instructions, ~2.5 ms of a warm start), and
# frozen at once, as a loaded gazetteer is.
with collector.loading():
    import typer

if TYPE_CHECKING:
    from namecheck.checker import Checker
    from namecheck.fix import FixPolicy
    from namecheck.report import ReportOptions, RunResult

app = typer.Typer(
    name="namecheck",
    help=(
        "Catch garbled names (people, places, organisations) in prose before it is "
        "published.\n\n"
        "Checks text, Markdown and HTML against a YAML gazetteer of canonical names and "
        "their accepted spellings, and flags forms like 'Mitchell Bacelet' with the fix "
        "'Michelle Bachelet'."
    ),
    epilog=(
        "Examples:\n\n"
        "  namecheck check article.md            # lint one file\n\n"
        "  namecheck check content/ --format json # a whole folder, JSON for tools\n\n"
        "  cat draft.txt | namecheck check -      # stdin\n\n"
        "  namecheck explain 'Svetlana Tikhanovska'\n\n"
        "Exit codes: 0 clean, 1 names to check, 2 bad input/config/gazetteer, 3 internal error."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

GazetteerOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--gazetteer",
        "-g",
        help="Extra gazetteer YAML file or folder of *.yaml files (repeatable).",
        metavar="PATH",
        show_default=False,
    ),
]
NoDefaultOption = Annotated[
    bool,
    typer.Option(
        "--no-default-gazetteer", help="Use only the gazetteers given with --gazetteer."
    ),
]
ThresholdOption = Annotated[
    float | None,
    typer.Option(
        "--threshold",
        metavar="SCORE",
        min=0.0,
        max=1.0,
        help="Score from 0 to 1 a fuzzy match needs to be flagged [default: 0.7]. "
        "Lower finds more garbles and more false alarms.",
        show_default=False,
    ),
]
ConfigOption = Annotated[
    Path | None,
    typer.Option(
        "--config",
        metavar="PATH",
        help="Use this config file for every file, instead of the nearest namecheck.toml, "
        ".namecheck.toml or pyproject.toml [tool.namecheck].",
        show_default=False,
    ),
]
IsolatedOption = Annotated[bool, typer.Option("--isolated", help="Ignore all config files.")]


EncodingOption = Annotated[
    str | None,
    typer.Option(
        help="Decode files with this encoding instead of UTF-8.",
        show_default=False,
        metavar="CODEC",
    ),
]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"namecheck {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """namecheck: catch garbled names before they are published."""


def build_checker(
    gazetteers: list[Path] | None, no_default: bool, threshold: float | None = None
) -> "Checker":
    """The engine for the gazetteer options every command shares."""
    from namecheck.checker import Checker
    from namecheck.matcher import Settings
    from namecheck.resources import gazetteer_files

    settings = Settings() if threshold is None else Settings(threshold=threshold)
    if no_default and not gazetteers:
        raise NamecheckError("--no-default-gazetteer needs at least one --gazetteer PATH")
    return Checker.from_paths(gazetteer_files(gazetteers), default=not no_default,
                              settings=settings)  # fmt: skip


@app.command()
def check(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Files or folders to check (folders: *.txt, *.md, *.html inside); - for stdin.",
            show_default=False,
            metavar="PATH...",
        ),
    ],
    output_format: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            help="Output format: text (default), concise, json, sarif, github or html.",
            metavar="FORMAT",
        ),
    ] = "text",
    gazetteer: GazetteerOption = None,
    no_default_gazetteer: NoDefaultOption = False,
    threshold: ThresholdOption = None,
    config: ConfigOption = None,
    isolated: IsolatedOption = False,
    select: Annotated[
        list[str] | None,
        typer.Option(metavar="CODES", show_default=False,
                     help="Report only these rules: codes or prefixes, comma-separated "
                     "(NC0 is NC001-NC004). Replaces the config's select."),
    ] = None,
    ignore: Annotated[
        list[str] | None,
        typer.Option(metavar="CODES", show_default=False,
                     help="Do not report these rules (codes or prefixes)."),
    ] = None,
    no_respect_gitignore: Annotated[
        bool,
        typer.Option("--no-respect-gitignore",
                     help="Also check files that .gitignore excludes when walking folders."),
    ] = False,
    stdin_filename: Annotated[
        str,
        typer.Option(
            help="Name shown for stdin; its extension picks the reader (.md, .html).",
            metavar="NAME",
        ),
    ] = "<stdin>",
    encoding: EncodingOption = None,
    max_size: Annotated[
        float,
        typer.Option(
            "--max-size",
            min=0.0,
            metavar="MIB",
            help="Refuse files larger than this many MiB (checking needs ~30 bytes of "
            "memory per byte of text).",
        ),
    ] = 16.0,
    jobs: Annotated[
        int,
        typer.Option(
            "--jobs",
            "-j",
            min=0,
            metavar="N",
            help="Worker processes for large runs (0: one per core). Output order is the "
            "same as a serial run.",
        ),
    ] = 0,
    statistics: Annotated[
        bool, typer.Option("--statistics", help="Also print counts per rule and entity.")
    ] = False,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="Print findings only, no summary.")
    ] = False,
    fix: Annotated[
        bool,
        typer.Option(
            "--fix",
            help="Apply the safe fixes (one candidate, score at or above --fix-threshold) "
            "to the files, then report what remains.",
        ),
    ] = False,
    diff: Annotated[
        bool,
        typer.Option("--diff", help="Print the fixes as a unified diff instead of writing."),
    ] = False,
    unsafe_fixes: Annotated[
        bool,
        typer.Option(
            "--unsafe-fixes",
            help="With --fix or --diff, apply every suggestion, not only the safe ones.",
        ),
    ] = False,
    fix_threshold: Annotated[
        float | None,
        typer.Option(
            metavar="SCORE",
            min=0.0,
            max=1.0,
            help="Score a fix needs to count as safe [default: 0.85].",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Check files for garbled names.

    Prints each finding as path:line:column, the rule code, the text found and the
    suggested fix, with the source line (--format picks other layouts); exits 1 if
    anything was found.
    """
    from namecheck.report import FORMATS, ReportOptions
    from namecheck.runner import RunOptions, run

    if output_format not in FORMATS:
        raise NamecheckError(
            f"unknown format '{output_format}' (choose from: {', '.join(FORMATS)})"
        )
    policy = fix_policy(fix or diff, unsafe_fixes, fix_threshold)
    if policy and not diff and "-" in paths:
        raise NamecheckError("--fix cannot write back to stdin; use --diff to see the fixes")
    from namecheck.config import Overrides, split_codes
    from namecheck.engines import Engines

    engines = Engines(Overrides(
        config, isolated, tuple(gazetteer or ()), no_default_gazetteer, threshold,
        split_codes(select), split_codes(ignore) or (), False if no_respect_gitignore else None,
    ))  # fmt: skip
    options = RunOptions(encoding=encoding, stdin_filename=stdin_filename, jobs=jobs,
                         fix=policy, diff=diff,
                         max_bytes=int(max_size * 1024 * 1024))  # fmt: skip
    result = run(engines, paths, options)
    report = ReportOptions(color=sys.stdout.isatty() and not os.environ.get("NO_COLOR"),
                           quiet=quiet)  # fmt: skip
    if diff:
        sys.stdout.write("".join(result.diffs))
    if policy:
        from namecheck.report.fixes import summary

        sys.stderr.write(summary(result, policy, diff))
    finish(result, output_format, report, statistics=statistics, show_report=not diff)


def finish(
    result: "RunResult",
    output_format: str,
    report: "ReportOptions | None" = None,
    *,
    statistics: bool = False,
    show_report: bool = True,
) -> None:
    """Print a run's report, statistics and errors, and exit with the code they call for."""
    from namecheck.report import STRUCTURED, formatter

    if show_report:  # not after --diff, which printed the fixes instead
        sys.stdout.write(formatter(output_format)(result, report))
    if statistics:
        from namecheck.report.stats import render_statistics

        # Structured output must stay parseable: the counts go to stderr then.
        out = sys.stderr if output_format in STRUCTURED else sys.stdout
        out.write(render_statistics(result.findings))
    if output_format != "json":
        from namecheck.report.text import safe

        for error in result.errors:
            sys.stderr.write(f"namecheck: error: {safe(str(error))}\n")
    if result.errors:
        raise typer.Exit(ExitCode.USAGE)
    raise typer.Exit(ExitCode.FINDINGS if result.failing or result.diffs else ExitCode.CLEAN)


def fix_policy(fixing: bool, unsafe: bool, threshold: float | None) -> "FixPolicy | None":
    """The fix policy the options ask for (None: only check)."""
    if not fixing:
        if unsafe or threshold is not None:
            raise NamecheckError("--unsafe-fixes and --fix-threshold need --fix or --diff")
        return None
    from namecheck.fix import DEFAULT_FIX_THRESHOLD, FixPolicy

    return FixPolicy(DEFAULT_FIX_THRESHOLD if threshold is None else threshold, unsafe)


# Each module in namecheck.commands registers its command(s) on ``app`` when
# imported; they import their heavy dependencies lazily, inside the command.
for _command in ("compare", "explain", "gazetteer", "lsp", "names"):
    import_module(f"namecheck.commands.{_command}")


def main() -> None:
    """Console entry point: every user error is one line and exit 2, never a traceback."""
    # What is imported by now (the command modules, after typer, which loading()
    # froze) lives as long as the process: the cyclic collector need not scan it
    # again at each collection the rest of the start-up triggers.
    gc.freeze()
    collector.for_batch()
    try:
        app()  # click's standalone mode: usage errors print usage and exit 2
    except NamecheckError as exc:
        from namecheck.report.text import safe

        for line in str(exc).splitlines():
            sys.stderr.write(f"namecheck: error: {safe(line)}\n")
        sys.exit(ExitCode.USAGE)
    except Exception as exc:
        sys.stderr.write(
            f"namecheck: internal error: {type(exc).__name__}: {exc}\n"
            "This is a bug in namecheck; please report it with the command you ran.\n"
        )
        sys.exit(ExitCode.INTERNAL)
