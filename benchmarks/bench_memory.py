"""Peak memory does not grow with the corpus: peak RSS of a full run at 20,000 vs 1,000 articles.

Each size runs in a fresh subprocess (so the peaks are independent) that writes a JSONL corpus of
short articles — 3 sentences each, resampled (seeded) from ../shared/eval/quad_dev.tsv into a
temporary folder, deleted afterwards, never shipped — codes it, and reports its own ``ru_maxrss``.
Two sinks, measured separately:

  store    ``scale.stream.run_stream``: ingest → code → DuckDB store, committed in batches;
  parquet  ``scale.partitions.code_partition``: the same stream into Parquet files (the Dask task).

Prints the peaks and the ratio per sink (target: ≤ 1.2).

    python benchmarks/bench_memory.py [--sizes 1000 20000] [--sink store parquet] [--fast]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
ROOT = Path(__file__).resolve().parents[1]
QUAD = ROOT.parent / "shared" / "eval" / "quad_dev.tsv"
PER_ARTICLE = 3


def write_corpus(path: Path, n: int, seed: int = 11) -> None:
    sents = [line.split("\t")[0] for line in QUAD.read_text("utf-8").splitlines() if "\t" in line]
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as f:
        for i in range(n):
            text = " ".join(rng.choice(sents) for _ in range(PER_ARTICLE))
            f.write(json.dumps({"id": f"m{i}", "text": text, "published": "2024-01-01"}) + "\n")


def child(n: int, workdir: Path, fast: bool, sink: str) -> None:
    from riftwatch.scale.partitions import code_partition
    from riftwatch.scale.stream import CoderSpec, run_stream

    corpus = workdir / f"corpus-{n}.jsonl"
    if not corpus.exists():
        write_corpus(corpus, n)
    start = time.perf_counter()
    spec = CoderSpec(fast=fast)
    if sink == "store":
        stats = run_stream([str(corpus)], workdir / f"store-{n}.duckdb", spec=spec)
    else:
        stats = code_partition(str(corpus), str(workdir / f"out-{n}"), spec).stats
    seconds = time.perf_counter() - start
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    print(json.dumps({"n": n, "peak_mib": peak_kib / 1024, "seconds": seconds, **stats.as_dict()}))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 20000])
    ap.add_argument("--fast", action="store_true", help="measure fast mode instead of normal mode")
    ap.add_argument("--sink", nargs="+", choices=("store", "parquet"), default=["store", "parquet"])
    ap.add_argument("--child", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--workdir", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child is not None:
        child(args.child, args.workdir, args.fast, args.sink[0])
        return 0
    if not QUAD.exists():
        print(f"{QUAD} is absent: this benchmark builds its corpus from it", file=sys.stderr)
        return 1
    peaks: dict[tuple[str, int], float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for sink in args.sink:
            for n in args.sizes:
                cmd = [sys.executable, __file__, "--child", str(n), "--workdir", tmp, "--sink", sink]
                cmd += ["--fast"] if args.fast else []
                run = subprocess.run(cmd, check=True, capture_output=True, text=True)
                r = json.loads(run.stdout.strip().splitlines()[-1])
                peaks[sink, n] = r["peak_mib"]
                print(f"{sink:8} {n:>7} articles: peak RSS {r['peak_mib']:7.1f} MiB, {r['articles']} coded, "
                      f"{r['events']} events, {r['failed']} failed, {r['seconds']:.1f} s "
                      f"({r['articles_per_s']:.1f} articles/s)", flush=True)  # fmt: skip
    lo, hi = min(args.sizes), max(args.sizes)
    mode = "fast" if args.fast else "normal"
    print(f"corpus: {PER_ARTICLE} sentences per article resampled from {QUAD}; mode: {mode}")
    for sink in args.sink:
        print(
            f"{sink}: peak RSS ratio {hi} / {lo} articles = {peaks[sink, hi] / peaks[sink, lo]:.3f}  (target <= 1.2)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
