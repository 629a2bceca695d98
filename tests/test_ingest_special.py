"""Special files never hang a run, and a folder walk stays inside its folder (issue 12.3)."""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from riftwatch.ingest.readers import iter_articles
from riftwatch.records import Article, Failure

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs and symlinks need a POSIX system")
STORY = "Talks resume\n\nDelegations from Iran and Turkey met in Doha on Monday."


@pytest.fixture(autouse=True)
def _deadline() -> Iterator[None]:
    """A hang fails the test after 20 s instead of stopping the suite."""

    def hung(*_: object) -> None:
        raise TimeoutError("the reader hung")

    old = signal.signal(signal.SIGALRM, hung)
    signal.alarm(20)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def _read(*names: Path) -> tuple[list[str], list[tuple[str, str]]]:
    items = list(iter_articles([str(n) for n in names]))
    return ([a.origin for a in items if isinstance(a, Article)],
            [(f.where, f.reason) for f in items if isinstance(f, Failure)])  # fmt: skip


def test_fifo_in_a_folder_is_skipped_with_a_reason(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(STORY)
    os.mkfifo(tmp_path / "b.txt")
    read, failed = _read(tmp_path)
    assert read == [str(tmp_path / "a.txt")]
    assert failed == [(str(tmp_path / "b.txt"), "not a regular file: a FIFO (named pipe); skipped")]


def test_fifo_named_without_a_writer_reads_as_empty(tmp_path: Path) -> None:
    fifo = tmp_path / "in.txt"
    os.mkfifo(fifo)
    good = tmp_path / "good.txt"
    good.write_text(STORY)
    read, failed = _read(fifo, good)
    assert read == [str(good)]
    assert [w for w, _ in failed] == [str(fifo)] and "empty" in failed[0][1]


@pytest.mark.parametrize("name", ["feed.jsonl", "in.txt"])
def test_fifo_named_with_a_writer_is_read(tmp_path: Path, name: str) -> None:
    fifo = tmp_path / name
    os.mkfifo(fifo)
    payload = ('{{"id": "f1", "text": "{}"}}\n'.format(STORY.replace("\n", "\\n"))) if name.endswith("jsonl") else STORY

    def write() -> None:
        with fifo.open("w") as fh:
            fh.write(payload)

    writer = threading.Thread(target=write)
    writer.start()
    try:
        # the writer blocks in open() until a reader comes; give it the FIFO once it is waiting
        import time

        time.sleep(0.2)
        items = list(iter_articles([str(fifo)]))
    finally:
        writer.join(5)
    assert [type(i).__name__ for i in items] == ["Article"]


def test_a_link_to_the_parent_folder_is_not_followed(tmp_path: Path) -> None:
    (tmp_path / "outside.txt").write_text(STORY.replace("Doha", "Oslo"))
    inner = tmp_path / "inner"
    inner.mkdir()
    (inner / "a.txt").write_text(STORY)
    (inner / "up").symlink_to("..")
    (inner / "loop").symlink_to(".")
    read, failed = _read(inner)
    assert read == [str(inner / "a.txt")]
    assert failed == []
