"""The ``riftwatch`` command: a thin layer over the library. Only this module prints."""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from .cli_common import date_option
from .errors import ExitStatus, RiftwatchError

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode="markdown",
    help="Turn news reports into sourced, geolocated PLOVER events, and watch allies for rifts.",
)
console = Console()
err = Console(stderr=True)

DEFAULT_STORE = Path("riftwatch.duckdb")
StoreOpt = Annotated[Path, typer.Option("--store", "-s", help="DuckDB file holding articles and events.")]




def _fail(exc: RiftwatchError) -> typer.Exit:
    err.print(f"[bold red]error:[/] {escape(str(exc))}")
    return typer.Exit(int(exc.exit_status))


@app.callback()
def main(verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log progress details.")] = False) -> None:
    """riftwatch: political event data from news, with evidence.

    Example: `riftwatch run examples/articles --store events.duckdb`
    """
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s")


@app.command()
def run(
    inputs: Annotated[list[str], typer.Argument(help="Files, folders (recursive), - for standard input; with a scheduler also JSONL/Parquet partitions or fsspec URLs.")],
    store: StoreOpt = DEFAULT_STORE,
    published: Annotated[str | None, typer.Option(help="Publication date (YYYY-MM-DD) for inputs without one.")] = None,
    actors: Annotated[list[Path] | None, typer.Option("--actors", help="Extra actor lexicon (JSONL).")] = None,
    triggers: Annotated[list[Path] | None, typer.Option("--triggers", help="Extra trigger lexicon (JSONL).")] = None,
    batch_size: Annotated[int, typer.Option(min=1, help="Articles per spaCy batch and per committed write.")] = 32,
    workers: Annotated[int, typer.Option(min=1, help="Worker processes on this machine (one writer to the store).")] = 1,
    fast: Annotated[bool, typer.Option("--fast", help="Skip sentences that cannot hold an event before parsing.")] = False,
    ner: Annotated[bool, typer.Option("--ner/--no-ner", help="--no-ner skips spaCy's entity recogniser (over half of the parse on news): places from the gazetteer only, unknown people not found.")] = True,
    hypothetical: Annotated[bool, typer.Option("--hypothetical", help="Also keep acts told as possible only ('could strike', 'would retaliate if ...'), with factuality 'hypothetical'.")] = False,
    scheduler: Annotated[str | None, typer.Option(help="Dask scheduler address, tcp://HOST:PORT.")] = None,
    cluster: Annotated[int, typer.Option(min=0, help="Run on a local Dask cluster of N workers (0: no Dask).")] = 0,
    parts: Annotated[Path | None, typer.Option(help="Folder for Dask's Parquet partitions (default: STORE.parts).")] = None,
    show_events: Annotated[bool, typer.Option("--table/--no-table", help="Print the events found.")] = True,
    columns: Annotated[str | None, typer.Option("--columns", help="Where CSV/JSON records keep our fields when their names differ, e.g. text=article_content,published=date.")] = None,
) -> None:
    """Ingest articles (files, folders, http(s) URLs, stdin), code their events and store them.

    Streams in bounded batches, each committed: a killed run loses at most a batch, and a rerun
    skips what is stored. `--workers N` parses on N processes; `--scheduler`/`--cluster N`
    distribute partitions over Dask, write Parquet partitions, then import them into the store.

    URLs are fetched politely (robots.txt, one request a second per site, retries). A progress
    bar with a total and an ETA is shown when the inputs can be counted (files and folders).

    Example: `riftwatch run examples/articles --published 2025-03-02 --store events.duckdb --workers 2`
    """
    from contextlib import nullcontext

    from .cli_places import ensure_index
    from .pipeline import Config
    from .scale.progress import duplicates_line, progress_bar, render_summary
    from .scale.stream import CoderSpec

    fields = _columns_option(columns)
    ensure_index(err)  # before the run's clock starts: a one-off build is not article throughput
    config = Config(actor_files=tuple(actors or ()), trigger_files=tuple(triggers or ()), batch_size=batch_size, ner=ner,
                    hypothetical=hypothetical)  # fmt: skip
    spec = CoderSpec(config, fast=fast)
    when = date_option(published, "--published")

    try:
        total = _count(inputs) if console.is_terminal else None
        with progress_bar(console, total=total) if console.is_terminal else nullcontext(None) as tick:
            if scheduler or cluster:
                from .scale.cluster import import_partitions, run_dask

                out = parts or Path(f"{store}.parts")
                stats = run_dask(inputs, out, scheduler=scheduler, n_workers=cluster or 2, spec=spec,
                                 published=when, tick=tick, columns=fields)  # fmt: skip
                imported = import_partitions(out, store)
                err.print(f"imported {imported} from {escape(str(out))} into {escape(str(store))}")
            else:
                # one worker too is a process of its own where the OS can fork (see run_parallel)
                from .scale.local import run_parallel

                stats = run_parallel(inputs, store, workers, spec=spec, published=when, write_batch=batch_size,
                                     tick=tick, columns=fields)  # fmt: skip
    except RiftwatchError as exc:
        raise _fail(exc) from exc
    if show_events and stats.first_article_ids:
        from .store.duck import Store

        with Store(store, read_only=True) as st:
            rows = [e for aid in stats.first_article_ids for e in st.events(article_id=aid)]
        _event_table(rows, title=f"Events in the first {len(stats.first_article_ids)} new article(s)")
    console.print(render_summary(stats))
    console.print(
        f"{stats.articles} article(s) coded, {stats.skipped_stored} already stored, {stats.events} events, "
        f"{stats.failed} input(s) failed"
        + (f"; {duplicates_line(stats.duplicates)}" if stats.duplicates else "")
    )
    if stats.undated:
        err.print(
            f"[yellow]warning:[/] {stats.undated} article(s) have no publication date (none in the page, record or "
            f"file name, and no --published): their events are undated, e.g. "
            + escape(", ".join(stats.undated_origins))
        )
    if stats.failed:
        raise typer.Exit(int(ExitStatus.PARTIAL if stats.articles else ExitStatus.BAD_INPUT))


def _columns_option(value: str | None) -> dict[str, str] | None:
    """``text=article_content,published=date`` as {"text": "article_content", "published": "date"}."""
    from .ingest.formats import check_columns

    if not value:
        return None
    fields: dict[str, str] = {}
    for part in value.split(","):
        ours, sep, theirs = part.partition("=")
        if not sep or not ours.strip() or not theirs.strip():
            raise typer.BadParameter(f"{part!r} is not FIELD=COLUMN (e.g. text=article_content)", param_hint="--columns")
        fields[ours.strip().lower()] = theirs.strip()
    try:
        check_columns(fields)
    except RiftwatchError as exc:
        raise typer.BadParameter(str(exc).removeprefix("--columns: "), param_hint="--columns") from None
    return fields


def _count(inputs: list[str]) -> int | None:
    """The number of articles in the inputs for the progress bar's total, when cheap to know."""
    from .ingest.counting import count_articles

    try:
        return count_articles(inputs)
    except OSError:
        return None


def _actors_text(actors: list[dict[str, Any]]) -> str:
    return "; ".join(f"{a['country']} {a['sector']}".strip() + (f" ({a['name']})" if a.get("name") else "") for a in actors)


def _event_table(rows: list[dict[str, Any]], title: str, article: bool = True) -> None:
    table = Table(title=escape(title), show_lines=False)
    # the article id goes under the date, not in a column of its own: 80 columns hold 8, not 9
    for col in ("date / article" if article else "date", "type", "source", "target", "place", "status", "trigger", "conf"):
        table.add_column(col, overflow="fold" if col.startswith("date") else "ellipsis")
    for e in rows:
        place = e.get("place") or {}
        cells = (
            str(e.get("date") or "") + (f"\n{e['article_id']}" if article else ""),
            f"{e['event_type']}" + (f"/{e['mode']}" if e.get("mode") else ""),
            _actors_text(e["source"]),
            _actors_text(e["target"]),
            # how the place was chosen (clause, sentence, article) beside it: users filter on it
            f"{place.get('name', '')} {place.get('country', '')}".strip()
            + (f" [{e['place_how']}]" if place and e.get("place_how") not in (None, "", "none") else ""),
            e["factuality"] if e["factuality"] != "asserted" else "",
            e["trigger"]["text"],
            f"{e['confidence']:.2f}",
        )
        table.add_row(*(escape(c) for c in cells))  # stored text: never markup
    console.print(table)


@app.command()
def events(
    store: StoreOpt = DEFAULT_STORE,
    actor: Annotated[str | None, typer.Option(help='Actor code, "RUS" or "RUS GOV" (source or target).')] = None,
    event_type: Annotated[str | None, typer.Option("--type", help="PLOVER type, e.g. ASSAULT.")] = None,
    since: Annotated[str | None, typer.Option(help="From date (YYYY-MM-DD), inclusive.")] = None,
    until: Annotated[str | None, typer.Option(help="To date (YYYY-MM-DD), inclusive.")] = None,
    place: Annotated[str | None, typer.Option(help="Place name substring or ISO3 country.")] = None,
    mode: Annotated[str | None, typer.Option(help="asserted, negated, hypothetical or future.")] = None,
    happened: Annotated[bool, typer.Option("--happened", help="Only events reported as having happened.")] = False,
    quad: Annotated[int | None, typer.Option("--quad", min=1, max=4, help="QuadClass: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.")] = None,
    min_confidence: Annotated[float | None, typer.Option("--min-confidence", min=0.0, max=1.0, help="Only events the coder is at least this sure of (0-1).")] = None,
    article: Annotated[str | None, typer.Option("--article", help="Only the events of this article (any id it came in with).")] = None,
    text: Annotated[str | None, typer.Option("--text", help="Only events whose sentence contains this text (any case).")] = None,
    sort: Annotated[str, typer.Option("--sort", help="date (newest first), confidence (highest first) or oldest.")] = "date",
    limit: Annotated[int, typer.Option(min=0, max=2**63 - 1, help="At most this many events.")] = 200,
    fmt: Annotated[str, typer.Option("--format", help="table or json.")] = "table",
) -> None:
    """List stored events, filtered, newest first.

    An unknown --type or --actor is an error that names the nearest known ones.

    Example: `riftwatch events --actor "SYR GOV" --type REQUEST --since 2016-05-01 --min-confidence 0.6 --sort confidence`
    """
    from .store.duck import Store
    from .store.query import ORDERS

    if fmt not in {"table", "json"}:
        raise typer.BadParameter(f"{fmt!r} is not table or json", param_hint="--format")
    if sort not in ORDERS:
        raise typer.BadParameter(f"{sort!r} is not one of {', '.join(ORDERS)}", param_hint="--sort")
    _check_type(event_type)
    try:
        with Store(store, read_only=True) as st:
            if actor is not None:
                _check_actor(actor, st.actor_codes())
            rows = st.events(
                actor=actor, event_type=event_type, since=date_option(since, "--since"), until=date_option(until, "--until"),
                place=place, factuality=mode, happened_only=happened, limit=limit, quad_class=quad,
                min_confidence=min_confidence, article_id=article, text=text, order=sort,
            )  # fmt: skip
    except RiftwatchError as exc:
        raise _fail(exc) from exc
    if fmt == "json":
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=1) + "\n")
    else:
        _event_table(rows, title=f"{len(rows)} event(s)")


def _nearest(value: str, known: list[str]) -> str:
    import difflib

    close = difflib.get_close_matches(value.upper(), known, n=4, cutoff=0.5)
    return f"; nearest: {', '.join(close)}" if close else ""


def _check_type(event_type: str | None) -> None:
    """A usage error naming the nearest PLOVER types when ``event_type`` is none of them."""
    from .events.ontology import PLOVER_TYPES

    if event_type is not None and event_type.upper() not in PLOVER_TYPES:
        raise typer.BadParameter(
            f"{event_type!r} is not a PLOVER event type{_nearest(event_type, list(PLOVER_TYPES))} "
            f"(all: {', '.join(PLOVER_TYPES)})",
            param_hint="--type",
        )


def _check_actor(actor: str, known: list[str]) -> None:
    """A usage error naming the nearest actor codes in the store when no event has ``actor``."""
    code = " ".join(actor.upper().split())
    if known and code not in known:
        raise typer.BadParameter(
            f"no event in the store has actor {actor!r}{_nearest(code, known)}", param_hint="--actor"
        )


@app.command()
def show(
    article_id: Annotated[str, typer.Argument(help="Article id (see `riftwatch events`), or any id of a record with the same text.")],
    store: StoreOpt = DEFAULT_STORE,
) -> None:
    """Show an article with its events; triggers, actors and places highlighted.

    Example: `riftwatch show a-3f2c9d1e0b7a4c55 --store events.duckdb`
    """
    from .store.duck import Store

    try:
        with Store(store, read_only=True) as st:
            art = st.article(article_id)
    except RiftwatchError as exc:
        raise _fail(exc) from exc
    if art is None:
        err.print(f"[bold red]error:[/] no article {escape(repr(article_id))} in {escape(str(store))}")
        raise typer.Exit(int(ExitStatus.BAD_INPUT))
    text = Text(art["text"])
    for e in art["events"]:
        for a in e["source"]:
            text.stylize("bold cyan", a["start"], a["end"])
        for a in e["target"]:
            text.stylize("bold magenta", a["start"], a["end"])
        if e.get("place"):
            text.stylize("underline green", e["place"]["start"], e["place"]["end"])
        style = "bold reverse red" if e["factuality"] == "asserted" else "reverse yellow"
        text.stylize(style, e["trigger"]["start"], e["trigger"]["end"])
    console.rule(escape(art.get("title") or article_id))
    also = f" (also {', '.join(art['aliases'])})" if art["aliases"] else ""
    console.print(f"published {art.get('published')}  source {art.get('source') or '-'}  id {art['article_id']}{also}",
                  markup=False, highlight=False)  # fmt: skip
    console.print(text)
    console.print("[bold reverse red] trigger [/] [bold cyan]source[/] [bold magenta]target[/] [underline green]place[/]; "
                  "[reverse yellow] not happened [/]")  # fmt: skip
    _event_table(art["events"], title="Events", article=False)


@app.command()
def export(
    store: StoreOpt = DEFAULT_STORE,
    what: Annotated[str, typer.Option(help="events, places, or aliases (other input ids of stored articles).")] = "events",
    fmt: Annotated[str, typer.Option("--format", help="jsonl, csv or parquet.")] = "jsonl",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Output file (stdout if omitted; not for parquet).")] = None,
    raw: Annotated[bool, typer.Option("--raw", help="CSV: write cells as stored. By default text starting with = + - @ (a spreadsheet formula) gets a leading '.")] = False,
) -> None:
    """Export events (PLOVER-style JSONL, GDELT/ICEWS-like CSV, Parquet), resolved places, or id aliases.

    In CSV, text that a spreadsheet would run as a formula (=, +, -, @ first) is written with a
    leading ' unless --raw.

    Example: `riftwatch export --format csv --output events.csv`
    """
    from .store.duck import Store

    if what not in {"events", "places", "aliases"}:
        raise typer.BadParameter("must be events, places or aliases", param_hint="--what")
    if fmt not in {"jsonl", "csv", "parquet"}:
        raise typer.BadParameter("must be jsonl, csv or parquet", param_hint="--format")
    if fmt == "parquet" and output is None:
        raise typer.BadParameter("parquet needs --output FILE", param_hint="--output")
    try:
        with Store(store, read_only=True) as st:
            n = st.export(what, fmt, output if output is not None else sys.stdout, raw=raw)  # type: ignore[arg-type]
    except RiftwatchError as exc:
        raise _fail(exc) from exc
    if output is not None:
        err.print(f"wrote {n} {what} to {escape(str(output))}")


@app.command()
def check(store: StoreOpt = DEFAULT_STORE) -> None:
    """Read every block of the store to find damage (DuckDB checks a block's checksum only when a
    query reads it); exit 5 when the store is damaged.

    Example: `riftwatch check --store events.duckdb`
    """
    from .store.duck import Store

    try:
        with Store(store, read_only=True) as st:
            counts = st.verify()
            problems = st.integrity_problems()
    except RiftwatchError as exc:
        raise _fail(exc) from exc
    if problems:
        for p in problems[:20]:
            err.print(f"[bold red]damaged:[/] {escape(p)}")
        raise typer.Exit(int(ExitStatus.STORE))
    console.print(escape(f"{store}: every block read, no damage found (" + ", ".join(f"{t} {n}" for t, n in counts.items()) + ")"))


def _register() -> None:
    """Commands defined beside this module: relations (import, dyads, watch, report), evaluate, places,
    follow, serve."""
    from . import cli_evaluate, cli_live, cli_places, cli_relations, cli_serve

    cli_relations.register(app)
    cli_live.register(app)
    cli_evaluate.register(app)
    cli_places.register(app)
    cli_serve.register(app)


_register()
