"""The event coder on sentences written for these tests: types, roles, modes, places, attribution.

Each row: sentence, then the expected (type, source countries, target countries, factuality) of
the event whose trigger is the given word.
"""

from __future__ import annotations

import datetime as dt

import pytest

from riftwatch.records import Article, CodedArticle

pytestmark = pytest.mark.slow
PUBLISHED = dt.date(2024, 3, 15)  # a Friday


@pytest.fixture(scope="module")
def coder():  # type: ignore[no-untyped-def]
    from riftwatch.pipeline import Coder

    return Coder()


def code(coder, text: str) -> CodedArticle:  # type: ignore[no-untyped-def]
    return next(coder.code([Article(id="t", text=text, published=PUBLISHED)]))


def event_at(coded: CodedArticle, word: str):  # type: ignore[no-untyped-def]
    at = coded.article.text.index(word)
    found = [e for e in coded.events if e.trigger.start <= at < e.trigger.end]
    assert found, f"no event on {word!r}: {[(e.event_type, e.trigger.text) for e in coded.events]}"
    return found[0]


ROLES = [
    ("Kenyan troops attacked an al-Shabaab camp near Kismayo on Tuesday.", "attacked", "ASSAULT", {"KEN"}, {"SOM"}, "asserted"),
    ("The Turkish army shelled Kurdish positions in northern Syria.", "shelled", "ASSAULT", {"TUR"}, None, "asserted"),
    ("Egypt hosted Hamas negotiators in Cairo.", "hosted", "CONSULT", {"EGY"}, {"PSE"}, "asserted"),
    ("Japan sent food aid to North Korea last week.", "sent", "AID", {"JPN"}, {"PRK"}, "asserted"),
    ("Ukraine received air defence systems from Germany.", "received", "AID", {"DEU"}, {"UKR"}, "asserted"),
    ("Two Indian soldiers were killed by Pakistani fire in Kashmir.", "killed", "ASSAULT", {"PAK"}, {"IND"}, "asserted"),
    ("Mali expelled the French ambassador on Monday.", "expelled", "SANCTION", {"MLI"}, {"FRA"}, "asserted"),
    ("Venezuela rejected the demand of the United States.", "rejected", "REJECT", {"VEN"}, None, "asserted"),
    ("The Serbian president accused Kosovo of provoking violence.", "accused", "ACCUSE", {"SRB"}, {"XKX"}, "asserted"),
    ("Chinese warships did not enter Taiwanese waters.", "enter", None, None, None, "negated"),
    ("Israel could have struck Iranian nuclear sites.", "struck", "ASSAULT", {"ISR"}, {"IRN"}, "hypothetical"),
    ("Iran threatened to close the Strait of Hormuz.", "threatened", "THREATEN", {"IRN"}, None, "asserted"),
    ("Nigeria will deploy troops to the border with Niger.", "deploy", "THREATEN", {"NGA"}, None, "asserted"),
    ("Qatar promised to send humanitarian aid to Gaza.", "promised", "AGREE", {"QAT"}, None, "asserted"),
    ("Armenia and Azerbaijan signed a peace agreement in Washington.", "signed", "AGREE", {"ARM", "AZE"}, None, "asserted"),
    ("Germany pledged to send military advisers to help Iraq.", "pledged", "AGREE", {"DEU"}, None, "asserted"),
    ("The rebels vowed to attack the capital.", "attack", "THREATEN", None, None, "asserted"),
    ("Egypt mediated between Israel and Hamas in Cairo.", "mediated", "CONSULT", {"EGY"}, {"ISR", "PSE"}, "asserted"),
    # refusals and conditional threats are events that happened
    ("Hungary said it would not accept any migrants from Greece.", "accept", "REJECT", {"HUN"}, None, "asserted"),
    ("Turkey may close the border crossing if the shelling continues.", "close", "THREATEN", {"TUR"}, None, "asserted"),
    # stopping an act inverts it
    ("Norway suspended its mediation between the two factions.", "suspended", "SANCTION", {"NOR"}, None, "asserted"),
    ("The junta lifted the curfew in the capital on Sunday.", "lifted", "CONCEDE", None, None, "asserted"),
    ("The minister said Libya must hand over the suspects to Britain.", "said", "REQUEST", None, {"LBY"}, "asserted"),
    # PLOVER's conversion of CAMEO: offers are intents (AGREE), releases RETREAT, apologies SUPPORT
    ("Chile offered its troops to Peru.", "offered", "AGREE", {"CHL"}, {"PER"}, "asserted"),
    ("Houthi rebels freed two Danish aid workers.", "freed", "RETREAT", {"YEM"}, {"DNK"}, "asserted"),
    ("Germany has apologized to Poland for the incident.", "apologized", "SUPPORT", {"DEU"}, {"POL"}, "asserted"),
    # roles of nouns carried by light verbs and compounds
    ("Kenyan diplomats held their first meeting with Chinese officials.", "held", "CONSULT", {"KEN"}, {"CHN"}, "asserted"),
    ("Sweden undertook a mediation mission between Kenya and Somalia.", "mediation", "CONSULT", {"SWE"}, {"KEN", "SOM"}, "asserted"),
    ("Egypt renewed negotiations with Sudan on water.", "negotiations", "CONSULT", {"EGY"}, {"SDN"}, "asserted"),
    # stopping an act named by a compound, withdrawing peacekeepers, defying a ban, protesting a claim
    ("Norwegian officers ended mediation efforts between the rival militias.", "ended", "SANCTION", {"NOR"}, None, "asserted"),
    ("Italy will withdraw its inspectors from Libya.", "withdraw", "THREATEN", {"ITA"}, {"LBY"}, "asserted"),
    ("A Lagos newspaper violated a ban by the Nigerian army.", "violated", "REJECT", None, None, "asserted"),
    ("The Kenyan police are failing to protect Somali refugees, a Swiss rights group protested.", "protested", "ACCUSE", None, None, "asserted"),
    ("Jailed union leaders kept up their hunger strike for a fourth week.", "strike", "PROTEST", None, None, "asserted"),
    ("The army continued air strikes on the rebels.", "continued", "ASSAULT", None, None, "asserted"),
    ("Hungary threatened to stop the talks if Serbia goes ahead with the new dam.", "threatened", "THREATEN", {"HUN"}, {"SRB"}, "asserted"),
    ("Pakistan rejected a fresh offer from Afghanistan for direct talks.", "rejected", "REJECT", {"PAK"}, {"AFG"}, "asserted"),
    ("Lebanon complained to the United Nations over two Israeli air raids.", "complained", "ACCUSE", {"LBN"}, {"ISR"}, "asserted"),
    # calling on others to act against someone rallies opposition against them (113)
    ("Archbishop Tutu called for sanctions against Zimbabwe.", "called", "ACCUSE", None, {"ZWE"}, "asserted"),
    ("The Kurds demanded foreign troops to protect them against Iraq.", "demanded", "REQUEST", None, None, "asserted"),
    ("Hamas threatened to resume attacks in Israel.", "threatened", "THREATEN", {"PSE"}, {"ISR"}, "asserted"),
    ("Washington began a gradual withdrawal of its marines from Haiti last week.", "withdrawal", "RETREAT", {"USA"}, {"HTI"}, "asserted"),
    ("Bolivia threatened to break off relations with Chile over their ties with Israel.", "threatened", "THREATEN", {"BOL"}, {"CHL"}, "asserted"),
    # an actor of no stated country acting where the event happens is from there
    ("Rebels imposed a curfew in the town of Gao in Mali.", "imposed", "COERCE", {"MLI"}, None, "asserted"),
    # unnamed attackers are coded by where they struck; passive withdrawals act on their own
    ("A roadside bombing near the town of Kandahar on Sunday killed one British soldier.", "killed", "ASSAULT", {"AFG"}, {"GBR"}, "asserted"),
    ("Two Kenyan soldiers were killed in Somalia.", "killed", "ASSAULT", None, {"KEN"}, "asserted"),
    ("One third of the Kenyan reservists have been demobilized since the accord.", "demobilized", "RETREAT", {"KEN"}, None, "asserted"),
    ("Pakistan has refused to deploy troops in Iraq.", "refused", "REJECT", {"PAK"}, {"IRQ"}, "asserted"),
    # an apposition that names a relation is no second actor
    ("Egypt, a close ally of Saudi Arabia, condemned the attack.", "condemned", "ACCUSE", {"EGY"}, None, "asserted"),
    # who claims an act did it
    ("Al-Shabaab claimed responsibility for the attack on a Kenyan army base.", "attack", "ASSAULT", {"SOM"}, {"KEN"}, "asserted"),
    # who orders an act does it
    ("Peruvian officials ordered a curfew across the mining district of Puno.", "ordered", "COERCE", {"PER"}, None, "asserted"),
    ("The president ordered the army to withdraw.", "ordered", "REQUEST", None, None, "asserted"),
    # an ethnic group is coded by the country it lives in
    ("About 300 ethnic Hungarians demonstrated in Romania on Sunday.", "demonstrated", "PROTEST", {"ROU"}, {"ROU"}, "asserted"),
    # domestic acts: a protest is against the government where it happens, a state's curfew on its people
    ("Thousands of Kenyan students demonstrated in Nairobi on Sunday.", "demonstrated", "PROTEST", {"KEN"}, {"KEN"}, "asserted"),
    ("Peruvian officials imposed a curfew in the mining town of Juliaca.", "imposed", "COERCE", {"PER"}, {"PER"}, "asserted"),
]


@pytest.mark.parametrize(("sentence", "word", "etype", "sources", "targets", "status"), ROLES, ids=[r[1] + ":" + r[0][:30] for r in ROLES])
def test_roles_types_modes(coder, sentence, word, etype, sources, targets, status) -> None:  # type: ignore[no-untyped-def]
    coded = code(coder, sentence)
    if etype is None:
        at = sentence.index(word)
        assert all(not e.happened for e in coded.events if e.trigger.start <= at < e.trigger.end)
        return
    e = event_at(coded, word)
    assert e.event_type == etype
    assert e.factuality == status
    if sources is not None:
        assert {a.country for a in e.source} == sources
    if targets is not None:
        assert targets <= {a.country for a in e.target}


def test_pronouns_follow_the_speaker_and_the_last_subject(coder) -> None:  # type: ignore[no-untyped-def]
    coded = code(coder, "Norway said it had expelled two Russian diplomats. "
                        "Sergei Lavrov met Antony Blinken in Geneva. He said Moscow would respond.")  # fmt: skip
    e = event_at(coded, "expelled")
    assert [a.country for a in e.source] == ["NOR"] and [a.country for a in e.target] == ["RUS"]
    said = [a for a in coded.actors if a.text == "He"]
    assert said and said[0].person == "Sergei Lavrov"


def test_attribution_named_and_anonymous(coder) -> None:  # type: ignore[no-untyped-def]
    coded = code(coder, "Diplomatic sources said Saudi Arabia had suspended talks with Israel. "
                        "According to the Kremlin, Russian jets bombed rebel positions.")  # fmt: skip
    talks = event_at(coded, "suspended")
    assert talks.attribution is not None and talks.attribution.anonymous
    bombed = event_at(coded, "bombed")
    assert bombed.attribution is not None and not bombed.attribution.anonymous
    assert bombed.attribution.actor is not None and bombed.attribution.actor.country == "RUS"


def test_place_date_and_quantities(coder) -> None:  # type: ignore[no-untyped-def]
    coded = code(coder, "Russian missiles struck Kharkiv on Wednesday, killing at least 12 civilians and wounding 40.")
    e = event_at(coded, "struck")
    assert e.place is not None and e.place.country == "UKR" and e.place.name == "Kharkiv"
    assert e.date == dt.date(2024, 3, 13) and e.date_precision == "day"
    kinds = {q.kind: q for q in e.quantities}
    assert kinds["killed"].low == 12 and kinds["wounded"].low == 40


def test_evidence_spans_point_into_the_text(coder) -> None:  # type: ignore[no-untyped-def]
    text = "Tensions rose. Turkish jets bombed PKK bases in northern Iraq, the ministry said."
    coded = code(coder, text)
    for e in coded.events:
        assert text[e.trigger.start : e.trigger.end] == e.trigger.text
        for a in (*e.source, *e.target):
            assert text[a.start : a.end] == a.text
        if e.place:
            assert text[e.place.start : e.place.end] == e.place.text
        assert text[e.sentence_start : e.sentence_start + len(e.sentence)] == e.sentence
    ids = [e.event_id for e in coded.events]
    assert ids == [e.event_id for e in code(coder, text).events]  # deterministic


def test_reported_criticism(coder) -> None:  # type: ignore[no-untyped-def]
    coded = code(coder, "The Egyptian foreign minister said Ethiopia had ignored the agreement on the dam.")
    acc = [e for e in coded.events if e.event_type == "ACCUSE"]
    assert acc and {a.country for a in acc[0].source} == {"EGY"} and {a.country for a in acc[0].target} == {"ETH"}


@pytest.mark.parametrize(
    "sentence",
    [
        "Jailed union leaders kept up their hunger strike for a fourth week to press for the release of colleagues held in Kenya.",
        "Prisoners rioted at a jail in Nairobi on Monday, demanding a new trial.",
    ],
)
def test_a_protest_outranks_the_demand_it_makes(coder, sentence: str) -> None:  # type: ignore[no-untyped-def]
    from riftwatch.evaluate.events import main_event

    main = main_event(code(coder, sentence).events)
    assert main is not None and main.event_type == "PROTEST"


def test_declining_to_comment_is_no_event(coder) -> None:  # type: ignore[no-untyped-def]
    assert code(coder, "NATO on Monday declined to comment on reports of Serbian losses.").events == ()
    assert [e.event_type for e in code(coder, "Iran refused to allow inspectors into the site.").events] == ["REJECT"]


def test_rebels_curfew_gets_no_guessed_domestic_target(coder) -> None:  # type: ignore[no-untyped-def]
    coded = code(coder, "Rebels imposed a curfew in the town.")
    assert [e.target for e in coded.events if e.event_type == "COERCE"] == [()]


def test_an_actor_acting_on_its_own_country_has_no_target(coder) -> None:  # type: ignore[no-untyped-def]
    coded = code(coder, "President Emmanuel Macron promised to reform France.")
    assert coded.events
    for e in coded.events:
        assert all(a.country != "FRA" or a.sector for a in e.target), e
