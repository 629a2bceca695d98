"""What each API endpoint reads, as plain functions over a connection from ``StoreReader.open``.

Each function takes a connection whose ``events`` view is already filtered and returns JSON-ready
dicts; the HTTP layer (``api.py``) only parses parameters and picks the function.  Event records
have the shape of ``riftwatch export --format jsonl`` (``store.rows.event_dict``); dyad series and
alerts are the ``relations`` package's own records (``DyadPeriod.to_dict``, ``Alert.to_dict``).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterator, Sequence
from typing import Any, Final, Literal

import duckdb

from riftwatch.relations.dyads import DyadConfig, DyadPeriod, Member, Period, probe, units_sql, zero_filled
from riftwatch.relations.rifts import WatchConfig, assess
from riftwatch.serve.filters import Filter
from riftwatch.store import rows
from riftwatch.store.export import FLAT_COLUMNS, flat_query, neutralise_cell
from riftwatch.store.query import EVENT_ORDER, EventFilter

Sort = Literal["date", "-date", "confidence"]
SORTS: Final[dict[str, str]] = {
    "date": "e.date DESC NULLS LAST, e.article_id, e.sentence_index, e.trigger_start, e.event_id",
    "-date": EVENT_ORDER,
    "confidence": "e.confidence DESC NULLS LAST, e.date DESC NULLS LAST, e.event_id",
}
"""``date``: newest first (the default); ``-date``: oldest first; ``confidence``: surest first."""

SERIES_DYADS: Final = 8
"""Dyads a series answer holds when no dyad or coalition is asked for: the busiest ones."""

EVIDENCE_PER_ALERT: Final = 25
"""Evidence rows an alert carries in the API (all its event ids are always listed)."""


def _one(con: duckdb.DuckDBPyConnection, sql: str) -> Any:
    row = con.execute(sql).fetchone()
    return row[0] if row else None


def event_page(con: duckdb.DuckDBPyConnection, sort: Sort, limit: int, offset: int) -> dict[str, Any]:
    """One page of the filtered events, and how many there are in all."""
    total = int(_one(con, "SELECT count(*) FROM events"))
    found = con.execute(
        f"SELECT {rows.EVENT_SELECT} FROM events e ORDER BY {SORTS[sort]} LIMIT ? OFFSET ?", [limit, offset]
    ).fetchall()
    return {"total": total, "limit": limit, "offset": offset, "events": [rows.event_dict(r) for r in found]}


def summary(con: duckdb.DuckDBPyConnection, top_actors: int = 40) -> dict[str, Any]:
    """Counts of the filtered events by type, QuadClass, factuality and origin; the busiest actors
    (as "RUS GOV" codes); the span of their dates."""

    def counts(col: str) -> dict[str, int]:
        found = con.execute(f"SELECT {col}, count(*) FROM events GROUP BY 1 ORDER BY 2 DESC").fetchall()
        return {str(k): int(n) for k, n in found if k is not None}

    first, last = con.execute("SELECT min(date), max(date) FROM events").fetchone() or (None, None)
    actors = con.execute(
        """
        SELECT trim(x.country || ' ' || coalesce(x.sector, '')) AS code, count(DISTINCT x.event_id) AS n
        FROM event_actors x SEMI JOIN events e ON e.event_id = x.event_id
        WHERE coalesce(x.country, '') <> ''
        GROUP BY 1 ORDER BY n DESC, code LIMIT ?
        """,
        [top_actors],
    ).fetchall()
    return {
        "events": int(_one(con, "SELECT count(*) FROM events")),
        "articles": int(_one(con, "SELECT count(*) FROM articles")),
        "first_date": first.isoformat() if first else None,
        "last_date": last.isoformat() if last else None,
        "by_type": counts("event_type"),
        "by_quad_class": counts("quad_class"),
        "by_factuality": counts("factuality"),
        "by_origin": counts("origin"),
        "actors": [{"code": c, "events": int(n)} for c, n in actors],
    }


def places(con: duckdb.DuckDBPyConnection, limit: int) -> dict[str, Any]:
    """The filtered events grouped by place (the map's markers), busiest first."""
    q = ", ".join(f"count(*) FILTER (WHERE quad_class = {i}) AS q{i}" for i in range(1, 5))
    found = con.execute(
        f"""
        SELECT coalesce(place_name, '') AS name, lat, lon, coalesce(place_country, '') AS country,
               geonameid, count(*) AS n, {q}, min(date) AS first, max(date) AS last
        FROM events WHERE lat IS NOT NULL AND lon IS NOT NULL
        GROUP BY ALL ORDER BY n DESC, name LIMIT ?
        """,
        [limit],
    ).fetchall()
    placed = int(_one(con, "SELECT count(*) FROM events WHERE lat IS NOT NULL AND lon IS NOT NULL"))
    return {
        "events_placed": placed,
        "events_unplaced": int(_one(con, "SELECT count(*) FROM events")) - placed,
        "places": [
            {
                "name": name, "lat": lat, "lon": lon, "country": country, "geonameid": gid, "events": int(n),
                "quad_class": {"1": int(q1), "2": int(q2), "3": int(q3), "4": int(q4)},
                "first_date": first.isoformat() if first else None,
                "last_date": last.isoformat() if last else None,
            }
            for name, lat, lon, country, gid, n, q1, q2, q3, q4, first, last in found
        ],
    }  # fmt: skip


def series(
    con: duckdb.DuckDBPyConnection,
    flt: Filter,
    coalition: Sequence[Member] | None,
    period: Period,
    max_dyads: int = SERIES_DYADS,
) -> dict[str, Any]:
    """Dyad series of the filtered events that happened: the filter's dyad, else the coalition's
    dyads, else the ``max_dyads`` busiest; one row per period, zeros included.

    The rows are ``relations.dyads.dyad_series``'s (``DyadPeriod.to_dict``; the tests check they are
    equal), from the same units (``units_sql``: state sectors, cross-article dedup), but computed
    in one query with the PLOVER type counts nested in each period, where ``dyad_series`` runs a
    second query for them: on 1,000,000 events that halves the time (benchmarks/bench_serve.py).
    The connection's ``events`` should not be narrowed to the dyad already: ``units_sql`` joins
    the actors anyway, and a second filter on them only costs time.
    """
    cfg = DyadConfig(period=period, since=flt.since, until=flt.until, zeros=True)
    members = list(flt.dyad) if flt.dyad is not None else (list(coalition) if coalition else None)
    units, params = units_sql(cfg, members, "country", probe(con, cfg))
    quads = ", ".join(
        f"sum(n) FILTER (WHERE quad_class = {i}) AS q{i}, sum(w) FILTER (WHERE quad_class = {i}) AS w{i}"
        for i in range(1, 5)
    )
    sums = ", ".join(f"sum(q{i}) AS q{i}, sum(w{i}) AS w{i}" for i in range(1, 5))
    params["max_dyads"] = max_dyads
    sql = f"""{units},
    per_type AS (
        SELECT a, b, date_trunc('{period}', day)::DATE AS period, event_type, sum(n) AS n, sum(w) AS w,
               sum(g) AS g, sum(gw) AS gw, {quads}
        FROM units GROUP BY ALL
    ),
    per_period AS (
        SELECT a, b, period, sum(n) AS n, sum(w) AS w, sum(g) AS g, sum(gw) AS gw, {sums},
               map_from_entries(list((event_type, n))) AS types
        FROM per_type GROUP BY a, b, period
    ),
    ranked AS (
        SELECT *, dense_rank() OVER (ORDER BY total DESC, a, b) AS rank
        FROM (SELECT *, sum(n) OVER (PARTITION BY a, b) AS total FROM per_period)
    )
    SELECT a, b, period, n, w, q1, q2, q3, q4, w1, w2, w3, w4, g, gw, types,
           (SELECT count(DISTINCT (a, b)) FROM per_period) AS dyads
    FROM ranked WHERE rank <= $max_dyads ORDER BY a, b, period"""
    found = con.execute(sql, params).fetchall()
    out: list[DyadPeriod] = []
    for a, b, day, n, w, q1, q2, q3, q4, w1, w2, w3, w4, g, gw, types, _ in found:
        n, w, g, gw = int(n), float(w or 0.0), float(g or 0.0), float(gw or 0.0)
        out.append(DyadPeriod(
            a, b, day, n, w, (int(q1 or 0), int(q2 or 0), int(q3 or 0), int(q4 or 0)),
            (float(w1 or 0), float(w2 or 0), float(w3 or 0), float(w4 or 0)), g,
            g / n if n else 0.0, gw / w if w else 0.0, {str(k): int(v) for k, v in types.items()},
        ))  # fmt: skip
    by_dyad: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for r in zero_filled(out, cfg):
        d = r.to_dict()
        del d["dyad"]
        by_dyad.setdefault((r.a, r.b), []).append(d)
    dyads = [
        {"dyad": [a, b], "events": sum(p["events"] for p in ps), "periods": ps} for (a, b), ps in by_dyad.items()
    ]
    dyads.sort(key=lambda d: (-d["events"], d["dyad"]))
    return {"period": period, "dyads": dyads, "dyads_total": int(found[0][-1]) if found else 0}


def alerts(
    con: duckdb.DuckDBPyConnection,
    flt: Filter,
    coalition: Sequence[Member] | None,
    period: Period,
) -> dict[str, Any]:
    """Rift alerts and dyad states over the whole store (as ``riftwatch watch`` finds them), listed
    when they concern the filter's actor or dyad and overlap its dates."""
    result = assess(con, [m.code for m in coalition] if coalition else None, WatchConfig(dyads=DyadConfig(period=period)))
    out = result.to_dict()

    def concerns(dyad: Sequence[str]) -> bool:
        def matches(m: Member, code: str) -> bool:
            country, _, sector = code.partition(" ")
            return m.country == country and (m.sector is None or m.sector == (sector or None))

        if flt.dyad is not None:
            a, b = flt.dyad
            return (matches(a, dyad[0]) and matches(b, dyad[1])) or (matches(a, dyad[1]) and matches(b, dyad[0]))
        if flt.actor is not None:
            return any(matches(flt.actor, code) for code in dyad)
        return True

    def overlaps(al: dict[str, Any]) -> bool:
        end = al["end"] or al["last"]
        return not (flt.since and end < flt.since.isoformat()) and not (flt.until and al["start"] > flt.until.isoformat())

    shown = [a for a in out["alerts"] if concerns(a["dyad"]) and overlaps(a)]
    for a in shown:
        a["evidence_total"] = len(a["evidence"])
        a["evidence"] = a["evidence"][:EVIDENCE_PER_ALERT]
    out["alerts_total"] = len(out["alerts"])
    out["alerts"] = shown
    return out


SPAN_KINDS: Final = ("trigger", "source", "target", "place", "date", "attribution")


def spans(article: dict[str, Any]) -> list[dict[str, Any]]:
    """Every coded span of an article's events as {event_id, kind, start, end, text, label},
    character offsets into the article text; spans outside the text are left out."""
    n = len(article.get("text") or "")
    out: list[dict[str, Any]] = []

    def add(eid: str, kind: str, span: dict[str, Any] | None, label: str = "") -> None:
        if not span or span.get("start") is None or span.get("end") is None:
            return
        start, end = int(span["start"]), int(span["end"])
        if 0 <= start < end <= n:
            out.append({"event_id": eid, "kind": kind, "start": start, "end": end, "text": span.get("text", ""),
                        "label": label})  # fmt: skip

    for ev in article.get("events", []):
        eid = ev["event_id"]
        add(eid, "trigger", ev["trigger"], ev["event_type"])
        for role in ("source", "target"):
            for a in ev[role]:
                add(eid, role, a, " ".join(x for x in (a.get("country"), a.get("sector")) if x))
        place = ev.get("place")
        if place:
            add(eid, "place", place, place.get("name") or "")
        add(eid, "date", ev.get("date_text"), ev.get("date") or "")
        add(eid, "attribution", ev.get("attribution"))
    out.sort(key=lambda s: (s["start"], -s["end"], SPAN_KINDS.index(s["kind"])))
    return out


# Downloads ------------------------------------------------------------------------------------

Format = Literal["csv", "jsonl", "geojson"]
MEDIA: Final[dict[str, str]] = {
    "csv": "text/csv; charset=utf-8",
    "jsonl": "application/x-ndjson; charset=utf-8",
    "geojson": "application/geo+json; charset=utf-8",
}
_CHUNK: Final = 5_000


def download(con: duckdb.DuckDBPyConnection, fmt: Format, limit: int) -> Iterator[str]:
    """The filtered events (at most ``limit``, in date order) as CSV (the flat columns of
    ``riftwatch export --format csv``, formula-like cells neutralised), JSON Lines (the records of
    ``export --format jsonl``) or a GeoJSON FeatureCollection of the placed ones, in text chunks."""
    if fmt == "jsonl":
        cur = con.execute(f"SELECT {rows.EVENT_SELECT} FROM events e ORDER BY {EVENT_ORDER} LIMIT ?", [limit])
        while batch := cur.fetchmany(_CHUNK):
            yield "".join(json.dumps(rows.event_dict(r), ensure_ascii=False) + "\n" for r in batch)
        return
    sql, params = flat_query(EventFilter(limit=limit))
    cur = con.execute(sql, params)
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf)
        writer.writerow(FLAT_COLUMNS)
        while batch := cur.fetchmany(_CHUNK):
            writer.writerows([neutralise_cell(v) for v in r] for r in batch)
            yield buf.getvalue()
            buf.seek(0)
            buf.truncate()
        yield buf.getvalue()
        return
    lat, lon = FLAT_COLUMNS.index("Lat"), FLAT_COLUMNS.index("Lon")
    yield '{"type": "FeatureCollection", "features": ['
    first = True
    while batch := cur.fetchmany(_CHUNK):
        parts = []
        for r in batch:
            if r[lat] is None or r[lon] is None:
                continue
            props = {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in zip(FLAT_COLUMNS, r, strict=True)}
            feature = {"type": "Feature", "geometry": {"type": "Point", "coordinates": [r[lon], r[lat]]},
                       "properties": props}  # fmt: skip
            parts.append(("" if first else ",\n") + json.dumps(feature, ensure_ascii=False))
            first = False
        yield "".join(parts)
    yield "]}\n"
