"""The relations commands: import, dyads, watch, report — exit codes, JSON shape, help examples."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from riftwatch.cli_relations import register
from riftwatch.errors import ExitStatus
from riftwatch.imports.synth import DyadPlan, gdelt_lines

runner = CliRunner()


def app() -> typer.Typer:
    a = typer.Typer()
    register(a)
    return a


@pytest.fixture
def gdelt(tmp_path: Path) -> Path:
    plans = [DyadPlan("RUS", "SYR", 8, 0.05, rift_week=40), DyadPlan("RUS", "IRN", 8, 0.05)]
    path = tmp_path / "gen.export.CSV"
    path.write_text("\n".join(gdelt_lines(plans, 46)) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("command", ["import", "dyads", "watch", "report"])
def test_every_command_has_help_ending_in_an_example(command: str) -> None:
    result = runner.invoke(app(), [command, "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.output and "riftwatch " + command in result.output


def test_import_then_watch_json(gdelt: Path, tmp_path: Path) -> None:
    db = tmp_path / "events.duckdb"
    result = runner.invoke(app(), ["import", str(gdelt), "--format", "gdelt", "--store", str(db)])
    assert result.exit_code == ExitStatus.OK, result.output
    result = runner.invoke(
        app(), ["watch", "--coalition", "RUS,IRN,SYR", "--store", str(db), "--format", "json"]
    )
    assert result.exit_code == ExitStatus.OK, result.output
    alerts = json.loads(result.stdout)
    assert [a["dyad"] for a in alerts] == [["RUS", "SYR"]]
    assert {"dyad", "start", "confidence", "event_ids"} <= set(alerts[0])
    assert 0 <= alerts[0]["confidence"] <= 1 and all(e.startswith("gdelt-") for e in alerts[0]["event_ids"])
    table = runner.invoke(app(), ["watch", "-c", "RUS,IRN,SYR", "--store", str(db)])
    assert table.exit_code == 0 and "rift" in table.output
    dyads = runner.invoke(app(), ["dyads", "--actors", "RUS,SYR", "--store", str(db), "--format", "json"])
    assert dyads.exit_code == 0 and json.loads(dyads.stdout)[0]["dyad"] == ["RUS", "SYR"]
    out = tmp_path / "r.html"
    rep = runner.invoke(app(), ["report", "-c", "RUS,IRN,SYR", "--store", str(db), "--out", str(out)])
    assert rep.exit_code == 0, rep.output
    assert out.exists() and (tmp_path / "r-charts" / "network.svg").exists()


@pytest.mark.parametrize(
    ("lines", "status"),
    [(["bad\trow"], ExitStatus.BAD_INPUT), (["bad\trow", "good"], ExitStatus.PARTIAL)],
)
def test_import_exit_codes(tmp_path: Path, lines: list[str], status: ExitStatus) -> None:
    good = next(gdelt_lines([DyadPlan("RUS", "SYR", 5, 0.1)], 1))
    path = tmp_path / "x.CSV"
    path.write_text("\n".join(good if x == "good" else x for x in lines) + "\n", encoding="utf-8")
    result = runner.invoke(
        app(), ["import", str(path), "--format", "gdelt", "--store", str(tmp_path / "s.duckdb")]
    )
    assert result.exit_code == status
    assert f"{path}:1" in result.output


@pytest.mark.parametrize(
    ("args", "status", "message"),
    [
        (["watch", "--coalition", "RUS,IRAN"], ExitStatus.BAD_INPUT, "not an actor code"),
        (["watch", "--coalition", "RUS,IRN"], ExitStatus.STORE, "no store file"),
        (["import", "x.jsonl", "--format", "acled"], ExitStatus.BAD_INPUT, "not one of plover, gdelt, icews"),
    ],
)
def test_errors_become_messages_and_exit_codes(
    tmp_path: Path, args: list[str], status: ExitStatus, message: str
) -> None:
    result = runner.invoke(app(), [*args, "--store", str(tmp_path / "missing.duckdb")])
    assert result.exit_code == status
    assert message in " ".join(result.output.split())


def test_watch_history_as_of_and_inferred_coalition(gdelt: Path, tmp_path: Path) -> None:
    db = tmp_path / "events.duckdb"
    assert runner.invoke(app(), ["import", str(gdelt), "--format", "gdelt", "--store", str(db)]).exit_code == 0

    def alerts(*args: str) -> list[dict[str, object]]:
        result = runner.invoke(app(), ["watch", "--store", str(db), "--format", "json", *args])
        assert result.exit_code == ExitStatus.OK, result.output
        return list(json.loads(result.stdout))

    # the rift planted at week 40 (2020-10-12) is open at the end of the data, and before it
    # began there was nothing to see
    assert [a["dyad"] for a in alerts("-c", "RUS,IRN,SYR")] == [["RUS", "SYR"]]
    assert alerts("-c", "RUS,IRN,SYR", "--as-of", "2020-09-30") == []
    # --history lists every rift of the whole history, each with its start, peak and end
    found = alerts("-c", "RUS,IRN,SYR", "--history")
    assert found and all({"start", "peak", "end", "ongoing", "explanation"} <= set(a) for a in found)
    assert found[0]["explanation"].startswith("RUS–SYR: ")
    # no coalition: the output says it was inferred, and from what
    result = runner.invoke(app(), ["watch", "--store", str(db)])
    assert result.exit_code == 0 and "inferred" in result.output
    assert "SYR" in result.output


def test_report_png_without_a_browser_draws_the_charts_and_says_what_is_missing(
    gdelt: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from riftwatch.report import browser

    monkeypatch.setattr(browser, "find_chromium", lambda: None)
    db = tmp_path / "events.duckdb"
    assert runner.invoke(app(), ["import", str(gdelt), "--format", "gdelt", "--store", str(db)]).exit_code == 0
    out = tmp_path / "r.html"
    result = runner.invoke(app(), ["report", "-c", "RUS,SYR", "--store", str(db), "--out", str(out), "--png"])
    assert result.exit_code == 0, result.output
    said = " ".join(result.output.split())
    assert "make install-browser" in said and "as PNG" in said
    pngs = sorted((tmp_path / "r-charts").glob("*.png"))
    assert [p.stem for p in pngs] == ["map", "network", "series-RUS-SYR"]
    assert all(p.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" for p in pngs)
    assert not out.with_suffix(".png").exists()  # no page screenshot without a browser


def test_report_on_a_coalition_without_events_warns_and_exits_4(gdelt: Path, tmp_path: Path) -> None:
    db = tmp_path / "events.duckdb"
    assert runner.invoke(app(), ["import", str(gdelt), "--format", "gdelt", "--store", str(db)]).exit_code == 0
    out = tmp_path / "r.html"
    empty = runner.invoke(app(), ["report", "-c", "FRA,DEU", "--store", str(db), "--out", str(out)])
    assert empty.exit_code == ExitStatus.BAD_INPUT
    assert "no events between the members of FRA, DEU" in " ".join(empty.output.split())
    full = runner.invoke(app(), ["report", "-c", "RUS,SYR", "--store", str(db), "--out", str(out)])
    assert full.exit_code == ExitStatus.OK and "warning" not in full.output
