"""What ``riftwatch follow`` remembers between cycles and across restarts, in the store itself.

Three tables (schema version 5): ``feed_state`` (per feed: the ETag and Last-Modified it last
answered with, when it was last asked and last answered well, its last error), ``fetched_pages``
(each page URL fetched: the article it became, or why it became none) and ``reported_alerts``
(rift alerts already reported, and whether the webhook took them). Keeping them in the store,
next to the articles they describe, makes one file the whole state: copy it and the follower
resumes where it was, kill it and nothing is fetched or reported twice.

Only this package talks to DuckDB; ``riftwatch.live`` calls these functions.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING

import duckdb

from riftwatch.errors import StoreError
from riftwatch.store.connect import reason

if TYPE_CHECKING:
    from riftwatch.store.duck import Store

STORED = "stored"
"""``fetched_pages.outcome`` of a page whose article is in the store (new, or same text as one)."""


@dataclass(frozen=True, slots=True)
class FeedState:
    """What a feed said last time: validators for a conditional request, and its health."""

    feed_url: str
    etag: str = ""
    last_modified: str = ""
    checked_at: dt.datetime | None = None
    ok_at: dt.datetime | None = None
    entries: int = 0
    error: str = ""


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


@contextmanager
def _transaction(store: Store, what: str) -> Iterator[duckdb.DuckDBPyConnection]:
    if store.read_only:
        raise StoreError(f"{store.path}: cannot {what}: the store is open read-only")
    con = store.connection()
    try:
        con.execute("BEGIN TRANSACTION")
        yield con
        con.execute("COMMIT")
    except duckdb.Error as exc:
        try:
            con.execute("ROLLBACK")
        except duckdb.Error:
            pass  # the first error says what went wrong
        raise StoreError(f"{store.path}: cannot {what}: {reason(exc)}") from exc


def _rows(store: Store, sql: str, params: list[object]) -> list[tuple[object, ...]]:
    try:
        return store.connection().execute(sql, params).fetchall()
    except duckdb.Error as exc:
        raise StoreError(f"{store.path}: query failed: {reason(exc)}") from exc


def feed_state(store: Store, feed_url: str) -> FeedState:
    """The remembered state of ``feed_url`` (an empty one for a feed never polled)."""
    found = _rows(
        store,
        "SELECT etag, last_modified, checked_at, ok_at, entries, error FROM feed_state WHERE feed_url = ?",
        [feed_url],
    )
    if not found:
        return FeedState(feed_url)
    etag, modified, checked, ok, entries, error = found[0]
    return FeedState(
        feed_url, str(etag or ""), str(modified or ""), checked, ok, int(entries or 0), str(error or "")  # type: ignore[arg-type, call-overload]
    )


def feed_states(store: Store) -> list[FeedState]:
    """Every feed polled so far, by URL."""
    urls = [str(r[0]) for r in _rows(store, "SELECT feed_url FROM feed_state ORDER BY feed_url", [])]
    return [feed_state(store, u) for u in urls]


def save_feed_ok(store: Store, feed_url: str, etag: str, last_modified: str, entries: int) -> None:
    """Record a good answer: the validators to send next time, and no error."""
    now = _now()
    with _transaction(store, f"save the state of feed {feed_url}") as con:
        con.execute(
            "INSERT OR REPLACE INTO feed_state VALUES (?, ?, ?, ?, ?, ?, NULL)",
            [feed_url, etag or None, last_modified or None, now, now, entries],
        )


def save_feed_unchanged(store: Store, feed_url: str) -> None:
    """Record a 304 Not Modified: the feed answered well and nothing changed."""
    now = _now()
    with _transaction(store, f"save the state of feed {feed_url}") as con:
        con.execute(
            "UPDATE feed_state SET checked_at = ?, ok_at = ?, error = NULL WHERE feed_url = ?",
            [now, now, feed_url],
        )


def save_feed_error(store: Store, feed_url: str, error: str) -> None:
    """Record a failed poll; the validators of the last good answer are kept."""
    now = _now()
    with _transaction(store, f"save the state of feed {feed_url}") as con:
        con.execute(
            "INSERT INTO feed_state (feed_url, checked_at, entries, error) VALUES (?, ?, 0, ?) "
            "ON CONFLICT (feed_url) DO UPDATE SET checked_at = excluded.checked_at, error = excluded.error",
            [feed_url, now, error],
        )


def fetched(store: Store, urls: Iterable[str]) -> dict[str, tuple[str, str]]:
    """``url -> (outcome, article_id)`` for those of ``urls`` fetched before."""
    wanted = list(dict.fromkeys(urls))
    if not wanted:
        return {}
    found = _rows(
        store, "SELECT url, outcome, article_id FROM fetched_pages WHERE url IN (SELECT unnest(?))", [wanted]
    )
    return {str(u): (str(o), str(a or "")) for u, o, a in found}


def mark_fetched(store: Store, pages: Iterable[tuple[str, str, str, str]]) -> int:
    """Remember ``(url, feed_url, article_id, outcome)`` rows in one transaction; returns how many."""
    batch = list(pages)
    if not batch:
        return 0
    now = _now()
    with _transaction(store, f"remember {len(batch)} fetched page(s)") as con:
        con.executemany(
            "INSERT OR REPLACE INTO fetched_pages VALUES (?, ?, ?, ?, ?)",
            [[url, feed or None, aid or None, now, outcome] for url, feed, aid, outcome in batch],
        )
    return len(batch)


def reported(store: Store, keys: Iterable[str]) -> dict[str, bool]:
    """``alert key -> webhook took it`` for those of ``keys`` already reported."""
    wanted = list(dict.fromkeys(keys))
    if not wanted:
        return {}
    found = _rows(
        store,
        "SELECT alert_key, webhook_ok FROM reported_alerts WHERE alert_key IN (SELECT unnest(?))",
        [wanted],
    )
    return {str(k): bool(ok) for k, ok in found}


def mark_reported(store: Store, keys: Iterable[tuple[str, bool]]) -> None:
    """Remember alerts as reported, each with whether the webhook took it (True without a webhook)."""
    batch = list(keys)
    if not batch:
        return
    now = _now()
    with _transaction(store, f"remember {len(batch)} reported alert(s)") as con:
        con.executemany(
            "INSERT OR REPLACE INTO reported_alerts VALUES (?, ?, ?)", [[k, now, ok] for k, ok in batch]
        )
