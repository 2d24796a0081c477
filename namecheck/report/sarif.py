"""``--format sarif``: SARIF 2.1.0 for code-scanning services (GitHub, GitLab, Azure).

Columns are Unicode code points (``columnKind: unicodeCodePoints``), exactly
namecheck's own; ``endColumn`` is exclusive as in namecheck. Each result carries
a fingerprint that survives unrelated edits (no line numbers in it) and, when
the finding is fixable, the replacement as a SARIF ``fix``.
"""

from __future__ import annotations

import hashlib
import json
import os
from importlib import metadata
from pathlib import Path
from typing import Any
from urllib.parse import quote

from namecheck import __version__
from namecheck.model import Finding, Rule, Severity
from namecheck.report import ReportOptions, RunResult

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}

def render(result: RunResult, options: ReportOptions | None = None) -> str:
    return json.dumps(document(result), ensure_ascii=False, indent=2) + "\n"


def document(result: RunResult) -> dict[str, Any]:
    seen: dict[tuple[str, str, str, str], int] = {}
    results = []
    for finding in result.findings:
        key = (finding.path, finding.rule.value, finding.found, finding.entity)
        seen[key] = seen.get(key, -1) + 1
        results.append(_result(finding, seen[key]))
    run: dict[str, Any] = {
        "tool": {"driver": _driver()},
        "columnKind": "unicodeCodePoints",
        "invocations": [_invocation(result)],
        "results": results,
    }
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def _driver() -> dict[str, Any]:
    driver: dict[str, Any] = {"name": "namecheck", "version": __version__}
    homepage = _homepage()
    if homepage:
        driver["informationUri"] = homepage
    driver["rules"] = [
        {
            "id": rule.value,
            "name": rule.info.name,
            "shortDescription": {"text": rule.info.title},
            "help": {"text": rule.info.help},
            "defaultConfiguration": {"level": LEVELS[rule.info.severity]},
        }
        for rule in Rule
    ]
    return driver


def _homepage() -> str:
    """The project's home page from the installed package's metadata, if it names one."""
    try:
        meta = metadata.metadata("namecheck")
    except metadata.PackageNotFoundError:
        return ""
    for entry in meta.get_all("Project-URL") or []:
        label, _, url = entry.partition(",")
        if label.strip().lower() in ("homepage", "home", "source", "repository"):
            return str(url).strip()
    return next(iter(meta.get_all("Home-page") or []), "")


def artifact_uri(path: str) -> str:
    """A path as a URI reference: relative ones stay relative (to %SRCROOT%)."""
    if os.path.isabs(path):
        return Path(path).as_uri()
    return quote(path.replace(os.sep, "/"))


def _location(finding: Finding) -> dict[str, Any]:
    return {
        "artifactLocation": {"uri": artifact_uri(finding.path), "uriBaseId": "%SRCROOT%"},
        "region": _region(finding) | {"snippet": {"text": finding.found}},
    }


def _region(finding: Finding) -> dict[str, int]:
    return {
        "startLine": finding.line,
        "startColumn": finding.column,
        "endLine": finding.end_line,
        "endColumn": finding.end_column,
    }


def _result(finding: Finding, occurrence: int) -> dict[str, Any]:
    identity = "\0".join(
        (finding.path, finding.rule.value, finding.entity, finding.found, str(occurrence))
    )
    result: dict[str, Any] = {
        "ruleId": finding.rule.value,
        "ruleIndex": list(Rule).index(finding.rule),
        "level": LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": [{"physicalLocation": _location(finding)}],
        "partialFingerprints": {
            "namecheckFinding/v1": hashlib.sha256(identity.encode()).hexdigest()[:32]
        },
        "properties": {"entity": finding.entity, "kind": finding.kind, "score": finding.score},
    }
    if finding.fixable:
        result["fixes"] = [
            {
                "description": {"text": f"Replace with '{finding.suggestion}'"},
                "artifactChanges": [
                    {
                        "artifactLocation": {
                            "uri": artifact_uri(finding.path),
                            "uriBaseId": "%SRCROOT%",
                        },
                        "replacements": [
                            {
                                "deletedRegion": _region(finding),
                                "insertedContent": {"text": finding.suggestion},
                            }
                        ],
                    }
                ],
            }
        ]
    return result


def _invocation(result: RunResult) -> dict[str, Any]:
    """Files that could not be checked, as notifications; the run failed if any."""
    return {
        "executionSuccessful": not result.errors,
        "toolExecutionNotifications": [
            {
                "level": "error",
                "message": {"text": error.message},
                "locations": [
                    {"physicalLocation": {"artifactLocation": {"uri": artifact_uri(error.path)}}}
                ]
                if error.path
                else [],
            }
            for error in result.errors
        ],
    }
