"""The articles test (``relations.volume``): a surge of distinct articles reporting conflict is
corroborated; the same surge of events packed into one or two articles is not."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import numpy as np
import pytest

from riftwatch.relations.detect import DetectConfig, Grid, scan
from riftwatch.relations.rifts import assess
from riftwatch.relations.volume import Surge, surge_scan
from riftwatch.store.duck import Store
from test_relations_rifts import ev

START = dt.date(2020, 1, 6)
WEEKS = 60


@pytest.fixture
def store() -> Iterator[Store]:
    with Store(":memory:") as s:
        yield s


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


def _week(grid: Grid, day: dt.date) -> int:
    return (day - grid.first).days // 7


@pytest.mark.parametrize(("reports", "events", "articles"), [
    # (article, PLOVER type, day offset) of each conflictual report between RUS and SYR
    ([("a1", "ACCUSE", 0), ("a1", "REJECT", 1), ("a1", "THREATEN", 2)], 3, 1),  # one article, three acts
    ([("a1", "ACCUSE", 0), ("a2", "REJECT", 1), ("a3", "THREATEN", 2)], 3, 3),  # three articles
    ([("a1", "ACCUSE", 0), ("a1", "REJECT", 0), ("a2", "THREATEN", 1)], 3, 2),
    # the same accusation reported by three articles is one event, reported by one cluster
    ([("a1", "ACCUSE", 0), ("a2", "ACCUSE", 0), ("a3", "ACCUSE", 1)], 1, 1),
])  # fmt: skip
def test_grid_counts_distinct_articles_behind_conflict(
    store: Store, reports: list[tuple[str, str, int]], events: int, articles: int
) -> None:
    day = dt.date(2016, 5, 2)  # a Monday
    base = [ev(f"b{w}", "CONSULT", ["RUS GOV"], ["SYR GOV"], day - dt.timedelta(weeks=w), f"b{w}") for w in range(1, 5)]
    rows = [
        ev(f"r{i}", t, ["RUS GOV"], ["SYR GOV"], day + dt.timedelta(days=k), art) for i, (art, t, k) in enumerate(reports)
    ]
    store.write_events(base + rows, "riftwatch")
    grid = assess(store, ["RUS", "SYR"]).grid
    assert grid is not None and grid.articles is not None
    t = _week(grid, day)
    assert (grid.conflict[0, t], grid.articles[0, t]) == (events, articles)
    assert grid.articles[0, :t].sum() == 0


def test_alert_from_many_articles_says_so_in_words(store: Store) -> None:
    # 20 weeks: four cooperative reports and one accusation a week, each in its own article;
    # then a week of eight conflictual reports from eight articles (eight kinds of act, so that
    # none is taken for another article's report of the same one)
    day = dt.date(2016, 5, 2)
    rows = []
    for w in range(1, 21):
        d = day - dt.timedelta(weeks=w)
        rows += [ev(f"c{w}-{i}", "CONSULT", ["RUS GOV"], ["SYR GOV"], d + dt.timedelta(days=i), f"c{w}-{i}") for i in range(4)]
        rows.append(ev(f"x{w}", "ACCUSE", ["RUS GOV"], ["SYR GOV"], d, f"x{w}"))
    types = ("ACCUSE", "REJECT", "THREATEN", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT", "PROTEST")
    rows += [ev(f"s{i}", t, ["SYR GOV"], ["RUS GOV"], day + dt.timedelta(days=i % 5), f"s{i}") for i, t in enumerate(types)]
    store.write_events(rows, "riftwatch")
    alerts = assess(store, ["RUS", "SYR"]).alerts
    assert len(alerts) == 1 and "articles" in alerts[0].tests
    assert alerts[0].articles == 8
    assert "more distinct articles reported conflict than the dyad's usual rate" in alerts[0].explanation
    assert alerts[0].statistic["p_articles"] >= DetectConfig().article_probability
