"""``riftwatch evaluate ...``: score the coder on gold data, and the accuracy gate."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from .errors import RiftwatchError

console = Console()
err = Console(stderr=True)
evaluate_app = typer.Typer(
    no_args_is_help=True,
    help="Score riftwatch on gold data (events, QuadClass, places).\n\nExample: `riftwatch evaluate quad gold.tsv --json`",
)

JsonOpt = Annotated[bool, typer.Option("--json", help="Print the full result as JSON.")]


def _emit(result: dict[str, Any], as_json: bool, rows: list[tuple[str, Any]], title: str) -> None:
    if as_json:
        sys.stdout.write(json.dumps(result, indent=1) + "\n")
        return
    table = Table(title=escape(title))
    table.add_column("metric")
    table.add_column("value", justify="right")
    for name, value in rows:
        table.add_row(escape(name), f"{value:.3f}" if isinstance(value, float) else str(value))
    console.print(table)


def _run(fn: Any, *args: Any) -> dict[str, Any]:
    try:
        return fn(*args)  # type: ignore[no-any-return]
    except RiftwatchError as exc:
        err.print(f"[bold red]error:[/] {escape(str(exc))}")
        raise typer.Exit(int(exc.exit_status)) from exc


@evaluate_app.command("events")
def events_cmd(gold: Annotated[Path, typer.Argument(help="PLOVER gold records (JSON list or JSONL).")], as_json: JsonOpt = False) -> None:
    """Event type, actor and mode accuracy against PLOVER-format gold records.

    Example: `riftwatch evaluate events ../shared/eval/plover_gsr.json`
    """
    from .evaluate.events import evaluate_events

    r = _run(evaluate_events, gold)
    rows: list[tuple[str, Any]] = [
        ("records", r["records"]), ("main-event type accuracy", r["main_type_accuracy"]),
        ("type recall (any event)", r["type_recall"]),
        ("source country P/R/F1", "/".join(f"{r['source_country'][k]:.3f}" for k in ("precision", "recall", "f1"))),
        ("target country P/R/F1", "/".join(f"{r['target_country'][k]:.3f}" for k in ("precision", "recall", "f1"))),
        ("sector agreement", r["sector_agreement"]), ("mode agreement", r["mode_agreement"]),
        ("extra events / sentence", r["extra_events_per_sentence"]),
    ]  # fmt: skip
    loc = r["event_location"]
    if loc["records"]:
        rows += [(f"event found, of {loc['records']} records with a location", loc["event_found"]),
                 ("its place is the gold location, where found", loc["place_right_where_found"])]  # fmt: skip
    _emit(r, as_json, rows, f"PLOVER events: {gold}")
    if not as_json:
        labels = r["confusion"]["labels"]
        table = Table(title="confusion (rows gold, columns ours)")
        table.add_column("")
        for lab in labels:
            table.add_column(escape(str(lab)[:4]), justify="right")
        for lab, row in zip(labels, r["confusion"]["matrix"], strict=True):
            table.add_row(escape(str(lab)), *[str(v) if v else "." for v in row])
        console.print(table)


@evaluate_app.command("quad")
def quad_cmd(gold: Annotated[Path, typer.Argument(help="A file of `sentence<TAB>label` lines, labels 0-4.")], as_json: JsonOpt = False) -> None:
    """Sentence QuadClass accuracy, per-class P/R/F1 and macro-F1.

    Example: `riftwatch evaluate quad ../shared/eval/quad_dev.tsv`
    """
    from .evaluate.quad import evaluate_quad

    r = _run(evaluate_quad, gold)
    rows: list[tuple[str, Any]] = [("sentences", r["sentences"]), ("accuracy", r["accuracy"]), ("macro-F1", r["macro_f1"])]
    rows += [(f"class {c} P/R/F1 (n={v['support']})", f"{v['precision']:.3f}/{v['recall']:.3f}/{v['f1']:.3f}") for c, v in r["per_class"].items()]
    _emit(r, as_json, rows, f"QuadClass: {gold}")


@evaluate_app.command("places")
def places_cmd(
    gold: Annotated[Path, typer.Argument(help="LGL or GeoWebNews XML.")],
    mode: Annotated[str, typer.Option(help="gold (gold spans) or e2e (our own mention finding).")] = "gold",
    as_json: JsonOpt = False,
) -> None:
    """Geoparsing accuracy: exact GeoNames id, within 161 km, country, mean error, AUC.

    Example: `riftwatch evaluate places ../shared/eval/geo/lgl.xml --mode gold`
    """
    from .evaluate.places import evaluate_places

    if mode not in {"gold", "e2e"}:
        raise typer.BadParameter("must be gold or e2e", param_hint="--mode")
    r = _run(evaluate_places, gold, mode)
    rows = [(k, v) for k, v in r.items() if isinstance(v, (int, float, str))]
    _emit(r, as_json, rows, f"Places ({mode}): {gold}")


@evaluate_app.command("articles")
def articles_cmd(
    gold: Annotated[Path, typer.Argument(help="Gold events, JSON Lines (VOA codebook format).")],
    articles: Annotated[Path, typer.Option("--articles", help="The articles, JSON Lines with id, text, published.")],
    worst: Annotated[int, typer.Option(help="How many of the worst articles to list with their errors.")] = 5,
    as_json: JsonOpt = False,
) -> None:
    """Whole-article scores: event P/R/F1, field accuracy on matched events, triple P/R/F1, per type.

    Example: `riftwatch evaluate articles ../shared/eval/voa/gold.jsonl --articles ../shared/eval/voa/articles.jsonl`
    """
    from .evaluate.articles import FIELDS, evaluate_articles

    r = _run(evaluate_articles, gold, articles, None, worst)
    if as_json:
        _emit(r, True, [], "")
        return

    def prf(d: dict[str, float]) -> str:
        return "/".join(f"{d[k]:.3f}" for k in ("precision", "recall", "f1"))

    rows: list[tuple[str, Any]] = [
        ("articles", r["articles"]), ("gold events (not marginal)", r["gold"]), ("predicted (not marginal)", r["predicted"]),
        ("matched", r["matched"]), ("matched to marginal gold (not counted)", r["marginal_matched"]),
        ("event P/R/F1", prf(r["events"])), ("triple P/R/F1 (type+source+target)", prf(r["triple"])),
    ] + [(f"{k} accuracy (matched)", r["matched_accuracy"][k]) for k in FIELDS]  # fmt: skip
    _emit(r, False, rows, f"Whole articles: {gold}")
    table = Table(title="per gold type")
    for col in ("type", "gold", "predicted", "event P/R/F1", "triple F1"):
        table.add_column(col, justify="left" if col == "type" else "right")
    for t, v in r["per_type"].items():
        table.add_row(escape(str(t)), str(v["gold"]), str(v["predicted"]), prf(v["events"]), f"{v['triple']['f1']:.3f}")
    console.print(table)
    for field, kinds in r["error_kinds"].items():  # how the wrong ones are wrong
        console.print(f"{field} on matched events: " + ", ".join(f"{k} {n}" for k, n in kinds.items()), markup=False, highlight=False)
    for w in r["worst_articles"]:
        console.print(f"[bold]{escape(str(w['id']))}[/] {escape(str(w['title'])[:70])} — event F1 {w['events_f1']:.2f}, triple F1 {w['triple_f1']:.2f}")
        for e in w["errors"][:12]:
            p, g = e.get("pred"), e.get("gold")
            if p and g:
                console.print(f"  wrong {','.join(e['wrong'])}: {p['trigger']!r} ours {p['type']} {p['source']}→{p['target']}"
                              f" | gold {g['type']} {g['source']}→{g['target']}", markup=False, highlight=False)  # fmt: skip
            elif p:
                console.print(f"  extra: {p['trigger']!r} {p['type']} {p['source']}→{p['target']}", markup=False, highlight=False)
            elif g:
                console.print(f"  missed: {g['trigger']!r} {g['type']} {g['source']}→{g['target']}", markup=False, highlight=False)


@evaluate_app.command("gate")
def gate_cmd(
    baseline: Annotated[Path, typer.Option(help="Pinned scores and dev-file hashes.")] = Path("benchmarks/accuracy_baseline.json"),
    update: Annotated[bool, typer.Option("--update", help="Measure and write a new baseline (a deliberate commit).")] = False,
) -> None:
    """Fail (exit 6) when any score drops more than the tolerance below the pinned baseline.

    Example: `riftwatch evaluate gate --baseline benchmarks/accuracy_baseline.json`
    """
    from .evaluate.gate import check_gate, measure, write_baseline

    try:
        if update:
            scores = measure(baseline)
            write_baseline(baseline, scores)
            console.print(f"wrote {escape(str(baseline))}")
            return
        problems, scores = check_gate(baseline)
    except RiftwatchError as exc:
        err.print(f"[bold red]error:[/] {escape(str(exc))}")
        raise typer.Exit(int(exc.exit_status)) from exc
    for name, value in sorted(scores.items()):
        console.print(f"{name:40s} {value:.4f}")
    if problems:
        for p in problems:
            err.print(f"[bold red]regression:[/] {escape(str(p))}")
        raise typer.Exit(6)
    console.print("[green]accuracy gate passed[/]")


def register(app: typer.Typer) -> None:
    app.add_typer(evaluate_app, name="evaluate")
