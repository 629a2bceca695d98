"""Benchmark: ``watch`` over N imported GDELT-format events vs a plain DuckDB dyad-week GROUP BY.

Generates N synthetic GDELT 2.0 export rows (``imports.synth``) among 40 countries over two years,
imports them into a fresh store file through the real GDELT importer, then times, in the same run
and on the same store:

* baseline: one DuckDB query joining events to their source and target actors and grouping by
  undirected country dyad and week (fetching every group),
* ``watch`` with an inferred coalition (every dyad scanned, the worst case),
* ``watch`` with a 6-country coalition.

Runs ``--repeat`` interleaved rounds and prints the median ratio of watch to baseline over the
rounds, with their spread (target: watch <= 3x baseline).

    python benchmarks/bench_watch.py --events 1000000
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import tempfile
import time
from itertools import combinations
from pathlib import Path

from riftwatch.imports import import_file
from riftwatch.imports.synth import DyadPlan, gdelt_lines
from riftwatch.relations.rifts import watch
from riftwatch.relations.source import cursor
from riftwatch.store.duck import Store

COUNTRIES = [
    "RUS",
    "IRN",
    "SYR",
    "TUR",
    "USA",
    "ISR",
    "IRQ",
    "SAU",
    "EGY",
    "JOR",
    "LBN",
    "ARE",
    "QAT",
    "KWT",
    "OMN",
    "YEM",
    "CHN",
    "IND",
    "PAK",
    "AFG",
    "GBR",
    "FRA",
    "DEU",
    "ITA",
    "ESP",
    "POL",
    "UKR",
    "BLR",
    "KAZ",
    "AZE",
    "ARM",
    "GEO",
    "JPN",
    "KOR",
    "PRK",
    "BRA",
    "MEX",
    "NGA",
    "ETH",
    "ZAF",
]

BASELINE_SQL = """
SELECT least(s.country, t.country) AS a, greatest(s.country, t.country) AS b,
       date_trunc('week', e.date) AS week, count(*) AS n
FROM events e
JOIN event_actors s ON s.event_id = e.event_id AND s.role = 'source'
JOIN event_actors t ON t.event_id = e.event_id AND t.role = 'target'
GROUP BY ALL
"""


def plans(n_events: int, weeks: int) -> list[DyadPlan]:
    pairs = list(combinations(COUNTRIES, 2))
    # a heavy-tailed spread of activity, as in real data: a few dyads carry most events
    weights = [1.0 / (i + 1) ** 0.8 for i in range(len(pairs))]
    scale = n_events / weeks / sum(weights)
    out = []
    for i, ((a, b), w) in enumerate(zip(pairs, weights, strict=True)):
        rift = weeks - 10 if i % 25 == 0 else None
        out.append(DyadPlan(a, b, rate=w * scale, conflict=0.1 + 0.2 * ((i * 7) % 10) / 10, rift_week=rift))
    return out


def timed(fn, repeat: int) -> tuple[float, object]:  # type: ignore[no-untyped-def]
    times, result = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--weeks", type=int, default=104)
    ap.add_argument("--repeat", type=int, default=7, help="interleaved rounds")
    ap.add_argument(
        "--dir", type=Path, default=None, help="where to put the export and store (default: temp)"
    )
    ap.add_argument(
        "--reuse", action="store_true", help="time the store already in --dir (skip generate/import)"
    )
    args = ap.parse_args()
    work = Path(args.dir or tempfile.mkdtemp(prefix="riftwatch-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    export, db = work / "synthetic.export.CSV", work / "bench.duckdb"
    print(
        f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}"
    )
    if not (args.reuse and db.exists()):
        generate_and_import(export, db, args.events, args.weeks)
    compare(db, args.repeat)


def generate_and_import(export: Path, db: Path, n_events: int, weeks: int) -> None:
    for p in (export, db):
        p.unlink(missing_ok=True)
    t0 = time.perf_counter()
    with export.open("w", encoding="utf-8") as fh:
        for line in gdelt_lines(plans(n_events, weeks), weeks, seed=1):
            fh.write(line + "\n")
    t_gen = time.perf_counter() - t0
    t0 = time.perf_counter()
    with Store(db) as store:
        rep = import_file(export, "gdelt", store)
    t_import = time.perf_counter() - t0
    print(
        f"generated {rep.rows:,} GDELT rows in {t_gen:.1f} s; imported {rep.imported:,} events in {t_import:.1f} s "
        f"({rep.imported / t_import:,.0f} events/s), {rep.failed} bad rows"
    )


def compare(db: Path, repeat: int) -> None:
    """Interleaved rounds (baseline, watch inferred, watch coalition), so that a change in the
    machine's load hits all three alike; the ratios are taken within each round."""
    coalition = ["RUS", "IRN", "SYR", "TUR", "IRQ", "LBN"]
    with Store(db, read_only=True) as store:

        def baseline() -> int:
            cur = cursor(store)
            try:
                return len(cur.execute(BASELINE_SQL).fetchall())
            finally:
                cur.close()

        baseline()  # warm the file cache once for all contenders
        rounds = []
        for _ in range(repeat):
            t_base, groups = timed(baseline, 1)
            t_inf, alerts_inf = timed(lambda: watch(store, None), 1)
            t_coal, alerts_coal = timed(lambda: watch(store, coalition), 1)
            rounds.append((t_base, t_inf, t_coal))
    med = [statistics.median(r[i] for r in rounds) for i in range(3)]
    r_inf = [r[1] / r[0] for r in rounds]
    r_coal = [r[2] / r[0] for r in rounds]
    print(f"baseline GROUP BY dyad, week: {med[0]:.3f} s median of {repeat} rounds ({groups:,} groups)")
    print(
        f"watch, inferred coalition:   {med[1]:.3f} s ({len(alerts_inf)} alerts)  ratio {statistics.median(r_inf):.2f}x"
        f" ({min(r_inf):.2f}-{max(r_inf):.2f} over the rounds)"
    )  # type: ignore[arg-type]
    print(
        f"watch, 6-country coalition:  {med[2]:.3f} s ({len(alerts_coal)} alerts)  ratio {statistics.median(r_coal):.2f}x"
        f" ({min(r_coal):.2f}-{max(r_coal):.2f})"
    )  # type: ignore[arg-type]
    verdict = "OK" if max(statistics.median(r_inf), statistics.median(r_coal)) <= 3 else "ABOVE TARGET"
    print(f"target watch <= 3x baseline (median ratio of the rounds): {verdict}")


if __name__ == "__main__":
    main()
