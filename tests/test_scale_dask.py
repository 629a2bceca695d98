"""Dask distributed runs on a LocalCluster of 2 worker processes: partitions, resume, import."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from riftwatch.errors import InputError
from riftwatch.pipeline import Config
from riftwatch.records import Failure
from riftwatch.scale.cluster import (
    expand_partitions,
    finished_digests,
    import_partitions,
    partition_glob,
    run_dask,
)
from riftwatch.scale.partitions import code_partition, partition_format, read_partition
from riftwatch.scale.stream import CoderSpec, run_stream
from test_scale_local import store_content
from test_scale_stub import article_text, make_stub, write_corpus

pytestmark = pytest.mark.slow
TESTS = Path(__file__).resolve().parent
STUB = CoderSpec(factory=make_stub)


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    from distributed import Client, LocalCluster

    with (
        LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,
        Client(cluster) as c,
    ):
        yield c


def partitions(folder: Path, n: int, per: int = 20) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for k in range(n):
        write_corpus(folder / f"part-{k:03d}.jsonl", per, start=k * per)
    return folder


@pytest.mark.parametrize(
    ("name", "kind"),
    [("a/b.jsonl", "jsonl"), ("b.ndjson.gz", "jsonl"), ("s3://x/y.parquet", "parquet"), ("p.pq", "parquet")],
)
def test_partition_format(name: str, kind: str) -> None:
    assert partition_format(name) == kind


@pytest.mark.parametrize("name", ["notes.txt", "data.csv", "archive.gz"])
def test_partition_format_refuses(name: str) -> None:
    with pytest.raises(ValueError, match=name):
        partition_format(name)


def test_expand_partitions(tmp_path: Path) -> None:
    folder = partitions(tmp_path / "in", 3)
    (folder / "README.txt").write_text("not a partition")
    (folder / ".hidden.jsonl").write_text("{}")
    got = expand_partitions([str(folder), str(folder / "part-001.jsonl"), str(folder / "part-00[02].jsonl")])
    assert [Path(u).name for u in got] == ["part-000.jsonl", "part-001.jsonl", "part-002.jsonl"]


@pytest.mark.parametrize(
    ("name", "reason"), [("missing.jsonl", "no such file"), ("notes.txt", "not a partition")]
)
def test_expand_partitions_names_bad_input(tmp_path: Path, name: str, reason: str) -> None:
    (tmp_path / "notes.txt").write_text("hello")
    with pytest.raises(InputError, match=reason) as info:
        expand_partitions([str(tmp_path / name)])
    assert info.value.where == str(tmp_path / name)


def test_parquet_partition_reads_like_jsonl(tmp_path: Path) -> None:
    texts = [article_text(i) for i in range(3)]
    table = pa.table({"id": ["p0", "p1", "p2"], "text": texts, "published": ["2024-03-01"] * 3})
    pq.write_table(table, tmp_path / "p.parquet")
    arts = list(read_partition(str(tmp_path / "p.parquet")))
    assert [a.id for a in arts] == ["p0", "p1", "p2"]  # type: ignore[union-attr]
    assert [a.origin for a in arts] == [f"{tmp_path / 'p.parquet'}:row {i}" for i in (1, 2, 3)]  # type: ignore[union-attr]


def test_partitions_read_fields_kept_under_other_names(tmp_path: Path) -> None:
    """``--columns`` on Dask runs: Parquet and JSONL partitions whose text is elsewhere."""
    texts = [article_text(i) for i in range(3)]
    table = pa.table({"key": ["p0", "p1", "p2"], "article_content": texts, "date": ["2024-03-01"] * 3})
    pq.write_table(table, tmp_path / "p.parquet")
    names = {"id": "key", "text": "article_content", "published": "date"}
    arts = list(read_partition(str(tmp_path / "p.parquet"), columns=names))
    assert [a.id for a in arts] == ["p0", "p1", "p2"]  # type: ignore[union-attr]
    assert all(isinstance(f, Failure) for f in read_partition(str(tmp_path / "p.parquet")))  # no text field
    part = write_corpus(tmp_path / "j.jsonl", 3)
    plain = code_partition(str(part), str(tmp_path / "out"), STUB)
    named = code_partition(str(part), str(tmp_path / "out"), STUB, columns={"text": "text"})
    assert named.digest != plain.digest and not named.skipped  # other column names: coded anew


def test_code_partition_alone_then_skips(tmp_path: Path) -> None:
    part = write_corpus(tmp_path / "p.jsonl", 5)
    out = str(tmp_path / "out")
    first = code_partition(str(part), out, STUB)
    second = code_partition(str(part), out, STUB)
    other = code_partition(str(part), out, CoderSpec(factory=make_stub, config=Config(min_confidence=0.5)))
    assert (first.skipped, first.stats.articles, second.skipped) == (False, 5, True)
    assert other.digest != first.digest and not other.skipped  # new coder settings: coded anew
    assert sorted(finished_digests(out)) == sorted([first.digest, other.digest])
    assert (
        len(pq.read_table(partition_glob(out, "events").replace("*", first.digest)).column("event_id")) == 5
    )


def test_dask_run_rerun_and_import_equal_one_process(tmp_path: Path, client: Any) -> None:
    folder = partitions(tmp_path / "in", 6)
    out = tmp_path / "out"
    ticks: list[int] = []
    first = run_dask([str(folder)], out, spec=STUB, client=client, tick=ticks.append)
    assert (first.partitions, first.partitions_skipped, first.articles, sum(ticks)) == (6, 0, 120, 6)
    again = run_dask([str(folder)], out, spec=STUB, client=client)
    assert (again.partitions, again.partitions_skipped, again.articles) == (0, 6, 0)

    imported = import_partitions(out, tmp_path / "d.duckdb")
    assert (imported.partitions, imported.articles, imported.events) == (6, 120, 120)
    assert import_partitions(out, tmp_path / "d.duckdb").articles == 0  # idempotent
    run_stream([str(folder)], tmp_path / "s.duckdb", spec=STUB)
    assert store_content(tmp_path / "d.duckdb") == store_content(tmp_path / "s.duckdb")


def test_a_broken_partition_fails_alone(tmp_path: Path, client: Any) -> None:
    folder = partitions(tmp_path / "in", 2)
    (folder / "part-bad.parquet").write_bytes(b"PAR1 this is not parquet")
    stats = run_dask([str(folder)], tmp_path / "out", spec=STUB, client=client)
    assert stats.partitions == 3 and stats.articles == 40  # the broken one is written, empty
    assert [f.where for f in stats.failures] == [str(folder / "part-bad.parquet")]
    assert "cannot read partition" in stats.failures[0].reason


def test_import_ignores_temporary_and_unfinished_files(tmp_path: Path) -> None:
    part = write_corpus(tmp_path / "p.jsonl", 4)
    out = tmp_path / "out"
    done = code_partition(str(part), str(out), STUB)
    (out / "articles" / ".tmp-0000-dead.parquet").write_bytes(b"half a file")
    (out / "events" / "part-unfinished.parquet").write_bytes(b"no marker for this one")
    stats = import_partitions(out, tmp_path / "s.duckdb")
    assert (stats.partitions, stats.articles) == (1, 4) and finished_digests(out) == [done.digest]


def test_import_skips_articles_already_stored(tmp_path: Path) -> None:
    part = write_corpus(tmp_path / "p.jsonl", 6)
    run_stream([str(write_corpus(tmp_path / "head.jsonl", 2))], tmp_path / "s.duckdb", spec=STUB)
    code_partition(str(part), str(tmp_path / "out"), STUB)
    stats = import_partitions(tmp_path / "out", tmp_path / "s.duckdb")
    assert (stats.articles, stats.events) == (4, 4)
    arts, evs, rows = store_content(tmp_path / "s.duckdb")
    assert len(arts) == 6 and len(evs) == rows == 6


_KILLED_RUN = """
import sys
sys.path.insert(0, {tests!r})
from test_scale_stub import make_stub
from riftwatch.pipeline import Config
from riftwatch.scale.cluster import run_dask
from riftwatch.scale.stream import CoderSpec

if __name__ == "__main__":
    spec = CoderSpec(factory=make_stub, config=Config(extra={{"delay": "0.05"}}))
    run_dask([{folder!r}], {out!r}, n_workers=2, spec=spec, tick=lambda n: print("tick", n, flush=True))
"""


def test_killed_dask_run_resumes_to_the_same_result(tmp_path: Path, client: Any) -> None:
    folder = partitions(tmp_path / "in", 10, per=10)
    out = tmp_path / "out"
    script = tmp_path / "run.py"
    script.write_text(textwrap.dedent(_KILLED_RUN.format(tests=str(TESTS), folder=str(folder), out=str(out))))
    proc = subprocess.Popen(
        [sys.executable, str(script)], stdout=subprocess.PIPE, text=True, start_new_session=True
    )
    done = 0
    deadline = time.monotonic() + 90
    assert proc.stdout is not None
    for line in proc.stdout:
        done += int(line.split()[1])
        if done >= 3 or time.monotonic() > deadline:
            break
    os.killpg(proc.pid, signal.SIGKILL)  # scheduler, nannies and workers: the whole run
    proc.wait()
    finished = len(finished_digests(out))
    assert 3 <= finished < 10, "the run must be killed part-way for this test to mean anything"

    same = CoderSpec(factory=make_stub, config=Config(extra={"delay": "0.05"}))  # same settings, same digests
    resumed = run_dask([str(folder)], out, spec=same, client=client)
    assert resumed.partitions_skipped == finished and resumed.partitions == 10 - finished
    import_partitions(out, tmp_path / "d.duckdb")
    run_stream([str(folder)], tmp_path / "s.duckdb", spec=STUB)
    assert store_content(tmp_path / "d.duckdb") == store_content(tmp_path / "s.duckdb")


def test_partition_drops_repeated_texts_and_refuses_reused_ids(tmp_path: Path) -> None:
    import json

    part = tmp_path / "p.jsonl"
    rows = [("a", article_text(1)), ("b", article_text(1)), ("a", article_text(2)), ("c", article_text(3))]
    part.write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in rows))
    got = list(read_partition(str(part)))
    assert [(type(x).__name__, getattr(x, "id", None) or x.where) for x in got] == [
        ("Article", "a"),
        ("Duplicate", "b"),  # same text as "a": its id becomes an alias of "a"
        ("Failure", f"{part}:3"),
        ("Article", "c"),
    ]


def test_partition_duplicates_are_counted_and_imported_as_aliases(tmp_path: Path) -> None:
    import json

    from riftwatch.store import Store

    part = tmp_path / "p.jsonl"
    rows = [("a", article_text(1)), ("b", article_text(1)), ("c", article_text(2)), ("d", article_text(1))]
    part.write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in rows))
    result = code_partition(str(part), str(tmp_path / "out"), STUB)
    assert (result.stats.articles, result.stats.duplicates) == (2, 2)
    import_partitions(tmp_path / "out", tmp_path / "s.duckdb")
    import_partitions(tmp_path / "out", tmp_path / "s.duckdb")  # idempotent
    with Store(tmp_path / "s.duckdb", read_only=True) as store:
        assert store.aliases("a") == ["b", "d"]
        art = store.article("d")
        assert art is not None and art["article_id"] == "a"


def test_fsspec_urls_in_and_out() -> None:
    import gzip
    import json
    import uuid

    import fsspec

    root = f"/rw-{uuid.uuid4().hex[:8]}"
    fs = fsspec.filesystem("memory")
    lines = "".join(json.dumps({"id": f"x{i}", "text": article_text(i)}) + "\n" for i in range(5))
    with fs.open(f"{root}/in/p0.jsonl.gz", "wb") as f:
        f.write(gzip.compress(lines.encode()))
    url = f"memory://{root}/in/p0.jsonl.gz"
    assert expand_partitions([f"memory://{root}/in"]) == [url]
    first = code_partition(url, f"memory://{root}/out", STUB)
    assert (first.skipped, first.stats.articles) == (False, 5)
    assert finished_digests(f"memory://{root}/out") == [first.digest]
    assert code_partition(url, f"memory://{root}/out", STUB).skipped
