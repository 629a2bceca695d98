"""Regular expressions compiled on first use, not at import.

Python compiles a pattern in Python code: the few long patterns of a rule module (thousands of
characters of alternations) cost tens of milliseconds each, paid by every process at start-up
whether or not a text ever reaches them. ``LazyPattern`` holds the source and compiles it the
first time it is used (the ``re`` module's own cache would keep only the last 512 patterns and
still pay the first compile at import).

Example::

    _BIG = LazyPattern(r"\\b(?:killed|wounded)\\b", re.IGNORECASE)
    _BIG.search("two were killed")   # compiled here, once
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator


class LazyPattern:
    """A ``re.Pattern[str]`` compiled the first time one of its methods is called."""

    __slots__ = ("_compiled", "flags", "pattern")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags
        self._compiled: re.Pattern[str] | None = None

    @property
    def compiled(self) -> re.Pattern[str]:
        """The compiled pattern (compiled now if it was not yet)."""
        if self._compiled is None:
            self._compiled = re.compile(self.pattern, self.flags)
        return self._compiled

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled.search(string, pos, endpos)

    def match(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled.match(string, pos, endpos)

    def fullmatch(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled.fullmatch(string, pos, endpos)

    def finditer(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        return self.compiled.finditer(string, pos, endpos)
