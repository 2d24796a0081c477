"""Findings → LSP diagnostics and code actions. Pure: no server, no I/O.

Offsets inside namecheck count code points; LSP positions count in the encoding
negotiated at start-up (UTF-16 unless the client offers UTF-8 or UTF-32), so a
name after an emoji still underlines the right characters.
"""

from __future__ import annotations

from dataclasses import dataclass

from lsprotocol import types as lsp

from namecheck.fix import FixPolicy, replacement
from namecheck.locate import LineIndex
from namecheck.model import Finding, Severity
from namecheck.report.json import finding_dict
from namecheck.suppress import allow_directive

SOURCE = "namecheck"
SEVERITIES = {
    Severity.ERROR: lsp.DiagnosticSeverity.Error,
    Severity.WARNING: lsp.DiagnosticSeverity.Warning,
    Severity.INFO: lsp.DiagnosticSeverity.Information,
}


@dataclass(frozen=True)
class Document:
    """One checked version of an open document and its diagnostics, finding by finding."""

    uri: str
    version: int | None
    text: str
    path: str
    findings: tuple[Finding, ...]
    diagnostics: tuple[lsp.Diagnostic, ...]


def position(lines: LineIndex, offset: int, encoding: str) -> lsp.Position:
    line, column = lines.position(offset)
    if encoding == lsp.PositionEncodingKind.Utf16:
        character = lines.utf16_column(line, column)
    elif encoding == lsp.PositionEncodingKind.Utf8:
        character = len(lines.line_text(line)[: column - 1].encode("utf-8"))
    else:
        character = column - 1
    return lsp.Position(line - 1, character)


def document(
    uri: str, version: int | None, text: str, path: str, findings: list[Finding], encoding: str
) -> Document:
    lines = LineIndex(text)
    diagnostics = tuple(
        lsp.Diagnostic(
            range=lsp.Range(position(lines, f.start, encoding), position(lines, f.end, encoding)),
            message=f.message,
            severity=SEVERITIES[f.severity],
            code=f.rule.value,
            source=SOURCE,
            data=finding_dict(f),
        )
        for f in findings
    )
    return Document(uri, version, text, path, tuple(findings), diagnostics)


def code_actions(
    doc: Document, requested: lsp.Range, encoding: str, versioned: bool
) -> list[lsp.CodeAction]:
    """A replacement and an "ignore" action for each finding the requested range touches."""
    lines = LineIndex(doc.text)
    safe = FixPolicy()
    actions: list[lsp.CodeAction] = []
    for finding, diagnostic in zip(doc.findings, doc.diagnostics, strict=True):
        if not _overlaps(diagnostic.range, requested):
            continue
        new = replacement(finding)
        if new is not None and new != finding.found:
            actions.append(lsp.CodeAction(
                title=f"Replace with '{new}'",
                kind=lsp.CodeActionKind.QuickFix,
                diagnostics=[diagnostic],
                is_preferred=safe.selects(finding),
                edit=_edit(doc, lsp.TextEdit(diagnostic.range, new), versioned),
            ))  # fmt: skip
        offset, directive = allow_directive(doc.text, doc.path, finding.found)
        at = position(lines, offset, encoding)
        form = " ".join(finding.found.split())
        actions.append(lsp.CodeAction(
            title=f"Ignore '{form}' in this file",
            kind=lsp.CodeActionKind.QuickFix,
            diagnostics=[diagnostic],
            edit=_edit(doc, lsp.TextEdit(lsp.Range(at, at), directive), versioned),
        ))  # fmt: skip
    return actions


def _overlaps(a: lsp.Range, b: lsp.Range) -> bool:
    def key(p: lsp.Position) -> tuple[int, int]:
        return p.line, p.character

    return key(a.start) <= key(b.end) and key(b.start) <= key(a.end)


def _edit(doc: Document, edit: lsp.TextEdit, versioned: bool) -> lsp.WorkspaceEdit:
    """A versioned edit where the client supports it, so a stale fix is refused."""
    if versioned:
        identifier = lsp.OptionalVersionedTextDocumentIdentifier(uri=doc.uri, version=doc.version)
        return lsp.WorkspaceEdit(
            document_changes=[lsp.TextDocumentEdit(text_document=identifier, edits=[edit])]
        )
    return lsp.WorkspaceEdit(changes={doc.uri: [edit]})
