"""Counts of a scaled run, a live progress bar, and the end-of-run summary.

The library only counts (``ScaleStats``) and calls a ``tick`` callback; the CLI decides whether to
show a bar (``progress_bar``) and prints the summary (``render_summary``). Nothing here grows with
the number of articles: failures beyond ``MAX_FAILURES_KEPT`` are counted, not kept.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from ..records import CodedArticle, Failure

MAX_FAILURES_KEPT = 1000
"""Failures kept for the report; a corpus with a million bad records must not hold them all."""

SHOWN_ARTICLES = 20  # ids kept for the CLI's table of new events; bounded, whatever the corpus
SHOWN_UNDATED = 5  # origins of undated articles kept for the CLI's warning

Tick = Callable[[int], None]
"""Called with the number of articles just finished (coded or skipped)."""


@dataclass(slots=True)
class ScaleStats:
    """What one scaled run did. ``sentences_seen`` differs from ``sentences`` only in fast mode."""

    articles: int = 0
    skipped_stored: int = 0
    duplicates: int = 0  # records with the same text as another record: stored once, ids kept as aliases
    sentences: int = 0
    sentences_seen: int = 0
    events: int = 0
    happened: int = 0
    failed: int = 0
    failures: list[Failure] = field(default_factory=list)
    partitions: int = 0
    partitions_skipped: int = 0
    seconds: float = 0.0
    first_article_ids: list[str] = field(default_factory=list)  # the first few coded, for display
    undated: int = 0  # articles coded without a publication date: their events are undated
    undated_origins: list[str] = field(default_factory=list)  # the first few of them, for the warning

    @property
    def rate(self) -> float:
        """Articles coded per second of wall time."""
        return self.articles / self.seconds if self.seconds > 0 else 0.0

    def add_failure(self, failure: Failure) -> None:
        """Count a failure; keep it for the report while fewer than MAX_FAILURES_KEPT are kept."""
        self.failed += 1
        if len(self.failures) < MAX_FAILURES_KEPT:
            self.failures.append(failure)

    def add_coded(self, coded: CodedArticle, sentences_seen: int | None = None) -> None:
        """Count one coded article (``sentences_seen``: sentences before the fast-mode filter)."""
        self.articles += 1
        if len(self.first_article_ids) < SHOWN_ARTICLES:
            self.first_article_ids.append(coded.article.id)
        self.sentences += len(coded.sentences)
        self.sentences_seen += len(coded.sentences) if sentences_seen is None else sentences_seen
        self.events += len(coded.events)
        self.happened += sum(1 for e in coded.events if e.happened)
        if coded.article.published is None:
            self.undated += 1
            if len(self.undated_origins) < SHOWN_UNDATED:
                self.undated_origins.append(coded.article.origin or coded.article.id)

    def merge(self, other: ScaleStats) -> None:
        """Add another run's (or partition's) counts to these."""
        self.articles += other.articles
        self.skipped_stored += other.skipped_stored
        self.duplicates += other.duplicates
        self.sentences += other.sentences
        self.sentences_seen += other.sentences_seen
        self.events += other.events
        self.happened += other.happened
        self.partitions += other.partitions
        self.partitions_skipped += other.partitions_skipped
        self.undated += other.undated
        self.undated_origins += other.undated_origins[: SHOWN_UNDATED - len(self.undated_origins)]
        for f in other.failures:
            self.add_failure(f)
        self.failed += other.failed - len(other.failures)

    def as_dict(self) -> dict[str, Any]:
        """The counts as plain values (for JSON output and benchmarks)."""
        return {
            "articles": self.articles,
            "skipped_stored": self.skipped_stored,
            "duplicates": self.duplicates,
            "sentences": self.sentences,
            "sentences_seen": self.sentences_seen,
            "events": self.events,
            "happened": self.happened,
            "failed": self.failed,
            "undated": self.undated,
            "partitions": self.partitions,
            "partitions_skipped": self.partitions_skipped,
            "seconds": round(self.seconds, 3),
            "articles_per_s": round(self.rate, 2),
        }


def summary_rows(stats: ScaleStats) -> list[tuple[str, str]]:
    """(label, value) rows of the end-of-run summary, in display order.

    >>> dict(summary_rows(ScaleStats(articles=4, events=3, seconds=2.0)))["articles"]
    '4 (2.0/s)'
    """
    rows = [
        ("articles", f"{stats.articles} ({stats.rate:.1f}/s)"),
        ("already stored", str(stats.skipped_stored)),
        ("same text as another record", str(stats.duplicates)),
        ("sentences", str(stats.sentences)),
    ]
    if stats.sentences_seen != stats.sentences:
        rows.append(("sentences parsed / seen", f"{stats.sentences} / {stats.sentences_seen} (fast mode)"))
    rows += [
        ("events", f"{stats.events} ({stats.happened} reported as happened)"),
        ("failures", str(stats.failed)),
    ]
    if stats.partitions or stats.partitions_skipped:
        rows.append(("partitions", f"{stats.partitions} coded, {stats.partitions_skipped} already done"))
    rows.append(("time", f"{stats.seconds:.1f} s"))
    return rows


def duplicates_line(n: int) -> str:
    """What the summary says of records that repeated another record's text.

    >>> duplicates_line(2)
    '2 records had the same text as another record: stored once, ids kept as aliases'
    """
    records = "record" if n == 1 else "records"
    return f"{n} {records} had the same text as another record: stored once, ids kept as aliases"


def render_summary(stats: ScaleStats, max_failures: int = 20) -> Any:
    """A rich renderable (a table, then the first failures) for the CLI to print."""
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    table = Table(title="run summary", show_header=False)
    table.add_column(style="bold")
    table.add_column(justify="right")
    for label, value in summary_rows(stats):
        table.add_row(label, value)
    parts: list[Any] = [table]
    if stats.duplicates:
        parts.append(Text(duplicates_line(stats.duplicates), style="yellow"))
    for f in stats.failures[:max_failures]:
        parts.append(Text(f"failed: {f.where}: {f.reason}", style="red"))
    if stats.failed > max_failures:
        parts.append(Text(f"... and {stats.failed - max_failures} more failure(s)", style="red"))
    return Group(*parts)


@contextmanager
def progress_bar(console: Any, total: int | None = None, what: str = "articles") -> Iterator[Tick]:
    """A rich progress bar with articles/s and an ETA (when ``total`` is known); yields a ``tick``.

    ``console`` is a ``rich.console.Console``; pass the tick to ``run_parallel``/``run_dask``.
    """
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TaskProgressColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    bar = Progress(
        TextColumn("[bold]coding"),
        BarColumn(),
        MofNCompleteColumn() if total else TextColumn("{task.completed} " + what),
        TaskProgressColumn() if total else TextColumn(""),
        TextColumn("{task.fields[rate]}"),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=console,
        transient=True,
        # no refresh thread: redrawn by each tick instead. A thread in this process would be
        # copied into the workers forked after it starts, and a process that has had a second
        # thread parses ~13% slower (see ``scale.local.run_parallel``)
        auto_refresh=False,
    )
    task = bar.add_task("coding", total=total, rate="")
    start = time.perf_counter()
    done = 0

    def tick(n: int) -> None:
        nonlocal done
        done += n
        elapsed = time.perf_counter() - start
        rate = f"{done / elapsed:.1f} {what}/s" if elapsed > 0 else ""
        bar.update(task, advance=n, rate=rate, refresh=True)

    bar.start()
    try:
        yield tick
    finally:
        bar.stop()
