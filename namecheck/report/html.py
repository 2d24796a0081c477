"""``--format html``: one self-contained page for editors reviewing a batch.

A summary (counts per rule and per entity), then per file every paragraph that
holds a finding, each garble marked with its fix beside it. Inline CSS only, no
scripts, no external assets, so the file can be mailed or archived as is;
print styles keep marks visible in black and white. Everything taken from the
checked files is HTML-escaped.
"""

from __future__ import annotations

from html import escape

from namecheck import __version__
from namecheck.locate import LineIndex
from namecheck.model import Finding
from namecheck.report import ReportOptions, RunResult
from namecheck.report.stats import tally
from namecheck.report.text import safe, summary

CSS = """
body { font: 16px/1.5 Georgia, serif; max-width: 52rem; margin: 2rem auto; padding: 0 1rem;
       color: #1a1a1a; }
h1, h2, table, .where, .fix, footer { font-family: system-ui, sans-serif; }
h2 { font-size: 1.1rem; border-bottom: 1px solid #ccc; margin-top: 2rem; word-break: break-all; }
table { border-collapse: collapse; margin: 0.5rem 0 1rem; }
th, td { text-align: left; padding: 0.15rem 0.8rem 0.15rem 0; vertical-align: top; }
td.n { text-align: right; }
.para { margin: 0.8rem 0; white-space: pre-wrap; overflow-wrap: anywhere; }
.where { color: #666; font-size: 0.8rem; margin-right: 0.5rem; }
mark { background: #ffe08a; padding: 0 0.1em; }
mark.error { background: #ffb3a7; }
mark.info { background: #cfe8ff; }
.fix { font-size: 0.85rem; color: #05631b; margin-left: 0.25rem; }
.rule { color: #666; }
.errors { color: #a00; }
footer { color: #666; font-size: 0.8rem; margin-top: 3rem; }
@media print {
  body { max-width: none; margin: 0; font-size: 11pt; }
  mark, mark.error, mark.info { background: none; border-bottom: 2px solid #000; }
  .fix { color: #000; }
  section { break-inside: avoid-page; }
  .para { break-inside: avoid; }
}
"""


def text(value: str) -> str:
    """Escaped for HTML; control characters other than line breaks and tabs made visible."""
    return escape("".join(ch if ch in "\n\t" else safe(ch) for ch in value.replace("\r\n", "\n")))


def render(result: RunResult, options: ReportOptions | None = None) -> str:
    quiet = options is not None and options.quiet
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width">',
        "<title>namecheck report</title>",
        f"<style>{CSS}</style></head>",
        "<body>",
        "<h1>namecheck report</h1>",
    ]
    if not quiet:
        parts.append(_summary(result))
    by_file: dict[str, list[Finding]] = {}
    for finding in result.findings:
        by_file.setdefault(finding.path, []).append(finding)
    for path, findings in by_file.items():
        parts.append(_file(path, findings, result.sources.get(path)))
    parts.append(f"<footer>namecheck {escape(__version__)}</footer>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def _summary(result: RunResult) -> str:
    counts = tally(result.findings)
    rows = [f"<p>{text(summary(result))}</p>"]
    if counts.rules:
        rows.append("<table><tr><th>rule</th><th></th><th>found</th></tr>")
        rows += [
            f'<tr><td>{rule.value}</td><td>{text(rule.title)}</td><td class="n">{n}</td></tr>'
            for rule, n in counts.rules
        ]
        rows.append("</table><table><tr><th>entity</th><th>found</th></tr>")
        rows += [
            f'<tr><td>{text(entity)}</td><td class="n">{n}</td></tr>'
            for entity, n in counts.entities
        ]
        rows.append("</table>")
    if result.errors:
        rows.append('<ul class="errors">')
        rows += [f"<li>{text(str(error))}</li>" for error in result.errors]
        rows.append("</ul>")
    return "\n".join(rows)


def _file(path: str, findings: list[Finding], source: str | None) -> str:
    noun = "name" if len(findings) == 1 else "names"
    parts = [f"<section><h2>{text(path)} <small>({len(findings)} {noun})</small></h2>"]
    if source is None:
        parts += [f'<p class="para">{_mark(f, f.found)}</p>' for f in findings]
    else:
        lines = LineIndex(source)
        for first, last, group in _paragraphs(findings):
            parts.append(_paragraph(source, lines, first, last, group))
    parts.append("</section>")
    return "\n".join(parts)


def _paragraphs(findings: list[Finding]) -> list[tuple[int, int, list[Finding]]]:
    """Findings grouped by the run of source lines they touch (sorted, merged)."""
    groups: list[tuple[int, int, list[Finding]]] = []
    for finding in findings:
        if groups and finding.line <= groups[-1][1]:
            first, last, group = groups[-1]
            groups[-1] = (first, max(last, finding.end_line), [*group, finding])
        else:
            groups.append((finding.line, finding.end_line, [finding]))
    return groups


def _paragraph(source: str, lines: LineIndex, first: int, last: int, group: list[Finding]) -> str:
    start = lines.starts[first - 1]
    end = lines.starts[last] if last < len(lines.starts) else len(source)
    out = [f'<p class="para"><span class="where">{first}</span>']
    at = start
    for finding in group:
        if finding.start < at:
            continue  # overlaps the previous mark; it is still counted above
        out.append(text(source[at : finding.start]))
        out.append(_mark(finding, source[finding.start : finding.end]))
        at = finding.end
    out.append(text(source[at:end].rstrip("\r\n")))
    out.append("</p>")
    return "".join(out)


def _mark(finding: Finding, found: str) -> str:
    title = f"{finding.rule.value}: {finding.message}"
    return (
        f'<mark class="{finding.severity.value}" title="{text(title)}">{text(found)}</mark>'
        f'<span class="fix">→ {text(finding.suggestion)} '
        f'<span class="rule">{finding.rule.value}</span></span>'
    )
