"""The HTML report: self-contained, offline, with every part; rendered in headless Chromium."""

from __future__ import annotations

import dataclasses
import re
import struct
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest

from riftwatch.records import Event, Place
from riftwatch.report import svg, write_report
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
    assert "class='alert-span'" in html and "class='edge rift'" in html
    # evidence: the trigger marked in its sentence
    assert "<mark>reject</mark>" in html
    # offline: no scripts, stylesheets, images or fonts fetched from anywhere
    assert not re.search(r"<(script|link|img|iframe)\b", html)
    assert "url(" not in html and "@import" not in html


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
    assert svg._mix(share) == colour


def test_network_draws_one_line_per_edge() -> None:
    edges = [svg.Edge("A", "B", 10, 1, "stable"), svg.Edge("B", "C", 4, 3, "rift")]
    out = svg.network(["A", "B", "C"], edges)
    assert out.count("class='edge ") == 2 and out.count("<circle") == 3


def test_map_shows_land_and_labels() -> None:
    out = svg.world_map([svg.Point(36.2, 37.16, 4, "strike")], ["SYR", "IRN"])
    assert "class='land'" in out and "Syria" in out and "class='event q4'" in out


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
