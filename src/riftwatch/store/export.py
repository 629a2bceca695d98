"""Exports of stored events and places in formats users already read.

- ``jsonl``: one ``records.event_to_dict`` dict per line (PLOVER-style, the primary format).
- ``csv``: flat GDELT/ICEWS-like columns (FLAT_COLUMNS); compound actors are joined with ";" in
  the same order in SourceName, SourceCountry and SourceSector, so position i names one actor.
- ``parquet``: the same flat columns as the CSV, typed (Date a date, Goldstein a double), so a
  CSV user and a Parquet user read the same table.

Places export PLACE_COLUMNS (article_id, start, end, text, name, geonameid, lat, lon, admin1,
country, precision, score) in every format; aliases export ALIAS_COLUMNS (alias_id, article_id,
origin): the other input ids of stored articles, whose records had the same text, for joining
events back to every input record.

Rows stream from DuckDB in chunks, so exports larger than memory work.

CSV cells holding text that a spreadsheet would run as a formula — starting with ``=``, ``+``,
``-``, ``@``, a tab or a carriage return (or their full-width forms), as an imported actor name
``=HYPERLINK(...)`` or a sentence ``-cmd|...`` may — are written with a leading ``'`` (OWASP's
advice for CSV injection); numbers such as ``-2.5`` are left alone. ``raw=True`` writes every
cell as stored. JSONL and Parquet are data formats, never evaluated, and are always raw.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import fields
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, BinaryIO, Final, Literal, cast

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from riftwatch.errors import InputError, StoreError
from riftwatch.store.query import EVENT_ORDER, EventFilter
from riftwatch.store.schema import ALIAS_COLUMNS, PLACE_COLUMNS

if TYPE_CHECKING:
    from riftwatch.store.duck import Store

FORMATS: Final = ("jsonl", "csv", "parquet")
WHATS: Final = ("events", "places", "aliases")
_CHUNK: Final = 50_000

# (header, SQL expression over events e, source actors s, target actors t)
_FLAT: Final = (
    ("EventID", "e.event_id"),
    ("ArticleID", "e.article_id"),
    ("Date", "e.date"),
    ("SourceName", "s.names"),
    ("SourceCountry", "s.countries"),
    ("SourceSector", "s.sectors"),
    ("TargetName", "t.names"),
    ("TargetCountry", "t.countries"),
    ("TargetSector", "t.sectors"),
    ("EventType", "e.event_type"),
    ("CAMEORoot", "e.cameo_root"),
    ("QuadClass", "e.quad_class"),
    ("Goldstein", "e.goldstein"),
    ("Mode", "e.mode"),
    ("Factuality", "e.factuality"),
    ("PlaceName", "e.place_name"),
    ("Lat", "e.lat"),
    ("Lon", "e.lon"),
    ("PlaceCountry", "e.place_country"),
    ("Admin1", "e.place_admin1"),
    ("Confidence", "e.confidence"),
    ("Trigger", "e.trigger_text"),
    ("Sentence", "e.sentence"),
)
FLAT_COLUMNS: Final = tuple(h for h, _ in _FLAT)

_ACTOR_AGG: Final = """
    WITH act AS (
        SELECT event_id, role,
               string_agg(coalesce(name, ''), ';' ORDER BY idx) AS names,
               string_agg(coalesce(country, ''), ';' ORDER BY idx) AS countries,
               string_agg(coalesce(sector, ''), ';' ORDER BY idx) AS sectors
        FROM event_actors GROUP BY event_id, role
    )
"""
_ACTOR_JOINS: Final = (
    "LEFT JOIN act s ON s.event_id = e.event_id AND s.role = 'source' "
    "LEFT JOIN act t ON t.event_id = e.event_id AND t.role = 'target'"
)
_PLACE_FILTERS: Final = frozenset({"article_id", "place", "limit"})
_ALIAS_FILTERS: Final = frozenset({"article_id", "limit"})


def flat_query(where: EventFilter) -> tuple[str, list[Any]]:
    """SQL and parameters selecting the filtered events as FLAT_COLUMNS."""
    cols = ", ".join(f'{expr} AS "{name}"' for name, expr in _FLAT)
    sql, params = where.select(cols, order=EVENT_ORDER, joins=_ACTOR_JOINS)
    return _ACTOR_AGG + sql, params


def _places_query(where: EventFilter) -> tuple[str, list[Any]]:
    unsupported = [
        f.name for f in fields(where) if f.name not in _PLACE_FILTERS and getattr(where, f.name) != f.default
    ]
    if unsupported:
        raise InputError("places export", f"cannot filter places by {', '.join(unsupported)}")
    clauses: list[str] = []
    params: list[Any] = []
    if where.article_id is not None:
        clauses.append("article_id = ?")
        params.append(where.article_id)
    if where.place is not None:
        clauses.append("(contains(lower(name), lower(?)) OR country = upper(?))")
        params.extend([where.place, where.place])
    cols = ", ".join(f'"{c}"' for c in PLACE_COLUMNS)
    sql = f"SELECT {cols} FROM places"
    if clauses:
        sql += " WHERE " + " AND ".join(clauses)
    sql += ' ORDER BY article_id, "start", "end"'
    if where.limit is not None:
        sql += " LIMIT ?"
        params.append(where.limit)
    return sql, params


def _aliases_query(where: EventFilter) -> tuple[str, list[Any]]:
    """The alias table (ALIAS_COLUMNS), or the aliases of ``where.article_id``, by alias id."""
    unsupported = [
        f.name for f in fields(where) if f.name not in _ALIAS_FILTERS and getattr(where, f.name) != f.default
    ]
    if unsupported:
        raise InputError("aliases export", f"cannot filter aliases by {', '.join(unsupported)}")
    cols = ", ".join(f'"{c}"' for c in ALIAS_COLUMNS)
    sql = f"SELECT {cols} FROM article_aliases"
    params: list[Any] = []
    if where.article_id is not None:
        sql += " WHERE article_id = ?"
        params.append(where.article_id)
    sql += " ORDER BY alias_id"
    if where.limit is not None:
        sql += " LIMIT ?"
        params.append(where.limit)
    return sql, params


@contextmanager
def _text_out(out: Path | IO[str] | IO[bytes], newline: str) -> Iterator[IO[str]]:
    """A text stream onto a path (created) or an open text or binary file (left open)."""
    if isinstance(out, Path):
        try:
            with out.open("w", encoding="utf-8", newline=newline) as fh:
                yield fh
        except OSError as exc:
            raise StoreError(f"{out}: cannot write the export: {exc.strerror or exc}") from exc
    elif isinstance(out, io.TextIOBase):
        yield out
    else:
        wrapper = io.TextIOWrapper(cast(BinaryIO, out), encoding="utf-8", newline=newline)
        try:
            yield wrapper
        finally:
            wrapper.flush()
            wrapper.detach()  # leave the caller's stream open


def _batches(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any]) -> pa.RecordBatchReader:
    """Stream a query's rows as Arrow batches without materialising the whole result."""
    rel = con.sql(sql, params=params)
    # duckdb 2 renamed fetch_arrow_reader (1.x) to to_arrow_reader and deprecates the old name.
    to_reader = getattr(rel, "to_arrow_reader", None) or rel.fetch_arrow_reader
    reader: pa.RecordBatchReader = to_reader(_CHUNK)
    return reader


def export(
    store: Store,
    what: Literal["events", "places", "aliases"],
    fmt: Literal["jsonl", "csv", "parquet"],
    out: Path | IO[str] | IO[bytes],
    where: EventFilter | None = None,
    raw: bool = False,
) -> int:
    """Write ``what`` in ``fmt`` to ``out`` (a path, or an open file); returns the record count.

    CSV cells that a spreadsheet would read as formulas get a leading ``'`` unless ``raw``."""
    if what not in WHATS:
        raise InputError("export", f"cannot export {what!r}: choose one of {', '.join(WHATS)}")
    if fmt not in FORMATS:
        raise InputError("export", f"unknown format {fmt!r}: choose one of {', '.join(FORMATS)}")
    where = store.with_stored_id(where or EventFilter())
    if what == "aliases":
        sql, params = _aliases_query(where)
    elif fmt == "jsonl" and what == "events":
        return _events_jsonl(store, where, out)
    else:
        sql, params = flat_query(where) if what == "events" else _places_query(where)
    cur = store.connection().cursor()
    try:
        reader = _batches(cur, sql, params)
        if fmt == "parquet":
            return _parquet(reader, out)
        if fmt == "csv":
            return _csv(reader, out, raw)
        return _jsonl_rows(reader, out)
    except duckdb.Error as exc:
        raise StoreError(f"{store.path}: export failed: {exc}") from exc
    finally:
        cur.close()


def _events_jsonl(store: Store, where: EventFilter, out: Path | IO[str] | IO[bytes]) -> int:
    encode = json.JSONEncoder(ensure_ascii=False).encode
    n = 0
    with _text_out(out, "\n") as fh:
        for d in store.iter_events(where):
            fh.write(encode(d) + "\n")
            n += 1
    return n


def _jsonl_rows(reader: pa.RecordBatchReader, out: Path | IO[str] | IO[bytes]) -> int:
    n = 0
    with _text_out(out, "\n") as fh:
        for batch in reader:
            for row in batch.to_pylist():
                fh.write(json.dumps(row, ensure_ascii=False, default=str))
                fh.write("\n")
                n += 1
    return n


_FORMULA_START: Final = tuple("=+-@\t\r\uff1d\uff0b\uff0d\uff20")
_NUMBER: Final = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")


def neutralise_cell(value: Any) -> Any:
    """``value`` as a spreadsheet shows it without running it: text that would start a formula
    gets a leading ``'``.

    >>> neutralise_cell("=HYPERLINK(\"http://x\")"), neutralise_cell("-2.5"), neutralise_cell("Iran"), neutralise_cell(-2.5)
    ('\'=HYPERLINK("http://x")', '-2.5', 'Iran', -2.5)
    """
    if isinstance(value, str) and value.startswith(_FORMULA_START) and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


def _csv(reader: pa.RecordBatchReader, out: Path | IO[str] | IO[bytes], raw: bool = False) -> int:
    n = 0
    with _text_out(out, "") as fh:
        writer = csv.writer(fh)
        writer.writerow(reader.schema.names)
        for batch in reader:
            for row in zip(*(col.to_pylist() for col in batch.columns), strict=True):
                writer.writerow(row if raw else [neutralise_cell(v) for v in row])
                n += 1
    return n


def _parquet(reader: pa.RecordBatchReader, out: Path | IO[str] | IO[bytes]) -> int:
    if isinstance(out, io.TextIOBase):
        # sys.stdout is text; its binary buffer takes Parquet.  A StringIO has none.
        buffer = getattr(out, "buffer", None)
        if buffer is None:
            raise InputError(
                "parquet export", "Parquet is binary: give a path or a binary file, not a text stream"
            )
        out.flush()
        out = buffer
    n = 0
    try:
        with pq.ParquetWriter(str(out) if isinstance(out, Path) else out, reader.schema) as writer:
            for batch in reader:
                writer.write_batch(batch)
                n += batch.num_rows
    except OSError as exc:
        raise StoreError(f"{out}: cannot write the export: {exc}") from exc
    return n
