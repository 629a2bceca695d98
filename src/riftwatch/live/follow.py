"""``riftwatch follow``: poll feeds, code their new articles into the store, watch, report new alerts.

One *cycle* (``follow_once``), for each feed in turn:

1. ask the feed, conditionally (its last ETag / Last-Modified, from ``store.feedstate``);
   a 304 ends here;
2. fetch each entry's page not fetched before (dedup by URL), extract its main text and date;
3. skip texts already stored (dedup by content: the article id is a hash of title and text), code
   the rest and write them;
4. remember the pages and then the feed's validators. A page that failed for a reason that may
   pass (a timeout, a 5xx) is not remembered and the validators are not kept, so the next cycle
   asks again.

The store is opened only for steps 1, 3 and 4 of each feed, never while pages download, so a
reader (``riftwatch serve``, ``events``) gets in between. A killed follower loses at most the
feed it was on: what was written is remembered, the rest is fetched again.

After the feeds, ``relations.rifts.assess`` runs on the store (open rifts only, as ``watch``
shows them) and alerts not reported before are returned, appended to the alert log (JSON Lines)
and POSTed to the webhook; an alert the webhook did not take is offered again next cycle.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from riftwatch.errors import InputError, RiftwatchError, StoreError
from riftwatch.ingest.readers import finish_draft
from riftwatch.records import Article, Failure
from riftwatch.relations.rifts import Alert, WatchConfig, assess
from riftwatch.scale.progress import ScaleStats
from riftwatch.scale.stream import CoderSpec, code_with_counts, coder_for, write_stream
from riftwatch.store import feedstate
from riftwatch.store.duck import Store

from .feeds import Entry, parse_feed
from .fetch import FetchConfig, Fetcher, FetchError, post_json
from .pages import entry_draft

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class FollowConfig:
    """Everything ``follow`` can be told; every part has a sound default."""

    fetch: FetchConfig = field(default_factory=FetchConfig)
    coalition: tuple[str, ...] | None = None  # None: inferred from sustained cooperation, as ``watch`` does
    watch: WatchConfig = field(default_factory=lambda: WatchConfig(history=False))
    alert_log: Path | None = None
    webhook: str | None = None
    max_entries: int = 200  # newest entries read per feed and cycle
    published: dt.date | None = None  # for pages with no date of their own (None: left undated)
    write_batch: int = 32


@dataclass(slots=True)
class FeedReport:
    """What one feed did in a cycle. ``status``: new, unchanged (304) or failed."""

    url: str
    status: str
    entries: int = 0
    new_pages: int = 0
    error: str = ""


@dataclass(slots=True)
class CycleReport:
    """What one cycle did: per feed, the coding counts, page failures, and the new alerts."""

    feeds: list[FeedReport] = field(default_factory=list)
    stats: ScaleStats = field(default_factory=ScaleStats)
    pages: int = 0  # pages fetched (new URLs)
    undated: list[str] = field(default_factory=list)  # URLs of stored articles with no publication date
    alerts: list[Alert] = field(default_factory=list)  # alerts reported for the first time
    problems: list[str] = field(default_factory=list)  # watch, alert log or webhook failures
    seconds: float = 0.0

    @property
    def failed_feeds(self) -> int:
        return sum(1 for f in self.feeds if f.status == "failed")


LOCK_WAIT_S = 30.0
"""How long to wait for a store another process holds (a reader such as ``serve``) before failing."""


@contextmanager
def _opened(store_path: Path | str, read_only: bool = False, wait: float = LOCK_WAIT_S) -> Iterator[Store]:
    """The store, opened for this step only; a store another process holds is waited for."""
    deadline = time.monotonic() + wait
    while True:
        try:
            store = Store(store_path, read_only=read_only)
            break
        except StoreError as exc:
            if "locked by another process" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.2)
    with store:
        yield store


def alert_key(alert: Alert) -> str:
    """What makes an alert the same alert from one cycle to the next: its dyad and start.

    >>> import datetime as dt
    >>> from riftwatch.relations.rifts import Share
    >>> a = Alert(("IRN", "SYR"), dt.date(2016, 5, 2), dt.date(2016, 5, 9), dt.date(2016, 5, 9), 0.99,
    ...           Share(10, 0), Share(5, 4), {}, (), "rift")
    >>> alert_key(a)
    'IRN-SYR|2016-05-02'
    """
    return f"{alert.dyad[0]}-{alert.dyad[1]}|{alert.start.isoformat()}"


def _code(spec: CoderSpec, articles: list[Article], stats: ScaleStats, store_path: Path | str,
          batch: int) -> None:  # fmt: skip
    if not articles:
        return
    coded = list(code_with_counts(coder_for(spec), articles))  # before the store is opened: short lock
    with _opened(store_path) as store:
        write_stream(store, coded, stats, batch)


def _entries(store_path: Path | str, feed: str, fetcher: Fetcher, cfg: FollowConfig,
             report: CycleReport) -> tuple[list[Entry], str, str] | None:  # fmt: skip
    """The feed's entries not fetched before, and its new validators; None when nothing to do."""
    with _opened(store_path) as store:
        state = feedstate.feed_state(store, feed)
    try:
        answer = fetcher.get(feed, state.etag, state.last_modified)
        if answer.not_modified:
            with _opened(store_path) as store:
                feedstate.save_feed_unchanged(store, feed)
            report.feeds.append(FeedReport(feed, "unchanged", state.entries))
            return None
        entries = parse_feed(answer.content, feed)[: cfg.max_entries]
    except InputError as exc:  # FetchError is one
        with _opened(store_path) as store:
            feedstate.save_feed_error(store, feed, exc.reason)
        report.feeds.append(FeedReport(feed, "failed", error=exc.reason))
        return None
    with _opened(store_path) as store:
        known = feedstate.fetched(store, (e.url for e in entries))
    fresh = list({e.url: e for e in reversed(entries) if e.url not in known}.values())[::-1]
    report.feeds.append(FeedReport(feed, "new", len(entries), len(fresh)))
    return fresh, answer.etag, answer.last_modified


def _poll(store_path: Path | str, feed: str, fetcher: Fetcher, spec: CoderSpec, cfg: FollowConfig,
          report: CycleReport, seen: set[str]) -> None:  # fmt: skip
    found = _entries(store_path, feed, fetcher, cfg, report)
    if found is None:
        return
    entries, etag, modified = found
    marks: list[tuple[str, str, str, str]] = []
    articles: list[Article] = []
    ids: set[str] = set()
    retry = False
    for entry in entries:
        if entry.url in seen:  # the same page in two feeds this cycle
            continue
        seen.add(entry.url)
        report.pages += 1
        draft = entry_draft(entry, fetcher, cfg.fetch.max_bytes)
        result = draft if isinstance(draft, Failure) else finish_draft(draft, cfg.published)
        if isinstance(result, Failure):
            report.stats.add_failure(Failure(entry.url, result.reason))
            if isinstance(draft, Failure) and _transient(draft):
                retry = True  # not remembered: asked again next cycle
            else:
                marks.append((entry.url, feed, "", f"failed: {result.reason}"))
            continue
        article, _ = result
        marks.append((entry.url, feed, article.id, feedstate.STORED))
        if article.id in ids:
            report.stats.duplicates += 1
            continue
        ids.add(article.id)
        articles.append(article)
    with _opened(store_path) as store:
        fresh = [a for a in articles if not store.has_article(a.id)]
    report.stats.skipped_stored += len(articles) - len(fresh)
    _code(spec, fresh, report.stats, store_path, cfg.write_batch)
    report.undated += [a.url for a in fresh if a.published is None]
    with _opened(store_path) as store:
        feedstate.mark_fetched(store, marks)
        n = report.feeds[-1].entries
        # Without validators the next request is unconditional, so the pages to retry are seen again.
        feedstate.save_feed_ok(store, feed, "" if retry else etag, "" if retry else modified, n)


_TRANSIENT_REASONS = ("timed out", "connection failed", "HTTP 5", "HTTP 429", "robots.txt could not", "robots.txt answered")


def _transient(failure: Failure) -> bool:
    return failure.reason.startswith(_TRANSIENT_REASONS)


def _report_alerts(store_path: Path | str, cfg: FollowConfig, report: CycleReport) -> None:
    try:
        with _opened(store_path, read_only=True) as store:
            result = assess(store, list(cfg.coalition) if cfg.coalition else None, cfg.watch)
    except RiftwatchError as exc:
        report.problems.append(f"watch: {exc}")
        return
    alerts = {alert_key(a): a for a in result.alerts}
    with _opened(store_path) as store:
        before = feedstate.reported(store, alerts)
    new = [a for k, a in alerts.items() if k not in before]
    undelivered = [a for k, a in alerts.items() if cfg.webhook and before.get(k) is False]
    if cfg.alert_log is not None and new:
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        try:
            with cfg.alert_log.open("a", encoding="utf-8") as fh:
                for a in new:
                    fh.write(json.dumps({"reported_at": now, **a.to_dict()}, ensure_ascii=False, default=str) + "\n")
        except OSError as exc:
            report.problems.append(f"{cfg.alert_log}: cannot write the alert log: {exc.strerror or exc}")
    delivered: dict[str, bool] = {alert_key(a): True for a in new}
    if cfg.webhook:
        for a in [*new, *undelivered]:
            try:
                post_json(cfg.fetch, cfg.webhook, {"riftwatch_alert": a.to_dict()})
                delivered[alert_key(a)] = True
            except FetchError as exc:
                delivered[alert_key(a)] = False
                report.problems.append(f"{exc.where}: {exc.reason}")
    with _opened(store_path) as store:
        feedstate.mark_reported(store, delivered.items())
    report.alerts = new


def follow_once(
    feeds: Sequence[str],
    store_path: Path | str,
    *,
    spec: CoderSpec | None = None,
    cfg: FollowConfig | None = None,
    fetcher: Fetcher | None = None,
    on_feed: Callable[[FeedReport], None] | None = None,
) -> CycleReport:
    """One cycle over ``feeds`` into the store at ``store_path``; see the module's docstring.

    A failing feed or page is reported in the CycleReport and the others go on; only a store
    that cannot be opened or written raises (StoreError).

    Example: ``follow_once(["https://news.example/rss"], "events.duckdb", cfg=FollowConfig(alert_log=Path("a.jsonl")))``
    """
    cfg = cfg or FollowConfig()
    spec = spec or CoderSpec()
    start = time.perf_counter()
    report = CycleReport()
    own = fetcher is None
    fetcher = fetcher or Fetcher(cfg.fetch)
    fetcher.forget_failed_robots()
    seen: set[str] = set()
    try:
        for feed in feeds:
            _poll(store_path, feed, fetcher, spec, cfg, report, seen)
            if on_feed is not None:
                on_feed(report.feeds[-1])
    finally:
        if own:
            fetcher.close()
    _report_alerts(store_path, cfg, report)
    report.stats.seconds = report.seconds = time.perf_counter() - start
    return report


def follow(
    feeds: Sequence[str],
    store_path: Path | str,
    *,
    interval: float,
    cycles: int | None = None,
    spec: CoderSpec | None = None,
    cfg: FollowConfig | None = None,
    on_cycle: Callable[[CycleReport], None] | None = None,
    on_feed: Callable[[FeedReport], None] | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> int:
    """Run cycles every ``interval`` seconds (``cycles`` of them, or until interrupted); returns
    the number run. Each cycle's report goes to ``on_cycle``. Running until interrupted, a cycle
    that cannot use the store (held by another process for longer than LOCK_WAIT_S, a full disk)
    is reported in its CycleReport's problems and the next cycle tries again; with ``cycles``
    given, StoreError is raised."""
    if interval < 0:
        raise InputError("--interval", f"{interval} is negative")
    cfg = cfg or FollowConfig()
    done = 0
    with Fetcher(cfg.fetch) as fetcher:
        while cycles is None or done < cycles:
            try:
                report = follow_once(feeds, store_path, spec=spec, cfg=cfg, fetcher=fetcher, on_feed=on_feed)
            except StoreError as exc:
                if cycles is not None:
                    raise
                report = CycleReport(problems=[str(exc)])
            done += 1
            if on_cycle is not None:
                on_cycle(report)
            if cycles is not None and done >= cycles:
                break
            sleep(max(0.0, interval - report.seconds))
    return done

