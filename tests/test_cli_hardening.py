"""Adversarial input at the command line (issue 12): markup in stored text, bad options.

Every piece of stored or user text reaches the terminal through Rich, which reads ``[...]`` as
markup; each case here crashed (MarkupError) or lost text before the fix.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from riftwatch.cli import app

pytestmark = pytest.mark.slow
runner = CliRunner()

# An organisation whose name is markup, and articles whose titles, sources and text are.
_ORG = {"id": "org:bracket-front", "kind": "org", "names": ["[/] Bracket Front"], "country": "XYZ",
        "sector": "REB", "org": "[/] Bracket Front"}  # fmt: skip
_ARTICLES = [
    {"id": "m1", "title": "Watch [/video] talks", "source": "[bold]Wire[/bold]", "published": "2025-01-02",
     "text": "Russia accused Ukraine of shelling Donetsk on Monday. [/] Bracket Front attacked a police post."},
    {"id": "m2", "title": "[video] Talks", "published": "2025-01-03",
     "text": "Iran [red]condemned[/red] the attack on the convoy near Aleppo on Tuesday."},
]  # fmt: skip


@pytest.fixture(scope="module")
def marked(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, str]:
    tmp = tmp_path_factory.mktemp("markup")
    lexicon = tmp / "actors.jsonl"
    lexicon.write_text(json.dumps(_ORG) + "\n")
    feed = tmp / "feed.jsonl"
    feed.write_text("".join(json.dumps(a) + "\n" for a in _ARTICLES))
    store = tmp / "m.duckdb"
    result = runner.invoke(app, ["run", str(feed), "--store", str(store), "--actors", str(lexicon)])
    return store, lexicon, result.output if result.exit_code == 0 else f"exit {result.exit_code}: {result.output}"


def test_run_prints_markup_in_actor_names_as_text(marked: tuple[Path, Path, str]) -> None:
    _, _, output = marked
    assert not output.startswith("exit"), output
    assert "2 article(s) coded" in output


def test_events_table_with_markup_in_names(marked: tuple[Path, Path, str]) -> None:
    store = marked[0]
    result = runner.invoke(app, ["events", "--store", str(store)])
    assert result.exit_code == 0, result.output
    assert "([/]" in result.output and "Bracket" in result.output  # the table wraps the name


@pytest.mark.parametrize(("article_id", "shown"), [("m1", "Watch [/video] talks"), ("m2", "[video] Talks")])
def test_show_prints_titles_and_text_as_written(marked: tuple[Path, Path, str], article_id: str, shown: str) -> None:
    store = marked[0]
    result = runner.invoke(app, ["show", article_id, "--store", str(store)])
    assert result.exit_code == 0, result.output
    assert shown in result.output
    if article_id == "m1":
        assert "[bold]Wire[/bold]" in result.output
    else:
        assert "[red]condemned[/red]" in result.output


@pytest.mark.parametrize("article_id", ["[/]", "[bold]x", "x\\"])
def test_show_unknown_id_that_is_markup(marked: tuple[Path, Path, str], article_id: str) -> None:
    result = runner.invoke(app, ["show", article_id, "--store", str(marked[0])])
    assert result.exit_code == 4, result.output
    assert f"no article {article_id!r}" in result.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["run", "x.txt", "--batch-size", "0"], "--batch-size"),
        (["run", "x.txt", "--workers", "0"], "--workers"),
        (["events", "--format", "xml"], "'xml' is not table or json"),
        (["events", "--limit", str(2**70)], "--limit"),
        (["events", "--limit", "-1"], "--limit"),
    ],
)
def test_bad_options_are_usage_errors(marked: tuple[Path, Path, str], args: list[str], message: str) -> None:
    """Issue 12.12: these gave a traceback, a raw DuckDB error, or were silently ignored."""
    result = runner.invoke(app, [*args, "--store", str(marked[0])])
    assert result.exit_code == 2, result.output
    assert message in result.output


def test_a_store_locked_by_a_writer_says_why(marked: tuple[Path, Path, str], tmp_path: Path) -> None:
    import subprocess
    import sys

    store = tmp_path / "locked.duckdb"
    code = ("import sys, time\nfrom riftwatch.store import Store\ns = Store(sys.argv[1])\n"
            "print('open', flush=True)\ntime.sleep(60)\n")  # fmt: skip
    proc = subprocess.Popen([sys.executable, "-c", code, str(store)], stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "open"
        result = runner.invoke(app, ["events", "--store", str(store)])
    finally:
        proc.kill()
        proc.wait()
    assert result.exit_code == 5
    said = " ".join(result.output.split())  # the console wraps long lines
    assert "locked by another process" in said and "a run that writes to a store holds it" in said
