"""Readers: turn a decoded source file into the prose the matcher should see.

A reader returns :class:`Prose`: the text to check plus an offset map back to
the source, so findings always point at the right place in the original file
(never found again by searching, which is how markup linters go wrong).
"""

from __future__ import annotations

from namecheck.text.prose import Prose, reader_for

__all__ = ["Prose", "reader_for"]
