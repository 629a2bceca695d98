"""The ordered passes that code one sentence: the list a contributor reads to see how it is done.

``FIND`` decides, token by token, which tokens are triggers and with which entry; ``PASSES`` then
fill in each trigger's ``Draft`` event in order: roles from the trigger's clause, fallbacks for a
missing target, actors and place, the CAMEO/PLOVER conventions for what the text leaves unstated,
and factuality with the re-codings it implies. Each pass is a small function ``(draft, context)``
that may be run (and tested) alone; each records in ``draft.how`` how it found a role. A pass
that finds the event already coded by another trigger marks the draft ``dropped``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ..actors.anaphora import NOT_STATES, STATE_BODY_SECTORS
from ..actors.lexicon import moved
from ..actors.recognise import UNIT_NOUNS, in_quotation
from ..records import Actor, Event, Place
from .attribution import attribution_for, speaker_of
from .clauses import head_token
from .conventions import (
    STATE_SECTORS,
    STOP_VERBS,
    condition_party,
    ethnic_home,
    home_actor,
    located,
    other_side,
    rallied_against,
)
from .documents import DOCUMENT_NOUNS, OFFER_PREPS, own_author
from .draft import Draft, Entry, Recoded, SentenceContext
from .estrangement import halted_support, withdrawn_support
from .matching import (
    ATTENTION_VERBS,
    GATHERING_VERBS,
    LABEL_VERBS,
    ORDER_VERBS,
    PROPOSAL_NOUNS,
    armed_clash,
    asking_call,
    control_of_territory,
    described_state,
    economic_means,
    gathered_for,
    gathering_protest,
    generic_mention,
    labelled_criticism,
    lexicon_entry,
    match_trigger,
    named_body,
    named_ruler,
    no_comment,
    object_lemmas,
    ordered_act,
    pointed_criticism,
    protest_purpose,
    quantity_change,
    reported_protest,
    stopped_act,
    stopped_by_noun,
    stops,
    taken_place,
    taken_to_court,
    to_own_forces,
)
from .modality import (
    SUMMARY_NOUNS,
    act_verb,
    committed_by,
    factuality,
    is_commitment,
    is_refusal,
    misread_main,
    refusing_head,
    spoken,
    summarised,
    summing_noun,
)
from .nonacts import (
    actor_word,
    answered_by_means,
    attributive_participle,
    clash_in_words,
    encouraged_by,
    figurative_war,
    free_relative_label,
    generic_relative,
    habitual,
    idiom,
    judged_act,
    labour_strike,
    manner_phrase,
    met_with,
    name_word,
    named_parties,
    names_in_free_relative,
    natural_cause,
    office_taken,
    opinion_agreement,
    partyless_feeling,
    people_participle,
    press_conference,
    press_interview,
    press_question,
    press_work,
    private_travel,
    question,
    received_as,
    sent_no_forces,
    speech_venue,
    struck_back,
    summary_noun,
    told_again,
    topic_mention,
    war_waged,
    work_named,
)
from .oneact import CASUALTY
from .ontology import ontology
from .roles import (
    DISCUSSION_LEMMAS,
    HOLDER,
    LIGHT_VERBS,
    OBJ,
    absolute,
    according_to,
    accused_in,
    actors_under,
    adjective_roles,
    asked_of,
    brokered_by,
    discussed,
    is_envoy,
    measure_targets,
    not_accused,
    noun_roles,
    partners_within,
    prep_targets,
    released_of,
    subject_actors,
    suspected,
    suspected_of,
    verb_roles,
    vessel_taken,
)
from .speech import warning_content
from .venue import MEETING_TYPES

FindStep = Callable[[Token, Entry | None, SentenceContext], Entry | None]
Pass = Callable[[Draft, SentenceContext], None]

# Which types a behaviour applies to is data: the "behaviour" of each type in data/ontology.json.
# Lexicon parts that name a country in the mention itself.
NAMED_PARTS = frozenset({"country", "demonym", "capital", "person", "org", "pronoun", "place-country", "scope"})
# Possessives that point back at the source.
SELF_WORDS = frozenset({"its", "their", "his", "her", "itself", "themselves", "himself", "herself"})
# Nouns that refer back to an act reported before.
REFERRING_NOUNS = frozenset({"demand", "request", "call", "proposal", "plan", "offer", "order",
                             "decision", "move", "initiative", "ultimatum", "accusation", "threat"})  # fmt: skip

# Where what an act moves is moved to: "deploy troops in Iraq", "send envoys to Cairo".
_MOVED_TO = ("to", "into", "in", "against", "toward", "towards")


def _place_for(tok: Token, sent: SpacySpan, usable: Sequence[Place]) -> tuple[Place | None, str]:
    """The place of an event: a place in the trigger's phrase, else the nearest in its sentence.
    ``usable`` are the sentence's places that are not actors."""
    if not usable:
        return None, ""
    right = tok.right_edge
    lo, hi = tok.left_edge.idx, right.idx + len(right)
    inside = [p for p in usable if lo <= p.start and p.end <= hi]
    if inside:
        return min(inside, key=lambda p: abs(p.start - tok.idx)), "phrase"
    return min(usable, key=lambda p: abs(p.start - tok.idx)), "sentence"


def _without_self(source: Sequence[Actor], target: Sequence[Actor]) -> list[Actor]:
    """Targets that are not the source itself: "promised to democratise Serbia" (said by Serbia's
    president), "its economy", "their own forces" are the source's own affairs, not a dyad. A place
    taken as the target where the source's country was not stated ("a curfew in Algiers" imposed by
    an unnamed president) stays: the act falls on the people there."""
    own = {a.country for a in source if a.country}
    people = {a.person for a in source if a.person}
    # a pronoun taken up from the source ("China's military sent ships in what it called a warning")
    itself = {"pronoun:" + a.entry_id for a in source}
    def own_affair(a: Actor) -> bool:
        if a.entry_id.endswith("+joint"):  # a party of a joint act is the others' target (joint_parties)
            return False
        return bool(a.person and a.person in people) or a.entry_id in itself or (
            a.country in own and (not a.sector or a.text.lower() in SELF_WORDS) and a.entry_id != "place-country")

    return [a for a in target if not own_affair(a)]


def _guessed_country(a: Actor) -> bool:
    """True when the actor's country comes from the article's context, not from its own words."""
    return not any(p.split(":")[0] in NAMED_PARTS for p in a.entry_id.split("+"))


def _complement_target(
    tok: Token, actor_at: dict[int, Actor], latent_at: dict[int, Actor], source: Sequence[Actor] = ()
) -> list[Actor]:
    """Target of the act a statement is about: "threatened to stop talks with X" → X. The source's
    own forces or envoys moved by the act are what it moves, not its target: "refused to deploy
    troops in Iraq" → Iraq."""
    own = {a.country for a in source if a.country}
    for child in tok.children:
        purpose = child.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children)
        if (child.dep_ in {"xcomp", "ccomp"} or purpose) and child.pos_ == "VERB" and not summarised(child):
            roles = verb_roles(child, actor_at, None, latent_at)
            target = [a for a in roles.target if a.country not in own]
            if roles.target_how == "object" and all(_guessed_country(a) and a.sector == "MIL" for a in target):
                target = []  # "pledged to send troops to Somalia": troops no one owns are the source's own
            if not target and roles.target_how == "object":
                target = [a for a in prep_targets(child, _MOVED_TO, actor_at, latent_at) if a.country not in own]
            if target:
                return target
    return []


def _complement_subject(tok: Token, actor_at: dict[int, Actor]) -> list[Actor]:
    for child in tok.children:
        if child.dep_ == "ccomp" and child.i < tok.i and misread_main(tok):
            continue  # the main clause the parse hung under a clause of time ("hours after X demanded")
        called_for = child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "for" for m in child.children)
        if (child.dep_ in {"ccomp", "acl"} or called_for) and child.pos_ in {"VERB", "AUX"} and not summarised(child):
            subj = [c for c in child.children if c.dep_ in {"nsubj", "nsubjpass"}]
            if subj:
                return actors_under(subj[0], actor_at)
    return []


def _phrase_actors(tok: Token, actor_at: dict[int, Actor], skip_object: bool) -> list[Actor]:
    """Actors in the trigger's subtree, not crossing into reported or subordinate clauses, nor those
    acting on the subject's side (``roles.companions``).

    A nominal trigger carried by a light verb also looks into the verb's purpose clause ("making
    visits to raise the morale among Iranian troops").
    """
    out: list[Actor] = []
    skip = {"nsubj", "nsubjpass", "agent", "ccomp", "advcl", "relcl", "acl", "poss", "punct", "prep" if skip_object else ""}
    skip |= OBJ if skip_object else set()
    partners = partners_within(tok)
    stack = [c for c in tok.children if c.dep_ not in skip and not (c.dep_ == "prep" and absolute(c)) and not _clause(c)]
    if tok.pos_ != "VERB" and not stack:
        carrier = tok.head.head if tok.dep_ == "pobj" and tok.head.dep_ == "prep" else tok.head
        if carrier.dep_ in OBJ:
            carrier = carrier.head
        if carrier.lemma_ in LIGHT_VERBS:
            stack = [c for c in carrier.children if c.dep_ == "advcl" and any(a.lower_ == "to" for a in c.children)]
    while stack:
        t = stack.pop()
        a = actor_at.get(t.i)
        if a is not None and a not in out and t.i not in partners:
            out.append(a)
        stack.extend(c for c in t.children if c.dep_ not in {"ccomp", "advcl", "relcl", "agent"} and not _clause(c))
    return sorted(out, key=lambda a: a.start)


def _clause(tok: Token) -> bool:
    """A verb joined to another with a subject of its own ("called for a ceasefire, and the Union
    said ..."), or set beside it ("fired missiles on Thursday, South Korea's military said"): its
    own clause, whose actors are no part of the first verb's phrase; and "according to X", who
    reports the act."""
    if according_to(tok):
        return True
    return tok.dep_ in {"conj", "parataxis"} and tok.pos_ in {"VERB", "AUX"} and any(c.dep_ == "nsubj" for c in tok.children)


def _country_actor(place: Place) -> Actor:
    return Actor(text=place.text, start=place.start, end=place.end, name=place.name, country=place.country,
                 sector="", entry_id="place-country")  # fmt: skip



# --- roles from the trigger's clause -------------------------------------------------------------


def assign_roles(d: Draft, ctx: SentenceContext) -> None:
    """Source and target read off the parse: a verb's subject and object or phrases, a noun's
    owner and phrases, a predicate adjective's holder and what it is about (see ``roles``)."""
    if getattr(d.entry, "pos", "") == "ADJ":
        d.roles = adjective_roles(d.tok, ctx.actor_at, d.entry, ctx.latent_at)
    elif d.tok.pos_ == "VERB":
        d.roles = verb_roles(d.tok, ctx.actor_at, d.entry, ctx.latent_at)
    else:
        d.roles = noun_roles(d.tok, ctx.actor_at, d.entry, ctx.latent_at)
    d.source, d.target = list(d.roles.source), list(d.roles.target)
    d.how = {"source": d.roles.source_how, "target": d.roles.target_how}


def commanded_forces(d: Draft, ctx: SentenceContext) -> None:
    """An act ordered to the commander's own forces ("ordered the military to attack the ELN",
    coded on the order word, ``matching.ordered_act``): the forces carry it out, and its target is
    the commanded act's ("the ELN"), not the forces."""
    tok = d.tok
    if tok.pos_ != "VERB" or tok.lemma_ not in ORDER_VERBS or d.how.get("target") != "object" or not to_own_forces(tok, ctx):
        return
    act = next((c for c in tok.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
    done_to = verb_roles(act, ctx.actor_at, d.entry, ctx.latent_at).target if act is not None else ()
    d.target = [a for a in done_to if a not in d.target and a not in d.source]
    d.how["target"] = "commanded" if d.target else ""


# What a state grants and may take away: the holder named with it is the target.
HELD_PERMITS = frozenset({"licence", "license", "accreditation", "visa", "permit", "passport", "citizenship", "residency"})


# CAMEO's demand for a change of leadership ("demanded the resignation of the prime minister").
LEADERSHIP_CHANGE = "1041"


def theme_object(d: Draft, ctx: SentenceContext) -> None:
    """An object that is what the act moves or gives ("send more forces") is no target when it is
    the source's own or of no stated country; the target is then in a phrase ("to Peru").
    Foreigners expelled or hostages freed stay targets."""
    tok, entry = d.tok, d.entry
    if d.roles.target_how != "object" or not (entry.object or (d.type in ontology().types_with("object_is_theme") and entry.mode != "release")):
        return
    if (entry.object and tok.pos_ == "VERB" and not set(entry.object).isdisjoint(object_lemmas(tok))
            and set(entry.object).isdisjoint(object_lemmas(tok, named_as=False))):  # fmt: skip
        return  # the entry was chosen by what the object is named as: "designated the militia as a terrorist group"
    if HELD_PERMITS & set(object_lemmas(tok)):
        return  # "revoked the licences of three broadcasters": whose they are is whom it is done to
    if not d.source and tok.pos_ == "VERB" and d.type in ontology().types_with("object_is_theme"):
        # "France, which withdrew its troops": whose forces they are moves them (a relative clause's
        # subject is left to the role model)
        owners = [ctx.actor_at[p.i] for o in tok.children if o.dep_ in {"dobj", "nsubjpass"}
                  for p in o.children if p.dep_ == "poss" and p.i in ctx.actor_at]  # fmt: skip
        if owners:
            d.source, d.how["source"] = owners, "theme-owner"
    src_countries = {a.country for a in d.source}
    if entry.cameo != LEADERSHIP_CHANGE:  # (whose resignation is demanded is asked to go, at home most of all)
        d.target = [a for a in d.target if a.country not in src_countries and not _guessed_country(a)]
    d.how["target"] = d.how["target"] if d.target else ""
    if not d.target and tok.pos_ == "VERB":
        d.target = [a for a in prep_targets(tok, entry.target_prep, ctx.actor_at, ctx.latent_at) if a not in d.source]
        d.how["target"] = "prep" if d.target else ""


def accused_party(d: Draft, ctx: SentenceContext) -> None:
    """A complaint's target is whom it is about ("over", "about", "against"), not whom it is made to."""
    if d.type == "ACCUSE" and d.tok.pos_ == "VERB" and d.how["target"] == "prep":
        accused = [a for a in accused_in(d.tok, ctx.actor_at) if a not in d.source]
        if accused:
            d.target, d.how["target"] = accused, "accused"


def complement_subject(d: Draft, ctx: SentenceContext) -> None:
    """A demand or threat that a clause spells out is aimed at that clause's subject."""
    if not d.target and d.type in ontology().types_with("target_in_complement"):
        d.target, d.how["target"] = _complement_subject(d.tok, ctx.actor_at), "complement"
        # the speaker's own state doing it ("Kim warned that Pyongyang would act") is no target:
        # the act it announces may name one (``intended_act_target``)
        d.target = [a for a in d.target if a not in d.source and not _same_state(a, d.source)]
        d.how["target"] = "complement" if d.target else ""


def _same_state(a: Actor, source: list[Actor]) -> bool:
    """``a`` is the state one of ``source`` speaks for: its country, unsectored or in the same sector,
    or named by its country's or its capital's name, which any of its officials speaks for ("a
    Russian lawmaker warned that Moscow could send warships")."""
    named = a.entry_id.split("+")[0].startswith(("country:", "capital:"))
    return any(s.country and s.country == a.country and (named or not a.sector or not s.sector or a.sector == s.sector)
               for s in source)  # fmt: skip


def intended_act_target(d: Draft, ctx: SentenceContext) -> None:
    """A statement about an act of one's own (to threaten, agree, refuse to do something) aims at
    the target of that act."""
    if not d.target and d.type in ontology().types_with("target_of_intended_act"):
        d.target = [a for a in _complement_target(d.tok, ctx.actor_at, ctx.latent_at, d.source) if a not in d.source]
        d.how["target"] = "complement" if d.target else ""


def document_source(d: Draft, ctx: SentenceContext) -> None:
    """A document that acts speaks for its author: "The statement threatened sanctions", "the
    resolution condemned the attacks" after "the State Department issued a statement", "the
    council adopted a resolution" (``documents``: the latest author of that kind of document)."""
    if d.source or d.tok.pos_ != "VERB":
        return
    subject = next((c for c in d.tok.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.lemma_.lower() not in DOCUMENT_NOUNS or not _definite(subject):
        return
    author = own_author(subject, ctx.actor_at) or list(ctx.state.authors.get(subject.lemma_.lower(), ()))
    d.source = [a for a in author if a not in d.target]
    d.how["source"] = "document-author" if d.source else ""


def proposal_author(d: Draft, ctx: SentenceContext) -> None:
    """Rejecting or accepting a call, offer or plan answers its author; a document named before
    ("rejected the resolution") its author there (``documents``)."""
    if d.target or d.tok.pos_ != "VERB" or d.tok.lemma_.lower() in DISCUSSION_LEMMAS:
        return  # (a plan discussed is a topic: "discussed Bolivia's claims")
    for obj in (c for c in d.tok.children if c.dep_ in OBJ):
        lemma = obj.lemma_.lower()
        if lemma in PROPOSAL_NOUNS:
            # a country after "from" reads as a place, yet it authors the offer
            author = own_author(obj, ctx.actor_at, OFFER_PREPS) or own_author(obj, ctx.latent_at, OFFER_PREPS)
            d.target = [a for a in author if a not in d.source]
            d.how["target"] = "proposal-author" if d.target else ""
        if not d.target and lemma in DOCUMENT_NOUNS and _definite(obj) and not own_author(obj, ctx.actor_at):
            own = _sides(d.source)
            d.target = [a for a in ctx.state.authors.get(lemma, ()) if _side(a) not in own]
            d.how["target"] = "document-author" if d.target else ""
        if lemma in DOCUMENT_NOUNS:
            break


def referent_author(d: Draft, ctx: SentenceContext) -> None:
    """A verb whose object refers back to an earlier reported act (a demand, a plan) answers
    that act's source: the act named by the same word ("the demand" after "demanded"), else the
    latest act of the type the noun names (``referred_to_as`` in the ontology: "rejected the
    accusations" after an accusation, "denied the request" after a request). The object may be
    the passive subject ("the request was denied") or a relative clause's antecedent ("the
    charges, which Washington dismissed")."""
    if d.target or d.tok.pos_ != "VERB":
        return
    own = _sides(d.source)

    # "X accused Y of Z, a charge Y rejected": the charge is the act the clause before tells
    summed = _summed_act(d.tok)
    if summed is not None:
        made, _how = subject_actors(summed, ctx.actor_at)
        made = [a for a in made if _side(a) not in own]
        if not made and summed.dep_ == "ccomp":
            # "X said Armenian forces had fired on its positions, a claim Yerevan rejected": the
            # claim is the speaker's, where the act claimed was the rejecter's own side's
            made = [a for a in subject_actors(summed.head, ctx.actor_at)[0] if _side(a) not in own]
        if made:
            d.target, d.how["target"] = made, "referent"
            return
    # (a noun of an act told before is taken up by what answers acts: "condemned the seizure")
    answers = d.type in ontology().types_with("target_is_act_author")
    for obj in (c for c in d.tok.children if c.dep_ in OBJ):
        lemma = obj.lemma_.lower()
        if lemma in REFERRING_NOUNS or lemma in ctx.state.trigger_lemmas or (answers and _nominalised(lemma, ctx.state.trigger_lemmas)):
            # (the same word, or its lemma: "the strikes" after "struck"; its noun: "the seizure"
            # after "seized")
            for prev, prev_lemma in zip(reversed(ctx.state.events), reversed(ctx.state.trigger_lemmas), strict=False):
                if ((prev.trigger.text.lower().startswith(lemma[:5]) or prev_lemma == lemma
                     or (answers and _nominalised(lemma, (prev_lemma,))))
                        and _answerable(prev, own)):  # fmt: skip
                    d.target, d.how["target"] = _parties(prev, own), "referent"
                    return
    countries = {c for c, _ in own}
    # "the arrest drew condemnation": the act noun the entry names is the condemnation itself; what
    # it answers is the subject, an act told before
    named = set(d.entry.object) if getattr(d.entry, "reverse", False) else set()
    if named:
        for subj in (c for c in d.tok.children if c.dep_ == "nsubj"):
            d.target = [a for a in told_author(subj, d.source, ctx) if _side(a) not in own]
            if d.target:
                d.how["target"] = "referent"
                return
    for obj in _answered_nouns(d.tok):
        if obj.lemma_.lower() in named:
            continue
        if obj.lemma_.lower() in LEAD_NOUNS and (lead := _lead_act(ctx, own)) is not None:
            # "Iraq's government welcomed the announcement": the news the story led with
            d.target, d.how["target"] = _parties(lead, own), "referent"
            return
        kind = ontology().referred_type(obj.lemma_.lower())
        if kind == "COERCE" and not answers:
            kind = ""  # "appealed the verdict" is made to a higher court, not to the one that gave it
        # (what it is called is no phrase of its own: "dismissed the measures as aggression")
        generic = obj.lemma_.lower() in GENERIC_ACT_NOUNS and not any(
            c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ != "as") for c in obj.children)
        if not kind and not generic:
            continue
        # a generic noun takes up the other side's act of any type; a noun of a type, that type's
        told = _latest_told(ctx, own, GENERIC_REACH, not_of=countries, acts_only=True) if generic else _latest_told(ctx, own, REFERENT_REACH, kind)
        if told is not None:
            d.target, d.how["target"] = _parties(told, own), "referent"
            return
        claimant = _latest_claimant(ctx, own) if kind == CLAIMED_TYPE else None
        if claimant is not None:
            # "Amnesty said the army had tortured detainees. The army rejected the claims": whoever
            # the text says made them
            d.target, d.how["target"] = [claimant], "referent"
            return
        aimed = _latest_aimed_at(ctx, own) if kind == CLAIMED_TYPE else None
        if aimed is not None:
            # "The minister urged Iraq to honor its quota. Iraq rejected the criticism": what was
            # said to the side that answers, by whoever said it
            d.target, d.how["target"] = [a for a in aimed.source if _side(a) not in own], "referent"
            return
    if d.type == "REJECT" and d.source and not any(c.dep_ in OBJ | {"ccomp", "xcomp", "prep"} for c in d.tok.children):
        # "Saudi Arabia asked Russia to cut output. But Russia refused": a refusal with nothing
        # refused answers the demand last made of the refusing side
        asked = _latest_aimed_at(ctx, own, frozenset({"REQUEST"}))
        if asked is not None:
            d.target, d.how["target"] = [a for a in asked.source if _side(a) not in own], "referent"


# Endings that make a noun of a verb ("seizure", "invasion", "withdrawal", "killing"), and the
# nouns whose stem the verb's spelling hides.
NOMINAL_ENDINGS = ("ure", "tion", "sion", "al", "ing", "ment", "ance")
IRREGULAR_NOUNS = {"detention": "detain", "expulsion": "expel", "intervention": "intervene",
                   "abstention": "abstain", "retention": "retain"}  # fmt: skip


def _nominalised(noun: str, verbs: Sequence[str]) -> bool:
    """``noun`` names the act of one of ``verbs``: "seizure" of "seize", "invasion" of "invade",
    "detention" of "detain" (a shared stem of four letters and a noun ending, or a known pair)."""
    if IRREGULAR_NOUNS.get(noun) in verbs:
        return True
    if not noun.endswith(NOMINAL_ENDINGS):
        return False
    return any(len(v) >= 4 and v != noun and noun[:4] == v[:4] and noun.startswith(v.rstrip("e")[: max(4, len(v) - 2)])
               for v in verbs)  # fmt: skip


def _summed_act(answer: Token) -> Token | None:
    """The act a summing noun before ``answer`` takes up ("..., a charge X denies"; the noun is
    ``answer``'s subject, or the noun ``answer`` hangs on as a relative clause, as the parse
    reads it): the last clause with a subject of its own before the noun ("Egypt backed the army,
    while the UAE has been accused by U.N. experts of arming the militia, a charge Abu Dhabi
    denies" sums up the accusation)."""
    nouns = [summing_noun(c) for c in answer.children if c.dep_ == "nsubj"]
    if answer.dep_ == "relcl":
        nouns.append(summing_noun(answer.head))
    if answer.dep_ in {"relcl", "acl"}:
        # "..., a move that angered Mogadishu", "..., a decision condemned by Egypt": the act just told
        nouns.append(summing_noun(answer.head, SUMMING_ACT_NOUNS))
    verb_read = answer.head  # (its own phrase then runs back over the clause: the comma is just before it)
    if (answer.dep_ == "ccomp" and verb_read.tag_ == "VBZ" and verb_read.i > 0
            and (summing_noun(verb_read) is not None
                 or (verb_read.lemma_.lower() in SUMMARY_NOUNS and verb_read.doc[verb_read.i - 1].text == ","))):  # fmt: skip
        # "..., charges the commission denied", "charges" read as a verb: the clause before hangs
        # on it, or it on that clause
        before = [c for c in answer.head.children if c.dep_ == "ccomp" and c.i < answer.head.i]
        if before:
            return before[0]
        nouns.append(answer.head)
    noun = next((n for n in nouns if n is not None), None)
    if noun is None:
        return None
    told = [t for t in noun.sent if t.i < noun.i and t.pos_ in {"VERB", "AUX"}
            and t.dep_ in {"ROOT", "advcl", "conj", "ccomp"}
            and any(c.dep_ in {"nsubj", "nsubjpass"} for c in t.children)]  # fmt: skip
    return max(told, key=lambda t: t.i, default=None)


def _sides(actors: Sequence[Actor]) -> set[tuple[str, str]]:
    return {_side(a) for a in actors}


def _side(a: Actor) -> tuple[str, str]:
    """Whose side an actor speaks for: a country and its state institutions are one side ("Israel
    denied the accusation" does not answer Israel's foreign ministry); other sectors their own."""
    return a.country, "state" if a.sector in STATE_SECTORS else a.sector


def _parties(prev: Event, own: set[tuple[str, str]]) -> list[Actor]:
    """Who did the act told before: its source, and for a meeting ("met", "talks", which the
    codebook gives each party as the other's target) each party of it, none of the answering side.
    (A deal keeps its maker: the pool codes support for "a deal on handing sovereignty to
    Mauritius" as support of Britain alone.)"""
    doers = list(prev.source)
    if prev.event_type in MEETING_TYPES:
        doers += [a for a in prev.target if a not in doers]
    return [a for a in doers if _side(a) not in own] or list(prev.source)


def _answerable(prev: Event, own: set[tuple[str, str]]) -> bool:
    """An act with a source that is not only the answering side's own."""
    return bool(prev.source) and not _sides(prev.source) <= own


def _latest_told(ctx: SentenceContext, own: set[tuple[str, str]], reach: int, kind: str = "",
                 not_of: frozenset[str] | set[str] = frozenset(), acts_only: bool = False) -> Event | None:
    """The latest act told up to ``reach`` sentences back (this sentence's earlier acts included)
    that another side did: of type ``kind`` when given, of none of the countries ``not_of``; with
    ``acts_only`` not an answer to an act told before ("Washington denounced the move. The U.N.
    condemned the measure": the measure is the act both answer, not Washington's words)."""
    for prev in reversed(ctx.state.events):
        if ctx.index - prev.sentence_index > reach:
            break
        if acts_only and ("target", "referent") in prev.roles_how:
            continue
        if (not kind or prev.event_type == kind) and not {a.country for a in prev.source} & not_of and _answerable(prev, own):
            return prev
    return None


# Acts said to a side that it may answer as criticism ("rejected the criticism").
AIMED_WORDS_TYPES = frozenset({"ACCUSE", "REQUEST", "THREATEN"})


def _latest_aimed_at(ctx: SentenceContext, own: set[tuple[str, str]], types: frozenset[str] = AIMED_WORDS_TYPES) -> Event | None:
    """The latest demand, threat or criticism (of ``types``) told up to ``REFERENT_REACH``
    sentences back that another side aimed at the side ``own``."""
    for prev in reversed(ctx.state.events):
        if ctx.index - prev.sentence_index > REFERENT_REACH:
            break
        if prev.event_type in types and _answerable(prev, own) and _sides(prev.target) & own:
            return prev
    return None


# The type whose nouns ("the claims", "the findings", "the allegations") may take up an act the
# text only reports someone as saying, when no accusation of that side was told.
CLAIMED_TYPE = "ACCUSE"


def _latest_claimant(ctx: SentenceContext, own: set[tuple[str, str]]) -> Actor | None:
    """The named actor the text last reported an act from (its attribution), up to
    ``REFERENT_REACH`` sentences back, not of the answering side."""
    for prev in reversed(ctx.state.events):
        if ctx.index - prev.sentence_index > REFERENT_REACH:
            break
        said = prev.attribution
        if said is not None and said.actor is not None and not said.anonymous and _side(said.actor) not in own:
            return said.actor
    return None


# How many sentences back an act named again by its noun ("the accusations") is looked for; by the
# noun of its own verb ("released" ... "the release of the soldiers"), twice as far.
REFERENT_REACH = 6
WORD_REACH = 2 * REFERENT_REACH
# Nouns that take up the last act of another side whatever its type ("called the move unjustified",
# "rejected the decision"), a sentence or two back; with an owner or a phrase of their own ("Kenya's
# decision", "the decision to ...") the rules find that instead.
GENERIC_ACT_NOUNS = frozenset({"move", "decision", "step", "action", "measure"})
GENERIC_REACH = 2
# Nouns that take up the news a story leads with, however far back: "welcomed the announcement"
# (said of the lead's act, told again as background in between).
LEAD_NOUNS = frozenset({"announcement"})
# The sentences after the first that tells an act which still make the lead.
LEAD_REACH = 1


def _lead_act(ctx: SentenceContext, own: set[tuple[str, str]]) -> Event | None:
    """The first act of the story's lead (the first sentence that tells one, or the next) that
    another side than ``own`` did."""
    if not ctx.state.events:
        return None
    first = ctx.state.events[0].sentence_index
    return next((e for e in ctx.state.events if e.sentence_index <= first + LEAD_REACH and e.sentence_index < ctx.index
                 and _answerable(e, own)), None)  # fmt: skip


# Nouns that sum up the act just told when set off after it: "Kenya expelled the envoy, a move that
# angered Mogadishu".
SUMMING_ACT_NOUNS = GENERIC_ACT_NOUNS | frozenset({"act"})


def _answered_nouns(tok: Token) -> list[Token]:
    """The nouns a verb answers: its objects, its passive subject, and the antecedent of a relative
    pronoun standing as either ("the charges, which Washington dismissed")."""
    out = [c for c in tok.children if c.dep_ in OBJ or c.dep_ == "nsubjpass"]
    if tok.dep_ == "relcl" and any(c.lower_ in {"which", "that"} for c in out):
        out.append(tok.head)
    return [t for t in out if t.pos_ == "NOUN" and not any(c.dep_ == "poss" for c in t.children)]


def _labelled(verb: Token) -> list[Token]:
    """The nouns a verb of naming gives as the name: "called a provocation", "described as an attack"."""
    out = [c for c in verb.children if c.dep_ in {"oprd", "dobj", "attr"} and c.pos_ == "NOUN"]
    return out + [o for p in verb.children if p.dep_ == "prep" and p.lower_ == "as" for o in p.children
                  if o.dep_ == "pobj" and o.pos_ == "NOUN"]  # fmt: skip


def envoy_host(d: Draft, ctx: SentenceContext) -> None:
    """An envoy summoned or expelled with no one said to do it was summoned by the state that hosts
    them: the one named after "to" ("Beijing's ambassador to the EU was summoned": the EU), else
    the country where the summons takes them ("was summoned to the ministry in New Delhi"), never
    the envoy's own."""
    if d.source or d.tok.pos_ != "VERB" or "ambassador" not in getattr(d.entry, "object", ()):
        return
    envoys = [a for a in d.target if is_envoy(a)]
    own = {a.country for a in envoys}
    if not envoys or not own:
        return
    host: list[Actor] = []
    for subj in (c for c in d.tok.children if c.dep_ == "nsubjpass"):
        for prep in (p for p in subj.subtree if p.dep_ == "prep" and p.lower_ == "to"):
            host += [a for o in prep.children if o.dep_ == "pobj" for a in actors_under(o, ctx.actor_at) if a.country not in own]
    if not host:
        lo, hi = d.tok.idx, d.tok.right_edge.idx + len(d.tok.right_edge)
        at = next((p for p in ctx.usable if lo <= p.start < hi and p.country and p.country not in own), None)
        if at is not None:
            host = [Actor(text="", start=at.start, end=at.start, name=at.country, country=at.country, sector="GOV",
                          entry_id="host")]  # fmt: skip
    if not host:
        # "'The charge d'affaires of Pakistan was summoned,' the Indian foreign ministry said": the
        # state that tells of the summons made it
        said = attribution_for(d.tok, ctx.toks, ctx.text, ctx.start_char, ctx.actor_at)
        speaker = said.actor if said is not None else None
        if speaker is not None and len(speaker.country) == 3 and speaker.country not in NOT_STATES | own:
            d.source, d.how["source"] = [speaker], "speaker"
            return
    if host:
        d.source, d.how["source"] = host[:1], "host"


# Verbs that deny what a clause says: "denied that it had transferred drones".
DENIAL_VERBS = frozenset({"deny", "dismiss", "reject", "refute", "rebut"})
DENIAL_REACH = 4  # sentences back a denial may answer an accusation
# Nouns of what is claimed against someone: denying or rejecting one answers whoever made it
# ("The coast guard rejected the protest", "N'Djamena has denied the claim").
CLAIM_NOUNS = frozenset({"claim", "allegation", "accusation", "charge", "protest", "complaint", "criticism", "assertion"})
# Nouns of a part in something that a denial disowns, answering whoever charged it: "denied any
# involvement", "denied responsibility".
DENIED_PARTS = frozenset({"involvement", "interference", "role", "responsibility", "wrongdoing", "link", "complicity"})


def _claimants(claim: Token) -> list[Token]:
    """Who the claim's own words say made it: its owner ("Kyiv's allegations"), a "by" phrase, or
    the subject or agent of a relative clause on it ("the claim, which was made by UN experts")."""
    out = [c for c in claim.children if c.dep_ == "poss"]
    out += [c for c in claim.children if c.dep_ == "prep" and c.lower_ == "by"]
    for rel in (c for c in claim.children if c.dep_ == "relcl"):
        out += [c for c in rel.children if c.dep_ in {"nsubj", "agent"} and c.pos_ != "PRON"]
    return out


def denied_accusation(d: Draft, ctx: SentenceContext) -> None:
    """Denying what a clause says answers whoever accused the denier of it, told shortly before
    ("The United States accused Iran of supplying drones to Russia. Iran denied that it had
    transferred drones": aimed at the United States, not at Russia, a party of what is denied)."""
    if d.type != "REJECT" or d.tok.lemma_.lower() not in DENIAL_VERBS or d.how.get("target") not in ("", "complement", "phrase", None):
        return
    claims = [c for c in d.tok.children if c.dep_ == "dobj" and c.lemma_.lower() in CLAIM_NOUNS]
    # what is denied: a clause, an act told as "-ing" ("denied targeting civilians"), or a part in
    # something ("denied any involvement")
    denied = [c for c in d.tok.children if c.dep_ in {"ccomp", "xcomp"} or (c.dep_ == "dobj" and c.lemma_.lower() in DENIED_PARTS)]
    if not claims and not denied:
        return
    if not claims and any(c.dep_ == "dobj" and any(t.i in ctx.actor_at and ctx.actor_at[t.i] not in d.source for t in c.subtree)
                          for c in denied):  # fmt: skip
        return  # "denied any interference in the Romanian election": the party its words name
    own = {a.country for a in d.source if a.country}
    if not own:
        return
    if claims and d.how.get("target") not in ("", None):
        return  # a claim whose words name a party: the roles read it
    for claim in claims:
        # "denied the claim, which was made by UN experts", "rejected Kyiv's allegations"
        author = [a for t in _claimants(claim) for a in actors_under(t, ctx.actor_at) if a.country not in own]
        if author:
            d.target, d.how["target"] = list(dict.fromkeys(author)), "accuser"
            return
    for e in reversed(ctx.state.events):
        if e.sentence_index < ctx.index - DENIAL_REACH:
            return
        if e.event_type == "ACCUSE" and own & {a.country for a in e.target} and not own & {a.country for a in e.source}:
            d.target, d.how["target"] = [a for a in e.source if a.country], "accuser"
            return


def act_author(d: Draft, ctx: SentenceContext) -> None:
    """Condemning, rejecting or welcoming an act answers whoever did it, as rejecting a call answers
    its author: "condemned Russia's invasion of Ukraine" is aimed at Russia (the act's owner, "by"
    phrase or the subject of a relative clause on it), not at Ukraine, its victim (types with the ontology behaviour ``target_is_act_author``)."""
    if d.type not in ontology().types_with("target_is_act_author") or d.tok.pos_ != "VERB":
        return
    # "denounced what it called a provocation by NATO": the thing named in the free relative (whose
    # subject names the one who condemns, not a target)
    named = [n for c in d.tok.children if c.dep_ == "ccomp" and names_in_free_relative(c) for n in _labelled(c)]
    if d.target and d.how.get("target") != "object" and not (named and d.how.get("target") == "complement"):
        return
    # (told in the passive, its subject: "the arrests were condemned by the EU")
    objects = [c for c in d.tok.children if c.dep_ in OBJ | {"nsubjpass"} and c.pos_ == "NOUN"] + named
    # "expressed concern over the arrests", "is deeply disappointed by the approval": what the
    # stance is taken on
    for holder in [d.tok, *objects]:
        objects += [o for p in holder.children if p.dep_ == "prep" and p.lower_ in STANCE_PREPS
                    for o in p.children if o.dep_ == "pobj" and o.pos_ == "NOUN"
                    and not (p.lower_ == "at" and _gathering(o, ctx))]  # fmt: skip
    for obj in objects:
        lemma = obj.lemma_.lower()
        if (lemma not in ctx.lemma_set and obj not in named) or lemma in PROPOSAL_NOUNS:
            continue  # not a noun of an act (but what it is called: "a provocation by NATO"); calls, plans and charges have their own passes
        author = [a for c in obj.children if c.dep_ in {"poss", "compound", "amod", "nmod"}
                  for a in actors_under(c, ctx.actor_at) if a not in d.source]  # fmt: skip
        for prep in obj.children:
            if prep.dep_ == "prep" and prep.lower_ == "by":
                author.extend(a for a in actors_under(prep, ctx.actor_at) if a not in d.source)
        # "condemned the sanctions that Washington imposed": the relative clause's subject did it
        for rel in (c for c in obj.children if c.dep_ == "relcl"):
            for subj in (c for c in rel.children if c.dep_ == "nsubj"):
                author.extend(a for a in actors_under(subj, ctx.actor_at) if a not in d.source)
        if author:
            d.target, d.how["target"] = list(dict.fromkeys(author)), "act-author"
        elif not d.target and _definite(obj):
            # "Egypt condemned the attack": the attack the story told, of whoever did it
            told = _told_act(obj, d, ctx)
            if told is not None:
                d.target, d.how["target"] = list(told.source), "referent"
        elif _definite(obj) and _only_patients(d.target, obj, ctx):
            # "The PKK released two soldiers ... Washington welcomed the release of the soldiers":
            # the act the story told by that word, of whoever did it, not the soldiers
            told = _told_by_word(obj, d, ctx)
            if told is not None:
                d.target, d.how["target"] = list(told.source), "referent"
        return


def _told_by_word(noun: Token, d: Draft, ctx: SentenceContext) -> Event | None:
    """The latest act told up to ``WORD_REACH`` sentences back by the verb ``noun`` names
    ("released" for "the release"), by a party other than the one answering it."""
    lemma, own = noun.lemma_.lower(), _sides(d.source)
    for prev, prev_lemma in zip(reversed(ctx.state.events), reversed(ctx.state.trigger_lemmas), strict=False):
        if ctx.index - prev.sentence_index > WORD_REACH:
            break
        if (prev_lemma == lemma or _nominalised(lemma, (prev_lemma,))) and _answerable(prev, own):
            return prev
    return None


def _only_patients(target: Sequence[Actor], noun: Token, ctx: SentenceContext) -> bool:
    """Every actor of ``target`` is named in the "of" phrase of the act noun ``noun`` ("the release
    of the soldiers")."""
    patients = [a for p in noun.children if p.dep_ == "prep" and p.lower_ == "of" for a in actors_under(p, ctx.actor_at)]
    return bool(patients) and all(a in patients for a in target)


# Prepositions naming what a stance is taken on: "concern over the arrests", "angry about the raid".
STANCE_PREPS = frozenset({"over", "about", "at", "by", "with"})


def _gathering(noun: Token, ctx: SentenceContext) -> bool:
    """``noun`` names a meeting (every trigger entry for it a meeting's type): "criticized Uganda at
    an African Union summit" says where the criticism was voiced, not whose act it answers."""
    entries = ctx.triggers.candidates(noun.lemma_.lower(), "NOUN")
    return bool(entries) and all(e.type in MEETING_TYPES for e in entries)
# Determiners and modifiers by which a noun names an act already told: "the attack", "Monday's
# bombing", "the recent violence".
DEFINITE_WORDS = frozenset({"the", "this", "these", "that", "those", "recent", "latest", "last"})


def _definite(noun: Token) -> bool:
    return any((c.dep_ in {"det", "amod"} and c.lower_ in DEFINITE_WORDS)
               or (c.dep_ == "poss" and c.ent_type_ in {"DATE", "TIME"}) for c in noun.children)  # fmt: skip


def _told_act(noun: Token, d: Draft, ctx: SentenceContext) -> Event | None:
    """The latest act of the type ``noun`` names, told up to ``REFERENT_REACH`` sentences before,
    by a party other than the one answering it."""
    entry = match_trigger(noun, ctx.triggers)
    if entry is None:
        return None
    return _latest_told(ctx, _sides(d.source), REFERENT_REACH, entry.type)


# Pronouns by which a speaker takes up what was just told: "'This is a baseless case,' he said".
TAKING_UP = frozenset({"this", "that", "it"})


def told_author(subject: Token, speakers: Sequence[Actor], ctx: SentenceContext) -> list[Actor]:
    """Who did the act a speaker condemns without naming its party: a definite noun of an act
    ("said the arrests were illegal") takes up the latest act of its type told up to
    ``REFERENT_REACH`` sentences back; "this" or "it" the latest act of any type up to
    ``GENERIC_REACH`` back, of another side than the speaker's."""
    own = _sides(speakers)
    if subject.pos_ == "PRON" and subject.lower_ in TAKING_UP:
        told = _latest_told(ctx, own, GENERIC_REACH)
    elif subject.pos_ == "NOUN" and (_definite(subject) or any(c.dep_ == "poss" for c in subject.children)):
        entry = match_trigger(subject, ctx.triggers)
        told = _latest_told(ctx, own, REFERENT_REACH, entry.type) if entry is not None else None
    else:
        told = None
    return list(told.source) if told is not None else []


# Verbs whose object is the other party of a meeting ("met Putin", "visited Kyiv"), not its topic.
COUNTERPART_OBJECT_VERBS = frozenset({"meet", "visit", "host", "receive", "call", "phone", "telephone", "welcome"})
# Prepositions that name the other party of a mutual act ("talks with", "a deal between").
COUNTERPART_PREPS = frozenset({"with", "between", "among"})


def _counterparts(tok: Token, entry: Entry, ctx: SentenceContext) -> list[Actor]:
    """Actors the trigger's own phrases name as the other party of a mutual act ("to" only for a
    trigger that takes its target so: "talked to")."""
    preps = COUNTERPART_PREPS | ({"to"} & set(getattr(entry, "target_prep", ()) or ()))
    out: list[Actor] = []
    heads = [tok, *(c for c in tok.children if c.dep_ == "dobj" and c.pos_ == "NOUN")]  # "resumed talks with"
    for head in heads:
        for c in head.children:
            if (c.dep_ in ("prep", "dative") and c.lower_ in preps) or (  # ("sent delegations to": a dative)
                    c.dep_ == "dobj" and head.i == tok.i and tok.lemma_.lower() in COUNTERPART_OBJECT_VERBS):
                out.extend(actors_under(c, ctx.actor_at) or actors_under(c, ctx.latent_at))
    return out


# CAMEO's code for mediating ("mediated", "brokered"): its parties are those it is between.
MEDIATION_CAMEO = "045"


def joint_parties(d: Draft, ctx: SentenceContext) -> None:
    """Parties named together as the ones who meet, agree or cooperate are each other's targets
    (ontology behaviour ``mutual``): "Peru and Chile resumed talks", "the two countries' officials
    met and signed a pact", "NATO defence ministers met". What the meeting is about ("discussed
    China's role") or what the pact is against is no party of it. An actor named as the other
    party ("talks with Bolivia") keeps the roles read so far. A reciprocal act of any type (a
    trigger entry's ``mutual``: "troops clashed with militants") is one of both sides against both."""
    if _reciprocal(d.tok) and (len({a.country for a in d.source if a.country}) >= 2
                               or len({(a.country, a.sector) for a in d.source if a.country}) >= 2):
        # "Armenia and Azerbaijan accused each other": each party did it to the others (the army
        # and the rebels of one country too)
        d.target = [replace(a, entry_id=f"{a.entry_id}+joint") for a in d.source]
        d.how["target"] = "joint"
        return
    if getattr(d.entry, "mutual", False) and d.source and (d.target or len(d.source) > 1):
        # a reciprocal act of a subject with another ("clashed with militants"): each party did it
        # to the other. (Not "fighting between X and Y" with no subject: VOA dev read the one such
        # event one way, the pool the other; its parties stay targets, the source the model's.)
        parties = list(dict.fromkeys((*d.source, *d.target)))
        if len({(a.country, a.sector) for a in parties}) >= 2:
            d.source = parties
            d.target = [replace(a, entry_id=f"{a.entry_id}+joint") for a in parties]
            d.how["target"] = "joint"
        return
    if (not d.source and d.type in ontology().types_with("mutual") and d.target
            and not any(c.dep_ == "poss" for c in d.tok.children)):  # (not "our defence treaty between ...")
        # "negotiations between Britain and Mauritius", "a deal between Kenya and Somalia": the
        # parties the phrase sets side by side are the ones who talk or agree, each with the other
        between = _between_parties(d.tok, ctx)
        if len({(a.country, a.sector in SIDE_SECTORS) for a in between if a.country}) >= 2:
            d.source = between
            d.target = [replace(a, entry_id=f"{a.entry_id}+joint") for a in between]
            d.how["source"], d.how["target"] = "between", "joint"
            return
    if (d.type not in ontology().types_with("mutual") and not getattr(d.entry, "mutual", False)) or not d.source:
        return
    if d.entry.cameo.startswith(MEDIATION_CAMEO):
        return  # "mediated by Qatar and Egypt": co-mediators are on one side, not each other's parties
    countries = {a.country for a in d.source if a.country}
    members = len(d.source) == 1 and d.type == "CONSULT" and countries == {"IGO"} and _plural_head(d.source[0], ctx)
    # two sides: two countries, or a government and its armed opposition ("Colombia and the ELN rebels")
    sides = {(a.country, a.sector in SIDE_SECTORS) for a in d.source if a.country}
    if len(countries) < 2 and len(sides) < 2 and not members:
        return
    if [a for a in _counterparts(d.tok, d.entry, ctx) if a not in d.source]:
        return
    if d.type != "CONSULT" and d.how.get("target") == "object" and [a for a in d.target if a not in d.source]:
        return  # "Turkey and Qatar trained Somali soldiers": whom they cooperate with (what talks discuss is no party)
    if getattr(d.entry, "intent", False) and [a for a in d.target if a not in d.source]:
        return  # a promise to another: "Canada and Australia offered aid to Haiti" (not "pledged to deepen their ties")
    d.target = [replace(a, entry_id=f"{a.entry_id}+joint") for a in d.source]
    d.how["target"] = "joint"


def _between_parties(tok: Token, ctx: SentenceContext) -> list[Actor]:
    """The actors a "between" or "among" phrase on the trigger names ("talks between A and B")."""
    return [a for c in tok.children if c.dep_ == "prep" and c.lower_ in {"between", "among"}
            for a in actors_under(c, ctx.actor_at)]  # fmt: skip


def _reciprocal(tok: Token) -> bool:
    """The act's object, or the object of its phrase, is "each other" or "one another"."""
    for c in tok.children:
        words = [c] if c.dep_ in OBJ else [o for o in c.children if o.dep_ == "pobj"] if c.dep_ == "prep" else []
        for w in words:
            # ("one another" parses either way round)
            pair = {w.lower_, *(g.lower_ for g in w.children if g.dep_ == "det")}
            if pair >= {"each", "other"} or pair >= {"one", "another"}:
                return True
    return False


# Sectors that make a side of their own against their country's state in a mutual act.
SIDE_SECTORS = frozenset({"REB", "OPP"})


def _plural_head(a: Actor, ctx: SentenceContext) -> bool:
    """The mention names several people ("G7 foreign ministers"), not the body as one actor."""
    span = ctx.sent.doc.char_span(a.start, a.end, alignment_mode="expand")
    if span is None:
        return False
    head = span.root
    while head.dep_ == "compound" and head.head.i != head.i:  # "ECOWAS security chiefs"
        head = head.head
    return head.tag_ == "NNS"


# --- actors and place ------------------------------------------------------------------------------


def event_place(d: Draft, ctx: SentenceContext) -> None:
    """The place in the trigger's phrase, else the nearest in its sentence."""
    d.place, d.place_how = _place_for(d.tok, ctx.sent, ctx.usable)


def pronoun_parties(d: Draft, ctx: SentenceContext) -> None:
    """A plural pronoun that takes up two or three states ("Canada and Mexico said they would
    retaliate") stands for each of them in the role it fills."""
    if not ctx.pronoun_groups:
        return
    for role in (d.source, d.target):
        for a in list(role):
            for other in ctx.pronoun_groups.get(a.start, ()) if a.entry_id.startswith("pronoun:") else ():
                if other not in role:
                    role.insert(role.index(a) + 1, other)


def locate_actors(d: Draft, ctx: SentenceContext) -> None:
    """Ethnic groups by the country they live in; actors of no stated country from the place."""
    d.source = [ethnic_home(a, d.place, ctx.article.text) for a in d.source]
    d.target = [located(ethnic_home(a, d.place, ctx.article.text), d.place) for a in d.target]
    # a country read off the place ("rebels attacked a town in Mali") does not keep the place's
    # country from being the target as well
    d.stated_countries = {a.country for a in d.source}
    # (not by the place of a clause the act's own is set off from: "publishes from Costa Rica
    # after police raided its offices")
    own = None if d.place is None or _marked_off(d.tok, d.place) else d.place
    d.source = [located(_relocated(a, own, ctx), d.place) for a in d.source]


def _marked_off(tok: Token, place: Place) -> bool:
    """The trigger's clause is a subordinate one with a conjunction of its own ("after police
    raided ...", "when troops entered ...") and the place is outside it."""
    clause = tok
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head
    if clause.dep_ != "advcl" or not any(c.dep_ == "mark" for c in clause.children):
        return False
    return not (clause.left_edge.idx <= place.start < clause.right_edge.idx + len(clause.right_edge))


# Sectors of people who act where they live: protesters, police, unions, students, clergy.
LOCAL_SECTORS = frozenset({"CVL", "OPP", "COP", "LAB", "EDU", "REL"})


def _relocated(actor: Actor, place: Place | None, ctx: SentenceContext) -> Actor:
    """"Hundreds of protesters gathered in Panama City": people of a local sector whose country
    only the article's context gave are of the country where they act, when the story has that
    country in it already (an actor or a place of its events: a place resolved to a country the
    story never names is more likely a wrong reading of the name than a move abroad)."""
    if (place is None or not place.country or len(place.country) != 3 or place.country in {"IGO", "NGO"}
            or actor.sector not in LOCAL_SECTORS or not actor.country or actor.country == place.country
            or not _guessed_country(actor)):  # fmt: skip
        return actor
    named = any(a.country == place.country for a in ctx.actor_at.values()) or any(
        (e.place is not None and e.place.country == place.country) or any(a.country == place.country for a in (*e.source, *e.target))
        for e in ctx.state.events)  # fmt: skip
    return moved(actor, place.country) if named else actor


def release_holder(d: Draft, ctx: SentenceContext) -> None:
    """A demand that someone be freed is aimed at the state that holds them: where the demand's
    own words say they are held ("the release of all Americans detained in Afghanistan"), else the
    state of those freed ("called for Zamora's release"); never those freed (pool gold, four times)."""
    if d.type != "REQUEST" or not (freed := released_of(d.tok)):
        return
    if d.target and not all(any(ctx.actor_at.get(i) is a for i in freed) for a in d.target):
        return  # a party named as such: "urged Kabul to release ..."
    held = [p for p in ctx.usable if p.country and len(p.country) == 3 and (h := head_token(ctx.sent.doc, p)) is not None
            and h.i in freed]  # fmt: skip
    own = {s.country for s in d.source}
    # (a country named in a locative phrase of theirs is latent, no actor: "detained in Afghanistan")
    named = [a for i in sorted(freed) if (a := ctx.latent_at.get(i) or ctx.actor_at.get(i)) is not None]
    countries = [p.country for p in held] or [a.country for a in named if len(a.country) == 3
                                              and a.country not in NOT_STATES and a.country not in own]  # fmt: skip
    if not countries:
        d.target, d.how["target"] = [], ""
        return
    place = held[0] if held else None
    country = countries[0]
    d.target = [Actor(text=place.text if place else "", start=place.start if place else d.tok.idx,
                      end=place.end if place else d.tok.idx, name=country, country=country, sector="GOV",
                      entry_id=HOLDER)]  # fmt: skip
    d.how["target"] = "holder"


def phrase_target(d: Draft, ctx: SentenceContext) -> None:
    """Last resort from the parse: an actor inside the trigger's own phrase."""
    if not d.target:
        themed = bool(d.entry.object) or d.type in ontology().types_with("object_is_theme")
        topic = {id(ctx.actor_at[i]) for i in discussed(d.tok) if i in ctx.actor_at}
        # (nor a go-between hyphened to the act: "a UN-brokered ceasefire")
        brokers = {id(ctx.actor_at[c.i]) for c in d.tok.children if c.i in ctx.actor_at and brokered_by(c)}
        d.target = [a for a in _phrase_actors(d.tok, ctx.actor_at, themed) if a not in d.source and id(a) not in topic | brokers]
        addressee = asked_of(d.tok) if d.type == "REQUEST" else None
        if addressee is not None:
            # "urged security counterparts to share intelligence", "called on neighbouring states to
            # arrest the commander": the demand is on those asked, whoever the asked act concerns
            asked = {id(ctx.actor_at[t.i]) for t in addressee.subtree if t.i in ctx.actor_at}
            d.target = [a for a in d.target if id(a) in asked]
        if d.type == "ACCUSE":  # not those a condemned act was done against ("the violence against
            # demonstrators"), nor those the charge concerns ("accused donors of ignoring Rwanda's role")
            victims = {id(ctx.actor_at[i]) for i in not_accused(d.tok) if i in ctx.actor_at}
            d.target = [a for a in d.target if id(a) not in victims]
        if d.type in {"ACCUSE", "REJECT", "SUPPORT"}:  # nor whom a measure a stance is on is aimed at
            sided = {id(ctx.actor_at[i]) for i in measure_targets(d.tok) if i in ctx.actor_at}
            d.target = [a for a in d.target if id(a) not in sided]
        if d.type == "REQUEST":  # nor those a demand asks to be freed: it is aimed at who holds them
            freed = {id(ctx.actor_at[i]) for i in released_of(d.tok) if i in ctx.actor_at}
            d.target = [a for a in d.target if id(a) not in freed]
        # nor anyone of what the act was done on suspicion of: "on suspicion of funding Hamas"
        suspicion = {id(ctx.actor_at[i]) for i in suspected_of(d.tok) if i in ctx.actor_at}
        d.target = [a for a in d.target if id(a) not in suspicion]
        d.how["target"] = "phrase" if d.target else ""
        if d.target and all(_owns_unit_struck(d.tok, a, ctx) for a in d.target):
            d.how["target"] = "object"  # "attacked a military convoy", "a police station": the unit's owner is the object


def _owns_unit_struck(verb: Token, actor: Actor, ctx: SentenceContext) -> bool:
    """The actor is the sector word on the verb's object, a unit or post ("attacked a military
    convoy", "stormed a police station", "shelled an army base"): whose the object is."""
    return any(c.dep_ in {"dobj", "nsubjpass"} and c.lemma_.lower() in UNIT_NOUNS
               and any(m.dep_ in {"amod", "compound"} and ctx.actor_at.get(m.i) is actor for m in c.children)
               for c in verb.children)  # fmt: skip


def gathering_target(d: Draft, ctx: SentenceContext) -> None:
    """A demonstration told as a gathering is aimed at whom the gathering's own phrase names
    ("gathered outside the Belarusian embassy to demand ..."), or else its purpose ("took to the
    streets to protest Russia's attack"; ``matching.gathering_protest``)."""
    if d.type != "PROTEST" or (d.target and d.how.get("target") != "complement"):
        return
    purpose = protest_purpose(d.tok, ctx.triggers)
    if purpose is None:
        return
    # where the gathering is ("outside the Belarusian embassy") before what it is for (the
    # complement the roles read, or else the purpose's own phrase)
    there = [a for a in _phrase_actors(d.tok, ctx.actor_at, False) if a not in d.source]
    if there:
        d.target, d.how["target"] = there, "gathering"
    elif not d.target:
        d.target = [a for a in _phrase_actors(purpose, ctx.actor_at, False) if a not in d.source]
        d.how["target"] = "purpose" if d.target else ""


# sectors that bear arms: what they storm or riot against, they attack
ARMED_SECTORS = frozenset({"MIL", "REB", "IMG", "CRM"})


# Sectors and words of those who enforce order: a road they block is closed to others.
ORDER_SECTORS = frozenset({"COP", "MIL", "SPY"})
ORDER_WORDS = frozenset({"police", "policeman", "officer", "soldier", "troop", "force", "guard", "gendarme",
                         "army", "military", "authority"})  # fmt: skip


def armed_riot(d: Draft, ctx: SentenceContext) -> None:
    """Storming a building is a violent protest when protesters do it, and an attack (ASSAULT,
    CAMEO 190) when gunmen, soldiers or militants do ("gunmen stormed the hotel"). Blocking a
    road is a protest by a crowd and a restriction (COERCE, CAMEO 172) by police or troops
    ("anti-riot officers blocked the roads leading to parliament"). A state that protests ("Iraq's
    government protested the strikes", "Seoul protested Tokyo's decision", "drew a protest from
    Beijing", "Rabat's protest") complains officially (ACCUSE, CAMEO 114): its protest is words, no
    demonstration."""
    if d.type == "PROTEST" and d.entry.mode == "riot" and d.source and all(a.sector in ARMED_SECTORS for a in d.source):
        d.recode(Recoded.of("ASSAULT", "190", "", d.entry.weight))
    elif (d.type == "PROTEST" and d.entry.mode == "demo" and d.tok.lemma_.lower() in ("protest", "protests")
          and d.how.get("source") in ("subject", "source-prep", "owner", "carrier") and d.source
          and all(a.sector == "GOV" or (not a.sector and a.entry_id.startswith(("country:", "capital:"))) for a in d.source)):  # fmt: skip
        d.recode(Recoded.of("ACCUSE", "114", "disapprove", d.entry.weight))
    elif d.type == "PROTEST" and d.entry.mode == "obstruct" and d.tok.pos_ == "VERB":
        subjects = [c for c in d.tok.children if c.dep_ == "nsubj"]
        if (d.source and all(a.sector in ORDER_SECTORS | {"GOV"} or a.entry_id.startswith(("country:", "capital:"))
                             for a in d.source)) or (
                not d.source and any(c.lemma_.lower() in ORDER_WORDS for c in subjects)):  # fmt: skip
            d.recode(Recoded.of("COERCE", "172", "restrict", d.entry.weight))


# --- conventions for what the text leaves unstated ------------------------------------------------


def toll_target(d: Draft, ctx: SentenceContext) -> None:
    """An attack on a place or a thing ("attacked a camp", "stormed a hotel") that the sentence goes
    on to count the dead of ("..., killing 42 civilians") was aimed at the people it killed."""
    if d.target or d.type not in ontology().types_with("use_of_force") or d.tok.pos_ != "VERB":
        return
    for v in d.tok.children:
        if v.dep_ in {"advcl", "conj"} and v.tag_ == "VBG" and v.lemma_.lower() in CASUALTY:
            victims = [a for o in v.children if o.dep_ == "dobj" for a in actors_under(o, ctx.actor_at) if a not in d.source]
            if victims:
                d.target, d.how["target"] = victims, "toll"
                return


# How many sentences back the attack whose dead a passive counts may have been told.
TOLL_REACH = 1


def toll_source(d: Draft, ctx: SentenceContext) -> None:
    """The dead and wounded a passive counts with no one named as killing them ("At least two
    people were killed, the ministry said") were killed by whoever made the attack the story has
    just told ("Israeli warplanes struck several villages ..."), in this sentence or the one before:
    as the pool's coders code them."""
    if d.source or d.type != "ASSAULT" or d.tok.pos_ != "VERB" or d.tok.lemma_.lower() not in CASUALTY:
        return
    if not any(c.dep_ == "auxpass" for c in d.tok.children) or any(c.dep_ == "agent" for c in d.tok.children):
        return
    for e in reversed(ctx.state.events):
        if e.sentence_index < ctx.index - TOLL_REACH:
            return
        if e.event_type == "ASSAULT" and e.factuality == "asserted" and e.source:
            # (a state's forces killed are not killed by their own state's: the other side's)
            victims = {a.country for a in d.target if a.country and a.sector in STATE_BODY_SECTORS}
            others = [a for a in e.source if not (a.country in victims and a.sector in STATE_BODY_SECTORS)]
            if others and len(others) < len(e.source):
                # a clash of two sides ("Pakistani and Afghan forces exchanged fire. One Afghan
                # border guard was killed"): the other side killed them
                d.source, d.how["source"] = others, "carried"
            elif not {(a.country, a.sector) for a in e.source} & {(a.country, a.sector) for a in d.target}:
                # (not the attackers' own dead: "two Israeli soldiers were killed")
                d.source, d.how["source"] = list(e.source), "carried"
            return


def place_country_target(d: Draft, ctx: SentenceContext) -> None:
    """An act of a type aimed where it happens targets the place's country when the text names no
    other and the source is not from there."""
    place = d.place
    modes = ontology().behaviour(d.type, "target_where_it_happens")
    if isinstance(modes, list) and d.entry.mode not in modes:
        return  # "talks in Doha": a venue, where the parties meet, is not a party
    if (not d.target and d.source and place is not None and modes
            and place.country and place.country not in d.stated_countries):  # fmt: skip
        # a place the act is aimed at ("fired rockets at northern Israel", "strikes on Kharkiv") is
        # read off the clause as a phrase target is; one it only happens in is a convention
        aimed = _aimed_at(d.tok, d.entry, place)
        d.target, d.how["target"] = [_country_actor(place)], "prep-place" if aimed else "place-country"
        # "tariffs on steel from Canada and Mexico": every country of the places joined to it
        d.target += [_country_actor(p) for p in _joined_places(place, ctx)
                     if p.country and p.country not in d.stated_countries | {a.country for a in d.target}]


def _joined_places(place: Place, ctx: SentenceContext) -> list[Place]:
    """The sentence's places joined to ``place`` by "and" or commas ("Canada and Mexico")."""
    doc = ctx.sent.doc
    root = head_token(doc, place)
    if root is None:
        return []
    joined = {t.i for t in root.subtree if t.dep_ == "conj"} | ({root.head.i} if root.dep_ == "conj" else set())
    return [p for p in ctx.usable if p is not place and (h := head_token(doc, p)) is not None and h.i in joined]


def _aimed_at(tok: Token, entry: Entry, place: Place) -> bool:
    """The place is inside a phrase of the trigger (or of its object) headed by one of the
    prepositions the trigger takes its target with ("at", "on", "against")."""
    preps = set(getattr(entry, "target_prep", ()) or ()) - {"in", "inside", "near"}
    if not preps:
        return False
    for head in (tok, *(c for c in tok.children if c.dep_ == "dobj")):
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ in preps:
                last = c.right_edge
                if c.idx <= place.start < last.idx + len(last):
                    return True
    return False


def domestic_target(d: Draft, ctx: SentenceContext) -> None:
    """Domestic acts with no stated target (CAMEO/PLOVER convention): a protest is against the
    government where it happens, a curfew or a ban by the state falls on its people."""
    rule = ontology().behaviour(d.type, "domestic_target")
    if d.target or not d.source or rule is None or vessel_taken(d.tok) is not None:
        return  # (a ship taken is no people's of the state that takes it)
    place = d.place
    home = place.country if place is not None and place.country else next(
        (a.country for a in d.source if a.country), "")  # fmt: skip
    sector, by_state = rule["sector"], rule["only_by_state"]
    if sector in STATE_BODY_SECTORS and all(a.sector in STATE_BODY_SECTORS for a in d.source):
        return  # a state's protest ("drew a protest from New Delhi") is not against itself
    if home and (not by_state or all(a.sector in STATE_SECTORS for a in d.source)):
        arrested = _arrested(d, ctx) if sector == "CVL" else None
        if arrested is not None:
            # "police arrested a student activist in Moundou": that activist, not the town
            d.target, d.how["target"] = [replace(home_actor(home, sector, None), text=ctx.text[arrested[0] - ctx.start_char : arrested[1] - ctx.start_char],
                                                 start=arrested[0], end=arrested[1])], "domestic"  # fmt: skip
            return
        d.target, d.how["target"] = [home_actor(home, sector, place)], "domestic"


def _arrested(d: Draft, ctx: SentenceContext) -> tuple[int, int] | None:
    """The character span of whom an arrest, a detention or a sentence (mode "arrest") falls on,
    where its object names people no actor stands for: the object's words up to its head."""
    if d.entry.mode != "arrest" or d.tok.pos_ != "VERB" or getattr(d.entry, "object", None):
        return None  # (a verb read by its object names the act: "issued an arrest warrant")
    passive = any(c.dep_ == "auxpass" for c in d.tok.children)
    obj = next((c for c in d.tok.children if c.dep_ == ("nsubjpass" if passive else "dobj")), None)
    if obj is None or obj.pos_ != "NOUN" or obj.ent_type_ in ("DATE", "TIME", "MONEY", "GPE", "LOC"):
        return None
    words = [t for t in obj.doc[obj.left_edge.i : obj.i + 1] if not t.is_punct]
    start = words[0]
    if any(t.i in ctx.actor_at or t.i in ctx.latent_at for t in obj.doc[start.i : obj.i + 1]):
        return None
    end = obj.i + 1
    if sum(t.is_quote for t in obj.doc[start.i : end]) % 2 and end < len(obj.doc) and obj.doc[end].is_quote:
        end += 1  # 38 "wanted individuals": the quotation closes after the head
    return start.idx, obj.doc[end - 1].idx + len(obj.doc[end - 1])


def victims_of_place(d: Draft, ctx: SentenceContext) -> None:
    """Victims of no stated country, where the act happens in a place its phrase names, are of
    the place's country."""
    place = d.place
    if place is not None and place.country and d.place_how == "phrase":
        d.target = [moved(a, place.country) if _guessed_country(a) and a.country != place.country
                    and a.sector in {"CVL", ""} else a for a in d.target]  # fmt: skip


def repressed_at_home(d: Draft, ctx: SentenceContext) -> None:
    """People a state coerces whose country the text does not name are its own ("Nicaragua's
    government has expelled dozens of priests": Nicaraguan priests, not the country a Washington
    story names most)."""
    if d.type != "COERCE" or not d.source or not all(a.sector in STATE_SECTORS for a in d.source):
        return
    if all(a.sector == "MIL" for a in d.source):
        return  # troops detain whom they find where they are: "men from the village were detained by Israeli troops"
    home = {a.country for a in d.source if a.country}
    if len(home) != 1:
        return
    (country,) = home
    d.target = [moved(a, country) if _guessed_country(a) and a.country and a.country != country
                and a.sector not in STATE_SECTORS else a for a in d.target]  # fmt: skip


# --- factuality and the re-codings it implies -----------------------------------------------------


# Verbs that report a command quoted before or after them.
COMMAND_REPORTING = frozenset({"say", "tell", "add", "urge", "warn", "write", "declare", "shout", "order", "demand"})
_QUOTES = frozenset({'"', "\u201c", "\u201d", "``", "''", "'"})


def quoted_command(d: Draft, ctx: SentenceContext) -> None:
    """A quoted command ("'Release the hostages now,' the president said", "'Lay down your arms,'
    the general told the rebels") is the speaker's demand (REQUEST, CAMEO 10) of whom they speak
    to, not the act commanded: a verb in its bare form opening the quotation, with no subject or
    auxiliary of its own, reported by a verb of saying."""
    tok = d.tok
    if tok.pos_ != "VERB" or tok.tag_ != "VB" or tok.dep_ not in {"ccomp", "advcl", "parataxis", "conj"} or d.type == "REQUEST":
        return
    if any(c.dep_ in {"nsubj", "nsubjpass", "expl", "aux", "auxpass", "mark", "neg"} for c in tok.children):
        return
    before = tok.doc[tok.i - 1] if tok.i > 0 else None
    if before is None or before.text not in _QUOTES or any(c.i < tok.i and c.dep_ != "punct" for c in tok.children):
        return
    saying = tok.head if tok.dep_ != "conj" else tok.head.head
    if saying.lemma_.lower() not in COMMAND_REPORTING or saying.i < tok.i and tok.dep_ != "conj":
        return
    speaker = next((c for c in saying.children if c.dep_ == "nsubj"), None)
    spoken_to = [c for c in saying.children if c.dep_ in {"dobj", "dative"}]
    coding = ontology().coding("REQUEST", "100")
    d.recode(Recoded.of("REQUEST", coding.cameo_root, "", d.entry.weight))
    d.status = "asserted"
    if speaker is not None:
        d.source = actors_under(speaker, ctx.actor_at) or d.source
        d.how["source"] = "speaker" if d.source else d.how.get("source", "")
    addressed = [a for c in spoken_to for a in actors_under(c, ctx.actor_at)]
    d.target = addressed
    d.how["target"] = "addressee" if addressed else ""


def read_factuality(d: Draft, ctx: SentenceContext) -> None:
    """Asserted, negated, hypothetical or future (see ``modality``)."""
    d.status = factuality(d.tok)


def refusal(d: Draft, ctx: SentenceContext) -> None:
    """A negated commitment to a cooperative act, or a stance denied ("does not recognise the
    court"), is a rejection that happened (REJECT, CAMEO 12)."""
    stance = d.type in ontology().types_with("negated_is_refusal")
    if d.status == "negated" and int(d.entry.quad_class) <= 2 and (stance or is_refusal(d.tok)):
        verb = act_verb(d.tok)
        refusing = refusing_head(verb) if verb is not None else None
        said = {d.tok.head.idx} | ({refusing.idx} if refusing is not None else set())
        if any(e.event_type == ontology().recoding("refusal").event_type and e.trigger.start in said for e in ctx.events):
            d.dropped = True  # "refused to allow": the verb already says it
            return
        if getattr(d.entry, "reverse", False):
            # "would not accept Belgian aid": the one who refuses to receive refuses the giver
            d.source, d.target = d.target, d.source
            d.how = {("source" if r == "target" else "target" if r == "source" else r): h for r, h in d.how.items()}
        coding = ontology().recoding("refusal")
        d.recode(Recoded.of(coding.event_type, coding.cameo_root, "", d.entry.weight))
        d.status = "asserted"
        if d.how.get("target") == "place-country":
            # the venue of talks refused ("would not join the talks in Geneva") is no party to the refusal
            d.target, d.how["target"] = [], ""


# Words of force or pressure a party may refuse to rule out ("the use of force", "economic pressure").
UNRULED_FORCE = frozenset({"force", "coercion", "pressure", "action", "strike", "sanction", "tariff", "retaliation",
                           "invasion", "intervention", "measure", "attack", "blockade", "option"})  # fmt: skip
# Types of the acts whose possibility, kept open, threatens.
_FORCEFUL = frozenset({"ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "THREATEN"})


def _ruling_out(tok: Token) -> Token | None:
    """The "rule out" verb of a refusal to rule something out: ``tok`` itself ("did not rule out")
    or the verb it refuses or declines ("refused to rule out")."""
    def rule_out(v: Token) -> bool:
        return v.lemma_.lower() == "rule" and any(c.dep_ == "prt" and c.lower_ == "out" for c in v.children)

    if rule_out(tok):
        return tok
    if tok.lemma_.lower() in {"refuse", "decline"}:
        return next((c for c in tok.children if c.dep_ == "xcomp" and rule_out(c)), None)
    return None


def unruled_out(d: Draft, ctx: SentenceContext) -> None:
    """Not ruling out force or pressure ("would not rule out using economic pressure", "has
    refused to rule out the use of force") keeps it on the table: a threat made now (CAMEO 13),
    no rejection; not ruling out anything else ("had not ruled out another round of talks") rejects
    nothing and is no event."""
    if d.type != "REJECT":
        return
    verb = _ruling_out(d.tok)
    if verb is None or (verb is d.tok and d.status != "negated"):
        return
    kept = [t for c in verb.children if c.dep_ in {"dobj", "xcomp", "ccomp", "pcomp"} for t in c.subtree]
    forceful = any(t.lemma_.lower() in UNRULED_FORCE or (t.pos_ in {"NOUN", "VERB"} and (m := match_trigger(t, ctx.triggers))
                   is not None and m.type in _FORCEFUL) for t in kept)  # fmt: skip
    if not forceful:
        d.dropped = True
        return
    coding = ontology().coding("THREATEN", "130")
    d.recode(Recoded.of("THREATEN", coding.cameo_root, "", d.entry.weight))
    d.status = "asserted"


# The CAMEO code of a call to act against someone (``rallied_opposition``).
RALLY_CAMEO = "113"


def _rallied(e: Event) -> bool:
    """A call to act against someone, recoded as rallying opposition (its target found "against")."""
    return e.event_type == "ACCUSE" and dict(e.roles_how).get("target") == "against"


def requested_act(d: Draft, ctx: SentenceContext) -> None:
    """The act a request asks for has not happened and is the request's content, not an event of its
    own: "called for his release", "demanded the withdrawal of troops" are one REQUEST each."""
    tok = d.tok
    if tok.pos_ not in {"NOUN", "PROPN"}:
        return
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head  # "demanded talks and a full withdrawal": each is asked for
    head = tok.head
    if tok.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ == "for":
        head = head.head
        if head.pos_ == "NOUN" and head.lemma_.lower() in PROPOSAL_NOUNS:
            d.dropped = True  # "a proposal for a ceasefire", "a demand for talks": what is proposed
            return
    elif tok.dep_ != "dobj":
        return
    # (a call to act against someone, recoded as rallying opposition (113), asks all the same: "called
    # for sanctions against Sudan")
    if any(e.trigger.start == head.idx and (ontology().behaviour(e.event_type, "object_is_requested_act") or _rallied(e))
           for e in ctx.events):  # fmt: skip
        d.dropped = True
    elif (g := gathered_for(head)) is not None and protest_purpose(g, ctx.triggers) is not None:
        d.dropped = True  # "gathered to demand the release of prisoners": what the demonstration asks for


# Prepositions that introduce what a statement is about ("accused of", "called for", "warned against");
# "with X speaking" and the like name circumstances, not content.
CONTENT_PREPS: frozenset[str] = frozenset({"of", "for", "against"})


def _content_heads(tok: Token) -> list[Token]:
    """The words whose clausal complement ``tok`` heads: "threatening to kill", "accused them of
    supporting", "denies providing", "accusations it is getting"; where that word is a verb's
    object ("accused the rebels of attacking", "rejected accusations that...") the verb as well. A
    conjunct takes its first one's heads."""
    tok = _gerund_joined(tok) or tok
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    head: Token | None = None
    if tok.dep_ in {"xcomp", "ccomp"}:
        head = tok.head
    elif tok.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        head = tok.head  # "threatened on Sunday to kill": the infinitive parsed as an adverbial clause
    elif tok.dep_ in {"pcomp", "pobj"} and tok.head.dep_ == "prep" and _content_prep(tok.head):
        head = _first_prep(tok.head).head  # (a gerund the parse reads as the preposition's object: "accuses them of maiming")
    elif tok.dep_ == "acl" and tok.head.pos_ == "NOUN" and any(c.dep_ in {"nsubj", "nsubjpass", "mark"} for c in tok.children):
        head = tok.head  # a clause of its own ("accusations it is getting"), not a participle ("warnings demanding")
    if head is None:
        return []
    return [head, head.head] if head.dep_ == "dobj" else [head]


# Verbs whose "for" phrase says what the party is alleged to have done, not what it did: "blamed
# Rwanda for attacking", "accused ... for". Condemning, praising, arresting or sanctioning someone
# for an act takes the act as done ("condemned Thailand for sending the Uyghurs back": Thailand sent them).
ALLEGING_VERBS = frozenset({"blame", "accuse", "charge", "suspect", "allege"})


def _first_prep(prep: Token) -> Token:
    """The first of joined prepositions: "accused of looting and of setting fire" has the second
    "of" as a conjunct of the first."""
    while prep.dep_ == "conj" and prep.head.dep_ == "prep":
        prep = prep.head
    return prep


def _content_prep(prep: Token) -> bool:
    """A preposition introducing what a statement is about: "of", "for", "against"; "with" on a
    charge ("charged with kidnapping and killing two aid workers")."""
    first = _first_prep(prep)
    if prep.lower_ == "with":
        return first.head.lemma_.lower() in ALLEGING_VERBS
    return prep.lower_ in CONTENT_PREPS


def _gerund_joined(tok: Token) -> Token | None:
    """The gerund a gerund is joined to where the parse hangs the second on the verb the first
    one's preposition hangs on: in "accused Rwanda of training and arming a rebel group" it reads
    "arming" as a conjunct of "accused"; the gerund before the conjunction is its partner."""
    if tok.dep_ != "conj" or tok.tag_ != "VBG" or tok.head.i >= tok.i:
        return None
    i = tok.i - 1
    while i > tok.head.i and tok.doc[i].dep_ in {"cc", "punct"}:
        i -= 1
    prev = tok.doc[i]
    if (i < tok.i - 1 and prev.lower_.endswith("ing") and prev.dep_ in {"pobj", "pcomp"}
            and prev.head.dep_ == "prep" and prev.head.head.i == tok.head.i):  # fmt: skip
        return prev
    return None


def _presupposed_reason(tok: Token) -> bool:
    """The act is the reason a party is condemned, praised or punished: a "for" phrase on a verb
    that does not allege it."""
    prep = tok.head
    return (tok.dep_ == "pcomp" and prep.dep_ == "prep" and prep.lower_ == "for"
            and prep.head.lemma_.lower() not in ALLEGING_VERBS)  # fmt: skip


def _participle_of(tok: Token) -> bool:
    """``tok`` is a participle hanging on a verb with no subject of its own ("..., killing 17")."""
    return (tok.dep_ == "advcl" and tok.tag_ == "VBG" and tok.head.pos_ == "VERB"
            and not any(c.dep_ in {"nsubj", "nsubjpass", "mark"} for c in tok.children))  # fmt: skip


def _takes_content(verb: Token) -> bool:
    """``verb`` has a clausal complement: "accused them of bombing", "threatened to strike"."""
    return any(c.dep_ in {"xcomp", "ccomp"} or (c.dep_ == "prep" and _content_prep(c)
               and any(g.dep_ == "pcomp" for g in c.children)) for c in verb.children)  # fmt: skip


def content_act(d: Draft, ctx: SentenceContext) -> None:
    """An act named in the complement of an accusation, threat, demand or denial is that statement's
    content, alleged, threatened, asked for or denied, not an event of its own (the codebook codes
    the underlying act only where the article reports it as fact); so is what someone was arrested
    or charged on suspicion of (``roles.suspected``)."""
    if suspected(d.tok):
        d.dropped = True
        return
    # a bare gerund the parse took for a noun: "accuses them of killing, maiming, looting" (not "of
    # the bombing", an act that took place)
    gerund = (d.tok.pos_ == "NOUN" and d.tok.lower_.endswith("ing")
              and not any(c.dep_ in {"det", "poss"} for c in d.tok.children))  # fmt: skip
    if (d.tok.pos_ != "VERB" and not gerund) or _presupposed_reason(d.tok):
        return
    # "Canberra's refusal to negotiate", "the threat to strike": the infinitive on a noun of such
    # a statement, whether or not that noun is coded itself (as an object it is its verb's)
    if d.tok.dep_ == "acl" and d.tok.head.pos_ == "NOUN" and any(c.dep_ == "aux" and c.lower_ == "to" for c in d.tok.children):
        named = match_trigger(d.tok.head, ctx.triggers)
        if named is not None and ontology().behaviour(named.type, "complement_is_content"):
            d.dropped = True
            return
    # "accused the army of bombing neighbourhoods, killing 17 civilians": a participle telling what
    # the alleged act did is alleged with it, also where the parse hangs it on the accusation itself
    # (no accuser kills)
    tok = d.tok
    if tok.dep_ in {"xcomp", "dobj"} and stops(tok.head) and tok.head.dep_ in {"xcomp", "ccomp", "advcl"}:
        tok = tok.head  # "urged Uganda to stop arresting protesters": the stopping is what is asked
    heads = {h.idx for h in _content_heads(tok)}
    while not heads and _participle_of(tok):
        if _takes_content(tok.head):
            heads = {tok.head.idx}
            break
        tok = tok.head
        heads = {h.idx for h in _content_heads(tok)}
    if heads and any(
        e.trigger.start in heads and ontology().behaviour(e.event_type, "complement_is_content") for e in ctx.events
    ):
        d.dropped = True


# Types of act the writer may report as scheduled, future acts of their own type, not stated intents.
SCHEDULED_TYPES = MEETING_TYPES | {"MOBILIZE"}


# Verbs by which a speaker announces what will be done to those who act against it.
WARNING_VERBS = frozenset({"warn", "say", "vow", "declare", "announce", "threaten", "caution"})


def commitment(d: Draft, ctx: SentenceContext) -> None:
    """A stated commitment is an event that happened: cooperative intent is AGREE (CAMEO 03),
    conflictual intent THREATEN (CAMEO 13); the intended type stays in ``mode``."""
    # a type whose intent is that act told as future (ontology ``intent_is_future``: REQUEST,
    # COOPERATE) keeps it; intents to meet, to give aid or to sanction stay CAMEO's 03/13 (keeping
    # them too cost the PLOVER records 0.013 to 0.025 of type accuracy)
    if (d.status not in {"future", "hypothetical"} or d.type in {"AGREE", "THREATEN"}
            or d.type in ontology().types_with("intent_is_future") or not is_commitment(d.tok)):  # fmt: skip
        return
    if d.entry.mode == "investigate" and not d.target:
        return  # "police said they would investigate the attack": an inquiry promised, no one threatened
    if d.type in SCHEDULED_TYPES and not spoken(d.tok) and not in_quotation(ctx.text, d.tok.idx - ctx.sent.start_char):
        # "Macron will meet Tebboune on Wednesday": a meeting the writer reports as scheduled;
        # "Kenya will send 400 more police officers to Haiti next month": a deployment
        return
    intended = d.type
    kind = committed_by(d.tok)
    coop = kind == "promise" or (kind != "threat" and int(d.entry.quad_class) <= 2)
    etype = ontology().recoding("commitment", cooperative=coop).event_type
    if any(e.event_type == etype and e.trigger.start == d.tok.head.idx for e in ctx.events):
        d.dropped = True  # "threatened to attack": the verb already says it
        return
    coding = ontology().recoding("commitment", cooperative=coop)
    mode = "" if coop else ontology().behaviour(intended, "threat_mode") or ""
    d.recode(Recoded.of(coding.event_type, coding.cameo_root, mode, d.entry.weight))
    d.status = "asserted"
    if not coop and not d.source and intended in {"COERCE", "ACCUSE", "SANCTION"} and any(c.dep_ == "auxpass" for c in d.tok.children):
        # "warned that anyone who blocked roads would be prosecuted": who warns of the state's own
        # measures threatens them (a state's officials only: others foretell them)
        warner = d.tok.head if d.tok.dep_ == "ccomp" and d.tok.head.lemma_.lower() in WARNING_VERBS else None
        speakers = actors_under(subj, ctx.actor_at) if warner is not None and (subj := speaker_of(warner)) is not None else []
        if speakers and all(a.sector in STATE_SECTORS and a.sector for a in speakers):
            d.source, d.how["source"] = speakers, "warner"


# Verbs of stopping what another fired: "intercepted three missiles" is no launch of one's own.
BROUGHT_DOWN = frozenset({"intercept", "down", "destroy"})
# "fired missiles at a tanker", "toward the base"; but "at sea" is where, "on Tuesday" when
AIMED_PREPS = frozenset({"at", "on", "toward", "towards", "against"})
OPEN_WATERS = frozenset({"sea", "ocean", "water", "waters"})


def _aimed_object(o: Token) -> bool:
    """The object of an aiming preposition names what was aimed at, not where or when."""
    return o.dep_ == "pobj" and o.lemma_.lower() not in OPEN_WATERS and o.ent_type_ not in ("DATE", "TIME")


def weapon_launch(d: Draft, ctx: SentenceContext) -> None:
    """A missile or rocket fired or launched at no one the text names, and nowhere on land (a test,
    "into the sea"), shows force: MOBILIZE (CAMEO 15, the ontology's ``weapon_launch``), not an attack."""
    if d.type != "ASSAULT" or d.tok.pos_ != "VERB" or d.target or (d.place is not None and d.place.country):
        return
    if d.tok.lemma_.lower() in BROUGHT_DOWN or any(c.dep_ == "prt" and c.lower_ == "down" for c in d.tok.children):
        return  # "shot down four rockets", "intercepted missiles": the rockets were another's, fired at them
    # (the aim may hang on what was fired: "fired a barrage of rockets at the town")
    fired = [d.tok, *(c for c in d.tok.children if c.dep_ == "dobj")]
    if any(_aimed_object(o) for w in fired for p in w.children if p.dep_ == "prep" and p.lower_ in AIMED_PREPS for o in p.children):
        return  # fired at something named, an actor or not ("at a tanker"): an attack
    rule = ontology().recodings["weapon_launch"]
    if not set(object_lemmas(d.tok)) & set(rule["objects"]):
        return
    coding = ontology().recoding("weapon_launch")
    d.recode(Recoded.of(coding.event_type, coding.cameo_root, str(rule.get("mode", "")), d.entry.weight))


def rallied_opposition(d: Draft, ctx: SentenceContext) -> None:
    """Asking others to act against someone rallies opposition against them (ACCUSE, CAMEO 113)."""
    if d.type != "REQUEST" or d.tok.pos_ not in {"VERB", "NOUN"}:
        return
    opposed = [a for a in rallied_against(d.tok, ctx.actor_at, ctx.latent_at) if a not in d.source]
    if opposed:
        d.recode(Recoded.of("ACCUSE", RALLY_CAMEO, "disapprove", d.entry.weight))
        d.target, d.how["target"] = opposed, "against"


def threat_condition(d: Draft, ctx: SentenceContext) -> None:
    """A threat is aimed at the party whose conduct is its condition ("if"/"unless" clause)."""
    own = {a.country for a in d.source if a.country}

    def other(a: Actor) -> bool:
        # (a target of the threatener's own country is its own side: "Moscow would retaliate ...,
        # Peskov warned"; but not its rebels: "warned that the army would strike if the rebels ...")
        return a not in d.source and (a.country not in own or other_side(a, d.source))

    if d.type == "THREATEN" and not [a for a in d.target if other(a)]:
        party = [a for a in condition_party(d.tok, ctx.actor_at) if other(a)]
        if party:
            d.target, d.how["target"] = party, "condition"


def joined_threat(d: Draft, ctx: SentenceContext) -> None:
    """A warning joined to a condemnation or a rejection by the same speaker ("called the arrests
    an outrageous act and warned that Moscow would respond", "dismissed the initiative and warned
    ...") is aimed at whom the condemnation is: the threat names no one else."""
    tok = d.tok
    if d.type != "THREATEN" or d.target or not d.source or tok.dep_ != "conj" or tok.pos_ != "VERB":
        return
    head = tok.head
    own = _sides(d.source)
    for prev in reversed(ctx.events):
        if prev.trigger.start == head.idx and prev.event_type in {"ACCUSE", "REJECT"} and _sides(prev.source) & own:
            aimed = [a for a in prev.target if _side(a) not in own]
            if aimed:
                d.target, d.how["target"] = aimed, "conjunct"
            return


# Verbs of travel a visit is told by ("flew to Cairo for talks").
TRAVEL_VERBS = frozenset({"fly", "travel"})


def no_visit(d: Draft, ctx: SentenceContext) -> None:
    """Travel is a visit (CONSULT) only to another party: people flown somewhere ("the released
    soldiers were flown to Ankara") are carried, and a trip within one's own country ("the
    minister flew to the area") or to nowhere ("soldiers travelling in a convoy") meets no one of
    another side."""
    if d.type != "CONSULT" or d.tok.pos_ != "VERB" or d.tok.lemma_.lower() not in TRAVEL_VERBS:
        return
    if any(c.dep_ in {"auxpass", "nsubjpass"} for c in d.tok.children):
        d.dropped = True
        return
    own = {a.country for a in d.source if a.country}
    bound = any(c.dep_ == "prep" and c.lower_ == "to" for c in d.tok.children)
    if (not d.target and not bound) or (d.target and own and all(a.country in own for a in d.target)):
        d.dropped = True


def drop_self_targets(d: Draft, ctx: SentenceContext) -> None:
    """The source's own affairs are no dyad: targets that are the source itself go."""
    d.target = _without_self(d.source, d.target)


# Which tokens are triggers, with which entry: each step may replace the entry found so far.
FIND: tuple[FindStep, ...] = (lexicon_entry, armed_clash, taken_place, control_of_territory, named_body, named_ruler, taken_to_court, sent_no_forces, stopped_act, stopped_by_noun, ordered_act, gathering_protest, reported_protest, no_comment, asking_call, described_state,
                              labelled_criticism, pointed_criticism, economic_means, quantity_change, generic_mention, natural_cause, received_as,
                              press_interview, press_question, press_work, press_conference, speech_venue, opinion_agreement, summary_noun, judged_act, private_travel, partyless_feeling, topic_mention, generic_relative, free_relative_label, name_word, actor_word, work_named, figurative_war, war_waged, struck_back, office_taken, answered_by_means, question, encouraged_by, told_again,
                              attributive_participle, people_participle, manner_phrase, met_with, clash_in_words, labour_strike, idiom, habitual)  # fmt: skip
# Lemmas a FIND step reads besides the trigger lexicon's own: a token with none of these and no
# trigger lemma can get no entry, so the steps are not run for it (a step that starts an entry from
# other words must add them here).
FIND_LEMMAS: frozenset[str] = STOP_VERBS | ORDER_VERBS | LABEL_VERBS | ATTENTION_VERBS | GATHERING_VERBS | {"point"}

# How each trigger's draft event is coded, in order.
PASSES: tuple[Pass, ...] = (
    # roles from the trigger's clause, then fallbacks for a missing target
    assign_roles, document_source, commanded_forces, theme_object, accused_party, complement_subject, intended_act_target,
    proposal_author, referent_author, envoy_host, act_author, denied_accusation, pronoun_parties, joint_parties,
    # actors and place
    event_place, locate_actors, release_holder, phrase_target, gathering_target, named_parties, armed_riot,
    # conventions for what the text leaves unstated
    toll_target, toll_source, place_country_target, domestic_target, victims_of_place, repressed_at_home, withdrawn_support, halted_support,
    # factuality and the re-codings it implies
    read_factuality, quoted_command, unruled_out, requested_act, content_act, refusal, commitment, weapon_launch, rallied_opposition, warning_content,
    # conventions that need the final type
    threat_condition, joined_threat, no_visit, drop_self_targets,
)  # fmt: skip


def run_passes(d: Draft, ctx: SentenceContext, passes: Sequence[Pass] = PASSES) -> Draft:
    """Run ``passes`` over the draft in order, stopping when one drops it."""
    for step in passes:
        step(d, ctx)
        if d.dropped:
            break
    return d
