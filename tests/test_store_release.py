"""Releasing a long writer's memory: reopening the store changes nothing it holds, even when killed.

``Store.release_memory`` checkpoints, closes and reopens the connection so DuckDB drops the blocks
it cached; ``scale.stream.write_stream`` calls it every ``release_every`` articles.  Writable
stores also turn DuckDB's row-group vacuum off (``max_vacuum_tasks = 0``).  Both exist to bound
peak memory (benchmarks/bench_store_rss.py); these tests check that neither costs correctness.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import duckdb
import pytest

from riftwatch.errors import StoreError
from riftwatch.scale.progress import ScaleStats
from riftwatch.scale.stream import Coded, write_stream
from riftwatch.store import Store, duck
from riftwatch.store.synthetic import synthetic_article
from test_store_crash import _kill_after

N_ARTICLES = 300
N_EVENTS = 6
BATCH = 10

_TABLES = ("articles", "events", "event_actors", "places")


def _content(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table but the write time, sorted: equal stores give equal content."""
    with Store(path, read_only=True) as s:
        con = s.connection()
        out: dict[str, list[tuple[Any, ...]]] = {}
        for t in _TABLES:
            cols = [r[0] for r in con.execute(f"DESCRIBE {t}").fetchall() if r[0] != "ingested_at"]
            sel = ", ".join(f'"{c}"' for c in cols)
            out[t] = sorted(con.execute(f"SELECT {sel} FROM {t}").fetchall(), key=repr)
        assert s.integrity_problems() == []
    return out


def _stream(path: Path, n: int, release_every: int | None) -> tuple[int, int]:
    """(articles written, reopens) of a write_stream run over the first ``n`` synthetic articles."""
    reopened = 0
    with Store(path) as store:
        release = store.release_memory

        def counting() -> bool:
            nonlocal reopened
            done = release()
            reopened += done
            return done

        store.release_memory = counting  # type: ignore[method-assign]
        coded = (Coded(synthetic_article(i, N_EVENTS), 1) for i in range(n))
        written = write_stream(store, coded, ScaleStats(), BATCH, release_every=release_every)
    return written, reopened


def test_reopening_writer_stores_what_a_plain_run_stores(tmp_path: Path) -> None:
    plain, reopening = tmp_path / "plain.duckdb", tmp_path / "reopening.duckdb"
    assert _stream(plain, N_ARTICLES, None) == (N_ARTICLES, 0)
    assert _stream(reopening, N_ARTICLES, 25) == (N_ARTICLES, 10)  # after 30, 60, ..., 300 articles
    assert _content(reopening) == _content(plain)
    # Idempotent across reopens: a rerun writes nothing, and a longer one only the new articles.
    assert _stream(reopening, N_ARTICLES, 25) == (0, 10)
    assert _stream(reopening, N_ARTICLES + 40, 25)[0] == 40
    assert _stream(plain, N_ARTICLES + 40, None)[0] == 40
    assert _content(reopening) == _content(plain)


def test_release_keeps_the_store_usable_and_configured(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        store.write_many(synthetic_article(i, N_EVENTS) for i in range(20))
        assert store.release_memory()
        assert store.has_article(synthetic_article(3).article.id)
        assert store.write_many(synthetic_article(i, N_EVENTS) for i in range(30)) == 10
        setting = store.connection().execute("SELECT current_setting('max_vacuum_tasks')").fetchone()
        assert setting is not None and int(setting[0]) == 0
        assert store.stats()["events"] == 30 * N_EVENTS


def test_release_is_a_no_op_for_memory_and_read_only_stores(tmp_path: Path) -> None:
    with Store(":memory:") as store:
        store.write(synthetic_article(1))
        assert not store.release_memory()
        assert store.stats()["articles"] == 1  # closing would have lost it
    with Store(tmp_path / "s.duckdb") as store:
        store.write(synthetic_article(1))
    with Store(tmp_path / "s.duckdb", read_only=True) as store:
        assert not store.release_memory()
        setting = store.connection().execute("SELECT current_setting('max_vacuum_tasks')").fetchone()
        assert setting is not None and int(setting[0]) != 0  # readers keep DuckDB's default


def test_failed_checkpoint_skips_the_release(tmp_path: Path) -> None:
    class Failing:
        def execute(self, sql: str) -> None:
            raise duckdb.IOException("No space left on device")

    with Store(tmp_path / "s.duckdb") as store:
        store.write(synthetic_article(1))
        real = store._con
        store._con = Failing()  # type: ignore[assignment]
        assert not store.release_memory()
        assert isinstance(store._con, Failing)  # not closed, not replaced
        store._con = real
        assert store.has_article(synthetic_article(1).article.id)


def test_reopen_waits_for_a_lock_then_gives_up(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    connect = Store._connect
    refusals = [2]

    def locked_twice(path: str | Path, read_only: bool) -> Any:
        if refusals[0] > 0:
            refusals[0] -= 1
            raise StoreError(f"{path}: cannot open the store: locked by another process (PID 1)")
        return connect(path, read_only)

    with Store(tmp_path / "s.duckdb") as store:
        store.write(synthetic_article(1))
        monkeypatch.setattr(Store, "_connect", staticmethod(locked_twice))
        assert store.release_memory() and refusals == [0]
        assert store.has_article(synthetic_article(1).article.id)

        refusals[0] = 10**6
        monkeypatch.setattr(duck, "REOPEN_WAIT_S", 0.2)
        with pytest.raises(StoreError, match="locked by another process"):
            store.release_memory()
        with pytest.raises(StoreError):
            store.has_article("x")  # a closed connection, never a stale one
    monkeypatch.undo()
    with Store(tmp_path / "s.duckdb", read_only=True) as store:
        assert store.article_ids() == {synthetic_article(1).article.id}


_CHILD = """
import sys, time
from riftwatch.scale.progress import ScaleStats
from riftwatch.scale.stream import Coded, write_stream
from riftwatch.store.duck import Store
from riftwatch.store.synthetic import synthetic_article

path, n, n_events, batch, every, stall_at = sys.argv[1], *map(int, sys.argv[2:7])
written = [0]
if stall_at >= 0:
    connect = Store._connect

    def stalling(p, read_only):
        # Called by release_memory after it closed the file: kill the writer right there.
        if written[0] >= stall_at:
            print("stalled", flush=True)
            time.sleep(120)
        return connect(p, read_only)

    Store._connect = staticmethod(stalling)


def tick(k):
    written[0] += k
    print("committed", written[0], flush=True)


with Store(path) as store:
    coded = (Coded(synthetic_article(i, n_events), 1) for i in range(n))
    write_stream(store, coded, ScaleStats(), batch, tick, release_every=every or None)
print("done", flush=True)
"""


def _run_child(path: Path, every: int, stall_at: int = -1) -> subprocess.Popen[str]:
    args = [str(path), str(N_ARTICLES), str(N_EVENTS), str(BATCH), str(every), str(stall_at)]
    return subprocess.Popen([sys.executable, "-c", _CHILD, *args], stdout=subprocess.PIPE, text=True)


def _finish(path: Path, every: int) -> None:
    child = _run_child(path, every)
    out, _ = child.communicate(timeout=120)
    assert child.returncode == 0 and out.rstrip().endswith("done")


@pytest.mark.parametrize(
    ("stall_at", "marker", "commits"),
    [(-1, "committed", 8), (100, "stalled", 0)],
    ids=["kill-while-releasing-often", "kill-between-close-and-reopen"],
)
def test_sigkill_around_releases_then_rerun_equals_plain_run(
    tmp_path: Path, stall_at: int, marker: str, commits: int
) -> None:
    plain = tmp_path / "plain.duckdb"
    _finish(plain, 0)
    path = tmp_path / "crash.duckdb"
    # Released after every batch, so a kill at an arbitrary commit often lands in a checkpoint.
    committed = _kill_after(_run_child(path, BATCH, stall_at), marker, commits)
    with Store(path) as s:
        assert s.integrity_problems() == []
        n = len(s.article_ids())
        assert n % BATCH == 0 and committed <= n < N_ARTICLES
        assert s.article_ids() == {synthetic_article(i).article.id for i in range(n)}
        assert s.stats()["events"] == n * N_EVENTS
    _finish(path, BATCH)
    assert _content(path) == _content(plain)
