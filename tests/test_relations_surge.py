"""The volume test (a surge of conflictual events against the dyad's usual rate), rifts over the
whole history with start, peak and end, alerts in words, and the noisy-series scorer."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator

import numpy as np
import pytest

from riftwatch.relations.detect import DetectConfig, Grid, observed_periods, scan
from riftwatch.relations.rifts import WatchConfig, assess
from riftwatch.relations.simulate import Noise, Plan, Rift, noisy_lines, score
from riftwatch.relations.stats import beta_sf
from riftwatch.store.duck import Store
from test_relations_rifts import baseline_articles, ev, founding_article

START = dt.date(2020, 1, 6)


@pytest.fixture
def store() -> Iterator[Store]:
    with Store(":memory:") as s:
        yield s


@pytest.mark.parametrize(
    ("a", "b", "x"),
    [(1.5, 0.5, 0.055), (2.5, 3.5, 0.1), (10.5, 40.5, 0.3), (0.5, 0.5, 0.2), (50, 400, 0.14), (300, 3000, 0.1)],
)
def test_beta_sf_matches_monte_carlo(a: float, b: float, x: float) -> None:
    draws = np.random.default_rng(7).beta(a, b, 400_000)
    got = beta_sf(np.array([a]), np.array([b]), np.array([x]))[0]
    assert got == pytest.approx(float((draws > x).mean()), abs=0.004)


@pytest.mark.parametrize(("a", "b", "x"), [(150, 1800, 0.07692), (120, 2500, 0.04784), (60, 1500, 0.0409)])
def test_beta_sf_is_exact_near_the_mean_of_tight_betas(a: float, b: float, x: float) -> None:
    # a step sum over the grid cells was off by up to 0.013 here; interpolating within the cell is not
    draws = np.random.default_rng(11).beta(a, b, 400_000)
    got = beta_sf(np.array([a], dtype=float), np.array([b], dtype=float), np.array([x]))[0]
    assert got == pytest.approx(float((draws > x).mean()), abs=0.003)


def test_beta_sf_reads_one_density_at_many_points() -> None:
    a = np.array([3.5, 40.0, 3.5, 40.0, 3.5, 250.0])
    b = np.array([9.5, 300.0, 9.5, 300.0, 9.5, 250.0])
    x = np.array([0.1, 0.12, 0.4, 0.15, 0.0, 0.5])
    together = beta_sf(a, b, x)
    alone = [beta_sf(a[i : i + 1], b[i : i + 1], x[i : i + 1])[0] for i in range(len(a))]
    assert together.tolist() == pytest.approx(alone, abs=1e-12)
    assert together[4] == 1.0 and together[5] == pytest.approx(0.5, abs=1e-6)


@pytest.mark.parametrize(
    ("n", "t", "seen"),
    [([0, 2, 0, 1], 3, [0, 1, 2, 3]), ([1, 0, 0], 2, [1, 2, 3]), ([0, 0, 0], 2, [0, 0, 0])],
)
def test_observed_periods_count_from_the_first_event(n: list[int], t: int, seen: list[int]) -> None:
    assert observed_periods(np.array([n], dtype=float))[0].tolist() == seen


def _grid(weeks: int, rate: float, share: float, surge: dict[int, tuple[float, float]], seed: int) -> Grid:
    """One dyad: ``rate`` events a week, ``share`` conflictual; weeks in ``surge`` get
    (coverage multiplier, conflictual share) instead."""
    rng = np.random.default_rng(seed)
    n = np.zeros(weeks)
    c = np.zeros(weeks)
    for w in range(weeks):
        mult, sh = surge.get(w, (1.0, share))
        n[w] = rng.poisson(rate * mult)
        c[w] = rng.binomial(int(n[w]), sh)
    return Grid([("A", "B")], START, "week", n[None], c[None], np.zeros((1, weeks)), ((n - c) * 3 - c * 5)[None])


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_conflict_surge_raises_the_volume_test_where_the_share_test_stays_quiet(seed: int) -> None:
    # A quarrelsome dyad (30% conflictual): three weeks at four times the coverage and 55%
    # conflictual is a surge of conflict, though the share does not double.
    grid = _grid(60, 6.0, 0.3, {50: (4.0, 0.55), 51: (4.0, 0.55), 52: (4.0, 0.55)}, seed)
    sc = scan(grid, DetectConfig())
    assert sc.volume_alert is not None and sc.share_alert is not None
    assert sc.volume_alert[0, 50:53].any()
    assert not sc.share_alert[0, 50:53].any()
    assert not sc.alert[0, :50].any()


@pytest.mark.parametrize(("burst", "conflict"), [(4, 5), (3, 4), (6, 7)])
def test_more_coverage_with_the_usual_share_is_no_rift(burst: int, conflict: int) -> None:
    # 5 events a week, one conflictual; then two weeks with ``burst`` times the coverage and
    # about the usual share: more news, not a turn
    n = np.full(60, 5.0)
    c = np.ones(60)
    n[50:52], c[50:52] = 5.0 * burst, conflict
    grid = Grid([("A", "B")], START, "week", n[None], c[None], np.zeros((1, 60)), ((n - c) * 3 - c * 5)[None])
    assert not scan(grid, DetectConfig()).alert[0].any()
    c[50:52] = 3 * conflict  # the same coverage, three times the usual share: a turn
    assert scan(grid, DetectConfig()).alert[0, 50:52].any()


def test_alert_has_start_peak_end_tests_and_words(store: Store) -> None:
    store.write_events(baseline_articles() + founding_article(), "riftwatch")
    alerts = {a.dyad: a for a in assess(store, ["RUS", "IRN", "SYR"]).alerts}
    a = alerts[("IRN", "SYR")]
    assert a.peak == dt.date(2016, 5, 12) and a.end == dt.date(2016, 5, 15) and a.ongoing
    assert a.tests and set(a.tests) <= {"share", "volume", "articles", "shift"}
    assert a.articles == 1
    words = a.explanation
    assert words.startswith("IRN\u2013SYR: 2 conflictual of 3 events in the 4 weeks to 2016-05-15")
    assert "against 0 of 15" in words and "REJECT" in words and "REQUEST" in words
    assert "Uncorroborated" in words
    d = a.to_dict()
    assert d["peak"] == "2016-05-12" and d["corroboration"] == {"articles": 1, "outlets": 0}


def test_min_articles_drops_uncorroborated_alerts(store: Store) -> None:
    store.write_events(baseline_articles() + founding_article(), "riftwatch")
    assert assess(store, ["RUS", "IRN", "SYR"]).alerts
    assert not assess(store, ["RUS", "IRN", "SYR"], WatchConfig(min_articles=2)).alerts


def test_history_lists_past_rifts_and_current_view_only_open_ones(store: Store) -> None:
    # the falling-out of the founding article, then 12 more weeks of cooperation
    later = [
        ev(f"after-{w}-{i}", "CONSULT", [a], [b], dt.date(2016, 5, 23) + dt.timedelta(weeks=w, days=i), f"after-{w}")
        for w in range(12)
        for i, (a, b) in enumerate((("RUS GOV", "SYR GOV"), ("IRN GOV", "SYR GOV"), ("RUS GOV", "IRN GOV")))
    ]
    store.write_events(baseline_articles() + founding_article() + later, "riftwatch")
    past = assess(store, ["RUS", "IRN", "SYR"], WatchConfig(history=True)).alerts
    assert past and all(not a.ongoing and a.end and a.end <= dt.date(2016, 5, 15) for a in past)
    assert "last conflictual event fell by 2016-05-15" in past[0].explanation
    assert assess(store, ["RUS", "IRN", "SYR"], WatchConfig(history=False)).alerts == ()


def test_score_counts_hits_delays_and_false_alarms() -> None:
    plans = [
        Plan("AAA", "BBB", 5.0, 0.1, Rift(week=40, weeks=4, share=0.7, coverage=2.0)),
        Plan("AAA", "CCC", 5.0, 0.1),
    ]
    day = START + dt.timedelta(weeks=41)  # detected in the rift's second week: 14 days
    alerts = [(("BBB", "AAA"), day), (("AAA", "CCC"), START + dt.timedelta(weeks=10))]
    s = score(plans, alerts, 104)
    assert (s.rifts, s.found, s.delays, s.false_alarms) == (1, 1, (14,), 1)
    assert s.quiet_dyad_years == pytest.approx((104 + 104 - 8) / 52)


def test_noisy_lines_carry_the_noise_asked_for() -> None:
    plans = [Plan("AAA", "BBB", 20.0, 0.0), Plan("CCC", "DDD", 20.0, 0.0)]
    rows = [r.split("\t") for r in noisy_lines(plans, 30, Noise(spurious=0.25, wrong_role=0.5), seed=3)]
    pairs = [frozenset((r[7], r[17])) for r in rows]
    bad_article = [r[60].startswith("https://news.example/bad/") for r in rows]
    assert 0.2 < sum(bad_article) / len(rows) < 0.3
    true_rows = [p for p, bad in zip(pairs, bad_article, strict=True) if not bad]
    wrong = sum(p not in (frozenset(("AAA", "BBB")), frozenset(("CCC", "DDD"))) for p in true_rows)
    assert 0.4 < wrong / len(true_rows) < 0.6
    # every true event of these plans is cooperative; conflict comes only from spurious articles
    conflict = [int(r[28]) >= 9 for r in rows]
    assert not any(c for c, bad in zip(conflict, bad_article, strict=True) if not bad)
    random.seed(99)  # the global generator plays no part: the same seed gives the same rows
    assert [r.split("\t") for r in noisy_lines(plans, 30, Noise(spurious=0.25, wrong_role=0.5), seed=3)] == rows
