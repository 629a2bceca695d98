"""Store: round trips, filters, idempotence, transactions, bad paths (no spaCy needed)."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import duckdb
import pytest

from riftwatch.errors import InputError, StoreError
from riftwatch.records import (
    Actor,
    Article,
    Attribution,
    CodedArticle,
    Event,
    Place,
    Quantity,
    Span,
    event_to_dict,
)
from riftwatch.store import SCHEMA_VERSION, Store
from riftwatch.store.connect import reason
from riftwatch.store.synthetic import synthetic_article, synthetic_events

TEXT = (
    "Russian and Syrian jets struck rebel positions near Aleppo on Tuesday, officials said. "
    "Turkey did not condemn the strikes."
)


def _hand_article() -> CodedArticle:
    """A two-event article built by hand, covering compound actors, places, dates, attribution."""
    aid = "hand-1"
    s1 = TEXT[:86]
    russia = Actor("Russian", 0, 7, "Russia", "RUS", "MIL", entry_id="rus")
    syria = Actor("Syrian", 12, 18, "Syria", "SYR", "MIL", org="Syrian Arab Air Force")
    rebels = Actor("rebel", 31, 36, "Rebels", "SYR", "REB")
    turkey = Actor("Turkey", 87, 93, "Turkey", "TUR", "GOV")
    aleppo = Place("Aleppo", 52, 58, "Aleppo", 170063, 36.20124, 37.16117, "SYR", "Aleppo Governorate")
    strike = Event(
        event_id="ev-strike",
        article_id=aid,
        sentence_index=0,
        sentence=s1,
        sentence_start=0,
        trigger=Span("struck", 24, 30),
        event_type="ASSAULT",
        cameo_root="19",
        quad_class=4,
        goldstein=-10.0,
        mode="aerial",
        source=(russia, syria),
        target=(rebels,),
        place=aleppo,
        date=dt.date(2024, 5, 14),
        date_end=dt.date(2024, 5, 14),
        date_precision="day",
        date_text=Span("on Tuesday", 59, 69),
        attribution=Attribution("officials said", 71, 85, anonymous=True),
        quantities=(Quantity("killed", 12, None, "at least 12", 0, 0, approximate=True),),
        confidence=0.83,
    )
    condemn = Event(
        event_id="ev-condemn",
        article_id=aid,
        sentence_index=1,
        sentence=TEXT[87:],
        sentence_start=87,
        trigger=Span("condemn", 102, 109),
        event_type="ACCUSE",
        cameo_root="11",
        quad_class=3,
        goldstein=-2.0,
        factuality="negated",
        source=(turkey,),
        attribution=Attribution("Turkey", 87, 93, anonymous=False, actor=turkey),
    )
    article = Article(aid, TEXT, title="Jets strike", source="Wire", published=dt.date(2024, 5, 16))
    return CodedArticle(article=article, events=(strike, condemn), places=(aleppo,))


@pytest.fixture
def store() -> Iterator[Store]:
    with Store(":memory:") as s:
        yield s


@pytest.fixture(scope="module")
def filled() -> Iterator[tuple[Store, list[CodedArticle]]]:
    arts = [_hand_article(), *(synthetic_article(i, 7) for i in range(60))]
    with Store(":memory:") as s:
        s.write_many(arts, batch=16)
        yield s, arts


def test_round_trip_hand_built_article(store: Store) -> None:
    coded = _hand_article()
    assert store.write(coded) is True
    got = store.events()
    assert got == [event_to_dict(e) for e in coded.events]
    art = store.article("hand-1")
    assert art is not None
    assert art["text"] == TEXT and art["published"] == "2024-05-16" and art["n_events"] == 2
    assert [e["event_id"] for e in art["events"]] == ["ev-strike", "ev-condemn"]
    assert art["places"] == [{"article_id": "hand-1", "start": 52, "end": 58, "text": "Aleppo",
                              "name": "Aleppo", "geonameid": 170063, "lat": 36.20124, "lon": 37.16117,
                              "admin1": "Aleppo Governorate", "country": "SYR", "precision": "city",
                              "score": 1.0, "geonames_name": ""}]  # fmt: skip
    assert store.article("nope") is None


def test_round_trip_synthetic_articles(filled: tuple[Store, list[CodedArticle]]) -> None:
    store, arts = filled
    expected = {e.event_id: event_to_dict(e) for a in arts for e in a.events}
    got = {d["event_id"]: d for d in store.events()}
    assert got == expected
    assert store.integrity_problems() == []


def test_event_actors_one_row_per_actor(store: Store) -> None:
    store.write(_hand_article())
    con = store.connection()
    rows = con.execute(
        "SELECT event_id, role, idx, country, sector, org FROM event_actors ORDER BY event_id DESC, role, idx"
    ).fetchall()
    assert rows == [
        ("ev-strike", "source", 0, "RUS", "MIL", ""),
        ("ev-strike", "source", 1, "SYR", "MIL", "Syrian Arab Air Force"),
        ("ev-strike", "target", 0, "SYR", "REB", ""),
        ("ev-condemn", "source", 0, "TUR", "GOV", ""),
    ]


def _date(e: Event, arts: dict[str, CodedArticle]) -> dt.date | None:
    return e.date or arts[e.article_id].article.published


def _touches(e: Event, country: str, sector: str | None = None) -> bool:
    return any(
        a.country == country and (sector is None or a.sector == sector) for a in (*e.source, *e.target)
    )


FILTERS: list[tuple[dict[str, object], Callable[[Event, dict[str, CodedArticle]], bool]]] = [
    ({}, lambda e, a: True),
    ({"actor": "RUS"}, lambda e, a: _touches(e, "RUS")),
    ({"actor": "syr mil"}, lambda e, a: _touches(e, "SYR", "MIL")),
    ({"actor": "SYR REB"}, lambda e, a: _touches(e, "SYR", "REB")),
    ({"actor": "XXX"}, lambda e, a: False),
    ({"event_type": "ASSAULT"}, lambda e, a: e.event_type == "ASSAULT"),
    ({"event_type": "consult"}, lambda e, a: e.event_type == "CONSULT"),
    (
        {"since": dt.date(2024, 3, 1)},
        lambda e, a: (d := _date(e, a)) is not None and d >= dt.date(2024, 3, 1),
    ),
    (
        {"until": dt.date(2024, 2, 1)},
        lambda e, a: (d := _date(e, a)) is not None and d <= dt.date(2024, 2, 1),
    ),
    (
        {"since": dt.date(2024, 2, 1), "until": dt.date(2024, 2, 29)},
        lambda e, a: (d := _date(e, a)) is not None and dt.date(2024, 2, 1) <= d <= dt.date(2024, 2, 29),
    ),
    ({"place": "alep"}, lambda e, a: e.place is not None and "alep" in e.place.name.lower()),
    ({"place": "IRN"}, lambda e, a: e.place is not None and e.place.country == "IRN"),
    ({"place": "syr"}, lambda e, a: e.place is not None and e.place.country == "SYR"),
    ({"factuality": "negated"}, lambda e, a: e.factuality == "negated"),
    ({"factuality": "future"}, lambda e, a: e.factuality == "future"),
    ({"happened_only": True}, lambda e, a: e.happened),
    ({"article_id": "hand-1"}, lambda e, a: e.article_id == "hand-1"),
    (
        {"actor": "IRN GOV", "happened_only": True, "event_type": "AID"},
        lambda e, a: _touches(e, "IRN", "GOV") and e.happened and e.event_type == "AID",
    ),
]


@pytest.mark.parametrize(("kwargs", "want"), FILTERS, ids=[str(k) for k, _ in FILTERS])
def test_event_filters(
    filled: tuple[Store, list[CodedArticle]],
    kwargs: dict[str, object],
    want: Callable[[Event, dict[str, CodedArticle]], bool],
) -> None:
    store, arts = filled
    by_id = {a.article.id: a for a in arts}
    expected = {e.event_id for a in arts for e in a.events if want(e, by_id)}
    got = [d["event_id"] for d in store.events(**kwargs)]  # type: ignore[arg-type]
    assert len(got) == len(set(got))
    assert set(got) == expected
    if kwargs:  # a filter that matches everything or nothing would prove little
        assert 0 <= len(expected) < sum(len(a.events) for a in arts)


def test_events_ordered_by_date_and_limited(filled: tuple[Store, list[CodedArticle]]) -> None:
    store, _ = filled
    dates = [d["date"] for d in store.events() if d["date"] is not None]
    assert dates == sorted(dates)
    assert len(store.events(limit=7)) == 7
    assert store.events(limit=7) == store.events()[:7]


@pytest.mark.parametrize(
    ("kwargs", "fragment"),
    [
        ({"actor": "RUS GOV EXTRA"}, "COUNTRY SECTOR"),
        ({"actor": "  "}, "COUNTRY SECTOR"),
        ({"factuality": "maybe"}, "asserted"),
        ({"since": dt.date(2024, 5, 1), "until": dt.date(2024, 4, 1)}, "after"),
        ({"since": "2024-01-01"}, "not a date"),
        ({"limit": -1}, "negative"),
    ],
)
def test_bad_filters_raise_input_error(store: Store, kwargs: dict[str, object], fragment: str) -> None:
    with pytest.raises(InputError, match=fragment):
        store.events(**kwargs)  # type: ignore[arg-type]


def test_places_query(filled: tuple[Store, list[CodedArticle]]) -> None:
    store, arts = filled
    assert len(store.places()) == sum(len(a.places) for a in arts)
    moscow = store.places(place="moscow")
    assert moscow and all(p["name"] == "Moscow" for p in moscow)
    assert {p["article_id"] for p in store.places(article_id="art-000003")} == {"art-000003"}
    assert len(store.places(limit=3)) == 3


def test_stats_counts(filled: tuple[Store, list[CodedArticle]]) -> None:
    store, arts = filled
    st = store.stats()
    n_events = sum(len(a.events) for a in arts)
    assert st["articles"] == len(arts)
    assert st["events"] == n_events
    assert st["events_by_origin"] == {"riftwatch": n_events}
    assert st["event_actors"] == sum(len(e.source) + len(e.target) for a in arts for e in a.events)
    assert st["places"] == sum(len(a.places) for a in arts)
    assert st["schema_version"] == SCHEMA_VERSION


# Idempotence and transactions ---------------------------------------------------------------


def test_write_twice_writes_once(store: Store) -> None:
    coded = _hand_article()
    assert store.write(coded) is True
    before = store.stats()
    assert store.write(coded) is False
    assert store.stats() == before
    assert store.has_article("hand-1") and not store.has_article("hand-2")
    assert store.article_ids() == {"hand-1"}


def test_write_many_skips_stored_and_repeated(store: Store) -> None:
    arts = [synthetic_article(i) for i in range(10)]
    assert store.write_many(arts[:4]) == 4
    assert store.write_many([*arts, arts[5], arts[0]], batch=3) == 6
    assert store.article_ids() == {a.article.id for a in arts}
    assert store.stats()["events"] == sum(len(a.events) for a in arts)
    assert store.integrity_problems() == []


def test_repeated_event_ids_within_article_are_dropped(store: Store) -> None:
    coded = synthetic_article(1, 3)
    doubled = CodedArticle(coded.article, (*coded.events, coded.events[0]), places=coded.places)
    assert store.write(doubled)
    assert store.stats()["events"] == 3
    assert store.integrity_problems() == []


def test_failed_write_rolls_back_whole_article(store: Store) -> None:
    # An imported event already holds the id the coded article's second event uses: the primary key
    # rejects it, and nothing of the article may remain.
    coded = synthetic_article(2, 4)
    clash = coded.events[1]
    assert store.write_events([clash], origin="plover") == 1
    with pytest.raises(StoreError, match="art-000002"):
        store.write(coded)
    assert not store.has_article("art-000002")
    assert store.stats()["events"] == 1
    assert store.stats()["places"] == 0
    # The connection is usable afterwards.
    assert store.write(synthetic_article(3)) is True


def test_event_of_another_article_is_refused(store: Store) -> None:
    coded = synthetic_article(4, 2)
    foreign = synthetic_article(5, 1).events[0]
    with pytest.raises(StoreError, match="art-000005"):
        store.write(CodedArticle(coded.article, (*coded.events, foreign)))
    assert store.article_ids() == set()


def test_write_events_skips_known_ids(store: Store) -> None:
    events = list(synthetic_events(1000, origin="icews"))
    assert store.write_events(events[:600], origin="icews", batch=250) == 600
    assert store.write_events([*events, events[3], events[999]], origin="icews", batch=300) == 400
    st = store.stats()
    assert st["events"] == 1000 and st["events_by_origin"] == {"icews": 1000}
    assert st["event_actors"] == sum(len(e.source) + len(e.target) for e in events)
    assert store.events(origin="icews", limit=1)[0]["event_id"] in {e.event_id for e in events}


def test_read_only_store_refuses_writes(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    with Store(path) as s:
        s.write(_hand_article())
    with Store(path, read_only=True) as s:
        assert len(s.events()) == 2
        with pytest.raises(StoreError, match="read-only"):
            s.write(synthetic_article(1))


def test_file_store_persists(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    with Store(path) as s:
        s.write_many(synthetic_article(i) for i in range(5))
        expected = s.events()
    with Store(str(path)) as s:
        assert s.events() == expected


# Bad paths -----------------------------------------------------------------------------------


def _text_file(p: Path) -> Path:
    p.write_text("EventID,Date\n1,2024-01-01\n" * 50)
    return p


def _empty_file(p: Path) -> Path:
    p.touch()
    return p


def _foreign_db(p: Path) -> Path:
    con = duckdb.connect(str(p))
    con.execute("CREATE TABLE cities (name VARCHAR)")
    con.close()
    return p


def _versioned(version: str) -> Callable[[Path], Path]:
    def make(d: Path) -> Path:
        p = d / "s.duckdb"
        Store(p).close()
        con = duckdb.connect(str(p))
        con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [version])
        con.close()
        return p

    return make


BAD_PATHS: list[tuple[str, Callable[[Path], Path], bool, str]] = [
    ("missing parent", lambda d: d / "no" / "such" / "s.duckdb", False, "does not exist"),
    ("directory", lambda d: d, False, "is a directory"),
    ("csv file", lambda d: _text_file(d / "events.csv"), False, "not a DuckDB database"),
    ("csv file read-only", lambda d: _text_file(d / "events.csv"), True, "not a DuckDB database"),
    ("text file .duckdb", lambda d: _text_file(d / "s.duckdb"), False, "not a DuckDB database"),
    ("empty file", lambda d: _empty_file(d / "s.duckdb"), False, "empty file"),
    ("missing file read-only", lambda d: d / "absent.duckdb", True, "does not exist"),
    ("other database", lambda d: _foreign_db(d / "other.duckdb"), False, "not a riftwatch store"),
    ("newer schema", _versioned(str(SCHEMA_VERSION + 1)), False, "newer than"),
    ("older schema", _versioned("0"), True, "older than"),  # no migration from 0
    ("garbled schema", _versioned("one"), False, "unreadable schema_version"),
]


@pytest.mark.parametrize(
    ("make", "read_only", "fragment"),
    [b[1:] for b in BAD_PATHS],
    ids=[b[0] for b in BAD_PATHS],
)
def test_bad_paths_raise_store_error(
    tmp_path: Path, make: Callable[[Path], Path], read_only: bool, fragment: str
) -> None:
    path = make(tmp_path)
    with pytest.raises(StoreError, match=fragment) as info:
        Store(path, read_only=read_only)
    assert str(path) in str(info.value)
    assert "Traceback" not in str(info.value)


def test_memory_store_cannot_be_read_only() -> None:
    with pytest.raises(StoreError, match="in-memory"):
        Store(":memory:", read_only=True)


_HOLD = """
import sys, time
from riftwatch.store import Store
s = Store(sys.argv[1])
print("open", flush=True)
time.sleep(60)
"""


@pytest.mark.parametrize("read_only", [False, True])
def test_store_locked_by_another_process(tmp_path: Path, read_only: bool) -> None:
    path = tmp_path / "s.duckdb"
    Store(path).close()
    child = subprocess.Popen([sys.executable, "-c", _HOLD, str(path)], stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "open"
        with pytest.raises(StoreError, match="locked by another process") as info:
            Store(path, read_only=read_only)
        assert str(path) in str(info.value) and str(child.pid) in str(info.value)
    finally:
        child.kill()
        child.wait()
        if child.stdout is not None:
            child.stdout.close()
    Store(path).close()  # free again once the holder is gone


@pytest.fixture
def read_only_dir(tmp_path: Path) -> Iterator[Path]:
    """A directory holding a store (with an unreplayed WAL) where nothing can be written.

    As a normal user, permissions do it; root ignores permissions, so there a read-only bind
    mount does, when the machine allows mounting.
    """
    src = tmp_path / "data"
    src.mkdir()
    code = (
        "import os, sys\nfrom riftwatch.store import Store\nfrom riftwatch.store.synthetic import synthetic_article\n"
        "s = Store(sys.argv[1])\ns.write_many(synthetic_article(i) for i in range(30))\n"
        "os.kill(os.getpid(), 9)\n"
    )
    subprocess.run([sys.executable, "-c", code, str(src / "s.duckdb")], check=False)
    assert (src / "s.duckdb.wal").exists(), "the killed writer should leave a write-ahead log"
    if os.geteuid() != 0:
        for f in src.iterdir():
            f.chmod(0o444)
        src.chmod(0o555)
        try:
            yield src
        finally:
            src.chmod(0o755)
        return
    mnt = tmp_path / "ro"
    mnt.mkdir()
    ok = (
        subprocess.run(["mount", "--bind", str(src), str(mnt)], check=False, capture_output=True).returncode
        == 0
    )
    if ok:
        ok = (
            subprocess.run(
                ["mount", "-o", "remount,bind,ro", str(mnt)], check=False, capture_output=True
            ).returncode
            == 0
        )
        if not ok:
            subprocess.run(["umount", str(mnt)], check=False)
    if not ok:
        pytest.skip("running as root and cannot bind-mount read-only here, so nothing is unwritable")
    try:
        yield mnt
    finally:
        subprocess.run(["umount", str(mnt)], check=False)


def test_read_only_location(read_only_dir: Path) -> None:
    path = read_only_dir / "s.duckdb"
    with Store(path, read_only=True) as s:  # replays the WAL in memory, writes nothing
        assert s.stats()["articles"] == 30
        assert s.integrity_problems() == []
        assert s.events(actor="RUS", limit=5)
    with pytest.raises(StoreError, match="not writable") as info:
        Store(path)
    assert str(path) in str(info.value)
    with pytest.raises(StoreError, match="not writable"):
        Store(read_only_dir / "new.duckdb")


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        (
            (
                'IO Error: Could not set lock on file "/d/s.duckdb": Conflicting lock is held in '
                "/usr/bin/python3 (PID 4242). See also https://duckdb.org/docs/current/connect/concurrency"
            ),
            ("locked by another process (PID 4242): a run that writes to a store holds it until it ends, and "
            "readers (events, show, export) must wait for that or read a copy of the file"),
        ),
        (
            ("IO Error: Corrupt database file: computed checksum 1 does not match stored checksum 2 in block at "
            "location 4468736"),
            ("the store file is corrupted (a checksum does not match in the block at byte 4468736): restore it "
            "from a copy, or code the inputs again into a new store"),
        ),
        (
            'IO Error: The file "/d/x" exists, but it is not a valid DuckDB database file!',
            "not a DuckDB database file",
        ),
        ('IO Error: Cannot open file "/sys/s.duckdb": Permission denied', "permission denied"),
        ('IO Error: Cannot open file "/d/s.duckdb": Read-only file system', "read-only file system"),
        ("Catalog Error: Table with name events does not exist!", "Table with name events does not exist!"),
    ],
)
def test_duckdb_messages_reduced_to_reasons(message: str, expected: str) -> None:
    assert reason(duckdb.IOException(message)) == expected
