"""Which tokens of a sentence are event triggers, and with which lexicon entry.

The lexicon gives each trigger word its entry; the find steps of ``passes.FIND`` then let context
re-code it: a verb that stops an act inverts it, a command codes the act it orders, a protest that
reports a claim is a complaint, and declining to comment is no event.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from functools import cache
from importlib import resources

from spacy.tokens import Token

from ..records import Actor
from .conventions import STOP_VERBS
from .draft import Entry, Recoded, SentenceContext
from .modality import SPEECH_VERBS
from .ontology import ontology
from .roles import OBJ, PARTITIVES, PUTTING_NOUNS, RECEIVE_VERBS, actors_under, means_with, part_whole
from .triggers import Trigger, TriggerLexicon

TRIGGER_POS = frozenset({"VERB", "NOUN", "PROPN", "ADJ"})
# "March" the month is no march; a named person or place is no trigger.
NON_TRIGGER_ENTS = frozenset({"DATE", "TIME", "PERSON", "GPE", "LOC", "NORP", "CARDINAL", "ORDINAL", "ORG", "FAC",
                              "LAW", "WORK_OF_ART", "PRODUCT"})  # fmt: skip
# Nouns naming proposals, whose author a rejection or an acceptance answers.
PROPOSAL_NOUNS = frozenset({"call", "offer", "appeal", "invitation", "proposal", "plan", "request", "demand",
                            "initiative", "resolution", "ultimatum", "bid", "overture", "suggestion", "idea",
                            "peace plan", "accusation", "claim", "charge", "allegation", "assertion", "contention",
                            "finding", "report", "statement"})  # fmt: skip
PARTICLE_STOP_VERBS = frozenset({"call", "break", "scale", "wind"})
# Verbs of command: what they order, they do ("ordered a curfew" imposes it, CAMEO convention).
ORDER_VERBS = frozenset({"order", "decree", "authorize", "authorise", "approve"})


def _particle(tok: Token) -> str | None:
    for child in tok.children:
        if child.dep_ == "prt":
            return child.lower_
    return None


def _particle_candidates(children: list[Token]) -> list[Token]:
    """Words that may be a verb's particle or governing preposition: prepositions and particles;
    "back" read as an adverb ("sent them back"); and the "for" the parser hangs on the clause of
    "called for the army to withdraw" (a marker of that clause, not a child of the verb); the "of"
    of the object ("stripped them of their nationality"). Not a preposition of a date ("on Monday")."""
    out = [c for c in children if (c.dep_ in {"prep", "prt"} and not dated_prep(c)) or (c.dep_ == "advmod" and c.lower_ == "back")]
    # the "with" the parse hangs on the means of a talk: "spoke by telephone with the president"
    if children:
        out.extend(means_with(children[0].head))
    out.extend(m for c in children if c.dep_ == "advcl" for m in c.children if m.dep_ == "mark" and m.lower_ == "for")
    # the "of" the parse hangs on the object: "stripped 135 opponents of their nationality"
    out.extend(p for c in children if c.dep_ == "dobj" for p in c.children if p.dep_ == "prep" and p.lower_ == "of")
    return out


def dated_prep(prep: Token) -> bool:
    """A preposition whose object is a date or time: "on Monday", "in March" governs no act
    ("fired rockets at the town on Monday" is no "fire on")."""
    return prep.dep_ == "prep" and any(o.dep_ == "pobj" and o.ent_type_ in {"DATE", "TIME"} for o in prep.children)


# Nouns of amount, number or container: "20 tons of aid", "thousands of troops", "a shipment of arms".
MEASURE_NOUNS = frozenset({
    "ton", "tonne", "kilogram", "kilo", "pound", "liter", "litre", "gallon", "barrel", "shipment", "consignment",
    "batch", "load", "truckload", "planeload", "shipload", "convoy", "package", "round", "tranche", "delivery",
    "thousand", "thousands", "hundred", "hundreds", "million", "millions", "billion", "billions", "dozen", "dozens",
    "number", "lot", "wave", "contingent", "unit", "battalion", "brigade", "squadron", "fleet", "set", "supply",
    "amount", "quantity", "worth", "dollar", "euro", "flow", "transit", "entry",
})  # fmt: skip


def _measured(noun: Token, depth: int = 2) -> list[Token]:
    """What a measure or number noun measures: the object of its "of" ("tons of aid", "most of its
    sanctions"), or "in" after money ("$500 million in military aid"), through an exception ("all
    but two of its land crossings": the crossings)."""
    if depth <= 0 or (noun.lemma_.lower() not in MEASURE_NOUNS and noun.lower_ not in MEASURE_NOUNS and noun.pos_ != "NUM"
                      and noun.tag_ != "$" and noun.lower_ not in PARTITIVES):  # fmt: skip
        return []
    out: list[Token] = []
    excepting = noun.lower_ in ("all", "none")
    for p in noun.children:
        if p.dep_ == "prep" and (p.lower_ in ("of", "in") or (p.lower_ == "but" and excepting)):
            for o in p.children:
                if o.dep_ == "pobj":
                    out.extend((*_measured(o, depth - 1), o) if p.lower_ == "but" else (o,))
    if excepting and any(c.dep_ == "cc" and c.lower_ == "but" for c in noun.children):
        # (the parse may join the exception as a conjunct: "all" <- but, "three" conj)
        out.extend(m for c in noun.children if c.dep_ == "conj" for m in (*_measured(c, depth - 1), c))
    return out


RELATIVE_OBJECTS = frozenset({"which", "that", "whom"})
# Lists a party is put on: "on its list of state sponsors of terrorism".
LIST_NOUNS = frozenset({"list", "blacklist", "watchlist"})
# What an entry lists among its objects to apply to a place named by its name (``taken_place``).
NAMED_PLACE = "named place"
# An object list item that matches an international organisation named as the object ("left
# ECOWAS", "quit the African Union"), whatever its head word.
NAMED_BODY = "named organisation"
# An object list item that matches a ruler or government named as the object, or as the subject of
# a passive ("overthrew Bazoum", "Assad was ousted"): an actor coded GOV, whatever its head word.
NAMED_RULER = "named ruler"


def object_lemmas(tok: Token, named_as: bool = True) -> list[str]:
    """Lemmas that can satisfy an entry's ``object`` constraint, most specific first (``named_as``:
    with what a verb's object is named as)."""
    heads: list[Token] = []
    if tok.pos_ == "VERB":
        heads = [c for c in tok.children if c.dep_ in {"dobj", "nsubjpass", "attr"}]
        passive_clause = tok.dep_ == "acl" or (tok.dep_ == "relcl" and any(c.dep_ == "auxpass" for c in tok.children))
        if not heads and passive_clause and tok.tag_ == "VBN" and tok.head.pos_ in {"NOUN", "PROPN"}:
            # "the report released on Monday", "a report to be released next month": a passive
            # participle's noun is its object
            heads = [tok.head]
        if tok.dep_ == "relcl" and tok.head.pos_ in {"NOUN", "PROPN"} and tok.lemma_.lower() not in RECEIVE_VERBS:
            # "the curfew, which the army imposed", "the sanctions Washington imposed": the noun a
            # relative clause hangs on is its object when the clause has none of its own (what is
            # received stays the noun's event: "the aid they receive is from X", ``roles``)
            relative = [h for h in heads if h.lower_ in RELATIVE_OBJECTS]
            # (not where the relative pronoun is the subject: "talks, which ended without a deal")
            if relative or (not heads and any(c.dep_ == "nsubj" and c.lower_ not in RELATIVE_OBJECTS for c in tok.children)):
                heads = [h for h in heads if h not in relative] + [tok.head]
        if not heads:
            # "charges 15% more for each container": an amount the parse hangs as an adverb
            heads = [c for c in tok.children if c.dep_ == "advmod" and c.lower_ in {"more", "less"}]
        if not heads:
            # (a phrase put before the verb's subject is a circumstance: "with the added duty, bills
            # would increase")
            first = min((c.i for c in tok.children if c.dep_ in {"nsubj", "nsubjpass"}), default=tok.i)
            for prep in tok.children:
                if prep.dep_ == "prep" and not prep.i < first < tok.i:
                    heads.extend(c for c in prep.children if c.dep_ == "pobj")
        # what the object is named as, last: "designated the group as a terrorist organisation",
        # or the list it is put on: "reinstated Cuba on its list of state sponsors of terrorism"
        if named_as:
            heads.extend(c for h in [tok, *heads] for prep in h.children if prep.dep_ == "prep" and prep.lower_ == "as"
                         for c in prep.children if c.dep_ == "pobj")  # fmt: skip
            heads.extend(c for prep in tok.children if prep.dep_ == "prep" and prep.lower_ in {"on", "to"}
                         for c in prep.children if c.dep_ == "pobj" and c.lemma_.lower() in LIST_NOUNS)  # fmt: skip
    else:
        for prep in tok.children:
            if prep.dep_ == "prep" and prep.lower_ in {"of", "on", "to"}:
                heads.extend(c for c in prep.children if c.dep_ == "pobj")
    # "sent 20 tons of relief supplies", "thousands of troops", "a shipment of weapons": what is
    # measured is the object
    heads = [m for h in heads for m in (*_measured(h), h)]
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
        # "$3 million": a sum of money, whatever the number word (first: a lookup stops at the
        # first candidate that finds an entry, a bare one included)
        out.extend(c.text for c in h.lefts if c.tag_ == "$" and c.text not in out)
        for k in range(len(chain), 1, -1):
            out.append(" ".join(t.lower_ for t in chain[-k:-1]) + " " + h.lemma_.lower())
        out.append(h.lemma_.lower())
    # a title before a name is what the named is ("received President Vladimir Putin"), last
    out.extend(c.lemma_.lower() for h in heads if h.pos_ == "PROPN" for c in h.lefts
               if c.dep_ == "compound" and c.pos_ == "PROPN" and c.is_title and c.lemma_.lower() not in out)  # fmt: skip
    # the lexicon spells "defence" ("sent air defense systems": American news)
    return [v for o in out for v in ((o, o.replace("defense", "defence")) if "defense" in o else (o,))]


# Tags of the past forms whose spelling gives a trigger readings other than its lemma.
PAST_TAGS = frozenset({"VBD", "VBN"})


def trigger_lemmas(tok: Token) -> list[str]:
    """The token's lemma, and for past forms the "-e" reading the small model's lemmatiser may
    miss ("staged" → "stag"), or the reading without "-ed" it may miss the other way
    ("rearrested" → "rearreste"; the lexicon decides which one names a trigger); a participle also
    as itself, the adjective it may be read as ("disappointed"); a prefixed "-took" the lemmatiser
    does not know ("retook"), its "-take"."""
    lemma = tok.lemma_.lower()
    low = tok.lower_
    out = [lemma]
    if tok.tag_ in {"VBD", "VBN"} and low.endswith("ed") and low[:-1] != lemma:
        out.append(low[:-1])
    if tok.tag_ in {"VBD", "VBN"} and low.endswith("ed") and lemma == low[:-1]:
        out.append(low[:-2])  # "rearrested" read as "rearreste": "rearrest"
    if tok.tag_ == "VBN" and low != lemma:
        out.append(low)
    if lemma == low and low.endswith("took") and tok.pos_ == "VERB":
        out.append(low[:-4] + "take")  # "retook" left as itself: "retake"
    return out


def _predicate_adjective(tok: Token, triggers: TriggerLexicon) -> Trigger | None:
    """An adjective names an act of its subject only as a predicate aimed at someone: "we are
    deeply concerned about ...", "has been critical of ...". Attributive uses ("concerned
    citizens") and bare states ("I'm concerned") are no events."""
    passive = tok.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in tok.children)
    if tok.dep_ != "acomp" and not passive:
        return None
    # the parser reads "is disappointed with" as a passive verb as often as as an adjective
    trig = triggers.match(tok.lemma_.lower() if tok.pos_ == "ADJ" else tok.lower_, "ADJ", None, None)
    if trig is None:
        return None
    preps = set(trig.target_prep)
    if not any(c.dep_ in {"prep", "agent"} and c.lower_ in preps for c in tok.children):
        return None
    return trig


# Verbs of saying that make the act their object names: "declared martial law"; "add" too, of
# putting a party on a list ("added two firms to its entity list").
DECLARING_VERBS = frozenset({"declare", "announce", "add"})


def _named_note(tok: Token, triggers: TriggerLexicon) -> Trigger | None:
    """A noun of a word of saying ("note", "report") names an act only by what its entry says it is
    of, or with its modifier: "a note of protest", "a protest note" (handed to an envoy)."""
    lemma = tok.lemma_.lower()
    comp = next((c for c in tok.children if c.dep_ == "compound" and c.i == tok.i - 1), None)
    named = f"{comp.lemma_.lower()} {lemma}" if comp is not None else ""
    if named and (trig := triggers.match(named, "NOUN")) is not None:
        return trig if trig.weight > 0.0 and trig.lemma == named else None
    for obj in object_lemmas(tok):
        trig = triggers.match(lemma, "NOUN", None, obj) if obj is not None else None
        if trig is not None and obj in trig.object:
            return trig if trig.weight > 0.0 else None
    return None


def _object_entry(tok: Token, triggers: TriggerLexicon) -> Trigger | None:
    """The entry of a verb that names its object ("declare" + "state of emergency"), or None. An
    object that is an act noun of its own ("announced a curfew", "declared a ceasefire") is left to
    that noun."""
    lemma = tok.lemma_.lower()
    if any(c.dep_ == "dobj" and triggers.match(c.lemma_.lower(), "NOUN", None, None) is not None for c in tok.children):
        return None
    for obj in object_lemmas(tok):
        trig = triggers.match(lemma, "VERB", None, obj)
        if trig is not None and obj in trig.object:
            return trig if trig.weight > 0.0 else None
    # "declared six diplomats persona non grata": the parse breaks the Latin into a clause of its
    # own; its last word still says what was declared
    grata = next((t for t in tok.subtree if t.lower_ == "grata" and t.i > tok.i), None)
    if grata is not None and grata.i - tok.i <= GRATA_REACH:
        trig = triggers.match(lemma, "VERB", None, "grata")
        if trig is not None and "grata" in trig.object:
            return trig
    return None


# How many words after "declared" its "persona non grata" may end ("declared the two Russian
# military attaches persona non grata").
GRATA_REACH = 12


def match_trigger(tok: Token, triggers: TriggerLexicon) -> Trigger | None:
    """The lexicon entry the token triggers, or None."""
    tag = tok.pos_
    if tag not in TRIGGER_POS or tok.ent_type_ in NON_TRIGGER_ENTS:
        return None
    if tok.lemma_.lower() in SPEECH_VERBS:
        # a verb of saying is no act, but for declaring or announcing one its object names:
        # "declared a state of emergency", "declared war", "added X to its entity list"
        if tag == "VERB":
            return _object_entry(tok, triggers) if tok.lemma_.lower() in DECLARING_VERBS else None
        return _named_note(tok, triggers)
    if tag == "ADJ" or tok.tag_ == "VBN":
        trig = _predicate_adjective(tok, triggers)
        if trig is not None or tag == "ADJ":
            return trig
    pos = "VERB" if tag == "VERB" else "NOUN"
    lemmas = trigger_lemmas(tok)
    children = list(tok.children)  # Token.children builds every child anew on each walk
    # "peace deal"; and "joint patrol", "joint exercise", whose "joint" the parse makes an adjective
    # (other adjectives of two-word entries are left to the noun alone: "military operations" as
    # a command's remit, "high alert" over a disease, told no act)
    comp = [c for c in children if (c.dep_ == "compound" or (c.dep_ == "amod" and c.lower_ == "joint")) and c.i == tok.i - 1]
    if comp:
        lemmas.insert(0, f"{comp[0].lemma_.lower()} {lemmas[0]}")
    elif (hyphened := _hyphened_entry(tok, triggers)) is not None:
        # "went on a hunger-strike"; but "a hunger-striking journalist" describes the journalist
        return None if tok.dep_ == "amod" and tok.i < tok.head.i else hyphened
    particle = next((c.lower_ for c in children if c.dep_ == "prt"), None)  # as _particle(tok)
    objects: list[str | None] = [*object_lemmas(tok)] or [None]
    events_named = [o for o in objects if o is not None and triggers.names_other_event(o)]
    if events_named:
        # "staged a week-long hunger strike": the object is an event of its own; its head word alone
        # ("strike", a military one) must not choose the verb's entry.
        objects = [o for o in objects if not any(o != n and o is not None and n.endswith(" " + o) for n in events_named)]
    for lem in lemmas:
        if particle is None:
            # A preposition with an entry of its own beats the bare verb: "call for", "rally behind";
            # so does "back" read as an adverb ("sent the refugees back to Chad"). Not an entry
            # chosen by the verb's object: "took aim at Togo over the closure" is no "take over".
            own = triggers.particles(lem, pos)
            if own and any(o is not None and (t := triggers.match(lem, pos, None, o)) is not None and o in t.object
                           for o in objects):  # fmt: skip
                own = frozenset()
            for child in _particle_candidates(children) if own else ():
                if child.lower_ in own:
                    # an entry of the preposition chosen by its object first ("warned of retaliation"),
                    # else its bare entry, else one the preposition's own object chooses ("took two men
                    # into custody")
                    own_objects = [c.lemma_.lower() for c in child.children if c.dep_ == "pobj"]
                    trig = next((t for o in objects if o is not None and (t := triggers.match(lem, pos, child.lower_, o))
                                 is not None and t.particle == child.lower_), None) or triggers.match(lem, pos, child.lower_, None)  # fmt: skip
                    if trig is None:
                        trig = next((t for o in own_objects if (t := triggers.match(lem, pos, child.lower_, o)) is not None
                                     and t.particle == child.lower_), None)  # fmt: skip
                    if trig is not None:
                        return trig
        # an entry naming one of the objects before the bare one another object falls to
        # ("reinstated Cuba on its list ...": the list's entry, not reinstating Cuba)
        found = [(o, triggers.match(lem, pos, particle, o)) for o in objects]
        named = [(o, t) for o, t in found if o is not None and t is not None and o in t.object]
        for _, trig in named or found:
            # an entry that another of the candidate objects vetoes does not apply: "the statement
            # released after the attack" releases a statement, whatever "after the attack" says
            if trig is not None and not (trig.not_object and any(o in trig.not_object for o in objects if o)):
                if trig.intransitive and any(c.dep_ in {"dobj", "ccomp"} for c in children):
                    continue  # "demonstrated a disregard for ...": to show, not to protest
                if trig.mandative and any(c.dep_ == "ccomp" and states_a_fact(c) for c in children):
                    continue  # "insisted that Kenya had not handed him over": a claim, no demand
                return trig
    return None


# Auxiliaries and forms of "be" and "have" that only a clause saying what is so takes: a demand's
# clause has the bare verb ("that Kenya withdraw", "that they be freed") or a modal of obligation.
_FACT_AUX = frozenset({"be", "have", "do", "will", "would", "can", "could", "may", "might"})
_OBLIGATION = frozenset({"must", "should", "shall", "ought"})


def states_a_fact(verb: Token) -> bool:
    """The complement clause says what is (or was, or will be) the case, not what is to be done: a
    verb in the past or third-person present ("had", "won", "is") or a tense auxiliary; not the bare
    verb of a demand ("that Kenya withdraw") nor "must"/"should". A plural present ("that they
    withdraw") reads either way and counts as a demand."""
    auxes = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    if any(a.lemma_.lower() in _OBLIGATION for a in auxes):
        return False
    if any(a.lemma_.lower() in _FACT_AUX and a.tag_ != "VB" for a in auxes):
        return True
    if verb.tag_ in {"VBD", "VBZ"}:
        return True
    return verb.tag_ == "VBP" and verb.lemma_.lower() in {"be", "have"}


def _hyphened_entry(tok: Token, triggers: TriggerLexicon) -> Trigger | None:
    """A word hyphened to the one before it names the act of their compound noun, when the lexicon
    has one: "a hunger-strike" is a hunger strike (PROTEST), not a military strike."""
    if tok.i < 2:
        return None
    dash, first = tok.doc[tok.i - 1], tok.doc[tok.i - 2]
    if dash.text != "-" or dash.whitespace_ or first.whitespace_:
        return None
    head = tok.lemma_.lower()
    for form in (head, tok.lower_.removesuffix("ing")):
        trig = triggers.match(f"{first.lemma_.lower()} {form}", "NOUN", None, None)
        if trig is not None:
            return trig
    return None


def _ordered(verb: Token, triggers: TriggerLexicon) -> Entry | None:
    """The entry of the act a command names as its object, when that object is an event noun, or
    the stopping of one ("ordered a freeze on U.S. foreign assistance": aid stopped)."""
    for obj in verb.children:
        if obj.dep_ == "dobj" and obj.pos_ == "NOUN" and obj.lemma_.lower() not in PROPOSAL_NOUNS:
            ordered = match_trigger(obj, triggers)
            if ordered is not None and ordered.type != "REQUEST":
                return ordered
            if obj.lemma_.lower() in STOP_NOUNS:
                for act in (o for p in obj.children if p.dep_ == "prep" and p.lower_ in {"on", "to", "of", "in"}
                            for o in p.children if o.dep_ == "pobj"):  # fmt: skip
                    stopped = match_trigger(act, triggers)
                    if stopped is not None and stopped.type in STOPPABLE_TYPES:
                        return _cooperation_stopped(stopped.weight)
    return None


def stops(verb: Token) -> bool:
    """The verb stops or takes back what it acts on: "halted", "lifted", "called off", "scaled
    back" (not "call", "break" without their particle)."""
    lemma = verb.lemma_.lower()
    return lemma in STOP_VERBS and not (lemma in PARTICLE_STOP_VERBS and _particle(verb) not in {"off", "down", "back"})


def _stopped(verb: Token, triggers: TriggerLexicon) -> Recoded | None:
    """Stopping an act inverts it: ending talks or aid reduces relations (SANCTION, CAMEO 16);
    lifting a curfew or halting attacks yields (CONCEDE, CAMEO 08)."""
    if not stops(verb):
        return None  # "call off", "break off", "scale back", "wind down"; not "call", "break"
    for obj in verb.children:
        if obj.dep_ not in {"dobj", "nsubjpass"}:
            continue
        obj = next(iter(part_whole(obj)), obj)  # "relaxed some of its restrictions"
        if obj.lemma_.lower() in PUTTING_NOUNS:  # "postponed the imposition of duties": the duties
            obj = next((o for p in obj.children if p.dep_ == "prep" and p.lower_ == "of"
                        for o in p.children if o.dep_ == "pobj"), obj)  # fmt: skip
        if obj.pos_ != "NOUN":
            continue
        stopped = match_trigger(obj, triggers)
        for mod in obj.children:  # "ended its mediation efforts": the act is the compound modifier
            if stopped is None and mod.dep_ == "compound" and mod.pos_ == "NOUN":
                stopped = match_trigger(mod, triggers)
        if stopped is None:
            continue
        if verb.lemma_.lower() == "drop" and stopped.type == "ASSAULT":
            # "dropped bombs on the market": bombs dropped are bombs delivered, from the air
            return Recoded.of("ASSAULT", "195", "aerial", stopped.weight, object=(), target_prep=("on", "over"))
        coop = stopped.quad_class <= 2
        c = ontology().recoding("when_stopped", cooperative=coop)
        return Recoded.of(c.event_type, c.cameo_root, ontology().recoding_mode("when_stopped", coop), stopped.weight)
    return None


# "declined to comment", "refused to elaborate", "declined to say whether ...": CAMEO's "decline
# comment" (012) is a public statement, no political event; it is not coded as a rejection.
# (nor "declined to confirm the strikes": not told, not denied; but "refused to answer questions",
# "declined to provide information" the PLOVER records code as rejections, as CAMEO 12 does)
_NO_COMMENT = frozenset({"comment", "elaborate", "speculate", "say", "specify", "disclose", "confirm", "reveal",
                         "identify"})  # fmt: skip


# What a source asks not to be, to speak freely: "who asked not to be named".
_UNNAMED = frozenset({"name", "identify", "quote"})


def _anonymity(tok: Token) -> bool:
    """"Who asked not to be named", "requested anonymity", "declined to be identified": a source's
    condition for speaking to the press, no request or refusal an event coder codes."""
    if tok.pos_ != "VERB":
        return False
    # (or declined to be: "the people declined to be named")
    declined = tok.lemma_.lower() in {"decline", "refuse"}
    return any(c.dep_ == "xcomp" and c.lemma_.lower() in _UNNAMED and (declined or any(n.dep_ == "neg" for n in c.children))
               for c in tok.children) or any(c.dep_ == "dobj" and c.lemma_.lower() == "anonymity" for c in tok.children)  # fmt: skip


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


# Find steps: each takes a token and the entry found so far (None when none) and returns the entry.


def lexicon_entry(tok: Token, entry: Entry | None, ctx: SentenceContext) -> Entry | None:
    """The lexicon's entry for the token, when one of its lemmas is a trigger word."""
    if any(lem in ctx.lemma_set for lem in trigger_lemmas(tok)):
        return match_trigger(tok, ctx.triggers)
    return entry


@cache
def _taking_lemmas(triggers: TriggerLexicon) -> frozenset[str]:
    """Verbs with an entry for a place taken by its name (object ``NAMED_PLACE``)."""
    return frozenset(t.lemma for t in triggers if t.pos == "VERB" and NAMED_PLACE in t.object)


# Sectors of parties whose clash is a quarrel when it is over a question: states and their organs.
QUARREL_SECTORS = frozenset({"", "GOV", "LEG", "JUD", "IGO"})


def armed_clash(tok: Token, entry: Entry | None, ctx: SentenceContext) -> Entry | None:
    """Governments that clash over a question quarrel ("Berlin and Paris clashed over the air
    defence plan": the lexicon's entry for "clash over", ACCUSE); armed forces, police, rebels or
    crowds that clash over something fight (the entry without the preposition, ASSAULT), and so
    do parties the text does not name."""
    if entry is None or tok.pos_ != "VERB" or tok.lemma_.lower() != "clash":
        return entry
    if entry.type == "ASSAULT":
        # "clashed with Zelenskyy over the gas dispute": the parse may hang "over" on the other party
        over = [p for w in tok.children if w.dep_ == "prep" and w.lower_ == "with" for o in w.children if o.dep_ == "pobj"
                for p in o.children if p.dep_ == "prep" and p.lower_ in {"over", "about"}]  # fmt: skip
        quarrel = ctx.triggers.match(tok.lemma_.lower(), "VERB", over[0].lower_, None) if over else None
        if quarrel is None:
            return entry
        entry = quarrel
    subjects = [c for c in tok.children if c.dep_ == "nsubj"]
    if tok.dep_ == "relcl" and any(c.lower_ in {"who", "which", "that"} for c in subjects):
        subjects = [tok.head]  # "Fico, who has clashed with ...": the one the clause is on
    parties = [a for c in subjects for a in actors_under(c, ctx.actor_at)]
    parties += [a for p in tok.children if p.dep_ == "prep" and p.lower_ == "with"
                for o in p.children if o.dep_ == "pobj" for a in actors_under(o, ctx.actor_at)]  # fmt: skip
    if parties and all(a.country and a.sector in QUARREL_SECTORS for a in parties):
        return entry
    return ctx.triggers.match(tok.lemma_.lower(), "VERB") or entry


def taken_place(tok: Token, entry: Entry | None, ctx: SentenceContext) -> Entry | None:
    """"Seized Goma", "took Avdiivka": a town or a land named as the object of a verb of taking is
    territory taken, as "seized the town" is (the entry whose objects list a ``NAMED_PLACE``) —
    a name the gazetteer resolved and no actor reads, whatever entity type the parser guessed; a
    capital too, but after "take", where it stands for its government ("took Washington to task")."""
    if tok.pos_ != "VERB" or (entry is not None and NAMED_PLACE in getattr(entry, "object", ())):
        return entry
    if tok.lemma_.lower() not in _taking_lemmas(ctx.triggers):
        return entry
    obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
    if obj is None or obj.pos_ != "PROPN":
        return entry
    capital = ctx.actor_at.get(obj.i)
    seized_capital = tok.lemma_.lower() != "take" and capital is not None and capital.entry_id.startswith("capital:")
    if not seized_capital and not any(p.start <= obj.idx < p.end for p in ctx.usable):
        return entry
    particle = next((c.lower_ for c in tok.children if c.dep_ == "prt"), None)
    found = ctx.triggers.match(tok.lemma_.lower(), "VERB", particle, NAMED_PLACE)
    return found if found is not None and NAMED_PLACE in found.object else entry


# What control is taken of when it is territory: the objects of "seize" (``taken_place``) and more.
CONTROLLED = frozenset({"town", "city", "village", "territory", "area", "base", "airport", "hill", "region",
                        "district", "province", "capital", "island", "port", "country", "state", "camp", "border",
                        "crossing", "road", "highway", "neighbourhood", "neighborhood", "building", "prison",
                        "compound", "facility", "field", "oilfield", "mine", "dam", "plant", "station", "airfield",
                        "part", "most", "much", "half", "parliament", "government", "ministry"})  # fmt: skip


def control_of_territory(tok: Token, entry: Entry | None, ctx: SentenceContext) -> Entry | None:
    """"Took control of his life", "regained control over his health": control taken of no place,
    party or institution is no seizure; "seized control of the town", "took control of Goma" are."""
    if entry is None or entry.type not in {"ASSAULT", "COERCE"} or tok.pos_ != "VERB":
        return entry
    control = next((c for c in tok.children if c.dep_ == "dobj" and c.lemma_.lower() == "control"), None)
    if control is None:
        return entry
    held = [o for p in control.children if p.dep_ == "prep" and p.lower_ in {"of", "over", "in"}
            for o in p.children if o.dep_ == "pobj"]  # fmt: skip
    if not held:
        return entry  # "seized control": of the place the story is about
    for o in held:
        if (o.lemma_.lower() in CONTROLLED or o.pos_ == "PROPN" or o.i in ctx.actor_at or o.i in ctx.latent_at
                or any(p.start <= t.idx < p.end for p in ctx.usable for t in o.subtree)):  # fmt: skip
            return entry
    return None


@cache
def _lemmas_naming(triggers: TriggerLexicon, item: str) -> frozenset[str]:
    """Verbs with an entry whose objects list ``item`` (``NAMED_BODY``, ``NAMED_RULER``)."""
    return frozenset(t.lemma for t in triggers if t.pos == "VERB" and item in t.object)


def _named_entry(tok: Token, entry: Entry | None, ctx: SentenceContext, item: str, fits: Callable[[Actor], bool],
                 passive: bool = False) -> Entry | None:
    """The entry listing ``item`` among its objects, where the verb's object (its passive subject
    too, with ``passive``) is an actor that ``fits``; else ``entry``."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in _lemmas_naming(ctx.triggers, item):
        return entry
    deps = ("nsubjpass",) if passive and any(c.dep_ == "auxpass" for c in tok.children) else ("dobj",)
    obj = next((c for c in tok.children if c.dep_ in deps), None)
    actor = ctx.actor_at.get(obj.i) if obj is not None else None
    if actor is None or not fits(actor):
        return entry
    found = ctx.triggers.match(tok.lemma_.lower(), "VERB", None, item)
    return found if found is not None and item in found.object else entry


def named_body(tok: Token, entry: Entry | None, ctx: SentenceContext) -> Entry | None:
    """"Left ECOWAS", "quit the Economic Community of West African States": an international
    organisation named as the object of a verb of leaving is a body left, as "left the alliance"
    is (the entry whose objects list ``NAMED_BODY``): relations reduced (SANCTION, CAMEO 16)."""
    return _named_entry(tok, entry, ctx, NAMED_BODY, lambda a: "IGO" in {a.country, a.sector})


def named_ruler(tok: Token, entry: Entry | None, ctx: SentenceContext) -> Entry | None:
    """"Ousted President Bazoum", "Assad was toppled": a ruler named as the one removed is removed
    as "ousted the president" is (the entry whose objects list ``NAMED_RULER``): a coup, ASSAULT."""
    if entry is not None:
        return entry
    return _named_entry(tok, entry, ctx, NAMED_RULER, lambda a: a.sector == "GOV", passive=True)


# Bodies a party is taken to: "took Belarus to the International Court of Justice".
COURT_WORDS = frozenset({"court", "tribunal", "arbitration", "wto", "icj"})


def taken_to_court(tok: Token, entry: Entry | None, ctx: SentenceContext) -> Entry | None:
    """Taking a party to a court, a tribunal or arbitration sues it (ACCUSE, CAMEO 115): "Lithuania
    took Belarus to the International Court of Justice"."""
    if entry is not None or tok.pos_ != "VERB" or tok.lemma_.lower() != "take" or not any(c.dep_ == "dobj" for c in tok.children):
        return entry
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ == "to":
            for body in (c for c in prep.children if c.dep_ == "pobj"):
                actor = ctx.actor_at.get(body.i)
                if body.lemma_.lower() in COURT_WORDS or (actor is not None and actor.sector == "JUD"):
                    return Recoded.of("ACCUSE", "115", "allege", 0.8, object=())
    return entry


# Nouns of amount: a verb whose subject is one tells how a quantity moved ("the number of refugees
# declined", "exports fell", "the population continues to decline"), not what an actor did.
QUANTITY_NOUNS = frozenset({"number", "population", "figure", "price", "rate", "level", "share", "income",
                            "export", "import", "production", "output", "growth", "count", "total",
                            "percentage", "proportion", "value", "volume", "amount", "supply", "demand"})  # fmt: skip


# Verbs of a count going up or down: acts as their subject are a trend ("killings of journalists
# rose to 12", "attacks have surged since 2021", "deaths in the attacks surged"), no act.
TREND_VERBS = frozenset({"rise", "surge", "increase", "double", "triple", "fall", "decline", "soar", "jump",
                         "climb", "spike", "decrease", "dwindle", "plummet", "grow"})  # fmt: skip


def quantity_change(tok: Token, entry: Entry | None, ctx: SentenceContext) -> Entry | None:
    """No event where the verb's subject is an amount that rose or fell (not people: "opposition
    figures"), nor for acts counted as a trend, the subject of such a verb (``TREND_VERBS``)."""
    if entry is not None and tok.pos_ == "NOUN":
        counted = tok
        if tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.head.dep_ == "nsubj":
            counted = tok.head.head  # "deaths in the attacks surged"
        if counted.dep_ == "nsubj" and counted.head.pos_ == "VERB" and counted.head.lemma_.lower() in TREND_VERBS:
            return None
    if entry is not None and tok.pos_ == "VERB":
        subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        if subj is None and tok.dep_ in {"xcomp", "conj"}:  # "continues to decline"
            subj = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
        # (figures the text codes as an actor are people: "opposition figures accused the government")
        if subj is not None and subj.lemma_.lower() in QUANTITY_NOUNS and not (
                subj.lemma_.lower() == "figure" and subj.i in ctx.actor_at):  # fmt: skip
            return None
    return entry


def _has_participant(tok: Token, actor_at: dict[int, Actor]) -> bool:
    """An actor in the noun's own phrase ("Turkey's deal with Russia", "support from the UK
    government"), or the subject of a clause that carries it ("the two sides reached a deal", "he
    said during a visit to Taiwan", "Pyongyang issued a series of warnings", "Britain is seeking to
    finalize a deal"), or of a relative clause on it ("the pact the United States signed")."""
    if any(t.i in actor_at for t in tok.subtree):
        return True

    def actor_subject(verb: Token) -> bool:
        return any(c.dep_ in {"nsubj", "nsubjpass", "agent"} and any(t.i in actor_at for t in c.subtree)
                   for c in verb.children)  # fmt: skip

    if any(c.dep_ == "relcl" and actor_subject(c) for c in tok.children):
        return True
    t = tok
    for _ in range(5):
        h = t.head
        if h.i == t.i or t.dep_ in {"nsubj", "nsubjpass", "ccomp", "relcl", "acl", "appos", "conj"}:
            return False
        if h.pos_ in {"VERB", "AUX"}:
            if actor_subject(h):
                return True
            if t.dep_ not in {"dobj", "pobj", "prep", "xcomp", "advcl", "attr", "acomp", "oprd"}:
                return False
        t = h
    return False


def generic_mention(tok: Token, entry: Entry | None, ctx: SentenceContext) -> Entry | None:
    """A noun of an act with no participant in its phrase or its clause ("the agreement could
    threaten the base", "security threats", "negotiations are needed") mentions a kind of act or
    one made before, not an act the text reports (types with the ontology behaviour
    ``needs_participant``, and lexicon entries flagged so: "the violence across Sudan has displaced
    millions" names no act)."""
    if entry is None or tok.pos_ != "NOUN":
        return entry
    if entry.type not in ontology().types_with("needs_participant") and not getattr(entry, "needs_participant", False):
        return entry
    return entry if _has_participant(tok, ctx.actor_at) else None


def stopped_act(tok: Token, entry: Entry | None, ctx: SentenceContext) -> Entry | None:
    """A verb that stops, cuts or lifts an act its object names codes the inverse act."""
    if tok.pos_ == "VERB" and tok.lemma_ in STOP_VERBS and (entry is None or not entry.object):
        return _stopped(tok, ctx.triggers) or entry
    return entry


# Nouns of stopping an act named after them: "a halt to military aid", "a freeze on assistance".
STOP_NOUNS = frozenset({"halt", "freeze", "suspension", "cessation", "pause", "moratorium", "termination", "cut",
                        "cutoff", "cut-off"})  # fmt: skip


def stopped_by_noun(tok: Token, entry: Entry | None, ctx: SentenceContext) -> Entry | None:
    """An act named after a noun of stopping it ("announced a halt to military aid to Ukraine",
    "ordered a freeze on U.S. foreign assistance") is stopped: its inverse, as when a verb stops it
    (``_stopped``): stopped aid or talks reduce relations (SANCTION), stopped attacks yield."""
    if entry is None or tok.pos_ != "NOUN" or entry.type not in STOPPABLE_TYPES:
        return entry
    prep = tok.head
    stop = prep.head
    if tok.dep_ != "pobj" or prep.lower_ not in {"to", "on", "of", "in"} or stop.pos_ != "NOUN" or stop.lemma_.lower() not in STOP_NOUNS:
        return entry  # (not the verb: "halted its patrols in support of ..." is no halt of the support)
    return _cooperation_stopped(entry.weight)


# Acts of cooperation a noun of stopping can stop ("a halt to aid", "a freeze on talks").
STOPPABLE_TYPES = frozenset({"AID", "COOPERATE", "CONSULT", "SUPPORT"})


def _cooperation_stopped(weight: float) -> Recoded:
    """The entry of stopped cooperation: the ontology's ``when_stopped`` re-coding (reduced relations)."""
    c = ontology().recoding("when_stopped", cooperative=True)
    return Recoded.of(c.event_type, c.cameo_root, ontology().recoding_mode("when_stopped", True), weight)


def ordered_act(tok: Token, entry: Entry | None, ctx: SentenceContext) -> Entry | None:
    """Who orders an act does it ("ordered a curfew", "declared martial law"), also when the order
    goes to the commander's own forces: "ordered its military to seal the border", "Assad's orders
    to the army to pull out of the battles" code the sealing and the pull-out, on the order word
    (the act's own verb carries no event of its own then)."""
    if tok.pos_ == "VERB" and tok.lemma_ in ORDER_VERBS and (entry is None or not entry.object):
        found = _ordered(tok, ctx.triggers) or _ordered_to_forces(tok, ctx) or _ordered_out(tok, ctx) or _ordered_held(tok, ctx)
        return found or entry
    if tok.pos_ == "NOUN" and tok.lemma_.lower() in ORDER_NOUNS:
        return _ordered_to_forces(tok, ctx) or entry
    if (tok.pos_ == "VERB" and entry is not None and entry.quad_class in {2, 4} and tok.dep_ in {"xcomp", "acl"}
            and _command_of(tok, ctx) is not None):  # fmt: skip
        return None  # the order word carries this act
    return entry


def _ordered_out(verb: Token, ctx: SentenceContext) -> Entry | None:
    """Ordering people to leave expels them: "ordered three diplomats to leave the country", "two
    diplomats were ordered to leave" is an expulsion (the lexicon's entry for "expel" with that object: of diplomats, SANCTION; of
    journalists or migrants, COERCE)."""
    leave = next((c for c in verb.children if c.dep_ in {"xcomp", "ccomp"} and c.lemma_.lower() == "leave"), None)
    # (or, in the passive, its subject: "two diplomats were ordered to leave")
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None) or next(
        (c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if leave is None or obj is None or obj.pos_ not in {"NOUN", "PROPN"}:
        return None
    found = ctx.triggers.match("expel", "VERB", None, obj.lemma_.lower())
    if found is not None and found.object:
        return found
    # people of a party the text names ("ordered Filipino fishermen to leave the waters", "a
    # Chinese woman"): expelled, whatever the noun (the lexicon's plain "expel")
    return found if found is not None and actors_under(obj, ctx.actor_at) and not _left_no_place(leave) else None


def _left_no_place(leave: Token) -> bool:
    """What is to be left is a post, a meeting or a party, not a territory ("ordered its ministers
    to leave the government", "to leave the talks"): no expulsion."""
    return any(c.dep_ == "dobj" and c.lemma_.lower() in LEFT_NOT_PLACES for c in leave.children)


# What one is ordered to leave that is no territory: an office, a meeting, a party.
LEFT_NOT_PLACES = frozenset({"office", "post", "talk", "meeting", "party", "coalition", "government", "job", "room"})
# Verbs of custody an order's complement names: "ordered him held", "ordered them detained".
CUSTODY_VERBS = frozenset({"hold", "jail", "detain", "imprison", "arrest", "remand", "incarcerate"})
# Places of custody "back to" names: "ordered the publisher back to prison".
CUSTODY_PLACES = frozenset({"prison", "jail", "custody", "detention", "cell"})


def _ordered_held(verb: Token, ctx: SentenceContext) -> Entry | None:
    """Ordering someone held or back to prison detains them (the lexicon's plain "detain"): "a
    court ordered him held without bail", "a judge ordered the publisher back to prison"."""
    # (the parse may hang the participle on the object: "ordered the activist held")
    done = [*verb.children, *(a for o in verb.children if o.dep_ == "dobj" for a in o.children if a.dep_ == "acl")]
    held = any(c.dep_ in {"ccomp", "xcomp", "oprd", "acl"} and c.tag_ == "VBN" and c.lemma_.lower() in CUSTODY_VERBS
               for c in done)  # fmt: skip
    back = any(c.dep_ == "advmod" and c.lower_ == "back" and any(
        p.dep_ == "prep" and p.lower_ in {"to", "into"} and any(o.lemma_.lower() in CUSTODY_PLACES for o in p.children)
        for p in c.children) for c in verb.children)  # fmt: skip
    if not (held or back):
        return None
    return ctx.triggers.match("detain", "VERB", None, None)


# Nouns of a command whose to-infinitive names what is commanded.
ORDER_NOUNS = frozenset({"order", "instruction", "directive"})
# Sectors of the forces a government commands.
_FORCE_SECTORS = frozenset({"MIL", "COP", "SPY"})


def _command_of(verb: Token, ctx: SentenceContext) -> Token | None:
    """The order word whose own forces are to carry out ``verb``, if ``verb`` is so commanded."""
    head = verb.head
    if head.i == verb.i or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None
    if verb.dep_ == "xcomp" and head.pos_ == "VERB" and head.lemma_ in ORDER_VERBS:
        return head if to_own_forces(head, ctx) else None
    if verb.dep_ == "acl" and head.pos_ == "NOUN" and head.lemma_.lower() in ORDER_NOUNS:
        return head if to_own_forces(head, ctx) else None
    return None


def to_own_forces(cmd: Token, ctx: SentenceContext) -> bool:
    """Whether the ones ``cmd`` is given to (a verb's object, a noun's "to" phrase) are forces with
    no country other than the commander's."""
    if cmd.pos_ == "VERB":
        given = [c for c in cmd.children if c.dep_ == "dobj"]
        boss = [ctx.actor_at[c.i] for c in cmd.children if c.dep_ == "nsubj" and c.i in ctx.actor_at]
    else:
        given = [o for p in cmd.children if p.dep_ == "prep" and p.lower_ == "to" for o in p.children if o.dep_ == "pobj"]
        boss = [ctx.actor_at[c.i] for c in cmd.children if c.dep_ == "poss" and c.i in ctx.actor_at]
    forces = [ctx.actor_at[t.i] for t in given if t.i in ctx.actor_at]
    if not forces or len(forces) != len(given) or any(a.sector not in _FORCE_SECTORS for a in forces):
        return False
    home = {a.country for a in boss if a.country}
    return all(not home or not a.country or a.country in home for a in forces)


def _ordered_to_forces(cmd: Token, ctx: SentenceContext) -> Trigger | None:
    """The entry of a material act a command tells the commander's own forces to do."""
    for act in cmd.children:
        commander = _command_of(act, ctx) if act.pos_ == "VERB" and act.dep_ in {"xcomp", "acl"} else None
        if commander is not None and commander.i == cmd.i:
            ordered = match_trigger(act, ctx.triggers)
            if ordered is not None and ordered.quad_class in {2, 4}:
                return ordered
    return None


# Verbs of people coming out together ("gathered outside the embassy", "took to the streets").
GATHERING_VERBS = frozenset({"gather", "assemble", "march", "rally", "converge", "mass", "take"})
# What a gathering may be for that makes it a demonstration: to protest, demand, denounce, reject.
PURPOSE_TYPES = frozenset({"PROTEST", "REQUEST", "ACCUSE", "REJECT"})


def _gathering(verb: Token) -> bool:
    """People coming out together: an intransitive verb of gathering, or "took to the streets"."""
    lemma = verb.lemma_.lower()
    if verb.pos_ != "VERB" or lemma not in GATHERING_VERBS or any(c.dep_ == "dobj" for c in verb.children):
        return False
    if lemma == "take":
        return any(p.dep_ == "prep" and p.lower_ == "to" and any(o.lemma_.lower() == "street" for o in p.children)
                   for p in verb.children)  # fmt: skip
    return True


def gathered_for(verb: Token) -> Token | None:
    """The gathering ``verb`` says the purpose of ("gathered outside the embassy to demand his
    release", "took to the streets to protest the result"), when ``verb`` is that purpose."""
    if verb.pos_ != "VERB" or verb.dep_ not in {"advcl", "xcomp"} or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None
    return verb.head if _gathering(verb.head) else None


def protest_purpose(verb: Token, triggers: TriggerLexicon) -> Token | None:
    """The purpose that makes the gathering ``verb`` a demonstration: to protest, demand, denounce
    or reject ("marched to the palace to denounce the crackdown")."""
    if not _gathering(verb):
        return None
    for c in verb.children:
        if (g := gathered_for(c)) is not None and g.i == verb.i and (purpose := match_trigger(c, triggers)) is not None \
                and purpose.type in PURPOSE_TYPES:
            return c
    return None


def gathering_protest(tok: Token, entry: Entry | None, ctx: SentenceContext) -> Entry | None:
    """People who gather, march or take to the streets to protest, demand or denounce demonstrate:
    the gathering is the act (PROTEST, CAMEO 141; "exiles gathered outside the embassy to demand
    the release of prisoners" is no meeting), and its purpose no second event."""
    if tok.pos_ != "VERB":
        return entry
    if protest_purpose(tok, ctx.triggers) is not None:
        return entry if entry is not None and entry.type == "PROTEST" else Recoded.of("PROTEST", "141", "demo", 0.8)
    if entry is not None and entry.type in PURPOSE_TYPES and (g := gathered_for(tok)) is not None \
            and protest_purpose(g, ctx.triggers) is not None:
        return None  # what the demonstration is for
    return entry


def reported_protest(tok: Token, entry: Entry | None, ctx: SentenceContext) -> Entry | None:
    """A protest that reports a claim ("..., a rights group protested") is an official complaint
    (ACCUSE, CAMEO 114), not a demonstration."""
    if entry is not None and entry.type == "PROTEST" and _says_something(tok):
        return Recoded.of("ACCUSE", "114", "", entry.weight, object=())
    return entry


def no_comment(tok: Token, entry: Entry | None, ctx: SentenceContext) -> Entry | None:
    """Declining to comment is no event; nor is a reporter's request for comment, or not answering
    one ("did not immediately respond to a request for comment", "ignored requests for comment")."""
    if entry is None:
        return entry
    if _no_comment(tok) or _press_request(tok) or _anonymity(tok):
        return None
    if (tok.dep_ in {"dobj", "ccomp"} and tok.head.dep_ == "xcomp" and tok.head.lemma_ == "confirm"
            and _no_comment(tok.head.head)):  # fmt: skip
        return None  # "declined to confirm the air strikes": neither told nor denied here
    if tok.pos_ == "VERB" and any(
        _press_request(c) or (c.dep_ == "prep" and any(_press_request(g) for g in c.children)) for c in tok.children
    ):
        return None
    return entry


def asking_call(tok: Token, entry: Entry | None, ctx: SentenceContext) -> Entry | None:
    """A call to someone to do something asks it (REQUEST, CAMEO 020), no phone call: "renewed
    its call to the authorities to drop all charges" (the asked act hangs on the noun:
    ``parse._asked_infinitive_repair``)."""
    if entry is None or entry.type != "CONSULT" or tok.pos_ != "NOUN" or tok.lemma_.lower() != "call":
        return entry
    if any(c.dep_ == "acl" and c.tag_ == "VB" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
           for c in tok.children):  # fmt: skip
        return Recoded.of("REQUEST", "020", "", 0.8, object=(), target_prep=("to", "on"))
    return entry


def _press_request(tok: Token) -> bool:
    """A request for comment: "a request for comment", "VOA requests for comment"."""
    return tok.lemma_.lower() in {"request", "inquiry", "query", "call"} and any(
        c.dep_ == "prep" and c.lower_ == "for" and any(g.lemma_.lower() == "comment" for g in c.children)
        for c in tok.children
    )


# A noun that describes or classifies instead of reporting an act: "X poses a threat", "X is a
# threat to Y", "sees X as a threat", "deemed a threat" are states of affairs and perceptions (no
# event under the codebook), whoever says them. Existentials stay events ("there were clashes").
COPULAS = frozenset({"be", "remain", "become", "seem", "stay"})
POSE_VERBS = frozenset({"pose", "present", "represent", "constitute"})
CLASSIFY_VERBS = frozenset({"see", "view", "regard", "consider", "perceive", "describe", "label", "brand", "deem",
                            "treat", "characterize", "characterise", "portray", "interpret", "read", "depict",
                            "paint", "cast", "frame"})  # fmt: skip


def describes_not_reports(tok: Token) -> bool:
    """A noun trigger used as a predicate or a classification (see ``COPULAS``)."""
    if tok.pos_ != "NOUN":
        return False
    while tok.dep_ == "conj" and tok.head.i != tok.i:  # "is dangerous, illegal and a growing threat"
        if tok.head.lemma_ in COPULAS:  # the parse may join the noun to the copula itself
            return not any(c.dep_ == "expl" for c in tok.head.children)
        tok = tok.head
    head = tok.head
    if tok.dep_ in {"attr", "acomp"} and head.lemma_ in COPULAS:
        return not any(c.dep_ == "expl" for c in head.children)
    if tok.dep_ == "dobj":  # "poses a threat"; "deemed the editor a threat" (a second object)
        return head.lemma_ in POSE_VERBS or (
            head.lemma_ in CLASSIFY_VERBS and any(c.dep_ in {"dative", "dobj"} and c.i < tok.i for c in head.children))
    if tok.dep_ == "oprd":
        return True
    if tok.dep_ != "pobj" or head.lower_ != "as":
        return False
    # "sees X as a threat": "as" hangs on the verb or, in the small model's parse, on its object
    verb = head.head if head.head.dep_ not in {"dobj", "nsubjpass"} else head.head.head
    return verb.lemma_ in CLASSIFY_VERBS


def described_state(tok: Token, entry: Entry | None, ctx: SentenceContext) -> Entry | None:
    """A noun that describes or classifies names no act (``describes_not_reports``); nor does a
    standing tie one has ("which has a mutual defence treaty with Manila", "the two have a
    strategic partnership": a state of affairs, not the signing)."""
    if entry is not None and describes_not_reports(tok):
        return None
    if (entry is not None and entry.type in STANDING_TIES and tok.pos_ == "NOUN" and tok.dep_ == "dobj"
            and tok.head.lemma_ == "have" and not any(c.dep_ == "aux" for c in tok.head.children)):  # fmt: skip
        return None
    return entry


# Types whose nouns name a tie one may have, not only make: a treaty, a pact, a partnership.
STANDING_TIES = frozenset({"AGREE", "COOPERATE"})


# Verbs that apply a description to something: with a condemning one it is criticism.
LABEL_VERBS = frozenset({"call", "describe", "characterize", "characterise", "label", "brand", "dub", "term"})
# Verbs that draw attention to what their object names: "highlighted the regime's violations",
# "pointed to China's punitive measures", "cited the junta's abuses".
ATTENTION_VERBS = frozenset({"highlight", "cite", "underline", "underscore", "spotlight", "flag"})


@cache
def criticism_words() -> tuple[frozenset[str], tuple[tuple[str, ...], ...]]:
    """The condemning words of ``data/criticism.json``: single lemmas, and phrases as word sequences."""
    raw = json.loads(resources.files("riftwatch").joinpath("data/criticism.json").read_text("utf-8"))
    words = [w.lower() for w in raw["words"]]
    return frozenset(w for w in words if " " not in w), tuple(tuple(w.split()) for w in words if " " in w)


def _description(verb: Token) -> list[Token]:
    """What ``verb`` calls its object: a second object ("called the ruling 'arbitrary'") or an "as"
    phrase, on the verb or, in the small model's parse, on its object ("described X as a disaster")."""
    out = [c for c in verb.children if c.dep_ in {"oprd", "ccomp", "xcomp", "acomp"}]
    # (or a second object: "calling Zelensky a dictator")
    out.extend([c for c in verb.children if c.dep_ == "dobj"][1:])
    holders = [verb] + [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
    # an adjective after the object is what it is called, however the parse hangs it ("called the
    # European move 'unjustified and illegal'": unjustified <- move)
    out.extend(c for h in holders[1:] for c in h.children if c.dep_ == "amod" and c.i > h.i)
    # or the parse sets it beside the object ("called her remarks \"a flagrant interference\"")
    out.extend(c for h in holders[1:] for c in h.children if c.dep_ == "appos")
    for h in holders:
        for prep in h.children:
            if prep.dep_ == "prep" and prep.lower_ == "as":
                out.extend(prep.children)
    # or an adjective clause the "as" modifies ("described the case as politically motivated")
    out.extend(c for c in verb.children if c.dep_ == "advcl" and c.pos_ == "ADJ" and any(a.lower_ == "as" for a in c.children))
    out.extend(_quoted_label(verb, holders[1:]))
    return out


QUOTES = frozenset({'"', "“", "‘", "'"})


def _quoted_label(verb: Token, objects: Sequence[Token]) -> list[Token]:
    """A quoted phrase soon after the verb's object that the parse hung elsewhere ("called the
    decision to jail him a “blatant case of ...”": the quote's noun was read as a second object of
    "to", or of "jail"): the first noun or adjective after the opening quote, where no verb stands
    between it and ``verb`` but one of the object's own ("the move to detain ..."), and at most
    nine words between the object's phrase and the quote."""
    if not objects:
        return []
    own = {c.i for o in objects for c in o.children if c.dep_ == "acl"}
    inside = {t.i for o in objects for c in o.children if c.i in own for t in c.subtree}
    end = max(t.i for o in objects for t in o.subtree if t.i not in inside)
    doc, stop = verb.doc, verb.sent.end
    quote = next((k for k in range(end + 1, min(stop, end + 10)) if doc[k].text in QUOTES), None)
    if quote is None:
        return []
    for k in range(quote + 1, min(quote + 6, stop)):
        word = doc[k]
        if word.pos_ not in {"NOUN", "ADJ", "PROPN"}:
            continue
        head = word
        for _ in range(12):
            if head.i == verb.i:
                return [word]
            if (head.pos_ in {"VERB", "AUX"} and head.i not in own) or head.head.i == head.i:
                return []
            head = head.head
        return []
    return []


def condemning(head: Token) -> bool:
    """Whether the first words of ``head``'s phrase hold a condemning word or phrase
    (``data/criticism.json``), read as lemmas and as forms ("fabricated" is listed, its lemma is
    "fabricate")."""
    return holds_criticism(list(head.subtree)[:12])


# Prefixes that turn what a word names around: "de-escalation", "anti-corruption", "counter-terrorism".
UNDOING_PREFIXES = frozenset({"de", "anti", "counter", "non"})


def _undone(t: Token) -> bool:
    """``t`` is the second half of a word whose prefix undoes it ("escalation" of "de-escalation"):
    no condemning word there."""
    doc = t.doc
    return (t.i >= 2 and doc[t.i - 1].text == "-" and not doc[t.i - 2].whitespace_ and not doc[t.i - 1].whitespace_
            and doc[t.i - 2].lower_ in UNDOING_PREFIXES)


def _adjective_of(adverb: str) -> str:
    """The adjective an adverb in -ly is made of: "illegally" -> "illegal", "arbitrarily" -> "arbitrary"."""
    return adverb[:-3] + "y" if adverb.endswith("ily") else adverb[:-2]


def holds_criticism(tokens: Sequence[Token], forms: bool = True) -> bool:
    """Whether ``tokens`` hold a condemning word (``data/criticism.json``; read as lemmas, and as
    forms too with ``forms``) or a condemning phrase, its words in a row ("declaration of war", not
    "attacks ... on pace")."""
    words, phrases = criticism_words()
    tokens = [t for t in tokens if not _undone(t)]
    single = {t.lemma_.lower() for t in tokens} | ({t.lower_ for t in tokens} if forms else set())
    # an act done so is condemned as the adjective condemns it: "illegally intruded", "unlawfully detained"
    single |= {_adjective_of(t.lower_) for t in tokens if t.pos_ == "ADV" and t.lower_.endswith("ly")}
    if not words.isdisjoint(single):
        return True
    read = [{t.lemma_.lower(), t.lower_} for t in tokens]
    return any(all(p[j] in read[k + j] for j in range(len(p))) for p in phrases for k in range(len(read) - len(p) + 1))


def pointed_criticism(tok: Token, entry: Entry | None, ctx: SentenceContext) -> Entry | None:
    """Drawing attention to something a condemning word names criticises its owner (ACCUSE, CAMEO
    111): "highlighted the regime's violation of human rights", "pointed to China's punitive
    measures ... as a case of bullying". Drawing attention to anything else is no event."""
    if entry is not None or tok.pos_ != "VERB":
        return entry
    lemma = tok.lemma_.lower()
    if lemma in ATTENTION_VERBS:
        objects = [c for c in tok.children if c.dep_ in {"dobj", "nsubjpass"}]
    elif lemma == "point":
        objects = [o for p in tok.children if p.dep_ == "prep" and p.lower_ == "to" for o in p.children if o.dep_ == "pobj"]
    else:
        return entry
    # "pointed to X as a case of bullying": what it is called counts too
    if objects and any(condemning(h) for h in [*objects, *_description(tok)]):
        return Recoded.of("ACCUSE", "111", "disapprove", 0.6, object=())
    return entry


# Acts of hostility a thing is called, which condemn it only as labels: "called the tariffs an
# attack on Mexican workers", "called the raid 'an assault on our sovereignty'".
LABELLED_HOSTILITY = frozenset({"attack", "assault", "affront"})


def labelled_criticism(tok: Token, entry: Entry | None, ctx: SentenceContext) -> Entry | None:
    """Calling something by a condemning word criticises it (ACCUSE, CAMEO 111): "called the
    decision 'a blatant case of weaponization'", "described the jailbreak as deplorable"; calling
    a charge or a demand so rejects it (REJECT, as "dismissed the charges")."""
    if entry is not None or tok.pos_ != "VERB" or tok.lemma_.lower() not in LABEL_VERBS:
        return entry
    for head in _description(tok):
        if condemning(head) or head.lemma_.lower() in LABELLED_HOSTILITY:
            # the thing labelled may be parsed as a second predicate ("called X's assertions 'baseless'")
            if any(c.dep_ in {"dobj", "nsubjpass", "oprd"} and c.lemma_.lower() in PROPOSAL_NOUNS for c in tok.children):
                return Recoded.of("REJECT", "120", "", 0.7, object=())  # "called the charges baseless"
            return Recoded.of("ACCUSE", "111", "disapprove", 0.7, object=())
    return entry


# Nouns that, after "in", say why the verb's act was done, not another act: "in retaliation for".
MOTIVE_NOUNS = frozenset({"retaliation", "reprisal", "revenge", "response"})


def drop_carried_nouns(found: list[tuple[Token, Entry]]) -> list[tuple[Token, Entry]]:
    """A noun that is the object of another (verb) trigger names an event that verb already
    reports, or the verb's target, not a new one: one event, the verb's ("launched an attack")."""
    verb_at = {t.i for t, _ in found if t.pos_ == "VERB"}
    # a verb whose entry was chosen by its object ("came under attack") carries that object even
    # after a preposition
    by_object = {t.i: (set(tr.object), getattr(tr, "particle", None)) for t, tr in found if t.pos_ == "VERB" and tr.object}

    def carried_after_prep(t: Token) -> bool:  # the object the verb's entry was chosen by
        verb = t.head.head
        objects, particle = by_object.get(verb.i, ((), None))
        if t.lemma_.lower() not in objects:
            return False
        return t.head.lower_ == particle or (particle is None and not any(c.dep_ == "dobj" for c in verb.children))

    def measured(t: Token) -> bool:  # "sent 20 tons of relief", "pledged $500 million in aid"
        noun = t.head if t.dep_ == "compound" else t
        if noun.dep_ != "pobj" or noun.head.lower_ not in ("of", "in"):
            return False
        measure = noun.head.head
        return measure.dep_ in OBJ and measure.head.i in verb_at and noun in _measured(measure)

    def relative_object(t: Token) -> bool:  # "the curfew, which the army imposed": the verb's
        # (and a participle on it: "an offensive launched by forces in Puntland")
        return any(c.dep_ in {"relcl", "acl"} and t.lemma_.lower() in by_object.get(c.i, ((), None))[0]
                   for c in t.children)  # fmt: skip

    verb_type = {t.i: tr.type for t, tr in found if t.pos_ == "VERB"}

    def put_in_place(t: Token, verbs: set[int]) -> bool:  # "postponed the imposition of tariffs"
        putting = t.head.head if t.dep_ == "pobj" and t.head.lower_ == "of" else None
        return putting is not None and putting.lemma_.lower() in PUTTING_NOUNS and putting.dep_ in OBJ and putting.head.i in verbs

    def means(t: Token, tr: Entry) -> bool:  # "retaliated by announcing higher tariffs": its means
        verb = t.head
        by = verb.head
        return (t.dep_ in OBJ and verb.dep_ == "pcomp" and by.lower_ == "by"
                and verb_type.get(by.head.i) == tr.type)

    def purpose(t: Token, tr: Entry) -> bool:  # "received Putin for talks", "met for talks": the act itself
        return (t.dep_ == "pobj" and t.head.lower_ == "for" and t.head.dep_ == "prep"
                and verb_type.get(t.head.head.i) == tr.type)  # fmt: skip

    def motive(t: Token) -> bool:  # "expelled two diplomats in retaliation for ...": what the verb's act is
        return (t.lemma_.lower() in MOTIVE_NOUNS and t.dep_ == "pobj" and t.head.lower_ == "in"
                and t.head.head.i in verb_at)  # fmt: skip

    return [(t, tr) for t, tr in found if not (t.pos_ != "VERB" and (
        means(t, tr)
        or motive(t)
        or purpose(t, tr)
        or (t.dep_ in OBJ and t.head.i in verb_at)
        or (t.dep_ == "nsubjpass" and t.head.i in verb_at and stops(t.head) and tr.quad_class >= 3)  # "the curfew was lifted"
        or put_in_place(t, verb_at)
        or relative_object(t)
        or (t.dep_ == "compound" and t.head.dep_ in OBJ and t.head.head.i in verb_at)
        or (t.dep_ == "pobj" and t.head.dep_ in {"prep", "prt"} and carried_after_prep(t))
        or measured(t)))]  # fmt: skip


# Laws that a country aims at another: "legislation targeting Turkey and Turkish officials", "a bill
# targeting Chinese firms" (a measure, as a sanction is, not a blow).
LEGAL_MEASURES = frozenset({"legislation", "bill", "law", "amendment", "package", "designation", "decree", "listing"})


def economic_means(tok: Token, entry: Entry | None, ctx: SentenceContext) -> Entry | None:
    """A blow dealt with economic measures is a sanction, not an assault: "hit Canada with a
    levy", "if hit by sanctions", "retaliated by announcing tariffs", "tariffs targeting Mexico".
    A measure is a noun that ``impose`` takes as a SANCTION in the trigger lexicon, or a SANCTION
    noun of its own (tariff, sanction, embargo)."""
    if entry is None or entry.type != "ASSAULT" or tok.pos_ != "VERB":
        return entry
    means: list[Token] = []
    for c in tok.children:
        if c.dep_ == "nsubj":
            means.append(c)  # "the tariffs hit Canadian farmers"
        elif c.dep_ in {"prep", "agent"} and c.lower_ in {"with", "by"}:
            for p in c.children:
                if p.dep_ == "pobj":
                    means.append(p)  # "hit with a levy", "hit by sanctions"
                    # ("retaliated with $16 billion of tariffs", "... of counter-tariffs": what is counted,
                    # and a hyphened word's last part)
                    means.extend(w for m in _measured(p) for w in (m, *(c for c in m.head.children if c.dep_ == "pobj" and c.i > m.i)))
                elif p.dep_ == "pcomp":  # "by announcing increased tariffs"
                    means.extend(o for o in p.children if o.dep_ in OBJ)
    if tok.dep_ == "acl":
        means.append(tok.head)  # "tariffs targeting Mexico"
    if any(_economic_measure(name, ctx.triggers) or name in LEGAL_MEASURES for m in means for name in _names(m)):
        return Recoded.of("SANCTION", "163", "economic", entry.weight, object=(), target_prep=("on", "against"))
    return entry


def _names(noun: Token) -> tuple[str, ...]:
    """A noun's lemma with its compound ("export ban") and alone ("ban")."""
    lemma = noun.lemma_.lower()
    compounds = [c.lemma_.lower() for c in noun.children if c.dep_ == "compound" and c.i == noun.i - 1]
    return (f"{compounds[0]} {lemma}", lemma) if compounds else (lemma,)


def _economic_measure(lemma: str, triggers: TriggerLexicon) -> bool:
    imposed = triggers.match("impose", "VERB", None, lemma)
    if imposed is not None and imposed.type == "SANCTION" and lemma in imposed.object:
        return True
    own = triggers.match(lemma, "NOUN")
    return own is not None and own.type == "SANCTION" and own.mode == "economic"
