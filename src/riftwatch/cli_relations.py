"""``riftwatch import | dyads | watch | report``: event imports, dyad series, rift alerts, report.

Each command parses its options, calls one library function, and renders the result.
``register(app)`` adds them to the main ``riftwatch`` app.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from .cli_common import date_option
from .errors import ExitStatus, InputError, RiftwatchError

console = Console()
err = Console(stderr=True)

DEFAULT_STORE = Path("riftwatch.duckdb")
StoreOpt = Annotated[Path, typer.Option("--store", "-s", help="DuckDB file holding the events.")]
CoalitionOpt = Annotated[
    str | None,
    typer.Option(
        "--coalition", "-c", help="Actor codes separated by commas, e.g. RUS,IRN,SYR or 'RUS GOV,IRN'."
    ),
]
CoalitionFileOpt = Annotated[
    Path | None, typer.Option("--coalition-file", help="File of actor codes (commas or lines; # comments).")
]
PeriodOpt = Annotated[str, typer.Option("--period", help="day, week or month.")]


def _fail(exc: RiftwatchError) -> typer.Exit:
    err.print(f"[bold red]error:[/] {escape(str(exc))}")
    return typer.Exit(int(exc.exit_status))


def _codes(coalition: str | None, coalition_file: Path | None) -> list[str] | None:
    """The coalition from the option or the file; None means 'infer it'."""
    from .relations.rifts import read_coalition

    if coalition and coalition_file:
        raise InputError("--coalition", "give --coalition or --coalition-file, not both")
    if coalition_file is not None:
        return read_coalition(coalition_file)
    if coalition:
        return [c for c in coalition.split(",") if c.strip()]
    return None




def import_(
    file: Annotated[Path, typer.Argument(help="The file to import (.gz and .zip are read too).")],
    fmt: Annotated[
        str,
        typer.Option("--format", "-f", help="plover (PLOVER/POLECAT JSONL), gdelt (2.0 export) or icews."),
    ],
    store: StoreOpt = DEFAULT_STORE,
    batch: Annotated[int, typer.Option(help="Events per write transaction.")] = 100_000,
    show_failures: Annotated[int, typer.Option("--show-failures", help="How many bad rows to list.")] = 20,
) -> None:
    """Import event data you already have; bad rows are listed with file:line and skipped.

    Exit status 3 when some rows failed, 4 when none could be read.

    Example: `riftwatch import 20160513.export.CSV.zip --format gdelt --store events.duckdb`
    """
    from .imports import FORMATS, import_file
    from .store.duck import Store

    try:
        if fmt not in FORMATS:  # before the store file gets created
            raise InputError("--format", f"{fmt!r} is not one of {', '.join(FORMATS)}")
        with Store(store) as st:
            report = import_file(file, fmt, st, batch=batch)
    except RiftwatchError as exc:
        raise _fail(exc) from exc
    for f in report.failures[:show_failures]:
        err.print(f"[yellow]{escape(f.where)}[/]: {escape(f.reason)}")
    if report.failed > show_failures:
        err.print(f"... and {report.failed - show_failures} more bad rows")
    skipped = ", ".join(f"{n} {why}" for why, n in report.skipped.items())
    console.print(
        f"{escape(str(file))}: {report.rows} rows, [bold]{report.imported}[/] events imported into {escape(str(store))}, "
        f"{report.failed} bad rows skipped" + (f", {skipped} left out" if skipped else "")
    )
    if report.failed:
        raise typer.Exit(int(ExitStatus.PARTIAL))


def dyads(
    actors: Annotated[
        str | None, typer.Option("--actors", "-a", help="Only dyads among these codes (commas).")
    ] = None,
    store: StoreOpt = DEFAULT_STORE,
    period: PeriodOpt = "week",
    directed: Annotated[bool, typer.Option(help="Keep A→B and B→A apart.")] = False,
    include_self: Annotated[bool, typer.Option("--include-self", help="Keep dyads like SYR–SYR.")] = False,
    all_factuality: Annotated[
        bool, typer.Option("--all-factuality", help="Count negated/hypothetical/future events too.")
    ] = False,
    level: Annotated[
        str, typer.Option(help="country or sector (codes like 'RUS GOV') when --actors is not given.")
    ] = "country",
    since: Annotated[str | None, typer.Option(help="First day (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option(help="Last day (YYYY-MM-DD).")] = None,
    fmt: Annotated[str, typer.Option("--format", help="table, json or csv.")] = "table",
    zeros: Annotated[
        bool, typer.Option("--zeros/--no-zeros", help="Show periods without events as zeros.")
    ] = True,
) -> None:
    """Dyad time series: events per QuadClass and PLOVER type, Goldstein sum and mean, per period.

    Every period from --since (or the first event) to --until (or the last) is listed for every
    dyad, with zeros where nothing happened (--no-zeros lists only periods with events).

    Example: `riftwatch dyads --actors RUS,IRN,SYR --period month --store events.duckdb`
    """
    from .relations.dyads import DyadConfig, dyad_series

    try:
        cfg = DyadConfig(
            period=period,  # type: ignore[arg-type]
            directed=directed,
            include_self=include_self,
            happened_only=not all_factuality,
            since=date_option(since, "--since"),
            until=date_option(until, "--until"),
            zeros=zeros,
        )
        if level not in ("country", "sector"):
            raise InputError("--level", f"{level!r} is not country or sector")
        codes = [c for c in actors.split(",") if c.strip()] if actors else None
        rows = dyad_series(store, codes, cfg, level=level)  # type: ignore[arg-type]
    except RiftwatchError as exc:
        raise _fail(exc) from exc
    if fmt == "json":
        sys.stdout.write(json.dumps([r.to_dict() for r in rows], indent=1) + "\n")
    elif fmt == "csv":
        w = csv.writer(sys.stdout)
        w.writerow(
            [
                "a",
                "b",
                "period",
                "events",
                "q1",
                "q2",
                "q3",
                "q4",
                "goldstein_sum",
                "goldstein_mean",
                "weight",
            ]
        )
        for r in rows:
            w.writerow(
                [
                    r.a,
                    r.b,
                    r.period,
                    r.events,
                    *r.quad,
                    r.goldstein_sum,
                    round(r.goldstein_mean, 4),
                    round(r.weight, 4),
                ]
            )
    else:
        table = Table(title=f"Dyads per {period}")
        for col in ("dyad", "period", "events", "Q1", "Q2", "Q3", "Q4", "Goldstein Σ", "mean", "types"):
            table.add_column(col)
        for r in rows:
            types = ", ".join(f"{k} {v}" for k, v in sorted(r.types.items()))
            table.add_row(escape(f"{r.a}–{r.b}"), str(r.period), str(r.events), *map(str, r.quad),
                          f"{r.goldstein_sum:.1f}", f"{r.goldstein_mean:.2f}", escape(types))  # fmt: skip
        console.print(table)


def watch(
    coalition: CoalitionOpt = None,
    coalition_file: CoalitionFileOpt = None,
    store: StoreOpt = DEFAULT_STORE,
    fmt: Annotated[str, typer.Option("--format", help="table, or json (a list of alerts).")] = "table",
    period: PeriodOpt = "week",
    recent: Annotated[int, typer.Option(help="Periods in the recent window.")] = 4,
    baseline: Annotated[int, typer.Option(help="Periods of baseline before the recent window.")] = 52,
    threshold: Annotated[float, typer.Option(help="Posterior probability that raises an alert.")] = 0.95,
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="Judge the data up to this day (YYYY-MM-DD).")
    ] = None,
    history: Annotated[
        bool, typer.Option("--history", help="List every rift over the whole history, not only open ones.")
    ] = False,
    min_articles: Annotated[
        int, typer.Option("--min-articles", help="Keep alerts whose conflictual events come from this many articles.")
    ] = 1,
) -> None:
    """Rift alerts: allied dyads turning towards conflict against their own baseline.

    A coalition member such as RUS is that country's state (government, military, intelligence,
    police, judiciary, legislature); 'SYR REB' names a sector.  Without --coalition, the
    coalition is inferred from sustained cooperation, and the output says so.  Each alert gives
    the dyad, when the turn began, peaked and ended, a confidence (0-1), the events behind it and
    an explanation in words.  --history lists past rifts too; --as-of judges an earlier day.

    Example: `riftwatch watch --coalition RUS,IRN,SYR --history --store events.duckdb --format json`
    """
    from .relations.detect import DetectConfig
    from .relations.dyads import DyadConfig
    from .relations.rifts import WatchConfig, assess

    if fmt not in ("table", "json"):
        raise typer.BadParameter(f"{fmt!r} is not table or json", param_hint="--format")
    try:
        cfg = WatchConfig(
            dyads=DyadConfig(period=period),  # type: ignore[arg-type]
            detect=DetectConfig(recent=recent, baseline=baseline, probability=threshold),
            as_of=date_option(as_of, "--as-of"),
            history=history,
            min_articles=min_articles,
        )
        result = assess(store, _codes(coalition, coalition_file), cfg)
    except RiftwatchError as exc:
        raise _fail(exc) from exc
    if result.inferred:
        err.print(
            f"[yellow]note:[/] no --coalition given; watching the coalition inferred from sustained "
            f"cooperation: {escape(', '.join(result.coalition)) or '(none found)'}. Name the allies with --coalition."
        )
    if fmt == "json":
        sys.stdout.write(json.dumps([a.to_dict() for a in result.alerts], indent=1, default=str) + "\n")
        return
    _watch_tables(result)


def _watch_tables(result: Any) -> None:
    who = ", ".join(result.coalition) + (" (inferred)" if result.inferred else "")
    states = Table(title=escape(f"Dyads of {who}, data up to {result.as_of}"))
    for col in ("dyad", "state", "P(turn)", "baseline conflict", "recent conflict", "events", "alerts"):
        states.add_column(col)
    colour = {"rift": "bold red", "cooling": "yellow", "stable": "green"}
    for d in result.dyads:
        states.add_row(
            escape("–".join(d.dyad)), f"[{colour[d.state]}]{d.state}[/]", f"{d.probability:.3f}",
            f"{d.baseline.conflict}/{d.baseline.events}", f"{d.recent.conflict}/{d.recent.events}",
            str(d.events), str(d.alerts),
        )  # fmt: skip
    console.print(states)
    alerts = Table(title="Rift alerts")
    for col in ("dyad", "began", "peak", "end", "confidence", "tests", "articles"):
        alerts.add_column(col, no_wrap=True)
    for a in result.alerts:
        end = "open" if a.ongoing else str(a.end)
        alerts.add_row(escape("–".join(a.dyad)), str(a.start), str(a.peak), end, f"{a.confidence:.3f}",
                       "+".join(a.tests), str(a.articles))  # fmt: skip
    if not result.alerts:
        console.print("No rift alerts." if result.history else "No open rift alerts (--history lists past ones).")
        return
    console.print(alerts)
    for a in result.alerts:
        console.print(escape(a.explanation))
        ids = ", ".join(a.event_ids[:6]) + (f" (+{len(a.event_ids) - 6})" if len(a.event_ids) > 6 else "")
        console.print(f"  events: {escape(ids)}", style="dim")


def report(
    coalition: CoalitionOpt = None,
    coalition_file: CoalitionFileOpt = None,
    store: StoreOpt = DEFAULT_STORE,
    out: Annotated[Path, typer.Option("--out", "-o", help="The HTML file to write.")] = Path("rifts.html"),
    period: PeriodOpt = "week",
    png: Annotated[
        bool, typer.Option("--png", help="Also write each chart as PNG, and a screenshot of the page when Chromium is installed.")
    ] = False,
    since: Annotated[str | None, typer.Option(help="First day shown (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option(help="Last day shown (YYYY-MM-DD).")] = None,
) -> None:
    """Write one self-contained HTML report (network, series, map, evidence) and SVG charts.

    Rifts are found over the whole history; the report shows --since to --until, by default the
    busiest stretch of the coalition (26 weeks, 120 days or 24 months).

    Example: `riftwatch report --coalition RUS,IRN,SYR --since 2016-01-01 --store events.duckdb --out rifts.html`
    """
    from .relations.dyads import DyadConfig
    from .relations.rifts import WatchConfig
    from .report import write_report
    from .report.browser import find_chromium

    try:
        cfg = WatchConfig(dyads=DyadConfig(period=period))  # type: ignore[arg-type]
        files = write_report(
            store, _codes(coalition, coalition_file), out, cfg,
            since=date_option(since, "--since"), until=date_option(until, "--until"), png=png,
        )  # fmt: skip
        if png and find_chromium() is not None:
            from .report.browser import screenshot

            shot = screenshot(files.html, out.with_suffix(".png"))
            console.print(f"screenshot: {escape(str(shot))}")
        elif png:  # the charts are drawn without a browser; only the whole page needs one
            err.print("note: no screenshot of the whole page: that needs Chromium (`make install-browser`); "
                      "the charts are written as PNG")  # fmt: skip
    except RiftwatchError as exc:
        raise _fail(exc) from exc
    pngs = " (and as PNG)" if files.pngs else ""
    console.print(f"wrote {escape(str(files.html))} and {len(files.charts)} SVG charts{pngs} in {escape(str(files.charts[0].parent))}")
    if not sum(d.events for d in files.result.dyads):
        who = ", ".join(files.result.coalition) or "(no coalition found)"
        err.print(
            f"[yellow]warning:[/] the store holds no events between the members of {escape(who)}: the report is "
            "empty. Check the codes (`riftwatch events --actor CODE`) or feed the store first."
        )
        raise typer.Exit(int(ExitStatus.BAD_INPUT))


def register(app: typer.Typer) -> None:
    """Add the relations commands to the main ``riftwatch`` app."""
    app.command("import")(import_)
    app.command("dyads")(dyads)
    app.command("watch")(watch)
    app.command("report")(report)
