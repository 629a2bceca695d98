"""Rift detection on dense dyad x period arrays: the statistic, without any SQL.

For every dyad d and period t two windows are compared: the *recent* window (the last ``recent``
periods up to t) and the *baseline* (the ``baseline`` periods before it).  With c conflictual
(QuadClass 3-4) events out of n:

    p_baseline ~ Beta(a0 + c_b, a0 + n_b - c_b)                   (Jeffreys prior, a0 = 1/2)
    p_recent   ~ Beta(k * m + c_r, k * (1 - m) + n_r - c_r)      (m: posterior mean of p_baseline)

The recent share's prior is centred on the dyad's own baseline with the weight of ``k`` events, so
a couple of events cannot by themselves swing it: that is what keeps sparse dyads from alerting on
one report.  The alert statistic is the posterior probability that the dyad's conflict share at
least doubled and rose by more than ``margin`` (defaults: relative = 1, margin = 0.05):

    P = Pr(p_recent > (1 + relative) * p_baseline + margin)

Requiring a relative as well as an absolute rise is what a *turn* means for an alliance (from 2 %
to 10 % conflictual is one; from 30 % to 36 % is noise), and it keeps sparse, already quarrelsome
dyads from alerting on the chance runs that many looks at noisy data produce.

and a period alerts when P >= ``probability`` (0.95), with at least ``min_conflict`` conflictual
events in the recent window and ``min_baseline`` events in the baseline.  One event alone may alert
only when the baseline is long and strongly cooperative (>= ``single_event_baseline`` events, at
most ``single_event_share`` conflictual), the event is material conflict (QuadClass 4), nothing
cooperative happened in the recent window and P >= ``single_event_probability``.

Beside this share test, ``scan`` runs the volume and articles tests (``volume``), the shift test
(``shift``) and the clump test (``clumps``: one article with many conflictual events); a period
alerts when any of them does.

Consecutive alerting periods form one episode.  Its start is dated by a one-sided CUSUM on the
dyad's per-period mean Goldstein score, standardised by the baseline's mean and spread: the turn
began where the CUSUM run that is positive at detection left zero (never before the recent window).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np

from riftwatch.relations import periods
from riftwatch.relations.clumps import clump_scan
from riftwatch.relations.dyads import Period
from riftwatch.relations.shift import shift_scan
from riftwatch.relations.stats import Array, cusum_down, p_exceeds_grid, p_exceeds_normal
from riftwatch.relations.volume import Surge, surge_scan
from riftwatch.relations.windows import observed_periods, window_sums

__all__ = ["DetectConfig", "Grid", "Scan", "episodes", "observed_periods", "scan", "turn_start", "volume_scan"]


@dataclass(frozen=True, slots=True)
class DetectConfig:
    """The statistic's knobs; the defaults are what the tests and the benchmark measured."""

    recent: int = 4
    baseline: int = 52
    margin: float = 0.05
    relative: float = 1.0
    probability: float = 0.95
    cooling: float = 0.50
    prior_strength: float = 0.5
    jeffreys: float = 0.5
    min_baseline: int = 5
    min_conflict: int = 2
    single_event_baseline: int = 20
    single_event_share: float = 0.05
    single_event_probability: float = 0.80
    cusum_k: float = 0.5
    exact_below: int = 40  # Monte Carlo refinement where a window holds fewer events than this
    # the volume test (a surge of conflictual events against the dyad's own usual rate)
    volume: bool = True
    volume_windows: tuple[int, ...] = (1, 2, 4)
    volume_relative: float = 0.5
    volume_probability: float = 0.999
    volume_min_conflict: int = 3
    volume_share_probability: float = 0.99
    dispersion: float = 1.25  # floor of the dyad's own dispersion (``windows.count_dispersion``)
    min_baseline_periods: int = 8
    # the articles test (``volume``: distinct articles with conflict, against their usual rate)
    articles: bool = True
    article_windows: tuple[int, ...] = (1, 2, 4)
    article_relative: float = 0.5
    article_probability: float = 0.995
    article_min: int = 3
    # the shift test (``shift``: the conflictual share of a short window against the baseline's)
    shift: bool = True
    shift_windows: tuple[int, ...] = (1, 2, 3)
    shift_probability: float = 0.999
    shift_margin: float = 0.05
    shift_min_conflict: int = 3
    shift_min_events: int = 10
    # the clump test (``clumps``: one article with many conflictual events, against how the
    # dyad's articles usually come); ``clump_probability`` 0.99 is once in 100 dyad-years by chance
    clump: bool = True
    clump_min: int = 3
    clump_probability: float = 0.99
    clump_prior: float = 20.0
    # empirical Bayes for both: a dyad's dispersion is shrunk towards the other dyads' median with
    # the weight of this many periods, and capped
    dispersion_prior: float = 10.0
    max_dispersion: float = 20.0


@dataclass(frozen=True, slots=True)
class Grid:
    """Dense series: rows are dyads, columns consecutive periods from ``first``."""

    dyads: list[tuple[str, str]]
    first: dt.date
    period: Period
    n: Array  # events
    conflict: Array  # QuadClass 3-4
    material: Array  # QuadClass 4
    goldstein: Array  # Goldstein sum
    articles: Array | None = None  # distinct articles reporting a conflictual event
    # the clump test's counts (``clumps``), of articles by the period they are dated in (their
    # last conflictual unit in the dyad): how many report conflict, the excess sum(K - 1) of their
    # conflictual units K, and the largest K
    clump_articles: Array | None = None
    clump_excess: Array | None = None
    clump_max: Array | None = None

    @property
    def periods(self) -> int:
        return int(self.n.shape[1])

    def date(self, t: int) -> dt.date:
        return periods.start(self.first, t, self.period)


@dataclass(frozen=True, slots=True)
class Scan:
    """The statistic for every dyad and period, and which periods alert."""

    p: Array
    n_recent: Array
    c_recent: Array
    n_base: Array
    c_base: Array
    alert: np.ndarray  # bool
    p_share: Array | None = None  # the share test alone (``p`` is the larger of the two tests)
    p_volume: Array | None = None  # the volume test alone (0 where it was not computed)
    volume_alert: np.ndarray | None = None  # bool: periods the volume test alone would raise
    share_alert: np.ndarray | None = None  # bool: periods the share test alone would raise
    p_shift: Array | None = None  # the shift test alone (0 where it was not computed)
    shift_alert: np.ndarray | None = None  # bool: periods the shift test alone would raise
    p_articles: Array | None = None  # the articles test alone (``volume.surge_scan``)
    articles_alert: np.ndarray | None = None
    p_clump: Array | None = None  # the clump test alone (``clumps.clump_scan``)
    clump_alert: np.ndarray | None = None
    clump_expected: Array | None = None  # chance clumps as large a year (0 where none was tested)

    def shares(self, d: int, t: int) -> tuple[float, float]:
        """Observed conflict shares (baseline, recent) at (d, t); NaN where a window is empty."""
        nb, nr = self.n_base[d, t], self.n_recent[d, t]
        return (
            float(self.c_base[d, t] / nb) if nb else float("nan"),
            float(self.c_recent[d, t] / nr) if nr else float("nan"),
        )


def scan(grid: Grid, cfg: DetectConfig) -> Scan:
    """Compute P for every (dyad, period) and mark the alerting periods."""
    nr, nb = window_sums(grid.n, cfg.recent, cfg.baseline)
    cr, cb = window_sums(grid.conflict, cfg.recent, cfg.baseline)
    mr, _ = window_sums(grid.material, cfg.recent, cfg.baseline)
    a_b = cfg.jeffreys + cb
    b_b = cfg.jeffreys + nb - cb
    m = a_b / (a_b + b_b)
    a_r = cfg.prior_strength * m + cr
    b_r = cfg.prior_strength * (1.0 - m) + nr - cr
    p = p_exceeds_normal(a_r, b_r, a_b, b_b, cfg.margin, cfg.relative)
    # Where counts are small the Betas are skewed and the normal approximation can be off by
    # several points just where it matters: recompute those cells exactly.
    # (The approximation is within ~0.03 of the exact value on small counts, so only the band
    # around the decisions is recomputed, once per distinct parameter set.)
    single_candidate = (cr == 1) & (mr >= 1) & (nr == cr) & (nb >= cfg.single_event_baseline)
    near = (
        (p > min(cfg.probability, cfg.single_event_probability) - 0.06) & (p < 0.995)
        & ((cr >= cfg.min_conflict) | single_candidate)
        & (nb >= cfg.min_baseline) & (np.minimum(nr, nb) < cfg.exact_below)
    )  # fmt: skip
    if near.any():
        cells = np.stack([v[near] for v in (a_r, b_r, a_b, b_b)], axis=1).round(4)
        keys, inverse = np.unique(cells, axis=0, return_inverse=True)
        p[near] = p_exceeds_grid(keys, cfg.margin, cfg.relative)[inverse.ravel()]
    enough = nb >= cfg.min_baseline
    regular = (p >= cfg.probability) & (cr >= cfg.min_conflict) & enough
    single = single_candidate & (cb <= cfg.single_event_share * nb) & (p >= cfg.single_event_probability)
    alert = regular | single
    pv = ps = None
    va = sa = None
    best, alerts = p, alert
    pa = aa = None
    if cfg.volume:
        pv, va = volume_scan(grid, cfg)
        best, alerts = np.maximum(best, pv), alerts | va
    if cfg.articles and grid.articles is not None:
        test = Surge(cfg.article_windows, cfg.article_relative, cfg.article_probability, cfg.article_min)
        pa, aa = surge_scan(grid.n, grid.conflict, grid.articles, test, cfg)
        best, alerts = np.maximum(best, pa), alerts | aa
    if cfg.shift:
        ps, sa = shift_scan(grid.n, grid.conflict, cfg)
        best, alerts = np.maximum(best, ps), alerts | sa
    pc = ca = ce = None
    if cfg.clump and grid.clump_articles is not None and grid.clump_excess is not None and grid.clump_max is not None:
        pc, ca, ce = clump_scan(grid.n, grid.clump_articles, grid.clump_excess, grid.clump_max, grid.period, cfg)
        best, alerts = np.maximum(best, pc), alerts | ca
    return Scan(
        p=best, n_recent=nr, c_recent=cr, n_base=nb, c_base=cb, alert=alerts, p_share=p, p_volume=pv,
        volume_alert=va, share_alert=alert, p_shift=ps, shift_alert=sa, p_articles=pa, articles_alert=aa,
        p_clump=pc, clump_alert=ca, clump_expected=ce,
    )  # fmt: skip


def volume_scan(grid: Grid, cfg: DetectConfig) -> tuple[Array, np.ndarray]:
    """The volume test: a surge of conflictual events against the dyad's usual rate (``volume``)."""
    test = Surge(cfg.volume_windows, cfg.volume_relative, cfg.volume_probability, cfg.volume_min_conflict)
    return surge_scan(grid.n, grid.conflict, grid.conflict, test, cfg)


def episodes(flags: np.ndarray) -> list[tuple[int, int]]:
    """Runs of consecutive True as (first, last) index pairs."""
    out: list[tuple[int, int]] = []
    start = -1
    for i, f in enumerate(flags.tolist()):
        if f and start < 0:
            start = i
        elif not f and start >= 0:
            out.append((start, i - 1))
            start = -1
    if start >= 0:
        out.append((start, len(flags) - 1))
    return out


def turn_start(grid: Grid, d: int, t0: int, cfg: DetectConfig) -> tuple[int, float]:
    """The period where the turn detected at ``t0`` began, and the CUSUM value at ``t0``.

    Falls back to the first period of the recent window holding a conflictual event when the
    Goldstein CUSUM has not moved (a few mild conflict events can shift the share, not the mean).
    """
    n = grid.n[d]
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = np.where(n > 0, grid.goldstein[d] / n, np.nan)
    recent0 = max(t0 - cfg.recent + 1, 0)
    base0 = max(recent0 - cfg.baseline, 0)
    base = mean[base0:recent0]
    base = base[~np.isnan(base)]
    mu = float(base.mean()) if base.size else 0.0
    sigma = max(float(base.std()) if base.size > 1 else 0.0, 1.0)
    s = cusum_down(mean[base0 : t0 + 1], mu, sigma, cfg.cusum_k)
    value = float(s[-1])
    if value > 0:
        zeros = np.nonzero(s == 0)[0]
        start = base0 + (int(zeros[-1]) + 1 if zeros.size else 0)
        start = max(start, recent0)
        # the run may open with a period whose conflicts are none: move to the first with some
        while start < t0 and grid.conflict[d, start] == 0:
            start += 1
        return start, value
    for t in range(recent0, t0 + 1):
        if grid.conflict[d, t] > 0:
            return t, value
    return t0, value
