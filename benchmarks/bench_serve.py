"""Benchmark: the serve API on a store of N events vs the equivalent plain DuckDB queries.

Builds (or reuses, ``--reuse``) the store of ``bench_watch.py``: N synthetic GDELT rows among 40
countries over two years, imported through the real importer.  Then, in the same run and on the
same file, times

* a dyad series: ``GET /api/series?dyad=A-B&period=week`` against one DuckDB query joining
  events to their source and target actors for that dyad and grouping by week and QuadClass;
* a filtered event page: ``GET /api/events?actor=A&quad=3,4&since=...&until=...&limit=100``
  against the same page written by hand as one SELECT (ORDER BY date DESC LIMIT 100, every
  column the API returns) plus its count(*).

The baselines run on one read-only connection opened beforehand and kept open: the cost of
DuckDB alone.  The API is timed over HTTP from a real uvicorn on 127.0.0.1 (``--via uvicorn``,
what a browser meets) or in-process through the ASGI test client (``--via asgi``), with the
answer cache off, so every request opens the store, builds the filtered views, queries, and
encodes JSON.  Prints medians of ``--repeat`` interleaved runs and the ratios (target <= 3).

    python benchmarks/bench_serve.py --events 1000000 --dir /tmp/bench --reuse
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import socket
import statistics
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import duckdb

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_watch import generate_and_import

from riftwatch.serve import create_app
from riftwatch.serve.queries import SORTS
from riftwatch.store import rows

SERIES_SQL = """
SELECT date_trunc('week', e.date) AS week, count(*) AS n,
       count(*) FILTER (WHERE e.quad_class = 1) AS q1, count(*) FILTER (WHERE e.quad_class = 2) AS q2,
       count(*) FILTER (WHERE e.quad_class = 3) AS q3, count(*) FILTER (WHERE e.quad_class = 4) AS q4,
       sum(e.goldstein) AS g
FROM events e
JOIN event_actors s ON s.event_id = e.event_id AND s.role = 'source'
JOIN event_actors t ON t.event_id = e.event_id AND t.role = 'target'
WHERE e.factuality = 'asserted'
  AND ((s.country = $a AND t.country = $b) OR (s.country = $b AND t.country = $a))
GROUP BY 1 ORDER BY 1
"""

PAGE_WHERE = """
WHERE EXISTS (SELECT 1 FROM event_actors x WHERE x.event_id = e.event_id AND x.country = $a)
  AND e.quad_class IN (3, 4) AND e.date >= $since AND e.date <= $until
"""


class Uvicorn:
    def __init__(self, app: Any) -> None:
        import uvicorn

        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = int(s.getsockname()[1])
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()
        while not self.server.started:
            time.sleep(0.05)

    def get(self, path: str, params: dict[str, str]) -> Any:
        with urllib.request.urlopen(f"http://127.0.0.1:{self.port}{path}?{urlencode(params)}", timeout=300) as r:
            return json.load(r)

    def close(self) -> None:
        self.server.should_exit = True
        self.thread.join()


class Asgi:
    def __init__(self, app: Any) -> None:
        from fastapi.testclient import TestClient

        self.client = TestClient(app)

    def get(self, path: str, params: dict[str, str]) -> Any:
        r = self.client.get(path, params=params)
        r.raise_for_status()
        return r.json()

    def close(self) -> None:
        self.client.close()


def timed(fns: dict[str, Callable[[], Any]], repeat: int) -> dict[str, tuple[float, Any]]:
    """Median seconds and last result of each function, run interleaved (after one warm-up each)."""
    times: dict[str, list[float]] = {k: [] for k in fns}
    out: dict[str, Any] = {k: f() for k, f in fns.items()}
    for _ in range(repeat):
        for k, f in fns.items():
            t0 = time.perf_counter()
            out[k] = f()
            times[k].append(time.perf_counter() - t0)
    return {k: (statistics.median(v), out[k]) for k, v in times.items()}


def main() -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--weeks", type=int, default=104)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--dir", type=Path, default=None, help="where to put the export and store (default: temp)")
    ap.add_argument("--reuse", action="store_true", help="time the store already in --dir")
    ap.add_argument("--via", choices=("uvicorn", "asgi", "both"), default="both")
    args = ap.parse_args()
    work = Path(args.dir or tempfile.mkdtemp(prefix="riftwatch-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    export, db = work / "synthetic.export.CSV", work / "bench.duckdb"
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}, duckdb {duckdb.__version__}")
    if not (args.reuse and db.exists()):
        generate_and_import(export, db, args.events, args.weeks)
    con = duckdb.connect(str(db), read_only=True)
    n_events = con.execute("SELECT count(*) FROM events").fetchone()[0]  # type: ignore[index]
    first, last = con.execute("SELECT min(date), max(date) FROM events").fetchone()  # type: ignore[misc]
    since, until = first.isoformat(), (first + (last - first) / 4).isoformat()
    a, b = "RUS", "IRN"
    print(f"store: {db} ({db.stat().st_size / 2**20:,.0f} MiB), {n_events:,} events {first}..{last}")

    def base_series() -> str:
        found = con.execute(SERIES_SQL, {"a": a, "b": b}).fetchall()
        return f"{len(found)} weeks, {sum(r[1] for r in found):,} events"

    page_params = {"a": a, "since": first, "until": first + (last - first) / 4}

    def base_page() -> str:
        total = con.execute(f"SELECT count(*) FROM events e {PAGE_WHERE}", page_params).fetchone()
        found = con.execute(
            f"SELECT {rows.EVENT_SELECT} FROM events e {PAGE_WHERE} ORDER BY {SORTS['date']} LIMIT 100", page_params
        ).fetchall()
        return f"{len(found)} of {total[0] if total else 0:,}"

    vias = ["uvicorn", "asgi"] if args.via == "both" else [args.via]
    clients = {v: (Uvicorn if v == "uvicorn" else Asgi)(create_app(db, cache_size=0, allowed_hosts=["*"])) for v in vias}
    fns: dict[str, Callable[[], Any]] = {"series: plain DuckDB": base_series, "page: plain DuckDB": base_page}
    def api_series(c: Uvicorn | Asgi) -> str:
        d = c.get("/api/series", {"dyad": f"{a}-{b}", "period": "week"})["dyads"][0]
        return f"{len(d['periods'])} weeks, {d['events']:,} events"

    def api_page(c: Uvicorn | Asgi) -> str:
        p = c.get("/api/events", {"actor": a, "quad": "3,4", "since": since, "until": until, "limit": "100"})
        return f"{len(p['events'])} of {p['total']:,}"

    for v, c in clients.items():
        fns[f"series: API via {v}"] = lambda c=c: api_series(c)
        fns[f"page: API via {v}"] = lambda c=c: api_page(c)
    res = timed(fns, args.repeat)
    for c in clients.values():
        c.close()
    con.close()
    worst = 0.0
    for what in ("series", "page"):
        base_t, base_n = res[f"{what}: plain DuckDB"]
        print(f"{what}: plain DuckDB     {base_t * 1000:8.1f} ms ({base_n})")
        for v in vias:
            t, n = res[f"{what}: API via {v}"]
            worst = max(worst, t / base_t)
            print(f"{what}: API via {v:8s}{t * 1000:8.1f} ms ({n})  ratio {t / base_t:.2f}x")
    print(f"target API <= 3x plain DuckDB: {'OK' if worst <= 3 else 'ABOVE TARGET'} (worst {worst:.2f}x)")


if __name__ == "__main__":
    main()
