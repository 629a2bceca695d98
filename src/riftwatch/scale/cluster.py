"""Distributed coding on Dask: one task per input partition, Parquet out, then into the store.

``run_dask`` sends every partition to a Dask cluster (a scheduler address, or a ``LocalCluster``
of ``n_workers`` processes) as one ``partitions.code_partition`` task. Tasks share nothing but
the output folder; each writes its own files, so there is no writer to coordinate. A killed or
cancelled run is resumed by running it again: finished partitions are skipped by digest.

``import_partitions`` then loads finished partitions into a DuckDB store, idempotently (articles
already stored are skipped with their events), or the files can be queried in place.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Sequence
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import InputError, StoreError
from ..records import Failure
from .partitions import TABLES, PartitionResult, code_partition, part_path, partition_format
from .progress import ScaleStats, Tick
from .stream import CoderSpec

log = logging.getLogger(__name__)


def expand_partitions(inputs: Sequence[str]) -> list[str]:
    """Partition URLs from files, folders (their JSONL/Parquet files, recursively) and globs.

    Local paths and fsspec URLs (``s3://bucket/day=*/*.jsonl.gz``) alike; sorted, each once.
    Raises InputError naming an input that matches nothing.
    """
    from fsspec.core import url_to_fs

    found: dict[str, None] = {}
    for inp in inputs:
        fs, path = url_to_fs(inp)
        if any(ch in path for ch in "*?["):
            paths = sorted(fs.glob(path))
        elif fs.isdir(path):
            paths = sorted(p for p in fs.find(path) if not p.rsplit("/", 1)[-1].startswith("."))
        elif fs.exists(path):
            paths = [path]
        else:
            raise InputError(inp, "no such file or folder")
        urls = [fs.unstrip_protocol(p) for p in paths] if "://" in inp else paths
        usable = []
        for u in urls:
            try:
                partition_format(u)
            except ValueError:
                if len(urls) == 1:
                    raise InputError(
                        inp, "not a partition: expected .jsonl, .ndjson, .json or .parquet"
                    ) from None
                continue
            usable.append(u)
        if not usable:
            raise InputError(inp, "no JSONL or Parquet partitions found")
        found.update(dict.fromkeys(usable))
    return list(found)


@dataclass(frozen=True, slots=True)
class ImportStats:
    """What ``import_partitions`` loaded: partitions read, and new articles/events stored."""

    partitions: int
    articles: int
    events: int


def _client(scheduler: str | None, n_workers: int, stack: ExitStack) -> Any:
    from distributed import Client, LocalCluster

    if scheduler:
        return stack.enter_context(Client(scheduler))  # type: ignore[no-untyped-call]  # distributed is untyped
    cluster = stack.enter_context(
        LocalCluster(n_workers=n_workers, threads_per_worker=1, processes=True, dashboard_address=None)  # type: ignore[no-untyped-call]  # distributed is untyped
    )
    return stack.enter_context(Client(cluster))  # type: ignore[no-untyped-call]  # distributed is untyped


def run_dask(
    inputs: Sequence[str],
    out_dir: str | Path,
    *,
    scheduler: str | None = None,
    n_workers: int = 2,
    spec: CoderSpec | None = None,
    published: dt.date | None = None,
    tick: Tick | None = None,
    client: Any = None,
    columns: dict[str, str] | None = None,
) -> ScaleStats:
    """Code partitioned inputs on Dask into Parquet files under ``out_dir``; return the counts.

    ``scheduler`` is a ``tcp://HOST:PORT`` address; without it a ``LocalCluster`` of ``n_workers``
    single-threaded processes is started (and stopped). An existing ``client`` may be passed
    instead. ``tick`` is called with 1 per finished partition; ``columns`` as ``read_partition``. A partition that fails becomes a
    Failure in the counts; the others go on.

    Example: ``run_dask(["s3://news/2024/*.jsonl.gz"], "out/", scheduler="tcp://10.0.0.5:8786")``
    """
    from distributed import as_completed

    spec = spec or CoderSpec()
    out = str(out_dir)
    urls = expand_partitions(inputs)
    stats = ScaleStats()
    start = time.perf_counter()
    with ExitStack() as stack:
        if client is None:
            client = _client(scheduler, n_workers, stack)
        futures = client.map(code_partition, urls, out_dir=out, spec=spec, published=published, columns=columns,
                             pure=False)  # fmt: skip
        url_of = {f.key: u for f, u in zip(futures, urls, strict=True)}
        try:
            for fut in as_completed(futures):  # type: ignore[no-untyped-call]  # distributed is untyped
                if fut.status == "error":
                    exc = fut.exception()
                    stats.add_failure(
                        Failure(url_of[fut.key], f"partition failed: {type(exc).__name__}: {exc}")
                    )
                else:
                    result: PartitionResult = fut.result()
                    stats.merge(result.stats)
                if tick is not None:
                    tick(1)
        except BaseException:
            client.cancel(futures)
            raise
    stats.seconds = time.perf_counter() - start
    return stats


def partition_glob(out_dir: str | Path, table: str = "events") -> str:
    """The glob of ``table``'s files, for querying in place: ``read_parquet(partition_glob(out))``.

    Only partitions whose ``articles`` file exists are finished; the others may be mid-write.
    """
    if table not in TABLES:
        raise ValueError(f"unknown table {table!r}; one of {', '.join(TABLES)}")
    return f"{str(out_dir).rstrip('/')}/{table}/part-*.parquet"


def finished_digests(out_dir: str | Path) -> list[str]:
    """Digests of the finished partitions under ``out_dir`` (their articles file exists), sorted."""
    from fsspec.core import url_to_fs

    fs, path = url_to_fs(str(out_dir).rstrip("/") + "/articles")
    if not fs.isdir(path):
        return []
    names = (p.rsplit("/", 1)[-1] for p in fs.ls(path, detail=False))
    return sorted(
        n[len("part-") : -len(".parquet")] for n in names if n.startswith("part-") and n.endswith(".parquet")
    )


def import_partitions(out_dir: str | Path, store_path: str | Path) -> ImportStats:
    """Load every finished partition under ``out_dir`` into the store; idempotent.

    Each partition is one transaction. An article already stored (from an earlier import, a
    local run, or another partition) is skipped with its events, actors and places, so importing
    twice, or after a crash mid-import, stores each article exactly once.
    """
    from ..store import schema
    from ..store.duck import Store

    out = str(out_dir).rstrip("/")
    digests = finished_digests(out)
    cols = {
        "articles": schema.ARTICLE_COLUMNS,
        "events": schema.EVENT_COLUMNS,
        "event_actors": schema.ACTOR_COLUMNS,
        "places": schema.PLACE_COLUMNS,
    }
    sel = {t: ", ".join(f'"{c}"' for c in c_) for t, c_ in cols.items()}
    articles = events = 0
    with Store(store_path) as store:
        con = store.connection()
        if "://" in out and not out.startswith("file://"):
            from fsspec.core import url_to_fs

            con.register_filesystem(url_to_fs(out)[0])
        for digest in digests:
            f = {t: part_path(out, t, digest) for t in TABLES}
            try:
                con.execute("BEGIN TRANSACTION")
                con.execute(
                    "CREATE OR REPLACE TEMP TABLE _rw_new AS SELECT DISTINCT article_id FROM read_parquet(?) "
                    "WHERE article_id NOT IN (SELECT article_id FROM articles)",
                    [f["articles"]],
                )
                new = "article_id IN (SELECT article_id FROM _rw_new)"
                n_art = con.execute(
                    f"INSERT INTO articles ({sel['articles']}) SELECT {sel['articles']} FROM read_parquet(?) WHERE {new}",
                    [f["articles"]],
                ).fetchone()
                n_ev = con.execute(
                    f"INSERT INTO events ({sel['events']}) SELECT {sel['events']} FROM read_parquet(?) WHERE {new}",
                    [f["events"]],
                ).fetchone()
                con.execute(
                    f"INSERT INTO event_actors ({sel['event_actors']}) SELECT {sel['event_actors']} "
                    f"FROM read_parquet(?) WHERE event_id IN (SELECT event_id FROM read_parquet(?) WHERE {new})",
                    [f["event_actors"], f["events"]],
                )
                con.execute(
                    f"INSERT INTO places ({sel['places']}) SELECT {sel['places']} FROM read_parquet(?) WHERE {new}",
                    [f["places"]],
                )
                con.execute(
                    "INSERT INTO article_aliases SELECT DISTINCT ON (alias_id) alias_id, article_id, origin "
                    "FROM read_parquet(?) WHERE alias_id NOT IN (SELECT alias_id FROM article_aliases) "
                    "AND alias_id NOT IN (SELECT article_id FROM articles)",
                    [f["article_aliases"]],
                )
                con.execute("DROP TABLE _rw_new")
                con.execute("COMMIT")
            except Exception as exc:
                from ..store.connect import reason as _reason

                try:
                    con.execute("ROLLBACK")
                except Exception as rollback:  # noqa: BLE001 - a consequence of ``exc``, raised below: no traceback
                    log.debug("rollback after a failed import failed too: %s", rollback)
                raise StoreError(f"{store.path}: cannot import partition {f['articles']}: {_reason(exc)}") from exc
            articles += int(n_art[0]) if n_art else 0
            events += int(n_ev[0]) if n_ev else 0
    return ImportStats(len(digests), articles, events)
