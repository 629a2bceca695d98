"""The shift test: has the conflictual share of the last 1-3 periods risen against the baseline's?

The share test of ``detect`` looks at a four-period window and asks for a doubling; it is built for
slow turns of quiet dyads.  A rift in a busy dyad shows sooner as a short window whose share is out
of line with the dyad's history, and the share is the measure that coverage bursts leave alone
(more news about a dyad brings more cooperative and more conflictual reports alike).  What does
move the share by chance is clumping: one mis-coded article or one story can bring several
conflictual events at once.  So counts are deflated by the dyad's own extra-binomial dispersion
(``windows.share_dispersion``, shrunk towards the other dyads') before the two Beta posteriors are
compared, as in quasi-likelihood:

    p_recent ~ Beta(1/2 + c_r / q, 1/2 + (n_r - c_r) / q)
    p_base   ~ Beta(1/2 + c_b / q, 1/2 + (n_b - c_b) / q)
    P = Pr(p_recent > p_base + shift_margin)

A window alerts when P >= ``shift_probability`` with ``shift_min_conflict`` conflictual events of
``shift_min_events`` in it and a baseline of ``min_baseline_periods`` periods and ``min_baseline``
events.  The test is for busy dyads: in a window of a handful of events, three conflictual ones are
a chance run as often as a turn, and the share and volume tests, which ask for more, judge those.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from riftwatch.relations.stats import Array, p_exceeds_grid, p_exceeds_normal
from riftwatch.relations.windows import observed_periods, share_dispersion, window_sums

if TYPE_CHECKING:
    from riftwatch.relations.detect import DetectConfig


def shift_scan(n: Array, c: Array, cfg: DetectConfig) -> tuple[Array, np.ndarray]:
    """The largest P over the windows for every (dyad, period), and where it alerts."""
    best = np.zeros(n.shape)
    alert = np.zeros(n.shape, dtype=bool)
    seen = observed_periods(n)
    for w in cfg.shift_windows:
        nr, nb = window_sums(n, w, cfg.baseline)
        cr, cb = window_sums(c, w, cfg.baseline)
        span = np.clip(seen - w, 0, cfg.baseline)
        cand = (
            (cr >= cfg.shift_min_conflict) & (nr >= cfg.shift_min_events) & (span >= cfg.min_baseline_periods)
            & (nb >= cfg.min_baseline)
            & (cr * nb > cb * nr)
        )  # fmt: skip
        if not cand.any():
            continue
        q = share_dispersion(n, c, w, cfg.baseline, cfg.dispersion_prior, cfg.max_dispersion)[cand]
        ar, br = 0.5 + cr[cand] / q, 0.5 + (nr[cand] - cr[cand]) / q
        ab, bb = 0.5 + cb[cand] / q, 0.5 + (nb[cand] - cb[cand]) / q
        p = p_exceeds_normal(ar, br, ab, bb, cfg.shift_margin)
        # the normal approximation misjudges skewed Betas: integrate the cells near the decision
        # whose (deflated) counts are small; with large counts the Betas are close to normal
        small = np.minimum(nr[cand], nb[cand]) / q < cfg.exact_below
        near = (p > cfg.shift_probability - 0.05) & (p < 0.99995) & small
        if near.any():
            keys, inverse = np.unique(
                np.stack([ar[near], br[near], ab[near], bb[near]], axis=1).round(3), axis=0, return_inverse=True
            )
            p[near] = p_exceeds_grid(keys, cfg.shift_margin, points=512)[inverse.ravel()]
        cell = np.zeros(n.shape)
        cell.flat[np.flatnonzero(cand)] = p
        best = np.maximum(best, cell)
        alert |= cell >= cfg.shift_probability
    return best, alert
