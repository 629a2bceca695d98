"""One input partition in, one set of Parquet files out; and loading those files into the store.

A partition is a JSONL (``.jsonl``/``.ndjson``, optionally ``.gz``) or Parquet file at a local path
or an fsspec URL. ``code_partition`` codes it and writes, under ``out_dir``::

    events/part-<digest>.parquet        rows of the store's ``events`` table
    event_actors/part-<digest>.parquet  rows of ``event_actors``
    places/part-<digest>.parquet        rows of ``places``
    article_aliases/part-<digest>.parquet  ids of records whose text an earlier record had
    articles/part-<digest>.parquet      rows of ``articles``: written last, it marks the partition done

``<digest>`` hashes the partition's bytes and the coder's settings, so a rerun skips partitions
already done, and a changed partition (or coder setting) is coded anew. Each file is written
under a temporary dot-name and renamed into place, so a killed task leaves no half-file that looks
finished. DuckDB can query the files in place: ``read_parquet('out/events/part-*.parquet')``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Final

import pyarrow as pa

from ..records import Article, CodedArticle, Duplicate, Failure
from .progress import ScaleStats
from .stream import CoderSpec, code_with_counts, coder_for

log = logging.getLogger(__name__)

FORMAT_VERSION: Final = "rw-part-2"
"""Part of every digest: bump when the files' layout changes so old outputs are not reused."""
TABLES: Final = ("events", "event_actors", "places", "article_aliases", "articles")
"""In write order; ``articles`` last because its file marks a finished partition."""
JSONL_SUFFIXES: Final = (".jsonl", ".ndjson", ".json")
PARQUET_SUFFIXES: Final = (".parquet", ".pq")
COMPRESSION_SUFFIXES: Final = (".gz", ".bz2", ".xz", ".zst")
ALIAS_SCHEMA: Final = pa.schema([("alias_id", pa.string()), ("article_id", pa.string()), ("origin", pa.string())])
ROW_GROUP_ARTICLES = 256
"""Articles per Parquet row group: what a task holds in memory at once, whatever the partition size."""
_HASH_CHUNK = 1 << 20


@dataclass(slots=True)
class PartitionResult:
    """What coding one partition did; ``skipped`` when its output already existed."""

    url: str
    digest: str
    skipped: bool
    stats: ScaleStats = field(default_factory=ScaleStats)


def _fs(url: str) -> tuple[Any, str]:
    from fsspec.core import url_to_fs

    fs, path = url_to_fs(url)
    return fs, str(path)


def partition_format(url: str) -> str:
    """The kind, "jsonl" or "parquet", from the name (after any compression suffix); ValueError otherwise.

    >>> partition_format("s3://bucket/day=1/part-0.jsonl.gz"), partition_format("p/0.parquet")
    ('jsonl', 'parquet')
    """
    name = url.rsplit("/", 1)[-1].lower()
    for suffix in COMPRESSION_SUFFIXES:
        name = name.removesuffix(suffix)
    if name.endswith(JSONL_SUFFIXES):
        return "jsonl"
    if name.endswith(PARQUET_SUFFIXES):
        return "parquet"
    raise ValueError(f"{url}: not a partition (expected .jsonl, .ndjson, .json or .parquet, maybe .gz)")


def partition_digest(url: str, spec: CoderSpec, columns: dict[str, str] | None = None) -> str:
    """sha256 of the partition's bytes, the coder settings, the column names read (``--columns``)
    and FORMAT_VERSION (first 20 hex chars)."""
    fs, path = _fs(url)
    named = ",".join(f"{k}={v}" for k, v in sorted((columns or {}).items()))
    extra = f"{named}\n" if named else ""  # none named: the same digest as before the option existed
    h = hashlib.sha256(f"{FORMAT_VERSION}\n{spec.fingerprint()}\n{extra}".encode())
    with fs.open(path, "rb") as f:
        while chunk := f.read(_HASH_CHUNK):
            h.update(chunk)
    return h.hexdigest()[:20]


def part_path(out_dir: str, table: str, digest: str) -> str:
    """Where ``table``'s file of the partition with ``digest`` goes."""
    return f"{out_dir.rstrip('/')}/{table}/part-{digest}.parquet"


def is_done(out_dir: str, digest: str) -> bool:
    """True when the partition's marker file (its articles) exists."""
    fs, path = _fs(part_path(out_dir, "articles", digest))
    return bool(fs.exists(path))


def draft_article(draft: Any, published: dt.date | None) -> Article | Failure:
    """The Article an ingest ``Draft`` becomes, with the ingest stage's cleaning and checks."""
    from ..ingest.readers import finish_draft

    result = finish_draft(draft, published)
    return result if isinstance(result, Failure) else result[0]


def read_partition(
    url: str, published: dt.date | None = None, max_bytes: int = 20_000_000, columns: dict[str, str] | None = None
) -> Iterator[Article | Duplicate | Failure]:
    """The articles (or Failures naming ``url:LINE`` / ``url:row N``) of one partition, streamed;
    a record with the text of an earlier one is a Duplicate naming that one's id. ``columns``
    names the fields kept under other names (``text=article_content``)."""
    from ..ingest.formats import iter_jsonl

    try:
        kind = partition_format(url)
    except ValueError as exc:
        yield Failure(url, str(exc).split(": ", 1)[1])
        return
    import fsspec

    from ..ingest.ids import content_id

    # As ``iter_ingested`` does for a run: the same text twice is kept once, and an id given to
    # two different texts is a failure. Held per partition, so bounded by the partition's size.
    digests: dict[str, str] = {}  # content hash -> id of its first article
    ids: dict[str, str] = {}
    try:
        with fsspec.open(url, "rb", compression="infer") as stream:
            if kind == "jsonl":
                items: Iterator[Any] = iter_jsonl(stream, url, max_bytes, columns)
            else:
                items = _parquet_drafts(stream, url, max_bytes, columns)
            for item in items:
                result = item if isinstance(item, Failure) else draft_article(item, published)
                if isinstance(result, Article):
                    digest = content_id(result.title, result.text)
                    if ids.setdefault(result.id, digest) != digest:
                        yield Failure(result.origin, f"id {result.id!r} is already used by another article")
                        continue
                    if digest in digests:
                        log.debug("%s: same text as article %s; stored once", result.origin, digests[digest])
                        yield Duplicate(result.id, digests[digest], result.origin)
                        continue
                    digests[digest] = result.id
                yield result
    except FileNotFoundError:
        yield Failure(url, "no such file")
    except (OSError, pa.ArrowInvalid) as exc:
        yield Failure(url, f"cannot read partition: {exc}")


def _parquet_drafts(stream: Any, url: str, max_bytes: int, columns: dict[str, str] | None = None) -> Iterator[Any]:
    import pyarrow.parquet as pq

    from ..ingest.formats import record_draft

    row = 0
    for batch in pq.ParquetFile(stream).iter_batches(batch_size=ROW_GROUP_ARTICLES):
        for record in batch.to_pylist():
            row += 1
            yield record_draft(record, f"{url}:row {row}", max_bytes, columns)


class _PartWriter:
    """Streams one partition's rows into temporary Parquet files, renamed into place on commit."""

    def __init__(self, out_dir: str, digest: str) -> None:
        import pyarrow.parquet as pq

        from ..store import rows

        self._schemas = {"events": rows.EVENT_SCHEMA, "event_actors": rows.ACTOR_SCHEMA,
                         "places": rows.PLACE_SCHEMA, "articles": rows.ARTICLE_SCHEMA,
                         "article_aliases": ALIAS_SCHEMA}  # fmt: skip
        self.final = {t: part_path(out_dir, t, digest) for t in TABLES}
        token = uuid.uuid4().hex[:8]
        self.tmp = {t: p.rsplit("/", 1)[0] + f"/.tmp-{digest}-{token}.parquet" for t, p in self.final.items()}
        self.fs, _ = _fs(out_dir)
        self._files: dict[str, Any] = {}
        self._writers: dict[str, Any] = {}
        for t in TABLES:
            _, path = _fs(self.tmp[t])
            self.fs.makedirs(path.rsplit("/", 1)[0], exist_ok=True)
            self._files[t] = self.fs.open(path, "wb")
            self._writers[t] = pq.ParquetWriter(self._files[t], self._schemas[t])
        self._buf: dict[str, list[tuple[Any, ...]]] = {t: [] for t in TABLES}
        self._pending = 0

    def add(self, coded: CodedArticle) -> None:
        from ..store import rows
        from ..store.duck import OUR_ORIGIN

        events = rows.unique_events(coded.events)
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        self._buf["articles"].append(rows.article_values(coded, len(events), now))
        for e in events:
            self._buf["events"].append(rows.event_values(e, OUR_ORIGIN))
            self._buf["event_actors"].extend(rows.actor_values(e))
        self._buf["places"].extend(rows.place_values(coded.article.id, p) for p in coded.places)
        self._pending += 1
        if self._pending >= ROW_GROUP_ARTICLES:
            self.flush()

    def add_alias(self, dup: Duplicate) -> None:
        if dup.id != dup.same_as:
            self._buf["article_aliases"].append((dup.id, dup.same_as, dup.origin))

    def flush(self) -> None:
        from ..store import rows

        for t in TABLES:
            if self._buf[t]:
                self._writers[t].write_table(rows.to_table(self._buf[t], self._schemas[t]))
                self._buf[t].clear()
        self._pending = 0

    def commit(self) -> None:
        """Close every file and rename it into place, the articles (marker) file last."""
        self.flush()
        self._close()
        for t in TABLES:
            _, src = _fs(self.tmp[t])
            _, dst = _fs(self.final[t])
            self.fs.mv(src, dst)

    def abort(self) -> None:
        """Close and delete the temporary files (a failed task leaves nothing behind)."""
        try:
            self._close()
        finally:
            for t in TABLES:
                _, path = _fs(self.tmp[t])
                try:
                    self.fs.rm(path)
                except FileNotFoundError:
                    pass

    def _close(self) -> None:
        for t in TABLES:
            w = self._writers.pop(t, None)
            if w is not None:
                w.close()
            f = self._files.pop(t, None)
            if f is not None:
                f.close()


def code_partition(
    url: str, out_dir: str, spec: CoderSpec | None = None, published: dt.date | None = None,
    columns: dict[str, str] | None = None,
) -> PartitionResult:
    """Code one partition into Parquet files under ``out_dir``; skip it when already done.

    This is the Dask task; it also runs fine on its own. The coder is built once per process.
    """
    spec = spec or CoderSpec()
    start = time.perf_counter()
    stats = ScaleStats()
    try:
        digest = partition_digest(url, spec, columns)
    except FileNotFoundError:
        stats.add_failure(Failure(url, "no such file"))
        return PartitionResult(url, "", skipped=False, stats=stats)
    if is_done(out_dir, digest):
        stats.partitions_skipped = 1
        return PartitionResult(url, digest, skipped=True, stats=stats)
    writer = _PartWriter(out_dir, digest)
    articles = _articles(read_partition(url, published, columns=columns), stats, writer)
    try:
        for item in code_with_counts(coder_for(spec), articles):
            stats.add_coded(item.coded, item.sentences_seen)
            writer.add(item.coded)
        writer.commit()
    except BaseException:
        writer.abort()
        raise
    stats.partitions = 1
    stats.seconds = time.perf_counter() - start
    log.info("%s: %d articles, %d events -> part-%s", url, stats.articles, stats.events, digest)
    return PartitionResult(url, digest, skipped=False, stats=stats)


def _articles(
    items: Iterator[Article | Duplicate | Failure], stats: ScaleStats, writer: _PartWriter
) -> Iterator[Article]:
    for item in items:
        if isinstance(item, Failure):
            stats.add_failure(item)
        elif isinstance(item, Duplicate):
            stats.duplicates += 1
            writer.add_alias(item)
        else:
            yield item
