"""Reading a store that another process may be writing: short read-only connections, per request.

DuckDB lets one process write a database file, or any number read it, never both at once: the
writer holds an exclusive lock on the file for as long as it is open, and a reader holds a shared
one.  So ``serve`` never keeps the store open.  Each request opens an in-memory DuckDB, attaches
the store file read-only (the shared lock), answers, and closes it again within milliseconds;
between requests a writer (``riftwatch run``, ``follow``) can take the file.  While a writer holds
it, opening fails at once; the reader retries for ``lock_wait`` seconds and then raises StoreBusy
(the API answers 503 with Retry-After, the dashboard keeps what it shows and says so).  A writer
that opens the file in the few milliseconds a request holds it fails the same way, so writers
should retry briefly too (``Store.release_memory`` does).

The attached store is ``rw``; the in-memory database gets views named like the store's tables,
``events`` narrowed by a ``Filter``, so code written for the store (``relations.dyads``,
``store.export.flat_query``) runs over the filtered events without a change.

``version`` says whether the store changed without opening it: the sizes and modification times
of the file and its write-ahead log, which every commit changes.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Final, TypeVar

import duckdb

from riftwatch.errors import StoreBusy, StoreError
from riftwatch.serve.filters import Filter, lit
from riftwatch.store import schema
from riftwatch.store.connect import reason
from riftwatch.store.duck import Store

log = logging.getLogger(__name__)

PASSED_THROUGH: Final = tuple(t for t in schema.TABLES if t != "events")
"""Store tables the views show unfiltered."""

LOCKED: Final = "locked by another process"

T = TypeVar("T")


class StoreReader:
    """Opens ``path`` read-only for one request at a time; never holds it between requests.

    >>> StoreReader("missing.duckdb")
    Traceback (most recent call last):
    ...
    riftwatch.errors.StoreError: missing.duckdb: no store file there (create one with `riftwatch run` or `riftwatch import`)
    """

    def __init__(self, path: str | Path, lock_wait: float = 2.0) -> None:
        self.path = Path(path).expanduser()
        self.lock_wait = lock_wait
        if not self.path.is_file():
            raise StoreError(
                f"{self.path}: no store file there (create one with `riftwatch run` or `riftwatch import`)"
            )

    def check(self) -> None:
        """Open the store once through ``Store`` (schema version, damage): a clear StoreError now
        rather than on every request. StoreBusy when a writer holds it."""
        try:
            self._retrying(lambda: Store(self.path, read_only=True).close())
        except StoreBusy:
            raise
        except StoreError as exc:
            if LOCKED in str(exc):
                raise StoreBusy(str(exc)) from exc
            raise

    def version(self) -> str:
        """A token that changes whenever a writer commits (file and WAL size and mtime)."""
        parts = []
        for p in (self.path, self.path.with_name(self.path.name + ".wal")):
            try:
                st = os.stat(p)
                parts.append(f"{st.st_size}.{st.st_mtime_ns}")
            except FileNotFoundError:
                parts.append("-")
        return "-".join(parts)

    def _retrying(self, attempt: Callable[[], T]) -> T:
        deadline = time.monotonic() + self.lock_wait
        pause = 0.02
        while True:
            try:
                return attempt()
            except (duckdb.Error, StoreError) as exc:
                why = reason(exc) if isinstance(exc, duckdb.Error) else str(exc)
                if LOCKED not in why:
                    if isinstance(exc, StoreError):
                        raise
                    raise StoreError(f"{self.path}: cannot read the store: {why}") from exc
                if time.monotonic() + pause > deadline:
                    raise StoreBusy(
                        f"{self.path}: {why.split(':')[0]}; retried for {self.lock_wait:.1f} s"
                    ) from exc
                time.sleep(pause)
                pause = min(pause * 2, 0.25)

    @contextmanager
    def open(self, flt: Filter | None = None) -> Iterator[duckdb.DuckDBPyConnection]:
        """A connection whose ``events`` view holds only ``flt``'s events; closed on exit."""
        con = duckdb.connect(":memory:")
        try:
            self._retrying(lambda: con.execute(f"ATTACH {lit(str(self.path))} AS rw (READ_ONLY)"))
            for table in PASSED_THROUGH:
                con.execute(f"CREATE VIEW {table} AS SELECT * FROM rw.{table}")
            view = (flt or Filter()).view_sql()
            con.execute(f"CREATE VIEW events AS {view}")
            yield con
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: query failed: {reason(exc)}") from exc
        finally:
            con.close()

    @contextmanager
    def store(self) -> Iterator[Store]:
        """The store itself, read-only, for the ``Store`` methods (articles, stats)."""
        st = self._retrying(lambda: Store(self.path, read_only=True))
        try:
            yield st
        finally:
            st.close()
