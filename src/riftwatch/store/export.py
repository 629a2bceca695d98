"""Exports of stored events and places in formats users already read.

- ``jsonl``: one ``records.event_to_dict`` dict per line (PLOVER-style, the primary format).
- ``csv``: flat columns (FLAT_COLUMNS): the 23 GDELT/ICEWS-like ones first, then every other
  field of the JSONL; compound actors are joined with ";" in the same order in every Source*
  (Target*) column, so position i names one actor.
- ``parquet``: the same flat columns as the CSV, typed (Date a date, Goldstein a double, actor
  columns lists), so a CSV user and a Parquet user read the same table.

Places export PLACE_COLUMNS (article_id, start, end, text, name, geonameid, lat, lon, admin1,
country, precision, score) in every format; aliases export ALIAS_COLUMNS (alias_id, article_id,
origin): the other input ids of stored articles, whose records had the same text, for joining
events back to every input record.

Events, places and aliases are written by DuckDB's ``COPY`` (rows never pass through Python:
CSV 4x and JSONL 3.5-5x faster than writing them row by row, benchmarks/bench_export.py), so
exports larger than memory work; the places' and aliases' JSONL streams Arrow batches.

CSV cells holding text that a spreadsheet would run as a formula — starting with ``=``, ``+``,
``-``, ``@``, a tab or a carriage return (or their full-width forms), as an imported actor name
``=HYPERLINK(...)`` or a sentence ``-cmd|...`` may — are written with a leading ``'`` (OWASP's
advice for CSV injection); numbers such as ``-2.5`` are left alone. ``raw=True`` writes every
cell as stored. JSONL and Parquet are data formats, never evaluated, and are always raw.
"""

from __future__ import annotations

import codecs
import io
import json
import re
import shutil
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import fields
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, BinaryIO, Final, Literal, cast

import duckdb
import pyarrow as pa

from riftwatch.errors import InputError, StoreError
from riftwatch.store.query import EVENT_ORDER, EventFilter
from riftwatch.store.schema import ALIAS_COLUMNS, PLACE_COLUMNS

if TYPE_CHECKING:
    from riftwatch.store.duck import Store

FORMATS: Final = ("jsonl", "csv", "parquet")
WHATS: Final = ("events", "places", "aliases")
_CHUNK: Final = 50_000

# (header, SQL expression over events e; s.* and t.* are lists of a field of the source and target
# actors, see _actor_list). The first 23 are the
# GDELT/ICEWS-like columns of earlier versions, in their order; the rest carry every other field of
# the JSONL export, so a CSV or Parquet user loses nothing. Actor columns are lists (Parquet) or
# ";"-joined in the same order (CSV): position i of every Source* column names one actor.
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
    ("DateEnd", "e.date_end"),
    ("DatePrecision", "e.date_precision"),
    ("DateText", "e.date_text"),
    ("DateTextStart", "e.date_text_start"),
    ("DateTextEnd", "e.date_text_end"),
    ("Negated", "e.factuality = 'negated'"),
    ("Hypothetical", "e.factuality = 'hypothetical'"),
    ("Future", "e.factuality = 'future'"),
    ("SentenceIndex", "e.sentence_index"),
    ("SentenceStart", "e.sentence_start"),
    ("TriggerStart", "e.trigger_start"),
    ("TriggerEnd", "e.trigger_end"),
    ("SourceText", "s.texts"),
    ("SourceStart", "s.starts"),
    ("SourceEnd", "s.ends"),
    ("SourcePerson", "s.persons"),
    ("SourceOrg", "s.orgs"),
    ("TargetText", "t.texts"),
    ("TargetStart", "t.starts"),
    ("TargetEnd", "t.ends"),
    ("TargetPerson", "t.persons"),
    ("TargetOrg", "t.orgs"),
    ("PlaceText", "e.place_text"),
    ("PlaceStart", "e.place_start"),
    ("PlaceEnd", "e.place_end"),
    ("GeonameID", "e.geonameid"),
    ("GeonamesName", "e.place_geonames_name"),
    ("PlacePrecision", "e.place_precision"),
    ("PlaceScore", "e.place_score"),
    ("PlaceHow", "coalesce(e.place_how, CASE WHEN e.place_start IS NULL THEN 'none' ELSE '' END)"),
    ("Attribution", "e.attribution"),  # JSON: {text, start, end, anonymous, actor}
    ("Quantities", "e.quantities"),  # JSON list: {kind, low, high, text, start, end, per, approximate}
    ("RolesHow", "e.roles_how"),  # JSON: how each role was found
)
FLAT_COLUMNS: Final = tuple(h for h, _ in _FLAT)

_ACTOR_FIELDS: Final = {"s": "source_json", "t": "target_json"}
_ACTOR_KEYS: Final = {"names": "name", "countries": "country", "sectors": "sector", "texts": "text",
                      "starts": "start", "ends": "end", "persons": "person", "orgs": "org"}  # fmt: skip


def _actor_list(expr: str) -> str:
    """``s.names`` as SQL: the list of that field of the event's source actors, read from the JSON
    the store keeps beside them (no join with ``event_actors``: 3x faster on 200,000 events)."""
    role, key = expr.split(".")
    field = _ACTOR_KEYS[key]
    got = f"json_extract_string(coalesce(e.{_ACTOR_FIELDS[role]}, '[]'), '$[*].{field}')"
    if field in ("start", "end"):
        return f"CAST({got} AS INTEGER[])"
    return f"list_transform({got}, lambda v: coalesce(v, ''))"


_PLACE_FILTERS: Final = frozenset({"article_id", "place", "limit"})
_ALIAS_FILTERS: Final = frozenset({"article_id", "limit"})


Columns = Sequence[tuple[str, str]]
"""(header, SQL expression) pairs of a flat export."""


def _listed(expr: str) -> str:
    return _actor_list(expr) if expr.startswith(("s.", "t.")) else expr


FLAT: Final[Columns] = tuple((h, _listed(x)) for h, x in _FLAT)


def _plain(names: Sequence[str]) -> Columns:
    return [(c, f'"{c}"') for c in names]


def _select(cols: Columns) -> str:
    return ", ".join(f'{expr} AS "{name}"' for name, expr in cols)


def flat_query(where: EventFilter, cols: Columns = FLAT) -> tuple[str, list[Any]]:
    """SQL and parameters selecting the filtered events as FLAT_COLUMNS."""
    return where.select(_select(cols), order=EVENT_ORDER)


def _places_query(where: EventFilter, cols: Columns | None = None) -> tuple[str, list[Any]]:
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
    sql = f"SELECT {_select(cols or _plain(PLACE_COLUMNS))} FROM places"
    if clauses:
        sql += " WHERE " + " AND ".join(clauses)
    sql += ' ORDER BY article_id, "start", "end"'
    if where.limit is not None:
        sql += " LIMIT ?"
        params.append(where.limit)
    return sql, params


def _aliases_query(where: EventFilter, cols: Columns | None = None) -> tuple[str, list[Any]]:
    """The alias table (ALIAS_COLUMNS), or the aliases of ``where.article_id``, by alias id."""
    unsupported = [
        f.name for f in fields(where) if f.name not in _ALIAS_FILTERS and getattr(where, f.name) != f.default
    ]
    if unsupported:
        raise InputError("aliases export", f"cannot filter aliases by {', '.join(unsupported)}")
    sql = f"SELECT {_select(cols or _plain(ALIAS_COLUMNS))} FROM article_aliases"
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
    if fmt == "jsonl" and what == "events":
        return _events_jsonl(store, where, out)
    query = {"events": flat_query, "places": _places_query, "aliases": _aliases_query}[what]
    base = FLAT if what == "events" else _plain(PLACE_COLUMNS if what == "places" else ALIAS_COLUMNS)
    cur = store.connection().cursor()
    try:
        if fmt == "jsonl":
            sql, params = query(where, base)
            return _jsonl_rows(_batches(cur, sql, params), out)
        cols = _csv_columns(cur, query, where, base, raw) if fmt == "csv" else base
        sql, params = query(where, cols)
        return _copy(cur, sql, params, fmt, out)
    except duckdb.Error as exc:
        raise StoreError(f"{store.path}: export failed: {exc}") from exc
    finally:
        cur.close()


# A cell a spreadsheet would run: text starting with = + - @ tab CR (or their full-width forms) that
# is not a plain number. RE2 syntax; the same test as ``neutralise_cell``.
_FORMULA_SQL: Final = r"^[=+\-@\t\r\x{ff1d}\x{ff0b}\x{ff0d}\x{ff20}]"
_NUMBER_SQL: Final = r"^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$"
_QUOTE: Final = "''''"  # SQL for a string holding one '


def _csv_columns(cur: duckdb.DuckDBPyConnection, query: Any, where: EventFilter, cols: Columns,
                 raw: bool) -> Columns:  # fmt: skip
    """``cols`` as CSV cells: lists joined with ";", and text that would start a formula given a
    leading ' (unless ``raw``), computed by DuckDB so that rows never pass through Python."""
    sql, params = query(where, cols)
    types = [str(t) for t in cur.sql(sql, params=params).types]
    out = []
    for (name, expr), typ in zip(cols, types, strict=True):
        if typ.endswith("[]"):
            expr = f"array_to_string({expr}, ';')"
            typ = "VARCHAR"
        if typ == "VARCHAR" and not raw:
            expr = (f"CASE WHEN regexp_matches({expr}, '{_FORMULA_SQL}') AND NOT regexp_matches({expr}, "
                    f"'{_NUMBER_SQL}') THEN {_QUOTE} || {expr} ELSE {expr} END")  # fmt: skip
        out.append((name, expr))
    return out


def _copy(cur: duckdb.DuckDBPyConnection, sql: str, params: list[Any], fmt: str,
          out: Path | IO[str] | IO[bytes]) -> int:  # fmt: skip
    """Write the query's rows with DuckDB's COPY (to a temporary file first when ``out`` is a stream)."""
    options = {"csv": "FORMAT csv, HEADER", "parquet": "FORMAT parquet", "json": "FORMAT json"}[fmt]
    if isinstance(out, Path):
        if not out.parent.is_dir():
            raise StoreError(f"{out}: cannot write the export: no folder {out.parent}")
        found = cur.execute(f"COPY ({sql}) TO '{_quoted(out)}' ({options})", params).fetchone()
        return int(found[0]) if found else 0
    stream = _binary(out, fmt)
    with tempfile.TemporaryDirectory(prefix="riftwatch-export-") as tmp:
        path = Path(tmp) / f"export.{fmt}"
        found = cur.execute(f"COPY ({sql}) TO '{_quoted(path)}' ({options})", params).fetchone()
        with path.open("rb") as fh:
            shutil.copyfileobj(fh, stream)
    stream.flush()
    return int(found[0]) if found else 0


def _quoted(path: Path) -> str:
    return str(path).replace("'", "''")


def _binary(out: IO[str] | IO[bytes], fmt: str) -> IO[bytes]:
    """The binary stream under ``out`` (sys.stdout's buffer, say); CSV may also go to a text stream."""
    if isinstance(out, io.TextIOBase):
        buffer = getattr(out, "buffer", None)
        if buffer is None:
            if fmt != "parquet":
                return cast(IO[bytes], _TextSink(out))
            raise InputError("parquet export", "Parquet is binary: give a path or a binary file, not a text stream")
        out.flush()
        return cast(IO[bytes], buffer)
    return cast(IO[bytes], out)


class _TextSink(io.RawIOBase):
    """Bytes written to a text stream without a binary buffer (a StringIO), decoded as UTF-8."""

    def __init__(self, text: IO[str]) -> None:
        self._text = text
        # incremental: a character may be split between two chunks of the copy
        self._decoder = codecs.getincrementaldecoder("utf-8")()

    def writable(self) -> bool:
        return True

    def write(self, b: Any) -> int:
        data = bytes(b)
        self._text.write(self._decoder.decode(data))
        return len(data)

    def flush(self) -> None:
        self._text.write(self._decoder.decode(b"", final=True))
        super().flush()


# The JSONL export's event shape (``records.event_to_dict``), built by DuckDB: the JSON columns the
# store keeps (actors, attribution, quantities, roles) are embedded as JSON, not as strings.
_JSONL_EVENT: Final = """
  e.event_id, e.article_id, e.sentence_index, e.sentence, e.sentence_start,
  {'text': e.trigger_text, 'start': e.trigger_start, 'end': e.trigger_end} AS "trigger",
  e.event_type, e.mode, e.factuality, e.cameo_root, e.quad_class, e.goldstein,
  e.factuality = 'negated' AS negated, e.factuality = 'hypothetical' AS hypothetical,
  e.factuality = 'future' AS future,
  coalesce(e.source_json, '[]')::JSON AS source, coalesce(e.target_json, '[]')::JSON AS target,
  CASE WHEN e.place_start IS NULL THEN NULL ELSE {'text': e.place_text, 'start': e.place_start,
    'end': e.place_end, 'name': e.place_name, 'geonameid': e.geonameid, 'lat': e.lat, 'lon': e.lon,
    'country': e.place_country, 'admin1': e.place_admin1, 'precision': e.place_precision,
    'score': e.place_score, 'geonames_name': coalesce(e.place_geonames_name, ''),
    'how': coalesce(e.place_how, '')} END AS place,
  coalesce(e.place_how, CASE WHEN e.place_start IS NULL THEN 'none' ELSE '' END) AS place_how,
  strftime(e.date, '%Y-%m-%d') AS "date", strftime(e.date_end, '%Y-%m-%d') AS date_end, e.date_precision,
  CASE WHEN e.date_text_start IS NULL THEN NULL
       ELSE {'text': e.date_text, 'start': e.date_text_start, 'end': e.date_text_end} END AS date_text,
  e.attribution::JSON AS attribution, coalesce(e.quantities, '[]')::JSON AS quantities, e.confidence,
  coalesce(e.roles_how, '{}')::JSON AS roles_how
"""


def _events_jsonl(store: Store, where: EventFilter, out: Path | IO[str] | IO[bytes]) -> int:
    """One ``event_to_dict`` object per line, written by DuckDB's COPY (3x faster than encoding
    each event in Python: benchmarks/bench_export.py)."""
    sql, params = where.select(_JSONL_EVENT, order=EVENT_ORDER)
    cur = store.connection().cursor()
    try:
        return _copy(cur, sql, params, "json", out)
    except duckdb.Error as exc:
        raise StoreError(f"{store.path}: export failed: {exc}") from exc
    finally:
        cur.close()


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
