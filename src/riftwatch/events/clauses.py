"""Which clause a place belongs to: the syntax behind an event's ``clause``-level place.

A place is an act's own where a locative phrase holding it ("in", "at", "near" ...) belongs to
the trigger's clause without crossing into another clause (a relative, adverbial or reported
clause has its own scene), where the act strikes or visits it, or where it names the act ("the X
talks"); :func:`clause_place` answers for one event, :mod:`riftwatch.events.location` decides
the levels after it. Functions here read a parsed ``Doc`` only.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from ..records import Event, Place
from .ontology import ontology
from .roles import DISCUSSION_LEMMAS

# The clauses that tell an act of their own: a relative, adverbial or reported clause with a
# tense of its own ("after Trump said last month", "who was impeached in mid-October", "after the
# president took office"). Their times, scenes and subjects are theirs, not the act's they hang
# on. A participle or an infinitive tells the occasion of that act ("telling reporters on
# Wednesday", "a lawsuit filed in February"): it belongs to the act's clause.
OWN_CLAUSES = frozenset({"relcl", "advcl", "ccomp"})
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


def finite(verb: Token) -> bool:
    """Whether ``verb`` has a tense of its own (itself or its auxiliary)."""
    return verb.tag_ in FINITE_TAGS or any(c.dep_ in ("aux", "auxpass") and c.tag_ in FINITE_TAGS for c in verb.children)


def clause_head(tok: Token) -> Token:
    """The head of the clause ``tok`` is in: the nearest finite relative, adverbial or reported
    clause above it (``OWN_CLAUSES``), else the sentence's root."""
    cur = tok
    while not (cur.dep_ in OWN_CLAUSES and finite(cur)) and cur.head.i != cur.i:
        cur = cur.head
    return cur


def in_clause_of(tok: Token, trigger: Token) -> bool:
    """Whether ``tok`` belongs to the clause of ``trigger`` or to one it hangs on: not to a finite
    subordinate clause the trigger is not in."""
    return clause_head(tok).i in {trigger.i, *(t.i for t in trigger.ancestors)}


# Prepositions that put what follows at the scene of an act.
LOCATIVE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "across", "throughout", "around", "within",
                            "along", "off", "through", "amid", "nearby"})  # fmt: skip
# "between the towns of X and Y" is a scene; "talks between Russia and Ukraine" names parties, so
# "between" counts only through a noun of place.
AREA_PREPS = frozenset({"between"})
# Ways between two places: "on the road between X and Y" happened on the way, at X as the
# nearest place named.
ROUTE_NOUNS = frozenset({"road", "highway", "route", "railway", "railroad", "corridor", "motorway"})
# Nouns of place that take "on": "on the outskirts of X", "on the island of X", "on the road to X".
ON_PLACE_NOUNS = ROUTE_NOUNS | {"outskirts", "outskirt", "edge", "island", "coast", "shore", "bank", "border",
                                "frontier", "frontline", "periphery"}  # fmt: skip
# Locative prepositions written with "of": "outside of X", "inside of X".
COMPOUND_LOCATIVES = frozenset({"outside", "inside"})
# Where a visit or a deployment goes is where it happens.
DESTINATION_PREPS = frozenset({"to", "into"})
# "During a visit to X", "on a trip to X": the acts of the clause happen at X.
TRIP_NOUNS = frozenset({"visit", "trip", "tour", "journey", "mission"})
TRIP_PREPS = frozenset({"during", "on", "while"})
# Nouns that carry a place after "of": "the town of X", "the outskirts of X".
PLACE_NOUNS = frozenset({"town", "city", "village", "province", "region", "district", "capital", "area",
                         "outskirts", "suburb", "suburbs", "state", "county", "port", "island", "islands",
                         "north", "south", "east", "west", "centre", "center", "heart", "border", "coast",
                         "streets", "municipality", "governorate", "enclave", "strip", "part",
                         "parts", "neighborhood", "neighbourhood", "camp", "base", "outpost", "towns",
                         "cities", "villages", "provinces", "regions", "districts"})  # fmt: skip
# Dependencies that start a clause of its own: a place under them belongs to that clause.
CLAUSE_DEPS = frozenset({"ccomp", "advcl", "relcl", "acl", "csubj", "parataxis", "conj", "xcomp", "pcomp"})
# Clauses that give the circumstances of the act they hang on ("after arriving in X, he met ..."):
# their place is the act's.
CIRCUMSTANCE_DEPS = frozenset({"pcomp"})
# Dependencies that stay within a noun phrase naming a place.
NOUN_DEPS = frozenset({"compound", "poss", "appos", "nmod", "amod", "conj", "npadvmod"})
# Event types whose direct object may be the place struck or entered.
PLACE_OBJECT_TYPES = frozenset({"ASSAULT", "MOBILIZE", "COERCE"})

# Most specific first: "in Pakistan's Balochistan province" is Balochistan.
SPECIFIC = {"city": 0, "admin": 1, "region": 2, "country": 3}


def head_token(doc: Doc, p: Place) -> Token | None:
    """The syntactic head of a place mention ("Bay" of "Guantanamo Bay"); None off the parse."""
    span = doc.char_span(p.start, p.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


# Verbs of what flies, is flown or brought down, and nouns of what flies: "over X" is where they were.
AIR_VERBS = frozenset({"fly", "shoot", "down", "intercept", "crash", "explode", "hover", "drop", "spot", "detect"})
AIR_NOUNS = frozenset({"drone", "missile", "rocket", "plane", "aircraft", "jet", "helicopter", "balloon", "warplane",
                       "fighter", "bomber", "airspace"})  # fmt: skip


def _in_the_air(word: Token) -> bool:
    """"Over" on this word places it: a verb of flight or of bringing down, or a flying thing
    ("a drone over X"); elsewhere "over" tells what about ("a dispute over X", "control over X")."""
    lemma = word.lemma_.lower()
    return lemma in AIR_VERBS if word.pos_ == "VERB" else lemma in AIR_NOUNS


def attachment(tok: Token, destination: bool) -> tuple[Token, str] | None:
    """The word a locative phrase holding ``tok`` attaches to, with the preposition; None when
    ``tok`` is not in a locative phrase ("Syria said", "sanctions on Russia")."""
    if _dyad_name(tok):
        return None
    cur = tok
    for _ in range(6):
        head = cur.head
        if cur.dep_ == "pobj":
            prep = head.lower_
            if prep in LOCATIVE_PREPS or (destination and prep in DESTINATION_PREPS):
                return head.head, prep
            if prep == "over" and _in_the_air(head.head):
                return head.head, prep  # "shot down a drone over X", "flew over X"
            if prep == "on" and cur is not tok and cur.lemma_.lower() in ON_PLACE_NOUNS:
                return head.head, prep  # "on the road between X and Y", "on the outskirts of X"
            if prep == "of" and head.head.lower_ in COMPOUND_LOCATIVES:
                return head.head.head, head.head.lower_  # "outside of the city of X"
            if prep in AREA_PREPS and cur is not tok and cur.lower_ in PLACE_NOUNS:
                return head.head, prep  # "villages between the towns of X and Y"
            if prep in AREA_PREPS and head.head.lemma_.lower() in ROUTE_NOUNS:
                cur = head.head  # "on the road between X and Y": carry on from "road"
                continue
            if (kind := _place_noun_object(cur)) is not None:
                cur = kind  # "the town of X": carry on from "town"
                continue
            trip = head.head
            if (prep in DESTINATION_PREPS and trip.lemma_ in TRIP_NOUNS and trip.dep_ == "pobj"
                    and trip.head.lower_ in TRIP_PREPS):  # fmt: skip
                return trip.head.head, prep  # "during a visit to X, she met ...": met in X
            return None
        if cur.dep_ in NOUN_DEPS and head is not cur:
            cur = head
            continue
        return None
    return None


# Gatherings whose place a clause on them gives ("the meetings that wrapped up in X", "a summit
# held in X"): an act done at the gathering happened there.
OCCASION_NOUNS = frozenset({"meeting", "meetings", "summit", "talks", "conference", "session", "forum",
                            "ceremony", "parade", "rally", "congress", "assembly", "celebration",
                            "celebrations", "gathering", "negotiations"})  # fmt: skip


# Conflicts and ties news names by their two parties: "the Russia-Ukraine war", "Turkey-Israel relations".
DYAD_NOUNS = frozenset({"war", "conflict", "relations", "ties", "dispute", "talks", "tensions",
                        "rivalry", "deal", "summit", "crisis"})  # fmt: skip


def _dyad_name(tok: Token) -> bool:
    """A place in a pair that names a conflict or a relation ("in the Russia-Ukraine war"): the
    parties, not a scene."""
    doc, cur, paired = tok.doc, tok, False
    for _ in range(3):
        if cur.dep_ != "compound":
            break
        paired = paired or (cur.i + 1 < len(doc) and doc[cur.i + 1].text == "-") or (cur.i > 0 and doc[cur.i - 1].text == "-")
        cur = cur.head
    return paired and cur.lemma_.lower() in DYAD_NOUNS


def _within_clause(start: Token, heads: frozenset[int], deep: bool = True) -> bool:
    """True when ``start`` is one of the clause's heads or a word of that clause (climbing heads,
    no clause border crossed but an adverbial one - "since arriving in X" - which gives the act's
    circumstances)."""
    cur = start
    for _ in range(12):
        if cur.i in heads:
            return True
        if cur.dep_ in ("relcl", "acl") and cur.head.lemma_.lower() in OCCASION_NOUNS:
            cur = cur.head  # "at the meetings that wrapped up in X", "at a summit held in X"
            continue
        if (cur.dep_ in CLAUSE_DEPS and cur.dep_ not in CIRCUMSTANCE_DEPS) or cur.head.i == cur.i:
            return False
        if topic(cur):
            return False  # "protests over the war in X", "talks about the situation in X": the topic
        if not deep and (_deep_noun(cur, heads) or _object_noun(cur, heads) or _said_act(cur)):
            return False
        cur = cur.head
    return False


# Acts of saying against or asking of someone ("accused B of abuses against Uyghurs in X",
# "demanded an inquiry into the killings in Y"): a place deep inside what is said is its topic, not
# where it was said. Meetings and agreements are located by their partners' phrases as often as
# not ("met with officials in Kabul"), and acts of force by their objects' ("killed five soldiers
# in the city"): for them the deep place stays.
TOPIC_TYPES = frozenset({"ACCUSE", "REJECT", "THREATEN", "REQUEST", "SUPPORT"})
# Nouns of time a locative phrase may hang on without describing a party ("for the first time in X").
TIME_NOUNS = frozenset({"time", "day", "days", "week", "weeks", "month", "months", "year", "years", "night",
                        "morning", "evening", "afternoon", "weekend"})  # fmt: skip


def _said_act(tok: Token) -> bool:
    """The act a verbal act is about, as a gerund after its preposition ("accused the RSF of
    committing genocide in X", "praised the government for keeping the country out of the war in
    Y"): where that act happened, not where the words were said."""
    return tok.dep_ == "pcomp" and tok.pos_ == "VERB" and tok.head.lower_ in ("of", "for")


def _deep_noun(tok: Token, heads: frozenset[int]) -> bool:
    """A noun inside a prepositional phrase of the clause ("collaborated with partners in X",
    "accused B of genocide over its treatment of Uyghurs in X"): a locative phrase on it describes
    that noun, not where the act happened. The patient of a noun trigger ("the bombing of a base
    near X") and times ("for the first time in X") are no such noun."""
    if tok.dep_ != "pobj" or tok.pos_ not in ("NOUN", "PROPN"):
        return False
    if tok.lemma_.lower() in TIME_NOUNS or tok.ent_type_ in ("DATE", "TIME") or tok.lower_ in OCCASION_NOUNS:
        return False  # "for the first time in X"; "at a conference in X" is where the act was done
    if tok.head.lower_ in LOCATIVE_PREPS:
        return False  # "outside the embassy in X": a place phrase the next one narrows
    # (of a verb, "of" gives what is said: "accused Israel of genocide in X")
    return not (tok.head.lower_ == "of" and tok.head.head.i in heads and tok.head.head.pos_ in ("NOUN", "PROPN"))


def _object_noun(tok: Token, heads: frozenset[int]) -> bool:
    """What a verbal act is about, as its object: "opposes Chinese investment in X", "condemned
    the attack in X" - a place on it is where the object is, not where the words were said."""
    return tok.dep_ == "dobj" and tok.pos_ in ("NOUN", "PROPN") and tok.head.i in heads and tok.lower_ not in TIME_NOUNS


# A noun after these is what another act is about ("a trial in X over the bombing", "anger
# over the killings"), not an act that act locates.
ABOUT_PREPS = frozenset({"over", "about", "against", "regarding", "concerning"})


def _clause_heads(trigger: Token) -> frozenset[int]:
    """The trigger and, for a noun ("made a series of visits", "held talks"), the verb whose
    argument it is: a locative phrase of that verb locates the act the noun names."""
    heads = {trigger.i}
    cur = trigger
    for _ in range(4):
        if (cur.pos_ in ("VERB", "AUX") and cur.dep_ != "amod") or cur.dep_ not in ("dobj", "pobj", "prep", "attr", "nsubj", "nsubjpass", "amod"):
            break
        if cur.dep_ == "pobj" and cur.head.lower_ in ABOUT_PREPS:
            break  # "a trial opened in Paris over the bombing": another act, about this one
        cur = cur.head
        heads.add(cur.i)
        if cur.pos_ == "VERB":
            break
    return frozenset(heads)


# Verbs whose destination is where the act they carry out takes place ("send forces to X").
MOTION_LEMMAS = frozenset({"send", "deploy", "dispatch", "move", "return", "travel", "go", "come", "fly",
                           "transfer", "redeploy", "march", "advance"})  # fmt: skip


# A demand is located by the act it asks for where that act goes somewhere ("demanded that Iran
# send forces to X"), not by a place inside what it asks ("calling on Rubio to prevent further
# deterioration in X" was made in Washington); other statements about an act (threats, offers,
# promises) were wrong as often as right that way on the pool.
CONTENT_TYPES = frozenset({"REQUEST"})


def _content_clause(trigger: Token) -> Token | None:
    """The act a demand, offer or threat is about: "demanded that Iran send forces to X"."""
    for child in trigger.children:
        if child.dep_ in ("ccomp", "xcomp", "acl") and child.pos_ == "VERB":
            return child
    return None


# Verbs whose object is the place gone to, a country as much as a city ("visited Taiwan").
VISIT_LEMMAS = frozenset({"visit", "tour", "reach", "enter"})


def visited(tok: Token) -> bool:
    """The object of a visit: "visited Taiwan" (a place even where it names a party too)."""
    return tok.dep_ == "dobj" and tok.head.lemma_ in VISIT_LEMMAS


def clause_place(trigger: Token, event: Event, placed: Sequence[tuple[Place, Token]]) -> Place | None:
    """The place of the trigger's own clause among the sentence's ``placed`` mentions (each with
    its head token), else of the clause it shares or the act a demand asks for; None when the
    clause names none."""
    visit = event.mode == "visit" or event.event_type in {"MOBILIZE"}
    heads = _clause_heads(trigger)
    if event.event_type in ontology().types_with("use_of_force"):
        heads |= _weapon_subjects(trigger)
    own = _best_in_clause(trigger, event, placed, heads, visit)
    if own is not None:
        return own
    content = _content_clause(trigger) if event.event_type in CONTENT_TYPES else None
    if content is not None and content.lemma_ in MOTION_LEMMAS:
        got = _best_in_clause(trigger, event, placed, frozenset({content.i}), True)
        if got is not None:
            return got
    shared = _sharing_clause(trigger)
    if shared is not None:
        got = _best_in_clause(trigger, event, placed, frozenset({shared.i}), shared.lemma_ in MOTION_LEMMAS)
        if got is not None:
            return got
    telling = _occasion_clauses(trigger)
    if telling:
        got = _best_in_clause(trigger, event, placed, telling, False)
        if got is not None:
            return got
    return _speakers_whereabouts(trigger, placed)


# Nouns of a blow or of what deals it: as the subject of an act of force ("air strikes on southern
# Lebanon killed 18", "a car bomb in Mogadishu killed five"), where they fell is where it happened.
WEAPON_NOUNS = frozenset({"strike", "airstrike", "attack", "raid", "bombing", "bombardment", "shelling", "blast",
                          "explosion", "bomb", "missile", "rocket", "drone", "shell", "mortar", "barrage",
                          "assault", "offensive", "fire", "gunfire"})  # fmt: skip


def _weapon_subjects(trigger: Token) -> frozenset[int]:
    """The subject or object of a verb of force when it names a blow or a weapon ("strikes on X
    killed 18", "launched air strikes on northern X")."""
    if trigger.pos_ != "VERB":
        return frozenset()
    return frozenset(c.i for c in trigger.children
                     if c.dep_ in ("nsubj", "nsubjpass", "dobj") and c.lemma_.lower() in WEAPON_NOUNS)  # fmt: skip


# Verbs of speaking whose participle on the speaker tells where the words were said.
SPEAKING_PARTICIPLES = frozenset({"speak", "address", "talk", "brief"})
# Nouns of what is said or published, issued somewhere: "in a statement issued in Port Sudan".
STATEMENT_NOUNS = frozenset({"statement", "speech", "interview", "address", "briefing", "communique", "letter",
                             "post", "message", "declaration"})  # fmt: skip


def _occasion_clauses(trigger: Token) -> frozenset[int]:
    """Participles that tell the occasion of the act: "rejected the warrant, telling journalists
    in X" (the rejection was made in X); a participle with a subject or a conjunction of its own
    ("after arriving", "while X was ...") is another act. Also a speaking participle set on the
    speaker ("Tshisekedi, speaking in Kinshasa, blamed Rwanda") and the issuing of the statement
    the act was made in ("condemned the attack in a statement issued in Port Sudan")."""
    out = {c.i for c in trigger.children
           if c.dep_ == "advcl" and c.tag_ == "VBG" and not any(g.dep_ in ("nsubj", "nsubjpass", "mark") for g in c.children)}  # fmt: skip
    if trigger.pos_ != "VERB":
        return frozenset(out)
    for subj in (c for c in trigger.children if c.dep_ == "nsubj"):
        out.update(c.i for c in subj.children if c.dep_ == "acl" and c.tag_ == "VBG" and c.lemma_.lower() in SPEAKING_PARTICIPLES)
    holders = [trigger, *(c for c in trigger.children if c.dep_ == "dobj")]
    for prep in (p for h in holders for p in h.children if p.dep_ == "prep" and p.lower_ in ("in", "during")):
        for noun in (o for o in prep.children if o.dep_ == "pobj" and o.lemma_.lower() in STATEMENT_NOUNS):
            out.update(c.i for c in noun.children if c.dep_ == "acl")
    return frozenset(out)


# Verbs of a clause on a speaker that says where they are: "Naim, speaking from Doha, accused",
# "Teodoro, who is in Tokyo for talks, condemned", "Sybiha, who was visiting Tokyo, urged",
# "leaders, meeting at a summit in Abuja, urged".
WHEREABOUTS_LEMMAS = frozenset({"speak", "address", "talk", "brief", "be", "visit", "meet", "attend", "stay", "tour"})
WHEREABOUTS_PREPS = frozenset({"in", "at", "from"})


def _speakers_whereabouts(trigger: Token, placed: Sequence[tuple[Place, Token]]) -> Place | None:
    """Where the subject of a verbal act is, told by a participle or a relative clause on it
    (``WHEREABOUTS_LEMMAS``): the place after "in", "at" or "from" that hangs on that verb or on
    one of its objects ("speaking to reporters in Brussels"), or the place it visits. The act was
    made there."""
    if trigger.pos_ != "VERB":
        return None
    clauses = {c.i for subj in trigger.children if subj.dep_ == "nsubj" for c in subj.children
               if c.dep_ in ("acl", "relcl") and c.lemma_.lower() in WHEREABOUTS_LEMMAS
               and (c.dep_ == "acl" or any(g.dep_ == "nsubj" and g.lower_ == "who" for g in c.children))}  # fmt: skip
    if not clauses:
        return None
    for p, tok in placed:
        if tok.dep_ == "dobj" and tok.head.i in clauses and tok.head.lemma_.lower() in VISIT_LEMMAS:
            return p  # "who was visiting Tokyo"
        if tok.dep_ != "pobj" or tok.head.lower_ not in WHEREABOUTS_PREPS:
            continue
        holder = tok.head.head
        if holder.dep_ == "pobj" and holder.head.head.i in clauses and holder.head.lower_ != "about":
            holder = holder.head.head  # "speaking to reporters in Brussels", "meeting at a summit in Abuja"
        if holder.i in clauses and (tok.head.lower_ != "from" or holder.lemma_.lower() in {"speak", "address", "talk", "brief"}):
            return p
    return None


# "led a group in calling on", "responded by sending": the act is how the verb was done.
MANNER_PREPS = frozenset({"in", "by"})


def _sharing_clause(trigger: Token) -> Token | None:
    """The verb whose subject the trigger shares: the first of two verbs ("met in Bangui and
    signed an agreement"), the verb a complement or a purpose hangs on ("were able in X to
    start relief operations", "flew to X to meet the president"). The act, with no scene of its
    own, happened where that verb did (where it went, for a verb of motion)."""
    head = trigger.head
    if trigger.dep_ == "xcomp" and head.pos_ == "ADJ" and head.dep_ == "acomp":
        head = head.head  # "were able to start": the clause of "were"
    if trigger.dep_ == "pcomp" and head.dep_ == "prep" and head.lower_ in MANNER_PREPS and head.head.pos_ == "VERB":
        return head.head  # "in X, senators led a group in calling on Rubio to ...": called in X
    if trigger.pos_ != "VERB" or head.pos_ not in ("VERB", "AUX") or head.i == trigger.i:
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in trigger.children):
        return None
    if trigger.dep_ in ("conj", "xcomp"):
        return head
    if trigger.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in trigger.children):
        return head
    return None


# Acts that take people or troops away from a place: "from X" is where they happen.
REMOVAL_LEMMAS = frozenset({"deport", "deportation", "expel", "expulsion", "evacuate", "evacuation", "remove",
                            "removal", "withdraw", "withdrawal", "repatriate", "extradite", "extradition"})  # fmt: skip


def _removed_from(tok: Token, trigger: Token, heads: frozenset[int]) -> bool:
    kind = _place_noun_object(tok)  # "from the besieged town of X"
    if kind is not None:
        tok = kind
    return (tok.dep_ == "pobj" and tok.head.lower_ == "from" and tok.head.head.i in heads
            and trigger.lemma_.lower() in REMOVAL_LEMMAS)  # fmt: skip


def _struck_at(tok: Token, heads: frozenset[int]) -> bool:
    """A place in an "on" or "against" phrase of the act (or of a place noun there: "on the city
    of X"), or joined to one ("on Kharkiv and Odesa")."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    kind = _place_noun_object(tok)
    if kind is not None:
        tok = kind
    return tok.dep_ == "pobj" and tok.head.lower_ in {"on", "upon", "against"} and tok.head.head.i in heads


def _place_noun_object(tok: Token) -> Token | None:
    """The place noun "X" names in "the town of X" (None when it is not in such a phrase)."""
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ in PLACE_NOUNS:
        return tok.head.head
    return None


# A country's missions abroad: the country named on one owns it; where it stands is elsewhere.
MISSION_NOUNS = frozenset({"embassy", "consulate", "mission", "legation", "high commission"})


# Things a country has abroad as often as at home: its missions, its ships, its forces.
OWNED_ABROAD = MISSION_NOUNS | frozenset({"warship", "ship", "vessel", "destroyer", "carrier", "frigate", "submarine",
                                          "tanker", "aircraft", "jet", "plane", "troop", "force", "soldier", "convoy",
                                          "delegation"})  # fmt: skip


def mission_owner(p: Place, tok: Token) -> bool:
    """A country named as whose embassy, consulate, ship or forces they are ("outside the U.S.
    embassy", "fired at U.S. warships"): they may stand anywhere, the name says whose, not where."""
    return (p.precision == "country" and tok.dep_ in {"compound", "poss", "amod"}
            and tok.head.lemma_.lower() in OWNED_ABROAD)  # fmt: skip


def _best_in_clause(
    trigger: Token, event: Event, placed: Sequence[tuple[Place, Token]], heads: frozenset[int], visit: bool
) -> Place | None:
    best: tuple[tuple[int, int], Place] | None = None
    for p, tok in placed:
        if mission_owner(p, tok):
            continue  # "outside the U.S. embassy in Baghdad", "Israel's consulate in Istanbul": whose, not where
        at = attachment(tok, visit) if tok.lower_ != "there" else (tok.head, "there")
        hit = at is not None and _within_clause(at[0], heads, event.event_type not in TOPIC_TYPES)
        if not hit and at is not None and event.event_type == "CONSULT" and at[1] == "in" and _met_party(at[0], trigger):
            hit = True  # "met a U.S. delegation in Kinshasa", "hosted President X in Cairo": where they met
        struck = _place_noun_object(tok)  # "shelled the city of X": X is what was shelled
        if not hit and struck is not None and struck.head.i in heads:
            hit = struck.dep_ == "dobj" and event.event_type in PLACE_OBJECT_TYPES
        if not hit and tok.head.i in heads:
            # "the Aleppo offensive"; "shelled Aleppo" (a city, not a country named as a party)
            hit = (tok.dep_ in {"compound", "nmod"} and trigger.pos_ == "NOUN") or (
                tok.dep_ == "dobj" and (
                    (p.precision in {"city", "admin"} and event.event_type in PLACE_OBJECT_TYPES)
                    or (event.mode == "visit" and tok.head.lemma_ in VISIT_LEMMAS)))  # fmt: skip
        if not hit and _removed_from(tok, trigger, heads):
            hit = True  # "deported 177 detainees from Guantanamo Bay": where they were taken away
        if (not hit and event.event_type in ontology().types_with("use_of_force") and p.precision in {"city", "admin", "region"}
                and _struck_at(tok, heads)):  # fmt: skip
            hit = True  # "drone attacks on Kharkiv", "an offensive against Mosul": where the force fell
        if hit:
            # the most specific place of the phrase: "in Pakistan's Balochistan province" -> Balochistan
            rank = (SPECIFIC.get(p.precision, 4), abs(tok.i - trigger.i))
            if best is None or rank < best[0]:
                best = (rank, p)
    return best[1] if best else None


def _met_party(noun: Token, trigger: Token) -> bool:
    """``noun`` is whom the meeting verb ``trigger`` meets or hosts: its object or the object of its
    "with" ("met a U.S. delegation", "held talks with Houthi negotiators and Saudi officials"),
    conjuncts included; the parse often hangs the meeting's "in X" on that party."""
    while noun.dep_ == "conj" and noun.head.i != noun.i:
        noun = noun.head
    if noun.dep_ == "dobj":  # (not what is discussed: "discussed the situation in X")
        return noun.head.i == trigger.i and not topic(noun)
    # (or of the meeting noun the verb holds: "hosted separate meetings with ... in Muscat")
    if noun.dep_ == "pobj" and noun.head.lower_ == "with":
        holder = noun.head.head
        return holder.i == trigger.i or (holder.dep_ == "dobj" and holder.head.i == trigger.i)
    return False


# What something is about ("protested over the war in X"); "against" marks the target of force
# too ("airstrikes against IS in Syria"), so it does not count here.
TOPIC_PREPS = frozenset({"over", "about", "regarding", "concerning"})




def topic(noun: Token) -> bool:
    """A noun after "over", "about" ...: what something is about ("protested over the war in X");
    the object of "discuss" too ("discussed maritime security in the Gulf of Guinea")."""
    if noun.dep_ == "dobj" or (noun.dep_ == "dep" and noun.pos_ in ("NOUN", "PROPN")):  # "dep": a second object the parse left unlabelled
        return noun.head.lemma_.lower() in DISCUSSION_LEMMAS
    return noun.dep_ == "pobj" and noun.head.lower_ in TOPIC_PREPS
