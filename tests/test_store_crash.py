"""Crash safety: a writer SIGKILLed mid-run leaves only whole articles, and a rerun completes it.

A child Python process writes synthetic CodedArticles (no spaCy) in batches and reports each
commit on stdout.  The parent kills it with SIGKILL, either at a point it cannot choose (after a
few commits) or while a transaction is provably half done (the child stalls after inserting the
batch's articles, events and actors but before its places).  Then the store must open, hold only
complete articles, and after rerunning the same writes equal an uninterrupted run.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from riftwatch.store import Store
from riftwatch.store.synthetic import synthetic_article

N_ARTICLES = 600
N_EVENTS = 6
BATCH = 10

_CHILD = """
import sys, time
from riftwatch.store import Store
from riftwatch.store.duck import Store as _S
from riftwatch.store.synthetic import synthetic_article

path, n, n_events, batch, stall_at = sys.argv[1], *map(int, sys.argv[2:6])
if stall_at >= 0:
    insert = _S._insert

    def stalling(con, table, data):
        insert(con, table, data)
        # Articles and events of this batch are in, its places not yet: a half-done transaction.
        if table == "event_actors" and written[0] >= stall_at:
            print("stalled", flush=True)
            time.sleep(120)

    _S._insert = staticmethod(stalling)
written = [0]
with Store(path) as store:
    for start in range(0, n, batch):
        store.write_many((synthetic_article(i, n_events) for i in range(start, min(n, start + batch))), batch=batch)
        written[0] = start + batch
        print("committed", written[0], flush=True)
print("done", flush=True)
"""


def _run_child(path: Path, stall_at: int = -1) -> subprocess.Popen[str]:
    args = [str(path), str(N_ARTICLES), str(N_EVENTS), str(BATCH), str(stall_at)]
    return subprocess.Popen([sys.executable, "-c", _CHILD, *args], stdout=subprocess.PIPE, text=True)


def _kill_after(child: subprocess.Popen[str], marker: str, commits: int) -> int:
    """Read the child's reports until ``marker`` (after ``commits`` commits); SIGKILL it there.

    Returns how many articles the child said it had committed.
    """
    assert child.stdout is not None
    seen = 0
    committed = 0
    for line in child.stdout:
        word, *rest = line.split()
        if word == "committed":
            seen += 1
            committed = int(rest[0])
        if word == "done":
            pytest.fail("the child finished before it could be killed; give it more work")
        if word == marker and seen >= commits:
            break
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    child.stdout.close()
    assert child.returncode == -signal.SIGKILL
    return committed


def _snapshot(path: Path) -> dict[str, object]:
    with Store(path, read_only=True) as s:
        st = s.stats()
        return {
            "articles": s.article_ids(),
            "events": sorted(d["event_id"] for d in s.events()),
            "counts": {k: st[k] for k in ("articles", "events", "event_actors", "places")},
            "event_dicts": s.events(),
        }


def _check_whole_articles(path: Path, committed: int) -> set[str]:
    """Every stored article is complete; nothing of an uncommitted batch is there."""
    with Store(path) as s:
        assert s.integrity_problems() == []
        ids = s.article_ids()
        # Commits are whole batches in input order, so what survives is a prefix of batches.
        n = len(ids)
        assert n % BATCH == 0 and n >= committed
        assert ids == {synthetic_article(i, 0).article.id for i in range(n)}
        expected = [synthetic_article(i, N_EVENTS) for i in range(n)]
        assert {d["event_id"] for d in s.events()} == {e.event_id for a in expected for e in a.events}
        st = s.stats()
        assert st["events"] == n * N_EVENTS
        assert st["places"] == sum(len(a.places) for a in expected)
        assert st["event_actors"] == sum(len(e.source) + len(e.target) for a in expected for e in a.events)
        return ids


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """An uninterrupted run of the same writes, into a file of its own."""
    path = tmp_path_factory.mktemp("reference") / "ref.duckdb"
    child = _run_child(path)
    out, _ = child.communicate(timeout=120)
    assert child.returncode == 0 and out.rstrip().endswith("done")
    return _snapshot(path)


@pytest.mark.parametrize(
    ("stall_at", "marker", "commits"),
    [(-1, "committed", 5), (150, "stalled", 0)],
    ids=["kill-anywhere", "kill-mid-transaction"],
)
def test_sigkill_then_rerun_equals_uninterrupted(
    tmp_path: Path, reference: dict[str, object], stall_at: int, marker: str, commits: int
) -> None:
    path = tmp_path / "crash.duckdb"
    committed = _kill_after(_run_child(path, stall_at), marker, commits)
    if stall_at >= 0:
        assert committed == stall_at  # the half-written batch is the one after these
    survivors = _check_whole_articles(path, committed)
    assert len(survivors) < N_ARTICLES

    rerun = _run_child(path)
    out, _ = rerun.communicate(timeout=120)
    assert rerun.returncode == 0 and out.rstrip().endswith("done")
    assert _snapshot(path) == reference
