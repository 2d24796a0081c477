"""Writing gazetteer YAML: one entity per block, lists inline, no YAML aliases.

Shared by ``namecheck gazetteer import`` and ``tools/build_gazetteer.py`` so
every generated file has the same shape as the hand-edited ones.
"""

from __future__ import annotations

from collections.abc import Sequence

import yaml

Record = dict[str, object]
_ORDER = ("id", "name", "kind", "aliases", "native", "wrong", "deprecated", "match", "note",
          "since", "until", "source")  # fmt: skip


class _Dumper(yaml.SafeDumper):
    def ignore_aliases(self, data: object) -> bool:
        return True  # a gazetteer refuses aliases; never write one


def _leaf(data: object) -> bool:
    return isinstance(data, str) or (isinstance(data, dict) and len(data) == 1)


_Dumper.add_representer(list, lambda d, data: d.represent_sequence(
    "tag:yaml.org,2002:seq", data, flow_style=all(_leaf(x) for x in data)))
_Dumper.add_representer(dict, lambda d, data: d.represent_mapping(
    "tag:yaml.org,2002:map", data, flow_style=len(data) == 1))  # {uk: Київ} inline


def dump(entities: Sequence[Record], header: str = "") -> str:
    """A gazetteer document; empty values and the default ``match: fuzzy`` are left out."""
    clean = [
        {k: e[k] for k in _ORDER if k in e and e[k] not in ([], (), "", None, "fuzzy")}
        for e in entities
    ]
    body = yaml.dump({"version": 1, "entities": clean}, Dumper=_Dumper, allow_unicode=True,
                     sort_keys=False, width=100)  # fmt: skip
    lines = "".join(f"# {line}".rstrip() + "\n" for line in header.splitlines())
    return lines + str(body)
