"""Accepted English romanisations derived from a name's native (Cyrillic) form.

A gazetteer entry then needs only its canonical name and native form: the
spellings that English-language media legitimately use are generated here.

Russian goes through the ``iuliia`` library (Wikipedia, BGN/PCGN, ICAO Doc 9303
and BS 2979 schemes). No maintained library implements the Belarusian and
Ukrainian *national* systems used on passports and by English-language media
(``cyrtranslit`` produces the scholarly Łacinka/ISO forms), so those two small
tables live here. Scholarly systems (ISO 9, "scientific") are deliberately not
accepted: once diacritics are folded they produce exactly the garbles editors
must catch (``Lukašenko`` → ``Lukasenko``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import lru_cache

_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
_RU_SCHEMES = ("wikipedia", "bgn_pcgn", "icao_doc_9303", "mosmetro")
_SOFT_SIGNS = str.maketrans("", "", "’ʹʼ'·")

_VOWELS = set("аеёиоуыэюяіїєАЕЁИОУЫЭЮЯІЇЄ")
_SOFTENERS = {"ь", "Ь", "ъ", "Ъ", "'", "’", "ʼ", "й", "Й", "ў", "Ў"}

# Base letters shared by the Belarusian and Ukrainian national systems.
_COMMON = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "ж": "zh", "з": "z",
    "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s",
    "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ь": "", "ъ": "", "'": "", "’": "", "ʼ": "", "і": "i", "ў": "u",
    "ы": "y", "э": "e",
}  # fmt: skip

# Iotated vowels: (word-initial or after a vowel, after a consonant).
_BE_PASSPORT = {"е": ("ye", "e"), "ё": ("yo", "io"), "ю": ("yu", "iu"), "я": ("ya", "ia")}
_BE_BGN = {"е": ("ye", "e"), "ё": ("yo", "yo"), "ю": ("yu", "yu"), "я": ("ya", "ya")}
_UK_KMU = {
    "е": ("e", "e"), "є": ("ye", "ie"), "ю": ("yu", "iu"), "я": ("ya", "ia"),
    "ї": ("yi", "i"), "и": ("y", "y"),
}  # fmt: skip


def _table_romanizer(
    iotated: dict[str, tuple[str, str]], short_i: tuple[str, str], after_vowel: bool
) -> Callable[[str], str]:
    """Build a romaniser for a national system whose iotated letters depend on position.

    ``after_vowel`` says whether a letter after a vowel takes the word-initial
    spelling (Belarusian: yes; Ukrainian KMU 2010: only at the start of a word).
    """

    def romanize(text: str) -> str:
        out: list[str] = []
        prev = ""
        for ch in text:
            low = ch.lower()
            initial = not prev or not prev.isalpha()
            if after_vowel and (prev in _VOWELS or prev in _SOFTENERS):
                initial = True
            if low in iotated:
                rom = iotated[low][0 if initial else 1]
            elif low == "й":
                rom = short_i[0 if initial else 1]
            elif low in _COMMON:
                rom = _COMMON[low]
            else:
                rom = ch
            if ch.isupper() and rom:
                rom = rom[0].upper() + rom[1:]
            out.append(rom)
            prev = ch
        return "".join(out)

    return romanize


_belarusian_passport = _table_romanizer(_BE_PASSPORT, ("i", "i"), after_vowel=True)
_belarusian_bgn = _table_romanizer(_BE_BGN, ("y", "y"), after_vowel=True)
_ukrainian_kmu = _table_romanizer(_UK_KMU, ("y", "i"), after_vowel=False)


LANGUAGES = ("ru", "be", "uk")


def languages(native: str) -> tuple[str, ...]:
    """Which Cyrillic languages a native form may be written in, from its letters.

    Without a distinctive letter the form is taken as Russian; a gazetteer
    marks a Ukrainian form such as ``Володимир Зеленський`` explicitly.
    """
    letters = set(native.lower())
    if letters & set("ўэ") or ("і" in letters and "ы" in letters):
        return ("be",)
    if letters & set("їєґ"):
        return ("uk",)
    if "і" in letters:
        return ("be", "uk")
    return ("ru",)


def _russian(text: str) -> list[str]:
    import iuliia

    forms = []
    for name in _RU_SCHEMES:
        schema = iuliia.schemas.get(name)
        forms.append(schema.translate(text))
    return forms


@lru_cache(maxsize=20_000)
def romanizations(native: str, lang: str = "") -> tuple[str, ...]:
    """All accepted romanisations of one native-script form, in a stable order.

    Forms still holding diacritics after the soft signs are dropped are left
    out: folded, they would accept a garble.
    """
    if not _CYRILLIC.search(native):
        return ()
    forms: list[str] = []
    for system in (lang,) if lang else languages(native):
        if system == "ru":
            forms.extend(_russian(native))
        elif system == "be":
            forms.extend((_belarusian_passport(native), _belarusian_bgn(native)))
        else:
            forms.append(_ukrainian_kmu(native))
    cleaned = (f.translate(_SOFT_SIGNS) for f in forms)
    return tuple(dict.fromkeys(f for f in cleaned if f and f.isascii()))


def derive(natives: Iterable[tuple[str, str]]) -> tuple[str, ...]:
    """Romanisations of every ``(form, lang)`` native form, duplicates removed."""
    seen: dict[str, None] = {}
    for native, lang in natives:
        for form in romanizations(native, lang):
            seen.setdefault(form, None)
    return tuple(seen)
