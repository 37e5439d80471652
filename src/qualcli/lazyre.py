"""Module-level regular expressions compiled on first use.

Compiling a large pattern costs up to a couple of milliseconds; a module that
defines many, most of which a short command never uses (``qualcli legislation
check`` needs a few of the finder's), pays for all of them at import. A
:class:`LazyPattern` compiles when one of its methods or attributes is first
read, then keeps the compiled pattern's methods as its own, so later calls
cost what a compiled pattern's do.
"""

from __future__ import annotations

import re

TYPE_CHECKING = False  # typing is not imported at run time (start-up)
if TYPE_CHECKING:
    from typing import Any


class LazyPattern:
    """``re.compile(pattern, flags)``, done when the pattern is first used."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._source = (pattern, flags)

    def __getattr__(self, name: str) -> Any:
        """Compile (once), keep the compiled pattern's attributes on this object, and answer ``name``."""
        compiled = re.compile(*self._source)
        for attr in dir(compiled):
            if not attr.startswith("__"):
                setattr(self, attr, getattr(compiled, attr))
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"LazyPattern({self._source[0]!r}, {self._source[1]!r})"


def lazy_compile(pattern: str, flags: int = 0) -> LazyPattern:
    """A pattern like ``re.compile(pattern, flags)`` that is compiled when first used."""
    return LazyPattern(pattern, flags)
