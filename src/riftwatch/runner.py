"""A whole run: ingest → code → store, streaming, resumable, with a summary of what failed."""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .records import Article, CodedArticle, Failure

log = logging.getLogger(__name__)


@dataclass(slots=True)
class RunSummary:
    """Counts of one run; ``failures`` name each input that could not be used and why."""

    articles: int = 0
    skipped_stored: int = 0
    sentences: int = 0
    events: int = 0
    happened: int = 0
    failures: list[Failure] = field(default_factory=list)
    seconds: float = 0.0
    new_article_ids: list[str] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return len(self.failures)

    def describe(self) -> str:
        rate = self.articles / self.seconds if self.seconds > 0 else 0.0
        return (
            f"{self.articles} article(s) coded, {self.skipped_stored} already stored, {self.sentences} sentences, "
            f"{self.events} events ({self.happened} reported as happened), {self.failed} input(s) failed; "
            f"{self.seconds:.1f} s ({rate:.1f} articles/s)"
        )


def _articles_only(items: Iterable[Article | Failure], summary: RunSummary, known: set[str],
                   on_failure: Callable[[Failure], None] | None) -> Iterator[Article]:  # fmt: skip
    for item in items:
        if isinstance(item, Failure):
            summary.failures.append(item)
            if on_failure is not None:
                on_failure(item)
            continue
        if item.id in known:
            summary.skipped_stored += 1
            continue
        known.add(item.id)
        yield item


def run_inputs(
    inputs: Sequence[str],
    *,
    store_path: Path | str,
    published: dt.date | None = None,
    actor_files: tuple[Path, ...] = (),
    trigger_files: tuple[Path, ...] = (),
    batch_size: int = 32,
    progress: Any = None,
    on_failure: Callable[[Failure], None] | None = None,
    stdin: Any = None,
) -> RunSummary:
    """Ingest ``inputs``, code new articles and store them; return what happened.

    Each stored batch is committed on its own, so a killed run loses at most the batch in flight,
    and a rerun skips what is stored (article ids are stable).
    """
    from .ingest import iter_articles
    from .pipeline import Coder, Config
    from .store.duck import Store

    summary = RunSummary()
    start = time.perf_counter()
    coder = Coder(Config(actor_files=actor_files, trigger_files=trigger_files, batch_size=batch_size))
    with Store(store_path) as store:
        known = store.article_ids()
        articles = _articles_only(iter_articles(list(inputs), published=published, stdin=stdin), summary, known, on_failure)

        def counted(coded: Iterable[CodedArticle]) -> Iterator[CodedArticle]:
            for c in coded:
                summary.articles += 1
                summary.sentences += len(c.sentences)
                summary.events += len(c.events)
                summary.happened += sum(1 for e in c.events if e.happened)
                summary.new_article_ids.append(c.article.id)
                if bar is not None:
                    bar.advance(task)
                yield c

        bar = None
        task: Any = None
        if progress is not None:
            from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

            bar = Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
                           TextColumn("{task.completed} articles"), TextColumn("{task.fields[rate]}"),
                           TimeElapsedColumn(), console=progress, transient=True)  # fmt: skip
            task = bar.add_task("coding", total=None, rate="")
            bar.start()
        try:
            store.write_many(counted(coder.code(articles)), batch=batch_size)
        finally:
            if bar is not None:
                bar.stop()
    summary.seconds = time.perf_counter() - start
    return summary
