"""Export speed: seconds to export the events of a synthetic store as JSONL, CSV and Parquet.

Builds (once, cached under --dir) a store of ``--articles`` synthetic articles of 10 events each
(``riftwatch.store.synthetic``: actors, places, quantities, attribution), then times
``Store.export`` for each format, best of ``--rounds``, printing seconds and events per second.
Run it on two versions of the code to compare them (the store is the same file).

    python benchmarks/bench_export.py --articles 20000 --rounds 3
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from riftwatch.store.duck import Store
from riftwatch.store.synthetic import synthetic_article


def build(path: Path, articles: int) -> None:
    with Store(path) as st:
        st.write_many((synthetic_article(i, n_events=10) for i in range(articles)), batch=2000)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=20_000)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--dir", type=Path, default=Path(tempfile.gettempdir()) / "riftwatch-bench-export")
    ap.add_argument("--formats", default="jsonl,csv,parquet")
    args = ap.parse_args()
    args.dir.mkdir(parents=True, exist_ok=True)
    store = args.dir / f"synthetic-{args.articles}.duckdb"
    if not store.exists():
        t0 = time.perf_counter()
        build(store, args.articles)
        print(f"built {store} in {time.perf_counter() - t0:.1f} s")
    with Store(store, read_only=True) as st:
        n = st.stats()["events"]
        for fmt in args.formats.split(","):
            out = args.dir / f"out.{fmt}"
            best = float("inf")
            for _ in range(args.rounds):
                t0 = time.perf_counter()
                written = st.export("events", fmt, out)  # type: ignore[arg-type]
                best = min(best, time.perf_counter() - t0)
            print(f"{fmt:8} {written:,} of {n:,} events in {best:.2f} s ({written / best:,.0f} events/s), "
                  f"{out.stat().st_size / 1e6:.1f} MB")  # fmt: skip


if __name__ == "__main__":
    main()
