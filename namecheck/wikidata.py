"""Wikidata query results → gazetteer entities, for ``namecheck gazetteer import``.

Two shapes are read, both as the Wikidata Query Service exports them:

* SPARQL JSON results (``{"head": {"vars": ...}, "results": {"bindings": [...]}}``);
* CSV with a header row.

Columns are recognised by name, so a query only has to use the usual ones:
``item`` (the entity URI), ``itemLabel``/``label``, ``itemAltLabel``/``aliases``
(comma-separated, as the label service gives them), ``nativeLabel``/``native``
(its JSON ``xml:lang`` or a ``nativeLang`` column tags it ``ru``/``uk``/``be``),
``instanceOfLabel``/``instanceOf`` (what the item is, which gives ``kind``) and
``itemDescription``/``description`` (kept as ``note``). A query returns one row
per combination of values, so rows of one item are merged.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Mapping

from namecheck.errors import NamecheckError
from namecheck.gazetteer import slug
from namecheck.gazwrite import Record
from namecheck.romanize import LANGUAGES

COLUMNS = {
    "item": ("item", "id", "qid"),
    "label": ("itemLabel", "label", "name"),
    "aliases": ("itemAltLabel", "altLabel", "aliases"),
    "native": ("nativeLabel", "native", "nativeName"),
    "lang": ("nativeLang", "nativeLabelLang", "lang"),
    "instance": ("instanceOfLabel", "instanceOf", "instance_of", "type"),
    "description": ("itemDescription", "description"),
}
# Words of an instance-of label that decide the kind; the first that matches wins.
KIND_WORDS = (
    ("person", ("human", "person")),
    ("place", ("city", "country", "capital", "town", "village", "state", "province",
               "region", "municipality", "oblast", "settlement", "island", "territory")),
    ("org", ("organization", "organisation", "agency", "company", "business", "party",
             "ministry", "parliament", "union", "institution", "news", "committee", "court",
             "council", "bank", "alliance", "legislature")),
)  # fmt: skip
Row = dict[str, tuple[str, str]]  # column → (value, language tag)


def kind_of(instances: Iterable[str]) -> str:
    """``person``, ``place``, ``org`` or ``other`` from instance-of labels."""
    words = " ".join(instances).lower()
    for kind, keys in KIND_WORDS:
        if any(key in words for key in keys):
            return kind
    return "other"


def _pick(row: Mapping[str, tuple[str, str]], role: str) -> tuple[str, str]:
    for column in COLUMNS[role]:
        if column in row and row[column][0].strip():
            return row[column][0].strip(), row[column][1]
    return "", ""


def _json_rows(text: str, path: str) -> list[Row]:
    try:
        data = json.loads(text)
        bindings = data["results"]["bindings"]
        return [
            {k: (str(v.get("value", "")), str(v.get("xml:lang", ""))) for k, v in b.items()}
            for b in bindings
        ]
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise NamecheckError(
            f"not Wikidata SPARQL JSON results ({type(exc).__name__}: {exc})", path
        ) from None


def _csv_rows(text: str) -> list[Row]:
    reader = csv.DictReader(io.StringIO(text))
    return [{k: (v or "", "") for k, v in row.items() if k} for row in reader]


def rows(text: str, path: str) -> list[Row]:
    """The rows of a JSON or CSV export, told apart by the first character."""
    rows = _json_rows(text, path) if text.lstrip()[:1] in "{[" else _csv_rows(text)
    if rows and not any(_pick(row, "label")[0] for row in rows):
        wanted = " or ".join(COLUMNS["label"])
        raise NamecheckError(f"no label column: the results need {wanted}", path)
    return rows


def entities(rows: Iterable[Row]) -> list[Record]:
    """One gazetteer record per item, in first-seen order, with its rows merged."""
    merged: dict[str, dict[str, list[object]]] = {}
    for row in rows:
        label, _ = _pick(row, "label")
        if not label:
            continue
        item = _pick(row, "item")[0] or label
        slot = merged.setdefault(item, {k: [] for k in COLUMNS})
        slot["label"].append(label)
        aliases = _pick(row, "aliases")[0]
        slot["aliases"].extend(a.strip() for a in aliases.split(",") if a.strip())
        native, tag = _pick(row, "native")
        lang = _pick(row, "lang")[0] or tag
        if native:
            slot["native"].append({lang: native} if lang in LANGUAGES else native)
        for role in ("instance", "description"):
            value = _pick(row, role)[0]
            if value:
                slot[role].append(value)
    return [_record(item, slot) for item, slot in merged.items()]


def _unique(values: list[object], skip: str) -> list[object]:
    seen = {skip}
    out = []
    for value in values:
        key = json.dumps(value, ensure_ascii=False) if isinstance(value, dict) else str(value)
        if key not in seen:
            seen.add(key)
            out.append(value)
    return out


def _record(item: str, slot: dict[str, list[object]]) -> Record:
    name = str(slot["label"][0])
    qid = item.rsplit("/", 1)[-1]
    return {
        "id": slug(name),
        "name": name,
        "kind": kind_of(str(i) for i in slot["instance"]),
        "aliases": _unique(slot["aliases"], name),
        "native": _unique(slot["native"], name),
        "note": str(slot["description"][0]) if slot["description"] else "",
        "source": f"Wikidata {qid}" if qid.startswith("Q") else "Wikidata",
    }
