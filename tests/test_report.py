"""The HTML report: self-contained, offline, with every part; rendered in headless Chromium."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import struct
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest

from riftwatch.records import Event, Place
from riftwatch.report import charts, write_report
from riftwatch.report.browser import dump_dom, find_chromium, screenshot
from riftwatch.store.duck import Store

# Build the scenario from the rift tests' helpers (same events, same dates).
from test_relations_rifts import baseline_articles, founding_article

PLACES = {
    "SYR": Place("Aleppo", 0, 6, "Aleppo", 170063, 36.20, 37.16, "SYR"),
    "IRN": Place("Tehran", 0, 6, "Tehran", 112931, 35.69, 51.42, "IRN"),
    "RUS": Place("Moscow", 0, 6, "Moscow", 524901, 55.75, 37.62, "RUS"),
}


def _placed(events: list[Event]) -> list[Event]:
    return [dataclasses.replace(e, place=PLACES.get(e.target[0].country)) for e in events]


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, tuple[Path, ...]]]:
    out = tmp_path_factory.mktemp("report") / "rifts.html"
    with Store(":memory:") as store:
        store.write_events(_placed(baseline_articles() + founding_article()), "riftwatch")
        files = write_report(store, ["RUS", "IRN", "SYR"], out)
    yield files.html, files.charts


def test_report_has_every_part_and_is_self_contained(report: tuple[Path, tuple[Path, ...]]) -> None:
    html = report[0].read_text(encoding="utf-8")
    for part in ("Coalition network", "Dyad time series", "Map of events", "Evidence behind the alerts"):
        assert part in html
    assert html.count("<svg") == 5  # network, three dyad series, map
    assert 'id="alert-span-0"' in html and re.search(r'id="edge-rift-\d+"', html)
    # evidence: the trigger marked in its sentence
    assert "<mark>reject</mark>" in html
    # offline: no scripts, stylesheets, images or fonts fetched from anywhere
    assert not re.search(r"<(script|link|img|iframe)\b", html)
    assert "@import" not in html and all(ref.startswith("#") for ref in re.findall(r"url\(([^)]*)\)", html))


def test_chart_files_are_valid_svg(report: tuple[Path, tuple[Path, ...]]) -> None:
    names = sorted(p.name for p in report[1])
    assert names == [
        "map.svg",
        "network.svg",
        "series-IRN-RUS.svg",
        "series-IRN-SYR.svg",
        "series-RUS-SYR.svg",
    ]
    for path in report[1]:
        root = ET.parse(path).getroot()
        assert root.tag == "{http://www.w3.org/2000/svg}svg"


@pytest.mark.parametrize(("share", "colour"), [(0.0, "#2e8b57"), (1.0, "#c0392b"), (2.0, "#c0392b")])
def test_edge_colour_runs_from_cooperation_to_conflict(share: float, colour: str) -> None:
    assert charts._mix(share) == colour


def test_network_draws_one_line_per_edge() -> None:
    edges = [charts.Edge("A", "B", 10, 1, "stable"), charts.Edge("B", "C", 4, 3, "rift")]
    out = charts.network(["A", "B", "C"], edges).svg
    assert re.findall(r'id="edge-(\w+)-\d+"><title>', out) == ["stable", "rift"]
    assert [n for n in "ABC" if f">{n}</text>" in out] == ["A", "B", "C"]


def test_map_shows_land_and_labels() -> None:
    out = charts.world_map([charts.Point(36.2, 37.16, 4, "strike")], ["SYR", "IRN"]).svg
    assert 'id="land"' in out and ">Syria</text>" in out and '<g id="event-q4-0"><title>strike</title>' in out


needs_chromium = pytest.mark.skipif(
    find_chromium() is None, reason="chromium not installed (apt-get install chromium)"
)


@needs_chromium
@pytest.mark.slow
def test_report_renders_offline_in_chromium(report: tuple[Path, tuple[Path, ...]], tmp_path: Path) -> None:
    dom = dump_dom(report[0])
    assert "riftwatch: rifts in RUS, IRN, SYR" in dom
    assert dom.count("<svg") == 5
    png = screenshot(report[0], tmp_path / "report.png")
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert (width, height) == (1200, 2600) and len(data) > 50_000  # a page with content, not blank


def test_series_axis_has_minus_signs_and_several_dates() -> None:
    dates = [dt.date(2020, 1, 6) + dt.timedelta(weeks=i) for i in range(26)]
    out = charts.series("A – B", dates, [6.0] * 26, [2.0] * 26).svg
    ticks = re.findall(r">([^<]+)</text>", out)
    values = [t for t in ticks if t[:1] in {"+", "\u2212", "-"} and t[1:].isdigit()]
    assert any(t[0] == "+" for t in values) and any(t[0] == "\u2212" for t in values)
    assert not any(t[0] == "-" for t in values)  # a real minus sign, not a hyphen
    months = [t for t in ticks if t in {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul"}]
    assert len(months) >= 4  # the half year is labelled along the axis, not at its ends only


def test_chart_png_needs_no_browser() -> None:
    data = charts.network(["A", "B"], [charts.Edge("A", "B", 3, 1, "stable")]).png()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert (width, height) == (760, 400)


def test_map_frames_events_far_apart_and_drops_overlapping_labels() -> None:
    # Washington and eastern Turkey: both in view, with a margin
    lon0, lon1, lat0, lat1 = charts.map_view([charts.Point(38.9, -77.0, 3, "a"), charts.Point(37.9, 43.3, 3, "b")],
                                             ["USA", "TUR"], 760 / 420)  # fmt: skip
    assert lon0 < -77.0 - 4 and lon1 > 43.3 + 4 and lat0 < 37.9 and lat1 > 38.9
    # neighbouring capitals: labels that would overlap are left out
    crowded = charts.world_map([charts.Point(33.5, 36.3, 1, "c")], ["SYR", "LBN", "JOR", "ISR", "PSE"]).svg
    assert 1 <= len(re.findall(r'<g id="country-', crowded)) < 5


def test_busiest_stretch_and_period_of_the_report(tmp_path: Path) -> None:
    import numpy as np

    from riftwatch.relations.detect import Grid
    from riftwatch.report.html import busiest_stretch

    n = np.zeros((2, 100))
    n[0, 60:70] = 5
    n[1, 5] = 30  # one busy week early on does not make the busiest stretch of 26
    grid = Grid([("A", "B"), ("A", "C")], dt.date(2020, 1, 6), "week", n, n * 0, n * 0, n * 0)
    t0, t1 = busiest_stretch(grid)
    assert t1 - t0 == 25 and t0 <= 60 and t1 >= 69
    out = tmp_path / "r.html"
    with Store(":memory:") as store:
        store.write_events(_placed(baseline_articles() + founding_article()), "riftwatch")
        write_report(store, ["RUS", "IRN", "SYR"], out, since=dt.date(2016, 3, 1), until=dt.date(2016, 4, 30))
    html = out.read_text(encoding="utf-8")
    assert "shown: 2016-02-29 to 2016-05-01 (as asked)" in html
    assert "No rift alerts in this period." in html  # the falling-out of May is outside the view
