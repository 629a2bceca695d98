"""Overdispersion measured per dyad (empirical Bayes), the short-window shift test, and the oracle
bound of the rift evaluation."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from riftwatch.relations.detect import DetectConfig, Grid, scan
from riftwatch.relations.shift import shift_scan
from riftwatch.relations.simulate import POOL_NOISE, Noise, Plan, Rift, detectable, score
from riftwatch.relations.windows import count_dispersion, observed_periods, share_dispersion, window_sums

START = dt.date(2020, 1, 6)


def _poisson(rng: np.random.Generator, mean: float, weeks: int, shape: float | None) -> np.ndarray:
    """Weekly counts: Poisson, or Poisson with a Gamma(shape) attention factor (news bursts)."""
    lam = np.full(weeks, mean) if shape is None else mean * rng.gamma(shape, 1 / shape, weeks)
    return rng.poisson(lam).astype(np.float64)


@pytest.mark.parametrize(
    ("mean", "shape", "low", "high"),
    [
        (3.0, None, 0.6, 1.6),  # Poisson: variance = mean
        (20.0, None, 0.6, 1.6),
        (3.0, 2.0, 1.6, 4.5),  # bursty: variance = mean + mean^2 / shape, ratio 1 + mean / 2
        (20.0, 2.0, 6.0, 20.0),
    ],
)
def test_count_dispersion_tells_poisson_from_bursty_dyads(mean: float, shape: float | None, low: float, high: float) -> None:
    rng = np.random.default_rng(5)
    x = np.stack([_poisson(rng, mean, 80, shape) for _ in range(30)])
    span = np.clip(observed_periods(x + 1) - 1, 0, 52)
    d = count_dispersion(x, 1, 52, span, prior=10.0, cap=50.0)
    assert low <= float(np.median(d[:, -1])) <= high


def test_dispersion_of_a_short_history_borrows_from_the_other_dyads() -> None:
    rng = np.random.default_rng(2)
    x = np.stack([_poisson(rng, 20.0, 80, 2.0) for _ in range(20)])
    x[0, :75] = 0  # dyad 0 first seen five weeks before the end: too short to speak for itself
    x[0, 75:] = 20.0
    span = np.clip(observed_periods(x) - 1, 0, 52)
    d = count_dispersion(x, 1, 52, span, prior=10.0, cap=50.0)
    others = float(np.median(d[1:, -1]))
    assert d[0, -1] > 0.5 * others  # its own weeks are flat, yet it is not trusted to be Poisson


@pytest.mark.parametrize(("clump", "low", "high"), [(1, 0.6, 1.6), (4, 2.5, 6.0)])
def test_share_dispersion_grows_when_conflict_comes_in_clumps(clump: int, low: float, high: float) -> None:
    # 40 events a week, 10% conflictual; conflict arriving ``clump`` events at a time (one
    # mis-coded article, one story) varies the weekly share ``clump`` times as much
    rng = np.random.default_rng(9)
    n = np.full((30, 80), 40.0)
    c = clump * rng.binomial(40 // clump, 0.1, (30, 80)).astype(np.float64)
    q = share_dispersion(n, c, 1, 52, prior=10.0, cap=50.0)
    assert low <= float(np.median(q[:, -1])) <= high


def test_window_sums_split_recent_and_baseline() -> None:
    x = np.arange(1.0, 8.0)[None, :]  # 1..7
    recent, base = window_sums(x, 2, 3)
    assert recent[0].tolist() == [1, 3, 5, 7, 9, 11, 13]
    assert base[0].tolist() == [0, 0, 1, 3, 6, 9, 12]


def _dyad(n: list[float], c: list[float]) -> tuple[np.ndarray, np.ndarray]:
    return np.array([n], dtype=np.float64), np.array([c], dtype=np.float64)


@pytest.mark.parametrize(
    ("week_n", "week_c", "alerts"),
    [
        (30.0, 14.0, True),  # a busy dyad, usually 10% conflictual, at 47% for a week: a shift
        (60.0, 6.0, False),  # twice the coverage at the usual share: more news, no shift
        (4.0, 3.0, False),  # three of four events in a sparse week: too few events to judge
        (30.0, 5.0, False),  # 17%: within the dyad's usual spread
    ],
)
def test_shift_test_on_one_week(week_n: float, week_c: float, alerts: bool) -> None:
    rng = np.random.default_rng(4)
    weeks = 60
    n = rng.poisson(30, weeks).astype(np.float64)
    c = rng.binomial(n.astype(int), 0.1).astype(np.float64)
    n[-1], c[-1] = week_n, week_c
    nn, cc = _dyad(list(n), list(c))
    _, alert = shift_scan(nn, cc, DetectConfig())
    assert bool(alert[0, -1]) is alerts
    assert not alert[0, :-1].any()


def test_scan_reports_which_tests_fired() -> None:
    rng = np.random.default_rng(4)
    n = rng.poisson(30, 60).astype(np.float64)
    c = rng.binomial(n.astype(int), 0.1).astype(np.float64)
    n[-1], c[-1] = 30.0, 14.0
    g = Grid([("A", "B")], START, "week", n[None], c[None], np.zeros((1, 60)), ((n - c) * 3 - c * 5)[None])
    sc = scan(g, DetectConfig())
    assert sc.shift_alert is not None and sc.shift_alert[0, -1] and sc.alert[0, -1]
    off = scan(g, DetectConfig(shift=False))
    assert off.shift_alert is None and off.p_shift is None


def _grid_for(plan: Plan, weeks: int, rift_c: float, rng: np.random.Generator) -> Grid:
    n = rng.poisson(plan.rate, weeks).astype(np.float64)
    c = rng.binomial(n.astype(int), plan.conflict).astype(np.float64)
    if plan.rift is not None:
        w0 = plan.rift.week
        n[w0 : w0 + 3] += rift_c
        c[w0 : w0 + 3] += rift_c
    z = np.zeros((1, weeks))
    return Grid([(plan.a, plan.b)], START, "week", n[None], c[None], z, z)


@pytest.mark.parametrize(("extra", "found"), [(25.0, 1), (0.0, 0)])
def test_oracle_finds_a_strong_rift_and_not_an_invisible_one(extra: float, found: int) -> None:
    plan = Plan("AAA", "BBB", 20.0, 0.1, Rift(week=100, weeks=4, share=0.7, coverage=2.0))
    grid = _grid_for(plan, 156, extra, np.random.default_rng(1))
    assert detectable([plan], grid) == {20.0: (1, found)}


def test_score_counts_false_alarms_per_rate() -> None:
    plans = [Plan("AAA", "BBB", 2.0, 0.1), Plan("AAA", "CCC", 8.0, 0.1, Rift(40, 4, 0.7, 2.0))]
    alerts = [(("AAA", "BBB"), START + dt.timedelta(weeks=3)), (("AAA", "CCC"), START + dt.timedelta(weeks=10))]
    s = score(plans, alerts, 104)
    assert s.false_by_rate[2.0] == (1, pytest.approx(2.0))
    assert s.false_by_rate[8.0] == (1, pytest.approx((104 - 8) / 52))


def test_pool_noise_is_a_noise_and_moves_fewer_events_between_dyads_than_the_issue_reading() -> None:
    issue = Noise()
    assert 0 < POOL_NOISE.spurious < 1 and 0 < POOL_NOISE.spurious_conflict < 1
    assert POOL_NOISE.events_per_bad_article >= 1 and POOL_NOISE.wrong_role < issue.wrong_role
