"""The articles test (``relations.volume``): a surge of distinct articles reporting conflict is
corroborated; the same surge of events packed into one or two articles is not."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from riftwatch.relations.detect import DetectConfig, Grid, scan
from riftwatch.relations.volume import Surge, surge_scan

START = dt.date(2020, 1, 6)
WEEKS = 60


def _grid(conflict_events: dict[int, float], conflict_articles: dict[int, float]) -> Grid:
    """One dyad, 20 events a week of which one conflictual (one article each), for 60 weeks; in the
    weeks given, that many conflictual events from that many distinct articles."""
    n = np.full(WEEKS, 20.0)
    c = np.ones(WEEKS)
    a = np.ones(WEEKS)
    for w, k in conflict_events.items():
        n[w] += k - 1
        c[w] = k
    for w, k in conflict_articles.items():
        a[w] = k
    z = np.zeros((1, WEEKS))
    return Grid([("A", "B")], START, "week", n[None], c[None], z, ((n - c) * 3 - c * 5)[None], a[None])


@pytest.mark.parametrize(("events", "articles", "alerts"), [
    (8, 8, True),  # eight conflictual reports from eight articles: a corroborated surge
    (8, 2, False),  # the same eight events from two articles: one story's clump
    (12, 12, True),
    (12, 3, False),
    (2, 2, False),  # two articles are no surge against a dyad's usual one a week
])  # fmt: skip
def test_articles_test_counts_distinct_articles(events: int, articles: int, alerts: bool) -> None:
    grid = _grid({55: events}, {55: articles})
    cfg = DetectConfig()
    test = Surge(cfg.article_windows, cfg.article_relative, cfg.article_probability, cfg.article_min)
    assert grid.articles is not None
    p, flags = surge_scan(grid.n, grid.conflict, grid.articles, test, cfg)
    assert bool(flags[0, 55]) is alerts
    assert not flags[0, :55].any()
    if alerts:
        assert p[0, 55] >= cfg.article_probability


def test_scan_reports_the_articles_test_and_skips_it_without_article_counts() -> None:
    grid = _grid({55: 8}, {55: 8})
    sc = scan(grid, DetectConfig())
    assert sc.articles_alert is not None and sc.articles_alert[0, 55] and sc.alert[0, 55]
    bare = Grid(grid.dyads, grid.first, grid.period, grid.n, grid.conflict, grid.material, grid.goldstein)
    assert scan(bare, DetectConfig()).articles_alert is None
    assert scan(grid, DetectConfig(articles=False)).articles_alert is None


@pytest.mark.parametrize(("events", "alerts"), [(12, True), (4, False)])
def test_a_clump_from_one_article_is_left_to_the_stricter_event_test(events: int, alerts: bool) -> None:
    # Conflictual events packed in one article: the articles test stays quiet; the event count
    # test raises a large clump against a dyad whose conflict came one report a week (its
    # threshold is the stricter, 0.999), not a small one.
    grid = _grid({55: events}, {55: 1})
    sc = scan(grid, DetectConfig())
    assert sc.articles_alert is not None and sc.volume_alert is not None
    assert not sc.articles_alert[0, 55]
    assert bool(sc.volume_alert[0, 55]) is alerts
