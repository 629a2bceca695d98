"""Charts drawn as SVG text: the coalition network, dyad time series, and the event map.

Plain SVG strings, no plotting library: they embed in the HTML report as they are and stand alone
as ``.svg`` files for papers and slides (``svg_file`` adds the XML header and namespace).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from typing import Final

from riftwatch.report.basemap import CELL, capitals, land_cells

COOP: Final = "#2e8b57"
CONFLICT: Final = "#c0392b"
NEUTRAL: Final = "#7f8c8d"
FONT: Final = "font-family='Helvetica, Arial, sans-serif'"


def _mix(share_conflict: float) -> str:
    """Green (all cooperative) through grey to red (all conflictual)."""
    g, r = (46, 139, 87), (192, 57, 43)
    s = min(max(share_conflict, 0.0), 1.0)
    return "#" + "".join(f"{round(a + (b - a) * s):02x}" for a, b in zip(g, r, strict=True))


def svg_file(svg: str) -> str:
    """A standalone SVG document from an inline ``<svg>`` element."""
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + svg.replace(
        "<svg ", "<svg xmlns='http://www.w3.org/2000/svg' ", 1
    )


@dataclass(frozen=True, slots=True)
class Edge:
    a: str
    b: str
    events: int
    conflict: int
    state: str


def network(nodes: Sequence[str], edges: Sequence[Edge], size: int = 420) -> str:
    """Nodes on a circle; each edge coloured by its conflict share, thicker with more events,
    dashed when cooling and drawn bold red-outlined when in rift."""
    cx = cy = size / 2
    r = size / 2 - 70
    pos = {
        n: (cx + r * math.cos(2 * math.pi * i / len(nodes) - math.pi / 2),
            cy + r * math.sin(2 * math.pi * i / len(nodes) - math.pi / 2))
        for i, n in enumerate(nodes)
    }  # fmt: skip
    parts = [f"<svg class='network' width='{size}' height='{size}' viewBox='0 0 {size} {size}' {FONT}>"]
    parts.append("<title>Coalition network: edge colour = share of conflictual events</title>")
    most = max((e.events for e in edges), default=1) or 1
    for e in edges:
        if e.a not in pos or e.b not in pos:
            continue
        (x1, y1), (x2, y2) = pos[e.a], pos[e.b]
        share = e.conflict / e.events if e.events else 0.0
        width = 2 + 8 * math.log1p(e.events) / math.log1p(most)
        colour = _mix(share) if e.events else "#cccccc"
        dash = " stroke-dasharray='8 5'" if e.state == "cooling" else ""
        if e.state == "rift":
            parts.append(
                f"<line x1='{x1:.1f}' y1='{y1:.1f}' x2='{x2:.1f}' y2='{y2:.1f}' stroke='{CONFLICT}' "
                f"stroke-width='{width + 6:.1f}' stroke-opacity='0.35'/>"
            )
        parts.append(
            f"<line class='edge {escape(e.state)}' x1='{x1:.1f}' y1='{y1:.1f}' x2='{x2:.1f}' y2='{y2:.1f}' "
            f"stroke='{colour}' stroke-width='{width:.1f}'{dash}>"
            f"<title>{escape(e.a)}–{escape(e.b)}: {e.events} events, {e.conflict} conflictual, {escape(e.state)}</title></line>"
        )
        mx, my = (x1 + x2) / 2, (y1 + y2) / 2
        parts.append(
            f"<text x='{mx:.1f}' y='{my - 6:.1f}' font-size='12' text-anchor='middle' fill='#333'>"
            f"{escape(e.state)} · {round(100 * share)}%</text>"
        )
    for n, (x, y) in pos.items():
        parts.append(
            f"<circle cx='{x:.1f}' cy='{y:.1f}' r='26' fill='#fff' stroke='#34495e' stroke-width='2'/>"
        )
        parts.append(
            f"<text x='{x:.1f}' y='{y + 5:.1f}' font-size='14' font-weight='bold' text-anchor='middle' "
            f"fill='#2c3e50'>{escape(n)}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)


def series(
    title: str,
    dates: Sequence[dt.date],
    coop: Sequence[float],
    conflict: Sequence[float],
    alerts: Sequence[tuple[dt.date, dt.date, dt.date]] = (),
    width: int = 760,
    height: int = 220,
) -> str:
    """Bars per period: cooperative events up (green), conflictual down (red); alert episodes
    shaded from detection to their last period, with a line at each turn's start date."""
    left, right, top, bottom = 44, 12, 28, 28
    plot_w, plot_h = width - left - right, height - top - bottom
    mid = top + plot_h / 2
    n = max(len(dates), 1)
    step = plot_w / n
    peak = max([*coop, *conflict, 1.0])
    scale = (plot_h / 2 - 4) / peak
    parts = [f"<svg class='series' width='{width}' height='{height}' viewBox='0 0 {width} {height}' {FONT}>"]
    parts.append(
        f"<text x='{left}' y='18' font-size='14' font-weight='bold' fill='#2c3e50'>{escape(title)}</text>"
    )
    first = dates[0] if dates else dt.date.today()

    def x_of(day: dt.date) -> float:
        if not dates:
            return left
        span = max((dates[-1] - first).days + 7, 1)
        return left + plot_w * (day - first).days / span

    for start, detected, last in alerts:
        x0, x1 = x_of(detected), x_of(last) + step
        parts.append(
            f"<rect class='alert-span' x='{x0:.1f}' y='{top}' width='{max(x1 - x0, 3):.1f}' height='{plot_h}' "
            f"fill='{CONFLICT}' fill-opacity='0.12'><title>alert: detected {detected}, turn began {start}</title></rect>"
        )
        xs = x_of(start)
        near_end = xs > left + plot_w * 0.8  # put the label where it fits
        anchor, dx = ("end", -3) if near_end else ("start", 3)
        parts.append(
            f"<line class='alert-start' x1='{xs:.1f}' y1='{top}' x2='{xs:.1f}' y2='{top + plot_h}' "
            f"stroke='{CONFLICT}' stroke-width='2' stroke-dasharray='4 3'/>"
            f"<text x='{xs + dx:.1f}' y='{top + 11}' font-size='11' text-anchor='{anchor}' "
            f"fill='{CONFLICT}'>rift {start}</text>"
        )
    for i, (c, k) in enumerate(zip(coop, conflict, strict=True)):
        x = left + i * step
        w = max(step - 1, 1)
        if c:
            parts.append(
                f"<rect x='{x:.1f}' y='{mid - c * scale:.1f}' width='{w:.1f}' height='{c * scale:.1f}' fill='{COOP}'/>"
            )
        if k:
            parts.append(
                f"<rect x='{x:.1f}' y='{mid:.1f}' width='{w:.1f}' height='{k * scale:.1f}' fill='{CONFLICT}'/>"
            )
    parts.append(f"<line x1='{left}' y1='{mid}' x2='{left + plot_w}' y2='{mid}' stroke='#555'/>")
    parts.append(
        f"<text x='{left - 6}' y='{top + 10}' font-size='10' text-anchor='end' fill='{COOP}'>{peak:g}</text>"
        f"<text x='{left - 6}' y='{top + plot_h}' font-size='10' text-anchor='end' fill='{CONFLICT}'>{peak:g}</text>"
        f"<text x='{left - 6}' y='{mid + 4}' font-size='10' text-anchor='end' fill='#555'>0</text>"
    )
    if dates:
        ticks = sorted({0, n // 2, n - 1})
        for i in ticks:
            x = left + i * step
            anchor = "end" if i == n - 1 and n > 1 else "start"
            x = x + step if anchor == "end" else x
            parts.append(
                f"<text x='{x:.1f}' y='{height - 8}' font-size='10' text-anchor='{anchor}' fill='#555'>"
                f"{dates[i].isoformat()}</text>"
            )
    parts.append("</svg>")
    return "".join(parts)


@dataclass(frozen=True, slots=True)
class Point:
    lat: float
    lon: float
    quad_class: int
    label: str


def world_map(
    points: Sequence[Point], labels: Sequence[str] = (), width: int = 760, height: int = 420
) -> str:
    """Events on an equirectangular map over the populated-cell base map (see ``basemap``).

    The view fits the events (at least 24 degrees across); ``labels`` are ISO3 codes of countries
    to name at their capitals.
    """
    if points:
        lat0, lat1 = min(p.lat for p in points), max(p.lat for p in points)
        lon0, lon1 = min(p.lon for p in points), max(p.lon for p in points)
    else:
        lat0, lat1, lon0, lon1 = -60.0, 75.0, -170.0, 180.0
    pad = 6.0
    lat0, lat1, lon0, lon1 = lat0 - pad, lat1 + pad, lon0 - pad, lon1 + pad
    span = max(lon1 - lon0, (lat1 - lat0) * width / height, 24.0)
    cx, cy = (lon0 + lon1) / 2, (lat0 + lat1) / 2
    lon0, lon1 = cx - span / 2, cx + span / 2
    lat_span = span * height / width
    lat0, lat1 = cy - lat_span / 2, cy + lat_span / 2
    k = width / span

    def xy(lat: float, lon: float) -> tuple[float, float]:
        return (lon - lon0) * k, (lat1 - lat) * k

    parts = [f"<svg class='map' width='{width}' height='{height}' viewBox='0 0 {width} {height}' {FONT}>"]
    parts.append(f"<rect width='{width}' height='{height}' fill='#eef4f8'/>")
    cells = []
    for la, lo in land_cells():
        if lat0 - CELL <= la * CELL <= lat1 and lon0 - CELL <= lo * CELL <= lon1:
            x, y = xy(la * CELL + CELL, lo * CELL)
            cells.append(f"M{x:.1f} {y:.1f}h{CELL * k + 0.5:.1f}v{CELL * k + 0.5:.1f}h-{CELL * k + 0.5:.1f}z")
    parts.append(f"<path class='land' d='{''.join(cells)}' fill='#d5d8cf'/>")
    step = 5 if span <= 60 else 10 if span <= 140 else 30
    for lon in range(math.floor(lon0 / step) * step, int(lon1) + step, step):
        x, _ = xy(0, lon)
        parts.append(
            f"<line x1='{x:.1f}' y1='0' x2='{x:.1f}' y2='{height}' stroke='#9fb3c8' stroke-width='0.5'/>"
        )
        parts.append(f"<text x='{x + 2:.1f}' y='{height - 4}' font-size='9' fill='#6b7f94'>{lon}°</text>")
    for lat in range(math.floor(lat0 / step) * step, int(lat1) + step, step):
        _, y = xy(lat, 0)
        parts.append(
            f"<line x1='0' y1='{y:.1f}' x2='{width}' y2='{y:.1f}' stroke='#9fb3c8' stroke-width='0.5'/>"
        )
        parts.append(f"<text x='2' y='{y - 2:.1f}' font-size='9' fill='#6b7f94'>{lat}°</text>")
    caps = capitals()
    for code in labels:
        if code in caps:
            name, clat, clon = caps[code]
            if lat0 <= clat <= lat1 and lon0 <= clon <= lon1:
                x, y = xy(clat, clon)
                parts.append(
                    f"<text class='country' x='{x:.1f}' y='{y - 8:.1f}' font-size='12' text-anchor='middle' "
                    f"fill='#34495e' font-weight='bold'>{escape(name)}</text>"
                )
    for p in points:
        x, y = xy(p.lat, p.lon)
        colour = CONFLICT if p.quad_class >= 3 else COOP
        parts.append(
            f"<circle class='event q{p.quad_class}' cx='{x:.1f}' cy='{y:.1f}' r='5' fill='{colour}' "
            f"fill-opacity='0.7' stroke='#fff' stroke-width='0.8'><title>{escape(p.label)}</title></circle>"
        )
    parts.append("</svg>")
    return "".join(parts)
