"""Parallel speed-ups measured in one run: 2 workers ÷ 1, spaCy n_process=2 ÷ 1, Dask 2 ÷ 1 worker.

Corpus: articles of 15 sentences resampled (seeded) from ../shared/eval/quad_dev.tsv, written as
JSONL partitions into a temporary folder (deleted afterwards, never shipped). Every mode runs in a
fresh subprocess and codes the same partitions:

  local-1   one process: ``run_stream`` (ingest → code → DuckDB store)
  pool-2    ``run_parallel(workers=2)``: 2 worker processes parse+code, the parent writes
  spacy-2   ``run_parallel(workers=2, backend="spacy")``: ``nlp.pipe(n_process=2)``, coding in the parent
  dask-1    ``run_dask`` on a LocalCluster of 1 worker process (Parquet out)
  dask-2    ``run_dask`` on a LocalCluster of 2 worker processes

Times include loading the model in every worker; for Dask they exclude starting the cluster
(printed apart). Prints articles/s, the CPU seconds all processes of the mode used (CPU ÷ wall
time shows how many cores it really had), the load average after it, and the ratios. Run it alone:
the ratios need the cores, and other processes on the machine take them.

    python benchmarks/bench_scale.py [--articles 480] [--partitions 12] [--modes local-1 pool-2 ...]
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
MODES = ("local-1", "pool-2", "spacy-2", "dask-1", "dask-2")


def write_partitions(folder: Path, n: int, parts: int, per: int = 15, seed: int = 7) -> None:
    sents = [line.split("\t")[0] for line in QUAD.read_text("utf-8").splitlines() if "\t" in line]
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    files = [(folder / f"part-{k:03d}.jsonl").open("w", encoding="utf-8") for k in range(parts)]
    for i in range(n):
        text = " ".join(rng.choice(sents) for _ in range(per))
        files[i % parts].write(json.dumps({"id": f"s{i}", "text": text, "published": "2024-01-01"}) + "\n")
    for f in files:
        f.close()


def child(mode: str, inputs: Path, work: Path) -> None:
    from riftwatch.scale.cluster import run_dask
    from riftwatch.scale.local import run_parallel
    from riftwatch.scale.stream import run_stream

    cluster_s = 0.0
    if mode.startswith("dask"):
        from distributed import Client, LocalCluster

        t = time.perf_counter()
        n = int(mode.split("-")[1])
        with (
            LocalCluster(
                n_workers=n, threads_per_worker=1, processes=True, dashboard_address=None
            ) as cluster,
            Client(cluster) as client,
        ):
            cluster_s = time.perf_counter() - t
            start = time.perf_counter()
            stats = run_dask([str(inputs)], work / "out", client=client)
            seconds = time.perf_counter() - start
    else:
        start = time.perf_counter()
        store = work / "store.duckdb"
        if mode == "local-1":
            stats = run_stream([str(inputs)], store)
        else:
            stats = run_parallel(
                [str(inputs)], store, workers=2, backend="spacy" if mode == "spacy-2" else "pool"
            )
        seconds = time.perf_counter() - start
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime
    print(
        json.dumps(
            {"mode": mode, "seconds": seconds, "cluster_s": cluster_s, "cpu_s": cpu, **stats.as_dict()}
        )
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=480)
    ap.add_argument("--partitions", type=int, default=12)
    ap.add_argument("--modes", nargs="+", choices=MODES, default=list(MODES))
    ap.add_argument("--child", choices=MODES, help=argparse.SUPPRESS)
    ap.add_argument("--inputs", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--work", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        child(args.child, args.inputs, args.work)
        return 0
    if not QUAD.exists():
        print(f"{QUAD} is absent: this benchmark builds its corpus from it", file=sys.stderr)
        return 1
    rate: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        inputs = Path(tmp) / "in"
        write_partitions(inputs, args.articles, args.partitions)
        for mode in args.modes:
            work = Path(tmp) / mode
            work.mkdir()
            cmd = [sys.executable, __file__, "--child", mode, "--inputs", str(inputs), "--work", str(work)]
            out = (
                subprocess.run(cmd, check=True, capture_output=True, text=True)
                .stdout.strip()
                .splitlines()[-1]
            )
            r = json.loads(out)
            rate[mode] = r["articles"] / r["seconds"]
            extra = f" (+{r['cluster_s']:.1f} s cluster start)" if r["cluster_s"] else ""
            print(f"{mode:8} {r['articles']} articles, {r['events']} events, {r['failed']} failed in "
                  f"{r['seconds']:6.1f} s{extra}: {rate[mode]:6.2f} articles/s; CPU {r['cpu_s']:.0f} s in all "
                  f"processes; load average {os.getloadavg()[0]:.1f}", flush=True)  # fmt: skip
    print(
        f"corpus: {args.articles} articles of 15 sentences resampled from {QUAD}, {args.partitions} partitions"
    )
    for a, b in (("pool-2", "local-1"), ("spacy-2", "local-1"), ("dask-2", "dask-1"), ("dask-1", "local-1")):
        if a in rate and b in rate:
            print(f"ratio {a} / {b} = {rate[a] / rate[b]:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
