"""Single passes of the event coder (``events.passes``), each run alone on a sentence written here.

A row: sentence, trigger word, the pass, then what the draft holds after it. The passes before the
one under test run first, so each test shows what that one pass adds.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from riftwatch.events.draft import Draft, SentenceContext
from riftwatch.events.passes import (
    FIND,
    PASSES,
    armed_riot,
    assign_roles,
    commitment,
    complement_subject,
    domestic_target,
    joint_parties,
    phrase_target,
    place_country_target,
    proposal_author,
    refusal,
    run_passes,
    threat_condition,
)
from riftwatch.records import Article

pytestmark = pytest.mark.slow
PUBLISHED = dt.date(2024, 3, 15)


@pytest.fixture(scope="module")
def coder():  # type: ignore[no-untyped-def]
    from riftwatch.pipeline import Coder

    return Coder()


def context(coder, text: str) -> SentenceContext:  # type: ignore[no-untyped-def]
    (ctx,) = coder.sentence_contexts(Article(id="t", text=text, published=PUBLISHED))
    return ctx


def draft(ctx: SentenceContext, word: str) -> Draft:
    """The draft of the trigger ``word`` after the FIND steps, no pass run yet."""
    tok = next(t for t in ctx.toks if t.text == word)
    entry = None
    for step in FIND:
        entry = step(tok, entry, ctx)
    assert entry is not None, f"{word!r} is no trigger"
    return Draft(tok, entry)


def until(ctx: SentenceContext, word: str, stop: Callable[[Draft, SentenceContext], None]) -> Draft:
    """The draft after every pass before ``stop``."""
    return run_passes(draft(ctx, word), ctx, PASSES[: PASSES.index(stop)])


def countries(actors) -> set[str]:  # type: ignore[no-untyped-def]
    return {a.country for a in actors}


def test_pass_list_is_ordered_and_named() -> None:
    names = [p.__name__ for p in PASSES]
    assert names[0] == "assign_roles" and names[-1] == "drop_self_targets"
    assert names.index("event_place") < names.index("domestic_target") < names.index("read_factuality")
    assert len(set(names)) == len(names)


@pytest.mark.parametrize(
    ("text", "word", "source", "how_s", "target", "how_t"),
    [
        ("Brazil criticised Argentina on Monday.", "criticised", {"BRA"}, "subject", {"ARG"}, "object"),
        ("Norway was condemned by Sweden after the vote.", "condemned", {"SWE"}, "agent", {"NOR"}, "passive-subject"),
        ("Chile sent envoys to Peru for the summit.", "sent", {"CHL"}, "subject", {"PER"}, "prep"),
        # "some of whom": part of the antecedent does it
        ("Chilean police fired at Peruvian miners, some of whom threw stones at the police.", "threw", {"PER"},
         "relative", {"CHL"}, "prep"),
        # the target phrase on the last of the objects joined
        ("Chilean police fired tear gas, rubber bullets, and stun grenades at Peruvian miners.", "fired", {"CHL"}, "subject",
         {"PER"}, "object-prep"),
        # object control: "prompted X to retaliate" is X's retaliation
        ("The tariffs prompted Peru and Bolivia to retaliate against Chile.", "retaliate", {"PER", "BOL"},
         "control-object", {"CHL"}, "prep"),
        # a passive subject does what its verb's complement says, not who reports it
        ("The Chilean president is expected to meet Peru's president in Lima, officials said.", "meet", {"CHL"},
         "control-passive", {"PER"}, "object"),
        # "stand accused": the subject is accused, by the "by" phrase if any
        ("Two Chilean officers stand accused of the killing.", "accused", set(), "", {"CHL"}, "passive-subject"),
        # a participle after the main clause with no subject of its own: the main clause's subject undergoes it
        ("A senior Chilean commander is dead, killed by Peruvian troops near the border.", "killed", {"PER"}, "agent",
         {"CHL"}, "passive-subject"),
        ("The Chilean rebels flee into Peru when attacked by Bolivian forces.", "attacked", {"BOL"}, "agent", {"CHL"},
         "passive-subject"),
        # a passive joined to a verb with a subject shares it as its patient
        ("Chile offered talks to Peru but was rebuffed.", "rebuffed", set(), "", {"CHL"}, "passive-subject"),
        # a participle on the object: who issued a statement says what it does; people named as
        # the object do what their participle says themselves
        ("The Chilean miners' union released a statement on Monday urging Peru to reopen the border.", "urging",
         {"CHL"}, "subject", {"PER"}, "object"),
        ("Chilean officials criticized the groups bringing the lawsuits against Peru.", "bringing", set(), "", {"PER"},
         "object-charge"),
        # an active verb joined to a passive shares its subject, not its agent
        ("The Chilean minister was angered by the vote and urged Peru to hold a new one.", "urged", {"CHL"}, "subject",
         {"PER"}, "object"),
        # who is in the act noun an entry names is what the act is about, not who does it
        ("The plan drew sharp criticism of Israel from Arab states.", "drew", set(), "", {"ISR"}, "object"),
        # a thing reported on does not speak: the reporter calls, urges, condemns
        ("Chile said Peru had no right to close the border and urged Lima to reopen it.", "urged", {"CHL"}, "subject",
         {"PER"}, "object"),
        ("Chile said Peru's blockade was illegal and urged Lima to lift it.", "urged", {"CHL"}, "subject", {"PER"},
         "object"),
        # a relation named with its members: the members act, the country they are related to does not
        ("Bolivia's neighbours Peru and Chile, both members of the pact, condemned the vote.", "condemned",
         {"PER", "CHL"}, "subject", set(), ""),
        ("Norway's close ally, Denmark, criticised Sweden.", "criticised", {"DNK"}, "subject", {"SWE"}, "object"),
        # members named with "including", "such as" are of the group that acts; unnamed ones take its country
        ("Andean countries, including Peru and Bolivia, criticised Chile.", "criticised", {"PER", "BOL"}, "subject",
         {"CHL"}, "object"),
        ("Chilean police detained ten Peruvian miners, including two women.", "detained", {"CHL"}, "subject", {"PER"},
         "object"),
        # a participle joined to a passive verb is passive too: its "by" phrase acts, the shared subject is done to
        ("Two Chilean activists were detained and deported by Peruvian police.", "deported", {"PER"}, "agent",
         {"CHL"}, "passive-subject"),
        # who puts a measure in place takes it: the owner of "imposition", "extension"
        ("Exporters struggled after Chile's imposition of tariffs on Peruvian copper.", "tariffs", {"CHL"}, "owner",
         {"PER"}, "prep"),
        ("Farmers feared Bolivia's extension of the ban on Chilean fruit.", "ban", {"BOL"}, "owner", {"CHL"}, "prep"),
    ],
)
def test_assign_roles(coder, text: str, word: str, source: set[str], how_s: str, target: set[str], how_t: str) -> None:  # type: ignore[no-untyped-def]
    ctx = context(coder, text)
    d = draft(ctx, word)
    assign_roles(d, ctx)
    assert (countries(d.source), d.how["source"]) == (source, how_s)
    if how_t == "prep":  # the object is what is sent; the theme pass moves the target to the phrase
        d = run_passes(draft(ctx, word), ctx, PASSES[: [p.__name__ for p in PASSES].index("theme_object") + 1])
    assert (countries(d.target), d.how["target"]) == (target, how_t)


@pytest.mark.parametrize(
    ("text", "word", "target"),
    [
        ("Japan rejected an offer from Canada to share the costs.", "rejected", {"CAN"}),
        ("Vietnam rejected calls from Laos for new talks on the river.", "rejected", {"LAO"}),
    ],
)
def test_proposal_author(coder, text: str, word: str, target: set[str]) -> None:  # type: ignore[no-untyped-def]
    ctx = context(coder, text)
    d = until(ctx, word, proposal_author)
    assert not d.target
    proposal_author(d, ctx)
    assert (countries(d.target), d.how["target"]) == (target, "proposal-author")


@pytest.mark.parametrize(
    ("text", "word", "target", "how"),
    [
        # a visit is aimed at the country visited ...
        ("The Indian foreign minister began a two-day visit in Nairobi on Monday.", "visit", {"KEN"}, "place-country"),
        # ... talks held somewhere are not aimed at the host of the venue
        ("Sudanese rebel leaders said they were ready to join talks in Geneva.", "talks", set(), ""),
        ("Kenyan opposition leaders attended a peace conference in Addis Ababa.", "attended", set(), ""),
        # the places joined in the phrase an act is aimed at are all its targets
        ("Chile imposed tariffs on copper from Peru and Bolivia.", "imposed", {"PER", "BOL"}, "place-country"),
    ],
)
def test_place_country_target_of_meetings(coder, text: str, word: str, target: set[str], how: str) -> None:  # type: ignore[no-untyped-def]
    ctx = context(coder, text)
    d = until(ctx, word, place_country_target)
    assert d.place is not None and not d.target
    place_country_target(d, ctx)
    assert (countries(d.target), d.how.get("target", "")) == (target, how)


@pytest.mark.parametrize(
    ("text", "word", "etype"),
    [
        ("Gunmen stormed the embassy in the capital before dawn.", "stormed", "ASSAULT"),
        ("Angry students stormed the ministry in the capital.", "stormed", "PROTEST"),
    ],
)
def test_storming_by_armed_men_is_an_attack(coder, text: str, word: str, etype: str) -> None:  # type: ignore[no-untyped-def]
    ctx = context(coder, text)
    d = until(ctx, word, armed_riot)
    assert d.type == "PROTEST" and d.source
    armed_riot(d, ctx)
    assert d.type == etype


@pytest.mark.parametrize(
    ("text", "word", "home", "sector", "words"),
    [
        # a protest with no target is against the government where it happens
        ("Thousands of Kenyan students protested in Nairobi on Friday.", "protested", "KEN", "GOV", "Nairobi"),
        ("Peruvian farmers demonstrated in Lima against rising fuel prices.", "demonstrated", "PER", "GOV", "Lima"),
        # whom an arrest or a sentence falls on is the people its object names, not the town it
        # happened in
        ("Police in Kisumu arrested a union organiser on Monday.", "arrested", "KEN", "CVL", "a union organiser"),
        ("A court in the Kenyan town of Nakuru sentenced a freelance cameraman to two years in prison.", "sentenced",
         "KEN", "CVL", "a freelance cameraman"),
        ('Kenyan police detained 12 "suspected collaborators" on Tuesday.', "detained", "KEN", "CVL",
         '12 "suspected collaborators"'),
        # a verb read by its object names the act, not whom it falls on; a pronoun left unresolved
        # names no one
        ("Police in Kisumu carried out the arrests on Monday.", "carried", "KEN", "CVL", "Kisumu"),
        ("Police in Kisumu detained him on Monday.", "detained", "KEN", "CVL", "Kisumu"),
    ],
)
def test_domestic_target(coder, text: str, word: str, home: str, sector: str, words: str) -> None:  # type: ignore[no-untyped-def]
    ctx = context(coder, text)
    d = until(ctx, word, domestic_target)
    assert not d.target
    domestic_target(d, ctx)
    assert [(a.country, a.sector, a.text) for a in d.target] == [(home, sector, words)]
    assert d.how["target"] == "domestic"


@pytest.mark.parametrize(
    ("text", "word", "target", "how"),
    [
        # parties named together are each other's targets; the topic of the talks is no party
        ("Peru and Chile resumed negotiations on Monday.", "resumed", {"PER", "CHL"}, "joint"),
        ("Kenyan and Ugandan ministers met in Kampala and discussed Somalia's debt.", "discussed", {"KEN", "UGA"}, "joint"),
        ("Egypt and Jordan signed a pact to jointly fight smugglers.", "signed", {"EGY", "JOR"}, "joint"),
        # pool (Cameroon/C.A.R. story): the capital where they met is no party either
        ("Last week, Cameroon and C.A.R. officials met in the C.A.R.'s capital, Bangui, and signed an agreement.",
         "met", {"CMR", "CAF"}, "joint"),
        # a named other party keeps the roles read so far
        ("Peru and Chile resumed negotiations with Bolivia on Monday.", "resumed", {"BOL"}, "object-prep"),
        ("Peru and Chile met Bolivian officials in La Paz.", "met", {"BOL"}, "object"),
        ("Peru and Chile sent delegations to Bolivia on Monday.", "sent", {"BOL"}, "prep"),
        # whom several cooperate with, named as the object
        ("Peru and Chile have trained Bolivian soldiers.", "trained", {"BOL"}, "object"),
        # a promise or offer to another party is to that party; a promise to each other is joint
        ("Peru and Chile promised to send doctors to Bolivia.", "promised", {"BOL"}, "complement"),
        ("Peru and Chile pledged to deepen their cooperation.", "pledged", {"PER", "CHL"}, "joint"),
        # acts each party does to the other: fire, accusations, prisoners traded or exchanged
        ("Peru and Chile traded artillery fire across the border.", "traded", {"PER", "CHL"}, "joint"),
        ("Peru and Chile exchanged 40 prisoners on Saturday.", "exchanged", {"PER", "CHL"}, "joint"),
        ("Peru and Chile traded accusations on Monday.", "traded", {"PER", "CHL"}, "joint"),
        # a government and its armed opposition are two sides of one country
        ("Colombia and the ELN rebels resumed peace talks in Caracas.", "resumed", {"COL"}, "joint"),
        # parties a "between" phrase sets side by side, with no subject: they talk or agree
        ("Talks between Peru and Chile on the maritime border resumed in Lima.", "Talks", {"PER", "CHL"}, "joint"),
        ("The president welcomed the deal between Peru and Chile on fishing rights.", "deal", {"PER", "CHL"}, "joint"),
    ],
)
def test_joint_parties(coder, text: str, word: str, target: set[str], how: str) -> None:  # type: ignore[no-untyped-def]
    ctx = context(coder, text)
    d = until(ctx, word, joint_parties)
    joint_parties(d, ctx)
    assert (countries(d.target), d.how["target"]) == (target, how)
    if how == "joint":
        assert {(a.country, a.sector) for a in d.target} == {(a.country, a.sector) for a in d.source}
    # and the roles hold to the end: a joint party is not dropped as the source's own affairs
    full = run_passes(draft(ctx, word), ctx)
    assert countries(full.target) == target


@pytest.mark.parametrize(
    ("text", "word", "target"),
    [
        # a clause joined with a subject of its own is no part of the first verb's phrase
        ("Egypt and Qatar called for an immediate truce, and the African Union said it would send an envoy.",
         "called", set()),
        ("Chile asked for a recount, and Peru accused Bolivia of fraud.", "asked", set()),
        # nor is a clause set beside it: who says so
        (("Chile fired a barrage of ballistic missiles into the sea off its east coast on Thursday, Peru's military said, "
          "hours after Lima warned of a response."), "fired", set()),
        # a verb joined with no subject of its own shares the first one's phrase
        ("Chile will cede control of the port and compensate Peru for its losses.", "cede", {"PER"}),
        # who reports the act is no party to it
        ("Chilean troops shelled the market at dawn, according to Peruvian officials.", "shelled", set()),
    ],
)
def test_phrase_target_stays_in_its_clause(coder, text: str, word: str, target: set[str]) -> None:  # type: ignore[no-untyped-def]
    ctx = context(coder, text)
    d = until(ctx, word, phrase_target)
    phrase_target(d, ctx)
    assert countries(d.target) - countries(d.source) == target  # (the source's own "its" goes later)


@pytest.mark.parametrize(
    ("text", "word", "target"),
    [
        # a demand or threat is aimed at the subject of the clause that spells it out ...
        ("Chile demanded that Peru withdraw its ambassador.", "demanded", {"PER"}),
        # ... unless that subject is the speaker's own state announcing its own act
        ("Chile's president warned that Santiago would take tough action against Peru.", "warned", {"PER"}),
        ("The Chilean foreign minister warned that Chile would retaliate.", "warned", set()),
        # ... also named by its capital, whichever of its officials speaks
        ("A Chilean senator warned that Santiago would retaliate.", "warned", set()),
        # another body of the speaker's country stays a target
        ("The Chilean president demanded that the Chilean parliament pass the budget.", "demanded", {"CHL"}),
    ],
)
def test_complement_subject(coder, text: str, word: str, target: set[str]) -> None:  # type: ignore[no-untyped-def]
    ctx = context(coder, text)
    d = run_passes(draft(ctx, word), ctx)
    assert countries(d.target) == target
    d = until(ctx, word, complement_subject)
    complement_subject(d, ctx)
    assert all(a.country != "CHL" or a.sector == "LEG" for a in d.target)


def test_who_acts_by_a_by_phrase_is_no_target_in_the_phrase(coder) -> None:  # type: ignore[no-untyped-def]
    ctx = context(coder, "The editor was arrested on Monday and sentenced to prison by a Peruvian court.")
    d = until(ctx, "arrested", phrase_target)
    phrase_target(d, ctx)
    assert countries(d.target) == set()


@pytest.mark.parametrize(
    ("text", "target"),
    [
        # an act ordered to the commander's own forces is aimed where the act is, not at the forces
        ("The Chilean president ordered the army to attack Peruvian positions.", {"PER"}),
        ("The Chilean president ordered the navy to pull back from the border.", set()),
    ],
)
def test_commanded_forces(coder, text: str, target: set[str]) -> None:  # type: ignore[no-untyped-def]
    ctx = context(coder, text)
    d = run_passes(draft(ctx, "ordered"), ctx)
    assert countries(d.target) == target


def test_a_single_party_or_a_bodys_meeting_is_not_joint(coder) -> None:  # type: ignore[no-untyped-def]
    ctx = context(coder, "The United Nations held talks on Monday.")
    d = until(ctx, "held", joint_parties)
    joint_parties(d, ctx)
    assert d.how.get("target", "") != "joint"
    ctx = context(coder, "Arab League foreign ministers met in Cairo on Sunday.")
    d = until(ctx, "met", joint_parties)
    joint_parties(d, ctx)
    assert (countries(d.target), d.how["target"]) == ({"IGO"}, "joint")


@pytest.mark.parametrize(
    ("text", "word", "target"),
    [
        ("Ghana threatened to close the border if Togo raised its tariffs.", "threatened", {"TGO"}),
        ("Hungary warned it would expel the diplomats unless Serbia apologised.", "expel", {"SRB"}),
        # a target of the threatener's own side does not stand in the condition's way
        ("If Serbia closed the crossing, Budapest would respond in kind, Hungary's foreign minister warned.",
         "warned", {"SRB"}),
        # a passive condition asks whoever is to act, not who it is done to; its "by" phrase names them
        ("ECOWAS threatened to use force if the deposed president, Mohamed Bazoum, is not reinstated.", "threatened",
         set()),
        ("Ghana threatened to close the border if the tariffs were not dropped by Togo.", "threatened", {"TGO"}),
        # written here: rebels of the threatener's own country are the other side, not its own
        ("Ghana's defence minister warned that the army would strike if the rebels attacked civilians.", "warned",
         {"GHA"}),
    ],
)
def test_threat_condition(coder, text: str, word: str, target: set[str]) -> None:  # type: ignore[no-untyped-def]
    ctx = context(coder, text)
    d = until(ctx, word, threat_condition)
    assert d.type == "THREATEN"
    threat_condition(d, ctx)
    assert (countries(d.target), d.how["target"]) == (target, "condition" if target else "")


@pytest.mark.parametrize(
    ("text", "word", "before", "after"),
    [
        ("Italy will send food aid to Greece next month.", "send", "AID", "AGREE"),
        ("Morocco vowed to attack the smugglers' camps.", "attack", "ASSAULT", "THREATEN"),
        # "is going to" is a future as "will" is
        ("Israel is going to strike the militants' camps, the minister said.", "strike", "ASSAULT", "THREATEN"),
        # a measure said to follow on a condition is threatened
        ("The envoy added that sanctions could follow if Ankara activated the system.", "sanctions", "SANCTION",
         "THREATEN"),
        # forces a state says it will send to help another party are promised, not threatened; to
        # bolster its own, threatened (sent as the writer reports a plan: ``test_a_scheduled_deployment_is_no_threat``)
        ("Ghana said it would send 300 police officers to Gambia to support the U.N. mission there.", "send", "MOBILIZE",
         "AGREE"),
        ("Ghana said it would send 300 soldiers to the border to reinforce its defences.", "send", "MOBILIZE", "THREATEN"),
    ],
)
def test_commitment(coder, text: str, word: str, before: str, after: str) -> None:  # type: ignore[no-untyped-def]
    ctx = context(coder, text)
    d = until(ctx, word, commitment)
    assert d.type == before and d.status in {"future", "hypothetical"}
    commitment(d, ctx)
    assert (d.dropped or (d.type, d.status)) in {(after, "asserted"), True}


@pytest.mark.parametrize(
    ("text", "word", "planned", "stated"),
    [
        # a meeting the writer reports as scheduled is a meeting to come (codebook: future), not a
        # pledge; one a party says it will hold is its stated intent to meet (CAMEO 036)
        ("The Peruvian president will visit Quito on Thursday for talks on the border.", "visit", "CONSULT", None),
        ("Norway's foreign minister will host her Swedish counterpart in Oslo next week.", "host", "CONSULT", None),
        # ... also one the writer says is planned (a schedule, no promise to anyone)
        ("The Peruvian president plans to visit Quito in May for talks on the border.", "visit", "CONSULT", None),
        ("The Peruvian president promised to visit Quito to settle the border row.", "visit", "CONSULT", "AGREE"),
        ("The Peruvian president said he would visit Quito to settle the border row.", "visit", "CONSULT", "AGREE"),
        ('"We will meet the Swedish delegation in Oslo," the Norwegian minister told reporters.', "meet", "CONSULT",
         "AGREE"),
        # written here: a deployment the writer reports as planned is a deployment to come, not a
        # threat (troops sent to help a partner were coded as threatening it); one a party says it
        # will make is still its stated intent
        ("Chad will send 800 soldiers to the Central African Republic next month.", "send", "MOBILIZE", None),
        ("Ghana will send 300 police officers to Gambia to support the U.N. mission there.", "send", "MOBILIZE", None),
        ("Ghana will send 300 soldiers to the border to reinforce its defences.", "send", "MOBILIZE", None),
        ("The ministry plans to deploy a frigate to the Gulf of Guinea in the spring.", "deploy", "MOBILIZE", None),
        ("The army said it would deploy more troops along the border.", "deploy", "MOBILIZE", "THREATEN"),
    ],
)
def test_a_scheduled_act_is_no_commitment(coder, text: str, word: str, planned: str, stated: str | None) -> None:  # type: ignore[no-untyped-def]
    """A meeting or deployment the writer reports as scheduled stays an act to come; one a party
    says it will make is recoded as its stated intent (``stated``)."""
    ctx = context(coder, text)
    d = until(ctx, word, commitment)
    assert (d.type, d.status) == (planned, "future")
    commitment(d, ctx)
    assert (d.type, d.status) == ((planned, "future") if stated is None else (stated, "asserted"))


def test_an_inquiry_promised_threatens_no_one(coder) -> None:  # type: ignore[no-untyped-def]
    """"Police said they would investigate the attack": a promised inquiry, told as future; one
    aimed at a party ("would investigate the journalists") still threatens them."""
    ctx = context(coder, "Police said they would investigate the attack.")
    d = until(ctx, "investigate", commitment)
    commitment(d, ctx)
    assert (d.type, d.status) == ("ACCUSE", "future")
    ctx = context(coder, "The minister said the ministry would investigate the journalists for treason.")
    d = until(ctx, "investigate", commitment)
    commitment(d, ctx)
    assert (d.type, d.status) == ("THREATEN", "asserted")


@pytest.mark.parametrize(
    ("text", "word", "etype"),
    [
        # CAMEO has no intent to appeal: "will ask the council to ..." is the request, told as future
        ("Chile said it would ask the Security Council to hold an emergency session.", "ask", "REQUEST"),
        ("Kenya will cooperate with Somalia on border security.", "cooperate", "COOPERATE"),
    ],
)
def test_an_intent_to_ask_or_to_cooperate_is_that_act_told_as_future(coder, text: str, word: str, etype: str) -> None:  # type: ignore[no-untyped-def]
    ctx = context(coder, text)
    d = until(ctx, word, commitment)
    assert d.type == etype and d.status == "future"
    commitment(d, ctx)
    assert (d.type, d.status) == (etype, "future")


def test_refusal(coder) -> None:  # type: ignore[no-untyped-def]
    ctx = context(coder, "Poland said it would not accept the migrants.")
    d = until(ctx, "accept", refusal)
    assert d.status == "negated"
    refusal(d, ctx)
    assert (d.type, d.entry.cameo[:2], d.status) == ("REJECT", "12", "asserted")


def test_a_refusal_to_receive_is_made_by_the_receiver(coder) -> None:  # type: ignore[no-untyped-def]
    # "accept aid" reads its subject as the target of the giver's aid; refusing it, the subject acts
    ctx = context(coder, "Zambia said it would not accept Chinese military aid.")
    d = until(ctx, "accept", refusal)
    refusal(d, ctx)
    assert d.type == "REJECT"
    assert [a.country for a in d.source] == ["ZMB"] and [a.country for a in d.target] == ["CHN"]
    assert d.how["source"] == "reverse-subject"


@pytest.mark.parametrize(
    ("text", "acts"),
    [
        # what a refusal, a threat or a demand names after "to" is not done
        ("Canberra's refusal to withdraw its troops angered Beijing.", [("refusal", "REJECT"), ("angered", "ACCUSE")]),
        ("Beijing criticized Canberra's refusal to negotiate.", [("criticized", "ACCUSE")]),
        ("The rebels' threat to attack the capital alarmed residents.", [("threat", "THREATEN"), ("alarmed", "ACCUSE")]),
        ("The governor will not succumb to pressure from the strikers.", [("succumb", "REJECT")]),
        # what an accusation lists, gerunds the parse read as nouns included, is alleged
        ("Bangui accuses the militia of killing, maiming, looting and displacing civilians.", [("accuses", "ACCUSE")]),
        # also where the parse hangs the second gerund on the accusation ("of training and arming")
        ("Kenya's president accused Somalia of training and arming a militia.", [("accused", "ACCUSE")]),
        ("Both rivals accused the other of delaying and blocking the deal.", [("accused", "ACCUSE")]),
        # a charge's "with" names what is alleged too
        ("The two men were charged with kidnapping and killing a journalist.", [("charged", "ACCUSE")]),
        ("Three soldiers were charged with assaulting protesters.", [("charged", "ACCUSE")]),
    ],
)
def test_what_a_refusal_threat_or_demand_names_is_not_done(text: str, acts: list[tuple[str, str]]) -> None:
    from riftwatch.pipeline import Coder, Config

    coded = next(Coder(Config(learned=False)).code([Article(id="t", text=text, published=PUBLISHED)]))
    assert [(e.trigger.text, e.event_type) for e in coded.events] == acts


@pytest.mark.parametrize(
    ("text", "word", "etype", "status"),
    [
        ("Serbia does not recognize the new government in Pristina.", "recognize", "REJECT", "asserted"),
        ("The opposition did not support the budget bill.", "support", "REJECT", "asserted"),
        ("Serbia recognizes the new government.", "recognizes", "SUPPORT", "asserted"),
        ("Turkish troops did not visit the base.", "visit", "CONSULT", "negated"),
        ("Greece no longer supports the pipeline project.", "supports", "REJECT", "asserted"),
        ("The mayor did not want to meet the strikers.", "meet", "REJECT", "asserted"),
        ("The governor is not willing to negotiate with the unions.", "negotiate", "REJECT", "asserted"),
        ("The opposition will no longer take part in the negotiations.", "negotiations", "REJECT", "asserted"),
        ("The opposition has not taken part in the negotiations.", "negotiations", "CONSULT", "negated"),
        ("Police made no arrests after the match.", "arrests", "COERCE", "negated"),
    ],
)
def test_a_stance_denied_is_a_refusal(coder, text: str, word: str, etype: str, status: str) -> None:  # type: ignore[no-untyped-def]
    ctx = context(coder, text)
    d = run_passes(draft(ctx, word), ctx, PASSES[: PASSES.index(refusal) + 1])
    assert (d.type, d.status) == (etype, status)


@pytest.mark.parametrize(
    ("text", "word", "etype", "quad"),
    [
        ("Sweden suspended talks with Finland over the dispute.", "suspended", "SANCTION", 4),
        ("The army lifted the curfew in the capital.", "lifted", "CONCEDE", 2),
        # delaying is postponing: a measure delayed is eased, talks delayed are set back
        ("Ottawa delayed the tariffs on Mexican steel by a month.", "delayed", "CONCEDE", 2),
        ("Lima delayed the talks with Quito until June.", "delayed", "SANCTION", 4),
    ],
)
def test_stopped_act(coder, text: str, word: str, etype: str, quad: int) -> None:  # type: ignore[no-untyped-def]
    d = draft(context(coder, text), word)
    assert (d.type, d.entry.quad_class) == (etype, quad)


def test_closing_crossing_points_closes_the_border(coder) -> None:  # type: ignore[no-untyped-def]
    coded = next(coder.code([Article(id="t", text="Finland closed all crossing points on its border with Russia.",
                                     published=PUBLISHED)]))
    assert [(e.trigger.text, e.event_type) for e in coded.events] == [("closed", "SANCTION")]


def test_a_levy_is_a_measure(coder) -> None:  # type: ignore[no-untyped-def]
    """A levy on another country's goods is a sanction, as a tariff is."""
    coded = next(coder.code([Article(id="t", text="Seoul announced a 20% levy on Japanese steel on Monday.", published=PUBLISHED)]))
    assert [(e.trigger.text, e.event_type) for e in coded.events] == [("levy", "SANCTION")]


def test_events_record_how_roles_were_found(coder) -> None:  # type: ignore[no-untyped-def]
    coded = next(coder.code([Article(id="t", text="Kenyan students protested in Nairobi on Friday.", published=PUBLISHED)]))
    (event,) = [e for e in coded.events if e.event_type == "PROTEST"]
    assert dict(event.roles_how) == {"source": "subject", "target": "domestic"}
    assert event.to_dict()["roles_how"]["target"] == "domestic"


@pytest.mark.parametrize(
    ("text", "trigger", "kept"),
    [
        ("Security analysts praised the army for freeing the hostages.", "praised", False),
        ("A university professor accused the government of rigging the vote, the paper said.", "accused", False),
        ("The army freed the hostages, a move analysts say was overdue.", "freed", True),  # the act is the army's
        ("The minister accused the opposition of rigging the vote.", "accused", True),
        # experts the U.N. appoints speak for it
        ("A United Nations human rights expert accused Belarus of torturing detainees.", "accused", True),
        ("U.N. experts accused Rwanda of arming the rebels.", "accused", True),
        ("Human Rights Watch's Iran researcher accused Tehran of torturing detainees.", "accused", True),
        ("An analyst at the International Crisis Group accused Tehran of escalating the war.", "accused", False),
        # a noun of an act naming what people work on is no act
        ("U.N. sanctions experts documented arms transfers from Iran to the Houthis.", "sanctions", False),
        ("Aid workers left Gaza on Monday.", "Aid", False),
        ("Sanctions inspectors from the U.N. arrived in Pyongyang.", "Sanctions", False),
    ],
)
def test_what_analysts_and_academics_say_is_no_event(text: str, trigger: str, kept: bool) -> None:
    from riftwatch.pipeline import Coder, Config
    from riftwatch.records import Article

    coded = next(Coder(Config(learned=False)).code([Article(id="c", text=text)]))
    assert any(e.trigger.text == trigger for e in coded.events) is kept, [e.trigger.text for e in coded.events]


@pytest.mark.parametrize(
    ("text", "word", "etype", "target"),
    [
        # naming a group a terrorist one is a measure against the group, its own country's or not
        ("Kenya and Uganda have designated the ADF as a terrorist organisation.", "designated", "SANCTION", {"COD"}),
        ("Turkey designated the YPG as terrorists years ago.", "designated", "SANCTION", {"SYR"}),
        ("Pakistan designated the Balochistan Liberation Army as a terrorist group in 2006.", "designated", "SANCTION", {"PAK"}),
        # naming anything else so is no event
        ("The ministry designated three districts as safe zones.", "designated", None, set()),
    ],
)
def test_a_terrorist_designation_is_a_sanction(coder, text: str, word: str, etype: str | None, target: set[str]) -> None:  # type: ignore[no-untyped-def]
    coded = next(coder.code([Article(id="t", text=text, published=PUBLISHED)]))
    found = [e for e in coded.events if e.trigger.text == word]
    assert [e.event_type for e in found] == ([etype] if etype else []), [(e.trigger.text, e.event_type) for e in coded.events]
    if etype:
        assert countries(found[0].target) == target


@pytest.mark.parametrize("spelling", ["defense", "defence"])
def test_weapons_named_in_either_spelling(coder, spelling: str) -> None:  # type: ignore[no-untyped-def]
    """American news writes "air defense systems", the lexicon "air defence system": either is arms aid."""
    text = f"Berlin delivered two air {spelling} systems to Kyiv last month."
    coded = next(coder.code([Article(id="t", text=text, published=PUBLISHED)]))
    assert [(e.trigger.text, e.event_type) for e in coded.events] == [("delivered", "AID")]


def test_who_vetoes_a_resolution_demands_nothing(coder) -> None:  # type: ignore[no-untyped-def]
    """A participle on a text speaks for whoever issued the text, not for whoever turned it down."""
    ctx = context(coder, "China vetoed a resolution demanding a ceasefire in Myanmar.")
    d = until(ctx, "demanding", commitment)
    assert countries(d.source) != {"CHN"} and d.status == "negated"


@pytest.mark.parametrize(
    ("text", "victims", "doer"),
    [
        # a condemnation is aimed at whoever did the act, not at those it was done against
        ("The envoy condemned the violence against Kenyan protesters.", "KEN", None),
        ("The envoy condemned Uganda's crackdown against Kenyan protesters.", "KEN", "UGA"),
        ("Ghana condemned the campaign against Togolese traders.", "TGO", None),
    ],
)
def test_the_victims_of_a_condemned_act_are_not_its_target(coder, text: str, victims: str, doer: str | None) -> None:  # type: ignore[no-untyped-def]
    coded = next(coder.code([Article(id="t", text=text, published=PUBLISHED)]))
    (e,) = [e for e in coded.events if e.event_type == "ACCUSE"]
    assert victims not in countries(e.target)
    assert doer is None or doer in countries(e.target)


@pytest.mark.parametrize(
    ("text", "charged", "accused"),
    [
        # the accused is the object; whoever the charge concerns is not, also when the accused
        # has no country to code
        ("Kenyan students accused donors of ignoring Rwanda's role in the war.", "RWA", None),
        ("Kenyan students marched on Friday, accusing donors of ignoring Rwanda's role.", "RWA", None),
        ("Ghana accused Togo of arming Ivorian rebels.", "CIV", "TGO"),
        # ... also where the parse hangs the charge on a noun inside the object (written here)
        ("Mali's junta accused some of the detained employees of spying for France.", "FRA", None),
    ],
)
def test_whom_a_charge_concerns_is_not_the_accused(coder, text: str, charged: str, accused: str | None) -> None:  # type: ignore[no-untyped-def]
    coded = next(coder.code([Article(id="t", text=text, published=PUBLISHED)]))
    (e,) = [e for e in coded.events if e.event_type == "ACCUSE"]
    assert charged not in countries(e.target)
    assert accused is None or accused in countries(e.target)


def test_a_leader_received_by_title_is_a_visit_and_talks_it_is_for_are_that_visit(coder) -> None:  # type: ignore[no-untyped-def]
    text = "Chilean President Gabriel Boric received Peruvian President Dina Boluarte in Santiago for talks on Monday."
    coded = next(coder.code([Article(id="t", text=text, published=PUBLISHED)]))
    assert [(e.trigger.text, e.event_type) for e in coded.events] == [("received", "CONSULT")]
    assert countries(coded.events[0].target) == {"PER"}
