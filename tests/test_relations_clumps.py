"""The clump test (``relations.clumps``): one article reporting many conflictual acts between two
allies stands out against a baseline of one-event reports, not against a coder that often puts a
story's several events in one dyad; its false alarms stay near the nominal once in 100 dyad-years."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator

import numpy as np
import pytest

from riftwatch.relations.clumps import clump_scan, tail
from riftwatch.relations.detect import DetectConfig
from riftwatch.relations.rifts import WatchConfig, assess
from riftwatch.store.duck import Store
from test_relations_rifts import ev

START = dt.date(2020, 1, 6)  # a Monday


@pytest.fixture
def store() -> Iterator[Store]:
    with Store(":memory:") as s:
        yield s


# The tail of the Beta-geometric --------------------------------------------------------------


@pytest.mark.parametrize(("a", "b", "k"), [(0.5, 40.0, 4), (2.0, 8.0, 3), (5.0, 5.0, 6), (0.6, 100.0, 2)])
def test_tail_is_the_posterior_mean_of_the_geometric_tail(a: float, b: float, k: int) -> None:
    rng = np.random.default_rng(7)
    q = rng.beta(a, b, 400_000)
    expected = float(np.mean(q ** (k - 1)))
    got = float(tail(np.array([a]), np.array([b]), np.array([float(k)]))[0])
    assert got == pytest.approx(expected, rel=0.05)


def test_tail_of_a_sure_geometric_is_its_plain_tail() -> None:
    # a Beta with a huge weight is a known q: S(k) = q^(k-1)
    q, w = 0.2, 1e7
    ks = np.array([1.0, 2.0, 3.0, 5.0])
    got = tail(np.full(4, q * w), np.full(4, (1 - q) * w), ks)
    assert got == pytest.approx(q ** (ks - 1), rel=1e-4)


# The scan on dense arrays -------------------------------------------------------------------


def _arrays(
    dyads: int, weeks: int, per_week: float, excess: float, rng: np.random.Generator
) -> tuple[np.ndarray, ...]:
    """Each dyad: 40 events a week, ``per_week`` conflictual articles (Poisson), each with
    1 + Geometric conflictual events of mean excess ``excess``."""
    n = np.full((dyads, weeks), 40.0)
    arts = rng.poisson(per_week, (dyads, weeks)).astype(np.float64)
    ex = np.zeros((dyads, weeks))
    km = np.zeros((dyads, weeks))
    p = 1.0 / (1.0 + excess)
    for d in range(dyads):
        for t in range(weeks):
            k = int(arts[d, t])
            if k:
                sizes = rng.geometric(p, k)  # 1, 2, ... with mean 1 + excess
                ex[d, t] = float((sizes - 1).sum())
                km[d, t] = float(sizes.max()) if sizes.max() >= 2 else 0.0
    return n, arts, ex, km


@pytest.mark.parametrize(("size", "alerts"), [(2, False), (3, False), (4, True), (7, True)])
def test_a_clump_alerts_against_one_event_reports(size: int, alerts: bool) -> None:
    # 30 weeks of 2 conflictual one-event articles a week in each of three dyads; then one article
    # with ``size`` conflictual events.  Two never alert (clump_min); three is once in some 40
    # dyad-years here, under the once in 100 the test asks; four and more are rarer still.
    rng = np.random.default_rng(1)
    n, arts, ex, km = _arrays(3, 31, 2.0, 0.0, rng)
    km[0, 30], ex[0, 30] = size, size - 1
    p, flags, expected = clump_scan(n, arts, ex, km, "week", DetectConfig())
    assert bool(flags[0, 30]) is alerts
    assert not flags[:, :30].any()
    if size >= DetectConfig().clump_min:
        assert expected[0, 30] > 0 and p[0, 30] == pytest.approx(np.exp(-expected[0, 30]))


def test_a_clumpy_coder_raises_the_bar_for_every_dyad() -> None:
    # the same article of 5 conflictual events, against dyads whose articles usually bring 1.4
    # such events (a coder that codes a story's several acts in one dyad): no alert; against
    # one-event reports: an alert
    rng = np.random.default_rng(2)
    for excess, alerts in ((0.4, False), (0.0, True)):
        n, arts, ex, km = _arrays(6, 31, 2.0, excess, rng)
        km[0, 30] = 5
        _, flags, _ = clump_scan(n, arts, ex, km, "week", DetectConfig())
        assert bool(flags[0, 30]) is alerts


def test_no_alert_without_a_baseline() -> None:
    n = np.full((1, 5), 40.0)
    arts = np.ones((1, 5))
    km = np.zeros((1, 5))
    km[0, 4] = 9
    _, flags, expected = clump_scan(n, arts, np.zeros((1, 5)), km, "week", DetectConfig())
    assert not flags.any() and not expected.any()  # 4 weeks of history, fewer than min_baseline_periods


@pytest.mark.parametrize("excess", [0.0, 0.2, 0.6])
def test_false_alarms_stay_near_the_nominal_rate(excess: float) -> None:
    # Dyads whose clumps follow the null exactly (geometric sizes): alerts per dyad-year stay
    # within a few times the nominal 0.01 (the Beta posterior widens the tail; two years, 60 dyads)
    rng = np.random.default_rng(int(excess * 10) + 3)
    weeks, dyads = 104, 60
    n, arts, ex, km = _arrays(dyads, weeks, 3.0, excess, rng)
    _, flags, _ = clump_scan(n, arts, ex, km, "week", DetectConfig())
    rate = flags.sum() / (dyads * weeks / 52)
    assert rate <= 0.03, rate


# Through the store: the SQL, the alert and its explanation -----------------------------------

ONLY_CLUMPS = DetectConfig(volume=False, articles=False, shift=False)  # (and the share test, always on)


def _one_event_reports(weeks: int = 22) -> list:  # type: ignore[type-arg]
    """A dense cooperative baseline of one-event articles between RUS and SYR, one conflictual
    report a week."""
    out = []
    for w in range(weeks):
        for i in range(10):
            day = START + dt.timedelta(weeks=w, days=i % 7)
            etype = "ACCUSE" if i == 0 else "CONSULT"
            out.append(ev(f"b{w}-{i}", etype, ["RUS GOV"], ["SYR GOV"], day, f"base-{w}-{i}"))
    return out


def _clump_article(day: dt.date, spread: int = 0) -> list:  # type: ignore[type-arg]
    """One article with four conflictual acts between the allies, the first ``spread`` days earlier."""
    acts = (("REJECT", -spread), ("SANCTION", -spread), ("ACCUSE", 0), ("THREATEN", 0))
    return [
        ev(f"c{i}", etype, ["RUS GOV"], ["SYR GOV"], day + dt.timedelta(days=off), "the-falling-out")
        for i, (etype, off) in enumerate(acts)
    ]


@pytest.mark.parametrize("spread", [0, 9])
def test_one_article_of_four_conflictual_acts_raises_a_clump_alert(store: Store, spread: int) -> None:
    # its events dated in one week, or over two: the clump is the article's, dated by its last event
    day = START + dt.timedelta(weeks=20, days=3)
    store.write_events(_one_event_reports(), "gdelt")
    store.write_events(_clump_article(day, spread), "riftwatch")
    result = assess(store, ["RUS", "SYR"], WatchConfig(detect=ONLY_CLUMPS))
    [alert] = result.alerts
    assert alert.tests == ("clump",)
    assert {e.article_id for e in alert.evidence} == {"the-falling-out"}
    assert alert.articles == 1 and len(alert.evidence) == 4
    assert alert.start == day - dt.timedelta(days=spread)
    assert "one article reported 4 conflictual events" in alert.explanation
    assert "a single article" in alert.explanation
    assert alert.statistic["p_clump"] >= 0.99
    assert result.grid is not None and result.grid.clump_articles is not None
    # the article counts once among the dyad's articles with conflict, in the week of its last event
    t = (day - START).days // 7
    assert result.grid.clump_articles[0, t] == 2  # it and that week's one-event report
    if spread:
        assert result.grid.clump_articles[0, t - 1] == 1  # the earlier week's report only


def test_single_article_alerts_go_with_min_articles(store: Store) -> None:
    store.write_events(_one_event_reports(), "gdelt")
    store.write_events(_clump_article(START + dt.timedelta(weeks=20, days=3)), "riftwatch")
    cfg = WatchConfig(detect=ONLY_CLUMPS, min_articles=2)
    assert assess(store, ["RUS", "SYR"], cfg).alerts == ()


def test_two_conflictual_acts_in_one_article_do_not_alert(store: Store) -> None:
    day = START + dt.timedelta(weeks=20, days=3)
    store.write_events(_one_event_reports(), "gdelt")
    store.write_events(_clump_article(day)[:2], "riftwatch")
    result = assess(store, ["RUS", "SYR"], WatchConfig())
    assert result.alerts == ()


def test_the_same_acts_reported_by_several_articles_are_one_clump(store: Store) -> None:
    # three articles repeat the four acts: cross-article dedup counts them once, and every cluster
    # names the same article, so the clump stays whole (4) instead of splitting between reports
    day = START + dt.timedelta(weeks=20, days=3)
    store.write_events(_one_event_reports(), "gdelt")
    reports = []
    for k, name in enumerate(("report-a", "report-b", "report-c")):
        for e in _clump_article(day + dt.timedelta(days=k % 2)):
            reports.append(dataclasses.replace(e, event_id=f"{name}-{e.event_id}", article_id=name))
    store.write_events(reports, "riftwatch")
    result = assess(store, ["RUS", "SYR"], WatchConfig(detect=ONLY_CLUMPS))
    assert result.grid is not None and result.grid.clump_max is not None
    assert result.grid.clump_max.max() == 4
    assert result.grid.conflict[0, (day - START).days // 7] == 4 + 1  # the acts once, and the week's report
    [alert] = result.alerts
    assert alert.tests == ("clump",)
