"""The report's charts, drawn with matplotlib: the coalition network, dyad time series, the event map.

Each chart is a matplotlib ``Figure`` (no pyplot state: reports can be drawn from threads), written
as SVG, with its text kept as text (searchable, selectable, small), to embed in the HTML report and to
stand alone as ``.svg`` files for papers and slides, or as PNG without a browser (``Chart.png``).
Artists carry ids (``gid``) that name what they draw: ``edge-<state>-<n>``, ``alert-span-<n>``,
``event-q<quad>-<n>``, ``country-<ISO3>``, ``land``.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from typing import Final

import matplotlib
from matplotlib import dates as mdates
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import PatchCollection
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle
from matplotlib.ticker import MaxNLocator
from matplotlib.transforms import Bbox

from riftwatch.report.basemap import CELL, capitals, land_cells

COOP: Final = "#2e8b57"
CONFLICT: Final = "#c0392b"
INK: Final = "#2c3e50"
DPI: Final = 100  # a chart of 760 x 220 px is 7.6 x 2.2 inches
RC: Final = {"svg.fonttype": "none", "svg.hashsalt": "riftwatch", "font.family": "DejaVu Sans",
             "axes.unicode_minus": True}  # fmt: skip


def _mix(share_conflict: float) -> str:
    """Green (all cooperative) through grey to red (all conflictual)."""
    g, r = (46, 139, 87), (192, 57, 43)
    s = min(max(share_conflict, 0.0), 1.0)
    return "#" + "".join(f"{round(a + (b - a) * s):02x}" for a, b in zip(g, r, strict=True))


@dataclass(frozen=True, slots=True)
class Chart:
    """A drawn chart: its SVG element (to inline in HTML) and the figure behind it (for PNG)."""

    svg: str
    figure: Figure

    def svg_file(self) -> str:
        """The chart as a standalone SVG document."""
        return '<?xml version="1.0" encoding="UTF-8"?>\n' + self.svg

    def png(self) -> bytes:
        """The chart as PNG, rendered by matplotlib's Agg backend (no browser)."""
        buf = io.BytesIO()
        with matplotlib.rc_context(RC):
            self.figure.savefig(buf, format="png", dpi=DPI)
        return buf.getvalue()


def _num(day: dt.date) -> float:
    """matplotlib's number for a date (its date functions are untyped)."""
    return float(mdates.date2num(day))  # type: ignore[no-untyped-call]


def _figure(width: int, height: int) -> Figure:
    """A figure on matplotlib's Agg canvas (files only: no display, no GUI toolkit, no pyplot)."""
    fig = Figure(figsize=(width / DPI, height / DPI), dpi=DPI)
    FigureCanvasAgg(fig)  # attaches itself as fig.canvas
    return fig


def _chart(fig: Figure, css_class: str, titles: dict[str, str] | None = None) -> Chart:
    """The figure as an inline ``<svg>`` element of class ``css_class``, deterministic (no date);
    ``titles`` become the hover text (SVG ``<title>``) of the artists with those ids."""
    buf = io.StringIO()
    with matplotlib.rc_context(RC):
        fig.savefig(buf, format="svg", metadata={"Date": None})
    text = buf.getvalue()
    text = text[text.index("<svg") :]
    text = re.sub(r"<metadata>.*?</metadata>\s*", "", text, count=1, flags=re.DOTALL)
    for gid, title in (titles or {}).items():
        text = text.replace(f'<g id="{gid}">', f'<g id="{gid}"><title>{escape(title)}</title>', 1)
    return Chart(text.replace("<svg ", f'<svg class="{css_class}" ', 1), fig)


# --- the coalition network -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Edge:
    a: str
    b: str
    events: int
    conflict: int
    state: str


def node_positions(nodes: Sequence[str]) -> dict[str, tuple[float, float]]:
    """Nodes on an ellipse in the unit square (two side by side), centred vertically."""
    if len(nodes) == 2:
        return {nodes[0]: (0.1, 0.5), nodes[1]: (0.9, 0.5)}
    pos = {
        n: (0.5 + 0.4 * math.cos(2 * math.pi * i / len(nodes) - math.pi / 2),
            0.5 - 0.38 * math.sin(2 * math.pi * i / len(nodes) - math.pi / 2))
        for i, n in enumerate(nodes)
    }  # fmt: skip
    ys = [y for _, y in pos.values()]
    shift = 0.5 - (min(ys) + max(ys)) / 2  # an odd number of nodes leaves one side empty
    return {n: (x, y + shift) for n, (x, y) in pos.items()}


def network(nodes: Sequence[str], edges: Sequence[Edge], width: int = 760, height: int = 400) -> Chart:
    """Each edge coloured by its conflict share, thicker with more events, dashed when cooling,
    haloed in red when in rift; labelled with its state and share."""
    fig = _figure(width, height)
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    ax.axis("off")
    pos = node_positions(nodes)
    most = max((e.events for e in edges), default=1) or 1
    halo = {"facecolor": "white", "edgecolor": "none", "alpha": 0.85, "pad": 1}  # text stays text in SVG
    titles: dict[str, str] = {}
    for k, e in enumerate(edges):
        if e.a not in pos or e.b not in pos:
            continue
        (x1, y1), (x2, y2) = pos[e.a], pos[e.b]
        share = e.conflict / e.events if e.events else 0.0
        lw = 1.5 + 7.5 * math.log1p(e.events) / math.log1p(most)
        if e.state == "rift":
            ax.plot([x1, x2], [y1, y2], color=CONFLICT, alpha=0.35, linewidth=lw + 5, solid_capstyle="round", zorder=1)
        (line,) = ax.plot([x1, x2], [y1, y2], color=_mix(share) if e.events else "#cccccc", linewidth=lw,
                          linestyle=(0, (2, 1.5)) if e.state == "cooling" else "-", zorder=2)  # fmt: skip
        line.set_gid(f"edge-{e.state}-{k}")
        titles[f"edge-{e.state}-{k}"] = f"{e.a}–{e.b}: {e.events} events, {e.conflict} conflictual, {e.state}"
        ax.text((x1 + x2) / 2, (y1 + y2) / 2 + 0.03, f"{e.state} · {round(100 * share)}% of {e.events}",
                ha="center", va="bottom", fontsize=10, color="#333", bbox=halo, zorder=4)  # fmt: skip
    for n, (x, y) in pos.items():  # markers are sized in points: round whatever the chart's shape
        ax.scatter([x], [y], s=(2 * max(26, 5 * len(n))) ** 2, facecolor="white", edgecolor="#34495e", linewidths=2,
                   zorder=3)  # fmt: skip
        ax.text(x, y, n, ha="center", va="center", fontsize=11 if len(n) <= 4 else 9, fontweight="bold",
                color=INK, zorder=5)  # fmt: skip
    return _chart(fig, "network", titles)


# --- dyad time series ----------------------------------------------------------------------------


def series(
    title: str,
    dates: Sequence[dt.date],
    coop: Sequence[float],
    conflict: Sequence[float],
    alerts: Sequence[tuple[dt.date, dt.date, dt.date]] = (),
    width: int = 760,
    height: int = 220,
) -> Chart:
    """Bars per period: cooperative events up (green), conflictual down (red); alert episodes
    shaded from detection to their last period, with a dashed line at each turn's start."""
    fig = _figure(width, height)
    ax = fig.add_axes((0.07, 0.16, 0.9, 0.7))
    ax.set_title(title, loc="left", fontsize=11, fontweight="bold", color=INK)
    step = (dates[1] - dates[0]).days if len(dates) > 1 else 7
    xs = [_num(d) for d in dates]
    ax.bar(xs, coop, width=step * 0.85, align="edge", color=COOP)
    ax.bar(xs, [-k for k in conflict], width=step * 0.85, align="edge", color=CONFLICT)
    ax.axhline(0, color="#555", linewidth=0.8)
    peak = max([*coop, *conflict, 1.0])
    titles: dict[str, str] = {}
    ax.set_ylim(-peak * 1.1, peak * 1.1)
    ax.yaxis.set_major_locator(MaxNLocator(nbins=4, integer=True))  # event counts: whole numbers
    ax.yaxis.set_major_formatter(lambda v, _: f"{v:+g}".replace("-", "\u2212") if v else "0")
    for k, (start, detected, last) in enumerate(alerts):
        x0, x1 = _num(detected), _num(last) + step
        span = ax.axvspan(x0, max(x1, x0 + 1), color=CONFLICT, alpha=0.12, linewidth=0)
        span.set_gid(f"alert-span-{k}")
        titles[f"alert-span-{k}"] = f"alert: detected {detected}, turn began {start}"
        ax.axvline(_num(start), color=CONFLICT, linewidth=1.5, linestyle=(0, (4, 3)))
        near_end = bool(xs) and _num(start) > xs[0] + 0.8 * (xs[-1] + step - xs[0])  # label where it fits
        ax.annotate(f"rift {start}", (_num(start), 1), xycoords=("data", "axes fraction"),
                    xytext=(-3 if near_end else 3, -3), textcoords="offset points", va="top",
                    ha="right" if near_end else "left", fontsize=9, color=CONFLICT)  # fmt: skip
    if xs:
        ax.set_xlim(xs[0], xs[-1] + step)
    locator = mdates.AutoDateLocator(minticks=3, maxticks=max(3, width // 95))  # type: ignore[no-untyped-call]
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))  # type: ignore[no-untyped-call]
    ax.tick_params(labelsize=8, colors="#555")
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    return _chart(fig, "series", titles)


# --- the event map -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Point:
    lat: float
    lon: float
    quad_class: int
    label: str


def map_view(points: Sequence[Point], labels: Sequence[str], aspect: float) -> tuple[float, float, float, float]:
    """(lon0, lon1, lat0, lat1) framing the events and the capitals of ``labels``: a margin of a
    tenth of the span (at least 4 degrees), at least 24 degrees across, ``aspect`` = width/height."""
    caps = capitals()
    lats = [p.lat for p in points] + [caps[c][1] for c in labels if c in caps]
    lons = [p.lon for p in points] + [caps[c][2] for c in labels if c in caps]
    if lats:
        lat0, lat1, lon0, lon1 = min(lats), max(lats), min(lons), max(lons)
    else:
        lat0, lat1, lon0, lon1 = -60.0, 75.0, -170.0, 180.0
    pad = max(4.0, 0.1 * max(lat1 - lat0, lon1 - lon0))
    lat0, lat1, lon0, lon1 = max(lat0 - pad, -85.0), min(lat1 + pad, 85.0), lon0 - pad, lon1 + pad
    span = max(lon1 - lon0, (lat1 - lat0) * aspect, 24.0)
    cx, cy = (lon0 + lon1) / 2, (lat0 + lat1) / 2
    return cx - span / 2, cx + span / 2, cy - span / aspect / 2, cy + span / aspect / 2


def _land_runs(lon0: float, lon1: float, lat0: float, lat1: float) -> list[Rectangle]:
    """The base map's land cells in view, each row's neighbouring cells drawn as one rectangle."""
    rows: dict[int, list[int]] = {}
    for la, lo in land_cells():
        if lat0 - CELL <= la * CELL <= lat1 and lon0 - CELL <= lo * CELL <= lon1:
            rows.setdefault(la, []).append(lo)
    out: list[Rectangle] = []
    for la, los in rows.items():
        los.sort()
        runs = [[los[0], los[0]]]
        for lo in los[1:]:
            if lo == runs[-1][1] + 1:
                runs[-1][1] = lo
            else:
                runs.append([lo, lo])
        out.extend(Rectangle((a * CELL, la * CELL), (b - a + 1) * CELL, CELL) for a, b in runs)
    return out


def world_map(points: Sequence[Point], labels: Sequence[str] = (), width: int = 760, height: int = 420) -> Chart:
    """Events on an equirectangular map over the populated-cell base map (see ``basemap``);
    country names at capitals, a name that would overlap one already drawn left out."""
    fig = _figure(width, height)
    ax = fig.add_axes((0, 0, 1, 1))
    lon0, lon1, lat0, lat1 = map_view(points, labels, width / height)
    ax.set_xlim(lon0, lon1)
    ax.set_ylim(lat0, lat1)
    ax.set_facecolor("#eef4f8")
    land = PatchCollection(_land_runs(lon0, lon1, lat0, lat1), facecolor="#d5d8cf", edgecolor="#d5d8cf",
                           linewidth=0.3)  # fmt: skip
    land.set_gid("land")
    ax.add_collection(land)
    step = 5 if lon1 - lon0 <= 60 else 10 if lon1 - lon0 <= 140 else 30
    ax.set_xticks(range(math.ceil(lon0 / step) * step, int(lon1) + 1, step))
    ax.set_yticks(range(math.ceil(lat0 / step) * step, int(lat1) + 1, step))
    ax.xaxis.set_major_formatter(lambda v, _: f"{v:g}°".replace("-", "\u2212"))
    ax.yaxis.set_major_formatter(lambda v, _: f"{v:g}°".replace("-", "\u2212"))
    ax.tick_params(direction="in", pad=-12, labelsize=7, colors="#6b7f94", length=0)
    ax.grid(color="#9fb3c8", linewidth=0.5)
    ax.set_axisbelow(True)
    caps = capitals()
    canvas: FigureCanvasAgg = fig.canvas  # type: ignore[assignment]  # the Agg canvas _figure attached
    renderer = canvas.get_renderer()  # type: ignore[no-untyped-call]
    placed: list[Bbox] = []
    for code in labels:
        if code not in caps:
            continue
        name, clat, clon = caps[code]
        if not (lat0 <= clat <= lat1 and lon0 <= clon <= lon1):
            continue
        text = ax.text(clon, clat, name, ha="center", va="bottom", fontsize=10, fontweight="bold", color="#34495e",
                       gid=f"country-{code}")  # fmt: skip
        box = text.get_window_extent(renderer)
        if any(box.overlaps(b) for b in placed):
            text.remove()
            continue
        placed.append(box)
    for k, p in enumerate(points):
        dot = ax.scatter([p.lon], [p.lat], s=40, color=CONFLICT if p.quad_class >= 3 else COOP, alpha=0.7,
                         edgecolors="white", linewidths=0.8, zorder=3)  # fmt: skip
        dot.set_gid(f"event-q{p.quad_class}-{k}")
    titles = {f"event-q{p.quad_class}-{k}": p.label for k, p in enumerate(points)}
    for side in ax.spines.values():
        side.set_visible(False)
    return _chart(fig, "map", titles)
