"""Peak RSS of a long writer into the DuckDB store, without the model: where does memory go?

Each (variant, size) runs in a fresh subprocess that writes ``n`` synthetic CodedArticles
(``riftwatch.store.synthetic``, 20 events each) through ``Store.write_many`` in batches of 64,
as ``scale.stream.write_stream`` does, and reports its own ``ru_maxrss``, its RSS at the end and
what DuckDB says it holds (``duckdb_memory()``, just before closing).  Variants change DuckDB
settings or the writer's behaviour, so their effect on the growth of peak RSS with ``n`` can be
compared.  A variant is ``+``-joined names: settings (SETTINGS) and at most one action taken every
``--every`` articles (``checkpoint``; ``reopen``: close and open a new Store; ``release``:
``Store.release_memory``, what ``write_stream`` does).

Measured (DuckDB 2.0.1, 2 cores; peak MiB at 1,000 / 20,000 / 60,000 articles):
  vacuum    171 / 460 / 537   DuckDB's row-group vacuum on, as before Store turned it off
  default   170 / 234 / 368   vacuum off
  release   171 / 202 / 253   vacuum off, Store.release_memory every 2,000 articles
What still grows under ``release`` is mostly the primary keys' ART indexes (1.2M event ids at
60,000 articles), which DuckDB loads whole to check inserts.

    python benchmarks/bench_store_rss.py --sizes 1000 20000 60000 --variants vacuum default release
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BATCH = 64

# name -> SQL run on the connection once after opening (and after each reopen)
SETTINGS: dict[str, list[str]] = {
    "default": [],
    "memlimit256": ["SET memory_limit='256MB'"],
    "no_order": ["SET preserve_insertion_order=false"],
    "ckpt1mb": ["SET checkpoint_threshold='1MB'"],
    "flush0": ["SET allocator_flush_threshold='0MB'"],
    "bgthreads": ["SET allocator_background_threads=true"],
    "bulkflush": ["SET allocator_bulk_deallocation_flush_threshold='0MB'"],
    # DuckDB's default, which Store turns off for writers (see Store._connect):
    "vacuum": ["RESET max_vacuum_tasks"],
}
ACTIONS = ("checkpoint", "reopen", "release")
"""Writer actions every ``--every`` articles; a variant is ``+``-joined names, e.g. ``novacuum+reopen``."""


def _rss_mib() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * resource.getpagesize() / 2**20


def child(n: int, path: Path, variant: str, every: int, events: int) -> None:
    from riftwatch.store import Store
    from riftwatch.store.synthetic import synthetic_article

    def setup(store: Store) -> None:
        for part in variant.split("+"):
            for sql in SETTINGS.get(part, []):
                store.connection().execute(sql)

    start = time.perf_counter()
    store = Store(path)
    setup(store)
    since = 0
    reopens = 0
    for lo in range(0, n, BATCH):
        store.write_many((synthetic_article(i, events) for i in range(lo, min(n, lo + BATCH))), batch=BATCH)
        since += min(n, lo + BATCH) - lo
        action = next((a for a in ACTIONS if a in variant.split("+")), None)
        if action and since >= every:
            since = 0
            reopens += 1
            if action == "checkpoint":
                store.connection().execute("CHECKPOINT")
            elif action == "reopen":
                store.close()
                store = Store(path)
                setup(store)
            else:
                store.release_memory()
    duck = store.connection().execute("SELECT sum(memory_usage_bytes) FROM duckdb_memory()").fetchone()
    store.close()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        json.dumps(
            {
                "n": n,
                "variant": variant,
                "peak_mib": peak,
                "end_rss_mib": _rss_mib(),
                "duckdb_mib": (duck[0] or 0) / 2**20 if duck else 0,
                "reopens": reopens,
                "seconds": time.perf_counter() - start,
            }
        )
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 20000])
    ap.add_argument("--variants", nargs="+", default=["default"])
    ap.add_argument("--every", type=int, default=2000, help="articles between reopens (reopen/release)")
    ap.add_argument("--events", type=int, default=20, help="events per synthetic article")
    ap.add_argument("--child", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--path", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child is not None:
        child(args.child, args.path, args.variants[0], args.every, args.events)
        return 0
    for variant in args.variants:
        peaks = {}
        for n in args.sizes:
            with tempfile.TemporaryDirectory() as tmp:
                cmd = [sys.executable, __file__, "--child", str(n), "--path", f"{tmp}/s.duckdb"]
                cmd += ["--variants", variant, "--every", str(args.every), "--events", str(args.events)]
                run = subprocess.run(cmd, check=True, capture_output=True, text=True)
            r = json.loads(run.stdout.strip().splitlines()[-1])
            peaks[n] = r["peak_mib"]
            print(
                f"{variant:12} {n:>7}: peak {r['peak_mib']:6.1f} MiB, end RSS {r['end_rss_mib']:6.1f}, "
                f"duckdb {r['duckdb_mib']:6.1f}, reopens {r['reopens']}, {r['seconds']:.1f} s",
                flush=True,
            )
        lo, hi = min(args.sizes), max(args.sizes)
        print(f"{variant}: ratio {hi}/{lo} = {peaks[hi] / peaks[lo]:.3f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
