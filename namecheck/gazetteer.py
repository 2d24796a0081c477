"""Loading and validating gazetteer YAML files into :class:`~namecheck.model.Entity` records.

Files are read with PyYAML's *composer* only (no object construction at all, so
no code can run), aliases and anchors are refused (no "billion laughs"), and
every error names the file and line of the offending node. Validation collects
every error in a file set, so ``namecheck gazetteer validate`` can list them all.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import yaml

from namecheck.errors import GazetteerError, PreferError
from namecheck.model import KINDS, Entity
from namecheck.normalize import fold
from namecheck.romanize import LANGUAGES, derive

ENTITY_KEYS = (
    "id", "name", "kind", "aliases", "native", "wrong", "deprecated", "match", "note",
    "since", "until", "source",
)  # fmt: skip
LIST_KEYS = ("aliases", "native", "wrong", "deprecated")
MATCH_MODES = ("fuzzy", "exact")
MAX_FORM_LENGTH = 200
_SLUG = re.compile(r"[^a-z0-9]+")


def slug(name: str) -> str:
    return _SLUG.sub("-", fold(name)).strip("-")


class _NoAliasComposer(yaml.SafeLoader):
    """Composer that refuses YAML aliases, which a gazetteer never needs."""

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()  # type: ignore[no-untyped-call]
            raise yaml.composer.ComposerError(
                None, None, "YAML aliases (*name) are not allowed in a gazetteer", event.start_mark
            )
        return super().compose_node(parent, index)


def _compose(text: str) -> yaml.Node | None:
    """The node tree, through libyaml when PyYAML has it: ten times faster on the
    shipped 3,000-entity gazetteer. libyaml's composer cannot be subclassed, so
    aliases are refused by a first pass over its event stream instead."""
    if not yaml.__with_libyaml__:
        return yaml.compose(text, Loader=_NoAliasComposer)
    for event in yaml.parse(text, Loader=yaml.CSafeLoader):
        if isinstance(event, yaml.AliasEvent):
            raise yaml.composer.ComposerError(
                None,
                None,
                "YAML aliases (*name) are not allowed in a gazetteer",
                event.start_mark,  # type: ignore[arg-type]  # libyaml's Mark has the same fields
            )
    return yaml.compose(text, Loader=yaml.CSafeLoader)


@dataclass
class _Problems:
    path: str
    errors: list[GazetteerError] = field(default_factory=list)

    def add(self, node: yaml.Node | None, message: str) -> None:
        line = node.start_mark.line + 1 if node is not None else 0
        self.errors.append(GazetteerError(message, self.path, line))


def _scalar(node: yaml.Node, key: str, problems: _Problems) -> str | None:
    if not isinstance(node, yaml.ScalarNode) or node.tag.endswith(":null"):
        problems.add(node, f"'{key}' must be a string")
        return None
    return _clean_form(str(node.value), node, key, problems)


def _clean_form(value: str, node: yaml.Node, key: str, problems: _Problems) -> str | None:
    text = " ".join(value.split())
    if any(unicodedata.category(ch) in ("Cc", "Cf") for ch in text):
        problems.add(node, f"'{key}' contains control or invisible format characters: {text!r}")
        return None
    if not text:
        problems.add(node, f"'{key}' is empty")
        return None
    if len(text) > MAX_FORM_LENGTH:
        problems.add(node, f"'{key}' is longer than {MAX_FORM_LENGTH} characters")
        return None
    return text


def _native_item(node: yaml.Node, problems: _Problems) -> tuple[str, str] | None:
    """A native form: a string, or a one-key mapping ``{uk: Володимир Зеленський}``."""
    if isinstance(node, yaml.MappingNode):
        if len(node.value) != 1:
            problems.add(node, "a tagged native form is a one-key mapping like {uk: Київ}")
            return None
        key_node, value_node = node.value[0]
        lang = str(key_node.value)
        if lang not in LANGUAGES:
            problems.add(key_node, f"unknown language '{lang}' (known: {', '.join(LANGUAGES)})")
            return None
        form = _scalar(value_node, "native", problems)
        return (form, lang) if form else None
    form = _scalar(node, "native", problems)
    return (form, "") if form else None


def _entity(node: yaml.Node, problems: _Problems) -> Entity | None:
    if not isinstance(node, yaml.MappingNode):
        problems.add(node, "each entity must be a mapping with at least 'name'")
        return None
    values: dict[str, object] = {}
    before = len(problems.errors)
    for key_node, value_node in node.value:
        key = str(key_node.value)
        if key not in ENTITY_KEYS:
            problems.add(key_node, f"unknown key '{key}' (allowed: {', '.join(ENTITY_KEYS)})")
        elif key in values:
            problems.add(key_node, f"key '{key}' given twice")
        elif key == "native":
            if not isinstance(value_node, yaml.SequenceNode):
                problems.add(value_node, "'native' must be a list")
                continue
            items = [_native_item(n, problems) for n in value_node.value]
            values[key] = tuple(i for i in items if i)
        elif key in LIST_KEYS:
            if value_node.tag.endswith(":null"):
                values[key] = ()
            elif not isinstance(value_node, yaml.SequenceNode):
                problems.add(value_node, f"'{key}' must be a list of strings")
            else:
                scalars = [_scalar(n, key, problems) for n in value_node.value]
                values[key] = tuple(i for i in scalars if i)
        else:
            values[key] = _scalar(value_node, key, problems)
    name = values.get("name")
    if "name" not in values:
        problems.add(node, "entity has no 'name'")
    kind = values.get("kind") or "other"
    if kind not in KINDS:
        problems.add(node, f"unknown kind '{kind}' (allowed: {', '.join(KINDS)})")
    match = values.get("match") or "fuzzy"
    if match not in MATCH_MODES:
        problems.add(node, f"unknown match mode '{match}' (allowed: {', '.join(MATCH_MODES)})")
    if len(problems.errors) > before or not isinstance(name, str):
        return None
    natives: tuple[tuple[str, str], ...] = values.get("native", ())  # type: ignore[assignment]
    wrong: tuple[str, ...] = values.get("wrong", ())  # type: ignore[assignment]
    deprecated: tuple[str, ...] = values.get("deprecated", ())  # type: ignore[assignment]
    # A form listed as wrong or deprecated overrides a romanisation that would
    # accept it (Киев → Kiev).
    rejected = {fold(form) for form in (*wrong, *deprecated)}
    return Entity(
        id=str(values.get("id") or slug(name)),
        name=name,
        kind=str(kind),
        aliases=tuple(values.get("aliases", ())),  # type: ignore[arg-type]
        native=tuple(form for form, _ in natives),
        wrong=wrong,
        deprecated=deprecated,
        derived=tuple(f for f in derive(natives) if f != name and fold(f) not in rejected),
        match=str(match),
        note=str(values.get("note") or ""),
        since=str(values.get("since") or ""),
        until=str(values.get("until") or ""),
        source=problems.path,
        line=node.start_mark.line + 1,
    )


def parse(text: str, path: str = "<gazetteer>") -> tuple[list[Entity], list[GazetteerError]]:
    """Entities of one gazetteer document, and every problem found in it."""
    problems = _Problems(path)
    try:
        root = _compose(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 0
        reason = exc.problem or exc.context or "invalid YAML"
        return [], [GazetteerError(f"YAML syntax error: {reason}", path, line)]
    except yaml.YAMLError as exc:
        return [], [GazetteerError(f"YAML error: {exc}", path)]
    except RecursionError:  # PyYAML without libyaml composes recursively; libyaml has a limit
        return [], [GazetteerError("YAML syntax error: exceeded maximum nesting depth", path)]
    if root is None:
        return [], []
    items: Sequence[yaml.Node]
    if isinstance(root, yaml.SequenceNode):
        items = root.value
    elif isinstance(root, yaml.MappingNode):
        items = []
        for key_node, value_node in root.value:
            key = str(key_node.value)
            if key == "entities" and isinstance(value_node, yaml.SequenceNode):
                items = value_node.value
            elif key == "entities":
                problems.add(value_node, "'entities' must be a list")
            elif key != "version":
                problems.add(
                    key_node, f"unknown top-level key '{key}' (allowed: entities, version)"
                )
    else:
        problems.add(root, "a gazetteer is a mapping with an 'entities' list")
        items = []
    entities = [e for e in (_entity(node, problems) for node in items) if e]
    return entities, problems.errors


def read(path: Path) -> tuple[list[Entity], list[GazetteerError]]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        return [], [GazetteerError("gazetteer file not found", str(path))]
    except UnicodeDecodeError:
        return [], [GazetteerError("gazetteer is not valid UTF-8", str(path))]
    except OSError as exc:
        return [], [GazetteerError(f"cannot read gazetteer: {exc.strerror}", str(path))]
    return parse(text, str(path))


def cross_check(entities: Iterable[Entity]) -> list[GazetteerError]:
    """Problems between entries: duplicate ids, shared written forms, wrong forms accepted."""
    errors: list[GazetteerError] = []
    ids: dict[str, Entity] = {}
    written: dict[str, Entity] = {}
    entity_list = list(entities)
    for entity in entity_list:
        if entity.id in ids:
            first = ids[entity.id]
            errors.append(GazetteerError(
                f"duplicate id '{entity.id}' (first at {first.source}:{first.line})",
                entity.source, entity.line,
            ))  # fmt: skip
            continue
        ids[entity.id] = entity
        for form in (entity.name, *entity.aliases):
            key = fold(form)
            other = written.get(key)
            if other is not None and other.id != entity.id:
                errors.append(GazetteerError(
                    f"form '{form}' is accepted for both '{other.id}' "
                    f"({other.source}:{other.line}) and '{entity.id}'",
                    entity.source, entity.line,
                ))  # fmt: skip
            written.setdefault(key, entity)
    accepted = {fold(f): e for e in entity_list for f in e.accepted}
    for entity in entity_list:
        for form in (*entity.wrong, *entity.deprecated):
            owner = accepted.get(fold(form))
            if owner is not None:
                errors.append(GazetteerError(
                    f"rejected form '{form}' of '{entity.id}' is an accepted form of '{owner.id}'",
                    entity.source, entity.line,
                ))  # fmt: skip
    return errors


def load(paths: Iterable[Path]) -> list[Entity]:
    """Entities of all files merged; raises with every problem if any file is bad."""
    entities: list[Entity] = []
    errors: list[GazetteerError] = []
    for path in paths:
        found, problems = read(path)
        entities.extend(found)
        errors.extend(problems)
    errors.extend(cross_check(entities))
    if errors:
        raise GazetteerErrors(errors)
    return entities


def with_preferred(entities: Sequence[Entity], prefer: Mapping[str, str]) -> list[Entity]:
    """A newsroom's house style: ``prefer`` makes a form the canonical name of an entity.

    Fixes then suggest it and it is accepted: it leaves the entity's wrong and
    deprecated lists, and the old name stays accepted as an alias. A form that is
    another entity's would make matches ambiguous, so it is refused.
    """
    known = {e.id for e in entities}
    for entity_id in prefer:
        if entity_id not in known:
            raise PreferError(f"no entity with id '{entity_id}' in the gazetteers", entity_id)
    owners = {fold(form): e.id for e in entities for form in e.accepted}
    preferred: list[Entity] = []
    for entity in entities:
        form = prefer.get(entity.id)
        if form is None or form == entity.name:
            preferred.append(entity)
            continue
        key = fold(form)
        if owners.get(key, entity.id) != entity.id:
            raise PreferError(f"'{form}' is an accepted form of '{owners[key]}'", entity.id)

        def others(forms: tuple[str, ...], key: str = key) -> tuple[str, ...]:
            return tuple(f for f in forms if fold(f) != key)

        preferred.append(replace(
            entity, name=form, aliases=(entity.name, *others(entity.aliases)),
            wrong=others(entity.wrong), deprecated=others(entity.deprecated),
            derived=others(entity.derived),
        ))  # fmt: skip
    return preferred


class GazetteerErrors(GazetteerError):
    """Several gazetteer problems at once; ``str`` gives one line per problem."""

    def __init__(self, errors: list[GazetteerError]) -> None:
        super().__init__(errors[0].message, errors[0].path, errors[0].line)
        self.errors = errors

    def __str__(self) -> str:
        return "\n".join(str(e) for e in self.errors)
