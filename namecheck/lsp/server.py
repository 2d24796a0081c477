"""The namecheck language server, over stdio (pygls).

Diagnostics are published when a document is opened or saved, and after typing
pauses for ``debounce`` seconds; every check goes through
:meth:`Checkers.engine_for`, so config and gazetteer edits on disk take effect at once.
Code actions come from the diagnostics last published for the document, or
from a fresh check if it changed since.
"""

from __future__ import annotations

import asyncio
import logging
import os
from pathlib import Path

from lsprotocol import types as lsp
from pygls.lsp.server import LanguageServer
from pygls.workspace import TextDocument

from namecheck import __version__
from namecheck.errors import NamecheckError
from namecheck.lsp.checkers import Checkers, EngineOptions
from namecheck.lsp.convert import SOURCE, Document, code_actions, document
from namecheck.runner import check_source

LANGUAGE_SUFFIXES = {"markdown": ".md", "html": ".html", "plaintext": ".txt"}
log = logging.getLogger(__name__)


class NamecheckServer(LanguageServer):
    def __init__(self, options: EngineOptions, debounce: float) -> None:
        super().__init__(
            SOURCE, __version__, text_document_sync_kind=lsp.TextDocumentSyncKind.Incremental
        )
        self.checkers = Checkers(options, self.show_error)
        self.debounce = debounce
        self.documents: dict[str, Document] = {}
        self.pending: dict[str, asyncio.TimerHandle] = {}
        self.gazetteer_problems: set[str] = set()  # URIs of files given diagnostics

    def show_error(self, error: NamecheckError) -> None:
        """A message, plus a diagnostic at each problem's line of a file (the gazetteer)."""
        self.window_show_message(
            lsp.ShowMessageParams(lsp.MessageType.Error, f"namecheck: {error}")
        )
        by_file: dict[str, list[lsp.Diagnostic]] = {}
        for problem in getattr(error, "errors", [error]):
            if not problem.path or problem.path.startswith("<"):
                continue
            line = max(problem.line - 1, 0)
            where = lsp.Range(lsp.Position(line, 0), lsp.Position(line + 1, 0))
            by_file.setdefault(Path(problem.path).absolute().as_uri(), []).append(lsp.Diagnostic(
                where, problem.message, lsp.DiagnosticSeverity.Error, source=SOURCE))  # fmt: skip
        for uri, diagnostics in by_file.items():
            self.text_document_publish_diagnostics(
                lsp.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics)
            )
        self.gazetteer_problems.update(by_file)

    def clear_gazetteer_problems(self) -> None:
        """The gazetteers load again: take their diagnostics away."""
        for uri in self.gazetteer_problems:
            self.text_document_publish_diagnostics(
                lsp.PublishDiagnosticsParams(uri=uri, diagnostics=[])
            )
        self.gazetteer_problems.clear()

    @property
    def encoding(self) -> str:
        return str(self.workspace.position_encoding or lsp.PositionEncodingKind.Utf16)

    def schedule(self, uri: str, delay: float) -> None:
        """Check ``uri`` after ``delay`` seconds, replacing any check already waiting."""
        if (waiting := self.pending.pop(uri, None)) is not None:
            waiting.cancel()
        if delay <= 0:
            self.publish(uri)
        else:
            self.pending[uri] = asyncio.get_running_loop().call_later(delay, self.publish, uri)

    def check(self, uri: str) -> Document | None:
        """Check the open document now; None (and a message) if it cannot be checked."""
        self.pending.pop(uri, None)
        text_document = self.workspace.get_text_document(uri)
        path = document_path(text_document)
        text = text_document.source
        try:
            checker, config = self.checkers.engine_for(path)
            if self.gazetteer_problems and not self.checkers.failing:
                self.clear_gazetteer_problems()
            findings = check_source(checker, text, path, config)
        except NamecheckError as exc:
            self.show_error(exc)
            return None
        except Exception:  # a bug must not take the editor's server down with it
            log.exception("checking %s failed", uri)
            return None
        doc = document(uri, text_document.version, text, path, findings, self.encoding)
        self.documents[uri] = doc
        return doc

    def publish(self, uri: str) -> None:
        doc = self.check(uri)
        diagnostics = list(doc.diagnostics) if doc else []
        version = doc.version if doc else None
        self.text_document_publish_diagnostics(
            lsp.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics, version=version)
        )

    def current(self, uri: str) -> Document | None:
        """The document as last checked, re-checked if it changed since."""
        doc = self.documents.get(uri)
        text_document = self.workspace.get_text_document(uri)
        if doc is None or doc.version != text_document.version or doc.text != text_document.source:
            doc = self.check(uri)
        return doc


def document_path(doc: TextDocument) -> str:
    """The path that picks the reader; untitled buffers get one from their language."""
    path = doc.path
    if not os.path.splitext(path)[1] and doc.language_id in LANGUAGE_SUFFIXES:
        path += LANGUAGE_SUFFIXES[doc.language_id]
    return path


def create(options: EngineOptions, debounce: float) -> NamecheckServer:
    """The server with its features; ``debounce`` is the quiet time (s) before a check."""
    server = NamecheckServer(options, debounce)

    @server.feature(lsp.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: NamecheckServer, params: lsp.DidOpenTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, 0)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: NamecheckServer, params: lsp.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, ls.debounce)

    @server.feature(lsp.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: NamecheckServer, params: lsp.DidSaveTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, 0)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: NamecheckServer, params: lsp.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        if (waiting := ls.pending.pop(uri, None)) is not None:
            waiting.cancel()
        ls.documents.pop(uri, None)
        ls.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    @server.feature(
        lsp.TEXT_DOCUMENT_CODE_ACTION,
        lsp.CodeActionOptions(code_action_kinds=[lsp.CodeActionKind.QuickFix]),
    )
    def code_action(ls: NamecheckServer, params: lsp.CodeActionParams) -> list[lsp.CodeAction]:
        doc = ls.current(params.text_document.uri)
        if doc is None:
            return []
        capabilities = ls.client_capabilities.workspace
        edits = capabilities.workspace_edit if capabilities else None
        versioned = bool(edits and edits.document_changes)
        return code_actions(doc, params.range, ls.encoding, versioned)

    return server
