"""Rolling windows over dense dyad x period arrays: sums, and how overdispersed a dyad's counts are.

News does not arrive like a Poisson process: coverage comes in bursts, a mis-coded article brings
several events at once, and a dense dyad swings far more from week to week than its mean says.  A
test that assumes Poisson counts therefore alerts on ordinary weeks of busy dyads, and a single
dispersion for every dyad is too strict for sparse ones and too loose for dense ones.  These
functions measure each dyad's own overdispersion over its baseline window and shrink it towards the
median of the other dyads at the same period (empirical Bayes: a dyad with a short history borrows
from dyads like it; one with a long history speaks for itself).
"""

from __future__ import annotations

import numpy as np

from riftwatch.relations.stats import Array


def window_sums(x: Array, recent: int, baseline: int) -> tuple[Array, Array]:
    """Sums over the recent window (t-recent, t] and the ``baseline`` periods before it, for every t."""
    cum = np.concatenate([np.zeros((x.shape[0], 1)), np.cumsum(x, axis=1)], axis=1)
    t = np.arange(x.shape[1])
    hi = t + 1
    mid = np.maximum(hi - recent, 0)
    lo = np.maximum(hi - recent - baseline, 0)
    return cum[:, hi] - cum[:, mid], cum[:, mid] - cum[:, lo]


def observed_periods(n: Array) -> Array:
    """For every (dyad, t): periods from the dyad's first event up to and including t (0 before)."""
    has = n > 0
    first = np.where(has.any(axis=1), np.argmax(has, axis=1), n.shape[1])
    t = np.arange(n.shape[1])
    return np.asarray(np.maximum(t[None, :] - first[:, None] + 1, 0), dtype=np.float64)


def _shrunk(raw: Array, weight: Array, prior: float, cap: float) -> Array:
    """``raw`` shrunk towards its median over dyads with 8+ periods of weight, per period."""
    # per-column median of the steady dyads: sorted with the others pushed to the end (faster
    # than nanmedian, which loops over columns)
    steady = weight >= 8
    srt = np.sort(np.where(steady, raw, np.inf), axis=0)
    k = steady.sum(axis=0)
    cols = np.arange(raw.shape[1])
    lo, hi = np.maximum((k - 1) // 2, 0), np.maximum(k // 2, 0)
    pooled = np.where(k > 0, (srt[lo, cols] + srt[np.minimum(hi, len(raw) - 1), cols]) / 2.0, 1.0)
    out = (prior * pooled[None, :] + weight * raw) / (prior + weight)
    return np.clip(out, 1.0, cap)


def count_dispersion(x: Array, w: int, baseline: int, span: Array, prior: float, cap: float) -> Array:
    """Variance over mean of per-period counts ``x`` in the baseline before each window of ``w``.

    ``span`` is the number of baseline periods since the dyad's first event (``observed_periods``
    less the window); earlier periods are not part of its history.  At least 1 (Poisson).
    """
    _, s1 = window_sums(x, w, baseline)
    _, s2 = window_sums(x * x, w, baseline)
    m = np.maximum(span, 1.0)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = s1 / m
        var = (s2 - s1 * s1 / m) / np.maximum(m - 1.0, 1.0)
        raw = np.where((mean > 0) & (span > 2), var / mean, 1.0)
    return _shrunk(raw, span, prior, cap)


def share_dispersion(n: Array, c: Array, w: int, baseline: int, prior: float, cap: float) -> Array:
    """Extra-binomial dispersion of the conflictual share in the baseline before each window of ``w``.

    Pearson's chi-square of the per-period conflictual counts around the baseline share, over its
    degrees of freedom: 1 when the share varies as a binomial would, more when conflict comes in
    clumps (a mis-coded article, a week of one story).
    """
    with np.errstate(invalid="ignore", divide="ignore"):
        c2n = np.where(n > 0, c * c / np.maximum(n, 1.0), 0.0)
    _, nb = window_sums(n, w, baseline)
    _, cb = window_sums(c, w, baseline)
    _, s2 = window_sums(c2n, w, baseline)
    _, m = window_sums((n > 0).astype(np.float64), w, baseline)
    pi = (cb + 0.5) / (nb + 1.0)
    with np.errstate(invalid="ignore", divide="ignore"):
        chi = (s2 - 2.0 * pi * cb + pi * pi * nb) / (pi * (1.0 - pi))
        raw = np.where(m > 2, chi / np.maximum(m - 1.0, 1.0), 1.0)
    return _shrunk(raw, m, prior, cap)
