"""Synthetic GDELT 2.0 export rows with known dyad behaviour: for tests, benchmarks and demos.

Each ``DyadPlan`` says how often two countries interact and what share of their events are
conflictual, before and (optionally) after a planted rift.  Rows come out in the exact 61-column
layout of the real export, so they exercise the same import path as real data.
"""

from __future__ import annotations

import datetime as dt
import math
import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Final

from riftwatch.events.ontology import ontology

COOP_ROOTS: Final = ("02", "03", "04", "05", "06", "07", "08")
CONFLICT_ROOTS: Final = ("09", "10", "11", "12", "13", "14", "15", "16", "17", "18", "19")
_FIPS: Final = {"RUS": "RS", "IRN": "IR", "SYR": "SY", "TUR": "TU", "USA": "US", "ISR": "IS", "IRQ": "IZ"}
_LATLON: Final = {
    "RUS": (55.75, 37.62), "IRN": (35.69, 51.39), "SYR": (33.51, 36.29), "TUR": (39.93, 32.86),
    "USA": (38.90, -77.04), "ISR": (31.77, 35.22), "IRQ": (33.34, 44.40),
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class DyadPlan:
    """``rate`` events a week; ``conflict`` share of QuadClass 3-4 events; after ``rift_week``
    (if set) the share becomes ``rift_conflict``."""

    a: str
    b: str
    rate: float
    conflict: float
    rift_week: int | None = None
    rift_conflict: float = 0.8


def gdelt_row(
    gid: int, day: dt.date, src: str, tgt: str, root: str, url: str = "", src_type: str = "GOV"
) -> str:
    """One tab-separated row of the GDELT 2.0 events export (61 columns)."""
    roots = ontology().roots
    cols = [""] * 61
    lat, lon = _LATLON.get(tgt, (0.0, 0.0))
    cols[0] = str(gid)
    cols[1] = day.strftime("%Y%m%d")
    cols[2], cols[3] = day.strftime("%Y%m"), str(day.year)
    cols[4] = f"{day.year + (day.timetuple().tm_yday - 1) / 365:.4f}"
    cols[5], cols[6], cols[7], cols[12] = src + src_type, src, src, src_type
    cols[15], cols[16], cols[17], cols[22] = tgt + "GOV", tgt, tgt, "GOV"
    cols[25] = "1"
    cols[26] = cols[27] = root + "0"
    cols[28] = root
    cols[29] = str(roots[root]["quad_class"])
    cols[30] = str(roots[root]["goldstein"])
    cols[31], cols[32], cols[33], cols[34] = "4", "1", "4", "-1.5"
    cols[51], cols[52], cols[53] = "4", f"Capital of {tgt}", _FIPS.get(tgt, "")
    cols[56], cols[57] = f"{lat:.4f}", f"{lon:.4f}"
    cols[59] = day.strftime("%Y%m%d") + "120000"
    cols[60] = url or f"https://news.example/{gid}"
    return "\t".join(cols)


def gdelt_lines(
    plans: Sequence[DyadPlan],
    weeks: int,
    start: dt.date = dt.date(2020, 1, 6),
    seed: int = 0,
    first_id: int = 1,
) -> Iterator[str]:
    """Rows for ``weeks`` weeks of every plan, week by week, ids counting from ``first_id``."""
    rng = random.Random(seed)
    gid = first_id
    for w in range(weeks):
        for plan in plans:
            share = (
                plan.rift_conflict if plan.rift_week is not None and w >= plan.rift_week else plan.conflict
            )
            for _ in range(poisson(rng, plan.rate)):
                roots = CONFLICT_ROOTS if rng.random() < share else COOP_ROOTS
                src, tgt = (plan.a, plan.b) if rng.random() < 0.5 else (plan.b, plan.a)
                day = start + dt.timedelta(weeks=w, days=rng.randrange(7))
                yield gdelt_row(gid, day, src, tgt, rng.choice(roots))
                gid += 1


def poisson(rng: random.Random, lam: float) -> int:
    """Poisson draw (Knuth for small means, normal approximation for large ones)."""
    if lam > 50:
        return max(0, round(rng.gauss(lam, lam**0.5)))
    limit, k, p = math.exp(-lam), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1
