"""The language server's pure parts: positions, code actions, checker reloading."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

pytest.importorskip("lsprotocol", reason="the language server needs the 'lsp' extra (pygls)")

from lsprotocol import types as lsp

from namecheck.checker import Checker
from namecheck.errors import NamecheckError
from namecheck.locate import LineIndex
from namecheck.lsp.checkers import Checkers, EngineOptions
from namecheck.lsp.convert import code_actions, document, position

TEXT = "a😀b\r\nxé😀 Mitchell Bacelet said"


@pytest.mark.parametrize(
    ("encoding", "character"),
    [
        (lsp.PositionEncodingKind.Utf16, 5),  # x é 😀(2 units) space
        (lsp.PositionEncodingKind.Utf8, 8),  # x é(2 bytes) 😀(4 bytes) space
        (lsp.PositionEncodingKind.Utf32, 4),
    ],
)
def test_positions_in_each_encoding(encoding: str, character: int) -> None:
    offset = TEXT.index("Mitchell")
    assert position(LineIndex(TEXT), offset, encoding) == lsp.Position(1, character)


def test_unversioned_clients_get_plain_changes(checker: Checker) -> None:
    findings = checker.check_text(TEXT, "a.txt")
    doc = document("file:///a.txt", 3, TEXT, "a.txt", findings, lsp.PositionEncodingKind.Utf16)
    (diagnostic,) = doc.diagnostics
    assert diagnostic.data["suggestion"] == "Michelle Bachelet"
    actions = code_actions(doc, diagnostic.range, lsp.PositionEncodingKind.Utf16, versioned=False)
    replace, ignore = actions
    assert replace.edit is not None and replace.edit.changes == {
        "file:///a.txt": [lsp.TextEdit(diagnostic.range, "Michelle Bachelet")]}  # fmt: skip
    assert ignore.edit is not None and ignore.edit.changes == {"file:///a.txt": [lsp.TextEdit(
        lsp.Range(lsp.Position(0, 0), lsp.Position(0, 0)),
        "namecheck: allow Mitchell Bacelet\r\n")]}  # fmt: skip


def test_checkers_reload_changed_gazetteers_and_survive_broken_ones(tmp_path: Path) -> None:
    gazetteer = tmp_path / "g.yaml"
    gazetteer.write_text("entities:\n  - name: Quentin Zabriskie\n", encoding="utf-8")
    errors: list[NamecheckError] = []
    checkers = Checkers(EngineOptions((gazetteer,), no_default=True), errors.append)
    first = checkers.checker_for("a.txt")
    assert checkers.checker_for("b.txt") is first  # unchanged: cached
    gazetteer.write_text("entities:\n  - name: Quentin Zabriski\n", encoding="utf-8")
    os.utime(gazetteer, ns=(1, 1))  # even a same-size rewrite in the same tick is seen
    second = checkers.checker_for("a.txt")
    assert second is not first
    assert second.gazetteer.entities[0].name == "Quentin Zabriski"
    gazetteer.write_text("entities: [\n", encoding="utf-8")
    assert checkers.checker_for("a.txt") is second  # the last good one serves on
    assert checkers.checker_for("a.txt") is second
    assert len(errors) == 1 and "g.yaml" in str(errors[0])  # said once, not per keystroke


def test_checkers_without_any_good_gazetteer_raise(tmp_path: Path) -> None:
    missing = tmp_path / "missing.yaml"
    checkers = Checkers(EngineOptions((missing,), no_default=True), lambda e: None)
    with pytest.raises(NamecheckError):
        checkers.checker_for("a.txt")


def test_documents_take_the_config_of_their_folder(tmp_path: Path) -> None:
    from namecheck.model import Rule

    (tmp_path / "desk").mkdir()
    config = tmp_path / "desk" / "namecheck.toml"
    config.write_text('ignore = ["NC001"]\nthreshold = 0.9\n', encoding="utf-8")
    errors: list[NamecheckError] = []
    checkers = Checkers(EngineOptions(), errors.append)
    checker, first = checkers.engine_for(str(tmp_path / "desk" / "a.md"))
    assert Rule.FUZZY not in first.rules and checker.settings.threshold == 0.9
    assert checkers.options_for(str(tmp_path / "other.md")).path is None  # no config there
    config.write_text('ignore = ["NC004"]\nthreshold = 0.9\n', encoding="utf-8")
    os.utime(config, ns=(1, 1))
    _, second = checkers.engine_for(str(tmp_path / "desk" / "a.md"))
    assert Rule.FUZZY in second.rules and Rule.DEPRECATED not in second.rules
    config.write_text("treshold = 0.9\n", encoding="utf-8")  # saved with a typo
    assert checkers.options_for(str(tmp_path / "desk" / "b.md")) is second  # last good one
    assert checkers.options_for(str(tmp_path / "desk" / "b.md")) is second
    assert [str(e).split(": ", 1)[1] for e in errors] == [
        "unknown key 'treshold'; did you mean 'threshold'?"
    ]
    isolated = Checkers(EngineOptions(isolated=True), errors.append)
    assert isolated.options_for(str(tmp_path / "desk" / "a.md")).path is None
