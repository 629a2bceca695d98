"""Streaming and the local process pool: same results as one process, resumable after SIGKILL."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from riftwatch.pipeline import Config
from riftwatch.records import Failure
from riftwatch.scale.local import _warm_up, pool_context, run_parallel, tapered
from riftwatch.scale.progress import MAX_FAILURES_KEPT, ScaleStats, render_summary, summary_rows
from riftwatch.scale.stream import CoderSpec, batched, coder_for, run_stream, stored_check
from riftwatch.store.duck import Store
from test_scale_stub import make_pid_stub, make_stub, write_corpus

TESTS = Path(__file__).resolve().parent
STUB = CoderSpec(factory=make_stub)


def store_content(path: Path) -> tuple[list[str], list[str], int]:
    """(sorted article ids, sorted event ids, event rows) of a store."""
    with Store(path, read_only=True) as store:
        con = store.connection()
        arts = [r[0] for r in con.execute("SELECT article_id FROM articles ORDER BY 1").fetchall()]
        evs = [r[0] for r in con.execute("SELECT event_id FROM events ORDER BY 1").fetchall()]
        rows = con.execute("SELECT count(*) FROM events").fetchone()
        assert store.integrity_problems() == []
    return arts, evs, int(rows[0]) if rows else 0


@pytest.mark.parametrize(("n", "size", "sizes"), [(5, 2, [2, 2, 1]), (4, 4, [4]), (0, 3, []), (3, 5, [3])])
def test_batched_sizes(n: int, size: int, sizes: list[int]) -> None:
    assert [len(b) for b in batched(range(n), size)] == sizes


def test_batched_refuses_zero() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        list(batched([1], 0))


def test_stream_codes_everything_once_and_rerun_skips(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "c.jsonl", 40)
    first = run_stream([str(corpus)], tmp_path / "s.duckdb", spec=STUB, write_batch=7)
    assert (first.articles, first.events, first.sentences, first.failed) == (40, 40, 120, 0)
    again = run_stream([str(corpus)], tmp_path / "s.duckdb", spec=STUB)
    assert (again.articles, again.skipped_stored) == (0, 40)
    arts, evs, rows = store_content(tmp_path / "s.duckdb")
    assert len(arts) == 40 and len(evs) == rows == 40


def test_failures_are_counted_and_named(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "c.jsonl", 3)
    with corpus.open("a") as f:
        f.write("{not json\n")
    seen: list[Failure] = []
    stats = run_stream([str(corpus), str(tmp_path / "missing.jsonl")], tmp_path / "s.duckdb", spec=STUB,
                       on_failure=seen.append)  # fmt: skip
    assert stats.articles == 3 and stats.failed == 2 == len(seen)
    assert {f.where for f in stats.failures} == {f"{corpus}:4", str(tmp_path / "missing.jsonl")}


def test_failures_kept_are_capped_but_all_counted() -> None:
    stats = ScaleStats()
    for i in range(MAX_FAILURES_KEPT + 5):
        stats.add_failure(Failure(f"f{i}", "bad"))
    total = ScaleStats()
    total.merge(stats)
    total.merge(stats)
    assert stats.failed == MAX_FAILURES_KEPT + 5 and len(stats.failures) == MAX_FAILURES_KEPT
    assert total.failed == 2 * (MAX_FAILURES_KEPT + 5) and len(total.failures) == MAX_FAILURES_KEPT


@pytest.mark.parametrize(
    ("stats", "label", "value"),
    [
        (ScaleStats(articles=10, seconds=4.0), "articles", "10 (2.5/s)"),
        (ScaleStats(events=3, happened=2), "events", "3 (2 reported as happened)"),
        (ScaleStats(sentences=4, sentences_seen=9), "sentences parsed / seen", "4 / 9 (fast mode)"),
        (ScaleStats(partitions=2, partitions_skipped=1), "partitions", "2 coded, 1 already done"),
    ],
)
def test_summary_rows(stats: ScaleStats, label: str, value: str) -> None:
    assert dict(summary_rows(stats))[label] == value


def test_render_summary_lists_failures() -> None:
    from rich.console import Console

    stats = ScaleStats(articles=1)
    stats.add_failure(Failure("a.jsonl:3", "invalid JSON"))
    console = Console(record=True, width=100)
    console.print(render_summary(stats))
    assert "a.jsonl:3: invalid JSON" in console.export_text()


def test_two_workers_store_what_one_process_stores(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "c.jsonl", 60)
    ticks: list[int] = []
    par = run_parallel([str(corpus)], tmp_path / "p.duckdb", workers=2, spec=STUB, chunk_size=4, write_batch=9,
                       tick=ticks.append)  # fmt: skip
    run_stream([str(corpus)], tmp_path / "s.duckdb", spec=STUB)
    assert par.articles == sum(ticks) == 60
    assert store_content(tmp_path / "p.duckdb") == store_content(tmp_path / "s.duckdb")


def _built_in(spec: CoderSpec) -> int:
    return getattr(coder_for(spec), "built_in")  # noqa: B009 - a PidStub, typed as any coder


def test_forked_workers_start_with_the_coder_the_parent_loaded() -> None:
    # loading the model once and forking saves each worker ~2.5 s of CPU and shares the pages
    from concurrent.futures import ProcessPoolExecutor

    spec = CoderSpec(factory=make_pid_stub)
    ctx = pool_context(spec)
    if ctx.get_start_method() != "fork":
        pytest.skip("this OS cannot fork: every worker loads its own coder")
    with ProcessPoolExecutor(2, mp_context=ctx, initializer=_warm_up, initargs=(spec, os.getpid())) as pool:
        built = set(pool.map(_built_in, [spec] * 6))
        workers = set(pool.map(_pid, range(6)))
    assert built == {os.getpid()} and os.getpid() not in workers


def _pid(_: int) -> int:
    return os.getpid()


_RECORDED_RUN = """
import sys
sys.path.insert(0, {tests!r})
from test_scale_stub import make_recording_stub
from riftwatch.pipeline import Config
from riftwatch.scale.local import run_parallel
from riftwatch.scale.stream import CoderSpec

if __name__ == "__main__":
    config = Config(extra={{"record": {record!r}, "delay": {delay!r}}})
    run_parallel([{corpus!r}], {store!r}, workers={workers}, spec=CoderSpec(factory=make_recording_stub, config=config),
                 chunk_size=4, tick=lambda n: print("tick", n, flush=True))
"""


def _recorded_run(tmp_path: Path, workers: int, articles: int, delay: str = "0") -> tuple[Path, subprocess.Popen[str]]:
    """A fresh interpreter running ``run_parallel`` with the recording stub (this test process has
    imported DuckDB and Arrow already, so its own forks would prove nothing)."""
    corpus = write_corpus(tmp_path / "c.jsonl", articles)
    record = tmp_path / "record.txt"
    script = tmp_path / "run.py"
    script.write_text(textwrap.dedent(_RECORDED_RUN.format(
        tests=str(TESTS), corpus=str(corpus), store=str(tmp_path / "r.duckdb"), record=str(record),
        workers=workers, delay=delay)))  # fmt: skip
    proc = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True, start_new_session=True)
    return record, proc


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc and forks (Linux)")
@pytest.mark.parametrize("workers", [1, 2])
def test_workers_code_in_processes_that_never_had_a_thread(tmp_path: Path, workers: int) -> None:
    # a process that has ever had a second thread parses ~13% slower for good, and Arrow and
    # DuckDB start threads: the workers (one worker too) are forked before the writer loads them
    record, proc = _recorded_run(tmp_path, workers, 24)
    out, _ = proc.communicate(timeout=120)
    assert proc.returncode == 0 and sum(int(line.split()[1]) for line in out.splitlines()) == 24
    lines = [line.split() for line in record.read_text().splitlines()]
    assert len(lines) == 24
    pids = {pid for pid, _, _ in lines}
    assert proc.pid not in {int(p) for p in pids} and 1 <= len(pids) <= workers
    assert {(threads, loaded) for _, threads, loaded in lines} == {("1", "-")}


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc and forks (Linux)")
def test_workers_end_when_their_parent_is_killed(tmp_path: Path) -> None:
    record, proc = _recorded_run(tmp_path, 2, 400, delay="0.05")
    assert proc.stdout is not None
    proc.stdout.readline()  # a first batch is written: the workers are at work
    workers = {int(line.split()[0]) for line in record.read_text().splitlines()}
    assert workers and proc.pid not in workers
    os.kill(proc.pid, signal.SIGKILL)  # the parent alone, not its process group
    proc.wait()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(Path(f"/proc/{w}").exists() and _alive(w) for w in workers):
        time.sleep(0.1)
    assert not any(Path(f"/proc/{w}").exists() and _alive(w) for w in workers)


def _alive(pid: int) -> bool:
    """Running, not a zombie waiting for a parent to read its status."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.parametrize(("workers", "chunk"), [(0, 4), (2, 0)])
def test_bad_pool_settings_are_refused(tmp_path: Path, workers: int, chunk: int) -> None:
    with pytest.raises(ValueError, match="at least 1"):
        run_parallel([], tmp_path / "s.duckdb", workers=workers, chunk_size=chunk, spec=STUB)


_KILLED_RUN = """
import sys
sys.path.insert(0, {tests!r})
from test_scale_stub import make_stub
from riftwatch.pipeline import Config
from riftwatch.scale.local import run_parallel
from riftwatch.scale.stream import CoderSpec

if __name__ == "__main__":
    spec = CoderSpec(factory=make_stub, config=Config(extra={{"delay": "0.03"}}))
    run_parallel([{corpus!r}], {store!r}, workers=2, spec=spec, chunk_size=4, write_batch=8,
                 tick=lambda n: print("tick", n, flush=True))
"""


def test_killed_parallel_run_resumes_to_the_same_store(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "c.jsonl", 160)
    store = tmp_path / "killed.duckdb"
    script = tmp_path / "run.py"
    script.write_text(
        textwrap.dedent(_KILLED_RUN.format(tests=str(TESTS), corpus=str(corpus), store=str(store)))
    )
    proc = subprocess.Popen(
        [sys.executable, str(script)], stdout=subprocess.PIPE, text=True, start_new_session=True
    )
    done = 0
    deadline = time.monotonic() + 60
    assert proc.stdout is not None
    for line in proc.stdout:
        done += int(line.split()[1])
        if done >= 40 or time.monotonic() > deadline:
            break
    os.killpg(proc.pid, signal.SIGKILL)  # the run and its pool workers, mid-run
    proc.wait()
    assert 40 <= done < 160, "the run must be killed part-way for this test to mean anything"

    resumed = run_parallel([str(corpus)], store, workers=2, spec=STUB, chunk_size=4)
    assert resumed.skipped_stored >= 40 and resumed.articles > 0
    assert resumed.skipped_stored + resumed.articles == 160
    run_stream([str(corpus)], tmp_path / "clean.duckdb", spec=STUB)
    assert store_content(store) == store_content(tmp_path / "clean.duckdb")


def test_spacy_backend_runs_in_process_with_n_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from riftwatch.scale import local

    seen: list[CoderSpec] = []

    def fake_run_stream(inputs: object, store_path: object, *, spec: CoderSpec, **kw: object) -> ScaleStats:
        seen.append(spec)
        return ScaleStats()

    monkeypatch.setattr(local, "run_stream", fake_run_stream)
    spec = CoderSpec(factory=make_stub, config=Config(batch_size=8))
    run_parallel([], tmp_path / "s.duckdb", workers=2, spec=spec, backend="spacy")
    assert [(s.config.n_process, s.config.batch_size) for s in seen] == [(2, 8)]


@pytest.mark.parametrize("n", [0, 1, 2, 5, 31, 32, 33, 64, 65, 100, 129, 455])
@pytest.mark.parametrize(("size", "workers"), [(32, 2), (8, 2), (4, 3), (1, 2), (32, 1)])
def test_tapered_chunks_keep_order_and_end_small(n: int, size: int, workers: int) -> None:
    chunks = list(tapered(range(n), size, workers))
    assert [x for c in chunks for x in c] == list(range(n))
    assert all(0 < len(c) <= size for c in chunks)
    # full chunks first; what is left at the end (under 2 x size once the first chunks are out)
    # is dealt out in at most 2 x workers pieces, larger first, near-equal
    sizes = [len(c) for c in chunks]
    assert all(s == size for s in sizes[: -2 * workers])
    last = sizes[-2 * workers :]
    assert last == sorted(last, reverse=True)
    small = [s for s in sizes if s < size]
    assert sum(small) < 2 * size and (not small or max(small) - min(small) <= 1)


def test_tapered_sends_the_first_chunks_without_reading_ahead() -> None:
    read: list[int] = []

    def source():  # type: ignore[no-untyped-def]
        for i in range(1000):
            read.append(i)
            yield i

    chunks = tapered(source(), 10, 2)
    assert next(chunks) == list(range(10)) and len(read) == 10  # a worker starts at once
    assert next(chunks) == list(range(10, 20)) and len(read) == 20
    assert next(chunks) == list(range(20, 30)) and len(read) == 40  # then one chunk read ahead


def test_an_empty_store_is_not_asked_per_article(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        assert store.is_empty()
        assert stored_check(store) is not store.has_article and not stored_check(store)("any")
    with Store(tmp_path / "s.duckdb") as store:
        from riftwatch.records import Article, CodedArticle

        store.write_many([CodedArticle(Article(id="a1", text="Talks resumed."), (), (), (), ())])
        assert not store.is_empty()
        check = stored_check(store)
        assert check("a1") and not check("a2")
