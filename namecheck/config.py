"""Configuration files: find, parse and validate them into a frozen :class:`Config`.

A checked file takes its settings from the nearest ``namecheck.toml``,
``.namecheck.toml`` or ``pyproject.toml`` with a ``[tool.namecheck]`` table,
found by walking up from its folder (the nearest wins; nothing is merged, as in
ruff). Every value is validated here, once: an unknown key or a bad value is a
:class:`ConfigError` naming the file, the line and the key, never a traceback
later. Nothing here builds a Checker (see :mod:`namecheck.engines`).
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from namecheck.errors import ConfigError
from namecheck.model import Rule

CONFIG_NAMES = ("namecheck.toml", ".namecheck.toml", "pyproject.toml")
KEYS = (
    "gazetteers", "default-gazetteer", "include", "exclude", "respect-gitignore", "threshold",
    "select", "ignore", "prefer", "allow",
)  # fmt: skip
ALL_RULES = frozenset(Rule)


@dataclass(frozen=True)
class Config:
    """Everything that decides how one file is checked; the defaults need no file.

    ``root`` is the folder that relative ``gazetteers`` paths and ``include`` /
    ``exclude`` globs start from: the config file's folder.
    """

    path: Path | None = None
    root: Path = field(default_factory=Path.cwd)
    gazetteers: tuple[Path, ...] = ()
    default_gazetteer: bool = True
    include: tuple[str, ...] | None = None  # None: the default file extensions
    exclude: tuple[str, ...] = ()
    respect_gitignore: bool = True
    threshold: float | None = None  # None: the matcher's default
    rules: frozenset[Rule] = ALL_RULES  # what select/ignore leave enabled
    prefer: tuple[tuple[str, str], ...] = ()  # (entity id, house-style form)
    allow: tuple[str, ...] = ()

    def line_of(self, key: str) -> int:
        """The line of ``key`` in the config file (0 if unknown): tomllib gives none."""
        return _line_of(self.path, key) if self.path else 0


@dataclass(frozen=True)
class Overrides:
    """What the command line says; it wins over every config file.

    ``gazetteers`` are added to the config's (both are extra gazetteers);
    ``select``/``ignore`` apply after the config's, as one more layer, so
    ``--select NC003`` turns on a rule the config ignores.
    """

    config: Path | None = None  # --config: this file for every checked file
    isolated: bool = False  # --isolated: no config file at all
    gazetteers: tuple[Path, ...] = ()
    no_default: bool = False
    threshold: float | None = None
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    respect_gitignore: bool | None = None

    def __post_init__(self) -> None:
        if self.config is not None and self.isolated:
            raise ConfigError("--config and --isolated cannot be used together")
        for option, codes in (("--select", self.select or ()), ("--ignore", self.ignore)):
            for code in codes:
                if not _valid_code(code):
                    raise ConfigError(f"{option}: {_bad_code(code)}")

    def apply(self, config: Config) -> Config:
        rules = config.rules
        if self.select is not None or self.ignore:
            rules = select_rules(rules, self.select, self.ignore)
        return replace(
            config,
            gazetteers=(*config.gazetteers, *(p.absolute() for p in self.gazetteers)),
            default_gazetteer=config.default_gazetteer and not self.no_default,
            threshold=config.threshold if self.threshold is None else self.threshold,
            rules=rules,
            respect_gitignore=config.respect_gitignore
            if self.respect_gitignore is None
            else self.respect_gitignore,
        )


def select_rules(
    base: frozenset[Rule], select: tuple[str, ...] | None, ignore: tuple[str, ...]
) -> frozenset[Rule]:
    """ruff's rule selection for one layer: codes are prefixes (``NC0`` is NC001 to NC004).

    With ``select``, a rule is on when its most specific selecting prefix is longer
    than its most specific ignoring one (a tie: ignored); without, ``ignore``
    removes from ``base``.
    """

    def best(codes: tuple[str, ...], rule: Rule) -> int:
        return max((len(c) for c in codes if rule.value.startswith(c)), default=0)

    if select is None:
        return frozenset(r for r in base if not best(ignore, r))
    return frozenset(r for r in Rule if best(select, r) > best(ignore, r))


def split_codes(values: list[str] | None) -> tuple[str, ...] | None:
    """Rule codes given as ``--select NC001,NC002`` (repeatable); None if not given."""
    if values is None:
        return None
    return tuple(code.strip() for value in values for code in value.split(",") if code.strip())


def _valid_code(code: str) -> bool:
    return len(code) >= 2 and any(rule.value.startswith(code) for rule in Rule)


def _bad_code(code: str) -> str:
    return f"unknown rule code '{code}' (a code or prefix of: {', '.join(r.value for r in Rule)})"


def find_config(folder: Path) -> Path | None:
    """The nearest config file at or above ``folder``."""
    folder = Path(os.path.abspath(folder))
    return next(filter(None, map(config_in, (folder, *folder.parents))), None)


def config_in(folder: Path) -> Path | None:
    """The config file of ``folder`` itself, if any; a pyproject.toml counts only if
    it has a ``[tool.namecheck]`` table."""
    for name in CONFIG_NAMES:
        path = folder / name
        if path.is_file() and (name != "pyproject.toml" or _has_tool_table(path)):
            return path
    return None


def _has_tool_table(path: Path) -> bool:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    # A cheap textual test first: most pyproject.toml files never mention us.
    return "namecheck" in text and "namecheck" in _parse(path, text).get("tool", {})


def shown(path: Path | None) -> str:
    """How messages name a config file: relative to the working folder when inside it."""
    if path is None:
        return ""
    relative = os.path.relpath(path)
    return path.as_posix() if relative.startswith("..") else relative


def load_config(path: Path) -> Config:
    """Read and validate one config file; raises ConfigError naming file, line and key."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError("config file not found", shown(path)) from None
    except UnicodeDecodeError:
        raise ConfigError("config file is not valid UTF-8", shown(path)) from None
    except OSError as exc:
        raise ConfigError(f"cannot read config file: {exc.strerror}", shown(path)) from None
    data = _parse(path, text)
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("namecheck", {})
        if not isinstance(data, dict):
            raise ConfigError("[tool.namecheck] must be a table", shown(path))
    return _validate(data, Path(os.path.abspath(path)))


def _parse(path: Path, text: str) -> dict[str, Any]:
    import tomllib  # only when a config file is found: 5 ms of every other start

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        found = re.search(r"\(at line (\d+), column \d+\)", str(exc))
        message = re.sub(r"\s*\(at line \d+, column \d+\)|\s*\(at end of document\)", "", str(exc))
        raise ConfigError(
            f"invalid TOML: {message}", shown(path), int(found[1]) if found else 0
        ) from None


class _Problem(Exception):
    """A bad value of the key being validated; becomes a ConfigError with its line."""


def _validate(data: dict[str, Any], path: Path) -> Config:
    config = Config(path=path, root=path.parent)
    values: dict[str, object] = {}
    for key, value in data.items():
        if key not in KEYS:
            import difflib

            close = difflib.get_close_matches(key, KEYS, n=1)
            hint = f"; did you mean '{close[0]}'?" if close else f" (known: {', '.join(KEYS)})"
            raise ConfigError(f"unknown key '{key}'{hint}", shown(path), config.line_of(key))
        try:
            values[key.replace("-", "_")] = _VALIDATORS[key](value, config.root)
        except _Problem as exc:
            raise ConfigError(f"'{key}': {exc}", shown(path), config.line_of(key)) from None
    select = values.pop("select", None)
    ignore = values.pop("ignore", ())
    rules = select_rules(ALL_RULES, select, ignore)  # type: ignore[arg-type]
    return replace(config, rules=rules, **values)  # type: ignore[arg-type]


def _strings(value: object) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise _Problem(f"must be a list of non-empty strings, not {_show(value)}")
    return tuple(value)


def _patterns(value: object, root: Path) -> tuple[str, ...]:
    return _strings(value)


def _gazetteers(value: object, root: Path) -> tuple[Path, ...]:
    given = _strings(value)
    for name in given:
        if not (root / name).exists():
            raise _Problem(f"gazetteer file not found: {name}")
    return tuple(root / name for name in given)


def _bool(value: object, root: Path) -> bool:
    if not isinstance(value, bool):
        raise _Problem(f"must be true or false, not {_show(value)}")
    return value


def _threshold(value: object, root: Path) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
        raise _Problem(f"must be a number from 0 to 1, not {_show(value)}")
    return float(value)


def _codes(value: object, root: Path) -> tuple[str, ...]:
    codes = _strings(value)
    for code in codes:
        if not _valid_code(code):
            raise _Problem(_bad_code(code))
    return codes


def _prefer(value: object, root: Path) -> tuple[tuple[str, str], ...]:
    if not isinstance(value, dict):
        raise _Problem(f'must be a table of entity id = "form", not {_show(value)}')
    for entity, form in value.items():
        if not isinstance(form, str) or not form.strip():
            raise _Problem(f"the form for '{entity}' must be a non-empty string, not {_show(form)}")
    return tuple((entity, " ".join(form.split())) for entity, form in value.items())


# Each key's validator: (TOML value, the config's folder) → the Config field's value.
_VALIDATORS: dict[str, Callable[[object, Path], object]] = {
    "gazetteers": _gazetteers,
    "default-gazetteer": _bool,
    "include": _patterns,
    "exclude": _patterns,
    "respect-gitignore": _bool,
    "threshold": _threshold,
    "select": _codes,
    "ignore": _codes,
    "prefer": _prefer,
    "allow": _patterns,
}


def _show(value: object) -> str:
    """A TOML-ish rendering of a bad value for the message."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "a list" if all(isinstance(v, str) for v in value) else "a list with non-strings"
    return str(value)


def _line_of(path: Path, key: str) -> int:
    """The first line that assigns ``key``, after a ``[tool.namecheck]`` header in a
    pyproject.toml; keys of inline tables (``prefer = { a = "b" }``) are found too."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return 0
    start = 0
    if path.name == "pyproject.toml":
        header = re.compile(r"\s*\[\s*tool\s*\.\s*namecheck\b")
        start = next((i for i, line in enumerate(lines) if header.match(line)), 0)
    name = re.escape(key)
    assign = re.compile(rf"""(?:^|[{{,\s])(["']?){name}\1\s*=|^\s*\[[^\]]*\b{name}\s*\]""")
    for number in range(start, len(lines)):
        if assign.search(lines[number]):
            return number + 1
    return 0
