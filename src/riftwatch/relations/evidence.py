"""The events behind a dyad's numbers: what an alert or a report cites as evidence.

Every event of a dyad in a date range is listed — all reports of a deduplicated cluster, not one
representative — so a reader can open each article that reported the turn.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import duckdb

from riftwatch.relations.dyads import DyadConfig, Member, probe, units_sql


@dataclass(frozen=True, slots=True)
class Evidence:
    """One coded event as cited evidence, with the sentence and where its trigger sits in it."""

    event_id: str
    article_id: str
    origin: str
    dyad: tuple[str, str]
    date: dt.date
    event_type: str
    quad_class: int
    goldstein: float
    confidence: float
    sentence: str
    trigger: str
    trigger_offset: int  # in ``sentence``; -1 when unknown
    place_name: str
    lat: float | None
    lon: float | None
    place_country: str
    source: str  # actor codes as "RUS GOV; RUS MIL"
    target: str
    url: str
    outlet: str = ""  # the article's source field, else its URL's host without "www."; "" if neither
    roles_how: str = ""  # how the coder found the roles, e.g. "source: subject; target: object"

    def to_dict(self) -> dict[str, Any]:
        return {
            "event_id": self.event_id,
            "article_id": self.article_id,
            "origin": self.origin,
            "dyad": list(self.dyad),
            "date": self.date.isoformat(),
            "event_type": self.event_type,
            "quad_class": self.quad_class,
            "goldstein": self.goldstein,
            "confidence": self.confidence,
            "sentence": self.sentence,
            "trigger": self.trigger,
            "trigger_offset": self.trigger_offset,
            "place": self.place_name,
            "lat": self.lat,
            "lon": self.lon,
            "source": self.source,
            "target": self.target,
            "url": self.url,
            "outlet": self.outlet,
            "roles_how": self.roles_how,
        }


@lru_cache(maxsize=8192)
def _codes(actors_json: str | None) -> str:
    """'RUS GOV; IRN' from the store's JSON actor list."""
    try:
        actors = json.loads(actors_json or "[]")
    except ValueError:
        return ""
    codes = []
    for a in actors:
        code = " ".join(x for x in (a.get("country") or "", a.get("sector") or "") if x)
        if code and code not in codes:
            codes.append(code)
    return "; ".join(codes)


@lru_cache(maxsize=8192)
def _roles_how(raw: str | None) -> str:
    """'source: subject; target: object' from the store's roles_how JSON ({"source": "subject"})."""
    try:
        how = json.loads(raw or "{}")
    except ValueError:
        return ""
    if not isinstance(how, dict):
        return ""
    return "; ".join(f"{role}: {value}" for role, value in how.items() if value)


def trigger_offset(sentence: str, trigger: str, trigger_start: int | None, sentence_start: int | None) -> int:
    """Where ``trigger`` starts in ``sentence``: from the stored offsets, else by search (-1: absent)."""
    if not sentence or not trigger:
        return -1
    if trigger_start is not None and sentence_start is not None:
        off = trigger_start - sentence_start
        if 0 <= off and sentence[off : off + len(trigger)] == trigger:
            return off
    return sentence.find(trigger)


def _in_written_order(cur: duckdb.DuckDBPyConnection, sql: str, p: dict[str, Any]) -> list[Any]:
    """Run ``sql`` with its joins in the order written: the events, filtered by QuadClass and date as
    they are read, before their actors. Left to itself, DuckDB joined every event's source actors to
    its target actors first (a million rows each on the watch benchmark, half the query's time)."""
    try:
        cur.execute("SET disabled_optimizers = 'join_order'")
    except duckdb.Error:  # an engine without that switch plans as it will
        return cur.execute(sql, p).fetchall()
    try:
        return cur.execute(sql, p).fetchall()
    finally:
        cur.execute("RESET disabled_optimizers")


def dyad_evidence(
    cur: duckdb.DuckDBPyConnection,
    windows: Sequence[tuple[str, str, dt.date, dt.date]],
    cfg: DyadConfig,
    members: Sequence[Member] | None = None,
    level: str = "country",
    quads: Sequence[int] = (1, 2, 3, 4),
) -> list[Evidence]:
    """Events of each (a, b, first day, last day) window whose QuadClass is in ``quads``.

    Ordered by dyad, date, event id.  One query finds the events of all windows, a second reads them.
    """
    if not windows:
        return []
    # Read only the date range the windows cover.  (Restricting the actors to the windows' codes
    # as well made DuckDB's plan ten times slower on a million events.)
    cfg = dataclasses.replace(
        cfg,
        since=max(filter(None, (cfg.since, min(w[2] for w in windows)))),
        until=min(filter(None, (cfg.until, max(w[3] for w in windows)))),
    )
    sql, p = units_sql(cfg, members, level, probe(cur, cfg))
    p.update(
        w_a=[w[0] for w in windows],
        w_b=[w[1] for w in windows],
        w_from=[w[2] for w in windows],
        w_to=[w[3] for w in windows],
    )
    # the QuadClasses written into the query, so that DuckDB filters the events as it reads them
    in_quads = ", ".join(str(int(q)) for q in quads)
    sql += rf""",
    win AS (
        SELECT unnest($w_a::VARCHAR[]) AS a, unnest($w_b::VARCHAR[]) AS b,
               unnest($w_from::DATE[]) AS d0, unnest($w_to::DATE[]) AS d1
    ),
    hits AS (
        SELECT DISTINCT p.event_id, p.ab, p.day
        FROM pairs p JOIN win ON p.ab = [win.a, win.b] AND p.day BETWEEN win.d0 AND win.d1
        WHERE p.quad_class IN ({in_quads})
    )
    SELECT event_id, ab[1], ab[2], day FROM hits"""
    hits = _in_written_order(cur, sql, p)
    if not hits:
        return []
    # the events' details in a second query, for the hits alone: joined in the first, DuckDB read
    # them for every event of the range (a third of the evidence query's time on a million events)
    details = r"""
    WITH h AS (
        SELECT unnest($ids::VARCHAR[]) AS event_id, unnest($a::VARCHAR[]) AS a, unnest($b::VARCHAR[]) AS b,
               unnest($day::DATE[]) AS day
    )
    SELECT h.event_id, e.article_id, e.origin, h.a, h.b, h.day, e.event_type, e.quad_class,
           coalesce(e.goldstein, 0.0), coalesce(e.confidence, 1.0), coalesce(e.sentence, ''),
           coalesce(e.trigger_text, ''), e.trigger_start, e.sentence_start, coalesce(e.place_name, ''),
           e.lat, e.lon, coalesce(e.place_country, ''), e.source_json, e.target_json,
           coalesce(ar.url, ''), ar.source, e.roles_how,
           regexp_extract(coalesce(ar.url, e.article_id), '^[a-zA-Z][a-zA-Z0-9+.-]*://(?:www\.)?([^/:?#]+)', 1)
    FROM h JOIN events e ON e.event_id = h.event_id
    LEFT JOIN articles ar ON ar.article_id = e.article_id
    ORDER BY h.a, h.b, h.day, h.event_id"""
    cols = list(zip(*hits, strict=True))
    q = {"ids": list(cols[0]), "a": list(cols[1]), "b": list(cols[2]), "day": list(cols[3])}
    out = []
    for r in cur.execute(details, q).fetchall():
        url = r[20] or (r[1] if str(r[1]).startswith(("http://", "https://")) else "")
        out.append(
            Evidence(
                event_id=r[0],
                article_id=r[1],
                origin=r[2],
                dyad=(r[3], r[4]),
                date=r[5],
                event_type=r[6],
                quad_class=int(r[7]),
                goldstein=float(r[8]),
                confidence=float(r[9]),
                sentence=r[10],
                trigger=r[11],
                trigger_offset=trigger_offset(r[10], r[11], r[12], r[13]),
                place_name=r[14],
                lat=r[15],
                lon=r[16],
                place_country=r[17],
                source=_codes(r[18]),
                target=_codes(r[19]),
                url=url,
                outlet=(r[21] or "").strip() or r[23] or "",
                roles_how=_roles_how(r[22]),
            )
        )
    return out
