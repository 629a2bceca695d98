"""Mutual acts (meetings, talks, agreements): each party is the other's target."""

from __future__ import annotations

import datetime as dt

import pytest

from riftwatch.events.conventions import mutual_parties
from riftwatch.records import Actor, Article, Event, Span

PER = Actor("Peru", 0, 4, "Peru", "PER")
CHL = Actor("Chile", 9, 14, "Chile", "CHL")
LIMA = Actor("Lima", 30, 34, "Peru", "PER")


def _ev(etype: str, src: tuple[Actor, ...], tgt: tuple[Actor, ...]) -> Event:
    return Event("e", "a", 0, "", 0, Span("met", 15, 18), etype, "04", 1, 1.0, source=src, target=tgt,
                 roles_how=(("source", "subject"), ("target", "prep")))  # fmt: skip


def test_every_party_of_a_mutual_act_is_source_and_target() -> None:
    (e,) = mutual_parties([_ev("CONSULT", (PER,), (CHL,))], frozenset({"CONSULT"}))
    assert e.source == e.target == (PER, CHL)
    assert dict(e.roles_how) == {"source": "mutual", "target": "mutual"}


def test_one_country_or_a_directed_type_stays_as_it_is() -> None:
    one = _ev("CONSULT", (PER,), (LIMA,))  # two mentions, one country
    directed = _ev("ACCUSE", (PER,), (CHL,))
    assert mutual_parties([one, directed], frozenset({"CONSULT"})) == [one, directed]


@pytest.mark.slow
def test_the_coder_gives_both_parties_of_talks_both_roles() -> None:
    from riftwatch.pipeline import Coder

    text = "Peru's foreign minister held talks with Chile's foreign minister in Lima on Monday."
    (coded,) = Coder().code([Article(id="m", text=text, published=dt.date(2024, 5, 6))])
    talks = [e for e in coded.events if e.event_type == "CONSULT"]
    assert talks, [(e.trigger.text, e.event_type) for e in coded.events]
    assert {a.country for a in talks[0].source} == {a.country for a in talks[0].target} == {"PER", "CHL"}
