"""The command line, end to end on the shipped examples and on bad inputs (CliRunner, no shell)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import click
import pytest
import typer
from typer.testing import CliRunner

from riftwatch.cli import app

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
runner = CliRunner()


def _commands(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    out = []
    for name, cmd in group.commands.items():
        if isinstance(cmd, click.Group):
            out.extend(_commands(cmd, (*prefix, name)))
        else:
            out.append((*prefix, name))
    return out


ALL_COMMANDS = _commands(typer.main.get_command(app))  # type: ignore[arg-type]


@pytest.mark.parametrize("path", ALL_COMMANDS, ids=[" ".join(p) for p in ALL_COMMANDS])
def test_every_command_has_help_with_an_example(path: tuple[str, ...]) -> None:
    result = runner.invoke(app, [*path, "--help"])
    assert result.exit_code == 0, result.output
    assert "Example" in result.output, f"`riftwatch {' '.join(path)} --help` shows no example"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "events.duckdb"
    result = runner.invoke(app, ["run", str(EXAMPLES / "articles"), str(EXAMPLES / "articles.jsonl"), "--store", str(path)])
    assert result.exit_code == 0, result.output
    assert "article(s) coded" in result.output
    return path


def test_rerun_stores_nothing_twice(store: Path) -> None:
    result = runner.invoke(app, ["run", str(EXAMPLES / "articles"), "--store", str(store)])
    assert result.exit_code == 0
    assert "0 article(s) coded" in result.output


def test_events_json_and_filters(store: Path) -> None:
    result = runner.invoke(app, ["events", "--store", str(store), "--format", "json", "--limit", "1000"])
    assert result.exit_code == 0
    events = json.loads(result.stdout)
    assert events and all(e["trigger"]["end"] > e["trigger"]["start"] for e in events)
    happened = json.loads(runner.invoke(app, ["events", "--store", str(store), "--format", "json", "--happened"]).stdout)
    assert happened and all(e["factuality"] == "asserted" for e in happened)
    assert len(happened) < len(events)
    etype = events[0]["event_type"]
    same = json.loads(runner.invoke(app, ["events", "--store", str(store), "--format", "json", "--type", etype]).stdout)
    assert same and {e["event_type"] for e in same} == {etype}


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_export_formats(store: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"events.{fmt}"
    result = runner.invoke(app, ["export", "--store", str(store), "--format", fmt, "--output", str(out)])
    assert result.exit_code == 0, result.output
    if fmt == "jsonl":
        rows = [json.loads(line) for line in out.read_text().splitlines()]
        assert rows and {"event_id", "trigger", "source", "target", "place", "mode", "negated"} <= set(rows[0])
    elif fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(out.read_text())))
        assert rows and "QuadClass" in rows[0]
    else:
        import pyarrow.parquet as pq

        assert pq.read_table(out).num_rows > 0


def test_export_places(store: Path) -> None:
    result = runner.invoke(app, ["export", "--store", str(store), "--what", "places", "--format", "jsonl"])
    assert result.exit_code == 0
    rows = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert rows and {"article_id", "start", "end", "text", "geonameid", "lat", "lon", "country"} <= set(rows[0])


def test_show_highlights_an_article(store: Path) -> None:
    events = json.loads(runner.invoke(app, ["events", "--store", str(store), "--format", "json"]).stdout)
    result = runner.invoke(app, ["show", events[0]["article_id"], "--store", str(store)])
    assert result.exit_code == 0
    assert events[0]["trigger"]["text"] in result.output
    missing = runner.invoke(app, ["show", "no-such-article", "--store", str(store)])
    assert missing.exit_code == 4 and "no-such-article" in missing.output


def test_records_of_the_same_text_are_stored_once_and_shown_by_either_id(tmp_path: Path) -> None:
    text = "Ruritanian troops shelled border villages in Moravia on Sunday, killing three people, police said."
    records = [{"id": "wire-1", "title": "Shelling", "text": text}, {"id": "feed-9", "title": "Shelling", "text": text}]
    (tmp_path / "in.jsonl").write_text("\n".join(json.dumps(r) for r in records))
    store = tmp_path / "s.duckdb"
    result = runner.invoke(app, ["run", str(tmp_path / "in.jsonl"), "--store", str(store), "--published", "2024-03-01"])
    assert result.exit_code == 0, result.output
    assert "1 article(s) coded" in result.output
    assert "1 record had the same text as another record: stored once, ids kept as aliases" in result.output
    for rid in ("wire-1", "feed-9"):
        shown = runner.invoke(app, ["show", rid, "--store", str(store)])
        assert shown.exit_code == 0, shown.output
        assert "id wire-1 (also feed-9)" in shown.output and "shelled" in shown.output
    aliases = runner.invoke(app, ["export", "--what", "aliases", "--store", str(store)])
    assert aliases.exit_code == 0, aliases.output
    assert [json.loads(line) for line in aliases.stdout.splitlines()] == [
        {"alias_id": "feed-9", "article_id": "wire-1", "origin": f"{tmp_path / 'in.jsonl'}:2"}
    ]


def test_acts_told_as_possible_only_are_stored_with_hypothetical(tmp_path: Path) -> None:
    text = "Border standoff\n\nEthiopian troops could seize the Sudanese border town of Gallabat."
    found = {}
    for flag in ([], ["--hypothetical"]):
        store = tmp_path / f"s{len(flag)}.duckdb"
        result = runner.invoke(app, ["run", "-", "--store", str(store), "--published", "2024-03-01", *flag], input=text)
        assert result.exit_code == 0, result.output
        events = json.loads(runner.invoke(app, ["events", "--store", str(store), "--format", "json"]).stdout)
        found[bool(flag)] = [(e["trigger"]["text"], e["factuality"]) for e in events]
    assert found == {False: [], True: [("seize", "hypothetical")]}


def test_bad_inputs_are_named_and_the_run_goes_on(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02\xff" * 100)
    (tmp_path / "good.txt").write_text("Ruritania sends envoys\n\nRuritania sent two envoys to Moscow on Monday to hold talks with Russian officials.")
    store = tmp_path / "s.duckdb"
    result = runner.invoke(app, ["run", str(tmp_path), "--store", str(store), "--published", "2024-03-01"])
    assert result.exit_code == 3, result.output
    assert "empty.txt" in result.output and "binary.txt" in result.output
    assert "1 article(s) coded" in result.output and "2 input(s) failed" in result.output


def test_stdin_and_published_option(tmp_path: Path) -> None:
    store = tmp_path / "s.duckdb"
    text = "Talks in Doha\n\nQatar hosted talks between the two delegations on Tuesday, officials said."
    result = runner.invoke(app, ["run", "-", "--store", str(store), "--published", "2024-03-01"], input=text)
    assert result.exit_code == 0, result.output
    events = json.loads(runner.invoke(app, ["events", "--store", str(store), "--format", "json"]).stdout)
    assert any(e["date"] == "2024-02-27" for e in events)


@pytest.mark.parametrize(
    ("args", "code", "needle"),
    [
        (["run", "x.txt", "--published", "13/05/2016"], 2, "not a date"),
        (["events", "--store", "/nonexistent/dir/s.duckdb"], 5, "/nonexistent/dir"),
        (["export", "--format", "xml"], 2, "jsonl, csv or parquet"),
    ],
)
def test_errors_have_codes_and_messages(args: list[str], code: int, needle: str) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == code, result.output
    assert needle in result.output


def test_two_workers_store_what_one_process_stores(store: Path, tmp_path: Path) -> None:
    other = tmp_path / "w2.duckdb"
    result = runner.invoke(app, ["run", str(EXAMPLES / "articles"), str(EXAMPLES / "articles.jsonl"),
                                 "--store", str(other), "--workers", "2", "--no-table"])  # fmt: skip
    assert result.exit_code == 0, result.output

    def ids(path: Path) -> set[str]:
        rows = json.loads(runner.invoke(app, ["events", "--store", str(path), "--format", "json", "--limit", "10000"]).stdout)
        return {e["event_id"] for e in rows}

    assert ids(other) == ids(store)
