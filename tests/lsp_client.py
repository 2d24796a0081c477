"""A minimal LSP client for tests: starts ``namecheck lsp`` and speaks framed JSON-RPC.

It does what an editor does — and only that — so the tests exercise the real
server process. Every wait has a timeout, so a hung server fails a test instead
of blocking the suite.
"""

from __future__ import annotations

import itertools
import json
import queue
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

TIMEOUT = 30.0
Message = dict[str, Any]


class Client:
    def __init__(self, *args: str, cwd: Path, log: Path) -> None:
        self._log = log.open("wb")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "namecheck", "lsp", *args],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self._log, cwd=cwd,
        )  # fmt: skip
        self.log = log
        self._ids = itertools.count(1)
        self._inbox: queue.Queue[Message | None] = queue.Queue()
        self.notifications: list[Message] = []
        assert self.process.stdout is not None
        threading.Thread(target=self._read, args=(self.process.stdout,), daemon=True).start()

    # -- wire -----------------------------------------------------------------
    def _send(self, message: Message) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        assert self.process.stdin is not None
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def send_raw(self, body: bytes, header: bytes | None = None) -> None:
        """Bytes as they come, for malformed messages (``header``: instead of the framing)."""
        assert self.process.stdin is not None
        self.process.stdin.write((b"Content-Length: %d\r\n\r\n" % len(body) if header is None
                                  else header) + body)  # fmt: skip
        self.process.stdin.flush()

    def raw_request(self, method: str, params: Any) -> Message:
        """The whole response to a request, error included."""
        number = next(self._ids)
        self._send({"id": number, "method": method, "params": params})
        while True:
            message = self._next(TIMEOUT)
            if message.get("id") == number and "method" not in message:
                return message

    def _read(self, stream: IO[bytes]) -> None:
        while True:
            headers: dict[str, str] = {}
            while (line := stream.readline()) not in (b"\r\n", b""):
                name, _, value = line.decode("ascii").partition(":")
                headers[name.strip().lower()] = value.strip()
            if not line:
                self._inbox.put(None)
                return
            self._inbox.put(json.loads(stream.read(int(headers["content-length"]))))

    def _next(self, timeout: float) -> Message:
        try:
            message = self._inbox.get(timeout=timeout)
        except queue.Empty:
            raise AssertionError(f"no message from the server in {timeout}s; "
                                 f"its log:\n{self.log.read_text()}") from None  # fmt: skip
        if message is None:
            raise AssertionError(f"the server closed its output; its log:\n{self.log.read_text()}")
        if "method" in message and "id" in message:  # a request from the server: accept it
            self._send({"id": message["id"], "result": None})
        elif "method" in message:
            self.notifications.append(message)
        return message

    # -- what an editor does ------------------------------------------------------
    def request(self, method: str, params: Any, timeout: float = TIMEOUT) -> Any:
        number = next(self._ids)
        self._send({"id": number, "method": method, "params": params})
        while True:
            message = self._next(timeout)
            if message.get("id") == number and "method" not in message:
                assert "error" not in message, message["error"]
                return message["result"]

    def notify(self, method: str, params: Any) -> None:
        self._send({"method": method, "params": params})

    def wait_for(self, method: str, where: Callable[[Any], bool] = lambda p: True,
                 timeout: float = TIMEOUT) -> Any:  # fmt: skip
        """The params of the next ``method`` notification that satisfies ``where``."""
        while True:
            message = self._next(timeout)
            if message.get("method") == method and "id" not in message and where(message["params"]):
                return message["params"]

    def close(self) -> int:
        """Shut down politely; returns the exit code (the process is killed if it hangs)."""
        try:
            if self.process.poll() is None:
                self.request("shutdown", None)
                self.notify("exit", None)
            return self.process.wait(timeout=TIMEOUT)
        finally:
            if self.process.poll() is None:
                self.process.kill()
                self.process.wait()
            self._log.close()


def offset_of(text: str, line: int, character: int) -> int:
    """Code-point offset of an LSP position counted in UTF-16 code units."""
    starts = [0]
    i = 0
    while i < len(text):
        if text[i] == "\n" or (text[i] == "\r" and text[i + 1 : i + 2] != "\n"):
            starts.append(i + 1)
        i += 1
    offset, units = starts[line], 0
    while units < character:
        units += 2 if ord(text[offset]) > 0xFFFF else 1
        offset += 1
    assert units == character, "position splits a surrogate pair"
    return offset


def apply_edits(text: str, edits: list[Message]) -> str:
    """Apply LSP TextEdits (UTF-16 positions) the way an editor does: from the end."""
    spans = []
    for edit in edits:
        start, end = edit["range"]["start"], edit["range"]["end"]
        spans.append((offset_of(text, start["line"], start["character"]),
                      offset_of(text, end["line"], end["character"]), edit["newText"]))  # fmt: skip
    for start, end, new in sorted(spans, reverse=True):
        text = text[:start] + new + text[end:]
    return text
