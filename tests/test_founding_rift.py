"""Issue scenario: a cooperative RUS–IRN–SYR baseline from earlier articles, then the founding
article; `watch` must raise alerts for SYR–IRN and RUS–SYR and/or RUS–IRN citing its events.

The baseline articles are written here (templates over our own sentences), coded by the real
pipeline, and stored with their dates; the founding article is read from ../shared/seed/.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import shared_path
from riftwatch.cli import app

pytestmark = pytest.mark.slow
runner = CliRunner()

# Cooperative sentences between the three allies; {a}/{b} are filled with each ordered pair.
TEMPLATES = [
    "{A} officials met their {B} counterparts in {cap_b} on Monday to coordinate the campaign.",
    "{A} pledged to send more military advisers to help {b}.",
    "The {a_adj} defence minister praised the close alliance with {b}.",
    "{A} and {b} signed an agreement on joint air defence.",
    "{A} delivered weapons and ammunition to the {b_adj} army.",
]
NAMES = {
    "RUS": ("Russia", "Russian", "Moscow"),
    "IRN": ("Iran", "Iranian", "Tehran"),
    "SYR": ("Syria", "Syrian", "Damascus"),
}


def _baseline(published: dt.date) -> list[dict[str, str]]:
    """Weekly articles over the 16 weeks before ``published`` - 21 days, rotating the pairs."""
    pairs = [("RUS", "SYR"), ("IRN", "SYR"), ("RUS", "IRN"), ("SYR", "RUS"), ("SYR", "IRN"), ("IRN", "RUS")]
    records = []
    for week in range(16):
        day = published - dt.timedelta(days=21 + 7 * week)
        sentences = []
        for k, (x, y) in enumerate(pairs):
            a, a_adj, _ = NAMES[x]
            b, b_adj, cap_b = NAMES[y]
            tpl = TEMPLATES[(week + k) % len(TEMPLATES)]
            sentences.append(tpl.format(A=a, a=a, a_adj=a_adj, B=b_adj, b=b, b_adj=b_adj, cap_b=cap_b))
        records.append({"id": f"baseline-{week}", "title": f"Allies coordinate, week {week}",
                        "text": " ".join(sentences), "published": day.isoformat()})  # fmt: skip
    return records


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("rift")
    published = dt.date(2016, 5, 13)
    feed = tmp / "baseline.jsonl"
    feed.write_text("\n".join(json.dumps(r) for r in _baseline(published)), "utf-8")
    path = tmp / "store.duckdb"
    seed = shared_path("seed", "aleppo-falling-out.txt")
    for args in ([str(feed)], [str(seed), "--published", published.isoformat()]):
        result = runner.invoke(app, ["run", *args, "--store", str(path), "--no-table"])
        assert result.exit_code == 0, result.output
    return path


def test_watch_raises_alerts_citing_the_founding_article(store: Path) -> None:
    result = runner.invoke(app, ["watch", "--coalition", "RUS,IRN,SYR", "--store", str(store), "--format", "json"])
    assert result.exit_code == 0, result.output
    alerts = json.loads(result.stdout)
    dyads = {tuple(sorted(a["dyad"])) for a in alerts}
    assert ("IRN", "SYR") in dyads, alerts
    assert ("RUS", "SYR") in dyads or ("IRN", "RUS") in dyads, alerts
    events = json.loads(runner.invoke(app, ["events", "--store", str(store), "--format", "json", "--limit", "5000"]).stdout)
    founding = {e["event_id"] for e in events if not e["article_id"].startswith("baseline-")}
    for alert in alerts:
        assert 0 <= alert["confidence"] <= 1
        assert set(alert["event_ids"]) & founding, f"alert {alert['dyad']} cites none of the founding events"
        assert dt.date.fromisoformat(alert["start"]) <= dt.date(2016, 5, 13)


# The same article after a GDELT-volume baseline -------------------------------------------------


def _founding_after_gdelt(tmp: Path, share: float, seed: int) -> Path:
    """A store with 17 weeks of imported GDELT rows, 3.5 events a day per directed dyad among the
    three allies (the volume GDELT gives them), ``share`` of them conflictual, up to the article's
    week; then the founding article."""
    from riftwatch.imports.synth import DyadPlan, gdelt_lines

    published = dt.date(2016, 5, 13)
    start = published - dt.timedelta(days=published.weekday(), weeks=16)
    plans = [DyadPlan(a, b, 3.5 * 7 * 2, share) for a, b in (("RUS", "IRN"), ("RUS", "SYR"), ("IRN", "SYR"))]
    export = tmp / "baseline.export.CSV"
    export.write_text("\n".join(gdelt_lines(plans, 17, start, seed=seed)) + "\n", "utf-8")
    path = tmp / "store.duckdb"
    article = shared_path("seed", "aleppo-falling-out.txt")
    result = runner.invoke(app, ["import", str(export), "--format", "gdelt", "--store", str(path)])
    assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["run", str(article), "--published", published.isoformat(), "--store", str(path), "--no-table"])
    assert result.exit_code == 0, result.output
    return path


@pytest.fixture(scope="module")
def gdelt_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The founding article after a purely cooperative GDELT-volume baseline."""
    return _founding_after_gdelt(tmp_path_factory.mktemp("rift-gdelt"), 0.0, seed=5)


def test_watch_raises_alerts_after_a_gdelt_volume_baseline(gdelt_store: Path) -> None:
    # 2,500 cooperative rows against a handful of conflictual events: the share barely moves
    # (under 5%), the rate of conflictual events surges from none
    result = runner.invoke(app, ["watch", "--coalition", "RUS,IRN,SYR", "--store", str(gdelt_store), "--format", "json"])
    assert result.exit_code == 0, result.output
    alerts = json.loads(result.stdout)
    dyads = {tuple(sorted(a["dyad"])) for a in alerts}
    assert ("IRN", "SYR") in dyads, alerts
    assert ("RUS", "SYR") in dyads or ("IRN", "RUS") in dyads, alerts
    for alert in alerts:
        assert "volume" in alert["tests"]
        assert alert["baseline"]["events"] > 500 and alert["recent"]["conflict"] >= 3
        assert all(e["origin"] == "riftwatch" for e in alert["evidence"])
        assert alert["explanation"].startswith("–".join(alert["dyad"]))


@pytest.fixture(scope="module", params=[0.05, 0.10])
def gdelt_conflict_store(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """As ``gdelt_store``, but a share of the GDELT rows is conflictual, as in any real export."""
    return _founding_after_gdelt(tmp_path_factory.mktemp("rift-gdelt-conflict"), float(request.param), seed=7)


def test_watch_raises_alerts_after_a_gdelt_baseline_with_conflict(gdelt_conflict_store: Path) -> None:
    # Some 2.5 or 5 conflictual GDELT rows a week per dyad hide the article's events in the weekly
    # counts; its clumps (seven conflictual events between Iran and Syria in one article, four
    # between Russia and each ally) do not hide among one-event reports.
    args = ["watch", "--coalition", "RUS,IRN,SYR", "--store", str(gdelt_conflict_store), "--format", "json"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    alerts = json.loads(result.stdout)
    dyads = {tuple(sorted(a["dyad"])) for a in alerts}
    assert ("IRN", "SYR") in dyads, alerts
    assert ("RUS", "SYR") in dyads or ("IRN", "RUS") in dyads, alerts
    for alert in alerts:
        origins = {e["origin"] for e in alert["evidence"]}
        assert "riftwatch" in origins, alert["explanation"]
        if alert["tests"] == ["clump"]:
            assert origins == {"riftwatch"} and alert["corroboration"]["articles"] == 1
            assert "one article reported" in alert["explanation"]
            assert "a single article reports all of them" in alert["explanation"]
    # the same alerts need two articles with --min-articles 2: single-article clumps go
    result = runner.invoke(app, [*args, "--min-articles", "2"])
    assert result.exit_code == 0, result.output
    assert all(a["tests"] != ["clump"] for a in json.loads(result.stdout))
