"""Imports of event data users already have: PLOVER/POLECAT JSONL, GDELT 2.0, ICEWS-style CSV.

>>> from riftwatch.store.duck import Store
>>> with Store(":memory:") as store:  # doctest: +SKIP
...     report = import_file(Path("20160513.export.CSV.zip"), "gdelt", store)
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Final, Literal, Protocol

from riftwatch.errors import InputError
from riftwatch.imports import gdelt, icews, plover
from riftwatch.imports.base import ImportReport
from riftwatch.records import Event

log = logging.getLogger(__name__)

Format = Literal["plover", "gdelt", "icews"]
FORMATS: Final = ("plover", "gdelt", "icews")

_READERS: Final[dict[str, Callable[[Path, ImportReport], Iterator[Event]]]] = {
    "plover": plover.read,
    "gdelt": gdelt.read,
    "icews": icews.read,
}


class EventSink(Protocol):
    """Where imported events go (``store.duck.Store`` is one)."""

    def write_events(self, events: Iterable[Event], origin: str, batch: int = 100_000) -> int: ...


def read_events(path: Path, fmt: str, report: ImportReport | None = None) -> Iterator[Event]:
    """Stream the events of ``path`` read as ``fmt``; failures go to ``report``."""
    if fmt not in _READERS:
        raise InputError("--format", f"{fmt!r} is not one of {', '.join(FORMATS)}")
    return _READERS[fmt](path, report or ImportReport(str(path), fmt))


def import_file(path: Path, fmt: str, store: EventSink, batch: int = 100_000) -> ImportReport:
    """Import one file into ``store``; returns the tally (imported, failed rows with file:line).

    Bad rows are skipped and reported; the rest are imported.  Raises InputError when nothing in
    the file could be read as ``fmt`` (every row failed, or the header is wrong).
    """
    report = ImportReport(str(path), fmt)
    report.imported = store.write_events(read_events(path, fmt, report), origin=fmt, batch=batch)
    log.info(
        "%s: %d rows, %d events imported, %d failed, %d skipped",
        path, report.rows, report.imported, report.failed, sum(report.skipped.values()),
    )  # fmt: skip
    if report.rows and report.failed == report.rows:
        first = report.failures[0]
        raise InputError(str(path), f"no row could be read as {fmt} (first: {first.where}: {first.reason})")
    return report
