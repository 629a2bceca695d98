"""The store's table layout, its version, and the checks made when a file is opened.

The schema is versioned by a one-row ``meta`` table.  A file written by a newer version, or by an
older one this code cannot upgrade, is refused with a clear message rather than read with the
wrong column meanings.  An older version listed in ``MIGRATIONS`` is upgraded in place, in one
transaction, when the store is opened for writing (every row kept, the upgrade logged); opened
read-only, it is refused with how to upgrade it (a read-only file cannot take new columns).

JSON-valued columns (``attribution``, ``quantities``, ``source_json``, ``target_json``, ``roles_how``) are VARCHAR
holding JSON text: DuckDB's JSON type needs its ``json`` extension, and a file that only opens where
that extension loads would be a trap for users on minimal builds.  ``json_extract`` still works on
the text wherever the extension is present.
"""

from __future__ import annotations

import logging
from typing import Final

import duckdb

from riftwatch.errors import StoreError

log = logging.getLogger(__name__)

SCHEMA_VERSION: Final = 5
"""Bump when a table or column changes meaning, with a MIGRATIONS entry when old files can be upgraded.

2: ``article_aliases`` (every input id of a stored text).
3: ``events.roles_how`` (how each role was found); reducing relations (CAMEO 16) stored as
material conflict (QuadClass 4, the standard CAMEO mapping) where earlier versions stored 3.
4: ``events.place_how`` (clause | sentence | article | none: how the event's place was chosen),
``events.place_geonames_name`` and ``places.geonames_name`` (GeoNames' spelling where the name
shown is the English one). Older rows read ``place_how`` NULL: not recorded.
5 (``riftwatch follow``): ``feed_state`` (a feed's ETag / Last-Modified and last poll, so a
restarted follower asks only for what changed), ``fetched_pages`` (every page URL fetched, with the
article it gave or why it gave none, so no page is fetched twice) and ``reported_alerts`` (rift
alerts already reported, and whether the webhook took them)."""

# Column order matters: the Arrow batches built in ``rows.py`` use exactly these names and order.
ARTICLE_COLUMNS: Final = (
    "article_id",
    "title",
    "text",
    "url",
    "source",
    "published",
    "language",
    "origin",
    "ingested_at",
    "n_events",
)

EVENT_COLUMNS: Final = (
    "event_id",
    "article_id",
    "origin",
    "sentence_index",
    "sentence",
    "sentence_start",
    "trigger_text",
    "trigger_start",
    "trigger_end",
    "event_type",
    "mode",
    "factuality",
    "cameo_root",
    "quad_class",
    "goldstein",
    "place_text",
    "place_start",
    "place_end",
    "place_name",
    "geonameid",
    "lat",
    "lon",
    "place_admin1",
    "place_country",
    "place_precision",
    "place_score",
    "date",
    "date_end",
    "date_precision",
    "date_text",
    "date_text_start",
    "date_text_end",
    "attribution",
    "quantities",
    "confidence",
    "source_json",
    "target_json",
    "roles_how",
    "place_how",
    "place_geonames_name",
)

ACTOR_COLUMNS: Final = (
    "event_id",
    "role",
    "idx",
    "text",
    "start",
    "end",
    "name",
    "country",
    "sector",
    "person",
    "org",
    "entry_id",
)

PLACE_COLUMNS: Final = (
    "article_id",
    "start",
    "end",
    "text",
    "name",
    "geonameid",
    "lat",
    "lon",
    "admin1",
    "country",
    "precision",
    "score",
    "geonames_name",
)

# An input record whose text was already stored under another id (see ingest.readers): its id is
# kept here, so that the article can be found by any id it came in with.
ALIAS_COLUMNS: Final = ("alias_id", "article_id", "origin")

TABLES: Final = (
    "meta", "articles", "events", "event_actors", "places", "article_aliases",
    "feed_state", "fetched_pages", "reported_alerts",
)  # fmt: skip

_ALIASES_DDL: Final = """
    CREATE TABLE article_aliases (
        alias_id VARCHAR PRIMARY KEY,
        article_id VARCHAR NOT NULL,
        origin VARCHAR
    )"""

# The live follower's memory (``riftwatch follow``, ``store.feedstate``): what it asked each feed
# last, which pages it already fetched, which alerts it already reported.
_FOLLOW_DDL: Final = (
    """
    CREATE TABLE feed_state (
        feed_url VARCHAR PRIMARY KEY,
        etag VARCHAR,
        last_modified VARCHAR,
        checked_at TIMESTAMP,
        ok_at TIMESTAMP,
        entries INTEGER,
        error VARCHAR
    )""",
    """
    CREATE TABLE fetched_pages (
        url VARCHAR PRIMARY KEY,
        feed_url VARCHAR,
        article_id VARCHAR,
        fetched_at TIMESTAMP,
        outcome VARCHAR NOT NULL
    )""",
    """
    CREATE TABLE reported_alerts (
        alert_key VARCHAR PRIMARY KEY,
        reported_at TIMESTAMP,
        webhook_ok BOOLEAN
    )""",
)

MIGRATIONS: Final[dict[int, tuple[str, ...]]] = {
    # version -> the statements that bring a store of that version to the next one
    1: (_ALIASES_DDL,),
    2: (  # DuckDB alters no table an index depends on: the index is rebuilt around the new column
        "DROP INDEX events_article_idx",
        "ALTER TABLE events ADD COLUMN roles_how VARCHAR",
        "CREATE INDEX events_article_idx ON events (article_id)",
        "UPDATE events SET quad_class = 4 WHERE cameo_root = '16'",
    ),
    3: (
        "DROP INDEX events_article_idx",
        "ALTER TABLE events ADD COLUMN place_how VARCHAR",
        "ALTER TABLE events ADD COLUMN place_geonames_name VARCHAR",
        "CREATE INDEX events_article_idx ON events (article_id)",
        "DROP INDEX places_article_idx",
        "ALTER TABLE places ADD COLUMN geonames_name VARCHAR",
        "CREATE INDEX places_article_idx ON places (article_id)",
    ),
    4: _FOLLOW_DDL,  # riftwatch follow (issue 14)
}

_DDL: Final = (
    """
    CREATE TABLE meta (
        key VARCHAR PRIMARY KEY,
        value VARCHAR NOT NULL
    )""",
    """
    CREATE TABLE articles (
        article_id VARCHAR PRIMARY KEY,
        title VARCHAR,
        text VARCHAR,
        url VARCHAR,
        source VARCHAR,
        published DATE,
        language VARCHAR,
        origin VARCHAR,
        ingested_at TIMESTAMP,
        n_events INTEGER NOT NULL
    )""",
    # No foreign keys: imported events (GDELT, ICEWS, PLOVER) have no article row, and DuckDB's
    # foreign keys would slow the bulk loads that matter most here.
    """
    CREATE TABLE events (
        event_id VARCHAR PRIMARY KEY,
        article_id VARCHAR NOT NULL,
        origin VARCHAR NOT NULL,
        sentence_index INTEGER,
        sentence VARCHAR,
        sentence_start INTEGER,
        trigger_text VARCHAR,
        trigger_start INTEGER,
        trigger_end INTEGER,
        event_type VARCHAR NOT NULL,
        mode VARCHAR,
        factuality VARCHAR NOT NULL,
        cameo_root VARCHAR,
        quad_class INTEGER,
        goldstein DOUBLE,
        place_text VARCHAR,
        place_start INTEGER,
        place_end INTEGER,
        place_name VARCHAR,
        geonameid BIGINT,
        lat DOUBLE,
        lon DOUBLE,
        place_admin1 VARCHAR,
        place_country VARCHAR,
        place_precision VARCHAR,
        place_score DOUBLE,
        date DATE,
        date_end DATE,
        date_precision VARCHAR,
        date_text VARCHAR,
        date_text_start INTEGER,
        date_text_end INTEGER,
        attribution VARCHAR,
        quantities VARCHAR,
        confidence DOUBLE,
        source_json VARCHAR,
        target_json VARCHAR,
        roles_how VARCHAR,
        place_how VARCHAR,
        place_geonames_name VARCHAR
    )""",
    """
    CREATE TABLE event_actors (
        event_id VARCHAR NOT NULL,
        role VARCHAR NOT NULL,
        idx INTEGER NOT NULL,
        text VARCHAR,
        "start" INTEGER,
        "end" INTEGER,
        name VARCHAR,
        country VARCHAR,
        sector VARCHAR,
        person VARCHAR,
        org VARCHAR,
        entry_id VARCHAR
    )""",
    """
    CREATE TABLE places (
        article_id VARCHAR NOT NULL,
        "start" INTEGER,
        "end" INTEGER,
        text VARCHAR,
        name VARCHAR,
        geonameid BIGINT,
        lat DOUBLE,
        lon DOUBLE,
        admin1 VARCHAR,
        country VARCHAR,
        precision VARCHAR,
        score DOUBLE,
        geonames_name VARCHAR
    )""",
    # Only article lookups get secondary indexes.  Measured on 500k events (DuckDB 2.0): the planner
    # answered event_type, date and event_actors.country filters with zone-map scans whether or not
    # an ART index existed (2-30 ms either way), while each such index made bulk imports ~25-50%
    # slower.  Low-cardinality and range filters are what DuckDB's column scans are built for.
    "CREATE INDEX events_article_idx ON events (article_id)",
    "CREATE INDEX places_article_idx ON places (article_id)",
    _ALIASES_DDL,
    *_FOLLOW_DDL,
)


def _in_one_transaction(con: duckdb.DuckDBPyConnection, statements: list[tuple[str, list[str]]]) -> None:
    """Run (sql, parameters) pairs as one transaction: all of them or none."""
    con.execute("BEGIN TRANSACTION")
    try:
        for sql, params in statements:
            con.execute(sql, params)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise


def create(con: duckdb.DuckDBPyConnection) -> None:
    """Create every table and index of an empty database, in one transaction."""
    _in_one_transaction(con, [(stmt, []) for stmt in _DDL]
                        + [("INSERT INTO meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)])])
    log.debug("created store schema version %d", SCHEMA_VERSION)


def existing_tables(con: duckdb.DuckDBPyConnection) -> set[str]:
    """Names of the tables in the database's main schema."""
    rows = con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'"
    ).fetchall()
    return {str(r[0]) for r in rows}


def check(con: duckdb.DuckDBPyConnection, where: str, *, may_create: bool) -> None:
    """Make sure the database holds a riftwatch store of this version, creating it when empty.

    Raises StoreError naming ``where`` when the file holds something else, or another version.
    """
    tables = existing_tables(con)
    if not tables:
        if not may_create:
            raise StoreError(f"{where}: the database is empty (not a riftwatch store yet)")
        create(con)
        return
    if "meta" not in tables:
        raise StoreError(
            f"{where}: not a riftwatch store (a DuckDB database without a 'meta' table; "
            f"it holds {', '.join(sorted(tables))})"
        )
    row = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    if row is None:
        raise StoreError(f"{where}: not a riftwatch store (no schema_version in its 'meta' table)")
    try:
        version = int(row[0])
    except ValueError:
        raise StoreError(f"{where}: unreadable schema_version {row[0]!r}") from None
    if version > SCHEMA_VERSION or (version < SCHEMA_VERSION and version not in MIGRATIONS):
        newer = "newer" if version > SCHEMA_VERSION else "older"
        raise StoreError(
            f"{where}: store schema version {version} is {newer} than the version this riftwatch "
            f"reads ({SCHEMA_VERSION}); export it with the riftwatch that wrote it, or start a new store"
        )
    if version < SCHEMA_VERSION:
        if not may_create:  # an upgrade adds columns, which a file opened read-only cannot take
            raise StoreError(
                f"{where}: store schema version {version} is older than {SCHEMA_VERSION}; open it once for "
                f"writing (any riftwatch run or import into it) to upgrade it, every row kept"
            )
        migrate(con, where, version)
        tables = existing_tables(con)
    missing = set(TABLES) - tables
    if missing:
        raise StoreError(f"{where}: damaged riftwatch store, missing tables {', '.join(sorted(missing))}")


def migrate(con: duckdb.DuckDBPyConnection, where: str, version: int) -> None:
    """Upgrade a store of ``version`` to SCHEMA_VERSION in one transaction; rows are kept as they are."""
    steps: list[tuple[str, list[str]]] = [(stmt, []) for v in range(version, SCHEMA_VERSION) for stmt in MIGRATIONS[v]]
    steps.append(("UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(SCHEMA_VERSION)]))
    _in_one_transaction(con, steps)
    log.info("%s: store schema upgraded from version %d to %d", where, version, SCHEMA_VERSION)
