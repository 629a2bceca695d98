"""A rift alert in words: what changed, against what baseline, on which events.

The numbers are the ones the tests used (``detect``); this module only says them, so that an
analyst reading ``watch`` output need not know what a Beta posterior is.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from riftwatch.relations import periods
from riftwatch.relations.detect import DetectConfig, Grid, Scan
from riftwatch.relations.evidence import Evidence

if TYPE_CHECKING:
    from riftwatch.relations.alerts import Alert, WatchConfig


@dataclass(frozen=True, slots=True)
class Clump:
    """What the clump test saw (``clumps``): an article's conflictual events in the dyad, against
    the dyad's baseline articles, and how often chance would bring one as large."""

    size: int  # conflictual events of the dyad in the article
    period: dt.date  # first day of the period the article is dated in (its last such event)
    baseline_articles: int  # articles with conflictual events in the baseline
    baseline_mean: float  # their mean conflictual events per article (0 when none)
    per_year: float  # expected chance clumps as large a year


def clump_evidence(ev: Sequence[Evidence], since: dt.date, alone: bool) -> tuple[Evidence, ...]:
    """The evidence of an alert the clump test raised: the events of the article reporting most of
    them, with (unless the clump raised it ``alone``) the others from ``since``."""
    counts = Counter(e.article_id for e in ev)
    if not counts:
        return tuple(ev)
    top = counts.most_common(1)[0][0]
    return tuple(e for e in ev if e.article_id == top or (not alone and e.date >= since))


def clump_seen(grid: Grid, sc: Scan, d: int, t0: int, t1: int, cfg: DetectConfig) -> Clump | None:
    """The largest clump that raised the alert, with its baseline (``clumps``)."""
    if sc.clump_alert is None or sc.clump_expected is None or grid.clump_max is None:
        return None
    hits = np.nonzero(sc.clump_alert[d, t0 : t1 + 1])[0]
    if not hits.size or grid.clump_articles is None or grid.clump_excess is None:
        return None
    t = t0 + int(hits[np.argmax(grid.clump_max[d, t0 + hits])])
    lo = max(t - cfg.baseline, 0)
    arts = float(grid.clump_articles[d, lo:t].sum())
    extra = float(grid.clump_excess[d, lo:t].sum())
    return Clump(
        int(grid.clump_max[d, t]), grid.date(t), int(arts), (arts + extra) / arts if arts else 0.0,
        float(sc.clump_expected[d, t]),
    )


def _signed(x: float) -> str:
    """+1.5 / −2.0 with a real minus sign."""
    return f"{x:+.1f}".replace("-", "\u2212")


def _pct(part: float, whole: float) -> str:
    return f"{part / whole:.0%}" if whole else "none"


def _mean_goldstein(grid: Grid, d: int, lo: int, hi: int) -> float | None:
    n = float(grid.n[d, lo:hi].sum())
    return float(grid.goldstein[d, lo:hi].sum()) / n if n else None


def explain(
    alert: Alert,
    grid: Grid,
    d: int,
    t0: int,
    span: int,
    ev: Sequence[Evidence],
    cfg: WatchConfig,
    clump: Clump | None = None,
) -> str:
    """Three or four sentences: the change and its baseline, its course, and the evidence."""
    a, b = alert.dyad
    unit = grid.period
    recent = cfg.detect.recent
    r0 = max(t0 - recent + 1, 0)
    until = periods.end(grid.first, t0, unit)
    rec, base = alert.recent, alert.baseline
    rate_r = rec.conflict / recent
    rate_b = base.conflict / span if span else 0.0
    first = (
        f"{a}\u2013{b}: {rec.conflict} conflictual of {rec.events} events in the {recent} {unit}s to "
        f"{until} ({_pct(rec.conflict, rec.events)}, {rate_r:.1f} a {unit}), against {base.conflict} of "
        f"{base.events} ({_pct(base.conflict, base.events)}, {rate_b:.2f} a {unit}) over the {span} "
        f"{unit}s before."
    )
    text = [first]
    why = {
        "share": "the conflictual share at least doubled",
        "volume": "conflictual events came faster than the dyad's usual rate",
        "articles": "more distinct articles reported conflict than the dyad's usual rate (not one story's clump)",
        "shift": f"the conflictual share of the last {unit}s rose above the dyad's usual share",
    }
    if clump is not None:
        usual = (
            f"the dyad's {clump.baseline_articles} earlier articles with conflict carried "
            f"{clump.baseline_mean:.1f} such events each"
            if clump.baseline_articles
            else "no earlier article reported conflict between them"
        )
        once = f"once in {1 / clump.per_year:,.0f} years" if clump.per_year > 0 else "never"
        why["clump"] = (
            f"one article reported {clump.size} conflictual events between them at once, where {usual} "
            f"(by chance about {once})"
        )
    tests = [why[t] for t in alert.tests if t in why]
    if tests:
        text.append(f"Raised because {' and '.join(tests)} (confidence {alert.confidence:.2f}).")
    g_r = _mean_goldstein(grid, d, r0, t0 + 1)
    g_b = _mean_goldstein(grid, d, max(r0 - cfg.detect.baseline, 0), r0)
    course = f"The turn began {alert.start}, peaked in the {unit} from {alert.peak}"
    course += " and is still open." if alert.ongoing else f" and its last conflictual event fell by {alert.end}."
    if g_r is not None and g_b is not None:
        course += f" Mean Goldstein score {_signed(g_r)} against {_signed(g_b)} before."
    text.append(course)
    if ev:
        types = Counter(e.event_type for e in ev)
        listed = ", ".join(f"{n} {t}" for t, n in types.most_common(4))
        source = f"{alert.articles} article{'s' if alert.articles != 1 else ''}"
        if alert.outlets:
            source += f" from {alert.outlets} outlet{'s' if alert.outlets != 1 else ''}"
        text.append(f"Behind it: {len(ev)} conflictual events ({listed}) in {source}.")
        if alert.articles == 1:
            text.append("Uncorroborated: a single article reports all of them.")
        elif clump is not None:
            top = Counter(e.article_id for e in ev).most_common(1)[0][0]
            mine = [e for e in ev if e.article_id == top]
            where = next((e.url for e in mine if e.url), top)
            text.append(f"One article ({where}) reports {len(mine)} of them.")
        low = float(np.mean([e.confidence for e in ev]))
        if low < 0.5:
            text.append(f"The coder's mean confidence in them is low ({low:.2f}).")
    return " ".join(text)
