"""Dyad time series: how two actors treated each other, period by period, computed in DuckDB.

A dyad is a pair of actor codes: a country ("RUS") or a country and sector ("RUS GOV").  For every
period (day, week or month) it gets event counts per QuadClass and per PLOVER type, the Goldstein
sum and mean, and the same weighted by the coder's confidence.

Choices, and why:

* Only events that happened (factuality ``asserted``) count unless ``happened_only=False``: a
  denied or hypothetical attack is not a turn in a relationship.
* Compound actors: every source x target pair counts once per event; several actors of one event
  that map to the same code (Russia's government and its army at country level) count once.
* Undirected by default (A-B = B-A): a rift is a property of the relationship.  Self-dyads
  (SYR-SYR, e.g. the Syrian army striking Syrian rebels) are left out by default.
* Country-level codes mean the *state*: only actors with a state sector (GOV, MIL, COP, SPY, JUD,
  LEG) or none match them, so "Russian jets struck Syrian rebels" is not a Russia-Syria conflict.
  Ask for "SYR REB" explicitly, or pass ``sectors=None``, to count non-state actors.
* Cross-article dedup: several articles reporting the same real event must count once.  Events of
  our own coder (origin ``riftwatch``) with the same type, QuadClass, dyad and place country whose
  dates chain within ``dedup_days`` form a cluster; the cluster counts as many events as the *one
  article* that reports most of them (an article naming three distinct strikes still counts three,
  ten articles repeating one strike count one).  Imported datasets (GDELT, ICEWS, POLECAT) are
  already deduplicated by their producers and count row by row.  Every report stays linked:
  ``clusters`` lists the event ids of each cluster.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Final, Literal

from riftwatch.errors import InputError
from riftwatch.relations.source import EventSource, check_tables, cursor

log = logging.getLogger(__name__)

Period = Literal["day", "week", "month"]
PERIODS: Final = ("day", "week", "month")

STATE_SECTORS: Final = frozenset({"", "GOV", "MIL", "COP", "SPY", "JUD", "LEG"})
"""Sectors a bare country code stands for: the state and its organs ("" = no sector coded)."""

CONFLICT_QUADS: Final = (3, 4)

_CODE = re.compile(r"^[A-Z]{3}( [A-Z]{3})?$")


@dataclass(frozen=True, slots=True)
class DyadConfig:
    """How events become dyad series; one object instead of a dozen keyword arguments."""

    period: Period = "week"
    directed: bool = False
    include_self: bool = False
    happened_only: bool = True
    sectors: frozenset[str] | None = STATE_SECTORS
    dedup_days: int | None = 2
    dedup_origins: tuple[str, ...] = ("riftwatch",)
    since: dt.date | None = None
    until: dt.date | None = None
    min_confidence: float = 0.0
    zeros: bool = False  # dyad_series: a row for every period of the range, zero where nothing happened

    def __post_init__(self) -> None:
        if self.period not in PERIODS:
            raise InputError("period", f"{self.period!r} is not one of {', '.join(PERIODS)}")
        if self.dedup_days is not None and self.dedup_days < 0:
            raise InputError("dedup window", f"{self.dedup_days} days is negative")
        if self.since and self.until and self.since > self.until:
            raise InputError("date range", f"since {self.since} is after until {self.until}")


@dataclass(frozen=True, slots=True)
class Member:
    """One actor code of a coalition or actor filter: country, optionally with a sector."""

    code: str
    country: str
    sector: str | None


def parse_codes(codes: Sequence[str], what: str = "coalition") -> list[Member]:
    """Check and split actor codes ("RUS", "IRN GOV"); duplicates are dropped, order kept.

    >>> [m.code for m in parse_codes(["rus", "IRN  GOV"])]
    ['RUS', 'IRN GOV']
    """
    out: list[Member] = []
    for raw in codes:
        code = " ".join(raw.upper().split())
        if not _CODE.match(code):
            raise InputError(what, f"{raw!r} is not an actor code like 'RUS' or 'RUS GOV'")
        if code in (m.code for m in out):
            continue
        country, _, sector = code.partition(" ")
        out.append(Member(code, country, sector or None))
    return out


@dataclass(frozen=True, slots=True)
class DyadPeriod:
    """One dyad in one period. ``quad``: counts for QuadClass 1..4; ``*_w``: confidence-weighted."""

    a: str
    b: str
    period: dt.date
    events: int
    weight: float
    quad: tuple[int, int, int, int]
    quad_w: tuple[float, float, float, float]
    goldstein_sum: float
    goldstein_mean: float
    goldstein_wmean: float
    types: dict[str, int] = field(default_factory=dict)

    @property
    def conflict(self) -> int:
        return self.quad[2] + self.quad[3]

    def to_dict(self) -> dict[str, Any]:
        return {
            "dyad": [self.a, self.b],
            "period": self.period.isoformat(),
            "events": self.events,
            "weight": round(self.weight, 4),
            "quad_class": {str(i + 1): n for i, n in enumerate(self.quad)},
            "quad_class_weighted": {str(i + 1): round(w, 4) for i, w in enumerate(self.quad_w)},
            "goldstein_sum": round(self.goldstein_sum, 4),
            "goldstein_mean": round(self.goldstein_mean, 4),
            "goldstein_weighted_mean": round(self.goldstein_wmean, 4),
            "types": dict(sorted(self.types.items())),
        }


# SQL -------------------------------------------------------------------------------------------
# Named parameters ($name) throughout: the SQL is assembled from optional pieces, and names keep
# values and placeholders matched whatever pieces are present.

Params = dict[str, Any]


@dataclass(frozen=True, slots=True)
class Shape:
    """What the data holds, so the SQL can skip work it does not need (``probe`` finds out).

    The defaults are the general, always-correct query.  A store of imported GDELT rows has no
    compound actors, no undated events and nothing to deduplicate: its query is a plain join and
    GROUP BY, as fast as the hand-written one (see benchmarks/bench_watch.py).
    """

    compound: bool = True  # some event has several actors in one role
    undated: bool = True  # some event has no date (its article's publication date stands in)
    dedup: bool = True  # some events come from an origin that is deduplicated


def probe(cur: Any, cfg: DyadConfig) -> Shape:
    """Three cheap EXISTS queries that tell which parts of the general query are needed."""

    def exists(sql: str, params: Params | None = None) -> bool:
        row = cur.execute(f"SELECT EXISTS ({sql})", params or {}).fetchone()
        return bool(row and row[0])

    dedup = cfg.dedup_days is not None and bool(cfg.dedup_origins)
    return Shape(
        compound=exists("SELECT 1 FROM event_actors WHERE idx > 0"),
        undated=exists("SELECT 1 FROM events WHERE date IS NULL"),
        dedup=dedup
        and exists(
            "SELECT 1 FROM events WHERE origin IN (SELECT unnest($o::VARCHAR[]))",
            {"o": list(cfg.dedup_origins)},
        ),
    )


def _actor_sql(
    cfg: DyadConfig, members: Sequence[Member] | None, level: str, shape: Shape, p: Params
) -> tuple[str, str, str, str, str]:
    """(CTEs, JOIN clauses, extra WHERE, source code, target code): the SQL giving each event's
    source and target actor codes.  With compound actors the codes go through a DISTINCT step so that
    two actors of one event mapping to the same code count once."""
    state = "TRUE"
    if cfg.sectors is not None:
        p["sectors"] = sorted(cfg.sectors)
        state = "list_contains($sectors::VARCHAR[], coalesce({x}.sector, ''))"
    ctes = ""
    if members is not None:
        p["m_code"] = [m.code for m in members]
        p["m_country"] = [m.country for m in members]
        p["m_sector"] = [m.sector for m in members]
        ctes = """
        mem AS (
            SELECT unnest($m_code::VARCHAR[]) AS code, unnest($m_country::VARCHAR[]) AS country,
                   unnest($m_sector::VARCHAR[]) AS sector
        ),"""

        # An equality join on country (a hash join); the sector test is a filter after it.
        def match(x: str, m: str) -> str:
            return f"(({m}.sector IS NULL AND {state.format(x=x)}) OR coalesce({x}.sector, '') = {m}.sector)"

        code = {"s": "ms.code", "t": "mt.code"}
        join_s, join_t = "JOIN mem ms ON sa.country = ms.country", "JOIN mem mt ON ta.country = mt.country"
        where_s, where_t = match("sa", "ms"), match("ta", "mt")
    else:
        if level == "country":
            code = {"s": "sa.country", "t": "ta.country"}
            where_s, where_t = state.format(x="sa"), state.format(x="ta")
        else:
            p.pop("sectors", None)
            code = {x: f"trim({x}a.country || ' ' || coalesce({x}a.sector, ''))" for x in ("s", "t")}
            where_s = where_t = "TRUE"
        join_s = join_t = ""
        where_s += " AND coalesce(sa.country, '') <> ''"
        where_t += " AND coalesce(ta.country, '') <> ''"
    # An attacker the text does not name, coded by where it struck, is no party to a relation.
    where_s += " AND coalesce(sa.entry_id, '') <> 'unattributed'"
    where_t += " AND coalesce(ta.entry_id, '') <> 'unattributed'"
    if shape.compound:
        ctes += f"""
        src AS (
            SELECT DISTINCT sa.event_id, {code["s"]} AS code
            FROM event_actors sa {join_s} WHERE sa.role = 'source' AND {where_s}
        ),
        tgt AS (
            SELECT DISTINCT ta.event_id, {code["t"]} AS code
            FROM event_actors ta {join_t} WHERE ta.role = 'target' AND {where_t}
        ),"""
        joins = "JOIN src s ON s.event_id = e.event_id JOIN tgt t ON t.event_id = e.event_id"
        return ctes, joins, "TRUE", "s.code", "t.code"
    joins = (
        f"JOIN event_actors sa ON sa.event_id = e.event_id AND sa.role = 'source' {join_s} "
        f"JOIN event_actors ta ON ta.event_id = e.event_id AND ta.role = 'target' {join_t}"
    )
    return ctes, joins, f"{where_s} AND {where_t}", code["s"], code["t"]


def units_sql(
    cfg: DyadConfig,
    members: Sequence[Member] | None = None,
    level: str = "country",
    shape: Shape | None = None,
    events: str = "events",
) -> tuple[str, Params]:
    """CTEs ending in ``units(a, b, day, event_type, quad_class, n, w, g, gw, art)``, plus ``pairs``
    (one row per event and dyad, with ``event_id``, ``ab`` = [a, b], ``day``, ``quad_class``).

    A unit is one imported event, or one cross-article cluster of our events counted ``n`` times
    (see the module docstring).  ``g``/``gw`` are Goldstein sums, plain and confidence-weighted;
    ``art`` is the article that reports the unit (for a cluster, the one reporting most of it, ties
    to the greatest id, so that the clusters several articles share all name the same one).
    ``events``: the table, or a parenthesised SELECT over it, to read events from (a subset).
    """
    shape = shape or Shape()
    p: Params = {}
    ctes, joins, actor_where, sc, tc = _actor_sql(cfg, members, level, shape, p)
    day = "coalesce(e.date, ar.published)" if shape.undated else "e.date"
    where = ["e.quad_class BETWEEN 1 AND 4", f"{day} IS NOT NULL", actor_where]
    if cfg.happened_only:
        where.append("e.factuality = 'asserted'")
    if cfg.min_confidence > 0:
        where.append("coalesce(e.confidence, 1.0) >= $min_conf")
        p["min_conf"] = cfg.min_confidence
    if cfg.since:
        where.append(f"{day} >= $since")
        p["since"] = cfg.since
    if cfg.until:
        where.append(f"{day} <= $until")
        p["until"] = cfg.until
    if not cfg.include_self:
        where.append(f"{sc} <> {tc}")
    # ``ab`` is a list [a, b] so that windows and groups partition on one value.
    pair = f"[{sc}, {tc}]" if cfg.directed else f"[least({sc}, {tc}), greatest({sc}, {tc})]"
    dedup = shape.dedup and cfg.dedup_days is not None and bool(cfg.dedup_origins)
    if dedup:
        p["dedup_origins"] = list(cfg.dedup_origins)
        p["dedup_days"] = cfg.dedup_days
    is_dedup = "e.origin IN (SELECT unnest($dedup_origins::VARCHAR[]))" if dedup else "FALSE"
    articles = "LEFT JOIN articles ar ON ar.article_id = e.article_id" if shape.undated else ""
    sql = f"""
    WITH {ctes}
    pairs AS (
        SELECT e.event_id, e.article_id, {is_dedup} AS dedup,
               e.event_type, e.quad_class, coalesce(e.goldstein, 0.0) AS goldstein,
               coalesce(e.confidence, 1.0) AS conf, {day} AS day,
               coalesce(e.place_country, '') AS pkey, {pair} AS ab
        FROM {events} e {articles} {joins}
        WHERE {" AND ".join(where)}
    ),"""
    single = """
        SELECT ab, day, event_type, quad_class, 1 AS n, conf AS w, goldstein AS g,
               goldstein * conf AS gw, article_id AS art
        FROM pairs"""
    if dedup:
        sql += f"""
    keyed AS (
        SELECT *, CASE WHEN day - lag(day) OVER k > $dedup_days THEN 1 ELSE 0 END AS brk
        FROM pairs WHERE dedup
        WINDOW k AS (PARTITION BY ab, event_type, quad_class, pkey ORDER BY day)
    ),
    numbered AS (
        SELECT *, sum(brk) OVER (PARTITION BY ab, event_type, quad_class, pkey ORDER BY day
                                 ROWS UNBOUNDED PRECEDING) AS cno
        FROM keyed
    ),
    per_article AS (
        SELECT ab, event_type, quad_class, pkey, cno, article_id, min(day) AS day, count(*) AS n,
               sum(conf) AS w, sum(goldstein) AS g, sum(goldstein * conf) AS gw
        FROM numbered GROUP BY ALL
    ),
    clustered AS (
        SELECT ab, event_type, quad_class, min(day) AS day, max(n) AS n, max(w) AS w,
               sum(g) / sum(n) * max(n) AS g, coalesce(sum(gw) / nullif(sum(w), 0) * max(w), 0.0) AS gw,
               arg_max(article_id, (n, article_id)) AS art
        FROM per_article GROUP BY ab, event_type, quad_class, pkey, cno
    ),
    units0 AS ({single} WHERE NOT dedup
        UNION ALL
        SELECT ab, day, event_type, quad_class, n, w, g, gw, art FROM clustered
    ),"""
    else:
        sql += f"""
    units0 AS ({single}
    ),"""
    sql += """
    units AS (
        SELECT ab[1] AS a, ab[2] AS b, day, event_type, quad_class, n, w, g, gw, art FROM units0
    )"""
    return sql, p


def _trunc(period: Period, col: str = "day") -> str:
    return f"date_trunc('{period}', {col})::DATE"


def series_sql(
    cfg: DyadConfig,
    members: Sequence[Member] | None = None,
    level: str = "country",
    shape: Shape | None = None,
) -> tuple[str, Params]:
    """SELECT of one row per (a, b, period) with the counts and sums of DyadPeriod."""
    sql, p = units_sql(cfg, members, level, shape)
    q = ", ".join(f"sum(n) FILTER (WHERE quad_class = {i}) AS q{i}" for i in range(1, 5))
    qw = ", ".join(f"sum(w) FILTER (WHERE quad_class = {i}) AS w{i}" for i in range(1, 5))
    sql += f"""
    SELECT a, b, {_trunc(cfg.period)} AS period, sum(n) AS n, sum(w) AS w, {q}, {qw},
           sum(g) AS g, sum(gw) AS gw
    FROM units GROUP BY a, b, period ORDER BY a, b, period"""
    return sql, p


def types_sql(
    cfg: DyadConfig,
    members: Sequence[Member] | None = None,
    level: str = "country",
    shape: Shape | None = None,
) -> tuple[str, Params]:
    """SELECT of (a, b, period, event_type, n): the PLOVER type counts of each dyad-period."""
    sql, p = units_sql(cfg, members, level, shape)
    sql += f"""
    SELECT a, b, {_trunc(cfg.period)} AS period, event_type, sum(n) AS n
    FROM units GROUP BY ALL"""
    return sql, p


def dyad_series(
    source: EventSource,
    actors: Sequence[str] | None = None,
    cfg: DyadConfig | None = None,
    level: Literal["country", "sector"] = "country",
) -> list[DyadPeriod]:
    """Per-period series of every dyad among ``actors`` (or among all actors when None).

    ``level`` says how actors without a filter become codes: "RUS" or "RUS GOV".

    >>> from riftwatch.store.duck import Store
    >>> with Store(":memory:") as store:
    ...     dyad_series(store, ["RUS", "SYR"])
    []
    """
    cfg = cfg or DyadConfig()
    members = parse_codes(actors, "actors") if actors is not None else None
    cur = cursor(source)
    try:
        check_tables(cur)
        shape = probe(cur, cfg)
        sql, params = series_sql(cfg, members, level, shape)
        rows = cur.execute(sql, params).fetchall()
        tsql, tparams = types_sql(cfg, members, level, shape)
        types: dict[tuple[str, str, dt.date], dict[str, int]] = {}
        for a, b, period, etype, n in cur.execute(tsql, tparams).fetchall():
            types.setdefault((a, b, period), {})[etype] = int(n)
    finally:
        cur.close()
    out = []
    for a, b, period, n, w, q1, q2, q3, q4, w1, w2, w3, w4, g, gw in rows:
        n, w = int(n), float(w or 0.0)
        out.append(
            DyadPeriod(
                a=a,
                b=b,
                period=period,
                events=n,
                weight=w,
                quad=(int(q1 or 0), int(q2 or 0), int(q3 or 0), int(q4 or 0)),
                quad_w=(float(w1 or 0), float(w2 or 0), float(w3 or 0), float(w4 or 0)),
                goldstein_sum=float(g),
                goldstein_mean=float(g) / n if n else 0.0,
                goldstein_wmean=float(gw) / w if w else 0.0,
                types=types.get((a, b, period), {}),
            )
        )
    if cfg.zeros:
        out = zero_filled(out, cfg)
    log.debug("dyad series: %d dyad-periods", len(out))
    return out


def zero_filled(rows: Sequence[DyadPeriod], cfg: DyadConfig) -> list[DyadPeriod]:
    """``rows`` with an all-zero row for every period without events, for every dyad, from
    ``cfg.since`` (else the first period of any dyad) to ``cfg.until`` (else the last).

    >>> day = dt.date(2024, 1, 1)
    >>> row = DyadPeriod("A", "B", day, 1, 1.0, (1, 0, 0, 0), (1.0, 0, 0, 0), 1.0, 1.0, 1.0)
    >>> [(r.period.isoformat(), r.events) for r in zero_filled([row], DyadConfig(until=dt.date(2024, 1, 20)))]
    [('2024-01-01', 1), ('2024-01-08', 0), ('2024-01-15', 0)]
    """
    from riftwatch.relations import periods

    if not rows:
        return []
    first = periods.truncate(cfg.since or min(r.period for r in rows), cfg.period)
    last = periods.truncate(cfg.until or max(r.period for r in rows), cfg.period)
    have = {(r.a, r.b, r.period): r for r in rows}
    out = []
    for a, b in sorted({(r.a, r.b) for r in rows}):
        for i in range(periods.index(first, last, cfg.period) + 1):
            day = periods.start(first, i, cfg.period)
            out.append(
                have.get((a, b, day))
                or DyadPeriod(a, b, day, 0, 0.0, (0, 0, 0, 0), (0.0, 0.0, 0.0, 0.0), 0.0, 0.0, 0.0)
            )
    return out
