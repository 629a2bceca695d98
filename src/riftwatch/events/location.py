"""Where an event happened, decided on its own once the article's events are coded.

The place of an event is the location the text gives *for that act*, not the nearest or most
salient toponym. Three levels, the first that answers wins, recorded in ``Place.how``:

1. ``clause``: a place in a locative phrase ("in", "at", "near", "outside" ...) that belongs to the
   trigger's own clause — attached to the trigger or to a word of its clause without crossing into
   another clause (a relative, adverbial or reported clause has its own scene). "in the town of X",
   "in X's north", "near X, Y" count; so does a city the act is done to ("shelled X") for acts that
   strike a place, the destination of a visit ("visited X", "travelled to X") and a place naming
   the act itself ("the X talks"). A noun trigger's clause is its verb's ("made visits", "held
   talks"); a clause of circumstance ("since arriving in X") is part of it, and so is the trip it
   happens on ("during a visit to X, she met ..."); a demand is located by the act it asks for
   ("demanded that Iran send forces to X"); the second of two verbs sharing a subject happened
   where the first did ("met in X and signed an agreement"), and so did a complement or a purpose
   ("were able in X to start ...", "travelled to X to sign ..."); a participle telling the
   occasion locates the act it hangs on ("rejected the warrant, telling reporters in X"). A
   country visited is the place even where it is a party too ("visited Taiwan"). "There" takes
   up the last place named in a locative phrase before it. For accusations, rejections, threats
   and demands, a place deep inside what is said ("accused B of abuses against Uyghurs in X") is
   the topic, not the scene.
2. ``sentence``: for a material act (QuadClass 2 or 4: force, and aid, releases, withdrawals)
   whose clause names no place, a place in a locative phrase elsewhere in the sentence, when all
   such places are in one country.
3. ``article``: for an act of force still without one, the scene the story has reached — the
   town or province of the last act of force placed by its own sentence, else the article's
   scene, its dateline ("KABUL —") or the first place of its lead sentence in a locative phrase
   — when the act is recent news (dated within two weeks of publication) and its parties include
   that place's country or name no party of another country. Sanctions take no fallback.

A bare place noun in a locative phrase ("in the city", "to the villages") takes up the place of
that kind the article named last before it.

A country named as an actor ("Syria said", "sanctions on Russia") never becomes the place: only
a locative phrase makes it one ("talks in Syria"). A place named later in the article as the
venue of something else never leaks into an event of another sentence; only the scene does.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from ..geo.sites import is_site
from ..records import Actor, Article, Event, Place

# Prepositions that put what follows at the scene of an act.
LOCATIVE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "across", "throughout", "around", "within",
                            "along", "off", "through", "amid", "nearby"})  # fmt: skip
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
                         "parts", "neighborhood", "neighbourhood", "camp", "base", "outpost"})  # fmt: skip
# Dependencies that start a clause of its own: a place under them belongs to that clause.
CLAUSE_DEPS = frozenset({"ccomp", "advcl", "relcl", "acl", "csubj", "parataxis", "conj", "xcomp", "pcomp"})
# Clauses that give the circumstances of the act they hang on ("after arriving in X, he met ..."):
# their place is the act's.
CIRCUMSTANCE_DEPS = frozenset({"pcomp"})
# Dependencies that stay within a noun phrase naming a place.
NOUN_DEPS = frozenset({"compound", "poss", "appos", "nmod", "amod", "conj", "npadvmod"})
# Event types whose direct object may be the place struck or entered.
PLACE_OBJECT_TYPES = frozenset({"ASSAULT", "MOBILIZE", "COERCE"})
# Only acts of force take a place from outside their own clause: a strike or an arrest happens
# somewhere the article has named, while a statement, an appeal or a meeting reported without a
# place in its clause is rarely located by the text (on the VOA pool, a sentence or article
# fallback for verbal and cooperative acts was wrong about twice as often as right).
FALLBACK_QUAD_CLASS = 4
# Material acts - aid delivered, prisoners freed as much as strikes and arrests - happen at a
# scene the sentence may name outside their clause ("after 270 schoolgirls kidnapped in X were
# freed"); verbal acts do not (on the pool, the sentence's place was wrong for them 7 times in 9).
SENTENCE_QUAD_CLASSES = frozenset({2, 4})
# Rescues, releases and relief in a story of force happen where the force struck ("the military
# rescued all the passengers freed so far").
RELIEF_TYPES = frozenset({"AID", "RETREAT"})
# Sanctions are decided in capitals and take effect everywhere: no scene to fall back on.
NO_SCENE_TYPES = frozenset({"SANCTION"})
_SPECIFIC = {"city": 0, "admin": 1, "region": 2, "country": 3}
DATELINE_DASHES = ("\u2014", "\u2013", "--", " - ")


def _head_token(doc: Doc, p: Place) -> Token | None:
    span = doc.char_span(p.start, p.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _attachment(tok: Token, destination: bool) -> tuple[Token, str] | None:
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
            if prep == "of" and head.head.lower_ in PLACE_NOUNS:
                cur = head.head  # "the town of X": carry on from "town"
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
        if (cur.dep_ in CLAUSE_DEPS and cur.dep_ not in CIRCUMSTANCE_DEPS) or cur.head is cur:
            return False
        if _topic(cur):
            return False  # "protests over the war in X", "talks about the situation in X": the topic
        if not deep and (_deep_noun(cur, heads) or _object_noun(cur, heads)):
            return False
        cur = cur.head
    return False


# Acts of saying against or asking of someone ("accused B of abuses against Uyghurs in X",
# "demanded an inquiry into the killings in Y"): a place deep inside what is said is its topic, not
# where it was said. Meetings and agreements are located by their partners' phrases as often as
# not ("met with officials in Kabul"), and acts of force by their objects' ("killed five soldiers
# in the city"): for them the deep place stays.
TOPIC_TYPES = frozenset({"ACCUSE", "REJECT", "THREATEN", "REQUEST"})
# Nouns of time a locative phrase may hang on without describing a party ("for the first time in X").
TIME_NOUNS = frozenset({"time", "day", "days", "week", "weeks", "month", "months", "year", "years", "night",
                        "morning", "evening", "afternoon", "weekend"})  # fmt: skip


def _deep_noun(tok: Token, heads: frozenset[int]) -> bool:
    """A noun inside a prepositional phrase of the clause ("collaborated with partners in X",
    "accused B of genocide over its treatment of Uyghurs in X"): a locative phrase on it describes
    that noun, not where the act happened. The patient of a noun trigger ("the bombing of a base
    near X") and times ("for the first time in X") are no such noun."""
    if tok.dep_ != "pobj" or tok.pos_ not in ("NOUN", "PROPN"):
        return False
    if tok.lemma_.lower() in TIME_NOUNS or tok.ent_type_ in ("DATE", "TIME") or tok.lower_ in OCCASION_NOUNS:
        return False  # "for the first time in X"; "at a conference in X" is where the act was done
    return not (tok.head.lower_ == "of" and tok.head.head.i in heads)


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


# A demand is located by the act it asks for ("demanded that Iran send forces to X"); other
# statements about an act (threats, offers, promises) were wrong as often as right that way on the pool.
CONTENT_TYPES = frozenset({"REQUEST"})


def _content_clause(trigger: Token) -> Token | None:
    """The act a demand, offer or threat is about: "demanded that Iran send forces to X"."""
    for child in trigger.children:
        if child.dep_ in ("ccomp", "xcomp", "acl") and child.pos_ == "VERB":
            return child
    return None


# Verbs whose object is the place gone to, a country as much as a city ("visited Taiwan").
VISIT_LEMMAS = frozenset({"visit", "tour", "reach", "enter"})


def _visited(tok: Token) -> bool:
    """The object of a visit: "visited Taiwan" (a place even where it names a party too)."""
    return tok.dep_ == "dobj" and tok.head.lemma_ in VISIT_LEMMAS


def _overlaps(p: Place, actors: Sequence[Actor]) -> bool:
    return any(a.start < p.end and p.start < a.end for a in actors)


def _clause_place(trigger: Token, event: Event, placed: Sequence[tuple[Place, Token]]) -> Place | None:
    visit = event.mode == "visit" or event.event_type in {"MOBILIZE"}
    own = _best_in_clause(trigger, event, placed, _clause_heads(trigger), visit)
    if own is not None:
        return own
    content = _content_clause(trigger) if event.event_type in CONTENT_TYPES else None
    if content is not None and content.lemma_ in MOTION_LEMMAS:
        got = _best_in_clause(trigger, event, placed, frozenset({content.i}), content.lemma_ in MOTION_LEMMAS)
        if got is not None:
            return got
    shared = _sharing_clause(trigger)
    if shared is not None:
        got = _best_in_clause(trigger, event, placed, frozenset({shared.i}), shared.lemma_ in MOTION_LEMMAS)
        if got is not None:
            return got
    telling = _occasion_clauses(trigger)
    if telling:
        return _best_in_clause(trigger, event, placed, telling, False)
    return None


def _occasion_clauses(trigger: Token) -> frozenset[int]:
    """Participles that tell the occasion of the act: "rejected the warrant, telling journalists
    in X" (the rejection was made in X); a participle with a subject or a conjunction of its own
    ("after arriving", "while X was ...") is another act."""
    return frozenset(
        c.i for c in trigger.children
        if c.dep_ == "advcl" and c.tag_ == "VBG" and not any(g.dep_ in ("nsubj", "nsubjpass", "mark") for g in c.children)
    )  # fmt: skip


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
    if trigger.pos_ != "VERB" or head.pos_ not in ("VERB", "AUX") or head is trigger:
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
    return (tok.dep_ == "pobj" and tok.head.lower_ == "from" and tok.head.head.i in heads
            and trigger.lemma_.lower() in REMOVAL_LEMMAS)  # fmt: skip


def _best_in_clause(
    trigger: Token, event: Event, placed: Sequence[tuple[Place, Token]], heads: frozenset[int], visit: bool
) -> Place | None:
    best: tuple[tuple[int, int], Place] | None = None
    for p, tok in placed:
        at = _attachment(tok, visit) if tok.lower_ != "there" else (tok.head, "there")
        hit = at is not None and _within_clause(at[0], heads, event.event_type not in TOPIC_TYPES)
        if not hit and tok.head.i in heads:
            # "the Aleppo offensive"; "shelled Aleppo" (a city, not a country named as a party)
            hit = (tok.dep_ in {"compound", "nmod"} and trigger.pos_ == "NOUN") or (
                tok.dep_ == "dobj" and (
                    (p.precision in {"city", "admin"} and event.event_type in PLACE_OBJECT_TYPES)
                    or (event.mode == "visit" and tok.head.lemma_ in VISIT_LEMMAS)))  # fmt: skip
        if not hit and _removed_from(tok, trigger, heads):
            hit = True  # "deported 177 detainees from Guantanamo Bay": where they were taken away
        if hit:
            # the most specific place of the phrase: "in Pakistan's Balochistan province" -> Balochistan
            rank = (_SPECIFIC.get(p.precision, 4), abs(tok.i - trigger.i))
            if best is None or rank < best[0]:
                best = (rank, p)
    return best[1] if best else None


# What something is about ("protested over the war in X"); "against" marks the target of force
# too ("airstrikes against IS in Syria"), so it does not count here.
TOPIC_PREPS = frozenset({"over", "about", "regarding", "concerning"})


def _topic(noun: Token) -> bool:
    """A noun after "over", "about" ...: what something is about ("protested over the war in X")."""
    return noun.dep_ == "pobj" and noun.head.lower_ in TOPIC_PREPS


def _sentence_place(trigger: Token, placed: Sequence[tuple[Place, Token]]) -> Place | None:
    """A place in a locative phrase of the sentence, when there is exactly one scene in it."""
    scenes = [(p, tok) for p, tok in placed if (at := _attachment(tok, False)) is not None and not _topic(at[0])]
    countries = {p.country for p, _ in scenes}
    if not scenes or len(countries) > 1:
        return None
    # all in one country: the most specific ("in Kenya's Garissa county, near Dadaab" -> Dadaab)
    return min(scenes, key=lambda pt: (_SPECIFIC.get(pt[0].precision, 4), abs(pt[1].i - trigger.i)))[0]


def article_scene(article: Article, doc: Doc, places: Sequence[Place], actors: Sequence[Actor]) -> Place | None:
    """The place an article reports from: its dateline, else the first place in a locative phrase
    of its lead sentence (a city, region or province before a country)."""
    text = article.text
    head = text[:80]
    for dash in DATELINE_DASHES:
        cut = head.find(dash)
        if 0 < cut:
            line = [p for p in places if p.end <= cut]
            if line:
                return line[0]
    sents = list(doc.sents)
    if not sents:
        return None
    lead = sents[0]
    cands = []
    for p in places:
        if not (lead.start_char <= p.start and p.end <= lead.end_char) or _overlaps(p, actors):
            continue
        tok = _head_token(doc, p)
        if tok is not None and (at := _attachment(tok, False)) is not None and not _topic(at[0]):
            cands.append(p)
    if not cands:
        return None
    return min(cands, key=lambda p: (_SPECIFIC.get(p.precision, 4), p.start))


# An act dated further than this from the article's publication is history the article recalls
# ("were arrested in 2011"), not news from where it reports.
SCENE_DAYS = 14


def _about_scene(event: Event, scene: Place, article: Article) -> bool:
    """A recent act of the scene's country, or one naming no party of another country."""
    if article.published is not None and event.date is not None and abs((article.published - event.date).days) > SCENE_DAYS:
        return False
    countries = {a.country for a in (*event.source, *event.target) if a.country}
    return not countries or scene.country in countries


# "in the city", "to the villages", "from the base": a place named before, taken up again by a
# bare noun; the noun -> the precisions of the places it may take up.
ANAPHORIC_NOUNS: dict[str, frozenset[str]] = {
    "city": frozenset({"city"}), "town": frozenset({"city"}), "capital": frozenset({"city"}),
    "village": frozenset({"city"}), "villages": frozenset({"city"}), "towns": frozenset({"city"}),
    "base": frozenset({"city", "admin"}), "camp": frozenset({"city", "admin"}),
}  # fmt: skip


def _anaphoric_places(doc: Doc, places: Sequence[Place], text: str) -> list[tuple[Place, Token]]:
    """Bare "the city" in a locative phrase, as the place of that kind the article named last
    (text "the city", name and point of the city it takes up)."""
    from ..geo.mentions import doc_words

    out: list[tuple[Place, Token]] = []
    words = doc_words(doc)
    out.extend(_there(doc, places, words))
    for i, word in enumerate(words):
        kinds = ANAPHORIC_NOUNS.get(word)
        if kinds is None or i == 0 or doc[i - 1].lower_ != "the":
            continue
        tok = doc[i]
        if tok.dep_ != "pobj" or any(c.dep_ in ("prep", "appos", "compound", "amod", "poss") for c in tok.children):
            continue  # "the city of X", "the capital, X", "the Turkish capital" name their place
        if tok.head.lower_ not in LOCATIVE_PREPS and tok.head.lower_ not in DESTINATION_PREPS | {"from"}:
            continue
        before = [p for p in places if p.end <= tok.idx and p.precision in kinds]
        if not before:
            continue
        start = doc[i - 1].idx
        out.append((replace(before[-1], text=text[start : tok.idx + len(tok)], start=start,
                            end=tok.idx + len(tok)), tok))  # fmt: skip
    return out


def _there(doc: Doc, places: Sequence[Place], words: Sequence[str]) -> list[tuple[Place, Token]]:
    """ "There, Kim asked Trump for sanctions relief", "met him there": the place of a locative
    phrase named last before it (text "There")."""
    out: list[tuple[Place, Token]] = []
    for i, word in enumerate(words):
        if word not in ("there", "There"):
            continue
        tok = doc[i]
        if tok.dep_ != "advmod":
            continue  # "there is", "there were": no place
        before = []
        for p in places:
            if p.end > tok.idx:
                break
            head = _head_token(doc, p)
            if head is not None and _attachment(head, False) is not None:
                before.append(p)
        if before:
            out.append((replace(before[-1], text=tok.text, start=tok.idx, end=tok.idx + len(tok)), tok))
    return out


# Acts of meeting: where one is placed, the acts its parties go on to report in the next sentences
# happened there too ("a two-day visit by Modi to Mauritius ... Mauritius conferred its highest
# honour on Modi, and the prime ministers signed eight pacts").
MEETING_TYPES = frozenset({"CONSULT"})
STATE_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "COP", "SPY"})
# How many sentences on from the last act of the meeting the story may still be telling it.
VENUE_SENTENCES = 2


def _parties(e: Event) -> frozenset[str]:
    return frozenset(a.country for a in (*e.source, *e.target) if a.country)


def _sides(e: Event) -> frozenset[tuple[str, str]]:
    """The parties as country and sector ("CAF GOV" met, "CAF REB" did not)."""
    return frozenset((a.country, a.sector) for a in (*e.source, *e.target) if a.country)


@dataclass(frozen=True, slots=True)
class _Venue:
    """The place of a meeting or visit, its parties' countries and the last sentence telling it."""

    place: Place
    parties: frozenset[tuple[str, str]]
    sentence: int
    date: dt.date | None

    def holds(self, e: Event, past: bool, published: dt.date | None) -> bool:
        """An act of the meeting's own parties (of no other country), told in the next sentences;
        after a meeting of the past, told in the past tense ("since talks failed at the Hanoi
        summit ... Trump denied the request", not "North Korea is seeking ...")."""
        mine = _sides(e)
        if not mine or not any(a.country for a in e.source) or not all(self._fits(side) for side in mine):
            return False
        if e.date_text is not None and e.date is not None and self.date is not None and abs((e.date - self.date).days) > SCENE_DAYS:
            return False  # "last year, India helped ...": another time, another scene
        if not past and self.date is not None and published is not None and (published - self.date).days > SCENE_DAYS:
            return False
        return e.sentence_index <= self.sentence + VENUE_SENTENCES

    def _fits(self, side: tuple[str, str]) -> bool:
        """A party of the meeting: its country was there, in that sector or one of the state's
        ("CAF GOV" met: "CAF MIL" is the state too, "CAF REB" was not there); an unknown sector
        fits."""
        country, sector = side
        for c, s in self.parties:
            if c == country and (not sector or not s or s == sector or {s, sector} <= STATE_SECTORS):
                return True
        return False


def _ongoing(trigger: Token) -> bool:
    """A campaign told as ongoing or summed up, not one act at the scene: "the Taliban have
    intensified attacks, capturing new territory", "security forces have occupied 36 hospitals",
    "the group has been fighting an insurgency" (a present perfect, its participles too)."""
    verb = trigger
    for _ in range(3):
        if verb.pos_ in ("VERB", "AUX") and not (verb.tag_ == "VBG" and verb.dep_ in ("advcl", "conj", "xcomp")):
            break
        if verb.head is verb:
            break
        verb = verb.head
    return any(c.dep_ == "aux" and c.lemma_ == "have" and c.tag_ in ("VBP", "VBZ") for c in verb.children)


def _past(trigger: Token) -> bool:
    """Told in the past tense: "denied", "had asked", "was signed"; a noun by its verb."""
    verb = trigger
    for _ in range(3):
        if verb.pos_ in ("VERB", "AUX") or verb.head is verb:
            break
        verb = verb.head
    return verb.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in verb.children)


def _next_venue(venue: _Venue | None, e: Event, place: Place | None, how: str) -> _Venue | None:
    """The venue after ``e``: a meeting placed by its own clause opens one; an act of the venue
    carries it on; an act of its parties placed elsewhere, or a sentence too far, ends it."""
    if place is not None and how == "clause" and e.event_type in MEETING_TYPES and _parties(e):
        return _Venue(place, _sides(e), e.sentence_index, e.date)
    if venue is None:
        return None
    if how == "venue":
        return replace(venue, sentence=e.sentence_index)
    if e.sentence_index > venue.sentence + VENUE_SENTENCES:
        return None
    if place is not None and _parties(e) & {c for c, _ in venue.parties} and place.country != venue.place.country:
        return None
    return venue


def locate(
    article: Article,
    doc: Doc,
    events: Sequence[Event],
    places: Sequence[Place],
    actors: Sequence[Actor],
) -> list[Event]:
    """The events with their place decided clause, then sentence, then article (``Place.how``).

    ``places`` are the article's resolved place mentions and ``actors`` its actor mentions: a
    place that is an actor's mention is a party, not a scene, unless a locative phrase holds it.
    """
    placed: list[tuple[Place, Token]] = []
    for p in places:
        tok = _head_token(doc, p)
        if tok is None:
            continue
        if _overlaps(p, actors) and (is_site(p) or (_attachment(tok, True) is None and not _visited(tok))):
            continue  # a party, not a scene; "at Human Rights Watch" names where someone works
        placed.append((p, tok))
    if events:
        placed.extend(_anaphoric_places(doc, places, article.text))
    scene = article_scene(article, doc, places, actors)
    decided: dict[int, Event] = {}
    last: Place | None = None  # the specific place of the last act of force placed by its sentence
    venue: _Venue | None = None  # the meeting or visit the story is telling, while it tells it
    waiting: list[int] = []  # acts of force told before the story placed any
    for k in sorted(range(len(events)), key=lambda k: events[k].trigger.start):
        e = events[k]
        span = doc.char_span(e.trigger.start, e.trigger.end, alignment_mode="expand")
        if span is None or not len(span):
            decided[k] = replace(e, place=None)
            continue
        trig = span.root
        sent = trig.sent
        in_sent = [(p, t) for p, t in placed if sent.start_char <= p.start and p.end <= sent.end_char]
        place = _clause_place(trig, e, in_sent)
        how = "clause"
        force = e.quad_class == FALLBACK_QUAD_CLASS and e.event_type not in NO_SCENE_TYPES
        if place is None and e.quad_class in SENTENCE_QUAD_CLASSES and e.event_type not in NO_SCENE_TYPES:
            place, how = _sentence_place(trig, in_sent), "sentence"
        if place is None and force:
            # the scene the story has reached: the last act of force it placed in a town or
            # province, else where it reports from
            if e.factuality == "asserted" and not _ongoing(trig):
                place = next((at for at in (last, scene) if at is not None and _about_scene(e, at, article)), None)
            how = "article"
        elif place is None and e.event_type in RELIEF_TYPES and last is not None:
            # a rescue or a release in a story of force: where that force struck
            if e.factuality == "asserted" and not _ongoing(trig) and _about_scene(e, last, article):
                place = last
            how = "article"
        if (place is None and not force and e.event_type not in NO_SCENE_TYPES and venue is not None
                and venue.holds(e, _past(trig), article.published)):  # fmt: skip
            place, how = venue.place, "venue"
        if place is not None and how != "article" and force and place.precision != "country":
            last = place
        venue = _next_venue(venue, e, place, how)
        if place is None and force and last is None and scene is None and e.factuality == "asserted" and not _ongoing(trig):
            waiting.append(k)  # the story has placed no act of force yet: its first may tell where
        elif waiting and place is not None and how != "article" and force and place.precision != "country":
            for w in waiting:
                if events[w].sentence_index < e.sentence_index and _about_scene(events[w], place, article):
                    decided[w] = replace(events[w], place=replace(place, how="article"))
            waiting = []
        decided[k] = replace(e, place=replace(place, how=how) if place is not None else None)  # type: ignore[arg-type]
    return [decided[k] for k in range(len(events))]
