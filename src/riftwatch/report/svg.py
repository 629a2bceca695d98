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


def network(nodes: Sequence[str], edges: Sequence[Edge], width: int = 760, height: int = 400) -> str:
    """Nodes on an ellipse filling the chart; each edge coloured by its conflict share, thicker with
    more events, dashed when cooling and drawn bold red-outlined when in rift."""
    cx, cy = width / 2, height / 2
    rx, ry = width / 2 - 80, height / 2 - 50
    if len(nodes) == 2:  # side by side rather than one above the other
        pos = {nodes[0]: (cx - rx, cy), nodes[1]: (cx + rx, cy)}
    else:
        pos = {
            n: (cx + rx * math.cos(2 * math.pi * i / len(nodes) - math.pi / 2),
                cy + ry * math.sin(2 * math.pi * i / len(nodes) - math.pi / 2))
            for i, n in enumerate(nodes)
        }  # fmt: skip
        # an odd number of nodes leaves the ellipse's lower part empty: centre the drawing
        ys = [y for _, y in pos.values()]
        shift = cy - (min(ys) + max(ys)) / 2
        pos = {n: (x, y + shift) for n, (x, y) in pos.items()}
    parts = [f"<svg class='network' width='{width}' height='{height}' viewBox='0 0 {width} {height}' {FONT}>"]
    parts.append("<title>Coalition network: edge colour = share of conflictual events</title>")
    most = max((e.events for e in edges), default=1) or 1
    for e in edges:
        if e.a not in pos or e.b not in pos:
            continue
        (x1, y1), (x2, y2) = pos[e.a], pos[e.b]
        share = e.conflict / e.events if e.events else 0.0
        width_e = 2 + 10 * math.log1p(e.events) / math.log1p(most)
        colour = _mix(share) if e.events else "#cccccc"
        dash = " stroke-dasharray='8 5'" if e.state == "cooling" else ""
        if e.state == "rift":
            parts.append(
                f"<line x1='{x1:.1f}' y1='{y1:.1f}' x2='{x2:.1f}' y2='{y2:.1f}' stroke='{CONFLICT}' "
                f"stroke-width='{width_e + 6:.1f}' stroke-opacity='0.35'/>"
            )
        parts.append(
            f"<line class='edge {escape(e.state)}' x1='{x1:.1f}' y1='{y1:.1f}' x2='{x2:.1f}' y2='{y2:.1f}' "
            f"stroke='{colour}' stroke-width='{width_e:.1f}'{dash}>"
            f"<title>{escape(e.a)}–{escape(e.b)}: {e.events} events, {e.conflict} conflictual, {escape(e.state)}</title></line>"
        )
        mx, my = (x1 + x2) / 2, (y1 + y2) / 2
        parts.append(
            f"<text x='{mx:.1f}' y='{my - 8:.1f}' font-size='13' text-anchor='middle' fill='#333' "
            f"stroke='#fff' stroke-width='3' paint-order='stroke'>"
            f"{escape(e.state)} · {round(100 * share)}% of {e.events}</text>"
        )
    for n, (x, y) in pos.items():
        r = max(28, 5 * len(n))  # "SYR GOV" needs a wider node than "SYR"
        parts.append(
            f"<circle cx='{x:.1f}' cy='{y:.1f}' r='{r}' fill='#fff' stroke='#34495e' stroke-width='2'/>"
        )
        parts.append(
            f"<text x='{x:.1f}' y='{y + 5:.1f}' font-size='14' font-weight='bold' text-anchor='middle' "
            f"fill='#2c3e50'>{escape(n)}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)


def signed(x: float) -> str:
    """A count with its sign, the minus a real minus sign: '+6', '\u22126', '0'."""
    if x == 0:
        return "0"
    return ("+" if x > 0 else "\u2212") + f"{abs(x):g}"


def date_ticks(dates: Sequence[dt.date], most: int = 8) -> list[int]:
    """Indices of about ``most`` evenly spaced dates to label, always the first and the last."""
    n = len(dates)
    if n <= most:
        return list(range(n))
    step = math.ceil((n - 1) / (most - 1))
    ticks = list(range(0, n - 1, step))
    if n - 1 - ticks[-1] < step / 2:  # too close to the last label: drop it
        ticks.pop()
    return [*ticks, n - 1]


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
    left, right, top, bottom = 44, 40, 28, 28
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
    half = float(round(peak / 2)) if peak >= 4 else None
    for value, y, colour in (
        (peak, top + 10, COOP), (-peak, top + plot_h, CONFLICT), (0.0, mid + 4, "#555"),
        *(((half, mid - half * scale + 4, COOP), (-half, mid + half * scale + 4, CONFLICT)) if half else ()),
    ):  # fmt: skip
        parts.append(
            f"<text x='{left - 6}' y='{y:.1f}' font-size='10' text-anchor='end' fill='{colour}'>{signed(value)}</text>"
        )
    if dates:
        for i in date_ticks(dates, max(2, plot_w // 95)):
            x = left + i * step + step / 2
            parts.append(
                f"<line x1='{x:.1f}' y1='{top + plot_h}' x2='{x:.1f}' y2='{top + plot_h + 4}' stroke='#555'/>"
                f"<text x='{x:.1f}' y='{height - 8}' font-size='10' text-anchor='middle' fill='#555'>"
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

    The view frames the events and the capitals of ``labels`` (ISO3 codes of countries to name),
    with a margin of a tenth of the span (at least 4 degrees) and at least 24 degrees across;
    labels that would overlap one already drawn are left out (the event markers stay).
    """
    caps = capitals()
    lats = [p.lat for p in points] + [caps[c][1] for c in labels if c in caps]
    lons = [p.lon for p in points] + [caps[c][2] for c in labels if c in caps]
    if lats:
        lat0, lat1, lon0, lon1 = min(lats), max(lats), min(lons), max(lons)
    else:
        lat0, lat1, lon0, lon1 = -60.0, 75.0, -170.0, 180.0
    pad = max(4.0, 0.1 * max(lat1 - lat0, lon1 - lon0))
    lat0, lat1, lon0, lon1 = max(lat0 - pad, -85.0), min(lat1 + pad, 85.0), lon0 - pad, lon1 + pad
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
    placed: list[tuple[float, float, float, float]] = []
    for code in labels:
        if code in caps:
            name, clat, clon = caps[code]
            if lat0 <= clat <= lat1 and lon0 <= clon <= lon1:
                x, y = xy(clat, clon)
                box = (x - 3.6 * len(name), y - 21, x + 3.6 * len(name), y - 5)
                if any(box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3] for b in placed):
                    continue
                placed.append(box)
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
