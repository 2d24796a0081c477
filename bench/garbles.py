"""Garble types: the ways machine translation really mangles a name, one function each.

Every function takes one word (a name token such as ``Lukashenko``) and returns
the candidate garbled forms it can produce, possibly none; the synthetic
garbler picks among them with a seeded RNG, so these functions stay pure and
can be tested table by table. Transliteration types list the form with every
rule applied first, then the forms where a single site leaked (MT often
re-romanises only one letter group: "Tichanovskaya").
"""

from __future__ import annotations

import re
from collections.abc import Callable

from namecheck.normalize import fold

Garble = Callable[[str], list[str]]

VOWELS = "aeiou"


def _case_like(original: str, lowered: str) -> str:
    """Re-apply the capitals of ``original`` to each hyphen-separated part (Frank-Walter)."""
    parts, models = lowered.split("-"), original.split("-")
    if len(parts) != len(models):
        return lowered[:1].upper() + lowered[1:]
    return "-".join(p[:1].upper() + p[1:] if m[:1].isupper() else p
                    for p, m in zip(parts, models, strict=True))  # fmt: skip


def _rewrites(word: str, table: dict[str, str]) -> list[str]:
    """All-sites rewrite first, then each single-site rewrite; ``$`` keys match at the end."""
    keys = sorted(table, key=len, reverse=True)  # longest first: "shch" before "sh"
    pattern = re.compile("|".join(re.escape(k[:-1]) + "$" if k.endswith("$") else re.escape(k)
                                  for k in keys))  # fmt: skip
    lower = word.lower()

    def repl(m: re.Match[str]) -> str:
        at_end = m.end() == len(lower) and m.group() + "$" in table
        return table[m.group() + "$"] if at_end else table.get(m.group(), m.group())

    sites = [m for m in pattern.finditer(lower) if repl(m) != m.group()]
    if not sites:
        return []
    out = [pattern.sub(repl, lower)]
    if len(sites) > 1:
        out += [lower[: m.start()] + repl(m) + lower[m.end() :] for m in sites]
    return _distinct(word, [_case_like(word, w) for w in out])


def _distinct(word: str, forms: list[str]) -> list[str]:
    """Forms in order, without duplicates and without the word itself."""
    seen: dict[str, None] = {}
    for form in forms:
        if form != word and form:
            seen.setdefault(form, None)
    return list(seen)


# Transliteration of an English romanisation through another language's system.
GERMAN = {"shch": "schtsch", "ch": "tsch", "kh": "ch", "sh": "sch", "zh": "sch", "v": "w",
          "ya": "ja", "yu": "ju", "ye": "je", "yo": "jo", "z": "s", "ts": "z",
          "ey$": "ej", "iy$": "ij", "y$": "yj"}  # fmt: skip
POLISH = {"shch": "szcz", "ch": "cz", "kh": "ch", "sh": "sz", "zh": "ż", "v": "w", "ts": "c",
          "ya": "ja", "yu": "ju", "la": "ła", "lo": "ło", "lu": "łu", "sky$": "ski"}  # fmt: skip
FRENCH = {"ou": "ou", "u": "ou", "sh": "ch", "ch": "tch", "zh": "j", "aya$": "aïa",
          "ye": "ie", "ya": "ia"}  # fmt: skip
CZECH = {"shch": "šč", "sh": "š", "ch": "č", "zh": "ž", "kh": "ch", "ts": "c", "ya": "ja",
         "yu": "ju", "sky$": "ský", "ey$": "ej", "y$": "yj"}  # fmt: skip
_STRIP = str.maketrans("šžčýŠŽČ", "szcySZC")


def german(word: str) -> list[str]:
    return _rewrites(word, GERMAN)


def polish(word: str) -> list[str]:
    return _rewrites(word, POLISH)


def french(word: str) -> list[str]:
    return _rewrites(word, FRENCH)


def czech(word: str) -> list[str]:
    """Czech/Latvian spelling with its diacritics (Lukašenko)."""
    return _rewrites(word, CZECH)


def czech_plain(word: str) -> list[str]:
    """Czech/Latvian spelling with the diacritics lost (Lukasenko): a classic garble."""
    return _distinct(word, [form.translate(_STRIP) for form in czech(word)])


def aya(word: str) -> list[str]:
    """Feminine -aya cut to -a (Tikhanovska) or spelled -aja."""
    lower = word.lower()
    for ending in ("aya", "aia", "aja"):
        if lower.endswith(ending):
            stem = word[: -len(ending)]
            return _distinct(word, [stem + "a", stem + "aja"])
    return []


PHONETIC = {"ch": "c", "sh": "s", "kh": "h", "ph": "f", "ck": "k", "ae": "e", "ie": "ei",
            "ei": "ie", "ou": "u", "c": "k", "k": "c", "oe": "o", "ll": "l", "ss": "s",
            "nn": "n", "th": "t", "gh": "g"}  # fmt: skip


def phonetic(word: str) -> list[str]:
    """Respellings by sound (Bachelet → Bacelet, Baerbock → Berbok)."""
    return _rewrites(word, PHONETIC)


def double(word: str) -> list[str]:
    """One letter doubled (not the first)."""
    return _distinct(word, [word[: i + 1] + word[i].lower() + word[i + 1 :]
                            for i in range(1, len(word)) if word[i].isalpha()])  # fmt: skip


def drop(word: str) -> list[str]:
    """One letter dropped (not the first, so the word keeps its capital): Annalena → Annalen."""
    if len(word) <= 3:
        return []
    return _distinct(word, [word[:i] + word[i + 1 :] for i in range(1, len(word))
                            if word[i - 1 : i + 1].isalpha()])  # fmt: skip


def y_i(word: str) -> list[str]:
    """One y written i, or one i written y."""
    swap = {"y": "i", "i": "y"}
    return _distinct(word, [word[:i] + swap[ch] + word[i + 1 :]
                            for i, ch in enumerate(word) if ch in swap])  # fmt: skip


_VOWEL_SWAPS = {"a": "eo", "e": "ai", "i": "ey", "o": "au", "u": "oa"}


def vowel(word: str) -> list[str]:
    """One vowel replaced by a near one (Annalena → Annalene)."""
    return _distinct(word, [word[:i] + other + word[i + 1 :]
                            for i, ch in enumerate(word) if i > 0
                            for other in _VOWEL_SWAPS.get(ch, "")])  # fmt: skip


def transpose(word: str) -> list[str]:
    """Two adjacent letters after the first swapped."""
    return _distinct(word, [word[:i] + word[i + 1] + word[i] + word[i + 2 :]
                            for i in range(1, len(word) - 1)
                            if word[i] != word[i + 1]
                            and word[i - 1 : i + 2].isalpha()])  # fmt: skip


# Given names that MT or a hurried editor replaces with a familiar English one.
SIMILAR_GIVEN = {
    "michelle": ["Mitchell", "Michel"], "annalena": ["Annalene", "Analena"],
    "sviatlana": ["Svetlane", "Sviatlane"], "emmanuel": ["Emanuel", "Immanuel"],
    "alexander": ["Alexandra", "Alexandre"], "olaf": ["Olav", "Olof"],
    "boris": ["Morris", "Doris"], "sarah": ["Sara", "Sandra"], "martin": ["Martina", "Marvin"],
    "olivier": ["Oliver", "Olivia"], "sergey": ["Sergio", "Serge"], "yury": ["Jury", "Yoray"],
    "volodymyr": ["Volodimir", "Wolodymyr"], "dmytro": ["Dimitro", "Demetrio"],
    "siarhei": ["Sirhei", "Sergio"], "svetlana": ["Svetlane", "Swetlana"],
    "vladimir": ["Vladimer", "Wladimir"], "michael": ["Michel", "Mikhail"],
    "vitaly": ["Vital", "Vitale"], "jorg": ["George", "Jorge"],
    "frank-walter": ["Frank-Walther", "Franz-Walter"],
}  # fmt: skip


def given_swap(word: str) -> list[str]:
    """A given name replaced by a similar familiar one (Michelle → Mitchell), else a vowel edit."""
    table = SIMILAR_GIVEN.get(fold(word).replace(" ", "-"))
    return _distinct(word, table) if table else vowel(word)


# Types that re-romanise every word of a name at once, and types that hit one word.
WHOLE_NAME: dict[str, Garble] = {
    "german": german, "polish": polish, "french": french, "czech": czech,
    "czech_plain": czech_plain,
}  # fmt: skip
ONE_WORD: dict[str, Garble] = {
    "aya": aya, "phonetic": phonetic, "double": double, "drop": drop, "y_i": y_i,
    "vowel": vowel, "transpose": transpose,
}  # fmt: skip
GARBLES: dict[str, Garble] = {**WHOLE_NAME, **ONE_WORD, "given_swap": given_swap}
