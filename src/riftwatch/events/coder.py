"""Find event triggers in a parsed article and code each one into an Event with its evidence."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ..records import Actor, Article, Attribution, Event, Place, Quantity, Span, TimeExpr
from ..when import best_time, find_times, may_hold_time
from .attribution import attribution_for
from .conventions import (
    DOMESTIC_TARGET,
    STATE_SECTORS,
    STOP_VERBS,
    condition_party,
    ethnic_home,
    home_actor,
    located,
    protest_first,
    rallied_against,
)
from .modality import SPEECH_VERBS, committed_by, factuality, is_commitment, is_refusal
from .ontology import ontology
from .pronouns import last_it, plural_group, resolve_pronouns
from .quantities import find_quantities
from .roles import LIGHT_VERBS, OBJ, Roles, accused_in, actors_under, noun_roles, prep_targets, verb_roles
from .speech import reported_criticism, reported_demands
from .triggers import Trigger, TriggerLexicon

TRIGGER_POS = frozenset({"VERB", "NOUN", "PROPN"})
# "March" the month is no march; a named person or place is no trigger.
NON_TRIGGER_ENTS = frozenset({"DATE", "TIME", "PERSON", "GPE", "LOC", "NORP", "CARDINAL", "ORDINAL", "ORG", "FAC",
                              "LAW", "WORK_OF_ART", "PRODUCT"})  # fmt: skip
# Types whose direct object is what is moved or given, not the target: "dispatch Soleimani".
THEME_TYPES = frozenset({"MOBILIZE", "AID", "RETREAT"})
# Types for which the country where it happens is the target when the text names no other.
PLACE_TARGET_TYPES = frozenset({"ASSAULT", "SANCTION", "RETREAT", "MOBILIZE", "AID", "COERCE", "CONSULT",
                                "CONCEDE", "PROTEST", "THREATEN"})  # fmt: skip
# Acts whose parties, named together as subjects, are each other's targets.
MUTUAL_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})
# Lexicon parts that name a country in the mention itself.
NAMED_PARTS = frozenset({"country", "demonym", "capital", "person", "org", "pronoun", "place-country"})
# Statements about an act of one's own: their target is the act's target.
INTENT_TYPES = frozenset({"THREATEN", "AGREE", "REJECT", "SUPPORT", "CONCEDE", "PROTEST", "MOBILIZE"})
# Nouns naming proposals, whose author a rejection or an acceptance answers.
PROPOSAL_NOUNS = frozenset({"call", "offer", "appeal", "invitation", "proposal", "plan", "request", "demand",
                            "initiative", "resolution", "ultimatum", "bid", "overture", "suggestion", "idea",
                            "peace plan", "accusation", "claim", "charge", "allegation"})  # fmt: skip
PARTICLE_STOP_VERBS = frozenset({"call", "break", "scale", "wind"})
# Verbs of command: what they order, they do ("ordered a curfew" imposes it, CAMEO convention).
ORDER_VERBS = frozenset({"order", "decree", "authorize", "authorise"})
# Possessives that point back at the source.
SELF_WORDS = frozenset({"its", "their", "his", "her", "itself", "themselves", "himself", "herself"})
# Types whose events carry counts of people (killed, wounded, arrested, ...).
QUANTIFIED_TYPES = frozenset({"ASSAULT", "COERCE"})
# Types whose target may be the subject of a complement clause: "demand that Iran send".
COMPLEMENT_TARGET_TYPES = frozenset({"REQUEST", "THREATEN"})
REFERRING_NOUNS = frozenset({"demand", "request", "call", "proposal", "plan", "offer", "order",
                             "decision", "move", "initiative", "ultimatum", "accusation", "threat"})  # fmt: skip


# The THREATEN mode for an intended act of each type.
INTENT_MODES = {"ASSAULT": "violence", "MOBILIZE": "violence", "COERCE": "restrict", "SANCTION": "relations",
                "PROTEST": "political", "ACCUSE": "political", "REJECT": "political"}  # fmt: skip


@dataclass(frozen=True, slots=True)
class _Recoded:
    """A trigger entry re-coded from its context (a commitment, a stopped act)."""

    type: str
    cameo: str
    quad_class: int
    goldstein: float
    mode: str
    weight: float
    object: tuple[str, ...] = ("(context)",)  # the object is the act, not the target
    target_prep: tuple[str, ...] = ()  # none of its own: a verb's usual target phrases


@dataclass(slots=True)
class ArticleState:
    """What the coder remembers across the sentences of one article."""

    events: list[Event] = field(default_factory=list)
    trigger_lemmas: list[str] = field(default_factory=list)
    last_group: tuple[Actor, ...] = ()
    last_it: Actor | None = None
    last_attribution: Attribution | None = None


def event_id(article_id: str, start: int, event_type: str) -> str:
    """Deterministic id: the same article coded twice gives the same ids (idempotent stores)."""
    return hashlib.sha1(f"{article_id}|{start}|{event_type}".encode()).hexdigest()[:20]


def _particle(tok: Token) -> str | None:
    for child in tok.children:
        if child.dep_ == "prt":
            return child.lower_
    return None


def _object_lemmas(tok: Token) -> list[str]:
    """Lemmas that can satisfy an entry's ``object`` constraint, most specific first."""
    heads: list[Token] = []
    if tok.pos_ == "VERB":
        heads = [c for c in tok.children if c.dep_ in {"dobj", "nsubjpass", "attr"}]
        if not heads:
            # "allowed the opposition leader to hold a rally": the parser makes the object the
            # subject of the infinitive; it and the infinitive's own object are what is allowed.
            for comp in tok.children:
                if comp.dep_ in {"ccomp", "xcomp"} and any(a.lower_ == "to" and a.dep_ == "aux" for a in comp.children):
                    heads.extend(c for c in comp.children if c.dep_ in {"nsubj", "dobj"})
        if not heads:
            for prep in tok.children:
                if prep.dep_ == "prep":
                    heads.extend(c for c in prep.children if c.dep_ == "pobj")
    else:
        for prep in tok.children:
            if prep.dep_ == "prep" and prep.lower_ in {"of", "on", "to"}:
                heads.extend(c for c in prep.children if c.dep_ == "pobj")
    out: list[str] = []
    for h in heads:
        # "air defence systems" → "air defence system", "defence system", "system"
        chain = [h]
        while len(chain) < 3 and chain[0].i > 0:
            prev = h.doc[chain[0].i - 1]
            if prev.dep_ in {"compound", "amod", "nmod"} and prev.head.i in {c.i for c in chain}:
                chain.insert(0, prev)
            else:
                break
        for k in range(len(chain), 1, -1):
            out.append(" ".join(t.lower_ for t in chain[-k:-1]) + " " + h.lemma_.lower())
        out.append(h.lemma_.lower())
    return out


def _lemmas(tok: Token) -> list[str]:
    """The token's lemma, and for past forms the "-e" reading the small model's lemmatiser may
    miss ("staged" → "stag"; the lexicon decides which one names a trigger)."""
    lemma = tok.lemma_.lower()
    low = tok.lower_
    if tok.tag_ in {"VBD", "VBN"} and low.endswith("ed") and low[:-1] != lemma:
        return [lemma, low[:-1]]
    return [lemma]


def match_trigger(tok: Token, triggers: TriggerLexicon) -> Trigger | None:
    """The lexicon entry the token triggers, or None."""
    if tok.pos_ not in TRIGGER_POS or tok.lemma_.lower() in SPEECH_VERBS or tok.ent_type_ in NON_TRIGGER_ENTS:
        return None
    pos = "VERB" if tok.pos_ == "VERB" else "NOUN"
    lemmas = _lemmas(tok)
    comp = [c for c in tok.children if c.dep_ == "compound" and c.i == tok.i - 1]
    if comp:
        lemmas.insert(0, f"{comp[0].lemma_.lower()} {lemmas[0]}")
    particle = _particle(tok)
    objects: list[str | None] = [*_object_lemmas(tok)] or [None]
    events_named = [o for o in objects if o is not None and triggers.names_other_event(o)]
    if events_named:
        # "continued their hunger strike": the object is an event of its own; its head word alone
        # ("strike", a military one) must not choose the verb's entry.
        objects = [o for o in objects if not any(o != n and o is not None and n.endswith(" " + o) for n in events_named)]
    for lem in lemmas:
        if particle is None:
            # A preposition with an entry of its own beats the bare verb: "call for", "rally behind".
            own = triggers.particles(lem, pos)
            for child in tok.children:
                if child.dep_ in {"prep", "prt"} and child.lower_ in own:
                    trig = triggers.match(lem, pos, child.lower_, None)
                    if trig is not None:
                        return trig
        for obj in objects:
            trig = triggers.match(lem, pos, particle, obj)
            if trig is not None:
                return trig
    return None


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
    return [
        a for a in target
        if not (a.person and a.person in people)
        and not (a.country in own and (not a.sector or a.text.lower() in SELF_WORDS) and a.entry_id != "place-country")
    ]  # fmt: skip


def _guessed_country(a: Actor) -> bool:
    """True when the actor's country comes from the article's context, not from its own words."""
    return not any(p.split(":")[0] in NAMED_PARTS for p in a.entry_id.split("+"))


# Where what an act moves is moved to: "deploy troops in Iraq", "send envoys to Cairo".
_MOVED_TO = ("to", "into", "in", "against", "toward", "towards")


def _complement_target(
    tok: Token, actor_at: dict[int, Actor], latent_at: dict[int, Actor], source: Sequence[Actor] = ()
) -> list[Actor]:
    """Target of the act a statement is about: "threatened to stop talks with X" → X. The source's
    own forces or envoys moved by the act are what it moves, not its target: "refused to deploy
    troops in Iraq" → Iraq."""
    own = {a.country for a in source if a.country}
    for child in tok.children:
        purpose = child.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children)
        if (child.dep_ in {"xcomp", "ccomp"} or purpose) and child.pos_ == "VERB":
            roles = verb_roles(child, actor_at, None, latent_at)
            target = [a for a in roles.target if a.country not in own]
            if not target and roles.target_how == "object":
                target = [a for a in prep_targets(child, _MOVED_TO, actor_at, latent_at) if a.country not in own]
            if target:
                return target
    return []


def _proposal_author(noun: Token, actor_at: dict[int, Actor]) -> list[Actor]:
    """Who made a call, offer or plan: its possessor, "by"/"from" phrase, or actor modifier."""
    out = [a for c in noun.children if c.dep_ in {"poss", "amod", "compound", "nmod"} for a in actors_under(c, actor_at)]
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in {"by", "from", "of"}:
            out.extend(a for c in prep.children if c.dep_ == "pobj" for a in actors_under(c, actor_at))
    return list(dict.fromkeys(out))


def _complement_subject(tok: Token, actor_at: dict[int, Actor]) -> list[Actor]:
    for child in tok.children:
        if child.dep_ in {"ccomp", "acl"} and child.pos_ in {"VERB", "AUX"}:
            subj = [c for c in child.children if c.dep_ in {"nsubj", "nsubjpass"}]
            if subj:
                return actors_under(subj[0], actor_at)
    return []


def _phrase_actors(tok: Token, actor_at: dict[int, Actor], skip_object: bool) -> list[Actor]:
    """Actors in the trigger's subtree, not crossing into reported or subordinate clauses.

    A nominal trigger carried by a light verb also looks into the verb's purpose clause ("making
    visits to raise the morale among Iranian troops").
    """
    out: list[Actor] = []
    skip = {"nsubj", "nsubjpass", "ccomp", "advcl", "relcl", "acl", "poss", "punct", "prep" if skip_object else ""}
    skip |= OBJ if skip_object else set()
    stack = [c for c in tok.children if c.dep_ not in skip]
    if tok.pos_ != "VERB" and not stack:
        carrier = tok.head.head if tok.dep_ == "pobj" and tok.head.dep_ == "prep" else tok.head
        if carrier.dep_ in OBJ:
            carrier = carrier.head
        if carrier.lemma_ in LIGHT_VERBS:
            stack = [c for c in carrier.children if c.dep_ == "advcl" and any(a.lower_ == "to" for a in c.children)]
    while stack:
        t = stack.pop()
        a = actor_at.get(t.i)
        if a is not None and a not in out:
            out.append(a)
        stack.extend(c for c in t.children if c.dep_ not in {"ccomp", "advcl", "relcl"})
    return sorted(out, key=lambda a: a.start)


def _country_actor(place: Place) -> Actor:
    return Actor(text=place.text, start=place.start, end=place.end, name=place.name, country=place.country,
                 sector="", entry_id="place-country")  # fmt: skip


def _ordered(verb: Token, triggers: TriggerLexicon) -> Trigger | None:
    """The entry of the act a command names as its object, when that object is an event noun."""
    for obj in verb.children:
        if obj.dep_ == "dobj" and obj.pos_ == "NOUN" and obj.lemma_.lower() not in PROPOSAL_NOUNS:
            ordered = match_trigger(obj, triggers)
            if ordered is not None and ordered.type != "REQUEST":
                return ordered
    return None


def _stopped(verb: Token, triggers: TriggerLexicon) -> _Recoded | None:
    """Stopping an act inverts it: ending talks or aid reduces relations (SANCTION, CAMEO 16);
    lifting a curfew or halting attacks yields (CONCEDE, CAMEO 08)."""
    if verb.lemma_ in PARTICLE_STOP_VERBS and _particle(verb) not in {"off", "down", "back"}:
        return None  # "call off", "break off", "scale back", "wind down"; not "call", "break"
    for obj in verb.children:
        if obj.dep_ not in {"dobj", "nsubjpass"} or obj.pos_ != "NOUN":
            continue
        stopped = match_trigger(obj, triggers)
        for mod in obj.children:  # "ended its mediation efforts": the act is the compound modifier
            if stopped is None and mod.dep_ == "compound" and mod.pos_ == "NOUN":
                stopped = match_trigger(mod, triggers)
        if stopped is None:
            continue
        etype, cameo, mode = ("SANCTION", "16", "relations") if stopped.quad_class <= 2 else ("CONCEDE", "08", "")
        c = ontology().coding(etype, cameo)
        return _Recoded(etype, c.cameo_root, c.quad_class, c.goldstein, mode, stopped.weight)
    return None


# "declined to comment", "refused to elaborate": CAMEO's "decline comment" (012) is a public
# statement, no political event; it is not coded as a rejection.
_NO_COMMENT = frozenset({"comment", "elaborate", "speculate"})


def _no_comment(tok: Token) -> bool:
    return tok.pos_ == "VERB" and any(c.dep_ == "xcomp" and c.lemma_ in _NO_COMMENT for c in tok.children)


def _says_something(verb: Token) -> bool:
    """A verb used to report: it governs a clause ("protested that ...", "X failed, they protested").

    The small model often parses a closing ", a rights group protested" as a clause modifying the
    last noun; an object-less verb there, its noun set off by a comma, reports too."""
    if verb.pos_ != "VERB":
        return False
    if any(c.dep_ in {"ccomp", "parataxis"} for c in verb.children):
        return True
    noun = verb.head
    before = noun.left_edge.i - 1
    return (verb.dep_ == "acl" and noun.dep_ == "appos" and before >= 0 and verb.doc[before].text == ","
            and not any(c.dep_ in OBJ or (c.dep_ == "prep" and c.lower_ == "against") for c in verb.children))


def _argument_of_event(tok: Token, trigger_at: set[int]) -> bool:
    """A noun inside another trigger's phrase ("opposed to French mediation", "protested the
    arrest"): reported as that event's argument, so not the sentence's main event."""
    if tok.pos_ == "VERB":
        return False
    head = tok.head
    for _ in range(2):
        if head.i in trigger_at and head.i != tok.i:
            return True
        if head.head.i == head.i:
            break
        head = head.head
    return False


def _depth(tok: Token) -> int:
    """Steps from the trigger up to its sentence's root; a noun carried by a verb ("staged
    demonstrations", "launched an attack") counts from the verb. Subordinate clauses of purpose
    or manner ("to demand", "demanding") count one more: they give motives, not the news."""
    if tok.pos_ != "VERB" and tok.dep_ in OBJ and tok.head.pos_ == "VERB" and tok.head.i != tok.i:
        tok = tok.head
    depth = 1 if tok.dep_ in {"advcl", "acl", "xcomp"} and tok.tag_ in {"VBG", "VB"} else 0
    # A participle that modifies a noun ("a letter handed over to the UN", "a UN-brokered deal")
    # describes that noun, it is not what the sentence reports.
    depth += 2 if tok.pos_ == "VERB" and tok.dep_ in {"amod", "acl"} and tok.tag_ == "VBN" else 0
    while tok.head.i != tok.i and depth < 20:
        tok = tok.head
        depth += 1
    return depth


def _confidence(trig: object, roles: Roles, place_how: str, status: str, depth: int) -> float:
    """How much to trust the event: lexicon weight, roles found and how, and how central the
    trigger is in its sentence (main-clause events are the ones a sentence reports)."""
    score = 0.3 + 0.25 * float(getattr(trig, "weight", 1.0) or 1.0)
    score += {0: 0.15, 1: 0.08, 2: 0.03}.get(depth, 0.0)
    score += 0.2 if roles.source else 0.0
    # "Israel and Lebanon renewed negotiations": parties of a mutual act are each other's targets
    mutual = getattr(trig, "type", "") in MUTUAL_TYPES and len({a.country for a in roles.source if a.country}) >= 2
    score += 0.15 if roles.target or mutual else 0.0
    if roles.source_how.startswith("control") or roles.target_how in {"place-country", "referent", "phrase", "domestic"}:
        score -= 0.05
    if status != "asserted":
        score -= 0.1  # what did not happen is rarely what a sentence reports
    if place_how == "sentence":
        score -= 0.02
    return round(max(0.05, min(score, 0.98)), 3)


def code_sentence(
    article: Article,
    sent: SpacySpan,
    sent_index: int,
    actor_at: dict[int, Actor],
    places: Sequence[Place],
    triggers: TriggerLexicon,
    state: ArticleState,
    latent_at: dict[int, Actor] | None = None,
) -> list[Event]:
    """Code every trigger in one sentence. Dates and quantities are read only when it has one."""
    toks = list(sent)  # Token objects are built once per sentence, not once per pass
    # Span properties index the Doc on every access: read them once.
    s_start, s_end, s_text = sent.start_char, sent.end_char, sent.text
    root = next((t for t in toks if t.dep_ == "ROOT"), toks[0])
    resolve_pronouns(toks, actor_at, state.last_group, state.last_it)
    actor_spans = {(a.start, a.end) for a in (actor_at.get(t.i) for t in toks) if a is not None}
    usable = [
        p for p in places
        if s_start <= p.start and p.end <= s_end
        and not any(a < p.end and p.start < b for a, b in actor_spans)
    ]  # fmt: skip
    found: list[tuple[Token, Trigger | _Recoded]] = []
    lemmas = triggers.lemmas()
    for tok in toks:
        trig: Trigger | _Recoded | None = None
        if any(lem in lemmas for lem in _lemmas(tok)):
            trig = match_trigger(tok, triggers)
        if tok.pos_ == "VERB" and tok.lemma_ in STOP_VERBS and (trig is None or not trig.object):
            trig = _stopped(tok, triggers) or trig
        if tok.pos_ == "VERB" and tok.lemma_ in ORDER_VERBS and (trig is None or not trig.object):
            # "ordered a curfew", "decreed a state of emergency": who orders an act does it
            trig = _ordered(tok, triggers) or trig
        if trig is not None and trig.type == "PROTEST" and _says_something(tok):
            # "..., a rights group protested": a protest that reports a claim is an official
            # complaint (ACCUSE, CAMEO 114), not a demonstration.
            c = ontology().coding("ACCUSE", "114")
            trig = _Recoded("ACCUSE", "114", c.quad_class, c.goldstein, "", trig.weight, ())
        if trig is not None and not _no_comment(tok):
            found.append((tok, trig))
    # "launched an attack": keep the verb, drop the noun it carries when both code the same type.
    # "oppose the demand", "condemned the attack": a noun that is the object of another trigger
    # names an event already reported (or the verb's target), not a new one. "launched an attack"
    # keeps one event, the verb's.
    verb_at = {t.i for t, _ in found if t.pos_ == "VERB"}
    found = [(t, tr) for t, tr in found if not (t.pos_ != "VERB" and (
        (t.dep_ in OBJ and t.head.i in verb_at)  # "launched an attack"
        or (t.dep_ == "compound" and t.head.dep_ in OBJ and t.head.head.i in verb_at)))]  # "ended mediation efforts"
    trigger_at = {t.i for t, _ in found}
    events: list[Event] = []
    times: list[TimeExpr] = []
    quantities: list[Quantity] = []
    if found and may_hold_time(s_text):
        times = find_times(s_text, article.published, offset=s_start)
    if any(trig.type in QUANTIFIED_TYPES for _, trig in found):
        quantities = find_quantities(s_text, offset=s_start)
    for tok, trig in found:
        etype: str = trig.type
        if tok.pos_ == "VERB":
            roles = verb_roles(tok, actor_at, trig, latent_at)
        else:
            roles = noun_roles(tok, actor_at, trig, latent_at or {})
        source, target = list(roles.source), list(roles.target)
        how_t = roles.target_how
        if roles.target_how == "object" and (trig.object or (etype in THEME_TYPES and trig.mode != "release")):
            # "send more forces", "dispatch Soleimani": the object is what is moved, not the
            # target, when it is the source's own (or of no stated country); "expelled two Russian
            # diplomats" keeps them, and so does "freed two Danish hostages".
            src_countries = {a.country for a in source}
            target = [a for a in target if a.country not in src_countries and not _guessed_country(a)]
            how_t = how_t if target else ""
            if not target and tok.pos_ == "VERB":
                # "offered its troops to Peru": with the object a theme, the target is in a phrase
                target = [a for a in prep_targets(tok, trig.target_prep, actor_at, latent_at or {}) if a not in source]
                how_t = "prep" if target else ""
        if etype == "ACCUSE" and tok.pos_ == "VERB" and how_t == "prep":
            accused = [a for a in accused_in(tok, actor_at) if a not in source]
            if accused:
                target = accused
        if not target and etype in COMPLEMENT_TARGET_TYPES:
            # "Assad's demand that Iran send more forces": the one asked is the clause's subject.
            target, how_t = _complement_subject(tok, actor_at), "complement"
            target = [a for a in target if a not in source]
        if not target and etype in INTENT_TYPES:
            # "threatened to stop negotiations with the United States", "agreed to lift embargoes
            # on Iran": the target of the intended act is the target of the statement.
            target = [a for a in _complement_target(tok, actor_at, latent_at or {}, source) if a not in source]
            how_t = "complement" if target else ""
        if not target and tok.pos_ == "VERB":
            # "rejected calls by Kofi Annan", "dismissed an appeal from the president": the author
            # of the rejected or accepted proposal is the target.
            for obj in (c for c in tok.children if c.dep_ in OBJ):
                if obj.lemma_.lower() in PROPOSAL_NOUNS:
                    # "an offer from Afghanistan": a country after "from" reads as a place, yet authors
                    author = _proposal_author(obj, actor_at) or _proposal_author(obj, latent_at or {})
                    target = [a for a in author if a not in source]
                    how_t = "proposal-author" if target else ""
                    break
        if not target and tok.pos_ == "VERB":
            # "oppose the demand": the demand's author is the target.
            for obj in (c for c in tok.children if c.dep_ in OBJ):
                if obj.lemma_.lower() in REFERRING_NOUNS or obj.lemma_.lower() in state.trigger_lemmas:
                    for prev in reversed(state.events):
                        if prev.trigger.text.lower().startswith(obj.lemma_.lower()[:5]) and prev.source:
                            target, how_t = list(prev.source), "referent"
                            break
        place, place_how = _place_for(tok, sent, usable)
        source = [ethnic_home(a, place, article.text) for a in source]
        target = [located(ethnic_home(a, place, article.text), place) for a in target]
        # a country read off the place ("rebels attacked a town in Mali") does not keep the place's
        # country from being the target as well
        src_countries = {a.country for a in source}
        source = [located(a, place) for a in source]
        if not target:
            # Last resort: an actor inside the trigger's own phrase ("visits to raise the morale
            # among Iranian troops").
            themed = bool(trig.object) or etype in THEME_TYPES
            target = [a for a in _phrase_actors(tok, actor_at, themed) if a not in source]
            how_t = "phrase" if target else ""
        if (not target and source and place is not None and etype in PLACE_TARGET_TYPES
                and place.country and place.country not in src_countries):
            target, how_t = [_country_actor(place)], "place-country"
        elif not target and source and etype in DOMESTIC_TARGET:
            # Domestic acts with no stated target, by the CAMEO/PLOVER convention: a protest is
            # against the government where it happens ("Kurds demonstrated in Kirkuk": IRQ GOV), a
            # curfew or a ban by the state falls on its people ("imposed a curfew in Cizre": TUR CVL).
            home = place.country if place is not None and place.country else next(
                (a.country for a in source if a.country), "")
            sector, by_state = DOMESTIC_TARGET[etype]
            if home and (not by_state or all(a.sector in STATE_SECTORS for a in source)):
                target, how_t = [home_actor(home, sector, place)], "domestic"
        elif place is not None and place.country and place_how == "phrase":
            # "killed 23 people in Tel Aviv": victims of no stated country are of the place's
            target = [replace(a, country=place.country) if _guessed_country(a) and a.country != place.country
                      and a.sector in {"CVL", ""} else a for a in target]  # fmt: skip
        status = factuality(tok)
        if status == "negated" and int(trig.quad_class) <= 2 and is_refusal(tok):
            # A refusal happened: "will not accept refugees" is REJECT (CAMEO 12).
            if any(e.event_type == "REJECT" and e.trigger.start == tok.head.idx for e in events):
                continue  # "refused to allow": the verb already says it
            coding = ontology().coding("REJECT", "12")
            trig = _Recoded("REJECT", coding.cameo_root, coding.quad_class, coding.goldstein, "",
                            trig.weight)  # fmt: skip
            etype, status = "REJECT", "asserted"
        if status in {"future", "hypothetical"} and etype not in {"AGREE", "THREATEN"} and is_commitment(tok):
            # A stated commitment is an event that happened: cooperative intent is AGREE (CAMEO 03),
            # conflictual intent THREATEN (CAMEO 13); the intended type stays in ``mode``.
            intended = etype
            kind = committed_by(tok)
            coop = kind == "promise" or (kind != "threat" and int(trig.quad_class) <= 2)
            etype = "AGREE" if coop else "THREATEN"
            if any(e.event_type == etype and e.trigger.start == tok.head.idx for e in events):
                continue  # "threatened to attack": the verb already says it
            coding = ontology().coding(etype, "03" if coop else "13")
            trig = _Recoded(etype, coding.cameo_root, coding.quad_class, coding.goldstein,
                            INTENT_MODES.get(intended, "") if not coop else "", trig.weight)
            status = "asserted"
        if etype == "REQUEST" and tok.pos_ in {"VERB", "NOUN"}:
            opposed = [a for a in rallied_against(tok, actor_at, latent_at or {}) if a not in source]
            if opposed:
                # "called for sanctions against Nigeria", "urged Arabs to unite against X": asking
                # others to act against someone rallies opposition against them (ACCUSE, CAMEO 113).
                c = ontology().coding("ACCUSE", "113")
                trig = _Recoded("ACCUSE", "113", c.quad_class, c.goldstein, "disapprove", trig.weight)
                etype, target, how_t = "ACCUSE", opposed, "against"
        if etype == "ASSAULT" and not source and place is not None and place.country and place.country not in {"IGO", "NGO"}:
            # "a roadside bombing near Samarra killed ...": attackers nobody names are coded by
            # where they struck, as an unnamed actor of that country (ICEWS/GDELT practice)
            source = [replace(home_actor(place.country, "", place), entry_id="unattributed")]
        if etype == "THREATEN" and not [a for a in target if a not in source]:
            # "threatened to stop the talks if Serbia goes ahead": a threat is aimed at the party
            # whose conduct is its condition.
            party = [a for a in condition_party(tok, actor_at) if a not in source]
            if party:
                target, how_t = party, "condition"
        time = best_time(times, tok.idx, s_text, s_start) if times else None
        qs = tuple(quantities) if etype in QUANTIFIED_TYPES else ()
        attribution = attribution_for(tok, sent, 0, actor_at, root)
        trig_end = tok.idx + len(tok)
        particle = _particle(tok)
        if particle:
            prt = next(c for c in tok.children if c.dep_ == "prt")
            trig_end = max(trig_end, prt.idx + len(prt))
        target = _without_self(source, target)
        roles2 = Roles(tuple(source), tuple(target), roles.source_how, how_t)
        event = Event(
            event_id=event_id(article.id, tok.idx, etype),
            article_id=article.id,
            sentence_index=sent_index,
            sentence=s_text,
            sentence_start=s_start,
            trigger=Span(article.text[tok.idx:trig_end], tok.idx, trig_end),
            event_type=etype,
            cameo_root=trig.cameo[:2],
            quad_class=int(trig.quad_class),
            goldstein=float(trig.goldstein),
            mode=trig.mode or "",
            factuality=status,
            source=tuple(source),
            target=tuple(target),
            place=place,
            date=time.date if time else article.published,
            date_end=time.end_date if time else None,
            date_precision=time.precision if time else "unknown",
            date_text=Span(time.text, time.start, time.end) if time else None,
            attribution=attribution,
            quantities=qs,
            # an attacker read off the place is no evidence the sentence reports this event
            confidence=_confidence(trig, replace(roles2, source=tuple(a for a in source if a.entry_id != "unattributed")),
                                   place_how, status, _depth(tok))
            - (0.1 if _argument_of_event(tok, trigger_at) else 0.0),
        )
        events.append(event)
        state.events.append(event)
        state.trigger_lemmas.append(tok.lemma_.lower())
    speech_acts = [(v, "ACCUSE", "112", "allege", s, t) for v, s, t in reported_criticism(toks, actor_at)]
    speech_acts += [(v, "REQUEST", code, "", s, t) for v, code, s, t in reported_demands(toks, actor_at)]
    for verb, etype, cameo, mode, speakers, addressees in speech_acts:
        if any(e.trigger.start == verb.idx for e in events):
            continue
        coding = ontology().coding(etype, cameo)
        roles = Roles(tuple(speakers), tuple(addressees), "speaker", "reported")
        event = Event(
            event_id=event_id(article.id, verb.idx, etype), article_id=article.id, sentence_index=sent_index,
            sentence=s_text, sentence_start=s_start,
            trigger=Span(article.text[verb.idx : verb.idx + len(verb)], verb.idx, verb.idx + len(verb)),
            event_type=etype, cameo_root=coding.cameo_root, quad_class=coding.quad_class,
            goldstein=coding.goldstein, mode=mode, source=roles.source, target=roles.target,
            date=article.published, date_precision="unknown",
            confidence=_confidence(None, roles, "", "asserted", _depth(verb)) - 0.05,
        )  # fmt: skip
        events.append(event)
        state.events.append(event)
        state.trigger_lemmas.append(verb.lemma_.lower())
    group = plural_group(toks, actor_at)
    if group:
        state.last_group = group
    state.last_it = last_it(toks, actor_at) or state.last_it
    return protest_first(events, toks)
