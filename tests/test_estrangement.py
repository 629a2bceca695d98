"""Stopping what one did for a partner reduces relations with it (``events.estrangement``).

Each row is a sentence written here, or quoted from the public-domain VOA pool or the founding
article (``../shared/``, marked), with the type and target countries of the stop's event. The
mechanism has three readings (whom the stopped act was for, the grievance that caused the stop,
the organisation left) and must leave de-escalations towards an enemy and concessions to pressure
alone.
"""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import shared_path
from riftwatch.events.draft import Draft, SentenceContext
from riftwatch.events.estrangement import withdrawn_support
from riftwatch.events.ontology import ontology
from riftwatch.events.passes import FIND, PASSES, run_passes
from riftwatch.records import Article, Event

pytestmark = pytest.mark.slow
PUBLISHED = dt.date(2024, 3, 15)


@pytest.fixture(scope="module")
def coder():  # type: ignore[no-untyped-def]
    from riftwatch.pipeline import Coder

    return Coder()


def coded(coder, text: str) -> list[Event]:  # type: ignore[no-untyped-def]
    return next(coder.code([Article(id="t", text=text, published=PUBLISHED)])).events


def stop_event(coder, text: str, word: str) -> Event:  # type: ignore[no-untyped-def]
    events = [e for e in coded(coder, text) if e.trigger.text == word]
    assert events, f"no event on {word!r}: {[(e.trigger.text, e.event_type) for e in coded(coder, text)]}"
    return events[0]


def countries(event: Event) -> set[str]:
    return {a.country for a in event.target}


# Whom the stopped act was done for: "in support of X", "on behalf of X".
FOR_A_PARTNER = [
    ("Russia stopped its air strikes in support of the Syrian army's offensive on Aleppo.", "stopped", {"SYR"}),
    ("France halted its military operations in support of the Malian army in June.", "halted", {"MLI"}),
    ("The United States stopped its air strikes on behalf of the Iraqi government after the election.", "stopped",
     {"IRQ"}),
]  # fmt: skip
# A grievance against a party caused the stop: anger, a dispute, a protest at its refusal, an accusation.
IN_ANGER = [
    ("Angered by the Syrian army's inaction, Russia halted its air strikes.", "halted", {"SYR"}),
    ("Iran suspended its participation in the offensive in protest at Syria's refusal to commit troops.",
     "suspended", {"SYR"}),
    ("Kenya suspended its participation in the mission after Somalia accused it of meddling.", "suspended", {"SOM"}),
    ("The dispute with Baghdad prompted Ankara to halt its operations in the north.", "halt", {"IRQ"}),
    ("Syria's refusal to send troops led Iran to suspend its air strikes around the city.", "suspend", {"SYR"}),
]  # fmt: skip
# Leaving an organisation one belongs to (the VOA pool's first row: SANCTION against ECOWAS in its gold).
LEAVING_A_BODY = [
    (("In late January, Burkina Faso, Mali and Niger withdrew from ECOWAS and created a confederation known as "
      "the Alliance of Sahel States, after a yearlong dispute with the bloc."), "withdrew", {"IGO"}),
    ("Niger pulled out of the African Union last year.", "pulled", {"IGO"}),
    ("Hungary withdrew from the International Criminal Court in June.", "withdrew", {"IGO"}),
]  # fmt: skip


@pytest.mark.parametrize(("text", "word", "target"), FOR_A_PARTNER + IN_ANGER + LEAVING_A_BODY)
def test_a_stop_aimed_at_a_partner_reduces_relations(coder, text: str, word: str, target: set[str]) -> None:  # type: ignore[no-untyped-def]
    e = stop_event(coder, text, word)
    assert (e.event_type, e.cameo_root, e.quad_class) == ("SANCTION", "16", 4)
    assert e.goldstein < 0
    assert countries(e) == target and dict(e.roles_how)["target"] == "estranged"
    assert not {a.country for a in e.source} & target


@pytest.mark.parametrize(
    ("text", "word", "etype", "target"),
    [
        # towards the enemy the strikes hit: a de-escalation
        ("Egypt ended its air raids on the militants in Libya.", "ended", "RETREAT", {"LBY"}),
        ("Turkey halted its air strikes on Kurdish militants in Syria after the ceasefire agreement.", "halted",
         "RETREAT", {"SYR"}),
        # yielding to pressure is no punishment of whoever pressed
        ("Israel suspended its air strikes in Gaza under pressure from Washington.", "suspended", "RETREAT", None),
        ("Ethiopia halted its offensive in Tigray after criticism from Washington.", "halted", "RETREAT", None),
        ("The army stopped its shelling of the town after protests by residents.", "stopped", "RETREAT", None),
        # the enemy's conduct that ends the strikes on it is no partner's
        ("Turkey halted its air strikes on the Kurdish militants after the militants' refusal to disarm.", "halted",
         "RETREAT", None),
        # leaving a place, not a body
        ("Russian troops withdrew from the town of Kherson.", "withdrew", "RETREAT", {"UKR"}),
        # the parse already names whom the reduction is aimed at; the reason does not replace it
        ("Sweden suspended talks with Finland over the dispute.", "suspended", "SANCTION", {"FIN"}),
        # VOA pool: Mogadishu's cut of ties with Kenya "for allegedly meddling" stays aimed at Kenya
        (("In December, Mogadishu announced it was cutting ties with Kenya for allegedly meddling in its internal "
          "political affairs."), "cutting", "SANCTION", {"KEN"}),
    ],
)  # fmt: skip
def test_other_stops_keep_their_coding(
    coder, text: str, word: str, etype: str, target: set[str] | None
) -> None:  # type: ignore[no-untyped-def]
    e = stop_event(coder, text, word)
    assert e.event_type == etype
    assert dict(e.roles_how).get("target") != "estranged"
    if target is not None:
        assert countries(e) == target


@pytest.mark.parametrize(
    "text",
    [
        "Russia stopped its air strikes in support of the Syrian army's offensive on Aleppo.",
        "Britain halted its naval patrols in support of the Omani coast guard.",
    ],
)
def test_the_support_a_stop_takes_back_is_no_support(coder, text: str) -> None:  # type: ignore[no-untyped-def]
    events = coded(coder, text)
    assert [e.event_type for e in events if e.trigger.text in {"stopped", "halted"}] == ["SANCTION"]
    assert not [e for e in events if e.trigger.text == "support"]


def test_the_pass_alone(coder) -> None:  # type: ignore[no-untyped-def]
    """Before the pass the halt is a de-escalation towards the place's country; the pass re-codes it
    by the ontology's ``withdrawn_support`` and aims it at the party whose inaction angered Russia."""
    (ctx,) = coder.sentence_contexts(Article(id="t", text="Angered by the Syrian army's inaction, Russia halted its air strikes.",
                                             published=PUBLISHED))  # fmt: skip
    d = _until(ctx, "halted")
    assert d.type == "RETREAT"
    withdrawn_support(d, ctx)
    rule = ontology().recodings["withdrawn_support"]
    assert (d.type, d.entry.cameo) == (rule["type"], rule["cameo_root"])
    assert {a.country for a in d.target} == {"SYR"} and d.how["target"] == "estranged"
    assert PASSES.index(withdrawn_support) < [p.__name__ for p in PASSES].index("read_factuality")


def _until(ctx: SentenceContext, word: str) -> Draft:
    tok = next(t for t in ctx.toks if t.text == word)
    entry = None
    for step in FIND:
        entry = step(tok, entry, ctx)
    assert entry is not None
    return run_passes(Draft(tok, entry), ctx, PASSES[: PASSES.index(withdrawn_support)])


def test_founding_article_halt_of_air_strikes(coder) -> None:  # type: ignore[no-untyped-def]
    """The founding article, coded whole: Moscow's anger at Syrian and Iranian manoeuvres "resulted in
    the decision to halt Russian air strikes": a reduction of relations with Syria and Iran, not a
    de-escalation (EXPECTED.md, E6: SANCTION or RETREAT by RUS against SYR and/or IRN)."""
    from riftwatch.ingest import iter_articles

    path = shared_path("seed", "aleppo-falling-out.txt")
    (article,) = iter_articles([str(path)], published=dt.date(2016, 5, 13))
    assert isinstance(article, Article)
    events = next(coder.code([article])).events
    (halt,) = [e for e in events if e.trigger.text == "halt"]
    assert (halt.event_type, halt.quad_class, halt.factuality) == ("SANCTION", 4, "asserted")
    assert {a.country for a in halt.source} == {"RUS"} and countries(halt) == {"SYR", "IRN"}
    # the accusations of the same paragraph stay; the halt no longer counts as cooperation in RUS-SYR
    assert not [e for e in events if e.quad_class <= 2 and {a.country for a in e.source} == {"RUS"}]
