"""``namecheck explain TEXT``: why a string is (or is not) flagged."""

from __future__ import annotations

from namecheck.cli import app  # noqa: F401  (placeholder until the command lands)
