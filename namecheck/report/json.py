"""``--format json``: the stable, versioned wire format for editors and scripts.

Schema version 1 (documented in the README). New keys may be added; existing
keys keep their meaning until the version changes.
"""

from __future__ import annotations

import json
from typing import Any

from namecheck.errors import NamecheckError
from namecheck.model import Finding
from namecheck.report import ReportOptions, RunResult

SCHEMA_VERSION = 1


def finding_dict(finding: Finding) -> dict[str, Any]:
    return {
        "path": finding.path,
        "start": finding.start,
        "end": finding.end,
        "line": finding.line,
        "column": finding.column,
        "end_line": finding.end_line,
        "end_column": finding.end_column,
        "rule": finding.rule.value,
        "severity": finding.severity.value,
        "found": finding.found,
        "entity": finding.entity,
        "suggestion": finding.suggestion,
        "kind": finding.kind,
        "score": finding.score,
        "fixable": finding.fixable,
        "message": finding.message,
        **({"unit": finding.unit} if finding.unit else {}),  # bilingual files (compare)
    }


def error_dict(error: NamecheckError) -> dict[str, Any]:
    return {"path": error.path, "line": error.line, "message": error.message}


def render(result: RunResult, options: ReportOptions | None = None) -> str:
    document = {
        "version": SCHEMA_VERSION,
        "findings": [finding_dict(f) for f in result.findings],
        "files_checked": result.files_checked,
        "errors": [error_dict(e) for e in result.errors],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
