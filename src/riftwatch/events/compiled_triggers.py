"""The shipped trigger lexicon, checked and parsed once, then read back from a cache file.

Parsing the ~1,600 shipped entries (JSON, every field checked against the ontology) took
0.15-0.3 s in every process that codes. The cache holds each checked ``Trigger`` as a plain tuple
of its fields written with ``marshal`` (a few ms to read and rebuild). Its name carries a digest
of the shipped lexicon and ontology, of the code that parses them and of the Python version, so
an edited file, a new release or another interpreter parses anew; an unwritable cache only costs
time. User overlays (``--triggers``) are always parsed: they are the user's to edit.

Example::

    entries = shipped_triggers()   # the same Trigger records as parsing data/triggers.jsonl
"""

from __future__ import annotations

import dataclasses
import hashlib
import sys
from importlib import resources
from pathlib import Path
from typing import Any

from ..marshalcache import cached_rows
from . import ontology, triggers
from .triggers import Trigger

FORMAT = 1  # bump when the tuples below change shape
_FIELDS = tuple(f.name for f in dataclasses.fields(Trigger))


def _digest() -> str:
    h = hashlib.sha256(f"{FORMAT} {sys.version} {_FIELDS}".encode())
    package = resources.files("riftwatch")
    for name in (triggers.SHIPPED, "data/ontology.json"):
        h.update(name.encode() + b"\0" + package.joinpath(name).read_bytes())
    for module in (triggers.__file__, ontology.__file__, __file__):
        h.update(Path(module).read_bytes())
    return h.hexdigest()[:20]


def cache_path() -> Path:
    """The cache file for the installed lexicon and code."""
    from ..geo.gazetteer import cache_dir

    return cache_dir() / f"trigger-lexicon-{_digest()}.marshal"


def freeze(entries: list[Trigger]) -> list[tuple[Any, ...]]:
    """Entries as tuples of their fields (str, float, bool, None, tuples of str) for ``marshal``."""
    return [tuple(getattr(t, name) for name in _FIELDS) for t in entries]


def thaw(rows: list[tuple[Any, ...]]) -> list[Trigger]:
    """The entries ``freeze`` wrote."""
    return [Trigger(*row) for row in rows]


def shipped_triggers() -> list[Trigger]:
    """The shipped lexicon's entries, from the cache when it matches, else parsed (and cached)."""
    return cached_rows(cache_path(), "trigger lexicon", triggers.shipped_triggers_parsed, freeze, thaw)
