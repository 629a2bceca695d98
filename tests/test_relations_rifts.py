"""Rift alerts: the founding scenario, sparse data, coalitions, and generated GDELT series."""

from __future__ import annotations

import datetime as dt
import json
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from riftwatch.errors import InputError
from riftwatch.events.ontology import ontology
from riftwatch.imports import import_file
from riftwatch.imports.synth import DyadPlan, gdelt_lines
from riftwatch.records import Actor, Event, Factuality, Span
from riftwatch.relations.detect import DetectConfig, Grid, episodes, scan
from riftwatch.relations.rifts import assess, read_coalition, watch
from riftwatch.relations.stats import cusum_down, norm_cdf, p_exceeds_grid, p_exceeds_mc
from riftwatch.store.duck import Store

START = dt.date(2020, 1, 6)  # a Monday


def actor(code: str) -> Actor:
    country, _, sector = code.partition(" ")
    return Actor(code, 0, len(code), code, country, sector)


def ev(
    eid: str, etype: str, src: Sequence[str], tgt: Sequence[str], day: dt.date, article: str,
    root: str = "", factuality: Factuality = "asserted", sentence: str = "",
) -> Event:  # fmt: skip
    c = ontology().coding(etype, root)
    sentence = sentence or f"Officials described the {etype.lower()} on that day."
    word = etype.lower()
    off = max(sentence.find(word), 0)
    return Event(
        eid, article, 0, sentence, 0, Span(word, off, off + len(word)), c.event_type, c.cameo_root,
        c.quad_class, c.goldstein, factuality=factuality, source=tuple(map(actor, src)),
        target=tuple(map(actor, tgt)), date=day, date_precision="day", confidence=0.8,
    )  # fmt: skip


@pytest.fixture
def store() -> Iterator[Store]:
    with Store(":memory:") as s:
        yield s


# The founding scenario --------------------------------------------------------------------------

COOP = ("CONSULT", "COOPERATE", "AID", "AGREE", "SUPPORT")
PAIRS = (("RUS GOV", "SYR GOV"), ("IRN GOV", "SYR GOV"), ("RUS GOV", "IRN GOV"))


def baseline_articles(weeks: int = 15, first: dt.date = dt.date(2016, 1, 4)) -> list[Event]:
    """Earlier articles: every week each pair of allies cooperates once."""
    out = []
    for w in range(weeks):
        for i, (a, b) in enumerate(PAIRS):
            src, tgt = (a, b) if w % 2 else (b, a)
            day = first + dt.timedelta(weeks=w, days=i)
            out.append(ev(f"base-{w}-{i}", COOP[(w + i) % 5], [src], [tgt], day, f"earlier-{w}"))
    return out


# Our own sentences, modelled on the kind of report in which allies fall out.
FOUNDING = [
    ("f1", "REQUEST", ["SYR GOV"], ["IRN GOV"], "10", "asserted", "Damascus issued a request that Tehran send more troops."),
    ("f2", "REJECT", ["IRN GOV", "IRN MIL"], ["SYR GOV"], "", "asserted", "Iranian commanders reject the Syrian demand."),
    ("f3", "AID", ["IRN GOV"], ["SYR GOV"], "", "asserted", "Tehran sent an aid convoy with a senior general."),
    ("f4", "SANCTION", ["RUS GOV"], ["SYR GOV"], "", "asserted", "Moscow chose to sanction its ally by halting air cover."),
    ("f5", "ACCUSE", ["RUS MIL"], ["SYR MIL", "IRN MIL"], "", "asserted", "The Russian minister would accuse both allies of idling."),
    ("f6", "ASSAULT", ["RUS MIL"], ["SYR REB"], "", "asserted", "Russian jets continued the assault on rebel positions."),
    ("f7", "CONSULT", ["IRN MIL"], ["SYR MIL"], "", "negated", "The general did not consult Syrian units at the front."),
    ("f8", "ASSAULT", ["RUS MIL"], ["IRN MIL"], "", "hypothetical", "An assault on Iranian positions could follow, he warned."),
]  # fmt: skip


def founding_article(day: dt.date = dt.date(2016, 5, 12)) -> list[Event]:
    return [
        ev(e, t, s, g, day, "founding", root=r, factuality=f, sentence=x) for e, t, s, g, r, f, x in FOUNDING
    ]


def test_founding_article_after_cooperative_baseline_raises_alerts(store: Store) -> None:
    store.write_events(baseline_articles() + founding_article(), "riftwatch")
    result = assess(store, ["RUS", "IRN", "SYR"])
    alerts = {a.dyad: a for a in result.alerts}
    assert ("IRN", "SYR") in alerts
    assert ("RUS", "SYR") in alerts or ("IRN", "RUS") in alerts
    assert {"f1", "f2"} <= set(alerts[("IRN", "SYR")].event_ids)
    if ("RUS", "SYR") in alerts:
        assert {"f4", "f5"} <= set(alerts[("RUS", "SYR")].event_ids)
    cited = {e for a in result.alerts for e in a.event_ids}
    assert not cited & {"f3", "f6", "f7", "f8"}  # cooperative, rebels, negated, hypothetical
    for a in result.alerts:
        assert dt.date(2016, 5, 9) <= a.start <= dt.date(2016, 5, 12)
        assert 0.95 <= a.confidence <= 1.0
        assert a.baseline.conflict == 0 and a.baseline.events >= 10
        assert all(e.sentence and e.trigger in e.sentence for e in a.evidence)
    states = {d.dyad: d.state for d in result.dyads}
    assert states[("IRN", "SYR")] == "rift"
    assert set(states) == {("IRN", "RUS"), ("IRN", "SYR"), ("RUS", "SYR")}


def test_watch_json_shape(store: Store) -> None:
    store.write_events(baseline_articles() + founding_article(), "riftwatch")
    data = json.loads(json.dumps([a.to_dict() for a in watch(store, ["RUS", "IRN", "SYR"])]))
    assert data
    for a in data:
        assert len(a["dyad"]) == 2 and 0.0 <= a["confidence"] <= 1.0
        assert dt.date.fromisoformat(a["start"]) and a["event_ids"]


def test_baseline_event_inside_recent_window_dilutes_to_cooling(store: Store) -> None:
    # a cooperative report in the same four weeks: 2 conflictual out of 4 is a cooling, not a rift
    late = ev("late", "COOPERATE", ["IRN GOV"], ["SYR GOV"], dt.date(2016, 4, 28), "late-article")
    store.write_events(baseline_articles() + [late] + founding_article(), "riftwatch")
    states = {d.dyad: d.state for d in assess(store, ["IRN", "SYR"]).dyads}
    assert states[("IRN", "SYR")] == "cooling"


@pytest.mark.parametrize(
    ("recent", "alerts"),
    [
        ([("ACCUSE", "")], 0),  # one verbal conflict after 15 cooperative weeks: not enough alone
        ([("ACCUSE", ""), ("REJECT", "")], 1),  # two: a turn
        ([("ASSAULT", "")], 0),  # one material conflict, but the baseline is short (15 < 20 events)
    ],
)
def test_sparse_dyads_need_more_than_one_event(
    store: Store, recent: list[tuple[str, str]], alerts: int
) -> None:
    base = [e for e in baseline_articles() if {a.country for a in e.source + e.target} == {"IRN", "SYR"}]
    day = dt.date(2016, 5, 12)
    new = [ev(f"r{i}", t, ["IRN GOV"], ["SYR GOV"], day, f"r{i}", root=r) for i, (t, r) in enumerate(recent)]
    store.write_events(base + new, "riftwatch")
    assert len(watch(store, ["IRN", "SYR"])) == alerts


@pytest.mark.parametrize(("etype", "alerts"), [("ASSAULT", 1), ("ACCUSE", 0)])
def test_single_event_alerts_only_if_material_after_long_cooperative_baseline(
    store: Store, etype: str, alerts: int
) -> None:
    base = [
        ev(
            f"b{w}",
            COOP[w % 5],
            ["TUR GOV"],
            ["AZE GOV"],
            dt.date(2016, 1, 4) + dt.timedelta(weeks=w // 2, days=w % 2),
            f"b{w}",
        )
        for w in range(30)
    ]
    hit = ev("hit", etype, ["TUR MIL"], ["AZE MIL"], dt.date(2016, 6, 1), "hit")
    store.write_events(base + [hit], "riftwatch")
    found = watch(store, ["TUR", "AZE"])
    assert len(found) == alerts
    if found:
        assert found[0].event_ids == ("hit",)
        assert found[0].start == dt.date(2016, 6, 1)


def test_empty_and_bad_coalitions(store: Store) -> None:
    assert watch(store, ["RUS", "IRN"]) == []
    states = assess(store, ["RUS", "IRN"]).dyads
    assert [(d.dyad, d.state, d.events) for d in states] == [(("IRN", "RUS"), "stable", 0)]
    with pytest.raises(InputError, match="at least two"):
        watch(store, ["RUS"])


def test_read_coalition(tmp_path: Path) -> None:
    f = tmp_path / "allies.txt"
    f.write_text("# the axis\nRUS, IRN\nSYR GOV  # Damascus only\n", encoding="utf-8")
    assert read_coalition(f) == ["RUS", "IRN", "SYR GOV"]
    f.write_text("RUS\nIRAN\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"allies.txt:2"):
        read_coalition(f)


def test_inferred_coalition_keeps_cooperative_dyads(store: Store) -> None:
    plans = [DyadPlan("RUS", "SYR", 6, 0.05, rift_week=40), DyadPlan("ISR", "IRN", 6, 0.85)]
    _import(store, plans, 48)
    result = assess(store, None)
    assert result.inferred and result.coalition == ("RUS", "SYR")
    assert [a.dyad for a in result.alerts] == [("RUS", "SYR")]


# Statistics -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "params",
    [
        (2.02, 1.48, 0.5, 15.5),
        (1.02, 0.48, 0.5, 20.5),
        (7.1, 3.4, 8.5, 32.5),
        (3.05, 2.45, 1.5, 14.5),
        (40, 60, 20, 80),
    ],
)
def test_grid_integration_matches_monte_carlo(params: tuple[float, ...]) -> None:
    grid = p_exceeds_grid(np.array([params]), 0.05, 1.0)[0]
    assert grid == pytest.approx(p_exceeds_mc(*params, 0.05, 1.0, draws=200_000), abs=0.006)


@pytest.mark.parametrize(("z", "p"), [(0.0, 0.5), (1.6448536, 0.95), (-1.959964, 0.025), (4.0, 0.9999683)])
def test_norm_cdf(z: float, p: float) -> None:
    assert norm_cdf(np.array([z]))[0] == pytest.approx(p, abs=1e-6)


def test_cusum_holds_through_gaps_and_resets() -> None:
    s = cusum_down(np.array([4.0, np.nan, -2.0, -2.0, 4.0, 4.0]), mu=4.0, sigma=2.0, k=0.5)
    assert s.tolist() == pytest.approx([0.0, 0.0, 2.5, 5.0, 4.5, 4.0])


@pytest.mark.parametrize(
    ("flags", "runs"),
    [([0, 1, 1, 0, 1], [(1, 2), (4, 4)]), ([1, 1, 1], [(0, 2)]), ([0, 0], [])],
)
def test_episodes(flags: list[int], runs: list[tuple[int, int]]) -> None:
    assert episodes(np.array(flags, dtype=bool)) == runs


# Generated GDELT series -----------------------------------------------------------------------


def _import(store: Store, plans: list[DyadPlan], weeks: int, seed: int = 0) -> None:
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "gen.export.CSV"
        path.write_text("\n".join(gdelt_lines(plans, weeks, START, seed)) + "\n", encoding="utf-8")
        import_file(path, "gdelt", store)


@settings(max_examples=15, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(
    rate=st.sampled_from([4.0, 8.0, 20.0]),
    base=st.floats(0.0, 0.15),
    rift=st.floats(0.55, 0.9),
    rift_week=st.integers(30, 44),
    seed=st.integers(0, 10_000),
)
def test_planted_rift_found_quickly_and_stable_dyad_quiet(
    rate: float, base: float, rift: float, rift_week: int, seed: int
) -> None:
    plans = [DyadPlan("RUS", "SYR", rate, base, rift_week, rift), DyadPlan("RUS", "IRN", rate, base)]
    with Store(":memory:") as store:
        _import(store, plans, rift_week + 8, seed)
        alerts = watch(store, ["RUS", "IRN", "SYR"])
    assert not [a for a in alerts if a.dyad == ("IRN", "RUS")], "alert on a stable dyad"
    rift_start = START + dt.timedelta(weeks=rift_week)
    found = [a for a in alerts if a.dyad == ("RUS", "SYR") and a.last >= rift_start]
    assert found, "planted rift not found"
    assert (found[0].detected - rift_start).days <= 4 * 7  # within 4 weeks of its start
    assert not [a for a in alerts if a.dyad == ("RUS", "SYR") and a.last < rift_start]
    # the turn is dated inside the recent window: at most three weeks before detection
    assert rift_start - dt.timedelta(weeks=3) <= found[0].start <= found[0].detected + dt.timedelta(days=6)


def measure(n: int = 300, weeks: int = 70, rift_week: int = 52, seed: int = 11) -> dict[str, float]:
    """Detection delay and false alarms of the default detector on n rifted + n stable series."""
    rng = np.random.default_rng(seed)
    rows_n, rows_c, rows_m, kind = [], [], [], []
    for i in range(2 * n):
        rate = rng.choice([2.0, 5.0, 10.0, 30.0])
        p0 = rng.uniform(0.0, 0.2)
        p = np.full(weeks, p0)
        if i % 2 == 0:
            p[rift_week:] = rng.uniform(0.5, 0.9)
        cnt = rng.poisson(rate, weeks)
        conf = rng.binomial(cnt, p)
        (
            rows_n.append(cnt),
            rows_c.append(conf),
            rows_m.append(rng.binomial(conf, 0.5)),
            kind.append((i % 2 == 0, rate)),
        )
    n_arr, c_arr = np.array(rows_n, float), np.array(rows_c, float)
    grid = Grid(
        [("A", "B")] * (2 * n),
        START,
        "week",
        n_arr,
        c_arr,
        np.array(rows_m, float),
        (n_arr - c_arr) * 4 - c_arr * 6,
    )
    sc = scan(grid, DetectConfig())
    delays, missed, false_series, false_periods, looked = [], 0, 0, 0, 0
    for i, (rifted, _) in enumerate(kind):
        runs = episodes(sc.alert[i])
        quiet_until = rift_week if rifted else weeks
        early = [r for r in runs if r[0] < quiet_until]
        false_series += bool(early)
        false_periods += int(sc.alert[i, :quiet_until].sum())
        looked += quiet_until
        if rifted:
            later = [r for r in runs if r[0] >= rift_week]
            if later:
                delays.append(later[0][0] - rift_week)
            else:
                missed += 1
    return {
        "median_delay": float(np.median(delays)),
        "mean_delay": float(np.mean(delays)),
        "missed": missed / n,
        "false_alarm_series": false_series / (2 * n),
        "false_alarm_periods": false_periods / looked,
    }


def test_detection_delay_and_false_alarm_rate_measured(capsys: pytest.CaptureFixture[str]) -> None:
    m = measure()
    with capsys.disabled():
        print(
            f"\nrift detection on 600 generated weekly series (rate 2-30/week, baseline conflict 0-20%, "
            f"rift to 50-90%): median delay {m['median_delay']:.0f} weeks, mean {m['mean_delay']:.2f}, "
            f"missed {m['missed']:.1%}; false alarms: {m['false_alarm_series']:.1%} of series "
            f"(52-70 quiet weeks each), {m['false_alarm_periods']:.3%} of quiet periods"
        )
    assert m["median_delay"] <= 2
    assert m["missed"] <= 0.05
    assert m["false_alarm_series"] <= 0.08
