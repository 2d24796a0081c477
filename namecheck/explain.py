"""Why a string is or is not flagged: the tool for tuning a gazetteer.

Runs the real matcher with a :class:`~namecheck.matcher.Trace` and renders every
alignment it considered, so what ``explain`` says is what ``check`` does.
"""

from __future__ import annotations

from namecheck.checker import Checker
from namecheck.matcher import Trace, match
from namecheck.normalize import fold
from namecheck.scoring import WindowScore


def explain(checker: Checker, text: str) -> str:
    """A readable account of the matcher's candidates and decisions for ``text``."""
    gaz = checker.gazetteer
    trace = Trace()
    matches = match(text, gaz, checker.settings, trace)
    lines: list[str] = []
    known = gaz.known(fold(text))
    if known:
        names = ", ".join(gaz.entities[e].id for e in sorted(known))
        lines.append(f"'{text}' is an accepted form of: {names}")
    for m in matches:
        entity = gaz.entities[m.entity]
        lines.append(
            f"'{text[m.start:m.end]}' → '{m.suggestion}'  {m.rule.value} "
            f"score {m.score:.2f}  [{entity.id}, {entity.kind}]"
        )
    if not matches and not known:
        lines.append(f"'{text}': nothing flagged")
    considered = sorted(trace.outcomes, key=lambda item: (-item[0].score, item[0].span))
    if considered:
        lines.append("")
        lines.append("candidates:")
        lines.extend(_candidate(text, cand, outcome, checker) for cand, outcome in considered)
    if trace.rejected:
        lines.append("")
        lines.append("ruled out:")
        for rejection in trace.rejected[:20]:
            start, end = rejection.span
            entity = gaz.entities[rejection.entity]
            lines.append(
                f"  '{text[start:end]}' vs '{rejection.form}' [{entity.id}]: {rejection.reason}"
            )
        if len(trace.rejected) > 20:
            lines.append(f"  … and {len(trace.rejected) - 20} more")
    return "\n".join(lines) + "\n"


def _candidate(text: str, cand: WindowScore, outcome: str, checker: Checker) -> str:
    entity = checker.gazetteer.entities[cand.entity]
    start, end = cand.span
    signals = "; ".join(cand.reasons) or "no fuzzy signal"
    return (
        f"  '{text[start:end]}' ~ '{cand.form}' [{entity.id}] {cand.score:.2f}: {outcome}\n"
        f"      {signals}"
    )
