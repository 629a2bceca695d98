"""``riftwatch events``: filters, sort orders, the article id, and suggestions for unknown codes.

The store holds synthetic articles (``store.synthetic``), so no model is loaded.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from riftwatch.cli import app
from riftwatch.store import Store
from riftwatch.store.synthetic import synthetic_article

runner = CliRunner()


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("events") / "events.duckdb"
    with Store(path) as st:
        st.write_many([synthetic_article(i, 8) for i in range(12)])
    return path


def _events(store: Path, *args: str) -> list[dict[str, Any]]:
    result = runner.invoke(app, ["events", "--store", str(store), "--format", "json", "--limit", "1000", *args])
    assert result.exit_code == 0, result.output
    rows: list[dict[str, Any]] = json.loads(result.stdout)
    return rows


def test_newest_first_by_default_and_by_confidence_on_request(store: Path) -> None:
    rows = _events(store)
    dates = [r["date"] for r in rows if r["date"]]
    assert len(rows) == 96 and dates == sorted(dates, reverse=True)
    assert all(r["date"] is None for r in rows[len(dates) :])  # undated last
    conf = [r["confidence"] for r in _events(store, "--sort", "confidence")]
    assert conf == sorted(conf, reverse=True) and conf[0] > conf[-1]
    oldest = [r["date"] for r in _events(store, "--sort", "oldest") if r["date"]]
    assert oldest == sorted(oldest)


@pytest.mark.parametrize(
    ("args", "check"),
    [
        (["--min-confidence", "0.8"], lambda r: r["confidence"] >= 0.8),
        (["--quad", "4"], lambda r: r["quad_class"] == 4),
        (["--article", "art-000003"], lambda r: r["article_id"] == "art-000003"),
        (["--text", "SENTENCE 2:"], lambda r: "sentence 2:" in r["sentence"].lower()),
        (["--since", "2024-03-01", "--until", "2024-06-30"], lambda r: "2024-03-01" <= (r["date"] or "") <= "2024-06-30"),
        (["--actor", "SYR REB", "--type", "assault"], lambda r: r["event_type"] == "ASSAULT"
         and any((a["country"], a["sector"]) == ("SYR", "REB") for a in r["source"] + r["target"])),
    ],
    ids=["min-confidence", "quad", "article", "text", "dates", "actor-type"],
)  # fmt: skip
def test_each_filter_keeps_only_what_it_says(store: Path, args: list[str], check: Any) -> None:
    everything = _events(store)
    kept = _events(store, *args)
    assert kept and all(check(r) for r in kept)
    assert len(kept) < len(everything)
    assert len(kept) == sum(1 for r in everything if check(r))  # and all of it


def test_the_table_shows_the_article_id(store: Path) -> None:
    result = runner.invoke(app, ["events", "--store", str(store), "--article", "art-000005"], env={"COLUMNS": "250"})
    assert result.exit_code == 0 and "article" in result.output and "art-000005" in result.output


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["--type", "ASSUALT"], ["not a PLOVER event type", "nearest: ASSAULT"]),
        (["--type", "bombing"], ["not a PLOVER event type", "all: AGREE"]),
        (["--actor", "RSU"], ["no event in the store has actor 'RSU'", "RUS"]),
        (["--actor", "SYR REBS"], ["no event in the store has actor", "SYR REB"]),
    ],
)
def test_an_unknown_type_or_actor_says_so_with_the_nearest(store: Path, args: list[str], said: list[str]) -> None:
    result = runner.invoke(app, ["events", "--store", str(store), *args], env={"COLUMNS": "300"})
    assert result.exit_code == 2
    text = " ".join(result.output.split())
    assert all(s in text for s in said), result.output
    assert "0 event(s)" not in result.output


def test_evaluate_quad_help_shows_the_tab_of_its_file_format() -> None:
    # rich's markdown mode read "<TAB>" as an HTML tag and dropped it
    result = runner.invoke(app, ["evaluate", "quad", "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0 and "sentence<TAB>label" in result.output
