"""``riftwatch follow``: keep a store fed from news feeds, and report new rift alerts.

The command parses its options, calls ``live.follow.follow`` and renders each cycle's report.
``register(app)`` adds it to the main ``riftwatch`` app.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape

from .cli_common import date_option
from .errors import ExitStatus, InputError, RiftwatchError

console = Console()
err = Console(stderr=True)

DEFAULT_STORE = Path("riftwatch.duckdb")


def _fail(exc: RiftwatchError) -> typer.Exit:
    err.print(f"[bold red]error:[/] {escape(str(exc))}")
    return typer.Exit(int(exc.exit_status))


def _print_feed(feed: Any) -> None:
    if feed.status == "failed":
        err.print(f"[bold red]feed failed:[/] {escape(feed.url)}: {escape(feed.error)}")
    elif feed.status == "unchanged":
        console.print(f"{escape(feed.url)}: not modified since the last poll")
    else:
        console.print(f"{escape(feed.url)}: {feed.entries} entries, {feed.new_pages} new page(s)")


def _print_cycle(report: Any) -> None:
    s = report.stats
    for f in s.failures[:20]:
        err.print(f"[red]page failed:[/] {escape(f.where)}: {escape(f.reason)}")
    if s.failed > 20:
        err.print(f"... and {s.failed - 20} more page failure(s)")
    for url in report.undated[:20]:
        err.print(f"[yellow]warning:[/] {escape(url)}: no publication date on the page or in the feed; its events are undated")
    for p in report.problems:
        err.print(f"[bold red]error:[/] {escape(p)}")
    console.print(
        f"cycle: {len(report.feeds)} feed(s) ({report.failed_feeds} failed), {report.pages} new page(s), "
        f"{s.articles} article(s) coded, {s.skipped_stored + s.duplicates} already stored, {s.events} events, "
        f"{s.failed} page(s) failed, {len(report.alerts)} new alert(s) in {report.seconds:.1f} s"
    )
    for a in report.alerts:
        console.print(f"[bold red]ALERT[/] {escape('–'.join(a.dyad))} since {a.start}: {escape(a.explanation)}")


def follow(
    feeds: Annotated[list[str], typer.Argument(help="Feed URLs (RSS, Atom or JSON Feed), or files listing them one a line.")],
    store: Annotated[Path, typer.Option("--store", "-s", help="DuckDB file the articles, events and feed state go to.")] = DEFAULT_STORE,
    once: Annotated[bool, typer.Option("--once", help="Run one cycle and exit (for cron).")] = False,
    interval: Annotated[float, typer.Option(min=0, help="Seconds from the start of one cycle to the next.")] = 900.0,
    coalition: Annotated[str | None, typer.Option("--coalition", "-c", help="Actors to watch, e.g. RUS,IRN,SYR (default: inferred, as `watch` does).")] = None,
    alert_log: Annotated[Path | None, typer.Option("--alert-log", help="Append each new alert to this JSON Lines file.")] = None,
    webhook: Annotated[str | None, typer.Option("--webhook", help="POST each new alert as JSON to this URL.")] = None,
    published: Annotated[str | None, typer.Option(help="Publication date (YYYY-MM-DD) for pages that give none (default: undated, with a warning).")] = None,
    delay: Annotated[float, typer.Option("--delay", min=0, help="Seconds between two requests to one site (a longer robots.txt Crawl-delay wins).")] = 1.0,
    timeout: Annotated[float, typer.Option(min=0.1, help="Seconds to wait for a server.")] = 20.0,
    retries: Annotated[int, typer.Option(min=0, help="Tries again after a timeout, 429 or 5xx, with doubling waits.")] = 3,
    max_entries: Annotated[int, typer.Option("--max-entries", min=1, help="Newest entries read per feed and cycle.")] = 200,
    actors: Annotated[list[Path] | None, typer.Option("--actors", help="Extra actor lexicon (JSONL).")] = None,
    triggers: Annotated[list[Path] | None, typer.Option("--triggers", help="Extra trigger lexicon (JSONL).")] = None,
    fast: Annotated[bool, typer.Option("--fast", help="Skip sentences that cannot hold an event before parsing.")] = False,
) -> None:
    """Follow news feeds: fetch new articles, code and store them, re-run `watch`, report new alerts.

    Each cycle asks every feed conditionally (ETag / Last-Modified, remembered in the store),
    fetches the pages it has not fetched before (robots.txt obeyed, one request per --delay
    seconds per site, retries with backoff), extracts main text and date, stores each text once
    (by URL and by content), then runs `watch` and reports alerts not reported before: here, in
    --alert-log, and to --webhook. A failing feed or page is reported and the others go on.
    Stop it at any time: the next start resumes where it was. The store is only held open while
    it is written, so `riftwatch serve` and `events` can read it between writes.

    Exit status with --once: 0 ok, 3 when some feeds or pages failed, 4 when every feed failed.

    Example: `riftwatch follow feeds.txt --store events.duckdb --coalition RUS,IRN,SYR --alert-log alerts.jsonl --once`
    """
    from .cli_places import ensure_index
    from .live.feeds import feed_urls
    from .live.fetch import FetchConfig, check_url
    from .live.follow import FollowConfig
    from .live.follow import follow as run_follow
    from .pipeline import Config
    from .relations.rifts import WatchConfig
    from .scale.stream import CoderSpec

    try:
        urls = feed_urls(feeds)
        if webhook:
            check_url(webhook, "--webhook")
        codes = tuple(c.strip() for c in coalition.split(",") if c.strip()) if coalition else None
        if codes is not None and len(codes) < 2:
            raise InputError("--coalition", "a coalition needs at least two actor codes")
        cfg = FollowConfig(
            fetch=FetchConfig(timeout=timeout, retries=retries, min_interval=delay),
            coalition=codes,
            watch=WatchConfig(history=False),
            alert_log=alert_log,
            webhook=webhook,
            max_entries=max_entries,
            published=date_option(published, "--published"),
        )
    except RiftwatchError as exc:
        raise _fail(exc) from exc
    ensure_index(err)
    spec = CoderSpec(Config(actor_files=tuple(actors or ()), trigger_files=tuple(triggers or ())), fast=fast)
    last: list[Any] = []

    def on_cycle(report: Any) -> None:
        last[:] = [report]
        _print_cycle(report)

    try:
        run_follow(urls, store, interval=interval, cycles=1 if once else None, spec=spec, cfg=cfg,
                   on_cycle=on_cycle, on_feed=_print_feed)  # fmt: skip
    except KeyboardInterrupt:
        err.print("stopped; the next `riftwatch follow` resumes where this one was")
        return
    except RiftwatchError as exc:
        raise _fail(exc) from exc
    if once and last:
        report = last[0]
        if report.failed_feeds == len(report.feeds):
            raise typer.Exit(int(ExitStatus.BAD_INPUT))
        if report.failed_feeds or report.stats.failed or report.problems:
            raise typer.Exit(int(ExitStatus.PARTIAL))


def register(app: typer.Typer) -> None:
    """Add ``follow`` to the main ``riftwatch`` app."""
    app.command("follow")(follow)
