"""The clump test: one report of many conflictual acts between two actors, beyond how the dyad's
reports usually come.

The rate tests (``volume``) count a dyad's conflictual events per period.  Against a dense
baseline with some conflict in it, an article that reports several conflictual acts at once (a
demand refused, an offensive abandoned, air strikes halted in anger) barely moves a weekly count
or share, and its events may be dated on different days or weeks.  What is unusual about it is
the *clump*: how many conflictual events between the two actors one article reports.

Each article with conflictual events in the dyad is one draw of its clump size K (the article's
conflictual units in the dyad, after cross-article dedup).  The null model is geometric,

    P(K - 1 = j) = (1 - q) q^j,    q ~ Beta(a, b),

fitted on the dyad's baseline articles (the ``baseline`` periods before, since its first event):
with E = sum (K - 1) over A baseline articles the posterior is Beta(a0 + E, b0 + A), and the
chance that an article carries K >= k is the posterior predictive

    S(k) = E[q^(k-1)] = prod_{i < k-1} (a + i) / (a + b + i).

The prior is the other dyads' clumping (empirical Bayes, as for the dispersions of ``windows``):
the pooled q of all watched dyads' baselines, with the weight of ``clump_prior`` articles, plus a
Jeffreys half-count.  A coder that often puts several events of one story in one dyad (ours does,
3.2 to a mis-coded article on the VOA pool) therefore raises the bar for every dyad; a baseline of
one-event reports (a GDELT export) lowers it.  On generated series with the measured noise the
geometric tail lies above the observed one for K >= 4 (``benchmarks/eval_rifts.py``), so the test
errs on the quiet side.

The multiple-testing unit is the dyad-year: the dyad's conflictual articles come at a rate R a
year (its baseline rate, Jeffreys half-count added so that a dyad without conflict has one), so
clumps of K >= k come by chance about R S(k) times a year.  A period alerts when its largest clump
K_max >= ``clump_min`` (a mis-coded article of two conflictual events never alerts by itself) and

    P = exp(-R S(K_max)) >= clump_probability          (0.99: once in a hundred dyad-years),

with the usual baseline minimums.  Unlike the rate tests it does not ask the period's share to
have risen: an article's events are often dated on several days or weeks before it appeared, so
the period it is dated in may hold only part of its clump.  The alert rests on one article, and
says so.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Final

import numpy as np

from riftwatch.relations.dyads import DyadConfig, Member, Period, Shape, units_sql
from riftwatch.relations.stats import Array
from riftwatch.relations.windows import observed_periods, window_sums

if TYPE_CHECKING:
    from riftwatch.relations.detect import DetectConfig

PER_YEAR: Final[dict[str, float]] = {"day": 365.25, "week": 365.25 / 7, "month": 12.0}


def clumps_sql(
    cfg: DyadConfig, members: Sequence[Member] | None, level: str, shape: Shape
) -> tuple[str, dict[str, Any]]:
    """SELECT of (a, b, period, ex, km, dated, spread) over the articles that report 2+ conflictual
    units K in a dyad: per dyad and period, sum(K - 1) and the largest K of those dated in it (by
    their last such unit), how many are dated in it, and in how many of them it holds one of their
    units.  The last two turn the grid's per-period article counts into counts of articles by
    their date (``Grid.clump_articles``).

    Only the conflictual events of articles with 2+ of them are joined to their actors (an
    events-only GROUP BY finds them first: on 340,000 generated events with coder noise this query
    costs a fifth of the grid's).  ``has_clumps`` tells whether it is needed at all.
    """
    clumpy = (
        "(SELECT * FROM events WHERE quad_class >= 3 AND article_id IN (SELECT article_id FROM events "
        "WHERE quad_class >= 3 GROUP BY article_id HAVING count(*) >= 2))"
    )
    sql, p = units_sql(cfg, members, level, shape, events=clumpy)
    sql += f"""
    , k AS (
        SELECT a, b, art, date_trunc('{cfg.period}', max(day))::DATE AS period, sum(n) AS k,
               list_distinct(list(date_trunc('{cfg.period}', day)::DATE)) AS spread
        FROM units GROUP BY a, b, art HAVING sum(n) >= 2
    ), rows AS (
        SELECT a, b, period, k - 1 AS ex, k AS km, 1 AS dated, 0 AS spread FROM k
        UNION ALL
        SELECT a, b, unnest(spread) AS period, 0, 0, 0, 1 FROM k
    )
    SELECT a, b, period, sum(ex)::DOUBLE AS ex, max(km)::DOUBLE AS km, sum(dated)::DOUBLE AS dated,
           sum(spread)::DOUBLE AS spread
    FROM rows GROUP BY ALL"""
    return sql, p


CLUMPY_ARTICLES: Final = (
    "SELECT EXISTS (SELECT article_id FROM events WHERE quad_class >= 3 GROUP BY article_id HAVING count(*) >= {k})"
)


def has_clumps(cur: Any, k: int) -> bool:
    """Whether some article reports ``k`` or more conflictual events (else no clump can reach ``k``).

    On a store of one-event reports (an imported GDELT export) this one scan of the events table
    is all the clump test costs.
    """
    row = cur.execute(CLUMPY_ARTICLES.format(k=int(k))).fetchone()
    return bool(row and row[0])


def tail(a: Array, b: Array, k: Array) -> Array:
    """S(k) = P(K >= k) under the Beta(a, b)-geometric model, elementwise (k >= 1)."""
    out = np.ones(np.shape(a))
    j = np.asarray(k, dtype=np.float64) - 1.0
    for i in range(int(j.max(initial=0.0))):
        step = np.where(j > i, (a + i) / (a + b + i), 1.0)
        out = out * step
    return np.asarray(out, dtype=np.float64)


def clump_scan(
    n: Array, articles: Array, excess: Array, largest: Array, period: Period, cfg: DetectConfig
) -> tuple[Array, np.ndarray, Array]:
    """P (see the module docstring) for every (dyad, period), where it alerts, and the expected
    chance clumps a year R S(K_max) (0 where no clump was tested).

    ``articles``: articles with conflictual events in the dyad by the period they are dated in;
    ``excess`` and ``largest``: sum(K - 1) and max K of those dated in the period (``clumps_sql``).
    """
    p = np.zeros(n.shape)
    expected = np.zeros(n.shape)
    span = np.clip(observed_periods(n) - 1, 0, cfg.baseline)
    _, nb = window_sums(n, 1, cfg.baseline)
    cand = (largest >= cfg.clump_min) & (span >= cfg.min_baseline_periods) & (nb >= cfg.min_baseline)
    if not cand.any():
        return p, np.zeros(n.shape, dtype=bool), expected
    _, eb = window_sums(excess, 1, cfg.baseline)
    _, ab = window_sums(articles, 1, cfg.baseline)
    e_all, a_all = eb.sum(axis=0), ab.sum(axis=0)
    pooled = ((e_all + 0.5) / (e_all + a_all + 1.0))[None, :] * np.ones(n.shape)
    w = cfg.clump_prior
    a = 0.5 + w * pooled[cand] + eb[cand]
    b = 0.5 + w * (1.0 - pooled[cand]) + ab[cand]
    rate = (ab[cand] + 0.5) / np.maximum(span[cand], 1.0) * PER_YEAR[period]
    lam = rate * tail(a, b, largest[cand])
    p[cand] = np.exp(-lam)
    expected[cand] = lam
    return p, cand & (p >= cfg.clump_probability), expected
