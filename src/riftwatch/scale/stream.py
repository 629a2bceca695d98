"""Bounded streaming: articles flow ingest → coder → store in fixed-size batches.

Nothing on this path holds one item per article of the corpus: articles are read lazily, the
coder sees one batch at a time, each write batch is committed and dropped, and "already stored?"
is asked of the store per article instead of loading every stored id into a set. So peak memory
depends on batch sizes, not on corpus size (see benchmarks/bench_memory.py).

``CoderSpec`` is the picklable recipe of a coder: worker processes (local pool or Dask) build
their coder from it once per process and keep it (``coder_for``).
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import pickle
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any, Protocol, Self, TypeVar

from ..pipeline import Config
from ..records import Article, CodedArticle, Duplicate, Failure
from .progress import ScaleStats, Tick

log = logging.getLogger(__name__)

T = TypeVar("T")


class ArticleCoder(Protocol):
    """Anything that codes articles in order: ``pipeline.Coder``, ``fastmode.FastCoder``, test stubs."""

    def code(self, articles: Iterable[Article]) -> Iterator[CodedArticle]: ...


@dataclass(frozen=True, slots=True)
class Coded:
    """A coded article with the number of sentences it had before any fast-mode filtering."""

    coded: CodedArticle
    sentences_seen: int


@dataclass(frozen=True)
class CoderSpec:
    """How to build the coder in each process.

    ``factory`` (a picklable module-level callable taking the Config) replaces the default coder,
    e.g. for tests that must not load the model. ``fast`` selects ``fastmode.FastCoder``.
    """

    config: Config = field(default_factory=Config)
    fast: bool = False
    factory: Callable[[Config], ArticleCoder] | None = None

    def build(self) -> ArticleCoder:
        """A new coder (heavy resources load on its first use)."""
        if self.factory is not None:
            return self.factory(self.config)
        if self.fast:
            from .fastmode import FastCoder

            return FastCoder(self.config)
        from ..pipeline import Coder

        return Coder(self.config)

    def fingerprint(self) -> str:
        """A stable description of what this spec codes with; part of partition output names."""
        factory = "" if self.factory is None else f"{self.factory.__module__}.{self.factory.__qualname__}"
        c = self.config
        return (
            f"actors={[str(p) for p in c.actor_files]};triggers={[str(p) for p in c.trigger_files]};"
            f"min_conf={c.min_confidence};ner={c.ner};extra={sorted(c.extra.items())};fast={self.fast};"
            f"factory={factory}" + (f";ner_window={c.ner_window}" if c.ner_window else "")
        )


@functools.cache
def _coder_from_blob(blob: bytes) -> ArticleCoder:
    spec: CoderSpec = pickle.loads(blob)
    return spec.build()


def coder_for(spec: CoderSpec) -> ArticleCoder:
    """The coder of ``spec`` for this process, built on first call and reused after.

    Config holds a dict, so the spec is not hashable; its pickle is the cache key.
    """
    return _coder_from_blob(pickle.dumps(spec))


def code_with_counts(coder: ArticleCoder, articles: Iterable[Article]) -> Iterator[Coded]:
    """Each coded article with its sentence count before filtering (fast mode reports it)."""
    counted = getattr(coder, "code_counted", None)
    if counted is not None:
        yield from counted(articles)
        return
    for c in coder.code(articles):
        yield Coded(c, len(c.sentences))


def code_chunk(spec: CoderSpec, articles: Sequence[Article]) -> list[Coded]:
    """Code one chunk in this process with its cached coder (what pool workers run)."""
    return list(code_with_counts(coder_for(spec), articles))


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Lists of ``size`` items (the last may be shorter).

    >>> list(batched(range(5), 2))
    [[0, 1], [2, 3], [4]]
    """
    if size < 1:
        raise ValueError(f"batch size must be at least 1, not {size}")
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def new_articles(
    items: Iterable[Article | Duplicate | Failure],
    stats: ScaleStats,
    is_stored: Callable[[str], bool],
    on_failure: Callable[[Failure], None] | None = None,
    tick: Tick | None = None,
    on_duplicate: Callable[[Duplicate], None] | None = None,
) -> Iterator[Article]:
    """Articles not yet stored; failures, duplicates and skips are counted in ``stats`` (never
    accumulated); each duplicate goes to ``on_duplicate`` (an ``AliasWriter``, say)."""
    for item in items:
        if isinstance(item, Failure):
            stats.add_failure(item)
            if on_failure is not None:
                on_failure(item)
            continue
        if isinstance(item, Duplicate):
            stats.duplicates += 1
            if on_duplicate is not None:
                on_duplicate(item)
            continue
        if is_stored(item.id):
            stats.skipped_stored += 1
            if tick is not None:
                tick(1)
            continue
        yield item


class AliasWriter:
    """Keeps the ids of duplicate records as aliases in the store, a bounded batch at a time.

    Use as a context manager around the run: what is pending is written on a clean exit. A
    killed run loses at most the pending batch, and a rerun (which reads the input again) finds
    the same duplicates and writes what is missing.
    """

    def __init__(self, store: Any, batch: int = 1000) -> None:
        self._store = store
        self._batch = batch
        self._pending: list[tuple[str, str, str]] = []

    def __call__(self, dup: Duplicate) -> None:
        if dup.id == dup.same_as:  # the same record twice: nothing to keep
            return
        self._pending.append((dup.id, dup.same_as, dup.origin))
        if len(self._pending) >= self._batch:
            self.flush()

    def flush(self) -> None:
        """Write the pending aliases in one transaction."""
        if self._pending:
            self._store.write_aliases(self._pending)
            self._pending = []

    def __enter__(self) -> Self:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, *_: object) -> None:
        if exc_type is None:
            self.flush()


def stored_check(store: Any) -> Callable[[str], bool]:
    """``article id -> already stored?`` asked of the store, so no set of all ids is held.

    A store that holds no article when the run begins is not asked (one query per article is
    ~5% of a writer's time): within a run the reader never gives the same id twice (a repeated id
    comes as a ``Duplicate`` or a ``Failure``), so nothing it gives can be stored already.
    """
    is_empty = getattr(store, "is_empty", None)
    if is_empty is not None and is_empty():
        return _never
    return store.has_article  # type: ignore[no-any-return]


def _never(_article_id: str) -> bool:
    return False


RELEASE_EVERY = 2000
"""Articles written between two ``release_memory`` calls of ``write_stream``."""


def write_stream(
    store: Any,
    coded: Iterable[Coded],
    stats: ScaleStats,
    write_batch: int,
    tick: Tick | None = None,
    release_every: int | None = RELEASE_EVERY,
) -> int:
    """Write coded articles with one commit per ``write_batch``; returns how many were new.

    A store with ``release_memory`` (``store.duck.Store``) is made to drop DuckDB's cached blocks
    after every ``release_every`` articles (None: never), so that a long run's memory does not
    grow with the corpus: DuckDB otherwise keeps every block it wrote (see
    ``Store.release_memory`` for the measurements).
    """
    release = getattr(store, "release_memory", None) if release_every is not None else None
    since_release = 0
    written = 0
    for chunk in batched(coded, write_batch):
        for item in chunk:
            stats.add_coded(item.coded, item.sentences_seen)
        written += store.write_many([item.coded for item in chunk], batch=write_batch)
        since_release += len(chunk)
        if release is not None and release_every is not None and since_release >= release_every:
            release()
            since_release = 0
        if tick is not None:
            tick(len(chunk))
    return written


def iter_inputs(
    inputs: Sequence[str], published: dt.date | None, stdin: Any, columns: dict[str, str] | None = None
) -> Iterator[Article | Duplicate | Failure]:
    """The ingest stage's stream over ``inputs`` (imported late: ingest is heavy to import);
    ``columns`` as ``ingest.readers.iter_ingested`` takes it."""
    from ..ingest.readers import iter_ingested

    return iter_ingested(list(inputs), published=published, stdin=stdin, columns=columns)


def run_stream(
    inputs: Sequence[str],
    store_path: Path | str,
    *,
    spec: CoderSpec | None = None,
    published: dt.date | None = None,
    write_batch: int = 64,
    tick: Tick | None = None,
    on_failure: Callable[[Failure], None] | None = None,
    stdin: Any = None,
    columns: dict[str, str] | None = None,
) -> ScaleStats:
    """Code ``inputs`` in this process into the store at ``store_path``, in bounded batches.

    Resumable: every write batch is committed, and articles already stored are skipped, so a
    rerun after a kill writes exactly what is missing.

    Example: ``run_stream(["corpus/"], "events.duckdb", spec=CoderSpec(fast=True))``.
    """
    import time

    from ..store.duck import Store

    spec = spec or CoderSpec()
    stats = ScaleStats()
    start = time.perf_counter()
    coder = coder_for(spec)
    with Store(store_path) as store, AliasWriter(store) as aliases:
        articles = new_articles(
            iter_inputs(inputs, published, stdin, columns), stats, stored_check(store), on_failure, tick, aliases
        )
        write_stream(store, code_with_counts(coder, articles), stats, write_batch, tick)
    stats.seconds = time.perf_counter() - start
    return stats
