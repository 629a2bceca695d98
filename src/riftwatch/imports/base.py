"""What every importer shares: opening (plain, .gz, .zip) files, and the tally of a run.

Importers stream: they read one line at a time and yield ``records.Event`` objects, which
``Store.write_events`` inserts in batches, so memory stays at one batch whatever the file size.
A bad row becomes a ``records.Failure`` naming ``file:line`` and the reason, and is skipped.
"""

from __future__ import annotations

import gzip
import io
import logging
import zipfile
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from riftwatch.errors import InputError
from riftwatch.records import Event, Failure

log = logging.getLogger(__name__)


@dataclass(slots=True)
class ImportReport:
    """The tally of one import: rows read, events imported, rows skipped and why.

    Only the first ``keep`` failures are kept as records (a million bad rows would otherwise fill
    memory); ``failed`` counts them all.
    """

    path: str
    format: str
    rows: int = 0
    events: int = 0  # events the reader produced
    imported: int = 0  # events the store inserted (repeated event ids are skipped)
    failed: int = 0
    failures: list[Failure] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)  # rows left out by design, by reason
    keep: int = 1000

    def fail(self, line: int, reason: str) -> None:
        self.failed += 1
        if len(self.failures) < self.keep:
            self.failures.append(Failure(f"{self.path}:{line}", reason))
        if self.failed <= 20:
            log.info("%s:%d: %s", self.path, line, reason)

    def accept(self, line: int, parse: Callable[[], Event | None]) -> Event | None:
        """Run one row's parser: a bad row is recorded as failed, a CAMEO 01 row (a public
        statement, which PLOVER does not code) as skipped; otherwise the event is counted."""
        try:
            event = parse()
        except (ValueError, KeyError) as exc:
            self.fail(line, str(exc).strip("'\""))
            return None
        if event is None:
            self.skipped["CAMEO 01 (public statement): no PLOVER type"] += 1
            return None
        self.events += 1
        return event

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "format": self.format,
            "rows": self.rows,
            "events": self.events,
            "imported": self.imported,
            "failed": self.failed,
            "skipped": dict(self.skipped),
            "failures": [{"where": f.where, "reason": f.reason} for f in self.failures],
        }


@contextmanager
def open_text(path: Path) -> Iterator[IO[str]]:
    """Open a text file, gunzipping ``.gz`` and reading the first member of a ``.zip`` (GDELT ships
    its exports zipped).  Undecodable bytes become U+FFFD rather than stopping the import."""
    if path.is_dir():
        raise InputError(str(path), "is a directory, not a file")
    try:
        if path.suffix.lower() == ".gz":
            with gzip.open(path, "rt", encoding="utf-8", errors="replace", newline="") as fh:
                yield fh
        elif path.suffix.lower() == ".zip":
            with zipfile.ZipFile(path) as zf:
                names = [n for n in zf.namelist() if not n.endswith("/")]
                if not names:
                    raise InputError(str(path), "the zip archive is empty")
                with zf.open(names[0]) as raw:
                    yield io.TextIOWrapper(raw, encoding="utf-8", errors="replace", newline="")
        else:
            with path.open("r", encoding="utf-8", errors="replace", newline="") as fh:
                yield fh
    except FileNotFoundError:
        raise InputError(str(path), "no such file") from None
    except (OSError, zipfile.BadZipFile, EOFError) as exc:
        raise InputError(str(path), f"cannot read: {exc}") from exc
