"""The founding article: every "must find" row of ../shared/seed/EXPECTED.md, none of the "must not".

The article is read from ../shared/seed/ (the repository does not ship it). Each row names a cue
(a few words locating the sentence), the allowed types, and the actors and place expected.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

import pytest

from conftest import shared_path
from riftwatch.records import Article, CodedArticle, Event

pytestmark = pytest.mark.slow
PUBLISHED = dt.date(2016, 5, 13)
ALEPPO = (36.20, 37.16)


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (*a, *b))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(h))


@pytest.fixture(scope="module")
def coded() -> CodedArticle:
    from riftwatch.ingest import iter_articles

    path = shared_path("seed", "aleppo-falling-out.txt")
    items = list(iter_articles([str(path)], published=PUBLISHED))
    assert len(items) == 1 and isinstance(items[0], Article), items
    from riftwatch.pipeline import Coder

    return next(Coder().code(items))


def _sentence_events(coded: CodedArticle, cue: str) -> list[Event]:
    text = coded.article.text
    at = text.find(cue)
    assert at >= 0, f"cue {cue!r} not in the article"
    return [e for e in coded.events if e.sentence_start <= at < e.sentence_start + len(e.sentence)]


def _has(actors: tuple[Any, ...], want: str) -> bool:
    """``want`` is "CTRY" or "CTRY SECTOR" or "CTRY SEC1|SEC2"; any actor may match."""
    country, _, sectors = want.partition(" ")
    return any(a.country == country and (not sectors or a.sector in sectors.split("|")) for a in actors)


# cue, types, source (all must match), target (any must match; None = not checked), place check
MUST_FIND = [
    ("E1", "demand that Iran send", {"REQUEST"}, ["SYR GOV"], ["IRN"], ("near", ALEPPO)),
    ("E2", "hierarchies oppose the demand", {"REJECT"}, ["IRN GOV|MIL"], ["SYR GOV"], None),
    ("E3", "decided to dispatch", {"AID", "MOBILIZE"}, ["IRN GOV"], None, ("country", "SYR")),
    ("E4", "making a series of visits", {"CONSULT"}, ["IRN MIL"], ["IRN", "LBN"], ("near", ALEPPO)),
    ("E5", "to pull out of the battles", {"RETREAT"}, ["SYR GOV"], None, ("near", ALEPPO)),
    ("E6", "halt Russian air strikes", {"SANCTION", "RETREAT"}, ["RUS"], ["SYR", "IRN"], ("region", "SYR")),
    ("E7", "sparked anger in Moscow", {"ACCUSE"}, ["RUS"], ["SYR", "IRN"], None),
    ("E9", "only assistance they are receiving", {"AID"}, ["LBN"], ["IRN"], None),
    ("E10", "Russian air raids on the rebels", {"ASSAULT"}, ["RUS MIL"], ["SYR REB"], None),
]


@pytest.mark.parametrize("row", MUST_FIND, ids=[r[0] for r in MUST_FIND])
def test_must_find(coded: CodedArticle, row: tuple[Any, ...]) -> None:
    _, cue, types, sources, targets, place = row
    cands = [e for e in _sentence_events(coded, cue) if e.happened and e.event_type in types]
    assert cands, f"no happened {types} event in the sentence of {cue!r}: {[(e.event_type, e.trigger.text, e.factuality) for e in _sentence_events(coded, cue)]}"
    def ok(e: Event) -> bool:
        if not all(_has(e.source, s) for s in sources):
            return False
        if targets and not any(_has(e.target, t) for t in targets):
            return False
        if place is None:
            return True
        if e.place is None:
            return False
        kind, want = place
        if kind == "near":
            return _km((e.place.lat, e.place.lon), want) <= 25
        if kind == "region":
            return e.place.country == want and e.place.precision == "region"
        return e.place.country == want
    good = [e for e in cands if ok(e)]
    assert good, "no candidate has the expected actors/place: " + repr([
        (e.event_type, [(a.country, a.sector) for a in e.source], [(a.country, a.sector) for a in e.target],
         e.place and (e.place.name, e.place.country, e.place.precision)) for e in cands])


def test_e1_e4_details(coded: CodedArticle) -> None:
    visit = [e for e in _sentence_events(coded, "making a series of visits") if e.event_type == "CONSULT"]
    assert any(e.date == dt.date(2016, 5, 5) and e.date_precision == "day" for e in visit)
    assert any(a.person and "Soleimani" in a.person for e in visit for a in e.source)


def test_e2_attribution_anonymous(coded: CodedArticle) -> None:
    rej = [e for e in _sentence_events(coded, "hierarchies oppose the demand") if e.event_type == "REJECT"]
    assert rej and rej[0].attribution is not None and rej[0].attribution.anonymous
    assert "sources" in rej[0].attribution.text


def test_e6_date_and_attribution(coded: CodedArticle) -> None:
    halt = [e for e in _sentence_events(coded, "halt Russian air strikes") if e.event_type in {"SANCTION", "RETREAT"}]
    assert halt
    e = halt[0]
    assert e.date is not None and dt.date(2016, 5, 5) <= e.date <= dt.date(2016, 5, 8)
    assert e.date_precision == "week"
    assert e.attribution is not None and e.attribution.anonymous


def test_e8_casualties(coded: CodedArticle) -> None:
    evs = _sentence_events(coded, "daily average of eight to ten killed")
    qs = [q for e in evs for q in e.quantities]
    killed = [q for q in qs if q.kind == "killed"]
    assert killed and killed[0].low == 8 and killed[0].high == 10 and killed[0].per == "day"
    assert any(q.kind == "wounded" for q in qs)


def test_e10_date(coded: CodedArticle) -> None:
    raids = [e for e in _sentence_events(coded, "Russian air raids on the rebels") if e.event_type == "ASSAULT"]
    assert any(e.date == dt.date(2016, 5, 1) and e.date_precision == "month" for e in raids)


MUST_NOT = [
    ("N1", "has not visited Syrian units"),
    ("N2", "did not send forces"),
    ("N3", "could have cut off Aleppo"),
    ("N4", "will intentionally widen"),
    ("N5", "is not participating"),
    ("N6a", "Try to reach understandings"),
    ("N6b", "Try to find new common ground"),
]


@pytest.mark.parametrize("row", MUST_NOT, ids=[r[0] for r in MUST_NOT])
def test_must_not_happen(coded: CodedArticle, row: tuple[str, str]) -> None:
    _, cue = row
    text = coded.article.text
    at = text.find(cue)
    assert at >= 0
    lo, hi = at, at + len(cue)
    for e in coded.events:
        if lo <= e.trigger.start < hi:
            assert not e.happened, f"{e.event_type} {e.trigger.text!r} reported as happened"


def test_places_resolved(coded: CodedArticle) -> None:
    names = {(p.text, p.country) for p in coded.places}
    for want in [("Aleppo", "SYR"), ("Damascus", "SYR"), ("Latakia", "SYR"), ("Turkey", "TUR"), ("Iraq", "IRQ")]:
        assert want in names, f"{want} not among {sorted(names)}"
    assert any(p.text.startswith("Idlib") and p.precision == "admin" for p in coded.places)
