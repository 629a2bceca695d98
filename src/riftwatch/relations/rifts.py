"""Coalitions and rift alerts: which allied dyads are turning towards conflict, since when, why.

``watch`` reads the dyad series of a coalition straight from the store with one grouped DuckDB
query, runs the tests of ``detect`` on every dyad and period (share, volume, shift), dates each
turn with a Goldstein CUSUM, and fetches the conflictual events behind each alert with a second
query.  What it returns is in ``alerts``.

The coalition is a list of actor codes ("RUS", "IRN", "SYR GOV"), a file of them
(``read_coalition``), or, when None, inferred: the dyads whose baseline shows sustained
cooperation (see ``InferConfig``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import logging
import math
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from riftwatch.errors import InputError
from riftwatch.relations import periods
from riftwatch.relations.alerts import (
    Alert,
    DyadState,
    InferConfig,
    Share,
    State,
    WatchConfig,
    WatchResult,
)
from riftwatch.relations.clumps import clumps_sql, has_clumps
from riftwatch.relations.detect import (
    DetectConfig,
    Grid,
    Scan,
    episodes,
    observed_periods,
    scan,
    turn_start,
)
from riftwatch.relations.dyads import Member, Shape, parse_codes, probe, units_sql
from riftwatch.relations.evidence import Evidence, dyad_evidence
from riftwatch.relations.explain import clump_evidence, clump_seen, explain
from riftwatch.relations.source import EventSource, check_tables, cursor

log = logging.getLogger(__name__)

__all__ = [
    "Alert", "DyadState", "InferConfig", "Share", "State", "WatchConfig", "WatchResult",
    "assess", "read_coalition", "watch",
]  # fmt: skip

def read_coalition(path: Path) -> list[str]:
    """Actor codes from a file: commas or new lines between codes, ``#`` starts a comment.

    Raises InputError naming the file and line of a malformed code.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(str(path), f"cannot read the coalition file: {exc.strerror or exc}") from exc
    codes: list[str] = []
    for lineno, line in enumerate(text.splitlines(), 1):
        for raw in line.split("#", 1)[0].split(","):
            if raw.strip():
                parse_codes([raw], f"{path}:{lineno}")
                codes.append(raw.strip())
    if not codes:
        raise InputError(str(path), "the coalition file names no actor codes")
    return codes


def _grid(cur: Any, cfg: WatchConfig, members: Sequence[Member] | None) -> Grid | None:
    """One grouped query: per dyad and period, events, conflictual, material, Goldstein sum."""
    period = cfg.dyads.period
    shape = probe(cur, cfg.dyads)
    sql, p = units_sql(cfg.dyads, members, cfg.level, shape)
    # ``ca``: distinct articles behind the dyad-period's conflictual units (the articles test;
    # list_unique of a list costs a tenth of count(DISTINCT ...) here)
    sql += f"""
    , s AS (
        SELECT a, b, date_trunc('{period}', day)::DATE AS period, sum(n)::DOUBLE AS n,
               coalesce(sum(n) FILTER (WHERE quad_class >= 3), 0)::DOUBLE AS c,
               coalesce(sum(n) FILTER (WHERE quad_class = 4), 0)::DOUBLE AS c4, sum(g)::DOUBLE AS g,
               coalesce(list_unique(list(art) FILTER (WHERE quad_class >= 3)), 0)::DOUBLE AS ca
        FROM units GROUP BY ALL
    ), f AS (SELECT min(period) AS first FROM s)
    SELECT (dense_rank() OVER (ORDER BY a, b) - 1)::INTEGER AS d, a, b,
           {periods.index_sql(period, "period", "f.first")}::INTEGER AS t, n, c, c4, g, ca, f.first
    FROM s, f"""
    cols = cur.execute(sql, p).fetchnumpy()
    if len(cols["d"]) == 0:
        return None
    d, t = np.asarray(cols["d"]), np.asarray(cols["t"])
    first = periods.truncate(_as_date(cols["first"][0]), period)
    last_t = int(t.max())
    if cfg.as_of is not None:
        last_t = periods.index(first, cfg.as_of, period)
        if last_t < 0:
            return None
        keep = t <= last_t
        d, t = d[keep], t[keep]
        cols = {k: np.asarray(v)[keep] for k, v in cols.items()}
    # each dyad's codes from its first row (a dyad's rows all carry the same two codes)
    ids, at = np.unique(d, return_index=True)
    names: dict[int, tuple[str, str]] = {
        int(di): (str(a), str(b))
        for di, a, b in zip(ids.tolist(), np.asarray(cols["a"])[at].tolist(), np.asarray(cols["b"])[at].tolist(), strict=True)
    }
    size = (int(max(names) + 1) if names else 0, last_t + 1)
    arrays = []
    for key in ("n", "c", "c4", "g", "ca"):
        arr = np.zeros(size)
        arr[d, t] = np.asarray(cols[key], dtype=np.float64)
        arrays.append(arr)
    dyads = [names.get(i, ("", "")) for i in range(size[0])]
    n, c, c4, g, ca = arrays
    clumps: tuple[np.ndarray | None, ...] = (None, None, None)
    if cfg.detect.clump and has_clumps(cur, cfg.detect.clump_min):
        clumps = _clumps(cur, cfg, members, shape, names, first, ca)
    return Grid(dyads, first, period, n, c, c4, g, ca, *clumps)


def _clumps(
    cur: Any,
    cfg: WatchConfig,
    members: Sequence[Member] | None,
    shape: Shape,
    names: dict[int, tuple[str, str]],
    first: dt.date,
    articles: np.ndarray,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The clump test's arrays (``Grid.clump_*``, from ``clumps.clumps_sql``) on the grid's cells."""
    excess, largest = np.zeros(articles.shape), np.zeros(articles.shape)
    dated = np.array(articles, dtype=np.float64)  # an article spread over periods counts in its last
    sql, p = clumps_sql(cfg.dyads, members, cfg.level, shape)
    row = {dy: i for i, dy in names.items()}
    for a, b, day, ex, km, k_dated, k_spread in cur.execute(sql, p).fetchall():
        d = row.get((str(a), str(b)))
        t = periods.index(first, _as_date(day), cfg.dyads.period)
        if d is None or not 0 <= t < articles.shape[1]:
            continue
        excess[d, t], largest[d, t] = float(ex), float(km)
        dated[d, t] += float(k_dated) - float(k_spread)
    return dated, excess, largest


def _as_date(value: Any) -> dt.date:
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(np.datetime64(value, "D")))


def _watched(
    grid: Grid, members: Sequence[Member] | None, cfg: WatchConfig
) -> tuple[list[int], list[tuple[str, str]]]:
    """Rows of the grid to watch, and coalition dyads with no events at all (listed as stable)."""
    if members is not None:
        present = {dy: i for i, dy in enumerate(grid.dyads)}
        pairs = [(a.code, b.code) for a, b in itertools.combinations(members, 2)]
        if not cfg.dyads.directed:
            pairs = [(min(a, b), max(a, b)) for a, b in pairs]
        else:
            pairs += [(b, a) for a, b in pairs]
        rows = [i for i, dy in enumerate(grid.dyads) if dy in set(pairs)]
        empty = [pr for pr in pairs if pr not in present]
        return rows, empty
    base_end = max(grid.periods - cfg.detect.recent, 0)
    n = grid.n[:, :base_end]
    coop = n - grid.conflict[:, :base_end]
    total = n.sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        share = np.where(total > 0, coop.sum(axis=1) / total, 0.0)
    active = (n > 0).sum(axis=1)
    inf = cfg.infer
    ok = (total >= inf.min_events) & (share >= inf.min_share) & (active >= inf.min_periods)
    return [int(i) for i in np.nonzero(ok)[0]], []


def _state(sc: Scan, d: int, t: int, cfg: DetectConfig) -> State:
    if sc.alert[d, t]:
        return "rift"
    base, recent = sc.shares(d, t)
    if sc.c_recent[d, t] >= 1 and sc.p[d, t] >= cfg.cooling and not (recent <= base):
        return "cooling"
    return "stable"


def _share(sc: Scan, d: int, t: int, which: str) -> Share:
    if which == "recent":
        return Share(int(sc.n_recent[d, t]), int(sc.c_recent[d, t]))
    return Share(int(sc.n_base[d, t]), int(sc.c_base[d, t]))


def assess(
    source: EventSource, coalition: Sequence[str] | None = None, cfg: WatchConfig | None = None
) -> WatchResult:
    """Alerts and the state of every watched dyad (``watch`` returns just the alerts)."""
    cfg = cfg or WatchConfig()
    members = parse_codes(coalition) if coalition is not None else None
    if members is not None and len(members) < 2:
        raise InputError("coalition", "a coalition needs at least two actor codes")
    cur = cursor(source)
    try:
        check_tables(cur)
        grid = _grid(cur, cfg, members)
        coal = tuple(m.code for m in members) if members else ()
        if grid is None:
            none = (
                []
                if members is None
                else [(min(a, b), max(a, b)) for a, b in itertools.combinations(coal, 2)]
            )
            quiet = tuple(DyadState(dy, "stable", 0.0, Share(0, 0), Share(0, 0), 0, 0) for dy in none)
            return WatchResult(
                coal, members is None, cfg.dyads.period, cfg.as_of, quiet, (), history=cfg.history
            )
        rows, empty = _watched(grid, members, cfg)
        if members is None:
            coal = tuple(sorted({c for i in rows for c in grid.dyads[i]}))
        sub = Grid(
            [grid.dyads[i] for i in rows], grid.first, grid.period,
            grid.n[rows], grid.conflict[rows], grid.material[rows], grid.goldstein[rows],
            *(
                None if x is None else x[rows]
                for x in (grid.articles, grid.clump_articles, grid.clump_excess, grid.clump_max)
            ),
        )  # fmt: skip
        sc = scan(sub, cfg.detect)
        alerts = _alerts(cur, sub, sc, cfg, members)
    finally:
        cur.close()
    last = sub.periods - 1
    counts: dict[tuple[str, str], int] = {}
    for al in alerts:
        counts[al.dyad] = counts.get(al.dyad, 0) + 1
    states = [
        DyadState(
            dy, _state(sc, i, last, cfg.detect), float(sc.p[i, last]), _share(sc, i, last, "base"),
            _share(sc, i, last, "recent"), int(sub.n[i].sum()), counts.get(dy, 0),
        )
        for i, dy in enumerate(sub.dyads)
    ]  # fmt: skip
    states += [DyadState(dy, "stable", 0.0, Share(0, 0), Share(0, 0), 0, 0) for dy in empty]
    state_of = {s.dyad: s.state for s in states}
    alerts = [_with_state(a, state_of[a.dyad]) for a in alerts]
    if not cfg.history:  # only the rifts still open in the recent window at the end of the data
        open_from = sub.date(max(last - cfg.detect.recent + 1, 0)) if sub.periods else None
        alerts = [a for a in alerts if open_from is not None and a.last >= open_from]
    as_of = periods.end(sub.first, last, sub.period) if sub.periods else None
    log.info("watch: %d dyads, %d alerts", len(states), len(alerts))
    return WatchResult(
        coal, members is None, cfg.dyads.period, as_of, tuple(states), tuple(alerts), sub, cfg.history
    )


def _with_state(a: Alert, state: State) -> Alert:
    return dataclasses.replace(a, state=state)


def _alerts(
    cur: Any, grid: Grid, sc: Scan, cfg: WatchConfig, members: Sequence[Member] | None
) -> list[Alert]:
    """One Alert per episode of consecutive alerting periods, with its conflictual events."""
    found: list[tuple[int, int, int, int, float]] = []
    for d in np.nonzero(sc.alert.any(axis=1))[0].tolist():
        for t0, t1 in episodes(sc.alert[d]):
            start, cus = turn_start(grid, d, t0, cfg.detect)
            found.append((d, t0, t1, start, cus))
    flagged = (
        ("share", sc.share_alert), ("volume", sc.volume_alert), ("articles", sc.articles_alert),
        ("shift", sc.shift_alert), ("clump", sc.clump_alert),
    )  # fmt: skip
    raised = [
        tuple(name for name, flags in flagged if flags is not None and bool(flags[d, t0 : t1 + 1].any()))
        for d, t0, t1, _, _ in found
    ]
    # a clump's article may date its events in the weeks before the one it is dated in: read the
    # evidence of clump alerts from the start of the recent window
    windows = [
        (
            *grid.dyads[d],
            grid.date(min(start, max(t0 - cfg.detect.recent + 1, 0)) if "clump" in tests else start),
            periods.end(grid.first, t1, grid.period),
        )
        for (d, t0, t1, start, _), tests in zip(found, raised, strict=True)
    ]
    evidence = dyad_evidence(cur, windows, cfg.dyads, members, cfg.level, quads=(3, 4)) if found else []
    seen = observed_periods(grid.n)
    by_dyad: dict[tuple[str, str], list[Evidence]] = {}
    for e in evidence:
        by_dyad.setdefault(e.dyad, []).append(e)
    out = []
    for (d, t0, t1, start, cus), (a, b, d0, d1), tests in zip(found, windows, raised, strict=True):
        ev = tuple(e for e in by_dyad.get((a, b), ()) if d0 <= e.date <= d1)
        if "clump" in tests:
            ev = clump_evidence(ev, grid.date(start), tests == ("clump",))
        articles = len({e.article_id for e in ev})
        if articles < cfg.min_articles:
            continue
        outlets = len({e.outlet for e in ev if e.outlet})
        run = sc.p[d, t0 : t1 + 1]
        base, recent = sc.shares(d, t0)
        conflict = grid.conflict[d, start : t1 + 1]
        peak_t = start + int(np.argmax(conflict))
        with_conflict = np.nonzero(conflict > 0)[0]
        end_t = start + int(with_conflict[-1]) if with_conflict.size else t1
        span = int(min(max(seen[d, t0] - cfg.detect.recent, 0), cfg.detect.baseline))
        statistic = {
            "method": "beta-binomial share + conflict-rate surge (events, articles) + short-window share shift"
            " + one-article clump (beta-geometric) + goldstein cusum",
            "p_turn": round(float(run.max()), 4),
            "p_at_detection": round(float(sc.p[d, t0]), 4),
            "p_share": _rounded(sc.p_share, d, t0, t1),
            "p_volume": _rounded(sc.p_volume, d, t0, t1),
            "p_shift": _rounded(sc.p_shift, d, t0, t1),
            "p_articles": _rounded(sc.p_articles, d, t0, t1),
            "p_clump": _rounded(sc.p_clump, d, t0, t1),
            "margin": cfg.detect.margin,
            "threshold": cfg.detect.probability,
            "volume_threshold": cfg.detect.volume_probability,
            "recent_periods": cfg.detect.recent,
            "baseline_periods": cfg.detect.baseline,
            "baseline_observed_periods": span,
            "baseline_share": None if math.isnan(base) else round(base, 4),
            "recent_share": None if math.isnan(recent) else round(recent, 4),
            "cusum": round(cus, 3),
            "period": grid.period,
        }
        began = min((e.date for e in ev), default=d0)
        alert = Alert(
            dyad=(a, b),
            start=began,
            detected=grid.date(t0),
            last=grid.date(t1),
            confidence=float(run.max()),
            baseline=_share(sc, d, t0, "base"),
            recent=_share(sc, d, t0, "recent"),
            statistic=statistic,
            event_ids=tuple(dict.fromkeys(e.event_id for e in ev)),
            state="rift",
            evidence=ev if cfg.evidence else (),
            peak=max(grid.date(peak_t), began),
            end=periods.end(grid.first, end_t, grid.period),
            ongoing=t1 == grid.periods - 1,
            tests=tests,
            articles=articles,
            outlets=outlets,
        )
        clump = clump_seen(grid, sc, d, t0, t1, cfg.detect) if "clump" in tests else None
        text = explain(alert, grid, d, t0, span, ev, cfg, clump)
        out.append(dataclasses.replace(alert, explanation=text))
    out.sort(key=lambda al: (al.start, al.dyad))
    return out


def _rounded(p: Any, d: int, t0: int, t1: int) -> float | None:
    return None if p is None else round(float(np.max(p[d, t0 : t1 + 1])), 4)


def watch(
    source: EventSource, coalition: Sequence[str] | None = None, cfg: WatchConfig | None = None
) -> list[Alert]:
    """Rift alerts among ``coalition`` (inferred from sustained cooperation when None).

    >>> from riftwatch.store.duck import Store
    >>> with Store(":memory:") as store:
    ...     watch(store, ["RUS", "IRN", "SYR"])
    []
    """
    return list(assess(source, coalition, cfg).alerts)
