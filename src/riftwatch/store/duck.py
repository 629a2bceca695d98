"""The DuckDB-backed store: idempotent, transactional writes of coded articles and imported events.

Every write is all-or-nothing per article (``write``) or per batch (``write_many``,
``write_events``): DuckDB's write-ahead log keeps committed transactions and drops the one a killed
process left open, so rerunning the same input after a crash completes the work without
duplicates.  Callers see ``StoreError`` for every failure, never a raw duckdb error.

A ``Store`` wraps one DuckDB connection, which is not safe to share between threads: give each
thread its own ``Store`` (the same file opened twice in one process shares one database).
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from itertools import islice
from pathlib import Path
from types import TracebackType
from typing import IO, Any, Literal, Self

import duckdb
import pyarrow as pa

from riftwatch.errors import StoreError
from riftwatch.records import CodedArticle, Event
from riftwatch.store import rows, schema
from riftwatch.store.connect import MEMORY, open_connection, reason
from riftwatch.store.query import EVENT_ORDER, ORDERS, EventFilter

log = logging.getLogger(__name__)

OUR_ORIGIN = "riftwatch"
"""``events.origin`` of events our coder found; imports name their dataset (plover, gdelt, icews)."""

REOPEN_WAIT_S = 10.0
"""How long ``release_memory`` waits for a store file another process locked while it reopened."""


def _unregister(con: duckdb.DuckDBPyConnection, name: str) -> None:
    """Drop a registered view, never raising: after a failed statement DuckDB refuses every call
    ("Current transaction is aborted") and that would hide the real error (a corrupt block)."""
    try:
        con.unregister(name)
    except duckdb.Error:
        log.debug("unregister %s failed after an earlier error", name)


class Store:
    """A riftwatch event store in one DuckDB file (or ``":memory:"``).

    >>> with Store(":memory:") as store:
    ...     store.stats()["articles"]
    0
    """

    def __init__(self, path: str | Path, read_only: bool = False) -> None:
        self.read_only = read_only
        self._con, self.path = self._connect(path, read_only)

    @staticmethod
    def _connect(path: str | Path, read_only: bool) -> tuple[duckdb.DuckDBPyConnection, str]:
        """Open, check (or create) the schema and configure; the connection and its path."""
        con, where = open_connection(path, read_only)
        try:
            schema.check(con, where, may_create=not read_only)
            if not read_only:
                # Never merge row groups at a checkpoint.  Committing small batches gives each
                # checkpoint a few small row groups at a table's end, and DuckDB's vacuum then merges
                # them *with the full row groups before them* (up to three row groups rewritten at
                # once), so every few checkpoints a writer held ~3 uncompressed row groups of its
                # widest table: peak RSS of 20,000 synthetic 20-event articles 460 MiB with vacuum,
                # 234 MiB without (benchmarks/bench_store_rss.py, DuckDB 2.0.1).  We never delete
                # rows, so vacuum reclaims nothing here; the cost is more, smaller row groups
                # (measured on 1.2M events: file +23%, queries within 5%).
                con.execute("SET max_vacuum_tasks = 0")
        except duckdb.Error as exc:
            con.close()
            raise StoreError(f"{where}: cannot read the store: {reason(exc)}") from exc
        except BaseException:
            con.close()
            raise
        return con, where

    # Lifecycle ---------------------------------------------------------------------------------

    def close(self) -> None:
        """Close the connection; committed data is already durable."""
        self._con.close()

    def release_memory(self) -> bool:
        """Checkpoint, close and reopen the connection, dropping DuckDB's cached blocks and indexes.

        Returns True when it reopened; False, doing nothing, for in-memory stores (closing would
        lose them), read-only ones, and when the checkpoint fails (another connection of this
        process has a write open, say): releasing is an optimisation, never worth failing a run.
        Call it between writes only, never while iterating ``iter_events``: the connection changes.

        Why: DuckDB's buffer pool keeps every block a long writer wrote until its memory limit,
        so a writer's RSS grew with the corpus (benchmarks/bench_store_rss.py, DuckDB 2.0.1, peak
        RSS of synthetic 20-event articles: 234 MiB at 20,000 and 368 at 60,000; 202 and 253 when
        released every 2,000).  Closing the database frees that memory; a ``memory_limit`` low
        enough to force eviction can instead make an automatic checkpoint fail fatally and
        invalidate the database, so it is not used.

        The file lock is released for a moment: a process that takes it meanwhile (a reader) is
        waited for, up to ``REOPEN_WAIT_S`` seconds, before StoreError.
        """
        if self.path == MEMORY or self.read_only:
            return False
        try:
            self._con.execute("CHECKPOINT")
        except duckdb.Error as exc:
            log.warning("%s: memory not released: checkpoint failed: %s", self.path, reason(exc))
            return False
        self._con.close()
        deadline = time.monotonic() + REOPEN_WAIT_S
        while True:
            try:
                self._con, _ = self._connect(self.path, self.read_only)
                break
            except StoreError as exc:
                if "locked by another process" not in str(exc) or time.monotonic() > deadline:
                    # Keep a closed connection: every later call then fails with a duckdb error
                    # turned into StoreError, rather than writing through a stale handle.
                    raise
                time.sleep(0.05)
        log.debug("%s: connection reopened to release cached memory", self.path)
        return True

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({self.path!r}, read_only={self.read_only})"

    @contextmanager
    def _transaction(self, what: str) -> Iterator[duckdb.DuckDBPyConnection]:
        """BEGIN ... COMMIT, with ROLLBACK and a StoreError naming ``what`` on any failure."""
        if self.read_only:
            raise StoreError(f"{self.path}: cannot {what}: the store is open read-only")
        con = self._con
        try:
            con.execute("BEGIN TRANSACTION")
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: cannot {what}: {reason(exc)}") from exc
        try:
            yield con
            con.execute("COMMIT")
        except BaseException as exc:
            try:
                con.execute("ROLLBACK")
            except duckdb.Error as rollback:
                # The write's own error is raised below and says what went wrong (disk full,
                # corrupt block); the rollback's failure is a consequence, not news: no traceback.
                log.debug("%s: rollback after a failed write failed too: %s", self.path, rollback)
            if isinstance(exc, duckdb.Error):
                raise StoreError(f"{self.path}: cannot {what}: {reason(exc)}") from exc
            raise

    def _query(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        try:
            return self._con.execute(sql, list(params)).fetchall()
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: query failed: {reason(exc)}") from exc

    # Articles ----------------------------------------------------------------------------------

    def is_empty(self) -> bool:
        """True when no article is stored."""
        return not self._query("SELECT 1 FROM articles LIMIT 1")

    def has_article(self, article_id: str) -> bool:
        """True when the article is stored (then ``write`` of it does nothing)."""
        return bool(self._query("SELECT 1 FROM articles WHERE article_id = ?", [article_id]))

    def resolve_id(self, any_id: str) -> str | None:
        """The stored article's id for ``any_id``: an article id, or an alias kept for one; else None.

        >>> with Store(":memory:") as store:
        ...     store.write_aliases([("8011115-copy", "8011115", "feed.jsonl:2")])
        ...     store.resolve_id("8011115-copy"), store.resolve_id("nothing")
        1
        ('8011115', None)
        """
        if self.has_article(any_id):
            return any_id
        found = self._query("SELECT article_id FROM article_aliases WHERE alias_id = ?", [any_id])
        return str(found[0][0]) if found else None

    def aliases(self, article_id: str) -> list[str]:
        """The other ids the article came in with (records of the same text), sorted."""
        found = self._query(
            "SELECT alias_id FROM article_aliases WHERE article_id = ? ORDER BY alias_id", [article_id]
        )
        return [str(r[0]) for r in found]

    def write_aliases(self, aliases: Iterable[tuple[str, str, str]]) -> int:
        """Keep ``(alias_id, article_id, origin)`` rows, in one transaction; returns how many were new.

        An alias already kept, or one that is itself a stored article's id, is skipped: an id
        names one article, and the first meaning it was given stays.
        """
        batch = [(str(a), str(b), str(o)) for a, b, o in aliases if a != b]
        if not batch:
            return 0
        data = pa.table(
            {c: pa.array([r[i] for r in batch], type=pa.string()) for i, c in enumerate(schema.ALIAS_COLUMNS)}
        )
        with self._transaction(f"keep {len(batch)} article id alias(es)") as con:
            con.register("_rw_aliases", data)
            try:
                found = con.execute(
                    "INSERT INTO article_aliases SELECT DISTINCT ON (alias_id) b.alias_id, b.article_id, b.origin "
                    "FROM _rw_aliases b "
                    "WHERE b.alias_id NOT IN (SELECT alias_id FROM article_aliases) "
                    "AND b.alias_id NOT IN (SELECT article_id FROM articles)"
                ).fetchone()
            finally:
                con.unregister("_rw_aliases")
        return int(found[0]) if found else 0

    def article_ids(self) -> set[str]:
        """Ids of every stored article."""
        return {str(r[0]) for r in self._query("SELECT article_id FROM articles")}

    def write(self, coded: CodedArticle) -> bool:
        """Store an article with its events, actors and places in one transaction.

        Returns False, writing nothing, when the article id is already stored.
        """
        return self.write_many([coded], batch=1) == 1

    def write_many(self, coded: Iterable[CodedArticle], batch: int = 50) -> int:
        """Store many articles, committing once per ``batch``; returns how many were new.

        Articles already stored (or repeated in the input) are skipped, so a rerun after a crash
        writes exactly what the crashed run had not committed.
        """
        if batch < 1:
            raise StoreError(f"{self.path}: write batch size must be at least 1, not {batch}")
        written = 0
        it = iter(coded)
        # Small transactional inserts gain nothing from DuckDB's worker threads, and those threads
        # spin on the CPU the parser needs while the next batch is coded (measured: 10% of a run's
        # time on 2 cores). Readers keep every thread: the setting is restored afterwards.
        try:
            self._con.execute("SET threads = 1")
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: cannot write: {reason(exc)}") from exc
        try:
            while chunk := list(islice(it, batch)):
                written += self._write_batch(chunk)
        finally:
            try:
                self._con.execute("RESET threads")
            except duckdb.Error:  # the database failed: the error that made it fail is raised
                log.debug("%s: RESET threads failed after an earlier error", self.path)
        return written

    def _write_batch(self, chunk: Sequence[CodedArticle]) -> int:
        ids = [c.article.id for c in chunk]
        what = f"write article {ids[0]}" if len(ids) == 1 else f"write articles {ids[0]}..{ids[-1]}"
        with self._transaction(what) as con:
            present = {
                str(r[0])
                for r in con.execute(
                    "SELECT article_id FROM articles WHERE article_id IN (SELECT unnest(?))", [ids]
                ).fetchall()
            }
            now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
            arts: list[tuple[Any, ...]] = []
            evs: list[tuple[Any, ...]] = []
            acts: list[tuple[Any, ...]] = []
            places: list[tuple[Any, ...]] = []
            for c in chunk:
                aid = c.article.id
                if aid in present:
                    log.debug("%s: article %s already stored, skipped", self.path, aid)
                    continue
                present.add(aid)
                events = rows.unique_events(c.events)
                if len(events) != len(c.events):
                    log.warning("article %s: %d repeated event ids dropped", aid, len(c.events) - len(events))
                arts.append(rows.article_values(c, len(events), now))
                for e in events:
                    if e.article_id != aid:
                        raise StoreError(
                            f"{self.path}: event {e.event_id} says article {e.article_id!r} "
                            f"but is written with article {aid!r}"
                        )
                    evs.append(rows.event_values(e, OUR_ORIGIN))
                    acts.extend(rows.actor_values(e))
                places.extend(rows.place_values(aid, p) for p in c.places)
            self._insert(con, "articles", rows.to_table(arts, rows.ARTICLE_SCHEMA))
            self._insert(con, "events", rows.to_table(evs, rows.EVENT_SCHEMA))
            self._insert(con, "event_actors", rows.to_table(acts, rows.ACTOR_SCHEMA))
            self._insert(con, "places", rows.to_table(places, rows.PLACE_SCHEMA))
        return len(arts)

    @staticmethod
    def _insert(con: duckdb.DuckDBPyConnection, table: str, data: pa.Table) -> None:
        """INSERT every row of an Arrow table whose columns are named like the table's."""
        if data.num_rows == 0:
            return
        cols = ", ".join(f'"{c}"' for c in data.column_names)
        con.register("_rw_batch", data)
        try:
            con.execute(f"INSERT INTO {table} ({cols}) SELECT {cols} FROM _rw_batch")
        finally:
            _unregister(con, "_rw_batch")

    @staticmethod
    def _drop_known(
        con: duckdb.DuckDBPyConnection, events: pa.Table, actors: pa.Table
    ) -> tuple[pa.Table, pa.Table]:
        """The batch without the events (and their actors) whose ids are already stored.

        An inner join lets DuckDB hash the batch, the small side, and stream the stored ids past
        it; ``NOT IN (SELECT event_id FROM events)`` hashed the whole table once per batch instead.
        """
        con.register("_rw_ids", events.select(["event_id"]))
        try:
            found = con.execute(
                "SELECT b.event_id FROM _rw_ids b JOIN events e ON e.event_id = b.event_id"
            ).fetchall()
        finally:
            _unregister(con, "_rw_ids")
        if not found:
            return events, actors
        import pyarrow.compute as pc  # on this rare path only: 0.1-0.2 s to import

        known = pa.array([r[0] for r in found], type=pa.string())
        keep_events = pc.invert(pc.is_in(events["event_id"], value_set=known))
        keep_actors = pc.invert(pc.is_in(actors["event_id"], value_set=known))
        return events.filter(keep_events), actors.filter(keep_actors)

    def write_events(self, events: Iterable[Event], origin: str, batch: int = 100_000) -> int:
        """Bulk-load imported events (GDELT, ICEWS, PLOVER) without article text.

        Events whose id is already stored are skipped; each batch is one transaction.  Returns
        the number of events inserted.
        """
        if not origin:
            raise StoreError(f"{self.path}: write_events needs an origin (e.g. 'gdelt')")
        if batch < 1:
            raise StoreError(f"{self.path}: write batch size must be at least 1, not {batch}")
        inserted = 0
        it = iter(events)
        while chunk := list(islice(it, batch)):
            with rows.gc_paused():
                unique = rows.unique_events(chunk)
                ev_table = rows.to_table([rows.event_values(e, origin) for e in unique], rows.EVENT_SCHEMA)
                act_rows = [r for e in unique for r in rows.actor_values(e)]
                act_table = rows.to_table(act_rows, rows.ACTOR_SCHEMA)
                del act_rows
            with self._transaction(f"import {len(unique)} {origin} events") as con:
                ev_table, act_table = self._drop_known(con, ev_table, act_table)
                self._insert(con, "events", ev_table)
                self._insert(con, "event_actors", act_table)
            inserted += ev_table.num_rows
            log.info("%s: %d %s events imported so far", self.path, inserted, origin)
        return inserted

    # Reading -----------------------------------------------------------------------------------

    def events(
        self,
        *,
        actor: str | None = None,
        event_type: str | None = None,
        since: dt.date | None = None,
        until: dt.date | None = None,
        place: str | None = None,
        factuality: str | None = None,
        happened_only: bool = False,
        article_id: str | None = None,
        origin: str | None = None,
        limit: int | None = None,
        quad_class: int | None = None,
        min_confidence: float | None = None,
        text: str | None = None,
        order: str = "oldest",
    ) -> list[dict[str, Any]]:
        """Stored events matching every given filter, as ``records.event_to_dict`` dicts.

        See EventFilter for what each filter means.  Ordered by date, then text position
        (``order``: "oldest" first, "date" newest first, or "confidence" highest first).

        >>> with Store(":memory:") as store:
        ...     store.events(actor="RUS GOV", happened_only=True, limit=10)
        []
        """
        flt = EventFilter(
            actor=actor,
            event_type=event_type,
            since=since,
            until=until,
            place=place,
            factuality=factuality,
            happened_only=happened_only,
            article_id=article_id,
            origin=origin,
            limit=limit,
            quad_class=quad_class,
            min_confidence=min_confidence,
            text=text,
        )
        if order not in ORDERS:
            raise StoreError(f"{self.path}: unknown event order {order!r}; one of {', '.join(ORDERS)}")
        return list(self.iter_events(flt, order=ORDERS[order]))

    def iter_events(
        self, flt: EventFilter | None = None, chunk: int = 10_000, order: str = EVENT_ORDER
    ) -> Iterator[dict[str, Any]]:
        """Like ``events`` but streamed in chunks, for exports larger than memory."""
        sql, params = self.with_stored_id(flt or EventFilter()).select(rows.EVENT_SELECT, order=order)
        # A cursor of its own, so that another query on the store meanwhile cannot reset it.
        cur = self._con.cursor()
        try:
            cur.execute(sql, params)
            while batch := cur.fetchmany(chunk):
                yield from (rows.event_dict(r) for r in batch)
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: reading events failed: {reason(exc)}") from exc
        finally:
            cur.close()

    def with_stored_id(self, flt: EventFilter) -> EventFilter:
        """``flt`` with an aliased ``article_id`` replaced by the stored article's id."""
        if flt.article_id is None:
            return flt
        stored = self.resolve_id(flt.article_id)
        return flt if stored is None or stored == flt.article_id else replace(flt, article_id=stored)

    def article(self, any_id: str) -> dict[str, Any] | None:
        """A stored article with its events (in text order), places and aliases, or None.

        ``any_id`` is the article's id or any other id it came in with (see ``aliases``).
        """
        article_id = self.resolve_id(any_id)
        if article_id is None:
            return None
        found = self._query(
            f"SELECT {', '.join(schema.ARTICLE_COLUMNS)} FROM articles WHERE article_id = ?", [article_id]
        )
        if not found:
            return None
        art: dict[str, Any] = dict(zip(schema.ARTICLE_COLUMNS, found[0], strict=True))
        for key in ("published", "ingested_at"):
            art[key] = art[key].isoformat() if art[key] is not None else None
        events = self.events(article_id=article_id)
        events.sort(key=lambda d: (d["sentence_index"], d["trigger"]["start"], d["event_id"]))
        art["events"] = events
        art["places"] = self.places(article_id=article_id)
        art["aliases"] = self.aliases(article_id)
        return art

    def places(
        self, *, article_id: str | None = None, place: str | None = None, limit: int | None = None
    ) -> list[dict[str, Any]]:
        """Resolved place mentions (``place_to_dict`` shape plus article_id), in text order.

        ``place`` is a case-insensitive substring of the place name, or an ISO3 country code.
        """
        clauses: list[str] = []
        params: list[Any] = []
        if article_id is not None:
            clauses.append("article_id = ?")
            params.append(self.resolve_id(article_id) or article_id)
        if place is not None:
            clauses.append("(contains(lower(name), lower(?)) OR country = upper(?))")
            params.extend([place, place])
        cols = ", ".join(f'"{c}"' for c in schema.PLACE_COLUMNS)
        sql = f"SELECT {cols} FROM places"
        if clauses:
            sql += " WHERE " + " AND ".join(clauses)
        sql += ' ORDER BY article_id, "start", "end"'
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        return [dict(zip(schema.PLACE_COLUMNS, r, strict=True)) for r in self._query(sql, params)]

    def verify(self) -> dict[str, int]:
        """Read every column of every table, so that DuckDB checks every block's checksum; rows
        per table, or StoreError naming the damage. Queries read only the blocks they need, so a
        damaged block can go unnoticed until one does: ``riftwatch check`` looks at all of them.

        >>> with Store(":memory:") as store:
        ...     store.verify()["events"]
        0
        """
        counts: dict[str, int] = {}
        tables = [r[0] for r in self._query("SELECT table_name FROM duckdb_tables() WHERE database_name = current_database()")]
        for table in sorted(tables):
            # hash(COLUMNS(*)) makes DuckDB read each column in full; count(*) alone reads none
            row = self._query(f'SELECT count(*), max(hash(COLUMNS(*))) FROM "{table}"')
            counts[table] = int(row[0][0]) if row else 0
        return counts

    def stats(self) -> dict[str, Any]:
        """Row counts per table, events per origin and per type, and the span of event dates."""
        counts = {t: int(self._query(f"SELECT count(*) FROM {t}")[0][0]) for t in schema.TABLES[1:]}
        first, last = self._query("SELECT min(date), max(date) FROM events")[0]
        return {
            **counts,
            "events_by_origin": dict(
                self._query("SELECT origin, count(*) FROM events GROUP BY 1 ORDER BY 1")
            ),
            "events_by_type": dict(
                self._query("SELECT event_type, count(*) FROM events GROUP BY 1 ORDER BY 1")
            ),
            "first_date": first.isoformat() if first else None,
            "last_date": last.isoformat() if last else None,
            "schema_version": schema.SCHEMA_VERSION,
            "path": self.path,
        }

    def integrity_problems(self) -> list[str]:
        """Articles whose stored event count differs from what was written (empty when sound)."""
        found = self._query(
            """
            SELECT a.article_id, a.n_events, count(e.event_id) AS n
            FROM articles a LEFT JOIN events e ON e.article_id = a.article_id
            GROUP BY a.article_id, a.n_events
            HAVING a.n_events <> count(e.event_id)
            ORDER BY a.article_id
            """
        )
        return [
            f"article {aid}: {stored} events stored, {expected} written" for aid, expected, stored in found
        ]

    # Export ------------------------------------------------------------------------------------

    def export(
        self,
        what: Literal["events", "places", "aliases"],
        fmt: Literal["jsonl", "csv", "parquet"],
        out: Path | IO[str] | IO[bytes],
        where: EventFilter | None = None,
        raw: bool = False,
    ) -> int:
        """Write events, places or id aliases as JSONL, flat CSV or Parquet to a path or open file.

        Returns the number of records written.  See ``riftwatch.store.export`` for the formats;
        CSV cells that would start a spreadsheet formula get a leading ``'`` unless ``raw``.
        """
        from riftwatch.store import export

        return export.export(self, what, fmt, out, where, raw)

    def actor_codes(self) -> list[str]:
        """Every actor code in the store, as "COUNTRY" and "COUNTRY SECTOR" (for suggestions)."""
        found = self._query(
            "SELECT DISTINCT country, coalesce(sector, '') FROM event_actors WHERE country IS NOT NULL AND country <> ''"
        )
        codes = {str(c) for c, _ in found} | {f"{c} {s}" for c, s in found if s}
        return sorted(codes)

    def connection(self) -> duckdb.DuckDBPyConnection:
        """The underlying connection, for modules of this package (export) only."""
        return self._con
