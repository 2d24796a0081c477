"""namecheck: catch garbled names in prose before it is published.

The public engine is :class:`namecheck.checker.Checker`; it is imported lazily so
that ``namecheck --version`` and other light commands start fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from namecheck.checker import Checker
    from namecheck.model import Finding

__all__ = ["Checker", "Finding", "__version__"]


def __getattr__(name: str) -> Any:
    if name == "Checker":
        from namecheck.checker import Checker

        return Checker
    if name == "Finding":
        from namecheck.model import Finding

        return Finding
    raise AttributeError(name)
