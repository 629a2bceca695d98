"""kill -9 a real ``riftwatch run`` at spread-out points, rerun it, and compare with an uninterrupted run.

Input: the 65 public-domain VOA stories of ../shared/corpus/voa/pool.jsonl. The uninterrupted run
is timed; then for each of ``--points`` kill times spread evenly over that time (model loading
included) a fresh store is filled by a run that gets SIGKILL (its whole process group, pool
workers too) at that moment, and the same command is run again to the end. The exported events
(JSONL, sorted) must equal the uninterrupted run's, byte for byte.

    python benchmarks/bench_kill_points.py [--points 6] [--workers 1 2]
"""

from __future__ import annotations

import argparse
import hashlib
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
POOL = ROOT.parent / "shared" / "corpus" / "voa" / "pool.jsonl"
CLI = 'import sys; from riftwatch.cli import app; sys.argv[0] = "riftwatch"; app()'


def run(store: Path, workers: int, kill_after: float | None = None) -> int | None:
    """The run's exit code, or None when it was killed."""
    cmd = [sys.executable, "-c", CLI, "run", str(POOL), "--store", str(store), "--no-table",
           "--batch-size", "8", "--workers", str(workers)]  # fmt: skip
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    if kill_after is None:
        return proc.wait()
    try:
        return proc.wait(kill_after)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        return None


def digest(store: Path) -> str:
    out = subprocess.run([sys.executable, "-c", CLI, "export", "--store", str(store), "--format", "jsonl"],
                         capture_output=True, check=True)  # fmt: skip
    lines = sorted(out.stdout.splitlines())
    return hashlib.sha256(b"\n".join(lines)).hexdigest()[:16] + f" ({len(lines)} events)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--points", type=int, default=6)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()
    if not POOL.exists():
        sys.exit(f"{POOL} is absent: this benchmark needs the shared VOA pool")
    with tempfile.TemporaryDirectory() as tmp:
        for workers in args.workers:
            ref = Path(tmp) / f"ref-{workers}.duckdb"
            start = time.perf_counter()
            assert run(ref, workers) == 0
            total = time.perf_counter() - start
            expected = digest(ref)
            print(f"--workers {workers}: uninterrupted run {total:.1f} s, {expected}", flush=True)
            same = killed = 0
            for i in range(args.points):
                at = total * (i + 0.5) / args.points
                store = Path(tmp) / f"k-{workers}-{i}.duckdb"
                was_killed = run(store, workers, kill_after=at) is None
                assert run(store, workers) == 0
                got = digest(store)
                killed += was_killed
                same += got == expected
                print(f"  kill -9 at {at:5.1f} s ({'killed' if was_killed else 'had finished'}): rerun {got} "
                      f"{'identical' if got == expected else 'DIFFERENT'}", flush=True)  # fmt: skip
            print(f"--workers {workers}: {killed} kill points, {same}/{args.points} reruns identical", flush=True)


if __name__ == "__main__":
    main()
