"""Output formats: golden files for each, plus what goldens cannot show.

The goldens are the CLI's exact output on tests/golden/input/, run from
tests/golden so paths are relative and stable. After an intended change,
regenerate them with ``NAMECHECK_UPDATE_GOLDEN=1 pytest tests/test_formats.py``
and review the diff.
"""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

from namecheck.model import Finding, Rule, Severity
from namecheck.report import FORMATS, ReportOptions, RunResult, formatter
from namecheck.report.github import escape_data, escape_property
from namecheck.report.github import render as render_github
from namecheck.report.html import render as render_html
from namecheck.report.sarif import artifact_uri
from namecheck.report.text import render as render_text
from tests.conftest import ROOT, shared_path

GOLDEN = ROOT / "tests" / "golden"
CASES = {
    "text.txt": ["--format", "text"],
    "concise.txt": ["--format", "concise"],
    "json.json": ["--format", "json"],
    "sarif.json": ["--format", "sarif"],
    "github.txt": ["--format", "github"],
    "html.html": ["--format", "html"],
    "statistics.txt": ["--format", "concise", "--statistics"],
    "quiet.txt": ["--quiet"],
}


def namecheck(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "namecheck", "check", *args],
        capture_output=True, text=True, cwd=GOLDEN, timeout=120,
        env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})},
    )  # fmt: skip


@pytest.mark.parametrize("name", CASES)
def test_format_matches_golden(name: str) -> None:
    result = namecheck(*CASES[name], "input")
    assert result.returncode == 1, result.stderr
    golden = GOLDEN / "formats" / name
    if os.environ.get("NAMECHECK_UPDATE_GOLDEN"):
        golden.write_text(result.stdout, encoding="utf-8", newline="")
    assert result.stdout == golden.read_bytes().decode("utf-8")


def test_every_format_has_a_golden() -> None:
    covered = {args[args.index("--format") + 1] for args in CASES.values() if "--format" in args}
    assert covered == set(FORMATS)


def test_findings_point_at_their_text() -> None:
    document = json.loads((GOLDEN / "formats" / "json.json").read_text(encoding="utf-8"))
    assert document["findings"]
    for finding in document["findings"]:
        source = (GOLDEN / finding["path"]).read_bytes().decode("utf-8")
        assert source[finding["start"] : finding["end"]] == finding["found"]


def test_sarif_validates_against_the_schema() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(shared_path("data", "sarif-schema-2.1.0.json").read_text())
    document = json.loads((GOLDEN / "formats" / "sarif.json").read_text(encoding="utf-8"))
    jsonschema.validate(document, schema)
    run = document["runs"][0]
    assert [rule["id"] for rule in run["tool"]["driver"]["rules"]] == [r.value for r in Rule]
    levels = {result["ruleId"]: result["level"] for result in run["results"]}
    assert levels == {"NC001": "warning", "NC002": "error", "NC003": "note", "NC004": "warning"}


def finding(found: str = "Mitchell Bacelet", **changes: object) -> Finding:
    values: dict[str, object] = dict(
        start=0, end=len(found), rule=Rule.FUZZY, found=found, entity="michelle-bachelet",
        suggestion="Michelle Bachelet", kind="person", score=0.9, line=1, column=1,
        end_line=1, end_column=len(found) + 1, path="a.txt",
    )  # fmt: skip
    values.update(changes)
    return Finding(**values)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "data", "prop"),
    [
        ("a%b", "a%25b", "a%25b"),
        ("line\r\nnext", "line%0D%0Anext", "line%0D%0Anext"),
        ("x,y:z", "x,y:z", "x%2Cy%3Az"),
        ("::error::forged", "::error::forged", "%3A%3Aerror%3A%3Aforged"),
    ],
)
def test_github_escaping(text: str, data: str, prop: str) -> None:
    assert escape_data(text) == data
    assert escape_property(text) == prop


def test_github_annotation_cannot_be_broken_by_the_text() -> None:
    hostile = finding("Bacelet\n::error::x", path="dir,a:b.txt", severity=Severity.ERROR)
    out = render_github(RunResult(findings=[hostile], files_checked=1))
    assert out.count("\n") == 1
    assert out.startswith("::error file=dir%2Ca%3Ab.txt,line=1,col=1,")
    assert "Bacelet%0A::error::x" in out


def test_html_escapes_everything_from_the_input() -> None:
    hostile = "<script>alert(1)</script>"
    f = finding(hostile, path="<b>x.html", suggestion='"><img src=x>')
    page = render_html(RunResult(findings=[f], files_checked=1, sources={f.path: hostile}))
    assert "<script>alert" not in page and "<b>x.html" not in page and "<img src=x>" not in page
    assert "&lt;script&gt;" in page and "&lt;b&gt;x.html" in page
    assert "http" not in page.replace('content="width=device-width"', "")  # no external assets


def test_text_colour_only_when_asked() -> None:
    result = RunResult(findings=[finding()], files_checked=1, sources={"a.txt": "Mitchell Bacelet"})
    assert "\x1b[" not in render_text(result, ReportOptions())
    coloured = render_text(result, ReportOptions(color=True))
    assert "\x1b[33mNC001\x1b[0m" in coloured
    assert "\x1b[33m^^^^^^^^^^^^^^^^\x1b[0m" in coloured


def test_text_carets_count_terminal_cells() -> None:
    source = "東京で Mitchell Bacelet"
    f = finding(start=4, end=20, column=5, end_column=21)
    out = render_text(RunResult(findings=[f], files_checked=1, sources={"a.txt": source}))
    assert "  | " + " " * 7 + "^" * 16 in out.splitlines()


def test_text_indexes_each_file_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """A long file has many findings; its line index is built once, not once per finding."""
    import namecheck.report.text as text_report

    built: list[int] = []
    original = text_report.LineIndex

    def counting(source: str) -> object:
        built.append(len(source))
        return original(source)

    monkeypatch.setattr(text_report, "LineIndex", counting)
    source = "Mitchell Bacelet\n" * 50
    findings = [
        finding(start=17 * i, end=17 * i + 16, line=i + 1, end_line=i + 1) for i in range(50)
    ]
    out = render_text(RunResult(findings=findings, files_checked=1, sources={"a.txt": source}))
    assert out.count("^" * 16) == 50
    assert built == [len(source)]


def run_in_terminal(*args: str, env: dict[str, str]) -> str:
    """The CLI's stdout when it is a terminal."""
    primary, secondary = pty.openpty()
    with subprocess.Popen(
        [sys.executable, "-m", "namecheck", "check", *args],
        stdout=secondary, stderr=subprocess.DEVNULL, cwd=GOLDEN,
        env={**os.environ, "PYTHONPATH": str(ROOT), **env},
    ) as process:  # fmt: skip
        os.close(secondary)
        chunks = []
        while True:
            try:
                chunk = os.read(primary, 65536)
            except OSError:
                break
            if not chunk:
                break
            chunks.append(chunk)
        process.wait(timeout=120)
    os.close(primary)
    return b"".join(chunks).decode("utf-8")


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_colour_on_a_terminal_unless_no_color() -> None:
    env = {key: value for key, value in os.environ.items() if key != "NO_COLOR"}
    assert "\x1b[" in run_in_terminal("input/notes.txt", env={**env, "NO_COLOR": ""})
    assert "\x1b[" not in run_in_terminal("input/notes.txt", env={"NO_COLOR": "1"})
    assert "\x1b[" not in namecheck("input/notes.txt").stdout  # a pipe


@pytest.mark.parametrize(
    ("path", "uri"),
    [("a b/c.md", "a%20b/c.md"), ("<stdin>", "%3Cstdin%3E"), ("/abs/x.md", "file:///abs/x.md")],
)
def test_sarif_uris(path: str, uri: str) -> None:
    assert artifact_uri(path) == uri


@pytest.mark.parametrize("name", FORMATS)
def test_every_format_renders_an_empty_run(name: str) -> None:
    out = formatter(name)(RunResult(files_checked=2), ReportOptions())
    assert "Mitchell" not in out
    if name in ("json", "sarif"):
        json.loads(out)


def test_statistics_count_rules_and_entities() -> None:
    result = namecheck("--statistics", "--quiet", "input/notes.txt")
    assert result.stdout.endswith(
        "Rules:\n  2  NC001  garbled name (fuzzy match to a gazetteer entity)\n"
        "Entities:\n  2  michelle-bachelet\n"
    )
    structured = namecheck("--statistics", "--format", "sarif", "input/notes.txt")
    json.loads(structured.stdout)
    assert "Rules:" in structured.stderr


def test_quiet_drops_the_summary() -> None:
    assert "names to check" in namecheck("input/notes.txt").stdout
    assert "names to check" not in namecheck("--quiet", "input/notes.txt").stdout


def test_golden_inputs_are_the_ones_in_the_repo() -> None:
    assert sorted(p.name for p in (GOLDEN / "input").iterdir()) == [
        "article.md", "notes.txt", "page.html",
    ]  # fmt: skip
    assert Path(GOLDEN / "input" / "page.html").read_bytes().count(b"\r\n") > 3
