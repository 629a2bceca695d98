"""Dyad series: undirected/directed, self-dyads, factuality, compound actors, sectors, dedup."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterator, Sequence

import pytest

from riftwatch.errors import InputError
from riftwatch.events.ontology import ontology
from riftwatch.records import Actor, Event, Factuality, Place, Span
from riftwatch.relations import periods
from riftwatch.relations.dyads import DyadConfig, dyad_series, parse_codes
from riftwatch.store.duck import Store

DAY = dt.date(2021, 3, 3)  # a Wednesday


def actor(code: str) -> Actor:
    country, _, sector = code.partition(" ")
    return Actor(code, 0, len(code), code, country, sector)


def ev(
    eid: str,
    etype: str,
    src: Sequence[str],
    tgt: Sequence[str],
    day: dt.date = DAY,
    *,
    article: str = "a1",
    root: str = "",
    factuality: Factuality = "asserted",
    confidence: float = 1.0,
    place: str = "SYR",
) -> Event:
    c = ontology().coding(etype, root)
    return Event(
        event_id=eid, article_id=article, sentence_index=0, sentence=f"Sentence of {eid}.",
        sentence_start=0, trigger=Span(eid, 12, 12 + len(eid)), event_type=c.event_type,
        cameo_root=c.cameo_root, quad_class=c.quad_class, goldstein=c.goldstein,
        factuality=factuality, source=tuple(actor(s) for s in src), target=tuple(actor(t) for t in tgt),
        place=Place(place, 0, 0, place, None, 35.0, 38.0, place, "", "country"),
        date=day, date_precision="day", confidence=confidence,
    )  # fmt: skip


@pytest.fixture
def store() -> Iterator[Store]:
    with Store(":memory:") as st:
        yield st


def series(
    store: Store, events: list[Event], actors: list[str] | None = None, **cfg: object
) -> dict[tuple[str, str], list]:  # type: ignore[type-arg]
    store.write_events(events, "riftwatch")
    out: dict[tuple[str, str], list] = {}  # type: ignore[type-arg]
    for p in dyad_series(store, actors, DyadConfig(**cfg)):  # type: ignore[arg-type]
        out.setdefault((p.a, p.b), []).append(p)
    return out


@pytest.mark.parametrize(
    ("codes", "expected"),
    [
        (["rus", "IRN GOV"], ["RUS", "IRN GOV"]),
        (["RUS", "RUS"], ["RUS"]),
        ([" syr  mil "], ["SYR MIL"]),
    ],
)
def test_parse_codes(codes: list[str], expected: list[str]) -> None:
    assert [m.code for m in parse_codes(codes)] == expected


@pytest.mark.parametrize("bad", ["RU", "RUSSIA", "RUS GOV MIL", "R1S", ""])
def test_parse_codes_rejects(bad: str) -> None:
    with pytest.raises(InputError, match="actor code"):
        parse_codes([bad])


def test_undirected_merges_both_directions_and_directed_keeps_them(store: Store) -> None:
    events = [
        ev("e1", "CONSULT", ["RUS GOV"], ["IRN GOV"]),
        ev("e2", "ACCUSE", ["IRN GOV"], ["RUS GOV"], article="a2"),
    ]
    undirected = series(store, events)
    (p,) = undirected[("IRN", "RUS")]
    assert (p.events, p.quad) == (2, (1, 0, 1, 0))
    assert p.goldstein_sum == pytest.approx(1.0 - 2.0)
    assert p.types == {"CONSULT": 1, "ACCUSE": 1}
    directed = {(q.a, q.b): q.events for q in dyad_series(store, None, DyadConfig(directed=True))}
    assert directed == {("RUS", "IRN"): 1, ("IRN", "RUS"): 1}


@pytest.mark.parametrize(
    ("factuality", "happened_only", "counted"),
    [("asserted", True, 1), ("negated", True, 0), ("hypothetical", True, 0), ("future", False, 1)],
)
def test_only_events_that_happened_count(
    store: Store, factuality: Factuality, happened_only: bool, counted: int
) -> None:
    got = series(
        store,
        [ev("e1", "ASSAULT", ["RUS MIL"], ["IRN MIL"], factuality=factuality)],
        happened_only=happened_only,
    )
    assert sum(p.events for ps in got.values() for p in ps) == counted


def test_compound_actors_count_each_pair_once(store: Store) -> None:
    # RUS GOV and RUS MIL both map to RUS: one RUS-SYR pair and one RUS-IRN pair
    got = series(store, [ev("e1", "ACCUSE", ["RUS GOV", "RUS MIL"], ["SYR GOV", "IRN GOV"])])
    assert {k: v[0].events for k, v in got.items()} == {("IRN", "RUS"): 1, ("RUS", "SYR"): 1}


@pytest.mark.parametrize(
    ("src", "tgt", "include_self", "expected"),
    [
        ("SYR MIL", "SYR REB", False, {}),  # rebels are not the Syrian state, and SYR-SYR is a self-dyad
        ("SYR MIL", "SYR GOV", True, {("SYR", "SYR"): 1}),
        ("RUS MIL", "SYR REB", False, {}),  # Russian strikes on Syrian rebels: not a Russia-Syria conflict
        ("RUS MIL", "SYR MIL", False, {("RUS", "SYR"): 1}),
    ],
)
def test_state_sectors_and_self_dyads(
    store: Store, src: str, tgt: str, include_self: bool, expected: dict
) -> None:  # type: ignore[type-arg]
    got = series(store, [ev("e1", "ASSAULT", [src], [tgt])], include_self=include_self)
    assert {k: v[0].events for k, v in got.items()} == expected


def test_explicit_sector_code_reaches_non_state_actors(store: Store) -> None:
    got = series(store, [ev("e1", "ASSAULT", ["RUS MIL"], ["SYR REB"])], actors=["RUS", "SYR REB"])
    assert {k: v[0].events for k, v in got.items()} == {("RUS", "SYR REB"): 1}


@pytest.mark.parametrize(
    ("events", "expected"),
    [
        # the same strike reported by three articles within two days: one event
        ([("e1", "a1", 0), ("e2", "a2", 1), ("e3", "a3", 2)], 1),
        # one article naming two strikes the same day, another repeating them: two events
        ([("e1", "a1", 0), ("e2", "a1", 0), ("e3", "a2", 1), ("e4", "a2", 1)], 2),
        # reports ten days apart are different strikes
        ([("e1", "a1", 0), ("e2", "a2", 10)], 2),
    ],
)
def test_cross_article_dedup(store: Store, events: list[tuple[str, str, int]], expected: int) -> None:
    evs = [
        ev(e, "ASSAULT", ["RUS MIL"], ["TUR MIL"], DAY + dt.timedelta(days=d), article=a)
        for e, a, d in events
    ]
    got = series(store, evs, period="month")
    assert sum(p.events for p in got[("RUS", "TUR")]) == expected


def test_dedup_off_counts_every_report(store: Store) -> None:
    evs = [ev(f"e{i}", "ASSAULT", ["RUS MIL"], ["TUR MIL"], article=f"a{i}") for i in range(3)]
    assert series(store, evs, dedup_days=None)[("RUS", "TUR")][0].events == 3


def test_confidence_weighting_and_periods(store: Store) -> None:
    evs = [
        ev("e1", "AID", ["RUS GOV"], ["SYR GOV"], dt.date(2021, 3, 1), confidence=0.5),
        ev("e2", "ASSAULT", ["RUS MIL"], ["SYR MIL"], dt.date(2021, 3, 20), article="a2", confidence=1.0),
    ]
    by_month = series(store, evs, period="month")[("RUS", "SYR")]
    assert [p.period for p in by_month] == [dt.date(2021, 3, 1)]
    (p,) = by_month
    assert p.weight == pytest.approx(1.5)
    assert p.quad_w == pytest.approx((0.0, 0.5, 0.0, 1.0))
    assert p.goldstein_mean == pytest.approx((7.0 - 9.0) / 2)
    assert p.goldstein_wmean == pytest.approx((0.5 * 7.0 - 9.0) / 1.5)
    weeks = [q.period for q in dyad_series(store, None, DyadConfig(period="week"))]
    assert weeks == [dt.date(2021, 3, 1), dt.date(2021, 3, 15)]


@pytest.mark.parametrize(
    ("period", "day", "start"),
    [
        ("week", dt.date(2021, 3, 7), dt.date(2021, 3, 1)),
        ("month", dt.date(2021, 2, 28), dt.date(2021, 2, 1)),
    ],
)
def test_periods_roundtrip(period: str, day: dt.date, start: dt.date) -> None:
    first = dt.date(2020, 12, 1) if period == "month" else dt.date(2020, 12, 28)
    assert periods.truncate(day, period) == start  # type: ignore[arg-type]
    i = periods.index(first, day, period)  # type: ignore[arg-type]
    assert periods.start(first, i, period) == start  # type: ignore[arg-type]
    assert periods.end(first, i, period) >= day  # type: ignore[arg-type]


def test_bad_config_is_an_input_error() -> None:
    with pytest.raises(InputError, match="period"):
        DyadConfig(period="year")  # type: ignore[arg-type]


def test_an_unattributed_attacker_forms_no_dyad(store: Store) -> None:
    """A source read off the place ("a bombing near Kandahar killed ...") is no party to a relation."""
    from dataclasses import replace

    named = ev("e1", "ASSAULT", ["AFG"], ["GBR"])
    unnamed = replace(ev("e2", "ASSAULT", ["AFG"], ["GBR"], article="a2"),
                      source=(replace(actor("AFG"), entry_id="unattributed"),))  # fmt: skip
    got = series(store, [named, unnamed])
    assert sum(p.events for p in got[("AFG", "GBR")]) == 1


@pytest.mark.parametrize(
    ("days", "cfg", "expected"),
    [
        # events in weeks 0 and 3: weeks 1 and 2 appear with zeros
        ([0, 21], {}, [1, 0, 0, 1]),
        # --since/--until widen the range on both sides
        ([7], {"since": DAY - dt.timedelta(days=7), "until": DAY + dt.timedelta(days=20)}, [0, 0, 1, 0, 0]),
        ([0, 40], {"period": "month"}, [1, 1]),
    ],
)
def test_zero_filled_periods(store: Store, days: list[int], cfg: dict, expected: list[int]) -> None:  # type: ignore[type-arg]
    evs = [ev(f"e{d}", "CONSULT", ["RUS GOV"], ["SYR GOV"], DAY + dt.timedelta(days=d), article=f"a{d}") for d in days]
    got = series(store, evs, zeros=True, **cfg)
    rows = got[("RUS", "SYR")]
    assert [p.events for p in rows] == expected
    step = {"week": 7}.get(str(cfg.get("period", "week")))
    if step:
        assert all((b.period - a.period).days == step for a, b in itertools.pairwise(rows))


def test_coalition_of_sectors_of_one_country(store: Store) -> None:
    # "SYR GOV,SYR REB": the government and the rebels of one country are two actors
    evs = [
        ev("e1", "ASSAULT", ["SYR MIL"], ["SYR REB"]),
        ev("e2", "ASSAULT", ["RUS MIL"], ["SYR REB"]),
        ev("e3", "CONSULT", ["SYR GOV"], ["SYR REB"]),
    ]
    got = series(store, evs, actors=["SYR GOV", "SYR REB", "RUS"])
    assert {k: v[0].events for k, v in got.items()} == {("SYR GOV", "SYR REB"): 1, ("RUS", "SYR REB"): 1}
