"""Any text at all: check_text never raises, spans are exact, work grows linearly.

Linearity is tested without clocks (no timed unit tests): the *work* is counted
as Python call events (``sys.setprofile``) or peak allocated memory
(``tracemalloc``), both deterministic, and must grow no faster than the input.
Wall-clock figures for the same inputs at 10k and 100k characters come from
``bench/adversarial.py``.
"""

from __future__ import annotations

import random
import sys
import tracemalloc
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench.adversarial import KINDS
from namecheck.checker import Checker
from namecheck.locate import LineIndex
from namecheck.model import Finding

EXTENSIONS = (".txt", ".md", ".html")
relaxed = settings(max_examples=200, deadline=None,
                   suppress_health_check=[HealthCheck.function_scoped_fixture])  # fmt: skip

# Any code point but surrogates (which no decoded file can hold).
anything = st.text(st.characters(exclude_categories=["Cs"]), max_size=200)
NAMES = ["Mitchell Bacelet", "MITCHELL BACELET", "Svetlana Tikhanovska", "Kiev", "Lukashenko",
         "Michelle Bachelet", "Mitchell\nBacelet", "Mitch-\nell Bacelet", "Mitchell\u00a0Bacelet",
         "Mitchell\u2009Bacelet", "Mitchell\u200dBacelet", "Mi\u0301tchell Bace\u0308let",
         "Лукашенко", "ميشيل باشليه", "מישל בצ'לט", "\u200fMitchell Bacelet\u200e", "🎉",
         "👩‍👩‍👧", "\u202eKiev\u202c", "\ufeff", "\r\n", "\r", "\n\n", " ", "\t", "<b>", "**",
         "&amp;", "[", "](x)", "> ", "- ", "# "]  # fmt: skip
prose = st.lists(st.one_of(st.sampled_from(NAMES), anything), max_size=12).map(" ".join)


def assert_exact(text: str, findings: list[Finding]) -> None:
    """Every span lies in the text, holds what was found, and its line/column agree."""
    lines = LineIndex(text)
    for f in findings:
        assert 0 <= f.start < f.end <= len(text)
        assert text[f.start : f.end] == f.found
        assert (f.line, f.column) == lines.position(f.start)
        assert (f.end_line, f.end_column) == lines.position(f.end)
        assert f.found.strip() == f.found  # never a space at either end


@relaxed
@given(text=anything, extension=st.sampled_from(EXTENSIONS))
def test_any_string_is_checked_without_error(checker: Checker, text: str, extension: str) -> None:
    assert_exact(text, checker.check_text(text, "doc" + extension))


@relaxed
@given(text=prose, extension=st.sampled_from(EXTENSIONS))
def test_spans_are_exact_in_any_script(checker: Checker, text: str, extension: str) -> None:
    assert_exact(text, checker.check_text(text, "doc" + extension))


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("MITCHELL BACELET SPEAKS", ["MITCHELL BACELET"]),  # an all-caps headline
        ("Mr Mitchell\nBacelet said", ["Mitchell\nBacelet"]),  # split across lines
        ("Mr Mitchell\r\nBacelet said", ["Mitchell\r\nBacelet"]),
        ("Mr Mitchell\u00a0Bacelet said", ["Mitchell\u00a0Bacelet"]),  # NBSP inside the name
        ("Mr Mitchell\u202fBacelet said", ["Mitchell\u202fBacelet"]),  # narrow NBSP
        ("🎉 Mitchell Bacelet 👩‍👩‍👧 said", ["Mitchell Bacelet"]),
        ("\u200fMitchell Bacelet\u200f said", ["Mitchell Bacelet"]),  # RTL marks around it
        ("ميشيل Mitchell Bacelet باشليه", ["Mitchell Bacelet"]),  # inside right-to-left text
        ("Mitchell Bacelet\u0301 said", ["Mitchell Bacelet\u0301"]),  # a combining mark
    ],
)
def test_names_in_awkward_surroundings(checker: Checker, text: str, found: list[str]) -> None:
    findings = checker.check_text(text, "a.txt")
    assert [f.found for f in findings] == found
    assert_exact(text, findings)


def test_a_name_hyphenated_at_a_line_end_is_not_mangled(checker: Checker) -> None:
    """"Bache-\\nlet" is not joined (that is a typesetting matter), but never mis-spanned."""
    text = "Mr Mitchell Bace-\nlet said, and Mitch-\nell Bacelet agreed."
    assert_exact(text, checker.check_text(text, "a.txt"))


# --- linear work ------------------------------------------------------------

# The input kinds of bench/adversarial.py (which times them at 10k and 100k
# characters): 100,000 characters of each kind run in the slow test; the work
# at 4k and 8k characters is compared in the fast one. (Long words are never
# looked up whole: index.MAX_WORD; exact spans and overlaps are checked in
# linear time per run.)
ADVERSARIAL = KINDS


def work(checker: Checker, text: str, path: str) -> int:
    """Python call events while checking ``text``: a clock-free measure of work."""
    events = 0

    def count(frame: object, event: str, arg: object) -> None:
        nonlocal events
        events += 1

    sys.setprofile(count)
    try:
        checker.check_text(text, path)
    finally:
        sys.setprofile(None)
    return events


def growth(checker: Checker, unit: str, extension: str, size: int = 4000) -> float:
    """Work for 2 x size characters over work for size characters (2.0: linear)."""
    small, large = unit * (size // len(unit)), unit * (2 * size // len(unit))
    checker.check_text(large, "x" + extension)  # warm the per-word caches
    return work(checker, large, "x" + extension) / max(work(checker, small, "x" + extension), 1)


@pytest.mark.parametrize(("name", "unit", "extension"), ADVERSARIAL,
                         ids=[a[0] for a in ADVERSARIAL])  # fmt: skip
def test_work_grows_linearly(checker: Checker, name: str, unit: str, extension: str) -> None:
    assert growth(checker, unit, extension) <= 2.2


def _peak_memory(check: Callable[[], object]) -> int:
    tracemalloc.start()
    try:
        check()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_memory_grows_linearly_with_a_long_word(checker: Checker) -> None:
    rng = random.Random(7)

    def word(length: int) -> str:
        return "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(length)).title()

    short, long = word(100), word(200)
    small = _peak_memory(lambda: checker.check_text(f"Mr {short} said.", "a.txt"))
    large = _peak_memory(lambda: checker.check_text(f"Mr {long} said.", "a.txt"))
    assert large <= 3 * small


@pytest.mark.slow
@pytest.mark.parametrize(("name", "unit", "extension"), ADVERSARIAL,
                         ids=[a[0] for a in ADVERSARIAL])  # fmt: skip
def test_100k_adversarial_characters_complete(checker: Checker, name: str, unit: str,
                                              extension: str) -> None:  # fmt: skip
    text = unit * (100_000 // len(unit))
    findings = checker.check_text(text, "x" + extension)
    assert_exact(text, findings)
    if "Bacelet" in unit:  # the kinds that repeat a garble: every copy is found
        assert len(findings) == text.count("Bacelet")
        assert all("Bacelet" in f.found for f in findings)
    else:
        assert findings == []  # the others hold no garbled name


@pytest.mark.slow
def test_100k_characters_of_text_with_garbles_are_all_found(checker: Checker) -> None:
    text = ("It rained. " * 200 + "Mitchell Bacelet spoke.\n") * 40  # ~100k characters
    findings = checker.check_text(text, "a.txt")
    assert [f.found for f in findings] == ["Mitchell Bacelet"] * 40
    assert_exact(text, findings)
