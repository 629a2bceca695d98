"""Bulk import of events without articles: 200k synthetic events, timed (printed, not asserted)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from riftwatch.store import Store
from riftwatch.store.synthetic import synthetic_events

N = 200_000


@pytest.mark.slow
def test_bulk_write_events_200k(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    events = list(synthetic_events(N, origin="gdelt"))
    path = tmp_path / "bulk.duckdb"
    with Store(path) as store:
        t0 = time.perf_counter()
        assert store.write_events(events, origin="gdelt") == N
        first = time.perf_counter() - t0
        t0 = time.perf_counter()
        assert store.write_events(events[: N // 4], origin="gdelt") == 0  # every id already there
        again = time.perf_counter() - t0
        st = store.stats()
        assert st["events"] == N
        assert st["event_actors"] == sum(len(e.source) + len(e.target) for e in events)
        t0 = time.perf_counter()
        hits = store.events(actor="IRN GOV", happened_only=True, limit=1000)
        query = time.perf_counter() - t0
        assert len(hits) == 1000
    with capsys.disabled():
        print(
            f"\nwrite_events: {N} events in {first:.2f}s ({N / first:,.0f}/s); "
            f"{N // 4} repeats skipped in {again:.2f}s; actor query {query * 1000:.0f} ms"
        )
