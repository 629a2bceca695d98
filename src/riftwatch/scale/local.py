"""Parallel coding on one machine: a pool of worker processes, one writer.

Where the OS can fork (Linux), the parent loads the coder (spaCy model, lexicons, gazetteer) once
and then forks the workers, which start with it loaded and share its memory pages copy-on-write;
elsewhere each worker is spawned and loads its own (~2.5 s of CPU each, which a short run on two
cores does not amortise). The parent reads the inputs, sends chunks of articles out, receives
coded articles back in input order and is the only process that writes to the store (DuckDB
allows one writer per file). At most ``2 × workers`` chunks are in flight, so memory stays
bounded however large the corpus.

Why a pool and not spaCy's ``n_process``: ``nlp.pipe(n_process=N)`` parallelises the parse
only; the coding of each Doc (actors, places, roles) then runs serially in the parent, and Docs
are serialised back across processes. Parsing *and* coding in the workers scales better (see
benchmarks/bench_scale.py, which measures both); ``backend="spacy"`` is kept for comparison.
"""

from __future__ import annotations

import ctypes
import datetime as dt
import gc
import logging
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager, suppress
from dataclasses import replace
from pathlib import Path
from typing import Any, Literal, TypeVar

from ..records import Article, Failure
from .progress import ScaleStats, Tick
from .stream import (
    AliasWriter,
    Coded,
    CoderSpec,
    code_chunk,
    coder_for,
    iter_inputs,
    new_articles,
    run_stream,
    stored_check,
    write_stream,
)

log = logging.getLogger(__name__)

Backend = Literal["pool", "spacy"]
T = TypeVar("T")
R = TypeVar("R")


PARENT_CHECK_S = 0.5
"""How often a pool worker looks whether the process that started it is still there."""


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised in the parent so that a terminated run cleans up as Ctrl-C does: the
    batch in flight is rolled back, the pool's workers are stopped, the store is closed."""


PR_SET_PDEATHSIG = 1
"""Linux ``prctl`` option: the signal this process gets when its parent ends."""


def _exit_with_parent(parent: int) -> None:
    """Exit this worker as soon as its parent is gone (killed with SIGKILL, say): an orphaned
    worker would otherwise hold its model (~400 MB) and wait for work forever.

    On Linux the kernel is asked to kill the worker when the parent ends (``prctl``), which
    starts no thread: a process that has ever had a second thread parses ~13% slower (see
    ``run_parallel``). Elsewhere a thread watches the parent."""
    if _kill_with_parent():
        if os.getppid() != parent:  # the parent ended before the kernel was asked
            os._exit(1)
        return

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_CHECK_S)
        os._exit(1)

    threading.Thread(target=watch, name="riftwatch-parent-watch", daemon=True).start()


def _kill_with_parent() -> bool:
    """Ask Linux to SIGKILL this process when its parent ends; False where that cannot be asked."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return bool(libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0)
    except (OSError, AttributeError):
        return False


def _warm_up(spec: CoderSpec, parent: int | None = None) -> None:
    """Pool initializer: exit with the parent; build this worker's coder and load its resources
    before work arrives (a forked worker has them already)."""
    # a forked worker inherits the parent's handler (``sigterm_as_interrupt``); terminate() must end it
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if parent is not None:
        _exit_with_parent(parent)
    list(coder_for(spec).code([]))


def _ready() -> int:
    return os.getpid()


def pool_context(spec: CoderSpec) -> multiprocessing.context.BaseContext:
    """Fork where the OS can, after loading the coder here: the workers start with it loaded and
    share its pages. Elsewhere spawn (each worker loads its own)."""
    if "fork" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    _warm_up_here(spec)
    # what is loaded now lives as long as the process: out of the collector's reach, a worker's
    # full collections neither walk it nor write to its pages (which would copy them)
    gc.freeze()
    return multiprocessing.get_context("fork")


def _warm_up_here(spec: CoderSpec) -> None:
    list(coder_for(spec).code([]))


@contextmanager
def sigterm_as_interrupt() -> Iterator[None]:
    """Within the block, SIGTERM raises ``Terminated`` (in the main thread; elsewhere it cannot
    be caught and nothing changes)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def raise_terminated(signum: int, _frame: object) -> None:
        raise Terminated(f"signal {signum}")

    old = signal.signal(signal.SIGTERM, raise_terminated)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, old)


def _stop_workers(pool: ProcessPoolExecutor) -> None:
    """Terminate the pool's processes now: shutdown alone waits for the chunks they are coding."""
    processes = list((getattr(pool, "_processes", None) or {}).values())  # shutdown forgets them
    pool.shutdown(wait=False, cancel_futures=True)
    for proc in processes:
        with suppress(Exception):  # already gone
            proc.terminate()


def tapered(items: Iterable[T], size: int, workers: int) -> Iterator[list[T]]:
    """Chunks of ``size`` items for ``workers`` processes, smaller ones at the end.

    A worker parses each chunk as one spaCy batch, and spaCy costs ~20-25% more CPU per article
    in batches of 8 than of 32 (the pool stories), so chunks should be large (``run_parallel``
    takes 16: on 455 articles the CPU of 32 at ~300 MiB less memory for two workers); but the
    run ends when the slowest worker does, so the last chunks should be small. The first ``workers`` chunks go
    out as soon as they are full (the workers start at once); after them a chunk goes out only
    when ``size`` more items are read behind it, so when the input ends the items still held
    (fewer than ``2 × size``) are known to be the last: they are dealt out in ``2 × workers``
    smaller chunks of near-equal size. Order is kept.

    >>> [len(c) for c in tapered(range(100), 32, 2)]
    [32, 32, 9, 9, 9, 9]
    >>> [len(c) for c in tapered(range(5), 32, 2)]
    [2, 1, 1, 1]
    """
    if size < 1 or workers < 1:
        raise ValueError(f"chunk size and workers must be at least 1, not {size} and {workers}")
    held: deque[T] = deque()
    started = 0
    for item in items:
        held.append(item)
        ahead = 0 if started < workers else size
        if len(held) >= size + ahead:
            yield [held.popleft() for _ in range(size)]
            started += 1
    pieces = min(len(held), 2 * workers)
    for i in range(pieces):  # near-equal parts, larger first
        take = -(-len(held) // (pieces - i))
        yield [held.popleft() for _ in range(take)]


def ordered_results(submit: Callable[[T], Future[R]], chunks: Iterable[T], in_flight: int) -> Iterator[R]:
    """Results of ``submit(chunk)`` in input order, with at most ``in_flight`` chunks pending."""
    pending: deque[Future[R]] = deque()
    try:
        for chunk in chunks:
            pending.append(submit(chunk))
            if len(pending) >= in_flight:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        for fut in pending:
            fut.cancel()


def run_parallel(
    inputs: Sequence[str],
    store_path: Path | str,
    workers: int = 2,
    *,
    spec: CoderSpec | None = None,
    published: dt.date | None = None,
    chunk_size: int = 16,
    write_batch: int = 64,
    backend: Backend = "pool",
    tick: Tick | None = None,
    on_failure: Callable[[Failure], None] | None = None,
    stdin: Any = None,
    columns: dict[str, str] | None = None,
) -> ScaleStats:
    """Code ``inputs`` with ``workers`` processes into the store at ``store_path``; return counts.

    Where the OS can fork, ``workers=1`` is one worker process too, and the workers are forked
    before this process imports DuckDB and Arrow: both start threads (Arrow's allocator when its
    library loads, DuckDB when a database opens), and a process that has ever had a second
    thread, or was forked from one, parses ~13% slower for good (glibc and libstdc++ take their
    multi-threaded paths; measured on the VOA pool: 5.4 s single-threaded, 6.2 s after one thread
    had started and ended; a caller that has started a thread before calling forfeits this).
    Without fork, ``workers=1`` runs in this process (``run_stream``).
    Articles already stored are skipped and each write batch is committed, so a killed run
    resumes where it stopped when rerun with the same inputs.

    Example: ``run_parallel(["corpus/"], "events.duckdb", workers=2).describe()``
    """
    spec = spec or CoderSpec()
    if workers < 1:
        raise ValueError(f"workers must be at least 1, not {workers}")
    if chunk_size < 1:
        raise ValueError(f"chunk size must be at least 1, not {chunk_size}")
    in_process = workers == 1 and "fork" not in multiprocessing.get_all_start_methods()
    if in_process or backend == "spacy":
        if backend == "spacy":
            spec = replace(spec, config=replace(spec.config, n_process=workers))
        return run_stream(inputs, store_path, spec=spec, published=published, write_batch=write_batch,
                          tick=tick, on_failure=on_failure, stdin=stdin, columns=columns)  # fmt: skip
    stats = ScaleStats()
    start = time.perf_counter()
    ctx = pool_context(spec)
    with ProcessPoolExecutor(workers, mp_context=ctx, initializer=_warm_up, initargs=(spec, os.getpid())) as pool:
        # the first task starts every worker (forked ones at once): before DuckDB and Arrow are
        # imported and start their threads, which a fork would copy without their state (and
        # which would slow the workers' parsing, see above)
        pool.submit(_ready)
        from ..store.duck import Store

        with sigterm_as_interrupt(), Store(store_path) as store, AliasWriter(store) as aliases:
            articles = new_articles(
                iter_inputs(inputs, published, stdin, columns), stats, stored_check(store), on_failure, tick, aliases
            )

            def submit(chunk: list[Article]) -> Future[list[Coded]]:
                return pool.submit(code_chunk, spec, chunk)

            results = ordered_results(submit, tapered(articles, chunk_size, workers), in_flight=2 * workers)
            coded = (item for chunk in results for item in chunk)
            try:
                write_stream(store, coded, stats, write_batch, tick)
            except BaseException:
                _stop_workers(pool)
                raise
    stats.seconds = time.perf_counter() - start
    return stats
