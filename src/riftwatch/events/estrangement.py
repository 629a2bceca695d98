"""Stopping what one did for a partner reduces relations with it; stopping what one did against an
enemy de-escalates.

"Russia halted its air strikes on the rebels" is a de-escalation towards the rebels (RETREAT, CAMEO
087). The same halt "in support of the Syrian army's offensive", or one that "sparked anger in
Moscow and resulted in the decision to halt Russian air strikes", is aimed at the partner: it
withdraws help (CAMEO 16, reduce relations: 162 aid, 1622 military assistance; PLOVER SANCTION).
What tells them apart is in the sentence: whom the stopped act was done *for* ("in support of X",
"on behalf of X"), the grievance against a party that caused the stop ("X's manoeuvres sparked
anger ... and resulted in the decision to halt", "angered by X", "in protest at X's refusal",
"after a dispute with X"), or the body it leaves ("withdrew from ECOWAS"). Pressure is not a
grievance: halting an offensive "under pressure from" or "after criticism from" someone yields to
them and stays a de-escalation.

Real text with the pattern: the founding article (``../shared/seed``: the halt of Russian air
strikes after anger at Syrian and Iranian manoeuvres); the VOA pool (``../shared/corpus/voa``),
whose gold codes as SANCTION against the partner Burkina Faso, Mali and Niger that "withdrew from
ECOWAS ... after a yearlong dispute with the bloc", ambassadors withdrawn "over Israel's
crackdown", ties cut "for allegedly meddling", and a government that "froze a Chinese-funded gas
pipeline" (against China; a frozen project named by its funder is not read here yet: the verb
with that object is no trigger).
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from ..records import Actor
from .conventions import STOP_VERBS
from .draft import Draft, Recoded, SentenceContext
from .matching import match_trigger
from .ontology import ontology

# Verbs of leaving: from a place they retreat, from an organisation they reduce relations.
LEAVE_VERBS = frozenset({"withdraw", "pull", "quit", "leave", "exit"})
# Verbs that stop or take back an act besides the ``STOP_VERBS``: "withdrew from", "pulled out of".
HALT_VERBS = STOP_VERBS | LEAVE_VERBS | {"withhold"}
# Nouns and participles naming a grievance against a party: anger at it, a dispute with it, its
# failure. What a stop is done *over*, *after* or *in* is punitive when it names one.
GRIEVANCE_WORDS = frozenset({
    "anger", "fury", "outrage", "frustration", "displeasure", "dismay", "irritation", "annoyance",
    "resentment", "indignation", "dissatisfaction", "disappointment", "dispute", "row", "spat", "feud",
    "quarrel", "rift", "tension", "disagreement", "falling-out", "standoff", "protest", "retaliation",
    "reprisal", "refusal", "failure", "inaction", "betrayal", "meddling", "interference",
    "angered", "angry", "frustrated", "incensed", "enraged", "irritated", "annoyed", "dismayed",
    "outraged", "upset", "infuriated", "exasperated", "dissatisfied", "disappointed",
})  # fmt: skip
# Acts of a party that press the stopper to stop: yielding to them is a concession, not a
# reduction of relations ("halted the offensive under pressure from Washington").
PRESSURE_TYPES = frozenset({"REQUEST", "THREATEN", "COERCE", "SANCTION"})
# Conflictual acts of words that, as the cause of a stop, make it punitive ("after Syria rejected
# the plan"). Force is left out: aid halted "after attacks on convoys" does not punish the attackers.
GRIEVANCE_TYPES = frozenset({"ACCUSE", "REJECT", "PROTEST"})
# Verbs through which a cause brings about a stop: "X's manoeuvres resulted in the decision to halt".
CAUSE_VERBS = frozenset(
    {"result", "lead", "prompt", "trigger", "cause", "spark", "provoke", "bring", "drive"}
)
# Prepositions that give a stop's reason ("over", "after", "amid", "following", "because of").
REASON_PREPS = frozenset({"over", "after", "amid", "following", "because", "for", "in"})
# "in support of X", "on behalf of X", "in aid of X": whom the stopped act was done for.
BENEFIT_NOUNS = frozenset({"support", "behalf", "aid", "favour", "favor", "defence", "defense", "backing"})
# Acts a stop of which is no reduction of relations by itself: a de-escalation or an eased measure.
DEESCALATIONS = frozenset({"RETREAT", "CONCEDE"})
# Targets found only by a fallback: a reason or a beneficiary the sentence states outranks them.
WEAK_TARGETS = frozenset({"", "place-country", "phrase", "implied", "domestic", "learned", "complement"})


def _subject(verb: Token) -> Token | None:
    """The verb's subject, or that of the verb it is conjoined to ("sparked anger and resulted in")."""
    while True:
        subj = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subj is not None or verb.dep_ != "conj" or verb.head.i == verb.i:
            return subj
        verb = verb.head


def _conjoined(verb: Token) -> Iterator[Token]:
    """The verb and the verbs conjoined with it."""
    head = verb
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head
    yield head
    stack = [c for c in head.children if c.dep_ == "conj"]
    while stack:
        v = stack.pop()
        yield v
        stack.extend(c for c in v.children if c.dep_ == "conj")


def _aggrieving(phrase: Token, ctx: SentenceContext, acts: bool) -> bool:
    """The phrase names a grievance: an angry word, a dispute, a refusal, or (with ``acts``) a
    conflictual act of words that is not pressure."""
    for t in phrase.subtree:
        if t.lower_ in GRIEVANCE_WORDS or t.lemma_.lower() in GRIEVANCE_WORDS:
            return True
        if acts and t.pos_ in {"NOUN", "VERB"} and t.lemma_.lower() in ctx.lemma_set:
            trig = match_trigger(t, ctx.triggers)
            if trig is not None and trig.type in GRIEVANCE_TYPES and trig.type not in PRESSURE_TYPES:
                return True
    return False


def _parties(phrase: Token, ctx: SentenceContext, own: set[str]) -> list[Actor]:
    """Actors the phrase names that are not of the countries in ``own`` (the stopper's, and for a
    de-escalation the enemy's); civilians have no relations to reduce."""
    found = [
        a for t in phrase.subtree for a in [ctx.actor_at.get(t.i) or ctx.latent_at.get(t.i)] if a is not None
    ]
    return [a for a in dict.fromkeys(found) if a.country and a.country not in own and a.sector != "CVL"]


def _caused_by(tok: Token, ctx: SentenceContext, own: set[str], acts: bool) -> list[Actor]:
    """Parties whose grievance-bearing act brought the stop about: the subject of a cause verb the
    stop (or a decision, order or move to stop) hangs under."""
    node = tok
    for _ in range(5):
        if node.head.i == node.i:
            return []
        node = node.head
        if node.pos_ == "VERB" and node.lemma_.lower() in CAUSE_VERBS:
            break
        if node.pos_ == "VERB" and node.dep_ not in {"xcomp", "acl", "ccomp"}:
            return []
    else:
        return []
    subj = _subject(node)
    if subj is None:
        return []
    grievance = _aggrieving(subj, ctx, acts) or any(
        c.dep_ in {"dobj", "attr"} and c.lemma_.lower() in GRIEVANCE_WORDS
        for v in _conjoined(node)
        for c in v.children
    )
    return _parties(subj, ctx, own) if grievance else []


def _reasons(tok: Token, ctx: SentenceContext, own: set[str], acts: bool) -> list[Actor]:
    """Parties of a grievance the stop's own phrases give as its reason: "after a dispute with X",
    "in protest at X's refusal", "angered by X", "accusing X of"; with ``acts`` also a party's
    accusation or rejection ("after Somalia accused it of meddling")."""
    out: list[Actor] = []
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in REASON_PREPS:
            if child.lower_ == "in" and not any(c.lemma_.lower() in GRIEVANCE_WORDS for c in child.children):
                continue  # "in northern Syria": a place, not a reason
            if _aggrieving(child, ctx, acts):
                out += _parties(child, ctx, own)
        elif child.dep_ == "advcl" and (
            child.lower_ in GRIEVANCE_WORDS
            or (child.lemma_.lower() in {"accuse", "blame"} and (acts or not _subject(child)))
        ):
            out += _parties(child, ctx, own)  # "Angered by X, ...", "accusing X of ..."
    return out


def _beneficiaries(tok: Token, ctx: SentenceContext, own: set[str]) -> list[Actor]:
    """Whom the stopped act was done for: "in support of X's offensive", "on behalf of X"."""
    heads = [tok, *(c for c in tok.children if c.dep_ in {"dobj", "nsubjpass"})]
    out: list[Actor] = []
    for head in heads:
        for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in {"in", "on"}):
            for noun in (c for c in prep.children if c.dep_ == "pobj" and c.lemma_.lower() in BENEFIT_NOUNS):
                out += [a for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                        for p in c.children if p.dep_ == "pobj" for a in _parties(p, ctx, own)]  # fmt: skip
    return out


def _left_organisation(d: Draft, ctx: SentenceContext) -> list[Actor]:
    """The organisation a withdrawal leaves: "withdrew from ECOWAS", "pulled out of NATO". Leaving
    a body one belongs to reduces relations with it (CAMEO 16), unlike leaving a place."""
    if d.tok.lemma_.lower() not in LEAVE_VERBS:
        return []
    out: list[Actor] = []
    # "pulled out of": "of" may hang on "out", parsed as a particle or a preposition
    heads = [d.tok, *(c for c in d.tok.children if c.dep_ in {"prt", "prep"} and c.lower_ == "out")]
    for prep in (c for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ in {"from", "of"}):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            actor = ctx.actor_at.get(obj.i)
            if actor is not None and "IGO" in {actor.country, actor.sector}:
                out.append(actor)
    return out


def _caused_to_stop(tok: Token, ctx: SentenceContext) -> list[Actor]:
    """Who a cause verb makes stop: the object of "prompted Ankara to halt", "led Iran to suspend"."""
    if tok.dep_ != "xcomp" or tok.head.lemma_.lower() not in CAUSE_VERBS:
        return []
    objs = [c for c in tok.head.children if c.dep_ == "dobj"]
    return [a for o in objs for t in o.subtree if (a := ctx.actor_at.get(t.i)) is not None]


def _is_halt(d: Draft) -> bool:
    return d.tok.lemma_.lower() in HALT_VERBS and (d.type in DEESCALATIONS or d.type == "SANCTION")


def withdrawn_support(d: Draft, ctx: SentenceContext) -> None:
    """A stop done for or against a partner reduces relations with it (SANCTION, CAMEO 16): the
    partner is whom the stopped act was for, or the party whose conduct aggrieved the stopper into
    it. A stop with neither stays what the lexicon says (a de-escalation towards the enemy)."""
    if not _is_halt(d):
        return
    # "X's refusal led Iran to suspend its strikes": Iran stops, whatever the parse took as subject
    stopper = _caused_to_stop(d.tok, ctx)
    own = {a.country for a in stopper or d.source if a.country}
    # Stopping force, only the stopper's own grievance makes it punitive: a party's criticism of it
    # is pressure, yielded to ("halted its offensive after criticism from Washington"), and the
    # enemy the stopped act hit is not the partner it turns from.
    acts = d.type not in DEESCALATIONS
    hit = {a.country for a in d.target} if d.how.get("target") in {"object", "prep", "object-prep", "object-charge"} else set()
    grieved = own if acts else own | hit
    parties = (
        _beneficiaries(d.tok, ctx, own)
        or _reasons(d.tok, ctx, grieved, acts)
        or _caused_by(d.tok, ctx, grieved, acts)
        or (_left_organisation(d, ctx) if d.type in DEESCALATIONS else [])
    )
    if not parties:
        return
    if d.type in DEESCALATIONS:
        coding = ontology().recodings["withdrawn_support"]
        d.recode(Recoded.of(coding["type"], coding["cameo_root"], coding.get("mode", ""), d.entry.weight))
    elif d.how.get("target", "") not in WEAK_TARGETS:
        return  # "suspended talks with Finland over the dispute": the parse already names the party
    d.target, d.how["target"] = list(dict.fromkeys(parties)), "estranged"
    if stopper:
        d.source, d.how["source"] = stopper, "control-object"


def halted_support(d: Draft, ctx: SentenceContext) -> None:
    """The support a stop takes back is no act of support: "halted its air strikes in support of
    the offensive" reports one event, the halt."""
    tok = d.tok
    if int(d.entry.quad_class) > 2 or tok.dep_ != "pobj" or tok.lemma_.lower() not in BENEFIT_NOUNS:
        return
    head = tok.head.head  # the preposition's head: the stop verb or its object
    stop = head.head if head.dep_ in {"dobj", "nsubjpass"} else head
    if stop.lemma_.lower() in HALT_VERBS and any(e.trigger.start == stop.idx for e in ctx.events):
        d.dropped = True
