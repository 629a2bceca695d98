"""Where relations read events from: a Store, an open DuckDB connection, or a store file.

Relations run analytical SQL (window functions, GROUP BY over millions of rows) directly on the
store's tables, because pulling a million event dicts into Python would be orders of magnitude
slower.  This module is the one place that turns "something holding events" into a cursor, so the
rest of ``relations`` never cares which it was given.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Protocol, runtime_checkable

import duckdb

from riftwatch.errors import StoreError

log = logging.getLogger(__name__)


@runtime_checkable
class HasConnection(Protocol):
    """Anything with a ``connection()`` giving a DuckDB connection (``store.duck.Store`` does)."""

    def connection(self) -> duckdb.DuckDBPyConnection: ...


EventSource = HasConnection | duckdb.DuckDBPyConnection | str | Path
"""What ``dyads``/``watch``/``write_report`` accept: a Store, a connection, or a store file path."""


def cursor(source: EventSource) -> duckdb.DuckDBPyConnection:
    """A cursor over ``source``'s tables (``events``, ``event_actors``, ``articles``).

    A path is opened read-only, so watching a store never blocks the process writing it for long
    and never changes it.  The caller closes the cursor.
    """
    if isinstance(source, duckdb.DuckDBPyConnection):
        return source.cursor()
    if isinstance(source, HasConnection):
        return source.connection().cursor()
    path = Path(source).expanduser()
    if not path.is_file():
        raise StoreError(
            f"{path}: no store file there (create one with `riftwatch run` or `riftwatch import`)"
        )
    try:
        return duckdb.connect(str(path), read_only=True)
    except duckdb.Error as exc:
        raise StoreError(f"{path}: cannot open the store read-only: {exc}") from exc


def check_tables(cur: duckdb.DuckDBPyConnection, where: str = "store") -> None:
    """Raise StoreError unless the tables relations read are all there."""
    found = {
        str(r[0])
        for r in cur.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'"
        ).fetchall()
    }
    missing = {"events", "event_actors", "articles"} - found
    if missing:
        raise StoreError(f"{where}: not a riftwatch store (missing tables {', '.join(sorted(missing))})")
