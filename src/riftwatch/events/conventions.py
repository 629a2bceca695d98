"""CAMEO/PLOVER coding conventions applied once a trigger's roles are found.

What a parse alone does not say but event coders agree on: a protest with no stated target is
against the government where it happens, a state's curfew falls on its people; an ethnic group is
coded by the country it lives in; an actor of no stated country acting where the event happens is
from there; a threat aims at the party whose conduct is its condition; calling on others to act
against someone rallies opposition (CAMEO 113); a protest outranks the demand it makes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping, Sequence
from dataclasses import replace

from spacy.tokens import Token

from ..actors.lexicon import moved
from ..actors.recognise import REGIONAL, UNKNOWN
from ..records import Actor, Event, Place
from .roles import actors_under

# Verbs that stop, cut or lift what their object names.
STOP_VERBS = frozenset({"end", "halt", "suspend", "stop", "cease", "cancel", "freeze", "abandon", "postpone", "delay",
                        "scrap", "terminate", "pause", "interrupt", "lift", "ease", "relax", "shorten", "reduce",
                        "cut", "curb", "revoke", "rescind", "drop", "waive", "call", "break", "scale", "wind",
                        "annul", "repeal", "nullify", "invalidate"})  # fmt: skip
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY", ""})
# Words under which "against X" is no call to act against X: "protect them against", "renounce
# its struggle against Israel", "refrain from strikes against", "hold off on action against".
_SHIELDING = frozenset({"protect", "protection", "defend", "defence", "defense", "guard", "shield", "safeguard",
                        "security", "renounce", "renunciation", "refrain", "avoid", "abstain", "desist"}) | STOP_VERBS  # fmt: skip
# Particles that make "hold" a holding back: "hold off on", "hold back from".
_HOLDING_BACK = frozenset({"off", "back"})
_PURPOSE_LINKS = frozenset({"advcl", "xcomp", "acl", "relcl", "prep", "pobj", "pcomp", "dobj", "ccomp"})


def home_actor(country: str, sector: str, place: Place | None) -> Actor:
    """The unnamed domestic target of a protest or a coercive act, anchored on the place if any."""
    at = place if place is not None and place.country == country else None
    return Actor(text=at.text if at else "", start=at.start if at else 0, end=at.end if at else 0,
                 name=country, country=country, sector=sector, entry_id="domestic")  # fmt: skip


def located(actor: Actor, place: Place | None) -> Actor:
    """"Students protested in Nairobi", "rebels shelled a town in Mali": an actor of no stated
    country acting where the event happens is taken to be from there."""
    if (actor.country or place is None or not place.country or place.country in {"IGO", "NGO"}
            or not {REGIONAL, UNKNOWN}.isdisjoint(actor.entry_id.split("+"))):  # fmt: skip
        return actor  # "European leaders met in Kyiv", "unidentified gunmen": of no one country, wherever they act
    return moved(actor, place.country)


def ethnic_home(actor: Actor, place: Place | None, text: str) -> Actor:
    """"ethnic Hungarians ... in Romania": an ethnic group is coded by the country it lives in, as
    CAMEO does, when the event happens in a country other than the one its name comes from."""
    if (place is None or not place.country or place.country == actor.country or not actor.country
            or not text[max(0, actor.start - 8) : actor.start].rstrip().lower().endswith("ethnic")):
        return actor
    return moved(actor, place.country)


# Sectors outside the state: a party of these is the other side of a state of its own country.
NON_STATE_SECTORS = frozenset({"REB", "OPP", "CVL", "INS", "CRM"})


def other_side(a: Actor, source: Sequence[Actor]) -> bool:
    """``a`` is of the source's country but on the other side of it: rebels, the opposition or
    civilians of a state that acts ("broke off talks with the rebels": the rebels, not the country)."""
    if a.sector not in NON_STATE_SECTORS or not source:
        return False
    return all(s.country == a.country and s.sector and s.sector not in NON_STATE_SECTORS for s in source)


def condition_party(tok: Token, actor_at: dict[int, Actor]) -> list[Actor]:
    """Subjects of an "if"/"unless" clause on the trigger or on the act it governs; of a passive
    one, its "by" phrase ("if the tariffs are not dropped by Canada"): its subject is what is
    done ("if the president is not reinstated" asks whoever holds him, not him)."""
    verbs = [tok, *(c for c in tok.children if c.dep_ in {"xcomp", "ccomp"})]
    if tok.dep_ in {"xcomp", "ccomp"} and tok.head.i != tok.i:
        verbs.append(tok.head)  # the trigger is the threatened act: "threatened to stop ... if"
    for verb in verbs:
        for clause in verb.children:
            if clause.dep_ == "advcl" and any(m.lower_ in {"if", "unless"} for m in clause.children if m.dep_ == "mark"):
                subjects = [c for c in clause.children if c.dep_ == "nsubj"]
                subjects += [o for c in clause.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
                found = [a for subj in subjects for a in actors_under(subj, actor_at)]
                if found:
                    return found
    return []


def rallied_against(tok: Token, actor_at: dict[int, Actor], latent_at: dict[int, Actor]) -> list[Actor]:
    """Actors after "against" in what a call or demand asks for (its object or complement clause)."""
    out: list[Actor] = []
    for child in tok.children:
        if child.dep_ in {"nsubj", "nsubjpass", "punct", "aux", "neg"}:
            continue  # the one who asks, not what is asked
        for t in child.subtree:
            if t.dep_ == "prep" and t.lower_ == "against" and not _shielded(t, tok) and not _in_relative(t, tok):
                for obj in (c for c in t.children if c.dep_ == "pobj"):
                    out.extend(actors_under(obj, actor_at) or actors_under(obj, latent_at))
    return out


def _in_relative(prep: Token, top: Token) -> bool:
    """The phrase is inside a relative clause of what is asked ("change its constitution, which
    Baku says contains claims against it"): it describes a thing, it asks no one to act."""
    tok = prep.head
    for _ in range(12):
        if tok.i == top.i or tok.head.i == tok.i:
            return False
        if tok.dep_ == "relcl":
            return True
        tok = tok.head
    return False


def _shielded(prep: Token, top: Token) -> bool:
    tok = prep.head
    for _ in range(8):
        if tok.i == top.i:
            return False
        if tok.lemma_.lower() in _SHIELDING or (
                tok.lemma_.lower() == "hold" and any(c.dep_ == "prt" and c.lower_ in _HOLDING_BACK for c in tok.children)):  # fmt: skip
            return True
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _linked(low: Token, high: Token, steps: int = 4) -> bool:
    """``low`` hangs under ``high`` through clause, phrase or object links, within a few steps."""
    tok = low
    for _ in range(steps):
        if tok.dep_ not in _PURPOSE_LINKS or tok.head.i == tok.i:
            return False
        tok = tok.head
        if tok.i == high.i:
            return True
    return False


def protest_first(events: list[Event], toks: Sequence[Token]) -> list[Event]:
    """A protest and the act it is made of or for are one event, the protest: "went on hunger
    strike to demand his release", "shunned work to protest", "rioted demanding independence"
    (CAMEO codes the demand as a protest's sub-code, 1411-1414). The other act stays, with less
    confidence, so it is not taken for what the sentence reports."""
    protests = [e for e in events if e.event_type == "PROTEST"]
    if not protests or len(events) < 2:
        return events
    at = {t.idx: t for t in toks}
    out = []
    for e in events:
        tok = at.get(e.trigger.start)
        tied = tok is not None and e.event_type != "PROTEST" and any(
            (p_tok := at.get(p.trigger.start)) is not None and (_linked(tok, p_tok) or _linked(p_tok, tok))
            for p in protests
        )
        out.append(replace(e, confidence=round(max(0.05, e.confidence - 0.15), 3)) if tied else e)
    return out


# People whose words are commentary, not acts of a political actor: the codebook leaves out the
# opinions of analysts and academics.
COMMENTATORS = frozenset({"analyst", "expert", "professor", "fellow", "researcher", "scholar", "academic",
                          "economist", "commentator", "observer", "specialist"})  # fmt: skip
# Clause links across which a speaker's words do not reach ("..., a move analysts say ...").
_OTHER_CLAUSE = frozenset({"advcl", "relcl", "acl"})


def _mandated(subject: Token, actor_at: Mapping[int, Actor]) -> bool:
    """"A United Nations human rights expert", "U.N. experts", "Human Rights Watch's Iran
    researcher": experts the U.N. appoints or a rights group employs speak for it (its special
    rapporteurs, panels, researchers), no commentary: the phrase names an actor coded as such."""
    return any((a := actor_at.get(t.i)) is not None and (a.sector == "HRI" or a.country == "IGO") for t in subject.subtree)


def commentator_speaks(trig: Token, actor_at: Mapping[int, Actor]) -> bool:
    """The subject of the trigger, or of the clauses that report it, is an analyst, expert, academic ..."""
    node = trig
    for _ in range(5):
        for ch in node.children:
            if ch.dep_ in {"nsubj", "nsubjpass"} and any(
                w.lemma_.lower() in COMMENTATORS for w in (ch, *ch.children, *(g for c in ch.children for g in c.children))
            ) and not _mandated(ch, actor_at):
                return True
        if node.dep_ in _OTHER_CLAUSE or node.head.i == node.i:
            return False
        node = node.head
    return False


def without_commentary(events: list[Event], toks: Sequence[Token], actor_at: Mapping[int, Actor],
                       lemmas: Collection[str] | None = None) -> list[Event]:
    """Events an analyst or academic states or is the subject of are opinions, not events.

    ``lemmas``, the sentence's lower-case lemmas when the caller holds them, skip the search in a
    sentence that names no commentator (a parse tree never leaves its sentence)."""
    if not events or (lemmas is not None and COMMENTATORS.isdisjoint(lemmas)):
        return events
    at = {t.idx: t for t in toks}
    return [e for e in events if (tok := at.get(e.trigger.start)) is None or not commentator_speaks(tok, actor_at)]


# How long before the story a descriptive clause's act must be dated to be only a description of
# its antecedent (a year at year precision: "which last year agreed to sell howitzers").
DESCRIBED_DAYS = 300


def _relative_clause(tok: Token) -> Token | None:
    """The relative clause the trigger heads or stands in, within its own clause: "which withdrew
    its troops", "whose peacekeepers were deployed"."""
    t = tok
    for _ in range(4):
        if t.dep_ == "relcl":
            return t
        if t.head.i == t.i or t.dep_ in {"ccomp", "advcl", "xcomp", "conj", "parataxis", "acl"}:
            return None
        t = t.head
    return None


def without_descriptions(events: list[Event], toks: Sequence[Token], actor_at: Mapping[int, Actor],
                         published: dt.date | None) -> list[Event]:
    """An act told in a relative clause set off by a comma after a party or a place, and dated
    there long before the story, only says who or what that is ("France, which last year agreed to
    sell Armenia howitzers, welcomed ...", "the United States, which withdrew its troops from
    Afghanistan in August 2021,"): a description, not news (the codebook's "descriptive relative
    clauses that only identify someone")."""
    if not events or published is None:
        return events
    at = {t.idx: t for t in toks}
    out = []
    for e in events:
        tok = at.get(e.trigger.start)
        rel = _relative_clause(tok) if tok is not None else None
        if rel is not None and _describes(rel, e, actor_at, published):
            continue
        out.append(e)
    return out


def _describes(rel: Token, e: Event, actor_at: Mapping[int, Actor], published: dt.date) -> bool:
    """The relative clause is set off by a comma after a party or a proper name, and dates the
    event by its own words long before the story."""
    head, first = rel.head, rel.left_edge
    if first.i == 0 or first.doc[first.i - 1].text != "," or not (head.pos_ == "PROPN" or head.i in actor_at):
        return False
    if e.date is None or e.date_text is None:
        return False
    lo, hi = first.idx, rel.right_edge.idx + len(rel.right_edge)
    if not (lo <= e.date_text.start and e.date_text.end <= hi):
        return False  # (dated by the clause itself, not by the story)
    if e.date_precision == "year":
        return e.date.year < published.year
    return (published - e.date).days > DESCRIBED_DAYS


# Types of force: the target a country's name names of these is a place and its people, not its
# government ("Russia struck Ukraine"); abroad, who they are aimed at is decided by where they strike
# (``learned``).
FORCE_TYPES = frozenset({"ASSAULT", "MOBILIZE", "COERCE"})


def _state_named(entry_id: str) -> bool:
    """The entry is a country's name, or its nationality word standing alone."""
    return entry_id.startswith("country:") or (entry_id.startswith("demonym:") and "+" not in entry_id)


def once(actors: tuple[Actor, ...]) -> tuple[Actor, ...]:
    """Each party of a role once, at its first mention: "its air force" ("its" and "air force"),
    a leader named and then taken up again in one sentence are one party, not two."""
    seen: set[tuple[str, str, str]] = set()
    out = []
    for a in actors:
        key = (a.name, a.country, a.sector)
        if key not in seen:
            seen.add(key)
            out.append(a)
    return actors if len(out) == len(actors) else tuple(out)


def state_by_name(events: Sequence[Event]) -> list[Event]:
    """A country named as a party ("Iran rejected the offer") is its state: its government, as coders
    code it (VOA pool gold: GOV for 298 of 339 countries named as parties), but the target of
    force, where the name stands for the country and its people (there most often no sector);
    and each party is listed once in a role (``once``). Applied last, over the final events: the
    coder's passes and learned checks read a name by its bare country."""
    def coded(actors: tuple[Actor, ...], role: str, etype: str) -> tuple[Actor, ...]:
        # someone of an intergovernmental body is of its sector, whatever their title ("U.N.-appointed
        # special rapporteur Jane Doe": IGO, as the codebook codes the bodies themselves)
        actors = tuple(replace(a, sector="IGO") if not a.sector and a.country == "IGO" else a for a in actors)
        if not (role == "target" and etype in FORCE_TYPES):
            # (and "it" taking up such a name: "India ... announced that it was expelling six diplomats";
            # and a nationality word alone, as the owner of an act: "the Thai move", "Chinese pressure":
            # pool gold GOV for 11 of 14)
            actors = tuple(replace(a, sector="GOV") if not a.sector and _state_named(a.entry_id.removeprefix("pronoun:"))
                           else a for a in actors)  # fmt: skip
        return once(actors)

    out = []
    for e in events:
        source, target = coded(e.source, "source", e.event_type), coded(e.target, "target", e.event_type)
        out.append(e if source == e.source and target == e.target else replace(e, source=source, target=target))
    return out
