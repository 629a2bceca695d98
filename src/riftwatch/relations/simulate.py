"""Generated event series with the noise of real coder output, and rifts planted in them.

What we measure on our own output (README, "Accuracy"): about a third of coded events did not
happen, and a source or target country is wrong in about half of the rest.  News also comes in
bursts: a dyad's coverage varies from week to week far more than a Poisson count would.  This
module writes GDELT 2.0 export rows (``imports.synth.gdelt_row``) that carry all three, so an
evaluation runs the real importer and the real ``watch``:

* every dyad has a usual weekly rate and conflict share; each week's rate is multiplied by a
  Gamma(``burst_shape``) attention factor (mean 1), shared by its cooperative and conflictual events;
* a planted rift raises the conflict share and the coverage of its dyad for a few weeks, then the
  dyad returns to its usual behaviour;
* one true event in two (``wrong_role``) has one of its two countries replaced by another of the
  scenario's countries, so it lands in another dyad;
* spurious events (``spurious`` of all events) come in mis-coded articles of a few events about
  one dyad, each conflictual with probability ``spurious_conflict``.

Everything is a pure function of the seed.
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from riftwatch.imports.synth import CONFLICT_ROOTS, COOP_ROOTS, gdelt_row, poisson


@dataclass(frozen=True, slots=True)
class Noise:
    """How far generated output departs from what happened (defaults: what we measure)."""

    spurious: float = 1 / 3
    spurious_conflict: float = 0.45
    events_per_bad_article: float = 2.0
    wrong_role: float = 0.5
    burst_shape: float = 2.0


@dataclass(frozen=True, slots=True)
class Rift:
    """A turn planted in a dyad: from ``week`` for ``weeks`` weeks, conflict share ``share`` and
    coverage multiplied by ``coverage``."""

    week: int
    weeks: int
    share: float
    coverage: float


@dataclass(frozen=True, slots=True)
class Plan:
    """One dyad's usual behaviour (events a week, conflictual share) and its rift, if any."""

    a: str
    b: str
    rate: float
    conflict: float
    rift: Rift | None = None


def plans(
    countries: Sequence[str],
    weeks: int,
    rng: random.Random,
    rift_share: float = 0.4,
    rates: Sequence[float] = (1.0, 2.0, 4.0, 8.0, 15.0, 30.0),
) -> list[Plan]:
    """Every pair of ``countries``; a fraction ``rift_share`` of them gets one planted rift."""
    out = []
    for a, b in itertools.combinations(countries, 2):
        rift = None
        if rng.random() < rift_share:
            rift = Rift(
                week=rng.randrange(30, weeks - 10),
                weeks=rng.randrange(3, 9),
                share=rng.uniform(0.5, 0.85),
                coverage=rng.uniform(1.5, 3.0),
            )
        out.append(Plan(a, b, rng.choice(list(rates)), rng.uniform(0.0, 0.3), rift))
    return out


def noisy_lines(
    dyads: Sequence[Plan],
    weeks: int,
    noise: Noise = Noise(),
    start: dt.date = dt.date(2020, 1, 6),
    seed: int = 0,
    first_id: int = 1,
) -> Iterator[str]:
    """GDELT export rows for ``weeks`` weeks of every plan, with ``noise``."""
    rng = random.Random(seed)
    countries = sorted({c for p in dyads for c in (p.a, p.b)})
    gid = first_id
    weights = [p.rate for p in dyads]
    for w in range(weeks):
        true_events = 0
        for p in dyads:
            rift = p.rift if p.rift and p.rift.week <= w < p.rift.week + p.rift.weeks else None
            rate = p.rate * rng.gammavariate(noise.burst_shape, 1 / noise.burst_shape)
            share = rift.share if rift else p.conflict
            for _ in range(poisson(rng, rate * (rift.coverage if rift else 1.0))):
                a, b = (p.a, p.b) if rng.random() < 0.5 else (p.b, p.a)
                if rng.random() < noise.wrong_role:
                    other = rng.choice([c for c in countries if c not in (a, b)])
                    a, b = (other, b) if rng.random() < 0.5 else (a, other)
                roots = CONFLICT_ROOTS if rng.random() < share else COOP_ROOTS
                day = start + dt.timedelta(weeks=w, days=rng.randrange(7))
                yield gdelt_row(gid, day, a, b, rng.choice(roots), f"https://news.example/{gid}")
                gid += 1
                true_events += 1
        # spurious events: mis-coded articles about one dyad, several events each
        expected = true_events * noise.spurious / (1 - noise.spurious)
        per = max(noise.events_per_bad_article, 1.0)
        for _ in range(poisson(rng, expected / per)):
            p = rng.choices(dyads, weights)[0]
            day = start + dt.timedelta(weeks=w, days=rng.randrange(7))
            url = f"https://news.example/bad/{gid}"
            for _ in range(1 + poisson(rng, per - 1)):
                a, b = (p.a, p.b) if rng.random() < 0.5 else (p.b, p.a)
                roots = CONFLICT_ROOTS if rng.random() < noise.spurious_conflict else COOP_ROOTS
                yield gdelt_row(gid, day, a, b, rng.choice(roots), url)
                gid += 1

@dataclass(frozen=True, slots=True)
class Score:
    """How ``watch`` did on generated series with planted rifts."""

    rifts: int
    found: int  # within ``within`` days of the rift's start
    found_late: int  # found, but later
    delays: tuple[int, ...]  # days from a rift's start to the end of the period it was flagged in
    false_alarms: int
    quiet_dyad_years: float
    by_rate: dict[float, tuple[int, int]]  # events a week -> (rifts, found in time)

    @property
    def detection_rate(self) -> float:
        return self.found / self.rifts if self.rifts else float("nan")

    @property
    def false_alarms_per_10_dyad_years(self) -> float:
        return 10 * self.false_alarms / self.quiet_dyad_years if self.quiet_dyad_years else float("nan")


def score(
    dyads: Sequence[Plan],
    alerts: Sequence[tuple[tuple[str, str], dt.date]],
    weeks: int,
    start: dt.date = dt.date(2020, 1, 6),
    within: int = 21,
    after: int = 4,
) -> Score:
    """Score alerts, given as (dyad, first day of the period it was detected in), against plans.

    An alert counts as finding a rift when it is detected from the rift's first week until
    ``after`` weeks past its end; the delay is counted to the *end* of the detecting week (when a
    weekly run would raise it).  Every other alert is a false alarm; quiet time is the dyad's
    weeks outside its rifts and the ``after`` weeks that follow them.
    """
    by_dyad: dict[tuple[str, str], list[dt.date]] = {}
    for dyad, day in alerts:
        by_dyad.setdefault((min(dyad), max(dyad)), []).append(day)
    found = late = false = 0
    delays: list[int] = []
    quiet_weeks = 0.0
    by_rate: dict[float, tuple[int, int]] = {}
    for p in dyads:
        days = sorted(by_dyad.get((min(p.a, p.b), max(p.a, p.b)), []))
        if p.rift is None:
            false += len(days)
            quiet_weeks += weeks
            continue
        r0 = start + dt.timedelta(weeks=p.rift.week)
        r1 = r0 + dt.timedelta(weeks=p.rift.weeks + after)
        hits = [d for d in days if r0 <= d < r1]
        false += len(days) - len(hits)
        quiet_weeks += weeks - p.rift.weeks - after
        n, ok = by_rate.get(p.rate, (0, 0))
        if hits:
            delay = (hits[0] - r0).days + 7
            delays.append(delay)
            found += delay <= within
            late += delay > within
        by_rate[p.rate] = (n + 1, ok + bool(hits and (hits[0] - r0).days + 7 <= within))
    rifts = sum(p.rift is not None for p in dyads)
    return Score(rifts, found, late, tuple(delays), false, quiet_weeks / 52, dict(sorted(by_rate.items())))
