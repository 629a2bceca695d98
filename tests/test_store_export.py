"""Exports: JSONL, flat CSV and Parquet of events and places, read back with independent readers."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from riftwatch.errors import InputError, StoreError
from riftwatch.records import CodedArticle, event_to_dict
from riftwatch.store import EventFilter, Store
from riftwatch.store.export import FLAT_COLUMNS
from riftwatch.store.schema import PLACE_COLUMNS
from riftwatch.store.synthetic import synthetic_article
from test_store import _hand_article  # pytest puts tests/ on sys.path


@pytest.fixture(scope="module")
def filled() -> Iterator[tuple[Store, list[CodedArticle]]]:
    arts = [_hand_article(), *(synthetic_article(i, 5) for i in range(30))]
    with Store(":memory:") as s:
        s.write_many(arts)
        yield s, arts


def test_jsonl_events_equal_event_to_dict(filled: tuple[Store, list[CodedArticle]], tmp_path: Path) -> None:
    store, arts = filled
    out = tmp_path / "events.jsonl"
    n = store.export("events", "jsonl", out)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert n == len(lines) == sum(len(a.events) for a in arts)
    got = {d["event_id"]: d for d in map(json.loads, lines)}
    assert got == {e.event_id: event_to_dict(e) for a in arts for e in a.events}


def test_csv_events_flat_columns(filled: tuple[Store, list[CodedArticle]]) -> None:
    store, arts = filled
    buf = io.StringIO()
    n = store.export("events", "csv", buf)
    reader = csv.DictReader(io.StringIO(buf.getvalue()))
    assert tuple(reader.fieldnames or ()) == FLAT_COLUMNS
    rows = {r["EventID"]: r for r in reader}
    assert n == len(rows) == sum(len(a.events) for a in arts)
    strike = rows["ev-strike"]
    legacy = FLAT_COLUMNS[: FLAT_COLUMNS.index("Sentence") + 1]  # the columns of earlier versions, unchanged
    assert {k: strike[k] for k in legacy} == {
        "EventID": "ev-strike", "ArticleID": "hand-1", "Date": "2024-05-14",
        "SourceName": "Russia;Syria", "SourceCountry": "RUS;SYR", "SourceSector": "MIL;MIL",
        "TargetName": "Rebels", "TargetCountry": "SYR", "TargetSector": "REB",
        "EventType": "ASSAULT", "CAMEORoot": "19", "QuadClass": "4", "Goldstein": "-10.0",
        "Mode": "aerial", "Factuality": "asserted", "PlaceName": "Aleppo", "Lat": "36.20124",
        "Lon": "37.16117", "PlaceCountry": "SYR", "Admin1": "Aleppo Governorate", "Confidence": "0.83",
        "Trigger": "struck", "Sentence": _hand_article().events[0].sentence,
    }  # fmt: skip
    condemn = rows["ev-condemn"]  # no target, no place, no date
    assert (condemn["TargetName"], condemn["PlaceName"], condemn["Date"]) == ("", "", "")
    assert condemn["Factuality"] == "negated" and condemn["Negated"] == "true"
    # and every other field of the JSONL, as text
    d = event_to_dict(_hand_article().events[0])
    assert (strike["DateText"], strike["DatePrecision"], strike["DateEnd"]) == ("on Tuesday", "day", "2024-05-14")
    assert json.loads(strike["Attribution"]) == d["attribution"]
    assert json.loads(strike["Quantities"]) == d["quantities"]
    assert strike["SourceOrg"] == ";".join(a["org"] or "" for a in d["source"])
    assert (strike["TriggerStart"], strike["TriggerEnd"]) == (str(d["trigger"]["start"]), str(d["trigger"]["end"]))
    assert strike["SourceStart"] == ";".join(str(a["start"]) for a in d["source"])
    assert (strike["PlaceHow"], condemn["PlaceHow"]) == (d["place_how"], "none")


_PARQUET_OF_JSONL = {  # Parquet column -> the JSONL value it holds
    "SourceName": lambda d: [a["name"] for a in d["source"]],
    "SourceCountry": lambda d: [a["country"] for a in d["source"]],
    "SourceStart": lambda d: [a["start"] for a in d["source"]],
    "SourcePerson": lambda d: [a["person"] or "" for a in d["source"]],
    "TargetSector": lambda d: [a["sector"] for a in d["target"]],
    "TargetText": lambda d: [a["text"] for a in d["target"]],
    "DatePrecision": lambda d: d["date_precision"],
    "DateText": lambda d: (d["date_text"] or {}).get("text"),
    "Factuality": lambda d: d["factuality"],
    "Hypothetical": lambda d: d["hypothetical"],
    "TriggerEnd": lambda d: d["trigger"]["end"],
    "SentenceIndex": lambda d: d["sentence_index"],
    "PlaceHow": lambda d: d["place_how"],
    "GeonameID": lambda d: (d["place"] or {}).get("geonameid"),
    "Attribution": lambda d: d["attribution"],
    "Quantities": lambda d: d["quantities"],
    "RolesHow": lambda d: d["roles_how"],
}
_JSON_COLUMNS = {"Attribution", "Quantities", "RolesHow"}


def test_parquet_carries_every_jsonl_field_with_actors_as_lists(
    filled: tuple[Store, list[CodedArticle]], tmp_path: Path
) -> None:
    store, arts = filled
    out = tmp_path / "events.parquet"
    store.export("events", "parquet", out)
    table = pq.read_table(out)
    assert str(table.schema.field("SourceName").type) == "list<element: string>"
    assert str(table.schema.field("SourceStart").type) == "list<element: int32>"
    expected = {e.event_id: event_to_dict(e) for a in arts for e in a.events}
    for row in table.to_pylist():
        d = expected[row["EventID"]]
        for column, value in _PARQUET_OF_JSONL.items():
            got = row[column]
            if column in _JSON_COLUMNS and got is not None:
                got = json.loads(got)
            assert got == value(d), (row["EventID"], column)


def test_parquet_events_match_csv(filled: tuple[Store, list[CodedArticle]], tmp_path: Path) -> None:
    store, _ = filled
    out = tmp_path / "events.parquet"
    n = store.export("events", "parquet", out)
    table = pq.read_table(out)
    assert tuple(table.column_names) == FLAT_COLUMNS and table.num_rows == n
    assert str(table.schema.field("Date").type) == "date32[day]"
    assert str(table.schema.field("Goldstein").type) == "double"
    buf = io.StringIO()
    store.export("events", "csv", buf)
    csv_rows = list(csv.DictReader(io.StringIO(buf.getvalue())))
    def cell(v: object) -> str:
        if isinstance(v, list):
            return ";".join(map(cell, v))
        return "" if v is None else str(v).lower() if isinstance(v, bool) else str(v)

    for pq_row, csv_row in zip(table.to_pylist(), csv_rows, strict=True):
        assert {k: cell(v) for k, v in pq_row.items()} == csv_row


def test_parquet_to_binary_stream(filled: tuple[Store, list[CodedArticle]]) -> None:
    store, _ = filled
    buf = io.BytesIO()
    n = store.export("places", "parquet", buf)
    assert not buf.closed
    table = pq.read_table(io.BytesIO(buf.getvalue()))
    assert tuple(table.column_names) == PLACE_COLUMNS and table.num_rows == n


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_places_export_all_formats(
    filled: tuple[Store, list[CodedArticle]], tmp_path: Path, fmt: str
) -> None:
    store, arts = filled
    out = tmp_path / f"places.{fmt}"
    n = store.export("places", fmt, out)  # type: ignore[arg-type]
    assert n == sum(len(a.places) for a in arts)
    if fmt == "jsonl":
        rows = [json.loads(line) for line in out.read_text().splitlines()]
    elif fmt == "csv":
        with out.open(newline="") as fh:
            rows = list(csv.DictReader(fh))
    else:
        rows = pq.read_table(out).to_pylist()
    assert len(rows) == n and list(rows[0]) == list(PLACE_COLUMNS)
    aleppo = next(r for r in rows if r["article_id"] == "hand-1")
    assert str(aleppo["geonameid"]) == "170063" and float(aleppo["lat"]) == 36.20124
    assert aleppo["country"] == "SYR" and int(aleppo["start"]) == 52


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_filtered_export(filled: tuple[Store, list[CodedArticle]], tmp_path: Path, fmt: str) -> None:
    store, _ = filled
    where = EventFilter(actor="SYR", since=dt.date(2024, 1, 10), happened_only=True)
    expected = store.events(actor="SYR", since=dt.date(2024, 1, 10), happened_only=True)
    assert expected
    n = store.export("events", fmt, tmp_path / f"f.{fmt}", where)  # type: ignore[arg-type]
    assert n == len(expected)


def test_binary_stream_for_text_formats(filled: tuple[Store, list[CodedArticle]]) -> None:
    store, _ = filled
    buf = io.BytesIO()
    n = store.export("events", "jsonl", buf)
    assert not buf.closed
    assert len(buf.getvalue().decode("utf-8").splitlines()) == n


@pytest.mark.parametrize(
    ("what", "fmt", "out", "error", "fragment"),
    [
        ("actors", "csv", "x.csv", InputError, "cannot export 'actors'"),
        ("events", "xlsx", "x.xlsx", InputError, "unknown format 'xlsx'"),
        ("events", "parquet", io.StringIO(), InputError, "Parquet is binary"),
        ("events", "csv", "missing/dir/x.csv", StoreError, "cannot write the export"),
        ("events", "parquet", "missing/dir/x.parquet", StoreError, "cannot write the export"),
    ],
)
def test_bad_exports(
    filled: tuple[Store, list[CodedArticle]],
    tmp_path: Path,
    what: str,
    fmt: str,
    out: object,
    error: type[Exception],
    fragment: str,
) -> None:
    store, _ = filled
    target = tmp_path / out if isinstance(out, str) else out
    with pytest.raises(error, match=fragment):
        store.export(what, fmt, target)  # type: ignore[arg-type]


def test_places_export_refuses_event_filters(filled: tuple[Store, list[CodedArticle]]) -> None:
    store, _ = filled
    with pytest.raises(InputError, match="event_type"):
        store.export("places", "csv", io.StringIO(), EventFilter(event_type="AID"))
    buf = io.StringIO()
    assert store.export("places", "csv", buf, EventFilter(article_id="hand-1")) == 1


def test_parquet_to_text_stream_uses_its_binary_buffer(filled: tuple[Store, list[CodedArticle]]) -> None:
    # What the CLI passes for stdout: a text wrapper whose .buffer takes the bytes.
    store, _ = filled
    raw = io.BytesIO()
    text = io.TextIOWrapper(raw, encoding="utf-8")
    n = store.export("events", "parquet", text)
    assert pq.read_table(io.BytesIO(raw.getvalue())).num_rows == n > 0


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_text_stream_export_keeps_characters_split_between_copy_chunks(tmp_path: Path, fmt: str) -> None:
    import dataclasses

    art = synthetic_article(0, 1)
    long = "Ḩalab " * 40_000  # 2-byte and 3-byte characters across every 64 KiB boundary
    art = dataclasses.replace(art, events=tuple(dataclasses.replace(e, sentence=long) for e in art.events))
    with Store(":memory:") as s:
        s.write_many([art])
        buf = io.StringIO()
        assert s.export("events", fmt, buf) == 1  # type: ignore[arg-type]
    text = buf.getvalue()
    csv.field_size_limit(1_000_000)  # the sentence is longer than the csv module's default limit
    sentence = json.loads(text)["sentence"] if fmt == "jsonl" else next(csv.DictReader(io.StringIO(text)))["Sentence"]
    assert sentence == long
