"""Surge tests: has a dyad's rate of conflict come faster than its own usual rate?

The same rate test is run on two counts of a dyad's conflict, each answering a different doubt
about noisy news:

* *volume*, conflictual **events**: the plain count (``volume_windows``);
* *articles*, distinct **articles** reporting a conflictual event: a mis-coded article brings
  several events at once, a real turn is reported by many articles, so a surge of articles is
  corroborated where a surge of events may be one story's clump (``article_windows``).

For a window of w periods ending at t, with c_r counted in it and c_b in the B baseline periods
before it (B counts only periods since the dyad's first event: a dyad first seen last month has no
long quiet past), the two Poisson rates are compared through the share of all these counts that
fell in the window, pi = w r / (w r + B r_b).  Its posterior (Jeffreys prior) is
Beta(c_r / q + 1/2, c_b / q + 1/2), where the dispersion q >= 1 shrinks counts because news comes
in bursts (quasi-Poisson): q is the dyad's own variance-to-mean ratio of the count over its
baseline, shrunk towards the other dyads' (``windows.count_dispersion``), at least ``dispersion``.
The statistic is P(r > f r_b), i.e. P(pi > f w / (f w + B)), with f = 1 + the test's ``relative``.

A window alerts when that probability reaches the test's threshold, it counts at least the test's
minimum, the baseline spans ``min_baseline_periods`` periods with ``min_baseline`` events, and the
window's conflict share is above the baseline's with posterior probability
``volume_share_probability`` (a burst of coverage in which conflict keeps its usual share is more
news, not a turn).  Windows of several lengths are tried: one period catches a sharp burst,
several a slower build-up.  The thresholds are per test and include the correction for the
windows and tests tried (they were set so that the whole detector keeps its false-alarm budget on
generated series, ``benchmarks/eval_rifts.py``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from riftwatch.relations.stats import Array, beta_sf, norm_cdf, p_exceeds_grid, p_exceeds_normal
from riftwatch.relations.windows import count_dispersion, observed_periods, window_sums

if TYPE_CHECKING:
    from riftwatch.relations.detect import DetectConfig


@dataclass(frozen=True, slots=True)
class Surge:
    """One surge test's settings: its windows, margin over the usual rate, threshold, minimum count."""

    windows: tuple[int, ...]
    relative: float
    probability: float
    min_count: int


def surge_scan(
    n: Array, conflict: Array, counts: Array, test: Surge, cfg: DetectConfig
) -> tuple[Array, np.ndarray]:
    """The largest probability over the test's windows for every (dyad, period), and where it alerts.

    ``n`` and ``conflict`` are the dyad's events and conflictual events (for the share check);
    ``counts`` is what the test counts (conflictual events, articles, or stories).
    """
    best = np.zeros(n.shape)
    alert = np.zeros(n.shape, dtype=bool)
    seen = observed_periods(n)
    f = 1.0 + test.relative
    for w in test.windows:
        nr, nb = window_sums(n, w, cfg.baseline)
        cr, cb = window_sums(conflict, w, cfg.baseline)
        kr, kb = (cr, cb) if counts is conflict else window_sums(counts, w, cfg.baseline)
        span = np.clip(seen - w, 0, cfg.baseline)
        cand = (
            (kr >= test.min_count) & (span >= cfg.min_baseline_periods) & (nb >= cfg.min_baseline)
            & (kr * span > f * w * kb) & (cr * nb > cb * nr)
        )  # fmt: skip
        if not cand.any():
            continue
        disp = count_dispersion(counts, w, cfg.baseline, span, cfg.dispersion_prior, cfg.max_dispersion)
        # in steps of 1/4, so that cells with the same counts share one integration below
        q = np.maximum(np.round(disp[cand] * 4.0) / 4.0, max(cfg.dispersion, 1.0))
        a, b = kr[cand] / q + 0.5, kb[cand] / q + 0.5
        x = f * w / (f * w + span[cand])
        # the normal approximation sorts out the cells far from the threshold; only the others
        # are integrated (in dense data most cells are far below it)
        mean, var = a / (a + b), a * b / ((a + b) ** 2 * (a + b + 1))
        rough = 1.0 - norm_cdf((x - mean) / np.sqrt(var))
        near = rough > test.probability - 0.2
        if not near.any():
            continue
        # rounded so that cells with nearly the same counts share one integration (``beta_sf``
        # integrates each distinct shape once)
        cells = np.flatnonzero(cand)[near]
        pw = beta_sf(a[near].round(3), b[near].round(3), x[near].round(3))
        # the share must have risen too (checked where the rate test alone would alert):
        # P(recent share > baseline share), normal approximation, integrated near the threshold
        likely = pw >= test.probability
        rc, rn, bc, bn = (v.flat[cells[likely]] for v in (cr, nr, cb, nb))
        betas = np.stack([rc + 0.5, rn - rc + 0.5, bc + 0.5, bn - bc + 0.5], axis=1)
        rose = p_exceeds_normal(betas[:, 0], betas[:, 1], betas[:, 2], betas[:, 3], 0.0)
        unsure = (rose > cfg.volume_share_probability - 0.2) & (rose < 0.9999)
        if unsure.any():
            bkeys, binv = np.unique(betas[unsure].round(4), axis=0, return_inverse=True)
            rose[unsure] = p_exceeds_grid(bkeys, 0.0, 0.0)[binv.ravel()]
        pw[np.flatnonzero(likely)[rose < cfg.volume_share_probability]] = 0.0
        cell = np.zeros(n.shape)
        cell.flat[cells] = pw
        best = np.maximum(best, cell)
        alert |= cell >= test.probability
    return best, alert

