"""``namecheck gazetteer ...``: validate, inspect, search and grow gazetteers."""

# No ``from __future__ import annotations`` here: see namecheck/cli.py.

import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from namecheck.cli import GazetteerOption, NoDefaultOption, app
from namecheck.errors import ExitCode, NamecheckError

if TYPE_CHECKING:
    from namecheck.model import Entity

gazetteer_app = typer.Typer(
    help="Inspect and validate gazetteers.", no_args_is_help=True, rich_markup_mode=None
)
app.add_typer(gazetteer_app, name="gazetteer")


def _entities(gazetteer: list[Path] | None, no_default: bool) -> "list[Entity]":
    """The merged entities the ``check`` command would use with the same options."""
    from namecheck.gazetteer import load
    from namecheck.resources import default_gazetteer_paths, gazetteer_files

    if no_default and not gazetteer:
        raise NamecheckError("--no-default-gazetteer needs at least one --gazetteer PATH")
    return load([*([] if no_default else default_gazetteer_paths()), *gazetteer_files(gazetteer)])


@gazetteer_app.command()
def validate(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help="Gazetteer files or folders [default: the shipped gazetteer].",
                       show_default=False, metavar="[PATH...]"),
    ] = None,
) -> None:
    """Check gazetteer files together: every problem as file:line: message (exit 2)."""
    from namecheck.gazetteer import cross_check, read
    from namecheck.report.text import safe
    from namecheck.resources import default_gazetteer_paths, gazetteer_files

    files = gazetteer_files(paths) if paths else default_gazetteer_paths()
    entities, errors = [], []
    for path in files:
        found, problems = read(path)
        entities.extend(found)
        errors.extend(problems)
    errors.extend(cross_check(entities))
    for error in errors:
        sys.stdout.write(safe(str(error)) + "\n")
    if errors:
        raise typer.Exit(ExitCode.USAGE)
    kinds = Counter(e.kind for e in entities)
    summary = ", ".join(f"{kinds[k]:,} {k}" for k in sorted(kinds))
    files_word = "file" if len(files) == 1 else "files"
    sys.stdout.write(f"OK: {len(entities):,} entities in {len(files)} {files_word} ({summary})\n")


def _find(entities: "list[Entity]", query: str) -> "list[Entity]":
    """Entities whose id is ``query``, else those with an accepted or rejected form of it."""
    from namecheck.normalize import fold

    by_id = [e for e in entities if e.id == query]
    if by_id:
        return by_id
    key = fold(query)
    return [e for e in entities
            if any(fold(f) == key for f in (*e.accepted, *e.wrong, *e.deprecated))]


@gazetteer_app.command()
def show(
    query: Annotated[str, typer.Argument(help="An entity id or any of its forms.",
                                         metavar="ID|NAME", show_default=False)],
    gazetteer: GazetteerOption = None,
    no_default_gazetteer: NoDefaultOption = False,
) -> None:
    """Show an entry with every accepted form; derived romanisations are marked."""
    from namecheck.report.text import safe

    entities = _entities(gazetteer, no_default_gazetteer)
    found = _find(entities, query)
    if not found:
        raise NamecheckError(f"no entity has the id or form '{query}'; "
                             f"try: namecheck gazetteer search '{query}'")
    for number, entity in enumerate(found):
        if number:
            sys.stdout.write("\n")
        sys.stdout.write("".join(safe(line) + "\n" for line in _describe(entity)))


def _describe(entity: "Entity") -> list[str]:
    lines = [f"{entity.id}: {entity.name} ({entity.kind}, match {entity.match})"]
    for label, value in (("note", entity.note), ("since", entity.since),
                         ("until", entity.until)):
        if value:
            lines.append(f"  {label}: {value}")
    lines.append(f"  defined at {entity.source}:{entity.line}")
    lines.append("  accepted:")
    roles = [("name", (entity.name,)), ("alias", entity.aliases), ("native", entity.native),
             ("derived", entity.derived)]
    for role, forms in roles:
        lines.extend(f"    {form}  [{role}]" for form in forms)
    for role, forms in (("wrong", entity.wrong), ("deprecated", entity.deprecated)):
        if forms:
            lines.append(f"  {role}:")
            lines.extend(f"    {form}" for form in forms)
    return lines


@gazetteer_app.command()
def search(
    text: Annotated[str, typer.Argument(help="A name, spelled any way.", show_default=False)],
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="How many matches.")] = 10,
    gazetteer: GazetteerOption = None,
    no_default_gazetteer: NoDefaultOption = False,
) -> None:
    """Fuzzy search over every form: the closest entities, with scores (0-100)."""
    from rapidfuzz import fuzz, process

    from namecheck.normalize import fold
    from namecheck.report.text import safe

    entities = _entities(gazetteer, no_default_gazetteer)
    forms = [(fold(f), f, e) for e in entities for f in (*e.accepted, *e.wrong, *e.deprecated)]
    hits = process.extract(fold(text), [f[0] for f in forms], scorer=fuzz.WRatio,
                           limit=limit * 20)  # several forms per entity
    shown: set[str] = set()
    for _, score, index in hits:
        _, form, entity = forms[index]
        if entity.id in shown:
            continue  # one line per entity: its best form
        shown.add(entity.id)
        tag = "" if form in entity.accepted else "  (rejected form)"
        sys.stdout.write(safe(f"{score:5.1f}  {form}  → {entity.id} ({entity.kind}){tag}") + "\n")
        if len(shown) == limit:
            break


@gazetteer_app.command()
def stats(
    gazetteer: GazetteerOption = None,
    no_default_gazetteer: NoDefaultOption = False,
    examples: Annotated[int, typer.Option(help="Collisions to list.", min=0)] = 10,
) -> None:
    """Entities by kind, forms by role, and forms shared between entities."""
    from namecheck.normalize import fold
    from namecheck.report.text import safe

    entities = _entities(gazetteer, no_default_gazetteer)
    kinds = Counter(e.kind for e in entities)
    out = [f"entities: {len(entities):,}"]
    out.extend(f"  {kind}: {kinds[kind]:,}" for kind in sorted(kinds))
    out.append(f"  match exact: {sum(e.match == 'exact' for e in entities):,}")
    out.append(f"accepted forms: {sum(len(e.accepted) for e in entities):,}")
    out.append(f"  names: {len(entities):,}")
    for role in ("aliases", "native", "derived", "wrong", "deprecated"):
        if role == "wrong":
            out.append("rejected forms:")
        out.append(f"  {role}: {sum(len(getattr(e, role)) for e in entities):,}")
    owners: dict[str, set[str]] = defaultdict(set)
    for entity in entities:
        for form in entity.accepted:
            owners[fold(form)].add(entity.id)
    shared = sorted((form, ids) for form, ids in owners.items() if len(ids) > 1)
    out.append(f"collisions (an accepted form of several entities): {len(shared):,}")
    out.extend(f"  {form}: {', '.join(sorted(ids))}" for form, ids in shared[:examples])
    sys.stdout.write("".join(safe(line) + "\n" for line in out))


@gazetteer_app.command("import")
def import_(
    path: Annotated[Path, typer.Argument(help="Wikidata SPARQL JSON results or CSV export.",
                                         metavar="FILE", show_default=False)],
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write the YAML here instead of stdout.",
                     metavar="FILE", show_default=False),
    ] = None,
) -> None:
    """Turn a Wikidata query export into gazetteer YAML (review it before use)."""
    from namecheck.gazetteer import parse
    from namecheck.gazwrite import dump
    from namecheck.wikidata import entities, rows

    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or "not valid UTF-8"
        raise NamecheckError(f"cannot read: {reason}", str(path)) from None
    records = entities(rows(text, str(path)))
    yaml_text = dump(records, f"Imported from {path.name} by namecheck gazetteer import.")
    _, problems = parse(yaml_text, str(output or "<output>"))
    if problems:  # a label the validator refuses (e.g. an invisible character)
        raise NamecheckError("\n".join(str(p) for p in problems))
    if output is None:
        sys.stdout.write(yaml_text)
    else:
        output.write_text(yaml_text, encoding="utf-8")
        sys.stderr.write(f"{len(records)} entities written to {output}\n")
