"""``riftwatch places ...``: the place index (gazetteer) that geocoding reads."""

from __future__ import annotations

import time

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

places_app = typer.Typer(
    no_args_is_help=True,
    help="The offline place index (GeoNames gazetteer) that geocoding reads.\n\nExample: `riftwatch places build`",
)
err = Console(stderr=True)


def ensure_index(console: Console = err) -> None:
    """Build the place index with a message and a progress bar when it is missing (one-off);
    callers do this before they start timing a run, so the build is never counted as throughput."""
    from .geo.gazetteer import index_ready

    if not index_ready():
        console.print("Building the place index from the installed GeoNames data (one-off, about a minute) ...")
        _build(console)


def _build(console: Console) -> None:
    from .geo.gazetteer import build_index

    t0 = time.perf_counter()
    columns = (TextColumn("{task.description}"), BarColumn(), TextColumn("{task.percentage:>3.0f}%"), TimeElapsedColumn())
    with Progress(*columns, console=console, transient=not console.is_terminal) as bar:
        task = bar.add_task("place index", total=1.0)

        def tick(stage: str, done: float) -> None:
            bar.update(task, completed=done, description=f"place index: {stage}")

        path = build_index(tick)
    console.print(f"place index written to {path} in {time.perf_counter() - t0:.0f} s")


@places_app.command("build")
def build() -> None:
    """Build (or rebuild) the place index now, with a progress bar, instead of on first use.

    The index is cached under $RIFTWATCH_CACHE (default ~/.cache/riftwatch); its name carries the
    versions of the data packages, so upgrading one builds a new index.

    Example: `riftwatch places build`
    """
    _build(err)


def register(app: typer.Typer) -> None:
    app.add_typer(places_app, name="places")
