"""Peak memory of one very long article: bounded by the window and batch sizes, not by its length.

Each size runs in a fresh subprocess that writes one plain-text article of that many bytes
— whole VOA stories from ../shared/corpus/voa/pool.jsonl (public domain), one after another as
paragraphs, repeated until the size is reached, into a temporary folder deleted afterwards — codes
it into a DuckDB store with ``scale.stream.run_stream`` (what ``riftwatch run`` does) and reports
its own ``ru_maxrss``. A 5,000-character article (an ordinary story) is measured the same way as
the baseline, so the ratio shows what length costs.

    python benchmarks/bench_long_article.py [--sizes 5000 1000000 20000000]

20,000,000 bytes is riftwatch's input limit (``ingest.readers.DEFAULT_MAX_BYTES``).

Before windows (issue 12.2) an article of 990,000 characters peaked at ~3.2 GB and one over
1,000,000 characters stopped the run (spaCy's E088).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
ROOT = Path(__file__).resolve().parents[1]
POOL = ROOT.parent / "shared" / "corpus" / "voa" / "pool.jsonl"


def write_article(path: Path, size: int) -> int:
    """A text file of at most ``size`` bytes (UTF-8): a title, then stories as paragraphs; returns
    its length in characters."""
    stories = [json.loads(line)["text"] for line in POOL.read_text("utf-8").splitlines() if line.strip()]
    with path.open("wb") as f:
        written = f.write(b"A long article\n\n")
        chars = written
        i = 0
        while written < size:
            part = (stories[i % len(stories)] + "\n\n").encode("utf-8")[: size - written]
            text = part.decode("utf-8", errors="ignore")
            chars += len(text)
            written += f.write(text.encode("utf-8"))
            i += 1
            if len(part) < 3:
                break
    return chars


def child(chars: int, workdir: Path) -> None:
    from riftwatch.scale.stream import run_stream

    article = workdir / f"article-{chars}.txt"
    size = chars
    chars = write_article(article, size)
    start = time.perf_counter()
    stats = run_stream([str(article)], workdir / f"store-{chars}.duckdb", published=None)
    seconds = time.perf_counter() - start
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    print(json.dumps({"bytes": size, "chars": chars, "peak_mib": peak_kib / 1024, "seconds": seconds,
                      "events": stats.events, "failed": stats.failed}))  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[5000, 1_000_000, 20_000_000])
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--workdir", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        child(args.child, args.workdir)
        return
    if not POOL.exists():
        sys.exit(f"{POOL} is absent: this benchmark needs the shared VOA pool")
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for chars in args.sizes:  # bytes
            out = subprocess.run(
                [sys.executable, __file__, "--child", str(chars), "--workdir", tmp],
                capture_output=True, text=True, check=False,
            )  # fmt: skip
            if out.returncode != 0:
                print(f"{chars:>12,} bytes: the run failed (exit {out.returncode}): {out.stderr.strip()[-500:]}")
                continue
            row = json.loads(out.stdout.strip().splitlines()[-1])
            results.append(row)
            print(f"{chars:>12,} bytes ({row['chars']:,} characters): peak RSS {row['peak_mib']:8.1f} MiB, {row['events']:>7} events, "
                  f"{row['seconds']:7.1f} s, {row['failed']} failed", flush=True)  # fmt: skip
    if len(results) > 1:
        base = results[0]
        for row in results[1:]:
            print(f"peak RSS {row['bytes']:,} ÷ {base['bytes']:,} bytes: {row['peak_mib'] / base['peak_mib']:.2f}")


if __name__ == "__main__":
    main()
