"""The shipped actor lexicon, checked and parsed once, then read back from a cache file.

Reading the ~3,500 shipped entries (JSON, every field checked, dates and role titles normalised)
took 0.2-0.4 s in every process that codes. The cache holds the checked entries as plain tuples
written with ``marshal`` (~10 ms to read, ~30 ms to rebuild the records). Its name carries a
digest of the shipped files, of the code that parses them and of the Python version, so an edited
lexicon, a new release or another interpreter parses anew; an unwritable cache only costs time.

Example::

    entries = shipped_entries()   # the same Entry records as parsing the JSONL files
"""

from __future__ import annotations

import datetime as dt
import hashlib
import sys
from importlib import resources
from pathlib import Path
from typing import Any

from ..marshalcache import cached_rows
from . import lexicon
from .lexicon import Entry, Role

FORMAT = 2  # bump when the tuples below change shape


def _digest() -> str:
    h = hashlib.sha256(f"{FORMAT} {sys.version}".encode())
    folder = resources.files("riftwatch.data").joinpath("actors")
    for name in lexicon.SHIPPED_FILES:
        h.update(name.encode() + b"\0" + folder.joinpath(name).read_bytes())
    for module in (lexicon.__file__, __file__):
        h.update(Path(module).read_bytes())
    return h.hexdigest()[:20]


def cache_path() -> Path:
    """The cache file for the installed lexicon and code."""
    from ..geo.gazetteer import cache_dir

    return cache_dir() / f"actor-lexicon-{_digest()}.marshal"


def _day(d: dt.date | None) -> int:
    return d.toordinal() if d else 0


def _date(n: int) -> dt.date | None:
    return dt.date.fromordinal(n) if n else None


def freeze(entries: list[Entry]) -> list[tuple[Any, ...]]:
    """Entries as tuples of str, bool, int (dates as ordinals) that ``marshal`` can write."""
    return [
        (e.id, e.kind, e.names, e.country, e.sector, e.org, e.person,
         tuple((r.title, r.country, r.sector, _day(r.start), _day(r.end), r.org) for r in e.roles),
         e.role, e.standalone, e.needs_name, e.gender, e.note, e.office, e.countries)
        for e in entries
    ]  # fmt: skip


def thaw(rows: list[tuple[Any, ...]]) -> list[Entry]:
    """The entries ``freeze`` wrote."""
    return [
        Entry(i, kind, names, country, sector, org, person,
              tuple(Role(t, c, s, _date(a), _date(b), o) for t, c, s, a, b, o in roles),
              role, standalone, needs_name, gender, note, office, tuple(countries))
        for i, kind, names, country, sector, org, person, roles, role, standalone, needs_name, gender, note, office, countries in rows
    ]  # fmt: skip


def shipped_entries() -> list[Entry]:
    """The shipped lexicon's entries, from the cache when it matches, else parsed (and cached)."""
    return cached_rows(cache_path(), "actor lexicon", lambda: list(lexicon.shipped_entries_parsed()), freeze, thaw)
