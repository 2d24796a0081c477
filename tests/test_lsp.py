"""``namecheck lsp`` end to end: a subprocess driven over JSON-RPC as an editor drives it."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("pygls", reason="the language server needs the 'lsp' extra (pygls)")

from tests.conftest import ROOT
from tests.lsp_client import Client, apply_edits

CAPABILITIES = {
    "general": {"positionEncodings": ["utf-16"]},
    "workspace": {"workspaceEdit": {"documentChanges": True}},
    "textDocument": {
        "synchronization": {"didSave": True},
        "publishDiagnostics": {"versionSupport": True},
        "codeAction": {"codeActionLiteralSupport": {
            "codeActionKind": {"valueSet": ["quickfix"]}}},
    },
}  # fmt: skip


def start(tmp_path: Path, *args: str) -> Client:
    client = Client("--debounce", "0.05", *args, cwd=ROOT, log=tmp_path / "server.log")
    result = client.request("initialize", {"processId": None, "rootUri": tmp_path.as_uri(),
                                           "capabilities": CAPABILITIES})  # fmt: skip
    assert result["serverInfo"]["name"] == "namecheck"
    assert result["capabilities"]["positionEncoding"] == "utf-16"
    assert result["capabilities"]["codeActionProvider"]["codeActionKinds"] == ["quickfix"]
    client.notify("initialized", {})
    return client


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Client]:
    """One server for the module's tests (each opens its own documents), shut down cleanly."""
    client = start(tmp_path_factory.mktemp("lsp"))
    yield client
    assert client.close() == 0


class Editor:
    """One open document, kept in sync with the server like an editor buffer."""

    def __init__(self, client: Client, uri: str, text: str) -> None:
        self.client, self.uri, self.text, self.version = client, uri, text, 1
        client.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "plaintext", "version": 1, "text": text}})  # fmt: skip

    def diagnostics(self) -> list[dict[str, Any]]:
        params = self.client.wait_for(
            "textDocument/publishDiagnostics",
            lambda p: p["uri"] == self.uri and p.get("version") == self.version,
        )
        return params["diagnostics"]  # type: ignore[no-any-return]

    def actions(self, diagnostic: dict[str, Any]) -> dict[str, dict[str, Any]]:
        actions = self.client.request("textDocument/codeAction", {
            "textDocument": {"uri": self.uri}, "range": diagnostic["range"],
            "context": {"diagnostics": [diagnostic]}})  # fmt: skip
        return {action["title"]: action for action in actions}

    def apply(self, action: dict[str, Any]) -> None:
        """Apply a code action's edit and tell the server, as incremental changes."""
        (change,) = action["edit"]["documentChanges"]
        assert change["textDocument"] == {"uri": self.uri, "version": self.version}
        self.text = apply_edits(self.text, change["edits"])
        self.version += 1
        self.client.notify("textDocument/didChange", {
            "textDocument": {"uri": self.uri, "version": self.version},
            "contentChanges": [{"range": e["range"], "text": e["newText"]}
                               for e in change["edits"]]})  # fmt: skip


def test_diagnostics_and_replace_after_emoji(client: Client, tmp_path: Path) -> None:
    prefix = "🎉👍🏽 UN Commissioner "  # three astral code points: six UTF-16 units
    editor = Editor(client, (tmp_path / "draft.txt").as_uri(),
                    f"{prefix}Mitchell Bacelet said.\r\nMore text.\r\n")  # fmt: skip
    (diagnostic,) = editor.diagnostics()
    start = len(prefix.encode("utf-16-le")) // 2
    assert diagnostic["range"] == {"start": {"line": 0, "character": start},
                                   "end": {"line": 0, "character": start + 16}}  # fmt: skip
    assert diagnostic["code"] == "NC001"
    assert diagnostic["severity"] == 2  # warning
    assert diagnostic["source"] == "namecheck"
    assert "did you mean 'Michelle Bachelet'" in diagnostic["message"]

    actions = editor.actions(diagnostic)
    assert set(actions) == {"Replace with 'Michelle Bachelet'",
                            "Ignore 'Mitchell Bacelet' in this file"}  # fmt: skip
    replace = actions["Replace with 'Michelle Bachelet'"]
    assert replace["kind"] == "quickfix" and replace["isPreferred"] is True
    editor.apply(replace)
    assert editor.text == f"{prefix}Michelle Bachelet said.\r\nMore text.\r\n"
    assert editor.diagnostics() == []  # re-checked after the (debounced) change


def test_ignore_this_form_in_this_file(client: Client, tmp_path: Path) -> None:
    editor = Editor(client, (tmp_path / "notes.txt").as_uri(), "Talks in Kiev.\nKiev again.\n")
    diagnostics = editor.diagnostics()
    assert [d["code"] for d in diagnostics] == ["NC004", "NC004"]
    editor.apply(editor.actions(diagnostics[1])["Ignore 'Kiev' in this file"])
    assert editor.text == "namecheck: allow Kiev\nTalks in Kiev.\nKiev again.\n"
    assert editor.diagnostics() == []


def test_code_actions_follow_the_requested_range(client: Client, tmp_path: Path) -> None:
    editor = Editor(client, (tmp_path / "a.txt").as_uri(), "Kiev.\n\nMitchell Bacelet said.\n")
    first, second = editor.diagnostics()
    titles = set(editor.actions(second))
    assert titles == {"Replace with 'Michelle Bachelet'", "Ignore 'Mitchell Bacelet' in this file"}
    nowhere = {"start": {"line": 1, "character": 0}, "end": {"line": 1, "character": 0}}
    assert editor.actions({**first, "range": nowhere}) == {}


def test_closing_clears_diagnostics(client: Client, tmp_path: Path) -> None:
    editor = Editor(client, (tmp_path / "a.txt").as_uri(), "Kiev.\n")
    assert len(editor.diagnostics()) == 1
    client.notify("textDocument/didClose", {"textDocument": {"uri": editor.uri}})
    cleared = client.wait_for("textDocument/publishDiagnostics", lambda p: p["uri"] == editor.uri)
    assert cleared["diagnostics"] == []


GAZETTEER = "entities:\n  - name: {name}\n    kind: person\n"


def test_gazetteers_reload_when_they_change_on_disk(tmp_path: Path) -> None:
    gazetteer = tmp_path / "newsroom.yaml"
    gazetteer.write_text(GAZETTEER.format(name="Quentin Zabriskie"), encoding="utf-8")
    client = start(tmp_path, "-g", str(gazetteer))
    try:
        editor = Editor(client, (tmp_path / "a.txt").as_uri(), "Mr Xavier Plughson said.\n")
        assert editor.diagnostics() == []
        gazetteer.write_text(GAZETTEER.format(name="Xavier Plughsen"), encoding="utf-8")
        client.notify("textDocument/didSave", {"textDocument": {"uri": editor.uri}})
        (diagnostic,) = editor.diagnostics()
        assert "did you mean 'Xavier Plughsen'" in diagnostic["message"]

        gazetteer.write_text("entities:\n- name: [\n", encoding="utf-8")  # saved half-edited
        client.notify("textDocument/didSave", {"textDocument": {"uri": editor.uri}})
        shown = client.wait_for("window/showMessage")
        assert shown["type"] == 1 and "newsroom.yaml" in shown["message"]
        # The problem is also a diagnostic on the gazetteer itself, at its line.
        problem = client.wait_for("textDocument/publishDiagnostics",
                                  lambda p: p["uri"] == gazetteer.as_uri())  # fmt: skip
        (error,) = problem["diagnostics"]
        assert error["severity"] == 1 and error["range"]["start"]["line"] == 2
        assert "YAML syntax error" in error["message"]
        assert len(editor.diagnostics()) == 1  # still checked, with the last good gazetteer

        gazetteer.write_text(GAZETTEER.format(name="Xavier Plughsen"), encoding="utf-8")
        client.notify("textDocument/didSave", {"textDocument": {"uri": editor.uri}})
        cleared = client.wait_for("textDocument/publishDiagnostics",
                                  lambda p: p["uri"] == gazetteer.as_uri())  # fmt: skip
        assert cleared["diagnostics"] == []
    finally:
        assert client.close() == 0


def test_without_pygls_the_command_says_how_to_install_it() -> None:
    result = subprocess.run(
        [sys.executable, "-c", "import sys; sys.modules['pygls'] = None; "
         "from namecheck.cli import main; sys.argv = ['namecheck', 'lsp']; main()"],
        capture_output=True, text=True, cwd=ROOT, timeout=60,
    )  # fmt: skip
    assert result.returncode == 2
    assert result.stderr == (
        "namecheck: error: the language server needs pygls: pip install 'namecheck[lsp]'\n"
    )


def test_survives_malformed_messages_and_unknown_methods(tmp_path: Path) -> None:
    client = start(tmp_path)
    try:
        client.send_raw(b"{not json at all")
        client.send_raw(b'{"jsonrpc": "2.0", "id": 99, "method": "textDocument/codeAction", '
                        b'"params": {"textDocument": 3}}')  # fmt: skip
        client.send_raw(b'["a", "batch?"]')
        client.send_raw(b"\xff\xfe garbage")
        unknown = client.raw_request("namecheck/noSuchMethod", {})
        assert unknown["error"]["code"] == -32601  # method not found
        client.notify("$/noSuchNotification", {"x": 1})  # ignored
        editor = Editor(client, (tmp_path / "a.txt").as_uri(), "Mitchell Bacelet said.\n")
        (diagnostic,) = editor.diagnostics()  # and it still checks
        assert diagnostic["code"] == "NC001"
    finally:
        assert client.close() == 0


def test_a_document_closed_while_a_check_waits(tmp_path: Path) -> None:
    client = start(tmp_path)
    try:
        uri = (tmp_path / "gone.txt").as_uri()  # no such file on disk
        editor = Editor(client, uri, "Kiev.\n")
        assert len(editor.diagnostics()) == 1
        client.notify("textDocument/didChange", {
            "textDocument": {"uri": uri, "version": 2},
            "contentChanges": [{"text": "Mitchell Bacelet.\n"}]})  # fmt: skip
        client.notify("textDocument/didClose", {"textDocument": {"uri": uri}})  # before the check
        cleared = client.wait_for("textDocument/publishDiagnostics", lambda p: p["uri"] == uri)
        assert cleared["diagnostics"] == []
        # A code action for the closed document: an empty answer or an error, never a crash.
        client.raw_request("textDocument/codeAction", {
            "textDocument": {"uri": uri},
            "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 4}},
            "context": {"diagnostics": []}})  # fmt: skip
        other = Editor(client, (tmp_path / "b.txt").as_uri(), "Mitchell Bacelet.\n")
        assert len(other.diagnostics()) == 1
    finally:
        assert client.close() == 0
