"""Who did it and to whom: source and target actors of a trigger, read off the dependency parse.

Verbs: subject → source, object / prepositional object → target; passives swap ("was attacked by");
infinitives without a subject take their controller ("Tehran has decided to dispatch ...",
"Assad's orders ... to pull out"). Nouns: possessor, "by"/"from" phrases and actor modifiers
("Russian air raids") → source; "on/against/to/with" phrases → target; a light verb's subject
("he has been making visits") → source.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Token

from ..actors.people import PLACE_NOUNS
from ..records import Actor
from .modality import PREVENTING_VERBS, SPEECH_VERBS, not_adopted
from .ontology import ontology

SUBJ = frozenset({"nsubj", "csubj"})
OBJ = frozenset({"dobj", "dative", "attr", "oprd"})
# Subtrees below these do not belong to the noun phrase that names an actor.
PRUNE = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "prep", "punct"})
# Prepositions of a verb's target that name where rather than whom ("attacks in Mali").
PLACE_PREPS = frozenset({"in", "into", "inside", "within"})
# Verbs of answering another's act, whose "with" phrase names the answer ("responded with strikes").
ANSWERING = frozenset({"respond", "retaliate", "react", "reply", "answer", "hit", "strike"})
# Prepositions of what an act is over, named as its target only when nothing else is.
REASON_PREPS = frozenset({"over"})
VERB_TARGET_PREPS = ("against", "on", "to", "with", "at", "for", "upon", "toward", "towards", "into", "over", "between")
NOUN_TARGET_PREPS = ("on", "against", "to", "with", "of", "for", "upon", "at", "toward", "towards", "between", "among")
# Words that take a part of what their "of" phrase names: "some of its restrictions", "most of the sanctions".
PARTITIVES = frozenset({"some", "most", "all", "part", "many", "several", "much", "half", "none", "one", "parts",
                        "rest", "majority", "remainder", "bulk",
                        # a run of acts is those acts: "carried out a series of airstrikes against IS"
                        "series", "string", "spate", "barrage", "volley", "salvo", "flurry",
                        # and a set of measures those measures: "suspended a range of sanctions"
                        "range", "raft", "slew", "host", "array", "battery", "suite"})  # fmt: skip


def part_whole(noun: Token) -> list[Token]:
    """What a partitive object takes part of ("most of its sanctions" -> "sanctions"), or nothing."""
    if noun.lower_ not in PARTITIVES:
        return []
    return [o for p in noun.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]


# Verbs whose object is the one who acts in the infinitive: "ordered the army to pull back".
OBJECT_CONTROL = frozenset({"order", "tell", "ask", "urge", "force", "persuade", "allow", "instruct",
                            "encourage", "invite", "press", "pressure", "compel", "permit", "call", "prompt", "lead",
                            "cause", "push", "spur", "drive", "require", "enable", "oblige"})  # fmt: skip
LIGHT_VERBS = frozenset({"make", "hold", "launch", "carry", "conduct", "stage", "issue", "give", "pay", "renew",
                         "reopen", "open", "initiate", "pursue", "enter",
                         "speed", "accelerate", "complete", "finish", "expand", "undertake", "mount",
                         "wage", "fight", "begin", "start", "continue", "step", "intensify", "resume",
                         "escalate", "announce", "declare", "unseal", "lodge", "file", "level", "express", "join",
                         # keeping, renewing or stepping up an act is doing it ("kept tariffs in
                         # place", "ramped up sanctions", "reiterated its demand", "tweeted condemnation")
                         "maintain", "keep", "ramp", "increase", "tighten", "extend", "repeat", "reiterate",
                         "restore", "finalize", "finalise", "tweet", "voice", "place", "claim", "deliver",
                         # (or making it ready: "is preparing new sanctions", "planned an offensive")
                         "prepare", "plan", "draft", "ready", "plot"})  # fmt: skip
# Nouns that describe an actor by its relation to another: "X, a longtime partner of Y".
RELATIONAL_NOUNS = frozenset({"ally", "neighbour", "neighbor", "partner", "rival", "enemy", "foe", "friend",
                              "adversary", "backer", "patron", "client", "proxy", "protege", "sponsor", "critic",
                              "opponent", "supporter"})  # fmt: skip
# Verbs with which an actor owns up to an act: "claimed responsibility for".
CLAIM_VERBS = frozenset({"claim", "accept", "admit", "take", "bear", "acknowledge", "assume"})
RECEIVE_VERBS = frozenset({"receive", "get", "obtain", "accept", "enjoy", "win", "suffer", "sustain", "take"})


@dataclass(frozen=True, slots=True)
class Roles:
    source: tuple[Actor, ...]
    target: tuple[Actor, ...]
    # How the roles were found; lower confidence for fallbacks.
    source_how: str = ""
    target_how: str = ""


def actors_under(tok: Token, actor_at: dict[int, Actor], *, keep_of: bool = True) -> list[Actor]:
    """Actors named by the noun phrase headed by ``tok`` (its conjuncts included, clauses pruned)."""
    found: list[Actor] = []
    seen: set[tuple[int, int]] = set()
    stack = [(tok, False)]
    while stack:
        t, described = stack.pop()
        actor = actor_at.get(t.i)
        if actor is not None and _place_word_of_origin(t, tok):
            continue  # "residents of the Syrian town of Kobani": the town's country says where they live
        if actor is not None and (actor.start, actor.end) not in seen:
            seen.add((actor.start, actor.end))
            found.append(actor)
        named = t.lemma_.lower() in RELATIONAL_NOUNS and any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in t.children)
        # (in a description set beside a name, a relation's owner is its counterpart too: "Devlet
        # Bahceli, the leader of the MHP and Erdogan's main ally": Erdogan is no party)
        named = named or (described and t.lemma_.lower() in RELATIONAL_NOUNS)
        described = described or t.dep_ == "appos"
        for child in t.children:
            if named and child.dep_ == "poss":
                continue  # "Mali's neighbours Guinea and Niger": the neighbours are Guinea and Niger, Mali their counterpart
            if child.dep_ in PRUNE:
                if (child.dep_ == "prep" and keep_of and child.lower_ in {"of", "from"} and t.pos_ != "VERB"
                        and not _of_an_act(child) and not _counterpart(t, child)):  # fmt: skip
                    stack.append((child, described))
                elif child.dep_ == "prep" and t.pos_ in {"NOUN", "PROPN"} and t.tag_ in {"NNS", "NNPS"} and _members(child):
                    # "rights groups, including Human Rights Watch": a member of the group, by name
                    # (not "members, including two women", whose country the group's is)
                    for a in actors_under(child, actor_at):
                        if (a.start, a.end) not in seen and not a.entry_id.startswith("sector:"):
                            seen.add((a.start, a.end))
                            found.append(a)
                continue
            if child.dep_ == "pcomp" and t.dep_ == "prep":
                continue  # "accused by officials of arming the militia": what they say, not who they are
            if child.dep_ == "appos" and child.lemma_.lower() in RELATIONAL_NOUNS:
                continue  # "Jordan, a firm British partner": the partner is Jordan, Britain only its counterpart
            stack.append((child, described))
    found.sort(key=lambda a: a.start)
    return found


def _place_word_of_origin(t: Token, top: Token) -> bool:
    """``t`` is a people's or a country's word on a noun of place in an "of" or "from" phrase of
    the noun phrase headed by ``top`` ("residents of the Kyrgyz village of Dostuk"): where those
    named live, not another party."""
    head = t.head
    return (t.dep_ in {"amod", "compound"} and head.lemma_.lower() in PLACE_NOUNS and head.dep_ == "pobj"
            and head.head.lower_ in {"of", "from"} and head.head.head.pos_ == "NOUN" and head.head.head.i != t.i
            and top.pos_ in {"NOUN", "PROPN"})  # fmt: skip


# Types whose object names what they condemn, criticise or protest.
CONDEMNING_TYPES = frozenset({"ACCUSE", "PROTEST"})
# Nouns of harm done to people, whose "of" phrase names the victims.
HARM_NOUNS = frozenset({"arrest", "detention", "killing", "treatment", "mistreatment", "jailing", "imprisonment",
                        "deportation", "expulsion", "abduction", "kidnapping", "execution", "persecution",
                        "sentencing", "conviction", "torture", "harassment", "abuse", "beating", "shooting",
                        "murder", "assassination", "disappearance", "incarceration", "prosecution"})  # fmt: skip


def _harm_doers(noun: Token) -> list[Token]:
    """Who did the harm a noun names: its owner ("Baku's detention of ..."), else its "by" phrase."""
    owners = [c for c in noun.children if c.dep_ == "poss"]
    return owners or [o for p in noun.children if p.dep_ == "prep" and p.lower_ == "by" for o in p.children if o.dep_ == "pobj"]


def _counterpart(noun: Token, prep: Token) -> bool:
    """The "of" phrase of a noun of relation names the other party, not the one the noun is: "a
    critic of President Saied" is no president, "an ally of the opposition leader" no leader."""
    if prep.lower_ != "of":
        return False
    # "a lawyer and critic of the president": the parse may hang the phrase on the first conjunct
    return noun.lemma_.lower() in RELATIONAL_NOUNS or any(
        c.dep_ == "conj" and c.i < prep.i and c.lemma_.lower() in RELATIONAL_NOUNS for c in noun.children)


def _of_an_act(prep: Token) -> bool:
    """"of abusing civilians" (a gerund, which the parse may hang on "civilians"): the act someone
    is accused of, whose victims are no part of the phrase's party ("accused the rebels of abusing
    civilians")."""
    return prep.lower_ == "of" and any(
        c.tag_ == "VBG" or (c.dep_ == "pobj" and any(g.tag_ == "VBG" and g.dep_ in {"amod", "acl"} and g.i < c.i for g in c.children))
        for c in prep.children)  # fmt: skip


def _members(prep: Token) -> bool:
    """"including X", "such as X" after a plural noun names members of what the noun names."""
    return prep.lower_ == "including" or (prep.lower_ == "as" and any(c.lower_ == "such" for c in prep.children))


def _children(tok: Token, deps: Iterable[str]) -> list[Token]:
    wanted = set(deps)
    return [c for c in tok.children if c.dep_ in wanted]


# The means of a talk the parse may hang its "with" on: "spoke by telephone with X", "talked over
# the phone with X", "met via video link with X".
MEANS_NOUNS = frozenset({"phone", "telephone", "videophone", "video", "link", "videoconference", "videolink", "line"})
_MEANS_PREPS = frozenset({"by", "over", "via", "on"})


def means_with(tok: Token) -> list[Token]:
    """The "with" the parse hung on the means of ``tok``'s act rather than on ``tok`` ("spoke by
    telephone with Macron": "with" under "telephone"), to be read as ``tok``'s own."""
    return [c for prep in tok.children if prep.dep_ == "prep" and prep.lower_ in _MEANS_PREPS
            for means in prep.children if means.dep_ == "pobj" and means.lemma_.lower() in MEANS_NOUNS
            for c in means.children if c.dep_ == "prep" and c.lower_ == "with"]  # fmt: skip


def _prep_objects(tok: Token, preps: Sequence[str]) -> list[Token]:
    out: list[Token] = []
    for prep in (*tok.children, *means_with(tok)):
        if prep.dep_ in {"prep", "agent", "dative"} and prep.lower_ in preps and not absolute(prep):
            out.extend(c for c in prep.children if c.dep_ in {"pobj", "pcomp"})
            # "spoke with Pakistan's minister and with Afghanistan's": the preposition said again
            out.extend(c for again in prep.children if again.dep_ == "conj" and again.lower_ == prep.lower_
                       for c in again.children if c.dep_ in {"pobj", "pcomp"})  # fmt: skip
    return out


def absolute(prep: Token) -> bool:
    """"dismissed the sanctions, with spokeswoman Zakharova saying ...": "with" and a noun that does
    something tells the circumstances (here the speaker's own side), not a party the act is aimed at."""
    if prep.lower_ != "with":
        return False
    # ("talks with officials seeking a truce", "clashed with rebels armed with rifles" name parties)
    return any(c.dep_ == "pcomp" and c.tag_ in {"VBG", "VBN"} and any(s.dep_ in {"nsubj", "nsubjpass"} for s in c.children)
               for c in prep.children)  # fmt: skip


def accused_in(verb: Token, actor_at: dict[int, Actor], preps: Sequence[str] = ("over", "about", "against")) -> list[Actor]:
    """Who a complaint is about: "complained to the UN over Israeli air raids" → Israel (the "to"
    party only hears it). The owner of the noun after over/about/against, else actors in it."""
    out: list[Actor] = []
    for obj in _prep_objects(verb, preps):
        if obj.lemma_.lower() in HARM_NOUNS:  # "concerned by the treatment of journalists": by whom they were treated so
            out.extend(a for a in _collect(_harm_doers(obj), actor_at) if a not in out)
            continue
        out.extend(a for a in _noun_owner(obj, actor_at) or _collect([obj], actor_at) if a not in out)
    return out


def prep_targets(
    verb: Token, preps: Sequence[str], actor_at: dict[int, Actor], latent_at: dict[int, Actor]
) -> list[Actor]:
    """Actors in the verb's ``preps`` phrases ("sent engineers to Chad"), places-as-actors included."""
    phrases = _prep_objects(verb, preps or VERB_TARGET_PREPS)
    return _collect(phrases, actor_at) or _collect(phrases, latent_at)


def phrase_actors(tok: Token, preps: Sequence[str], actor_at: dict[int, Actor]) -> list[Actor]:
    """Actors named in ``tok``'s phrases of the prepositions ``preps`` ("the flight by two Russian
    bombers", "was ordered by military intelligence")."""
    return _collect(_prep_objects(tok, preps), actor_at)


def _collect(tokens: Iterable[Token], actor_at: dict[int, Actor]) -> list[Actor]:
    out: list[Actor] = []
    for t in tokens:
        for a in actors_under(t, actor_at):
            if a not in out:
                out.append(a)
    return out


def reduced_passive(verb: Token) -> bool:
    """A past participle modifying a noun with its agent: "a meeting requested by Britain",
    "civilians killed by the militia" (a passive with no subject or auxiliary of its own)."""
    return participle_passive(verb) and any(c.dep_ == "agent" for c in verb.children)


def misread_passive(verb: Token, actor_at: dict[int, Actor]) -> bool:
    """A past participle with an actor as agent ("by ...") that the parse read as a verb in the past
    with its noun as subject: "a pilot held hostage by rebels was released" (held <- pilot); not
    "spoke by telephone"."""
    return (verb.tag_ == "VBD" and any(c.dep_ == "nsubj" for c in verb.children)
            and not any(c.dep_ in {"aux", "auxpass"} for c in verb.children)
            and any(t.i in actor_at for a in verb.children if a.dep_ == "agent" for t in a.subtree))  # fmt: skip


def participle_passive(verb: Token) -> bool:
    """A past participle modifying a noun, with its agent or not: "citizens deported from the
    United States" were deported; the noun is done to, its owner does not act."""
    return verb.dep_ == "acl" and verb.tag_ == "VBN" and not main_verb_after_apposition(verb)


def main_verb_after_apposition(verb: Token) -> bool:
    """The sentence's verb the parse hung on its subject as a modifier, after the subject's name in
    commas: "Lithuania's foreign minister, Kestutis Budrys, called on Monday for ..." (called <-
    minister, the root of a sentence with no verb), or with an object of its own."""
    head = verb.head
    if verb.dep_ != "acl" or verb.tag_ not in {"VBN", "VBD"} or head.i != verb.sent.root.i or head.pos_ not in {"NOUN", "PROPN"}:
        return False
    if any(c.dep_ == "agent" for c in verb.children):
        return False
    appos = [c for c in head.children if c.dep_ == "appos" and c.i < verb.i]
    if appos and verb.i > 0 and verb.doc[verb.i - 1].text == ",":
        return True
    # or right after it, with an object of its own, which no participle of a passive has:
    # "Venezuelan security forces arrested at least 14 activists" (arrested <- forces)
    return verb.i > head.i and any(c.dep_ == "dobj" for c in verb.children)


def main_verb_after_relative(verb: Token) -> Token | None:
    """The sentence's subject when the parse hung its verb inside the subject's relative clause
    ("ECOWAS, which suspended Guinea after the coup, called on ...": called <- coup, the root
    ECOWAS): a past tense after a comma, in a sentence whose root is a noun with a relative
    clause holding the verb; or the noun the verb hangs on, when a relative clause on it stands
    between them ("said the strike, which took place at night, killed four people")."""
    finite = verb.tag_ == "VBD" or (verb.tag_ == "VBN" and any(c.dep_ == "dobj" for c in verb.children))
    # (a participle the tagger made of a past tense, with no agent or auxiliary of a passive:
    # "Egypt and Qatar, which have been mediating for months, called on both sides to ...")
    bare = verb.tag_ == "VBN" and not any(c.dep_ in {"agent", "aux", "auxpass"} for c in verb.children)
    if verb.dep_ != "acl" or not (finite or bare) or verb.i == 0 or verb.doc[verb.i - 1].text != ",":
        return None
    head = verb.head
    if head.pos_ == "NOUN" and any(c.dep_ == "relcl" and c.i < verb.i for c in head.children) and finite:
        return head  # "said the strike, which took place near Ipiales, killed four people": killed <- strike
    root = verb.sent.root
    if root.pos_ not in {"NOUN", "PROPN"} or root.i >= verb.i:
        return None
    if any(c.dep_ == "relcl" and (c.left_edge.i <= verb.i <= c.right_edge.i or (head.i == root.i and c.right_edge.i == verb.i - 2))
           for c in root.children):  # fmt: skip
        return root  # (the verb inside the relative clause, or hung on the root right after it)
    return None


def main_verb_read_as_modifier(verb: Token) -> bool:
    """A finite verb the parse hung on its object as a modifier, in a sentence with no verb of its
    own ("Trump hosted Erdogan in the White House": hosted <- Erdogan, the root): a past form after
    a name or a comma, before the noun it modifies."""
    if verb.dep_ != "amod" or verb.tag_ not in {"VBD", "VBN"} or verb.i == 0 or verb.head.i <= verb.i:
        return False
    root = verb.sent.root
    if root.pos_ not in {"NOUN", "PROPN"}:
        return False
    prev = verb.doc[verb.i - 1]
    return prev.text == "," or prev.pos_ == "PROPN"


def shared_passive(verb: Token) -> bool:
    """A past participle joined to a passive verb with no subject or auxiliary of its own: "was
    arrested and sentenced by a court" (the second is passive too, its subject the first's)."""
    if verb.dep_ != "conj" or verb.head.pos_ != "VERB" or _children(verb, {"nsubj", "nsubjpass", "aux", "auxpass"}):
        return False
    auxes = _children(verb.head, {"aux", "auxpass"})
    # (the parser tags a participle after "had been" a past tense at times: "had been handcuffed and
    # denied water" — the perfect passive before it is shared)
    perfect = any(a.lemma_ == "have" for a in auxes) and verb.tag_ == "VBD"
    return (verb.tag_ == "VBN" or perfect) and any(a.dep_ == "auxpass" for a in auxes)


def clause_passive(verb: Token) -> bool:
    """A past participle heading a clause of its own beside the main one, with no subject or
    auxiliary: a passive whose subject is the main clause's. Before it ("Attacked by Ethiopian
    troops, the soldiers retreated", "Asked by the UN to withdraw, the army refused") or after it
    ("a senior commander is dead, killed in a raid", "the rebels flee when attacked by the army");
    after it, not with an object of its own (a past tense the parse hung there)."""
    return (verb.dep_ == "advcl" and verb.tag_ == "VBN" and verb.head.pos_ in {"VERB", "AUX"}
            and not any(c.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass", "csubj"} for c in verb.children)
            and (verb.i < verb.head.i or not any(c.dep_ in {"dobj", "dative"} for c in verb.children)))  # fmt: skip


# Verbs after which a past participle says what their subject undergoes: "stand accused",
# "remain detained".
UNDERGOING_VERBS = frozenset({"stand", "remain", "become", "seem", "appear", "look"})


def predicative_passive(verb: Token) -> bool:
    """A past participle after "stand", "remain" ...: "two soldiers stand accused of the bombing"
    (the soldiers are accused, not accusing), a passive whose subject is the verb's before it."""
    return (verb.tag_ == "VBN" and verb.dep_ in {"advcl", "acomp", "oprd", "xcomp"} and verb.head.i < verb.i
            and verb.head.lemma_.lower() in UNDERGOING_VERBS
            and not any(c.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass"} for c in verb.children))  # fmt: skip


def reason_agent(prep: Token, actor_at: dict[int, Actor]) -> list[Actor]:
    """Who did the act a "for" phrase gives as the reason for another: the one condemned, praised,
    arrested or sanctioned for it ("condemned Thailand for sending them back", "was arrested for
    ignoring a summons", "the arrest of Dodik for ignoring a summons", "praising ECOWAS for
    activating its force"). [] when the phrase hangs on no party we know as an actor ("took credit
    for attacking": the subject did)."""
    if prep.dep_ != "prep" or prep.lower_ != "for" or prep.head.i == prep.i:
        return []
    head = prep.head
    if head.pos_ == "VERB":
        if clause_passive(head):  # "criticised by the US for the raid, Israel ...": Israel raided
            return _collect(_children(head.head, SUBJ | {"nsubjpass"}), actor_at)
        return _collect(_children(head, {"dobj"}) or _children(head, {"nsubjpass"}), actor_at)
    if head.pos_ in {"NOUN", "PROPN"}:
        own = actor_at.get(head.i)
        if own is not None:
            return [own]  # "praising ECOWAS, the Community ..., for activating": the party itself
        return _collect(_prep_objects(head, ("of",)), actor_at)  # "the arrest of Dodik for ignoring"
    return []


RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
# "some of whom", "many of which": part of the antecedent does it
PART_WORDS = frozenset({"some", "many", "most", "all", "several", "few", "none", "one", "two", "three", "dozens",
                        "hundreds", "thousands", "both", "each", "half"})  # fmt: skip


def _relative_antecedent(verb: Token, subjects: Sequence[Token]) -> Token | None:
    """The noun a partitive relative clause's subject stands for: "demonstrators, some of whom threw
    rocks" (the demonstrators threw them). (A plain "who" is left to the role model: coding every
    relative clause's act with its antecedent kept more background acts, VOA dev P 0.753 -> 0.740.)"""
    doc = verb.doc
    for s in subjects:
        if s.lower_ in PART_WORDS and any(
                p.dep_ == "prep" and p.lower_ == "of" and any(o.lower_ in RELATIVE_PRONOUNS for o in p.children)
                for p in s.children):  # fmt: skip
            if verb.dep_ == "relcl" and verb.head.pos_ in {"NOUN", "PROPN"}:
                return verb.head
            # parsed as a clause of its own: the noun before the comma
            before = s.left_edge.i - 1
            if before > 0 and doc[before].text == "," and doc[before - 1].pos_ in {"NOUN", "PROPN"}:
                return doc[before - 1]
    return None


# Acts of speaking (a call, a plea, a condemnation) and the verbs that report what a party found or
# said: "HRW said his detention was arbitrary and called for his release" — the detention calls for
# nothing; HRW does.
SPEAKING_ACTS = frozenset({"call", "urge", "demand", "ask", "appeal", "express", "voice", "welcome", "condemn",
                           "praise", "criticize", "criticise", "denounce", "reject", "deny", "vow", "pledge",
                           "promise", "say", "add", "warn", "insist", "stress", "announce", "accuse", "blame"})  # fmt: skip
REPORTING_VERBS = SPEECH_VERBS | {"determine", "conclude", "find", "rule", "allege", "insist", "warn"}


def _spoken_by_reporter(verb: Token, head: Token, actor_at: dict[int, Actor], passive_clause: bool = False) -> bool:
    """A speaking verb joined to a reported clause whose subject is a thing ("his detention was
    arbitrary and called for ...") is the reporter's second act, not the thing's: a common noun that
    names no actor itself (its owner may: "his", "Zamora's") cannot speak."""
    if verb.lemma_.lower() not in SPEAKING_ACTS or any(c.dep_ in SUBJ for c in verb.children):
        return False
    if head.dep_ != "ccomp" or head.head.i == head.i or head.head.lemma_.lower() not in REPORTING_VERBS:
        return False
    # (with ``passive_clause``, the reported clause may be passive: "said the balloons had been
    # launched from Grodno and accused the Belarusian authorities of ...")
    subjects = _children(head, SUBJ | {"nsubjpass"} if passive_clause else SUBJ)
    # (nor does a party the reporter says something is: "said the military had no right to rule
    # and called on ...")
    if subjects and (all(t.pos_ == "NOUN" and t.i not in actor_at for t in subjects) or head.lemma_.lower() in {"be", "have"}):
        return True
    # nor does a party accuse its own side, where the reporter is another's: "Cambodia's ministry
    # said Thai troops had attacked first and accused Bangkok of using excessive force"
    doers = {a.country for a in _collect(subjects, actor_at) if a.country}
    done_to = {a.country for a in _collect(_children(verb, OBJ), actor_at) if a.country}
    reporters = {a.country for a in _collect(_children(head.head, SUBJ), actor_at) if a.country}
    return bool(doers & done_to) and bool(reporters) and not reporters & doers


def _tense_shifted_reporter(verb: Token, head: Token) -> Token | None:
    """The reporting verb whose second act a speaking verb in the simple past is, where the parse
    joined it to a verb in the past perfect inside what was reported ("Blinken said there was
    evidence that Gonzalez had received the most votes and called on the authorities to begin
    talks": Blinken called on them, not Gonzalez; "told the nation that the military would form a
    government and urged protesters to go home"): the reported clause's tense is not the
    reporter's."""
    if verb.lemma_.lower() not in SPEAKING_ACTS or verb.tag_ != "VBD" or any(c.dep_ in SUBJ or c.dep_ == "aux" for c in verb.children):
        return None
    # (a verb after "had" or a modal: "would form ... and urged" is no form a modal takes)
    if not any(c.dep_ == "aux" and (c.lower_ == "had" or c.tag_ == "MD") for c in head.children):
        return None
    cur = head
    for _ in range(4):
        if cur.dep_ == "ccomp" and cur.head.lemma_.lower() in REPORTING_VERBS and cur.head.tag_ == "VBD":
            return cur.head
        if cur.dep_ not in {"ccomp", "relcl", "acl", "attr", "dobj", "pobj", "prep"} or cur.head.i == cur.i:
            return None
        cur = cur.head
    return None


# Nouns of accusing: "against" on them names the accused ("brought a lawsuit against X").
CHARGE_NOUNS = frozenset({"lawsuit", "suit", "case", "charge", "complaint", "accusation", "allegation", "petition",
                          "protest", "claim", "proceeding", "action", "appeal", "motion", "resolution", "sanction"})  # fmt: skip


# Prepositions naming where a charge is brought ("a complaint at the WTO", "a case with the court").
FORUM_PREPS = ("at", "with", "before", "to", "in")


# Verbs of a stance against what their object names; and the measures so opposed, whose "against"
# or "on" phrase names whom the stance defends.
OPPOSING_VERBS = frozenset({"condemn", "denounce", "criticize", "criticise", "deplore", "decry", "slam", "oppose",
                            "reject", "protest", "object", "veto", "block", "resist", "fight"})  # fmt: skip
FAVOURING_VERBS = frozenset({"support", "back", "welcome", "endorse", "approve", "praise", "applaud", "hail"})
STANCE_VERBS_ON_MEASURES = OPPOSING_VERBS | FAVOURING_VERBS
MEASURE_NOUNS = frozenset({"sanction", "package", "pressure", "measure", "resolution", "tariff", "embargo", "blockade",
                           "restriction", "ban", "boycott", "campaign", "move", "step", "action"})  # fmt: skip


def measure_targets(verb: Token) -> set[int]:
    """Tokens of whom a measure the verb takes a stance on is aimed at: "condemned the sanctions
    against Iran", "opposed pressure on Tehran" take Iran's side; "supported sanctions against
    Moscow", "welcomed the new sanctions on Russia" take the other; neither is aimed at Iran or
    Russia (the stance is on the measure and on whoever imposes it)."""
    if verb.lemma_.lower() not in STANCE_VERBS_ON_MEASURES:
        return set()
    objs = [c for c in verb.children if c.dep_ in {"dobj", "pobj"} or (c.dep_ == "prep" and c.lower_ in {"to", "against"})]
    objs = [o for c in objs for o in ([c] if c.dep_ != "prep" else [g for g in c.children if g.dep_ == "pobj"])]
    objs += [c for o in objs for c in o.subtree if c.dep_ == "conj" and c.head.i != c.i]
    return {t.i for o in objs if o.lemma_.lower() in MEASURE_NOUNS for p in o.children
            if p.dep_ == "prep" and p.lower_ in {"against", "on"} for t in p.subtree}


def victims_of(trig: Token) -> set[int]:
    """Tokens of whom an act named in the trigger's phrase was done "against" ("condemned the
    violence against peaceful demonstrators"): a condemnation is aimed at whoever did it. (Not
    whom a lawsuit or a charge is against: that is the accused.)"""
    # ("on" too: "condemned the attack on a border post"; but "blamed the attacks on militants")
    preps = {"against"} if trig.lemma_.lower() == "blame" else {"against", "on"}
    # (and those a harm was done to: "condemned the arrest of opposition leaders")
    return {t.i for n in trig.subtree if n.i != trig.i and n.pos_ == "NOUN" and n.lemma_.lower() not in CHARGE_NOUNS
            for p in n.children if p.dep_ == "prep" and (p.lower_ in preps or (p.lower_ == "of" and n.lemma_.lower() in HARM_NOUNS))
            for t in p.subtree}  # fmt: skip


def according_to(tok: Token) -> bool:
    """``tok`` is the "according" of "according to X" (who reports), however the parser attached it
    (a preposition, or a verb joined to a participle: "killing 18 people, according to residents")."""
    return tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to"


def charge_of(trig: Token) -> set[int]:
    """Tokens of the charge when the accused is named as the trigger's object ("accused Western
    governments of ignoring Rwanda's role") or its passive subject ("commanders have been accused
    of seeking Eritrean support"): whoever the charged act concerns is not the accused, and an
    accused with no country leaves the target empty rather than taking one from the charge."""
    objects = [c for c in trig.children if c.dep_ in ("dobj", "nsubjpass") and c.pos_ in ("NOUN", "PROPN", "PRON")]
    # (the parse may hang the charge on a noun inside the object: "accused some of the detained
    # employees of spying for the United States")
    holders = [trig, *(t for o in objects for t in o.subtree if t.pos_ in ("NOUN", "PROPN", "PRON"))]
    return {t.i for holder in holders for p in holder.children if p.dep_ == "prep" and p.lower_ == "of"
            and any(c.dep_ == "pcomp" or (c.dep_ == "pobj" and c.tag_ == "VBG") for c in p.children)
            for t in p.subtree} if objects else set()  # fmt: skip


def not_accused(trig: Token) -> set[int]:
    """Tokens no condemnation is aimed at: the victims of the condemned act and the charge."""
    return victims_of(trig) | charge_of(trig)


# Nouns of what someone is held or tried on: "arrested X on suspicion of spying for Y".
SUSPICION_NOUNS = frozenset({"suspicion", "charge", "allegation", "accusation"})


def suspected(tok: Token) -> bool:
    """``tok`` is the act someone is held or tried on suspicion of ("arrested the head of a charity
    on suspicion of transferring funds to Hamas", "detained on charges of supporting the militia"):
    suspected, no act the story reports."""
    return (tok.dep_ in ("pcomp", "pobj") and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in SUSPICION_NOUNS
            and tok.head.head.dep_ == "pobj" and tok.head.head.head.lower_ in ("on", "under"))  # fmt: skip


def suspected_of(trig: Token) -> set[int]:
    """Tokens of what the trigger's act was done on suspicion of (``suspected``): none of them is
    whom the arrest or the charge is aimed at."""
    return {t.i for p in trig.children if p.dep_ == "prep" and p.lower_ in ("on", "under")
            for n in p.children if n.dep_ == "pobj" and n.lemma_.lower() in SUSPICION_NOUNS
            for o in n.children if o.dep_ == "prep" and o.lower_ == "of" for t in o.subtree}  # fmt: skip


# Nouns of setting someone free: a demand for it is aimed at whoever holds them.
RELEASE_NOUNS = frozenset({"release", "freeing", "freedom"})
# The entry id of the state a release is demanded of (``passes.release_holder``): a target only.
HOLDER = "holder"


def released_of(trig: Token) -> set[int]:
    """Tokens of those a demand asks to be freed ("called for the release of the jailed
    journalists", "demanded Zamora's release"): the demand is aimed at whoever holds them (pool
    gold: the state that holds them, never those freed)."""
    nouns = [c for c in trig.children if c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in RELEASE_NOUNS]
    nouns += [o for c in trig.children if c.dep_ == "prep" and c.lower_ == "for"
              for o in c.children if o.dep_ == "pobj" and o.lemma_.lower() in RELEASE_NOUNS]  # fmt: skip
    out: set[int] = set()
    for noun in nouns:
        for c in noun.children:
            # (and where they are held, which the parse may hang on the noun: "the release of all
            # Americans detained in Afghanistan")
            if c.dep_ in ("poss", "acl") or (c.dep_ == "prep" and c.lower_ == "of"):
                out |= {t.i for t in c.subtree}
    return out


# Who acts "alongside" or "beside" the subject is on its side ("fought alongside government
# troops"), not the one acted on.
COMPANION_PREPS = frozenset({"alongside", "beside"})


# Participles on a subject whose agents are on its side: "supported by", "backed by", "joined by".
SUPPORTING_VERBS = frozenset({"support", "back", "aid", "assist", "accompany", "join", "help", "reinforce", "escort"})


# Titles of a state's envoys abroad (``Actor.entry_id`` of the lexicon's titles).
ENVOY_TITLES = frozenset({"title:ambassador", "title:envoy"})


def is_envoy(actor: Actor) -> bool:
    """The actor is named by an envoy's title ("Beijing's ambassador", "the Canadian high commissioner")."""
    return not ENVOY_TITLES.isdisjoint(actor.entry_id.split("+"))


# Nouns that make "in X with Y" a partnership: "in cooperation with the United States".
PARTNERSHIP_NOUNS = frozenset({"cooperation", "coordination", "conjunction", "partnership", "collaboration",
                               "concert", "alliance", "tandem"})  # fmt: skip


def partners_within(tok: Token) -> set[int]:
    """The ``companions`` of every verb of ``tok``'s phrase ("condemned the launch and stepped up
    surveillance in cooperation with the United States")."""
    return {i for v in tok.subtree if v.pos_ in {"VERB", "AUX"} for i in companions(v)}


def companions(trig: Token) -> set[int]:
    """Tokens of those who act alongside the trigger's subject ("alongside government troops", "in
    cooperation with the United States", "soldiers, supported by the U.S. military,"): no target of
    its act."""
    out: set[int] = set()
    for subj in (c for c in trig.children if c.dep_ == "nsubj"):
        # "soldiers, supported by clan militias and the U.S. military, are conducting operations"
        for mod in subj.children:
            if mod.dep_ == "acl" and mod.tag_ == "VBN" and mod.lemma_.lower() in SUPPORTING_VERBS:
                out.update(t.i for a in mod.children if a.dep_ == "agent" for t in a.subtree)
    for c in trig.children:
        if c.dep_ != "prep":
            continue
        if c.lower_ in COMPANION_PREPS:
            out.update(t.i for t in c.subtree)
        elif c.lower_ == "in":
            out.update(t.i for o in c.children if o.dep_ == "pobj" and o.lemma_.lower() in PARTNERSHIP_NOUNS
                       for w in o.children if w.dep_ == "prep" and w.lower_ == "with" for t in w.subtree)  # fmt: skip
    return out


# What a party issues that speaks for it: "released a statement calling for ...".
ISSUED_NOUNS = frozenset({"statement", "letter", "message", "post", "video", "resolution", "report", "decree",
                          "order", "bill", "law", "petition", "lawsuit", "suit", "complaint", "declaration",
                          "communique", "communiqué", "tweet", "note", "memo", "proposal", "plan", "document",
                          "motion", "appeal", "request", "ultimatum", "directive", "notice", "warning", "legislation",
                          "measure", "amendment", "draft"})  # fmt: skip


def _compound_subject(verb: Token) -> list[Token]:
    """The subject of a relative clause the parser read as a compound on its verb ("a charge the
    Taliban deny": "the Taliban deny" parsed as one noun phrase)."""
    if verb.dep_ != "relcl" or verb.tag_ not in {"VBP", "VBZ", "VBD"}:
        return []
    return [c for c in verb.lefts if c.dep_ == "compound" and c.pos_ in {"PROPN", "NOUN"}]


def _stranded_subject(verb: Token) -> list[Token]:
    """The subject of a verb joined to another that the parser joined to the first verb's object
    instead ("accused X of inciting violence and prosecutors have opened a case": "prosecutors"
    read as a second thing incited): the noun right before the joined verb's auxiliaries, itself
    joined by "and" to a noun of the first clause."""
    if verb.dep_ != "conj" or verb.pos_ not in {"VERB", "AUX"}:
        return []
    first = min((c.i for c in verb.children if c.dep_ in {"aux", "auxpass", "neg"} and c.i < verb.i), default=verb.i)
    if first == 0 or (first == verb.i and verb.tag_ not in {"VBD", "VBZ", "VBP"}):
        return []  # (a bare participle after a noun says what was done to it: "all crew members killed")
    prev = verb.doc[first - 1]
    if (prev.pos_ in {"NOUN", "PROPN"} and prev.dep_ == "conj" and prev.head.i < prev.i and prev.head.i != verb.head.i
            and any(c.dep_ == "cc" and c.i < prev.i for c in prev.head.children)):  # fmt: skip
        return [prev]
    return []


def subject_actors(verb: Token, actor_at: dict[int, Actor], depth: int = 0) -> tuple[list[Actor], str]:
    """Actors of the verb's subject, following conjunction and control when it has none."""
    if depth > 6:
        return [], ""
    subjects = _children(verb, SUBJ) or _compound_subject(verb) or _stranded_subject(verb)
    if subjects and misread_passive(verb, actor_at):
        # "A New Zealand pilot held hostage ... by separatist rebels was released": the parse read
        # the participle as the verb of its noun; the agent did it, to the noun
        return phrase_actors(verb, ("by",), actor_at), "agent"
    if subjects:
        antecedent = _relative_antecedent(verb, subjects)
        if antecedent is not None:
            found = _collect([antecedent], actor_at)
            if found:
                return found, "relative"
        return _collect(subjects, actor_at), "subject"
    passive_agent = _prep_objects(verb, ("by",))
    if passive_agent and (_children(verb, {"nsubjpass", "auxpass"}) or reduced_passive(verb) or clause_passive(verb)
                          or predicative_passive(verb)):
        return _collect(passive_agent, actor_at), "agent"
    head = verb.head
    if head.i == verb.i:
        return [], ""
    subject = main_verb_after_relative(verb)
    if subject is not None:
        # "ECOWAS, which suspended Guinea after the coup, called on all parties ...": the parse
        # hung the sentence's verb inside the relative clause; its subject is the root noun
        return [a for a in _collect([subject], actor_at)
                if not any(c.dep_ == "relcl" and c.left_edge.idx <= a.start <= c.right_edge.idx for c in subject.children)], "subject"
    if verb.dep_ in {"conj", "acomp"}:
        if verb.dep_ == "conj" and _spoken_by_reporter(verb, head, actor_at):
            return subject_actors(head.head, actor_at, depth + 1)
        if verb.dep_ == "conj" and (reporter := _tense_shifted_reporter(verb, head)) is not None:
            return subject_actors(reporter, actor_at, depth + 1)
        # "Mali says it is ready to leave": ready ← is; conjoined verbs share a subject (an active
        # verb joined to a passive, its subject: "he was horrified by the attack and called for ...")
        patient = _children(head, {"nsubjpass"})
        if verb.dep_ == "conj" and patient and not shared_passive(verb) and verb.tag_ != "VBN":
            return _collect(patient, actor_at), "subject"
        return subject_actors(head, actor_at, depth + 1)
    if verb.dep_ in {"xcomp", "advcl", "ccomp"} and head.pos_ in {"VERB", "AUX", "ADJ"}:
        if (verb.dep_ == "ccomp" and head.dep_ == "relcl" and head.lemma_ in REPORTING_VERBS
                and head.head.pos_ in {"NOUN", "PROPN"} and not any(c.lower_ in RELATIVE_PRONOUNS for c in head.children)):  # fmt: skip
            # "a company it said had helped procure components": the noun the clause hangs on did
            # it, the one who says so only reports it
            return _collect([head.head], actor_at), "relcl-head"
        if verb.dep_ == "xcomp" and head.lemma_ in OBJECT_CONTROL:
            objs = _children(head, OBJ)
            if objs:
                return _collect(objs, actor_at), "control-object"
        if verb.dep_ == "xcomp" or (verb.dep_ == "advcl" and verb.tag_ == "VBG" and not _children(verb, {"mark"})):
            # "Kishida is expected to meet Li", "the envoy was asked to leave": the passive
            # subject does what follows (not whoever reports the expectation); so does the one a
            # participle follows ("Machado was detained after leading a protest", "Maduro was sworn
            # in, defying criticism"), not the passive's agent
            passive = _children(head, {"nsubjpass"})
            if passive:
                return _collect(passive, actor_at), "control-passive"
        return subject_actors(head, actor_at, depth + 1)
    if participle_passive(verb):
        return [], ""  # "Venezuelan citizens deported from the United States": done to, no doer named
    if verb.dep_ in {"acl", "relcl"} and head.pos_ in {"NOUN", "PROPN", "PRON"}:
        # "Assad's orders ... to pull out", "the decision to halt": the noun's owner acts.
        owners = _noun_owner(head, actor_at)
        if owners:
            return owners, "control-noun"
        if verb.dep_ == "acl" and verb.tag_ == "VBG":
            # "detained dozens of demonstrators protesting fuel prices": the people the participle
            # describes do it, not the subject of the clause they are named in
            doers = _collect([head], actor_at)
            if doers:
                return doers, "participle-head"
        if (verb.dep_ == "acl" and head.dep_ in OBJ and head.head.pos_ == "VERB" and head.lemma_.lower() in ISSUED_NOUNS
                and not not_adopted(head)):  # (not "vetoed a resolution demanding ...": the vetoer demanded nothing)  # fmt: skip
            # "the union released a statement calling for ...": who issued it demands (not "criticized
            # the groups bringing the lawsuits": the groups bring them)
            return subject_actors(head.head, actor_at, depth + 1)
        if verb.dep_ == "relcl":
            return _collect([head], actor_at), "relcl-head"
    if verb.dep_ in {"pcomp", "pobj"} and head.head.i != head.i:
        if head.lower_ == "from" and head.head.lemma_.lower() in PREVENTING_VERBS:
            objs = _children(head.head, OBJ)
            if objs:  # "blocked the administration from deporting migrants": the administration would deport
                return _collect(objs, actor_at), "control-object"
        agent = reason_agent(head, actor_at)
        if agent:
            return agent, "reason"  # "condemned Thailand for sending them back": Thailand sent them
        passive = _children(head.head, {"nsubjpass"}) if verb.dep_ == "pcomp" and head.lower_ != "by" else []
        if passive and head.head.pos_ in {"VERB", "AUX"}:
            return _collect(passive, actor_at), "control-passive"  # "was detained after leading a protest"
        return subject_actors(head.head, actor_at, depth + 1)
    return [], ""


_POSSESSIVES = frozenset({"their", "its", "his", "her", "our", "my", "your"})


def _own(actor: Actor, source: list[Actor]) -> bool:
    """A possessive pronoun that refers back to the subject: "they held their meeting"."""
    return actor.text.lower() in _POSSESSIVES and any(
        (a.country, a.sector, a.name) == (actor.country, actor.sector, actor.name) for a in source
    )


def _owner_word(actor: Actor, objects: Sequence[Token], source: Sequence[Actor]) -> bool:
    """A word of the source's own country on an object that is no actor ("doubled the U.S. tariff
    on Canadian steel"): whose the thing is, not whom the act is aimed at."""
    return any(a.country == actor.country for a in source) and any(
        o.left_edge.idx <= actor.start and actor.end <= o.idx for o in objects)  # a word before the object noun


# Nouns of an act done to a person: a person owning one suffered it ("Maduro's arrest", "Khan's
# release", "Nasrallah's killing"); a state or a force owning one did it ("Israel's killing of ...").
PATIENT_NOUNS = frozenset({"arrest", "detention", "release", "deportation", "extradition", "killing",
                           "assassination", "abduction", "kidnapping", "execution", "capture", "imprisonment",
                           "jailing", "expulsion", "ouster", "removal", "murder", "torture", "conviction",
                           "sentencing", "impeachment", "disappearance", "rearrest"})  # fmt: skip


def patient_owner(noun: Token, owners: Sequence[Actor]) -> list[Actor]:
    """The people owning a noun of an act done to a person, when no "of" phrase names whom it was
    done to: they suffered it ("Dodik's arrest", "his release"), they did not do it."""
    if noun.lemma_.lower() not in PATIENT_NOUNS or not owners or not any(c.dep_ == "poss" for c in noun.children):
        return []
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children):
        return []  # "Israel's killing of the commander"
    return list(owners) if all(a.person or a.text.lower() in _PERSONAL_POSSESSIVES for a in owners) else []


# Possessive pronouns of a person.
_PERSONAL_POSSESSIVES = frozenset({"his", "her"})


@cache
def act_nouns() -> frozenset[str]:
    """Nouns the shipped trigger lexicon names acts by ("strike", "offensive", "talks")."""
    from .compiled_triggers import shipped_triggers

    return frozenset(t.lemma for t in shipped_triggers() if t.pos == "NOUN" and t.weight > 0.0)


# Nouns of putting a measure in place, whose "of" phrase names the measure: "the imposition of duties".
PUTTING_NOUNS = frozenset({"imposition", "introduction", "implementation", "enforcement", "application", "extension"})


def _noun_owner(noun: Token, actor_at: dict[int, Actor]) -> list[Actor]:
    """Possessor, agent phrase or actor modifier of a noun: "Assad's demand", "Russian air raids"."""
    poss = _children(noun, {"poss"})
    if poss:
        return _collect(poss, actor_at)
    agents = _prep_objects(noun, ("by",))
    if agents:
        return _collect(agents, actor_at)
    mods = [c for c in noun.children if c.dep_ in {"amod", "compound", "nmod"} and c.i in actor_at and not brokered_by(c)]
    return _collect(mods, actor_at)


# Participles that make the name before them a go-between: "a UN-brokered ceasefire", "the
# Qatari-mediated talks" were not the UN's or Qatar's own.
BROKERING = frozenset({"broker", "mediate", "negotiate", "facilitate", "sponsor", "monitor", "host", "supervise"})


def brokered_by(mod: Token) -> bool:
    """``mod`` names who brokered the noun's act, hyphened to a participle of brokering."""
    k = mod.i + 1
    doc = mod.doc
    while k < len(doc) and doc[k].text == "-":
        k += 1
    return k < len(doc) and k <= mod.i + 2 and doc[k].lemma_.lower() in BROKERING and doc[k].tag_ == "VBN"


# Verbs whose object is what is talked about: "discussed the situation in X" was not said in X, and
# "discussed China's role" was not aimed at China.
DISCUSSION_LEMMAS = frozenset({"discuss", "debate"})
PARTNER_PREPS = frozenset({"with", "between", "among"})


def discussed(verb: Token) -> set[int]:
    """Tokens of what a verb of discussing has as its object: a topic, no party ("discussed
    Iran's nuclear program")."""
    if verb.lemma_.lower() not in DISCUSSION_LEMMAS:
        return set()
    # (not whom it was discussed with, however the parse hangs it: "discussed trade with X")
    partners = {t.i for c in verb.children if c.dep_ in OBJ for p in c.subtree
                if p.dep_ == "prep" and p.lower_ in PARTNER_PREPS for t in p.subtree}  # fmt: skip
    return {t.i for c in verb.children if c.dep_ in OBJ for t in c.subtree} - partners


def verb_roles(verb: Token, actor_at: dict[int, Actor], trig: object, latent_at: dict[int, Actor] | None = None) -> Roles:
    """Source and target of a verb trigger. Countries and capitals named as places ("from
    Germany", "to North Korea") still fill a role introduced by a preposition (``latent_at``)."""
    latent = latent_at or {}

    def pp(tokens: list[Token]) -> list[Actor]:
        return _collect(tokens, actor_at) or _collect(tokens, latent)

    source, how_s = subject_actors(verb, actor_at)
    if not source and main_verb_after_apposition(verb):
        source = [a for a in _collect([verb.head], actor_at) if not (verb.idx <= a.start < verb.idx + len(verb.text))]
        how_s = "misparsed-subject" if source else ""
    if not source and main_verb_read_as_modifier(verb):
        # "Trump hosted Erdogan", "Its foreign minister, Hakan Fidan, hosted Ethiopian delegations":
        # the parse made the verb a modifier of its object; the words before it are its subject
        def in_phrase(t: Token) -> bool:  # not in a prepositional phrase ("in Nairobi, X hosted")
            return not any(a.dep_ == "prep" for a in t.ancestors if a.i < verb.i)

        source = list(dict.fromkeys(actor_at[t.i] for t in verb.sent if t.i < verb.i and t.i in actor_at and in_phrase(t)))
        if source:
            done_to = [a for a in _collect([verb.head], actor_at) if a not in source]
            return Roles(tuple(source), tuple(done_to), "misparsed-subject", "object" if done_to else "")
    target_preps = tuple(getattr(trig, "target_prep", None) or VERB_TARGET_PREPS)
    source_preps = tuple(getattr(trig, "source_prep", None) or ())
    reduced = reduced_passive(verb)
    fronted = clause_passive(verb) or predicative_passive(verb)  # both: the subject before is the patient
    # (not a speaking act aimed at a party, joined to a clause someone reports: "said the balloons
    # had been launched from Grodno and accused the Belarusian authorities of ...": the reporter
    # accuses them)
    shared = shared_passive(verb) and not (_children(verb, {"dobj"}) and _spoken_by_reporter(verb, verb.head, actor_at, passive_clause=True)
                                           and any(o.i in actor_at for o in _children(verb, {"dobj"})))  # fmt: skip
    misread = misread_passive(verb, actor_at)
    passive = bool(_children(verb, {"nsubjpass", "auxpass"})) or reduced or fronted or shared or misread
    target: list[Actor] = []
    how_t = ""
    if passive:
        # "civilians killed by the militia": the noun the participle modifies is what is done to;
        # "attacked by X, the soldiers retreated": the main clause's subject; "was arrested and
        # sentenced by a court": the subject the two participles share
        patients = ([verb.head] if reduced else _children(verb.head, SUBJ | {"nsubjpass"}) if fronted
                    else _children(verb, {"nsubj"}) if misread
                    else _children(verb.head if shared else verb, {"nsubjpass"}))  # fmt: skip
        if not patients and verb.dep_ == "conj" and not _children(verb, SUBJ):
            # "offered talks but has been rebuffed": a passive joined to a verb shares its subject
            patients = _children(verb.head, SUBJ | {"nsubjpass"})
        target = _collect(patients, actor_at)
        how_t = "passive-subject" if target else ""
        agent = _prep_objects(verb, ("by",))
        source = _collect(agent, actor_at)
        how_s = "agent" if source else ""
        if (not source and getattr(trig, "type", "") in ontology().types_with("passive_subject_acts")
                and getattr(trig, "mode", "") != "release"):  # (not "the hostages were freed": they were freed)  # fmt: skip
            # "troops were withdrawn from Panama", "guerrillas have been demobilized": with no
            # agent, those moved are the ones who act, and the place they leave is the target.
            source, how_s = target, "passive-subject"
            target = [a for a in pp(_prep_objects(verb, target_preps)) if a not in source]
            how_t = "prep" if target else ""
    else:
        # "lifted most of its sanctions on X": a partitive object stands for what it takes part of
        # (what an object is called is no target: "called the strike a violation of Pakistan's sovereignty")
        named = _children(verb, {"dobj"})
        objs = [w for o in _children(verb, OBJ) if not (named and o.dep_ == "oprd") for w in (part_whole(o) or [o])]
        if getattr(trig, "type", "") in CONDEMNING_TYPES:
            # "condemned the arrest of opposition leaders": aimed at who arrested them, named as
            # the noun's owner or "by" phrase ("Baku's detention of", "the detention of ... by
            # Azerbaijan"), not at the victims its "of" phrase names
            objs = [d for o in objs for d in (_harm_doers(o) if o.lemma_.lower() in HARM_NOUNS else [o])]
        if verb.lemma_.lower() in DISCUSSION_LEMMAS:
            objs = []  # a topic: whose role or program is talked about takes no part
        # "held their annual talks with X": the object's own "their" is the subject, not a target
        target = [a for a in _collect(objs, actor_at) if a not in source and not _own(a, source) and not _owner_word(a, objs, source)]
        how_t = "object" if target else ""
        if not target:
            # (a party the act is done to or for before what it is over: "cut off aid to Lebanon
            # over Hezbollah's influence" is aimed at Lebanon, named as a place or not)
            for preps in (tuple(p for p in target_preps if p not in REASON_PREPS), tuple(p for p in target_preps if p in REASON_PREPS)):
                target = [a for a in pp(_prep_objects(verb, preps)) if not _own(a, source)]
                if target:
                    break
            how_t = "prep" if target else ""
            if target and not pp(_prep_objects(verb, tuple(p for p in target_preps if p not in PLACE_PREPS))):
                # "carried out raids against Islamic State fighters in Mali": whom the act noun is
                # aimed at is more than where the verb happened
                stance = verb.lemma_.lower() in STANCE_VERBS_ON_MEASURES
                aimed = [a for o in objs if not (stance and o.lemma_.lower() in MEASURE_NOUNS)
                         for a in _collect(_prep_objects(o, ("against", "on")), actor_at) if not _own(a, source)]  # fmt: skip
                if aimed and getattr(trig, "type", "") != "ACCUSE":
                    target, how_t = aimed, "object-prep"
        if not target:
            # "mobilised reservists for a war against Iraq": a target inside the verb's phrase
            for pobj in _prep_objects(verb, ("for", "in", "into")):
                if pobj.lemma_.lower() in PARTNERSHIP_NOUNS:
                    continue  # "in cooperation with X": a partner
                target = pp(_prep_objects(pobj, ("against", "on", "with")))
                if target:
                    how_t = "prep-prep"
                    break
        if not target:
            # "halt air strikes on the rebels": the object noun's own target phrase (or its last
            # conjunct's: "fired tear gas, rubber bullets and stun grenades at the demonstrators")
            # (what a condemnation condemns was done "against" or "on" its victims: "condemned the
            # violence against demonstrators", "the attack on a border post" is aimed at whoever did it;
            # but "blamed the attacks on militants" blames them)
            condemned = getattr(trig, "type", "") == "ACCUSE"
            # a stance on a measure against someone is not aimed at them: "condemned the sanctions
            # against Iran", "supported sanctions against Moscow" (``measure_targets``)
            opposing = (getattr(trig, "type", "") in {"ACCUSE", "REJECT", "SUPPORT"}
                        and verb.lemma_.lower() in STANCE_VERBS_ON_MEASURES)  # fmt: skip
            for obj in [*objs, *(c for o in objs for c in o.subtree if c.dep_ == "conj" and c.head.i != c.i)]:
                measure = opposing and obj.lemma_.lower() in MEASURE_NOUNS
                preps = tuple(p for p in NOUN_TARGET_PREPS
                              if not ((condemned or measure) and (p == "against" or (p == "on" and verb.lemma_.lower() != "blame"))
                                      and (measure or obj.lemma_.lower() not in CHARGE_NOUNS)))  # fmt: skip
                charged = (_collect(_prep_objects(obj, ("against",)), actor_at)
                           if condemned and obj.lemma_.lower() in CHARGE_NOUNS and not measure else [])  # fmt: skip
                if not charged and condemned and obj.lemma_.lower() in CHARGE_NOUNS and not measure:
                    # "lodged a complaint at the WTO against Canada's surtax": the parse may hang
                    # "against" on the forum the charge is brought before
                    forums = [*_prep_objects(obj, FORUM_PREPS), *_prep_objects(verb, FORUM_PREPS)]
                    charged = _collect([o for f in forums for o in _prep_objects(f, ("against",))], actor_at)
                if charged:
                    # "filed a case against Iran at the court": whom a charge is brought against is
                    # named as plainly as an object ("object-charge"; the model does not overrule it)
                    target, how_t = charged, "object-charge"
                    break
                if any(_counterpart(obj, c) for c in obj.children if c.dep_ == "prep"):
                    preps = tuple(p for p in preps if p != "of")  # "arrested a critic of the president"
                target = _collect(_prep_objects(obj, preps), actor_at)
                if target:
                    how_t = "object-prep"
                    break
        if not target and getattr(trig, "type", "") in ontology().types_with("use_of_force"):
            # "shot down drones launched by Russia": force on what another sent is force on them
            # (each conjunct too: "58 of the 90 drones and 12 of the 20 missiles launched by Russia")
            shot = [*objs, *(c for o in objs for c in o.children if c.dep_ == "conj")]
            sent_by = (c for o in [*shot, *(w for o in shot for w in _prep_objects(o, ("of",)))]  # "52 of the 70 drones"
                       for c in o.children if reduced_passive(c))  # fmt: skip
            for acl in sent_by:
                target = [a for a in _collect(_prep_objects(acl, ("by",)), actor_at) if a not in source]
                if target:
                    how_t = "object-agent"
                    break
    if source_preps:
        from_pp = pp(_prep_objects(verb, source_preps))
        if from_pp:
            source, how_s = from_pp, "source-prep"
    if getattr(trig, "reverse", False) and not passive:
        # "X received aid from Y": Y gives; "X angered Y": Y is the one who objects.
        reversed_source = pp(_prep_objects(verb, source_preps or ("from", "by")))
        if not reversed_source and getattr(trig, "object", None):
            # "drew condemnation from Croatia": the phrase hangs on the act noun the entry names
            for obj in _children(verb, OBJ):
                reversed_source = pp(_prep_objects(obj, source_preps or ("from", "by")))
                if reversed_source:
                    break
        how_rev = "reverse-prep"
        if not reversed_source and how_t == "object" and not getattr(trig, "object", None):
            # (where the object is the act noun the entry names, who is in it is what the act is
            # about: "drew criticism of the world body" criticises it)
            reversed_source, how_rev = target, "reverse-object"
        subj, subj_how = subject_actors(verb, actor_at)
        subject = subj if subj_how in {"subject", "control-object", "control-noun"} else []
        about = target if how_t == "object" and getattr(trig, "object", None) and not subject else []
        source, target = reversed_source, subject or about
        how_s, how_t = (how_rev if source else ""), ("reverse-subject" if subject else "object" if about else "")
    if (not source and getattr(trig, "object", None) and getattr(trig, "type", "") not in ontology().types_with("target_is_act_author")
            and not any(c.dep_ == "nsubj" and c.pos_ in {"NOUN", "PROPN"} for c in verb.children)):  # fmt: skip
        # "halt Russian air strikes": an actor owning the object acts on it. Only when the object
        # is the action itself (the entry names it), not for "expelled three consular staff"; and
        # not for what condemns or answers an act ("blasted Uganda's decision": Uganda is blamed);
        # nor where the verb's subject names a doer, actor or not ("customs officers seized
        # Iran's tanker": the tanker's owner suffered it).
        for obj in _children(verb, OBJ):
            if obj.lemma_.lower() not in act_nouns():
                continue  # the object names people or things ("expelling Bolivian diplomats"), no act of theirs
            owners = _noun_owner(obj, actor_at)
            if owners:
                source, how_s = owners, "object-owner"
                target = [a for a in target if a not in owners]
                break
    source = [a for a in source if a not in target] or source
    return Roles(tuple(source), tuple(a for a in target if a not in source), how_s, how_t)


def adjective_roles(adj: Token, actor_at: dict[int, Actor], trig: object, latent_at: dict[int, Actor] | None = None) -> Roles:
    """A predicate of feeling aimed at someone ("X is deeply concerned about Y's actions", "X was
    disappointed by Y"): the one who feels it is the source, whether the parser reads the word as
    an adjective or as a passive participle; the one it is about is the target."""
    holders = _children(adj, {"nsubjpass"})
    source, how_s = (_collect(holders, actor_at), "subject") if holders else subject_actors(adj, actor_at)
    preps = tuple(getattr(trig, "target_prep", None) or ("about",))
    # "concerned by the situation in Libya": a country named as a place still fills the phrase
    target = accused_in(adj, actor_at, preps) or accused_in(adj, latent_at or {}, preps)
    target = [a for a in target if a not in source]
    return Roles(tuple(source), tuple(target), how_s, "accused" if target else "")


# Verbs of being somewhere: with a noun of holding after "in" or "under" ("remains in custody"),
# their subject is held, not the one who holds.
BEING_VERBS = frozenset({"be", "remain", "stay", "languish", "spend", "sit"})


def held_in(noun: Token, trig: object) -> Token | None:
    """The verb of being whose subject ``noun`` says is held ("had been in pretrial detention",
    "remains under house arrest", "spent a year in prison"), when ``noun`` names coercion."""
    head = noun.head
    if getattr(trig, "type", "") != "COERCE" or noun.dep_ != "pobj" or head.lower_ not in {"in", "under"}:
        return None
    verb = head.head
    return verb if head.dep_ == "prep" and verb.lemma_.lower() in BEING_VERBS else None


def noun_roles(noun: Token, actor_at: dict[int, Actor], trig: object, latent_at: dict[int, Actor] | None = None) -> Roles:
    # "a shuttle mission between X and Y", "peace talks with Z": a trigger that modifies another
    # noun takes its roles where that noun stands.
    while noun.dep_ == "compound" and noun.head.pos_ == "NOUN" and noun.head.i != noun.i:
        noun = noun.head
    target_preps = tuple(getattr(trig, "target_prep", None) or NOUN_TARGET_PREPS)
    source_preps = tuple(getattr(trig, "source_prep", None) or ("by",))
    # "the withdrawal of U.S. troops", "the surrender of the rebels": an "of" phrase names the doer
    # of an act done by no one to anyone, yet after the light verb's subject ("Washington began
    # the withdrawal of forces": a bare "forces" takes whatever country came before)
    of_doer = "of" in source_preps
    source_preps = tuple(p for p in source_preps if p != "of")
    source = _noun_owner(noun, actor_at)
    how_s = "owner" if source else ""
    suffered = patient_owner(noun, source)
    if suffered:  # "Maduro's arrest", "Nasrallah's killing": the person it was done to
        source, how_s = [], ""
    if not source:
        # "criticism from Washington", "pressure from the United States and Lebanese politicians":
        # a state named after "from", read as where from, is who
        named = {**latent_at, **actor_at} if "from" in source_preps and latent_at else actor_at
        source = _collect(_prep_objects(noun, source_preps), named)
        how_s = "source-prep" if source else ""
    phrases = _prep_objects(noun, target_preps)
    # "the withdrawal of forces from Panama": a country named as a place still fills the phrase
    target = [a for a in _collect(phrases, actor_at) or _collect(phrases, latent_at or {}) if a not in source]
    how_t = "prep" if target else ""
    if suffered and not target:
        target, how_t = suffered, "patient-owner"
    head = noun.head
    # "claimed responsibility for the attack": who claims an act did it.
    if not source and head.dep_ == "prep" and head.lower_ == "for" and head.head.lemma_ == "responsibility":
        claim = head.head.head
        if claim.pos_ == "VERB" and claim.lemma_ in CLAIM_VERBS and claim.i != head.head.i:
            source, how_s = subject_actors(claim, actor_at)
            how_s = "claimant" if source else ""
    # "had been in pretrial detention since June", "remains under house arrest", "spent two years in
    # prison": who is held is the subject of the verb of being where the noun names the holding
    held = held_in(noun, trig)
    if held is not None and not target:
        target = [a for a in subject_actors(held, actor_at)[0] if a not in source]
        how_t = "held" if target else how_t
    # "placed the president under house arrest", "was put under curfew": the verb's subject does to
    # its object (or passive subject) what the noun names
    elif noun.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ == "under" and head.head.pos_ == "VERB":
        verb = head.head
        if not source:
            source, how_s = subject_actors(verb, actor_at)
            how_s = "carrier" if source else ""
        if not target:
            target = [a for a in _collect(_children(verb, {"dobj", "nsubjpass"}), actor_at) if a not in source]
            how_t = "carrier-object" if target else ""
    # "repelled an assault by the RSF": the parse may hang the noun's "by" phrase on the active verb
    # whose object it is, where no actor can be the verb's agent
    if (not source and noun.dep_ == "dobj" and head.pos_ == "VERB"
            and not any(c.dep_ in {"auxpass", "nsubjpass"} for c in head.children)):  # fmt: skip
        by = [o for p in head.children if p.dep_ == "prep" and p.lower_ == "by" and p.i > noun.i
              for o in p.subtree if o.i in actor_at]  # fmt: skip
        source = _collect(by[:1], actor_at)
        how_s = "source-prep" if source else ""
    # Copula: "the only assistance they are receiving is from Hizballah".
    if noun.dep_ in {"nsubj", "attr"} and head.lemma_ == "be":
        pps = _collect(_prep_objects(head, ("from", "by")), actor_at)
        if pps and not source:
            source, how_s = pps, "copula-prep"
    # A relative clause with a receiving verb names the target: "the aid they receive".
    for child in noun.children:
        if child.dep_ == "relcl" and child.lemma_ in RECEIVE_VERBS:
            subj = _collect(_children(child, SUBJ), actor_at)
            if subj:
                target, how_t = subj, "receiver"
    # Light verb: "he has been making a series of visits", "Iran launched an attack".
    carrier = head
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ == "of" and head.head.dep_ in OBJ:
        carrier = head.head.head  # "a series of visits": visits ← of ← series ← making
    elif not source and noun.dep_ == "pobj" and head.dep_ == "prep" and (agent := reason_agent(head, actor_at)):
        source, how_s = agent, "reason"  # "criticised the army for the shelling": the one criticised shelled
    elif (not source and held is None and noun.dep_ == "pobj" and head.dep_ == "prep"
          and (head.lower_ in {"on", "for", "into", "in"} or (head.lower_ == "with" and head.head.lemma_.lower() in ANSWERING))
          and head.head.pos_ == "VERB"
          and not any(c.dep_ in {"auxpass", "nsubjpass"} for c in head.head.children)):  # fmt: skip
        # "arrived on a visit", "went on strike", "took part in talks", "responded with air
        # strikes": the verb's subject acts
        # (not a passive's: those "killed in air strikes" did not strike, nor did who reports it)
        source, how_s = subject_actors(head.head, actor_at)
        how_s = "carrier" if source else ""
    if not source and noun.dep_ in OBJ | {"pobj"} and carrier.lemma_ in LIGHT_VERBS | RECEIVE_VERBS:
        if carrier.lemma_ in RECEIVE_VERBS:
            if not target:
                subj, _how = subject_actors(carrier, actor_at)
                target, how_t = subj, "receiver"
        else:
            source, how_s = subject_actors(carrier, actor_at)
            if not target:
                # "gave the Ivory Coast millions of dollars of aid": the light verb's recipient
                target = _collect(_children(carrier, {"dative"}) + _prep_objects(carrier, ("to",)), actor_at)
                how_t = "recipient" if target else how_t
    # "following Trump's imposition of sanctions": who puts the measure in place takes it
    if not source and noun.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in PUTTING_NOUNS:
        source = _noun_owner(head.head, actor_at)
        how_s = "owner" if source else ""
    if not source and of_doer:
        source = _collect(_prep_objects(noun, ("of",)), actor_at)
        how_s = "source-prep" if source else ""
    if how_s == "source-prep" and not target and "from" in source_preps and (borne := _borne_by(noun)) is not None:
        # "faced pressure from Israel", "postponed the vote after criticism from Washington": the
        # act from someone falls on the subject of the clause it is told in
        target = [a for a in subject_actors(borne, actor_at)[0] if a not in source]
        how_t = "bearer" if target else how_t
    # "sparked anger in Moscow": the one angered is in the "in" phrase, the cause is the subject.
    if getattr(trig, "reverse", False):
        holders = _prep_objects(noun, ("in", "among", "of"))
        experiencer = _collect(holders, actor_at) or _collect(holders, latent_at or {})
        if experiencer:
            cause: list[Actor] = []
            if noun.dep_ in OBJ and head.pos_ == "VERB":
                cause, _ = subject_actors(head, actor_at)
            source, target = experiencer, cause
            how_s, how_t = "experiencer", ("cause" if cause else "")
    source = [a for a in source if a not in target] or source
    return Roles(tuple(source), tuple(a for a in target if a not in source), how_s, how_t)


# Words by which a clause tells of an act from someone as what its subject bore or acted under:
# "faced pressure from", "under pressure from", "after criticism from", "despite objections from".
BEARING_VERBS = frozenset({"face", "receive", "draw", "meet", "endure", "weather", "suffer", "attract", "get"})
BEARING_PREPS = frozenset({"under", "after", "following", "despite", "amid", "amidst"})


def _borne_by(noun: Token) -> Token | None:
    """The verb whose subject an act noun with a "from" phrase falls on (``BEARING_VERBS``,
    ``BEARING_PREPS``), or None."""
    head = noun.head
    if noun.dep_ == "dobj" and head.pos_ == "VERB" and head.lemma_.lower() in BEARING_VERBS:
        return head
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in BEARING_PREPS and head.head.pos_ in ("VERB", "AUX"):
        return head.head
    return None


# Words for the sides of a conflict: asked to do something, they are the parties the asked act
# names ("called on the warring parties to resume intra-Afghan talks").
SIDE_WORDS = frozenset({"party", "side", "faction", "belligerent", "combatant"})


def asked_of(verb: Token) -> Token | None:
    """Whom a demand told with the act it asks for is made on: the object of "urged X to ...",
    "pressed X to ...", or of the preposition of "called on X to ..."; None for a verb with no
    such complement, and for a pronoun (read later) or the sides of a conflict (``SIDE_WORDS``),
    whom the asked act itself names."""
    if verb.pos_ != "VERB" or not any(c.dep_ == "xcomp" for c in verb.children):
        return None
    asked = None
    for c in verb.children:
        if c.dep_ == "dobj":
            asked = c
        elif c.dep_ == "prep" and c.lower_ in {"on", "upon"}:
            asked = next((p for p in c.children if p.dep_ == "pobj"), None)
        if asked is not None:
            break
    if asked is None or asked.pos_ == "PRON" or asked.lemma_.lower() in SIDE_WORDS:
        return None
    return asked


# What a ship is called in the news: seized, boarded or detained, its owners or crew are the party.
VESSELS = frozenset({"tanker", "vessel", "ship", "freighter", "ferry", "boat", "trawler", "speedboat", "yacht", "barge"})


@dataclass(frozen=True)
class Ship:
    """The words of a ship an act is done to: its own phrase (``start``:``end``, characters), and
    the characters where the words of its descriptive clauses start (``told``)."""

    start: int
    end: int
    told: frozenset[int]


def vessel_taken(trig: Token) -> Ship | None:
    """The ship an act is done to ("detained an oil tanker", "a tanker was seized", "the seizure of
    the vessel"), None if it is done to no ship: a ship at sea is no people of the country that
    takes it, nor of the waters it is in."""
    verbs = [trig, *(c for c in trig.children if c.dep_ == "conj" and c.pos_ == "VERB")]
    if trig.dep_ == "conj" and trig.head.pos_ == "VERB":
        verbs.append(trig.head)  # "boarded and seized an oil tanker": one object for both
    deps = {"dobj", "nsubjpass"} if trig.pos_ == "VERB" else set()
    objects = [c for v in verbs for c in v.children if c.dep_ in deps]
    if trig.pos_ == "NOUN":
        objects += [o for p in trig.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
    ship = next((o for o in objects if o.lemma_.lower() in VESSELS), None)
    if ship is None:
        return None
    # (but whose it is: "a research vessel contracted by the Guyanese government")
    clauses = [c for c in ship.children if c.dep_ in {"acl", "relcl", "appos", "punct", "cc", "conj"}
               and not (c.dep_ == "acl" and any(g.dep_ == "agent" for g in c.children))]  # fmt: skip
    words = [ship, *(t for c in ship.children if c not in clauses for t in c.subtree)]
    told = frozenset(t.idx for c in clauses for t in c.subtree)
    return Ship(min(t.idx for t in words), max(t.idx + len(t) for t in words), told)
