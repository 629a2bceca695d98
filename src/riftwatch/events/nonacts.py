"""Trigger words that name no political act, by what they are said of.

The codebook codes acts of political actors only. Three uses of a trigger word report none, and the
find steps here (listed in ``passes.FIND``) drop them, reading their word lists from
``data/nonacts.json``:

- the harm was done by an accident, by nature, by illness or by animals ("collapsing buildings
  injured 15 people", "five people were killed in the crash");
- "met with" names how something was received ("the offensive met with surprising success");
- talking to the news media is an interview or a briefing ("a student who spoke with VOA"), and
  a reporter's question is no request ("asked by VOA if ..., the minister said"); a meeting named as
  where someone spoke is no talks ("Speaking at a Security Council meeting, the envoy said";
  ``speech_venue``);
- trips of private people are no visits of state ("2.8 million Chinese tourists visited Vietnam",
  "foreigners travel to Thailand for check-ups");
- a generic word of help ("help", "assist", "protect", "invest": lexicon entries marked
  ``parties``) names an act of aid only between two parties the text names, who helps whom
  (``named_parties``, a pass: "India helped Mauritius build an airstrip" is aid; "the internet
  helps them deal with stress", "U.S. protection", "to protect fishing stocks" are not);
- an act named again by a definite noun ("the attack", "Tuesday's attack", "after the raid") once
  the article has told one of its type is that act, not a new one (``told_again``);
- a past participle before the noun it describes ("the proposed deal", "the banned group",
  "Chinese-funded projects", "jailed publisher X") names a state of that noun, not an act the text
  reports (``attributive_participle``);
- a fixed expression whose word names no act ("as opposed to", "in recognition of", "it stands to
  reason"; ``idiom``);
- what a party usually or often does is a habit, not an act the text reports ("the group frequently
  conducts bombings", "the person is usually deported"; ``habitual``: a present-tense verb under an
  adverb of habit); "routinely denies", "has repeatedly called" still report acts;
- a noun of an act judged ("Washington's support is crucial", "sanctions may be imminent") is
  weighed, not reported (``judged_act``);
- agreeing with a view is an opinion, not an agreement ("she agreed with officials' concerns", "'The
  danger has not passed,' agreed a rights activist"); agreeing with a proposal endorses it (SUPPORT);
- a feeling voiced about nothing named ("expressed concern.", "sorrow over lives lost") is none
  (``partyless_feeling``), nor is being "encouraged by" something (``encouraged_by``), and a
  sentence that asks reports no act (``question``);
- a noun of an act that something is about ("skeptical about the proposals"), or that is framed as
  a means, a cause, an example or a label ("through negotiations", "hit by sanctions", "including
  sanctions", "denounced the vote as an attack") names it, it does not report it (``topic_mention``);
- an act in a relative clause or participle on "somebody", "those", "everyone" describes a kind of
  people (``generic_relative``); a trigger word in a body's or treaty's name ("Working Group on
  Arbitrary Detention") or inside an actor's own name ("aid agencies", "the Taliban insurgency")
  names no act (``name_word``, ``actor_word``); a trade, drug or economic war is no armed attack
  (``figurative_war``); what is seldom or rarely done is, in any tense, no act (``habitual``);
  a verb of naming in a free relative ("protested what it called dangerous maneuvers") names a
  thing for the clause that takes it (``free_relative_label``).
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

from spacy.tokens import Token

from .draft import Draft, Entry, Recoded, SentenceContext
from .matching import LABEL_VERBS, PROPOSAL_NOUNS, dated_prep, match_trigger
from .modality import SPEECH_VERBS, SUMMARY_NOUNS, summarised, summing_noun
from .roles import main_verb_read_as_modifier

# Prepositions that give the cause of a passive harm: "killed in the crash", "injured during the storm".
CAUSE_PREPS = frozenset({"in", "during", "by", "from", "after"})
MEETING_VERBS = frozenset({"meet", "speak", "talk"})
TRAVEL_VERBS = frozenset({"visit", "travel", "tour", "fly", "arrive", "journey"})


@cache
def _words(kind: str) -> frozenset[str]:
    raw = json.loads(resources.files("riftwatch").joinpath("data/nonacts.json").read_text("utf-8"))
    return frozenset(w.lower() for w in raw[kind]["words"])


def _nouns(tok: Token) -> list[Token]:
    """The noun and the nouns joined to it ("floods and landslides")."""
    return [tok, *(c for c in tok.children if c.dep_ == "conj")]


RELATIVE_PRONOUNS = frozenset({"that", "which", "who"})


def _agents(verb: Token) -> list[Token]:
    """What did the verb's act: the active subject, the passive's "by" phrase, or the cause a passive
    or a participle names after a preposition ("were killed in the crash")."""
    found: list[Token] = []
    passive = any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children) or verb.tag_ == "VBN"
    for c in verb.children:
        if c.dep_ == "nsubj" and c.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
            # "the collapse of a canopy that killed 15": the noun the clause hangs on, and the one
            # it is "of"
            noun = verb.head
            found += _nouns(noun)
            while noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN":
                noun = noun.head.head
                found += _nouns(noun)
        elif c.dep_ == "nsubj":
            found += _nouns(c)
        elif c.dep_ == "agent" or (passive and c.dep_ == "prep" and c.lower_ in CAUSE_PREPS):
            found += [n for p in c.children if p.dep_ == "pobj" for n in _nouns(p)]
    if not found and verb.dep_ == "conj" and verb.head.pos_ in {"VERB", "AUX"} and not passive:
        return _agents(verb.head)  # "a war that lasted three years and killed 100,000 people"
    if not found and verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.head.pos_ in {"VERB", "AUX"}:
        return _agents(verb.head)  # "floods swept through the province, killing 120 people"
    return found


def sent_no_forces(tok: Token, entry: Entry | None, ctx: SentenceContext) -> Entry | None:
    """A verb of moving forces with an object that names no actor moves no forces ("dispatched
    coffins", "amassed followers", "mobilised resources"); the lexicon's object lists ("deployed
    troops") were read first, and an armed party as object ("deployed the Wagner group") is one, as
    is an act to mount ("mobilize protests")."""
    if entry is None or not getattr(entry, "moves_forces", False) or tok.pos_ != "VERB":
        return entry
    objects = [c for c in tok.children if c.dep_ == "dobj"]
    if not objects or any(t.i in ctx.actor_at for o in objects for t in o.subtree):
        return entry
    if any(o.lemma_.lower() in ctx.lemma_set and o.pos_ == "NOUN" for o in objects):
        return entry  # "would mobilize protests": an act of its own to mount
    return None


def natural_cause(tok: Token, entry: Entry | None, ctx: SentenceContext) -> Entry | None:
    """What an accident, nature, illness or animals do is no act ("the cyclone slammed into the
    coast", "collapsing buildings injured 15")."""
    if entry is None or tok.pos_ != "VERB":
        return entry
    causes = _words("causes")
    agents = _agents(tok)
    def cause(a: Token) -> bool:  # "the floods", "Tropical Cyclone Jude"
        return a.lemma_.lower() in causes or any(c.dep_ == "compound" and c.lemma_.lower() in causes for c in a.children)

    if agents and all(a.i not in ctx.actor_at for a in agents) and any(cause(a) for a in agents):
        return None
    # a war summed up, with no party of it named ("a war that ... killed 100,000 people")
    wars = _words("wars")
    def partyless(a: Token) -> bool:  # no actor in its own phrase (its relative clause aside)
        own = [t for c in a.children if c.dep_ not in {"relcl", "acl"} for t in c.subtree]
        return not any(t.i in ctx.actor_at for t in [a, *own])

    if agents and all(a.lemma_.lower() in wars and partyless(a) for a in agents):
        return None
    return entry


# Adverbs that make a present-tense clause tell what usually happens, not what happened.
HABIT_ADVERBS = frozenset({"usually", "frequently", "often", "typically", "generally", "normally", "sometimes",
                           "commonly", "occasionally", "rarely", "seldom"})  # fmt: skip
_PRESENT = frozenset({"VBZ", "VBP"})
# Adverbs of habit that say an act is almost never done, whatever the tense.
HARDLY_EVER = frozenset({"rarely", "seldom"})


def habitual(tok: Token, entry: Entry | None, ctx: SentenceContext) -> Entry | None:
    """A present-tense act under an adverb of habit is what a party does as a rule ("the group
    frequently conducts bombings", "the person is usually deported", "insurgents often stage raids"),
    no act the text reports; a noun trigger takes its verb's ("conducts bombings")."""
    if entry is None:
        return entry
    word = tok
    while word.pos_ not in {"VERB", "AUX"} and word.dep_ == "conj" and word.head.i != word.i:
        word = word.head  # "conducts bombings and gun assaults"
    verb = word if word.pos_ in {"VERB", "AUX"} else word.head
    if word.pos_ not in {"VERB", "AUX"} and word.dep_ not in {"dobj", "nsubjpass", "attr"}:
        return entry
    adverbs = {c.lower_ for c in verb.children if c.dep_ == "advmod"}
    if adverbs & HARDLY_EVER:
        return None  # "seldom criticized China": in any tense, almost never done, no act reported
    if not adverbs & HABIT_ADVERBS:
        return entry
    tenses = {verb.tag_, *(c.tag_ for c in verb.children if c.dep_ in {"aux", "auxpass"})}
    return None if tenses & _PRESENT and "MD" not in tenses else entry


# Predicate adjectives that say an act is going on: "their crackdown is ongoing" reports it.
UNDERWAY = frozenset({"ongoing", "underway", "continuing", "intensifying", "escalating"})


def judged_act(tok: Token, entry: Entry | None, ctx: SentenceContext) -> Entry | None:
    """A noun of an act as the subject of a judgement ("Washington's support is crucial", "the two
    countries' cooperation is legitimate", "proposals to limit access would be effective") is
    weighed, not reported: no event. One said to be going on ("their crackdown is ongoing") is. So
    is a gerund standing as the subject ("expanding military cooperation between them is
    dangerous")."""
    if entry is None:
        return entry
    if tok.pos_ == "NOUN" and tok.dep_ == "dobj" and tok.head.tag_ == "VBG" and tok.head.dep_ == "csubj":
        tok = tok.head  # the act the judged gerund names: "expanding military cooperation ... is dangerous"
    gerund = tok.pos_ == "VERB" and tok.tag_ == "VBG" and tok.dep_ == "csubj"
    if not gerund and (tok.pos_ != "NOUN" or tok.dep_ != "nsubj"):
        return entry
    if tok.head.lemma_ != "be":
        return entry
    judged = [c for c in tok.head.children if c.dep_ == "acomp" and c.pos_ == "ADJ"]
    return None if judged and not any(c.lower_ in UNDERWAY for c in judged) else entry


def received_as(tok: Token, entry: Entry | None, ctx: SentenceContext) -> Entry | None:
    """"met with success/opposition": how something was received, not a meeting."""
    if entry is None or entry.type != "CONSULT" or tok.lemma_.lower() != "meet" or tok.pos_ != "VERB":
        return entry
    reception = _words("reception")
    for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "with"):
        for obj in (p for p in prep.children if p.dep_ == "pobj"):
            # "met with the opposition" is a meeting with a party; "met with opposition" a reception
            if obj.lemma_.lower() in reception and not any(d.dep_ == "det" for d in obj.children):
                return None
    return entry


def press_interview(tok: Token, entry: Entry | None, ctx: SentenceContext) -> Entry | None:
    """Speaking with the news media ("spoke with VOA", "talked to reporters") is no meeting."""
    if entry is None or entry.type != "CONSULT" or tok.lemma_.lower() not in MEETING_VERBS or tok.pos_ != "VERB":
        return entry
    partners = [p for c in tok.children if c.dep_ == "prep" and c.lower_ in {"with", "to"}
                for p in c.children if p.dep_ == "pobj"]  # fmt: skip
    if not partners:
        return entry
    return None if all(_is_press(p, ctx) for p in partners) else entry


def _is_press(t: Token, ctx: SentenceContext) -> bool:
    """A word of the news media (``data/nonacts.json`` "press"), or an actor of the media sector."""
    actor = ctx.actor_at.get(t.i)
    return t.lemma_.lower() in _words("press") or t.lower_ in _words("press") or (actor is not None and actor.sector == "MED")


def summary_noun(tok: Token, entry: Entry | None, ctx: SentenceContext) -> Entry | None:
    """"Pristina accused Belgrade of orchestrating the attack, a charge Vucic rejected": the noun
    sums up the act the clause before it tells, no act of its own."""
    if entry is None or tok.lemma_.lower() not in SUMMARY_NOUNS:
        return entry
    if tok.pos_ == "VERB":
        # "..., charges the commission denied": a plural noun after a comma read as a verb joined
        # to the clause before, the answer hung on it
        return None if _summing_plural(tok) else entry
    if tok.pos_ != "NOUN":
        return entry
    subject = tok.head if tok.dep_ == "compound" else tok  # "..., a charge Abu Dhabi denies": charge <- Dhabi
    if summing_noun(subject) != tok:
        return entry
    verb = subject.head
    # its verb answers what came before, however the parse joins it (not "On Monday, the charges were
    # dropped": an opening phrase, then a sentence of its own)
    answers = verb.dep_ in {"conj", "relcl"} or any(c.dep_ == "ccomp" and summarised(c) for c in verb.children)
    if (subject.dep_ == "nsubj" and answers) or any(c.dep_ == "relcl" for c in tok.children):  # "..., a claim Moscow denies"
        return None
    return entry


def _summing_plural(tok: Token) -> bool:
    """A plural summing noun the parse read as a verb: "..., charges the commission denied" (no
    subject of its own, right after a comma, the answer its clausal complement; joined to the
    clause before or made the root that clause hangs on)."""
    return (tok.tag_ == "VBZ" and tok.dep_ in {"conj", "advcl", "ROOT"} and tok.i > 0 and tok.doc[tok.i - 1].text == ","
            and not any(c.dep_ in {"nsubj", "nsubjpass", "dobj"} for c in tok.children)
            and any(c.dep_ == "ccomp" and c.i > tok.i for c in tok.children))  # fmt: skip


QUESTION_VERBS = frozenset({"ask", "press", "question"})


def press_question(tok: Token, entry: Entry | None, ctx: SentenceContext) -> Entry | None:
    """"Asked by reporters if ...", "Pressed on how sure he was, the minister said ...", "when
    asked about the strikes": a participle clause of asking whose answer the main clause gives is
    an interview's question, no request. Asked to do something, or asked for something, by a
    party that is not the press, it is one ("asked by the UN to withdraw, the army refused")."""
    if entry is None or entry.type != "REQUEST" or tok.lemma_.lower() not in QUESTION_VERBS:
        return entry
    if _asked_aside(tok):
        return None
    if tok.tag_ != "VBN" or tok.dep_ != "advcl" or any(c.dep_ in {"nsubjpass", "auxpass", "xcomp"} for c in tok.children):
        return entry
    if any(c.dep_ == "prep" and c.lower_ == "for" for c in tok.children):
        return entry
    for agent in (c for c in tok.children if c.dep_ == "agent"):
        if not all(_is_press(asker, ctx) for asker in agent.children if asker.dep_ == "pobj"):
            return entry
    return None


def _asked_aside(tok: Token) -> bool:
    """"Marcos, asked about the summons, said ...": a participle of asking set between commas after
    the speaker (which the parse may read as the speaker's own verb under "said")."""
    if tok.i < 2 or tok.doc[tok.i - 1].text != ",":
        return False
    if not any(c.dep_ == "prep" and c.lower_ in ("about", "on") for c in tok.children) or any(
            c.dep_ in {"dobj", "xcomp", "dative"} for c in tok.children):  # fmt: skip
        return False
    if tok.dep_ == "acl":  # "The minister, asked about the strikes, said ..."
        return tok.head.dep_ == "nsubj" and tok.head.head.lemma_.lower() in SPEECH_VERBS
    if tok.head.i <= tok.i or tok.head.lemma_.lower() not in SPEECH_VERBS:
        return False
    if any(c.dep_ in {"nsubj", "nsubjpass"} for c in tok.head.children):
        return False  # the speech verb has a speaker of its own: "asked" is a verb of its own too
    subject = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    return subject is not None and subject.left_edge.i <= tok.i - 2 <= subject.right_edge.i


def press_work(tok: Token, entry: Entry | None, ctx: SentenceContext) -> Entry | None:
    """The news media's own interviews and inquiries are how they report, no event: "VOA spoke
    with experts", "VOA examined the facts", "the newspaper was known for its investigations"."""
    if entry is None or not (entry.type == "CONSULT" or (entry.type == "ACCUSE" and entry.mode == "investigate")):
        return entry
    def speaker_label(t: Token) -> bool:  # "VOA: Putin visited China" is a question's label
        return t.i + 1 < len(t.doc) and t.doc[t.i + 1].text == ":"

    doers = [c for c in tok.children if c.dep_ in {"nsubj", "poss"} and not speaker_label(c)]
    verb = tok
    while not doers and verb.dep_ in {"conj", "xcomp", "dobj", "pobj", "prep"} and verb.head.i != verb.i:
        verb = verb.head  # "VOA examined the facts and spoke with experts"; "known for its investigations"
        doers = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"} and not speaker_label(c)]
    if any(d.lower_ in {"its", "their"} for d in doers):  # "its investigations": the clause's subject
        head = tok.head
        while head.pos_ not in {"VERB", "AUX"} and head.head.i != head.i:
            head = head.head
        doers = [c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"}]
    return None if doers and all(_is_press(d, ctx) for d in doers) else entry


def press_conference(tok: Token, entry: Entry | None, ctx: SentenceContext) -> Entry | None:
    """A news conference or a press briefing is where something was said, not talks: no meeting
    unless it is held with someone ("a joint news conference with the French minister")."""
    if entry is None or entry.type != "CONSULT":
        return entry
    # the noun itself, or what a verb holds ("held a news conference")
    nouns = [tok] if tok.pos_ == "NOUN" else [c for c in tok.children if c.dep_ == "dobj"] if tok.pos_ == "VERB" else []
    press = _words("press") | {"news"}
    for noun in nouns:
        if any(c.dep_ in {"compound", "amod"} and c.lemma_.lower() in press for c in noun.children):
            partners = [c for t in (noun, tok) for c in t.children if c.dep_ == "prep" and c.lower_ == "with"]
            return entry if partners else None
    return entry


# Verbs of speaking: a meeting "at" which one speaks is where the words were said.
SPEAKING_VERBS = SPEECH_VERBS | {"speak", "remark"}


def speech_venue(tok: Token, entry: Entry | None, ctx: SentenceContext) -> Entry | None:
    """A meeting named as where someone spoke ("Speaking at a United Nations Security Council
    meeting on Afghanistan, Pakistan's envoy said ...", "Orban said at the summit") tells where the
    words were said, not talks the story reports (two such in the pool's rules, neither a gold
    event; "a statement issued at their meeting" and "criticized at a meeting" keep theirs)."""
    if entry is None or entry.type != "CONSULT" or tok.pos_ != "NOUN" or tok.dep_ != "pobj":
        return entry
    prep = tok.head
    if prep.lower_ == "at" and prep.head.pos_ in {"VERB", "AUX"} and prep.head.lemma_.lower() in SPEAKING_VERBS:
        return None
    return entry


def opinion_agreement(tok: Token, entry: Entry | None, ctx: SentenceContext) -> Entry | None:
    """"agree with" a view or a person's opinion is no act; "agree with" a proposal endorses it
    (SUPPORT, CAMEO 051); "agree" quoting someone ("'...,' agreed X") reports speech."""
    if entry is None or entry.type != "AGREE" or tok.lemma_.lower() != "agree" or tok.pos_ != "VERB":
        return entry
    if any(c.dep_ in {"xcomp", "dobj"} for c in tok.children):  # "agreed to withdraw", "agreed a deal"
        return entry
    if any(c.dep_ == "ccomp" and c.i < tok.i for c in tok.children):  # "'...,' agreed X"
        return None
    subject = {a.country for c in tok.children if c.dep_ == "nsubj" for t in c.subtree
               for a in (ctx.actor_at.get(t.i),) if a is not None}  # fmt: skip
    for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "with"):
        for obj in (p for p in prep.children if p.dep_ == "pobj"):
            if obj.lemma_.lower() in PROPOSAL_NOUNS:
                return Recoded.of("SUPPORT", "051", "", entry.weight)
            actor = ctx.actor_at.get(obj.i)
            if actor is None or actor.country in subject:  # a view, or one's own side
                return None
    return entry


# Verbs of coming together: officials gathering meet; a crowd gathering does not.
GATHER_VERBS = frozenset({"gather", "assemble"})


def private_travel(tok: Token, entry: Entry | None, ctx: SentenceContext) -> Entry | None:
    """A trip whose traveller is named as private people (civilians, or a common noun that names no
    actor: "tourists", "foreigners", "passengers") is no visit of a political actor; nor is flying
    or carrying someone somewhere; nor is private people's gathering a meeting ("thousands of
    protesters gathered outside parliament")."""
    if entry is None or entry.type != "CONSULT" or tok.pos_ != "VERB" or tok.lemma_.lower() not in TRAVEL_VERBS | GATHER_VERBS:
        return entry
    if tok.lemma_.lower() == "fly" and any(c.dep_ == "dobj" for c in tok.children):
        return None  # "flying them to Louisiana": carrying people somewhere is no visit
    subjects = [c for c in tok.children if c.dep_ == "nsubj"]
    if not subjects and tok.dep_ == "acl" and tok.lemma_.lower() in GATHER_VERBS:
        subjects = [tok.head]  # "military brass gathered in Paris", "crowds gathered outside"
    for subj in subjects:
        actors = [ctx.actor_at[t.i] for t in subj.subtree if t.i in ctx.actor_at]
        if actors and all(a.sector == "CVL" for a in actors):
            return None
        if not actors and subj.pos_ == "NOUN":
            return None
    return entry


# Verbs that voice a feeling named as their object ("expressed concern", "voiced sorrow").
VOICING_VERBS = frozenset({"express", "voice", "convey", "share", "register", "feel"})
# Prepositions that tell when, not what about: "expressing relief after the girls were freed".
WHEN_PREPS = frozenset({"after", "before", "during", "since", "until", "amid", "following"})


def partyless_feeling(tok: Token, entry: Entry | None, ctx: SentenceContext) -> Entry | None:
    """A feeling voiced (concern, sorrow, relief) is an act only when what it is felt about names a
    party or an act ("concerned about the actions of X", "condolences to Turkey", "concern over the
    attack") or says what is feared ("concern that ..."); felt about nothing named ("expressed
    concern.", "sorrow over lives lost", "expressing relief after the girls were freed") it is none."""
    if entry is None:
        return entry
    feelings = _words("feelings")
    lemma = tok.lemma_.lower()
    feel: Token | None = None
    if (lemma in feelings or tok.lower_ in feelings) and tok.pos_ != "VERB":
        feel = tok  # (a verb of feeling has its parties: "X angered Y", "Y regrets X's decision")
    elif tok.pos_ == "VERB" and lemma in VOICING_VERBS:
        feel = next((c for c in tok.children if c.dep_ == "dobj" and c.lemma_.lower() in feelings), None)
    if feel is None:
        return entry
    about: list[Token] = []
    for holder in dict.fromkeys((feel, tok)):
        for c in holder.children:
            if c.dep_ in {"ccomp", "acl", "xcomp", "csubj"}:
                return entry  # "concern that ...": what is feared is told
            # what it is felt about: a phrase on it, the feeling verb's object, "alarmed by the raids"
            if (c.dep_ == "prep" and c.lower_ not in WHEN_PREPS) or (c.dep_ == "dobj" and c != feel) or c.dep_ == "agent":
                about.extend(c.subtree)
    for t in about:
        if t.i in ctx.actor_at or t.i in ctx.latent_at or (t.pos_ in {"NOUN", "VERB"} and t.lemma_.lower() in ctx.lemma_set):
            return entry
    return None


# Prepositions that name what something is about: "a statement on the release", "skeptical about
# the proposals", "its stance on the talks".
TOPIC_PREPS = frozenset({"about", "on", "regarding", "concerning"})
# Prepositions that frame a noun of an act as a means, a cause, an example or a label: "settle the
# dispute through negotiations", "hit by sanctions", "unmoved by the threat", "sanctions such as an
# asset freeze", "instruments including sanctions", "denounced the vote as an attack on the
# accords" (the pool's rules coded twenty-four such nouns, none a gold event; "killed by an
# airstrike" is one act, the killing). Not "under": a town that "came under shelling" was shelled.
FRAMING_PREPS = frozenset({"through", "as", "by", "including"})


def topic_mention(tok: Token, entry: Entry | None, ctx: SentenceContext) -> Entry | None:
    """A noun of an act that is what something is about names it, it does not report it:
    "skeptical about new government proposals", "change its stance on denuclearization talks",
    "awaiting trial on those charges", "we know about the China threat" (the pool's rules coded four
    such nouns, none a gold event; after a verb, "on" is left alone: "agreed on a ceasefire"); nor
    does one framed as a means, a cause, an example or a label (``FRAMING_PREPS``)."""
    if entry is None or tok.pos_ != "NOUN":
        return entry
    noun = tok
    while noun.dep_ == "conj" and noun.head.i != noun.i:
        noun = noun.head
    prep = noun.head
    if noun.dep_ != "pobj" or prep.head.i == prep.i:
        return entry
    if prep.lower_ in FRAMING_PREPS:
        return None
    if prep.lower_ not in TOPIC_PREPS:
        return entry
    # "on" after a verb is often what the verb acts on, not a topic: "agreed on a ceasefire"
    if prep.lower_ == "on" and prep.head.pos_ not in {"NOUN", "ADJ"}:
        return entry
    return None


# Pronouns that stand for a kind of people, not for anyone in particular.
ANYONE = frozenset({"somebody", "someone", "anybody", "anyone", "everybody", "everyone", "nobody", "those",
                    "whoever", "all"})  # fmt: skip


def generic_relative(tok: Token, entry: Entry | None, ctx: SentenceContext) -> Entry | None:
    """An act in a relative clause on a pronoun that stands for a kind of people describes them
    ("everybody knows somebody who has been arrested", "the risk is to those who capture the dogs",
    "thank everyone who supports me"): no act is reported (four such in the pool's rules, none a
    gold event)."""
    if entry is None or tok.pos_ != "VERB":
        return entry
    clause = tok
    while clause.dep_ in {"conj", "xcomp"} and clause.head.i != clause.i:
        clause = clause.head
    if clause.dep_ in {"relcl", "acl"} and clause.head.pos_ == "PRON" and clause.head.lower_ in ANYONE:
        return None  # (and a participle on it: "those backing deeper integration")
    return entry


def encouraged_by(tok: Token, entry: Entry | None, ctx: SentenceContext) -> Entry | None:
    """"Encouraged" as a participle with nothing asked ("Encouraged by the enthusiastic reception,
    China's leaders ...", "Encouraged by mild sanctions, he may ...") says how someone feels, it
    asks nothing (two such in the pool, neither a gold event; "was encouraged to leave" asks, and so
    does "asked by Kenya for help")."""
    if entry is None or entry.type != "REQUEST" or tok.tag_ != "VBN" or tok.lemma_.lower() != "encourage":
        return entry
    if any(c.dep_ in {"xcomp", "ccomp", "dobj"} for c in tok.children):
        return entry
    if not any(c.dep_ == "agent" for c in tok.children):
        return entry
    return None


def free_relative_label(tok: Token, entry: Entry | None, ctx: SentenceContext) -> Entry | None:
    """A verb of naming whose object is "what", in the clause another verb takes ("protested what it
    called dangerous maneuvers", "denounced what it called a provocation", "began sending what
    officials described as high-threat aliens"), names a thing for that clause: the criticism it
    may carry is the taking verb's act, told once, or no act at all (the pool's rules coded one
    such, no gold event; the condemning verb finds its target in the name: ``passes.act_author``)."""
    return None if entry is not None and names_in_free_relative(tok) else entry


def names_in_free_relative(tok: Token) -> bool:
    """``tok`` is a verb of naming with "what" for its object, in a clause another verb takes:
    "(protested) what it called dangerous maneuvers"."""
    return (tok.pos_ == "VERB" and tok.dep_ in {"ccomp", "relcl", "xcomp"} and tok.lemma_.lower() in LABEL_VERBS
            and any(c.dep_ == "dobj" and c.lower_ == "what" for c in tok.children))  # fmt: skip


def question(tok: Token, entry: Entry | None, ctx: SentenceContext) -> Entry | None:
    """A sentence that asks ("And what did you discuss there?", "By prohibiting the sales, will it
    end?") reports no act it names (three such in the pool's rules, none a gold event)."""
    if entry is None or not ctx.text.rstrip().rstrip("\"”'’").endswith("?"):
        return entry
    return None


def actor_word(tok: Token, entry: Entry | None, ctx: SentenceContext) -> Entry | None:
    """A noun of an act inside an actor's own name names the actor ("aid agencies", "the Taliban
    insurgency", "asylum seekers", "the alliance", "the Collective Security Treaty Organization"):
    no act (five such in the pool's rules, none a gold event)."""
    if entry is None or tok.pos_ not in {"NOUN", "PROPN"} or tok.i not in ctx.actor_at:
        return entry
    if ACT_MEANS_SECTOR in ctx.actor_at[tok.i].entry_id:
        return entry  # "Russian air raids": the raids name the force that strikes and the strikes
    return None


# Nouns of people (or panels of them) named by the work they do: "sanctions experts", "aid
# workers", "ceasefire monitors", "peace negotiators".
WORKER_NOUNS = frozenset({"expert", "monitor", "negotiator", "envoy", "inspector", "investigator", "official",
                          "worker", "coordinator", "chief", "adviser", "advisor", "specialist", "analyst",
                          "observer", "committee", "panel"})  # fmt: skip


def work_named(tok: Token, entry: Entry | None, ctx: SentenceContext) -> Entry | None:
    """A noun of an act that names what someone works on ("U.N. sanctions experts detailed ...",
    "aid workers", "ceasefire monitors") is no act: they are people."""
    if entry is None or tok.pos_ != "NOUN" or tok.dep_ != "compound" or tok.head.lemma_.lower() not in WORKER_NOUNS:
        return entry
    return None


# The sector noun whose words are acts of force themselves ("air raids", "shelling").
ACT_MEANS_SECTOR = "sector:air-strikes"


def name_word(tok: Token, entry: Entry | None, ctx: SentenceContext) -> Entry | None:
    """A trigger word inside a proper name after "on", "of" or "for", or heading one before "of" or
    "for", names a body or a treaty, not an act: "the Working Group on Arbitrary Detention", "a
    Treaty on Comprehensive Strategic Partnership", "the Alliance for the Republic"."""
    if entry is None or tok.pos_ != "PROPN" or not tok.is_title:
        return entry
    prep = tok.head if tok.dep_ == "pobj" else (tok.head.head if tok.dep_ == "compound" and tok.head.dep_ == "pobj" else None)
    if prep is not None and prep.lower_ in {"on", "of", "for"} and prep.head.pos_ == "PROPN" and prep.head.is_title:
        return None
    # the name's head word itself: "the Alliance for the Republic", "the Movement for Democratic Change"
    if any(p.dep_ == "prep" and p.lower_ in {"for", "of"} and any(o.dep_ == "pobj" and o.pos_ == "PROPN" and o.is_title for o in p.children)
           for p in tok.children):  # fmt: skip
        return None
    return entry


# Verbs of answering an act whose "by" phrase tells what the answer was.
ANSWER_VERBS = frozenset({"retaliate", "respond", "react", "reply", "hit"})


def answered_by_means(tok: Token, entry: Entry | None, ctx: SentenceContext) -> Entry | None:
    """"Bolivia retaliated by expelling the Chilean consul": the expulsion is the act, told by its
    "by" phrase or a participle after the verb ("retaliated, expelling ..."); the verb of answering
    is no second event (it was an armed attack of its own)."""
    if entry is None or tok.pos_ != "VERB" or tok.lemma_.lower() not in ANSWER_VERBS:
        return entry
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ == "by":
            for means in prep.children:
                if means.dep_ == "pcomp" and means.tag_ == "VBG" and match_trigger(means, ctx.triggers) is not None:
                    return None
        # or a participle of its own set after it: "retaliated in kind, imposing duties on ..."
        if (prep.dep_ == "advcl" and prep.tag_ == "VBG" and prep.i > tok.i
                and not any(c.dep_ in {"nsubj", "mark"} for c in prep.children)
                and match_trigger(prep, ctx.triggers) is not None):  # fmt: skip
            return None
    return entry


# Words that make taking power a coup, not taking office.
COUP_WORDS = frozenset({"coup", "putsch", "overthrow", "oust", "topple", "junta", "mutiny", "force"})


def office_taken(tok: Token, entry: Entry | None, ctx: SentenceContext) -> Entry | None:
    """Taking over as something ("took over as interim head of state") or taking power with no
    coup told ("the coalition government took power in 2023") is taking office, no seizure;
    "the military took power in a coup" stays one."""
    if entry is None or entry.type != "COERCE" or tok.lemma_.lower() != "take":
        return entry
    if any(c.dep_ == "prep" and c.lower_ == "as" for c in tok.children):
        return None
    if any(c.dep_ == "dobj" and c.lemma_.lower() == "power" for c in tok.children):
        return entry if any(t.lemma_.lower() in COUP_WORDS for t in tok.sent) else None
    return entry


# Nouns of armed conflict that a modifier can make a figure of speech ("a trade war", "a legal battle").
WAR_NOUNS = frozenset({"war", "warfare", "battle", "fight", "offensive"})


def figurative_war(tok: Token, entry: Entry | None, ctx: SentenceContext) -> Entry | None:
    """A trade war, a drug war or an economic war is no armed attack ("we launched a drug war, not a
    trade war", "who didn't start this trade war"), nor is a legal or an uphill battle: the war noun, or the object naming the war that
    the verb starts or wages (nonacts.json "not_armed")."""
    if entry is None or entry.type != "ASSAULT":
        return entry
    wars = [tok] if tok.lemma_.lower() in WAR_NOUNS else [
        c for c in tok.children if c.dep_ in {"dobj", "nsubjpass"} and c.lemma_.lower() in WAR_NOUNS]
    words = _words("not_armed")
    for war in wars:
        mods = {m.lower_ for m in war.children if m.dep_ in {"compound", "amod", "nmod"}}
        if mods & words or any(part in words for m in mods for part in m.split("-")):
            return None
    return entry


# Verbs whose object is a war or an insurgency waged over time: "has been fighting an insurgency".
WAGING_VERBS = frozenset({"fight", "wage"})


def war_waged(tok: Token, entry: Entry | None, ctx: SentenceContext) -> Entry | None:
    """A war or an insurgency one "has been fighting" or "is waging" (nonacts.json "wars" as the
    verb's object, told as ongoing: a progressive or a perfect) sums up a campaign, no act of
    force of its own ("the separatist group has been fighting a deadly insurgency against the
    state": two pool stories code only the accusation beside it)."""
    if entry is None or entry.type != "ASSAULT" or tok.pos_ != "VERB" or tok.lemma_.lower() not in WAGING_VERBS:
        return entry
    if not any(c.dep_ == "dobj" and c.lemma_.lower() in _words("wars") for c in tok.children):
        return entry
    ongoing = tok.tag_ == "VBG" or any(c.dep_ == "aux" and c.lemma_ == "have" for c in tok.children)
    return None if ongoing else entry


# Verbs of a blow that, with "back" and nothing struck, say only that someone answered.
ANSWERING_BLOWS = frozenset({"hit", "strike"})


def struck_back(tok: Token, entry: Entry | None, ctx: SentenceContext) -> Entry | None:
    """"The BJP hit back sharply", "Beijing has already hit back": an answer of any kind, words as
    often as blows, no armed attack; with what was struck or how ("hit back at the rebels with
    airstrikes") the phrase still tells."""
    if entry is None or entry.type != "ASSAULT" or tok.pos_ != "VERB" or tok.lemma_.lower() not in ANSWERING_BLOWS:
        return entry
    if not any(c.dep_ in {"prt", "advmod"} and c.lower_ == "back" for c in tok.children):
        return entry
    # (a phrase of time, "on Tuesday", tells neither)
    if any(c.dep_ in {"dobj", "agent", "dative"} or (c.dep_ == "prep" and not dated_prep(c)) for c in tok.children):
        return entry
    return None


def named_parties(d: Draft, ctx: SentenceContext) -> None:
    """Drop a generic word of help (entry flag ``parties``) unless its clause or phrase names who
    acts and a party of another country it acts for (run after the roles are read, before the
    conventions that supply a missing target from the place or the source's own people)."""
    if not getattr(d.entry, "parties", False):
        return
    own = {a.country for a in d.source}
    if not own:
        d.dropped = True
        return
    if [a for a in d.target if a.country and a.country not in own]:
        return
    # a country the parser left as a place can still be whom the help is for: "India helped
    # Mauritius build an airstrip" (the object, or the subject of the complement)
    tok = d.tok
    spots = [c for c in tok.children if c.dep_ in {"dobj", "dative"}]
    spots += [g for c in tok.children if c.dep_ in {"ccomp", "xcomp"} for g in c.children if g.dep_ == "nsubj"]
    spots += [p for c in tok.children if c.dep_ == "prep" and c.lower_ in {"for", "to"} for p in c.children if p.dep_ == "pobj"]
    for t in spots:
        a = ctx.actor_at.get(t.i) or ctx.latent_at.get(t.i)
        if a is not None and a.country and a.country not in own:
            return
    d.dropped = True


DEFINITE = frozenset({"the", "this", "these", "that", "those"})


def told_again(tok: Token, entry: Entry | None, ctx: SentenceContext) -> Entry | None:
    """A definite noun of an act ("the attack", "Tuesday's attack") with no actor in its own phrase,
    after an earlier sentence of the article told an act of its type, names that act again."""
    if entry is None or tok.pos_ != "NOUN":
        return entry
    definite = any((c.dep_ == "det" and c.lower_ in DEFINITE) or (c.dep_ == "poss" and c.ent_type_ in {"DATE", "TIME"})
                   for c in tok.children)  # fmt: skip
    # "the two lawsuits" counts new ones
    if not definite or any(c.dep_ == "nummod" for c in tok.children) or any(t.i in ctx.actor_at for t in tok.subtree):
        return entry
    if any(e.event_type == entry.type and e.sentence_index < ctx.index for e in ctx.state.events):
        return None
    return entry


def attributive_participle(tok: Token, entry: Entry | None, ctx: SentenceContext) -> Entry | None:
    """A participle modifying the noun after it describes that noun: no act ("a UN-brokered deal",
    "a crushing response"). (Where the parser made that noun the sentence's root, the participle
    is its verb: "Trump hosted Erdogan ...".)"""
    if entry is None or tok.tag_ not in ("VBN", "VBG") or tok.dep_ != "amod" or tok.i > tok.head.i:
        return entry
    head = tok.head
    if head.pos_ not in {"NOUN", "PROPN"} or head.dep_ == "ROOT" or any(c.dep_ in {"nsubj", "dobj"} for c in tok.children):
        return entry
    if main_verb_read_as_modifier(tok):
        return entry  # "Its foreign minister, Hakan Fidan, hosted Ethiopian delegations"
    return None


# Nouns of a manner phrase that tells why or how another act was done, not an act of its own:
# "withdrew its ambassador in protest", "recalled its envoy for consultations".
MANNER_NOUNS = {"protest": "in", "consultation": "for"}


def manner_phrase(tok: Token, entry: Entry | None, ctx: SentenceContext) -> Entry | None:
    """"In protest" or "for consultations" on a verb that names an act of another type tells why
    it was done: one act, the verb's ("Algiers withdrew its ambassador from Paris in protest")."""
    if entry is None or tok.pos_ != "NOUN" or MANNER_NOUNS.get(tok.lemma_.lower()) is None:
        return entry
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ != MANNER_NOUNS[tok.lemma_.lower()] or any(c.dep_ in {"det", "poss", "amod"} for c in tok.children):
        return entry
    if any(c.dep_ == "prep" and c.lower_ in {"of", "against", "over", "at", "with"} for c in tok.children):
        return entry  # "in protest against the ruling", "in protest of police actions": what is protested
    verb = prep.head
    if verb.pos_ != "VERB":
        return entry
    done = match_trigger(verb, ctx.triggers)
    return None if done is not None and done.type != entry.type else entry


# Roles of a noun phrase a participle can fill as the people it describes.
_NOMINAL_DEPS = frozenset({"dobj", "nsubj", "nsubjpass", "pobj", "conj", "appos", "attr"})


def people_participle(tok: Token, entry: Entry | None, ctx: SentenceContext) -> Entry | None:
    """A participle made a noun by its article names the people it describes ("visited the
    injured", "evacuated the wounded", "the detained were freed"), not an act."""
    if entry is None or tok.tag_ != "VBN" or tok.dep_ not in _NOMINAL_DEPS:
        return entry
    if not any(c.dep_ == "det" and c.lower_ in {"the", "those"} and c.i < tok.i for c in tok.children):
        return entry
    if any(c.dep_ in {"dobj", "agent", "prep", "aux", "auxpass"} for c in tok.children):
        return entry  # a verb of its own after all: "the deported to Honduras", read as a clause
    return None


@cache
def _idioms() -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(w.split()) for w in _words("idioms"))


def idiom(tok: Token, entry: Entry | None, ctx: SentenceContext) -> Entry | None:
    """The trigger word is part of a fixed expression that names no act ("as opposed to")."""
    if entry is None:
        return entry
    doc = tok.doc
    for words in _idioms():
        for k, w in enumerate(words):
            start = tok.i - k
            if w not in (tok.lower_, tok.lemma_.lower()) or start < 0 or start + len(words) > len(doc):
                continue
            if all(words[j] in (doc[start + j].lower_, doc[start + j].lemma_.lower()) for j in range(len(words))):
                return None
    return entry


# What an act "is met with" in return: "any attack would be met with a crushing response".
RESPONSE_NOUNS = frozenset({"response", "retaliation", "reprisal", "force", "punishment", "retribution",
                            "counterattack", "counteroffensive", "fire"})  # fmt: skip


def met_with(tok: Token, entry: Entry | None, ctx: SentenceContext) -> Entry | None:
    """"was met with" names what an act drew in return, no meeting ("the march was met with tear
    gas", "the plan was met with scepticism"); where that is force to come ("any attack would be
    met with a crushing response"), it is a threat, the speaker's."""
    if entry is None or tok.lemma_.lower() != "meet" or tok.pos_ != "VERB":
        return entry
    if not any(c.dep_ == "auxpass" for c in tok.children):
        return entry
    got = [o for p in tok.children if p.dep_ == "prep" and p.lower_ == "with" for o in p.children if o.dep_ == "pobj"]
    if not got or any(o.i in ctx.actor_at for o in got):
        return entry  # "was met with Putin": a meeting
    if any(c.dep_ == "aux" and c.lower_ in {"will", "would", "shall", "'ll"} for c in tok.children) and any(
            o.lemma_.lower() in RESPONSE_NOUNS for o in got):  # fmt: skip
        # force to come: the coder's commitment pass reads it as the threat it is, made now
        return Recoded.of("ASSAULT", "190", "", 0.8, object=(), target_prep=())
    return None


# Sectors of parties that clash in words, not arms: governments, lawmakers, parties, courts.
_POLITICAL = frozenset({"GOV", "LEG", "PTY", "OPP", "JUD", "ELI", ""})


def clash_in_words(tok: Token, entry: Entry | None, ctx: SentenceContext) -> Entry | None:
    """Governments, leaders and parties who "clashed with" one another ("Petro has clashed with
    Washington on a range of issues", "the alliance has repeatedly clashed with the prime
    minister") disagree: no armed clash, where no armed or police party is named and neither side
    is a crowd."""
    if entry is None or entry.type != "ASSAULT" or tok.lemma_.lower() != "clash" or tok.pos_ != "VERB":
        return entry
    sides = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
    sides += [o for p in tok.children if p.dep_ == "prep" and p.lower_ == "with" for o in p.children if o.dep_ == "pobj"]
    actors = [ctx.actor_at[t.i] for s in sides for t in s.subtree if t.i in ctx.actor_at]
    if len(sides) < 2 or not actors or any(a.sector not in _POLITICAL for a in actors):
        return entry
    if any(t.lemma_.lower() in _ARMED_WORDS for s in sides for t in s.subtree):
        return entry
    return None


# Words of those who clash in arms or in the street.
_ARMED_WORDS = frozenset({"troop", "soldier", "force", "fighter", "militant", "rebel", "police", "protester",
                          "demonstrator", "gunman", "army", "militia", "guard", "officer", "supporter", "crowd",
                          "student", "villager", "resident", "worker", "youth", "group", "unit"})  # fmt: skip


# Words that make a strike a stoppage of work: "a general strike", "a nationwide strike", "a
# three-day strike", "a hunger strike".
LABOUR_STRIKE_WORDS = frozenset({"general", "nationwide", "national", "labor", "labour", "worker", "workers",
                                 "teacher", "teachers", "doctor", "doctors", "nurse", "nurses", "transport",
                                 "indefinite", "wildcat", "sit-down", "hunger", "day", "week", "token",
                                 "countrywide", "student", "union", "trade", "shutdown"})  # fmt: skip


def labour_strike(tok: Token, entry: Entry | None, ctx: SentenceContext) -> Entry | None:
    """A strike that stops work ("launched a nationwide strike over fuel prices", "called a general
    strike", "a three-day strike") is a protest (CAMEO 143), not a blow: the strike noun itself or
    the verb that carries it."""
    if entry is None or entry.type != "ASSAULT":
        return entry
    nouns = [tok] if tok.pos_ == "NOUN" and tok.lemma_.lower() == "strike" else [
        c for c in tok.children if c.dep_ == "dobj" and c.lemma_.lower() == "strike"]
    for noun in nouns:
        mods = [m for m in noun.children if m.dep_ in ("amod", "compound", "nmod", "poss")]
        words = {w for m in mods for w in (m.lower_, m.lemma_.lower(), *m.lower_.split("-"))}
        if words & LABOUR_STRIKE_WORDS:
            return Recoded.of("PROTEST", "143", "strike", entry.weight, object=(), target_prep=("against", "over"))
    return entry
