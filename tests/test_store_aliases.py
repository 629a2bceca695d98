"""Article id aliases: records of the same text stored once, found by any of their ids; and the
upgrade of a version-1 store (no alias table) that keeps every row."""

from __future__ import annotations

import io
import json
from pathlib import Path

import duckdb
import pytest

from riftwatch.errors import StoreError
from riftwatch.scale.progress import render_summary, summary_rows
from riftwatch.scale.stream import CoderSpec, run_stream
from riftwatch.store import SCHEMA_VERSION, Store
from riftwatch.store.query import EventFilter
from riftwatch.store.synthetic import synthetic_article
from test_scale_stub import make_stub

STUB = CoderSpec(factory=make_stub)
TEXT_A = "Rebels attacked an army post near Velmora on Monday, the governor said."
TEXT_B = "Militia fighters shelled the market in Quenby overnight, residents said."


def _store_with_articles(path: Path | str, n: int = 3) -> Store:
    store = Store(path)
    store.write_many([synthetic_article(i, n_events=2) for i in range(n)])
    return store


def test_aliases_resolve_to_the_stored_article() -> None:
    with _store_with_articles(":memory:") as store:
        kept = store.write_aliases(
            [
                ("copy-1", "art-000001", "feed.jsonl:4"),
                ("copy-2", "art-000001", "feed.jsonl:9"),
                ("art-000002", "art-000001", "feed.jsonl:12"),  # a stored article's own id: refused
                ("art-000001", "art-000001", "feed.jsonl:13"),  # itself: nothing to keep
            ]
        )
        assert kept == 2
        assert store.write_aliases([("copy-1", "art-000000", "other.jsonl:1")]) == 0  # first meaning stays
        assert store.resolve_id("copy-2") == "art-000001"
        assert store.resolve_id("art-000002") == "art-000002"
        assert store.resolve_id("nope") is None
        assert store.aliases("art-000001") == ["copy-1", "copy-2"]
        art = store.article("copy-1")
        assert art is not None and art["article_id"] == "art-000001" and art["aliases"] == ["copy-1", "copy-2"]
        assert [e["event_id"] for e in art["events"]] == [e["event_id"] for e in store.events(article_id="art-000001")]
        assert store.events(article_id="copy-2") == store.events(article_id="art-000001") != []
        assert store.places(article_id="copy-2") == store.places(article_id="art-000001") != []
        assert store.stats()["article_aliases"] == 2


def test_export_finds_events_by_alias_and_exports_the_alias_table() -> None:
    with _store_with_articles(":memory:") as store:
        store.write_aliases([("copy-1", "art-000001", "feed.jsonl:4"), ("copy-0", "art-000000", "feed.jsonl:5")])
        by_alias, by_id = io.StringIO(), io.StringIO()
        assert store.export("events", "jsonl", by_alias, EventFilter(article_id="copy-1")) == 2
        store.export("events", "jsonl", by_id, EventFilter(article_id="art-000001"))
        assert by_alias.getvalue() == by_id.getvalue()
        out = io.StringIO()
        assert store.export("aliases", "jsonl", out) == 2
        rows = [json.loads(line) for line in out.getvalue().splitlines()]
        assert rows == [
            {"alias_id": "copy-0", "article_id": "art-000000", "origin": "feed.jsonl:5"},
            {"alias_id": "copy-1", "article_id": "art-000001", "origin": "feed.jsonl:4"},
        ]
        csv_out = io.StringIO()
        store.export("aliases", "csv", csv_out, EventFilter(article_id="copy-1"))
        assert csv_out.getvalue().splitlines() == ["alias_id,article_id,origin", "copy-1,art-000001,feed.jsonl:4"]


def _as_version_1(path: Path) -> None:
    """Make ``path`` what riftwatch with schema version 1 wrote: no aliases, no ``events.roles_how``."""
    con = duckdb.connect(str(path))
    con.execute("DROP TABLE article_aliases")
    con.execute("DROP INDEX events_article_idx")
    con.execute("ALTER TABLE events DROP COLUMN roles_how")
    _drop_version_4_columns(con)
    _drop_version_5_tables(con)
    con.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    con.close()


def _drop_version_4_columns(con: duckdb.DuckDBPyConnection) -> None:
    """What schema version 4 added: how each event's place was chosen, GeoNames' own spellings."""
    con.execute("DROP INDEX IF EXISTS events_article_idx")
    con.execute("ALTER TABLE events DROP COLUMN place_how")
    con.execute("ALTER TABLE events DROP COLUMN place_geonames_name")
    con.execute("CREATE INDEX events_article_idx ON events (article_id)")
    con.execute("DROP INDEX places_article_idx")
    con.execute("ALTER TABLE places DROP COLUMN geonames_name")
    con.execute("CREATE INDEX places_article_idx ON places (article_id)")


def _drop_version_5_tables(con: duckdb.DuckDBPyConnection) -> None:
    """What schema version 5 added: the live follower's feed state, fetched pages, reported alerts."""
    for table in ("feed_state", "fetched_pages", "reported_alerts"):
        con.execute(f"DROP TABLE {table}")


def test_a_version_3_store_gains_place_how_and_keeps_its_rows(tmp_path: Path) -> None:
    path = tmp_path / "v3.duckdb"
    _store_with_articles(path).close()
    before = _counts(path)
    con = duckdb.connect(str(path))
    _drop_version_4_columns(con)
    _drop_version_5_tables(con)
    con.execute("UPDATE meta SET value = '3' WHERE key = 'schema_version'")
    con.close()
    with pytest.raises(StoreError, match=f"schema version 3 is older than {SCHEMA_VERSION}"):
        Store(path, read_only=True)
    with Store(path) as store:
        assert store.stats()["schema_version"] == SCHEMA_VERSION
    assert _counts(path) == before
    con = duckdb.connect(str(path), read_only=True)
    try:
        cols = {r[0] for r in con.execute("DESCRIBE events").fetchall()}
        assert {"place_how", "place_geonames_name"} <= cols
        assert "geonames_name" in {r[0] for r in con.execute("DESCRIBE places").fetchall()}
        # rows written before version 4 did not record how their place was chosen
        assert con.execute("SELECT count(*) FROM events WHERE place_how IS NOT NULL").fetchone() == (0,)
    finally:
        con.close()


def _counts(path: Path) -> dict[str, int]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return {
            t: int(con.execute(f"SELECT count(*) FROM {t}").fetchone()[0])  # type: ignore[index]
            for t in ("articles", "events", "event_actors", "places")
        }
    finally:
        con.close()


def _version(path: Path) -> str:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return str(con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0])  # type: ignore[index]
    finally:
        con.close()


def test_a_version_1_store_opened_read_only_says_how_to_upgrade_and_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    _store_with_articles(path).close()
    _as_version_1(path)
    before = _counts(path)
    with pytest.raises(StoreError, match=f"schema version 1 is older than {SCHEMA_VERSION}; open it once for writing"):
        Store(path, read_only=True)
    assert _version(path) == "1" and _counts(path) == before  # reading changed nothing


def test_a_version_1_store_is_upgraded_when_opened_for_writing(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    _store_with_articles(path).close()
    before = _counts(path)
    _as_version_1(path)
    with Store(path) as store:
        assert store.write_aliases([("copy-1", "art-000001", "feed.jsonl:4")]) == 1
        assert store.stats()["schema_version"] == SCHEMA_VERSION
    assert _version(path) == str(SCHEMA_VERSION)
    assert _counts(path) == before  # every row kept
    with Store(path, read_only=True) as store:
        art = store.article("copy-1")
        assert art is not None and art["article_id"] == "art-000001" and len(art["events"]) == 2


def test_a_run_counts_same_text_records_and_keeps_their_ids(tmp_path: Path) -> None:
    lines = [
        {"id": "wire-17", "text": TEXT_A},
        {"id": "wire-18", "text": TEXT_B},
        {"id": "feed-204", "text": TEXT_A},  # the same report from another feed
        {"id": "feed-205", "text": TEXT_A + "  "},
    ]
    (tmp_path / "in.jsonl").write_text("\n".join(json.dumps(r) for r in lines))
    store_path = tmp_path / "s.duckdb"
    stats = run_stream([str(tmp_path / "in.jsonl")], store_path, spec=STUB)
    assert (stats.articles, stats.duplicates, stats.failed) == (2, 2, 0)
    assert dict(summary_rows(stats))["same text as another record"] == "2"
    from rich.console import Console

    console = Console(file=io.StringIO(), width=200)
    console.print(render_summary(stats))
    assert "2 records had the same text as another record: stored once, ids kept as aliases" in (
        console.file.getvalue()  # type: ignore[attr-defined]
    )
    with Store(store_path, read_only=True) as store:
        assert store.stats()["articles"] == 2
        for rid in ("wire-17", "feed-204", "feed-205"):
            art = store.article(rid)
            assert art is not None and art["article_id"] == "wire-17" and art["events"]
        assert store.aliases("wire-17") == ["feed-204", "feed-205"]
    # A rerun stores nothing new and keeps the aliases once.
    again = run_stream([str(tmp_path / "in.jsonl")], store_path, spec=STUB)
    assert (again.articles, again.skipped_stored, again.duplicates) == (0, 2, 2)
    with Store(store_path, read_only=True) as store:
        assert store.stats()["article_aliases"] == 2


@pytest.mark.parametrize("workers", [2])
def test_parallel_runs_keep_aliases_too(tmp_path: Path, workers: int) -> None:
    from riftwatch.scale.local import run_parallel

    lines = [{"id": f"r{i}", "text": TEXT_A if i % 2 else TEXT_B} for i in range(6)]
    (tmp_path / "in.jsonl").write_text("\n".join(json.dumps(r) for r in lines))
    stats = run_parallel([str(tmp_path / "in.jsonl")], tmp_path / "s.duckdb", workers, spec=STUB)
    assert (stats.articles, stats.duplicates) == (2, 4)
    with Store(tmp_path / "s.duckdb", read_only=True) as store:
        assert {store.resolve_id(f"r{i}") for i in range(6)} == {"r0", "r1"}


def test_a_version_4_store_gains_the_follow_tables_and_keeps_its_rows(tmp_path: Path) -> None:
    path = tmp_path / "v4.duckdb"
    _store_with_articles(path).close()
    before = _counts(path)
    con = duckdb.connect(str(path))
    _drop_version_5_tables(con)
    con.execute("UPDATE meta SET value = '4' WHERE key = 'schema_version'")
    con.close()
    with pytest.raises(StoreError, match="schema version 4 is older than 5; open it once for writing"):
        Store(path, read_only=True)
    with Store(path) as store:
        assert store.stats()["schema_version"] == SCHEMA_VERSION == 5
        assert store.stats()["feed_state"] == store.stats()["fetched_pages"] == 0
    assert _counts(path) == before and _version(path) == "5"
