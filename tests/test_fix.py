"""Fixes spliced by offset: case shape, markup safety, policy, and two properties."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from namecheck.checker import Checker
from namecheck.fix import MAX_PASSES, FixPolicy, apply_fixes, fix_text, replacement, unified_diff
from namecheck.model import Finding, Rule


def finding(text: str, found: str, suggestion: str, score: float = 0.95,
            fixable: bool = True, rule: Rule = Rule.FUZZY) -> Finding:  # fmt: skip
    start = text.index(found)
    return Finding(start, start + len(found), rule, found, "e", suggestion, "person", score,
                   fixable=fixable)  # fmt: skip


@pytest.mark.parametrize(
    ("found", "suggestion", "expected"),
    [
        ("Mitchell Bacelet", "Michelle Bachelet", "Michelle Bachelet"),
        ("MITCHELL BACELET", "Michelle Bachelet", "MICHELLE BACHELET"),  # headline caps
        ("BACELET", "BACHELET", "BACHELET"),
        ("mitchell bacelet", "Michelle Bachelet", "michelle bachelet"),  # all lower stays lower
        ("Mitchell\nBacelet", "Michelle Bachelet", "Michelle\nBachelet"),  # wrap kept
        ("Mitchell\r\n  Bacelet", "Michelle Bachelet", "Michelle\r\n  Bachelet"),
        ("Charles De Gaulle", "Charles de Gaulle", "Charles de Gaulle"),  # gazetteer's shape
        ("Tikhanovska", "Sviatlana Tsikhanouskaya", "Sviatlana Tsikhanouskaya"),
        ("O\u2019Brian", "O'Brien", "O'Brien"),
        ("Bacelet\nMichelle", "Michelle Bachelet Jeria", None),  # where would the break go?
        ("Mitchell **Bacelet", "Michelle Bachelet", None),  # span straddles markup
        ("Bache&eacute;let", "Bachelet", None),  # an HTML entity in the span
        ("<b>Bacelet", "Bachelet", None),
        (" Bacelet", "Bachelet", None),  # never eat the space around a name
    ],
)
def test_replacement_keeps_shape_and_refuses_markup(found: str, suggestion: str,
                                                    expected: str | None) -> None:  # fmt: skip
    assert replacement(finding(found, found, suggestion)) == expected


def test_possessive_stays_outside_the_span(checker: Checker) -> None:
    text = "BACELET'S visit and Mitchell Bacelet\u2019s speech."
    result = fix_text(lambda t: checker.check_text(t, "x.txt"), text, FixPolicy())
    assert result.text == "BACHELET'S visit and Michelle Bachelet\u2019s speech."


@pytest.mark.parametrize(
    ("policy", "score", "fixable", "applied"),
    [
        (FixPolicy(), 0.95, True, True),
        (FixPolicy(), 0.85, True, True),  # the threshold itself is safe
        (FixPolicy(), 0.84, True, False),
        (FixPolicy(), 1.0, False, False),  # ambiguous or advice: never safe
        (FixPolicy(threshold=0.7), 0.75, True, True),
        (FixPolicy(unsafe=True), 0.5, True, True),
        (FixPolicy(unsafe=True), 1.0, False, True),
    ],
)
def test_policy(policy: FixPolicy, score: float, fixable: bool, applied: bool) -> None:
    text = "Mr Bacelet said."
    result = apply_fixes(text, [finding(text, "Bacelet", "Bachelet", score, fixable)], policy)
    assert (result.text == "Mr Bachelet said.") is applied
    assert len(result.applied) == int(applied)
    assert len(result.skipped) == int(not applied)


def test_stale_and_overlapping_findings_are_skipped() -> None:
    text = "Mitchell Bacelet met Bacelet."
    whole = finding(text, "Mitchell Bacelet", "Michelle Bachelet")
    inner = finding(text, "Bacelet", "Bachelet")  # overlaps ``whole``
    stale = Finding(21, 28, Rule.FUZZY, "Bacelex", "e", "Bachelet", "person", 0.95)
    result = apply_fixes(text, [inner, whole, stale], FixPolicy())
    assert result.text == "Michelle Bachelet met Bacelet."
    assert result.applied == (whole,)
    assert set(result.skipped) == {inner, stale}


@pytest.mark.parametrize(("found", "suggestion"), [("Bachelet", "Bachelet"),
                                                  ("BACHELET", "Bachelet")])  # fmt: skip
def test_a_fix_that_changes_nothing_is_not_applied(found: str, suggestion: str) -> None:
    result = apply_fixes(found, [finding(found, found, suggestion)], FixPolicy(unsafe=True))
    assert not result.applied and result.text == found


def test_unified_diff_marks_a_missing_final_newline() -> None:
    diff = unified_diff("a.txt", "one\r\nMr Bacelet", "one\r\nMr Bachelet")
    assert diff.splitlines(keepends=True)[:2] == ["--- a.txt\n", "+++ a.txt\n"]
    assert "-Mr Bacelet\n\\ No newline at end of file\n+Mr Bachelet\n" in diff
    assert " one\r\n" in diff  # CRLF lines diffed as they are
    assert unified_diff("a.txt", "same", "same") == ""


# --- properties -------------------------------------------------------------

PIECES = [
    "Mitchell Bacelet", "MITCHELL BACELET'S", "Svetlana Tikhanovska", "Bachlet",
    "Michelle Bachelet", "Sviatlana Tsikhanouskaya", "Lukashenka", "Lukashenko", "Kiev",
    "UN Human Rights Commissioner", "said", "on Monday", "the", "protests in Minsk",
    "🎉", "😀😀", "ä", "“", "”", "\u2019s", "**", "<b>", "</b>", "&amp;", ",", ".", " ", " ",
    "\n", "\r\n", "\n\n", "\t", "Mitchell\nBacelet",
]  # fmt: skip
documents = st.lists(st.sampled_from(PIECES), max_size=30).map("".join)
relaxed = settings(max_examples=150, deadline=None,
                   suppress_health_check=[HealthCheck.function_scoped_fixture])  # fmt: skip


@relaxed
@given(text=documents, unsafe=st.booleans())
def test_fixing_again_finds_nothing_to_fix(checker: Checker, text: str, unsafe: bool) -> None:
    policy = FixPolicy(unsafe=unsafe)

    def check(t: str) -> list[Finding]:
        return checker.check_text(t, "doc.txt")

    fixed = fix_text(check, text, policy).text
    again = apply_fixes(fixed, check(fixed), policy)
    assert again.applied == ()
    assert fix_text(check, fixed, policy).text == fixed


@relaxed
@given(text=documents, unsafe=st.booleans())
def test_only_the_fixed_spans_change(checker: Checker, text: str, unsafe: bool) -> None:
    findings = checker.check_text(text, "doc.txt")
    result = apply_fixes(text, findings, FixPolicy(unsafe=unsafe))
    old = new = 0  # cursors in the text before and after
    for f in result.applied:
        gap = f.start - old
        assert result.text[new : new + gap] == text[old : f.start]
        new += gap
        written = result.text[new : new + len(replacement(f) or "")]
        assert written.split() and " ".join(written.split()).casefold() == " ".join(
            f.suggestion.split()
        ).casefold()  # the span holds the suggestion, in some case shape
        new += len(written)
        old = f.end
    assert result.text[new:] == text[old:]
    for ending in ("\n", "\r"):  # no line is joined or split by a fix
        assert result.text.count(ending) == text.count(ending)


def test_fixes_repeat_until_nothing_more_applies() -> None:
    """A fix may make another garble recognisable (context); it is fixed in the same run."""
    def check(text: str) -> list[Finding]:
        if "Mitchell" in text:
            return [finding(text, "Mitchell Bacelet", "Michelle Bachelet")]
        return [finding(text, "Bacelet", "Bachelet")] if "Bacelet" in text else []

    result = fix_text(check, "Mitchell Bacelet. Later Bacelet said.", FixPolicy())
    assert result.text == "Michelle Bachelet. Later Bachelet said."
    assert [f.found for f in result.applied] == ["Mitchell Bacelet", "Bacelet"]
    assert result.remaining == ()


def test_fixes_that_never_settle_stop() -> None:
    def check(text: str) -> list[Finding]:  # a gazetteer that flips a name back and forth
        return [finding(text, "Kiev", "Kyiv")] if "Kiev" in text else [
            finding(text, "Kyiv", "Kiev")]  # fmt: skip

    result = fix_text(check, "in Kiev", FixPolicy())
    assert len(result.applied) == MAX_PASSES and len(result.remaining) == 1
