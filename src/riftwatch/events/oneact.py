"""One act, one event: an attack told with several words, an act named as another's content.

News tells one act of force with several trigger words: the attack and what it did ("ambushed a bus
and killed 18", "detonated her explosives near a convoy, killing three and injuring nine"), the
weapon and its blast ("a roadside bomb blast killed 11"), the toll of a fight ("was killed in a gun
battle"), the toll and the attack of its "when" clause ("were killed when gunmen attacked a mosque":
the attack, done to those it killed; over 529 helper articles five acts told twice so). The codebook codes one event per act. Casualty words (``CASUALTY``) joined in the parse
to another attack word of the sentence, and attack nouns joined to each other, make one cluster;
the cluster keeps one event (one with a source, else a verb, else the act over its toll), with the
roles the others found where it has none. Two acts joined in the parse stay two ("attacked the
train and took the passengers hostage"), and so do two tolls joined to each other ("eight killed and
dozens wounded"): folding those too was measured (pool held-out triple F1 0.276 against 0.275, VOA
dev 0.276 against 0.277) and gained nothing, while it took the founding article's casualty record
under the learned event threshold.

An act named by a noun as what another act is about ("agreeing to a ceasefire", "a ceasefire deal",
"threats of preventive attacks", "accused Beijing of genocide", "accused the militia of attacks")
is that act's content, not an event the sentence reports (``content_nouns``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Token

from ..records import Event

CASUALTY = frozenset({"kill", "injure", "wound", "maim", "hurt"})
# Prepositions that give the act a casualty came from: "killed in a gun battle", "injured during the raid".
_FROM_ACT = frozenset({"in", "during", "by"})
_PARTICIPLE_LINKS = frozenset({"advcl", "xcomp", "acl", "relcl", "conj"})


def _casualty(tok: Token) -> bool:
    return tok.lemma_.lower() in CASUALTY and tok.pos_ == "VERB"


def _joined(a: Token, b: Token) -> bool:
    """``b`` reports the same act as ``a``: a casualty that is ``a``'s conjunct or participle, or whose
    subject, agent or 'in' phrase ``a`` is; an attack noun that is the subject of the attack verb
    ``a`` ("a suicide bomber detonated"); or two attack nouns joined by compound or conjunction."""
    if _casualty(b):
        if b.dep_ == "conj" and _casualty(b.head) and b.head.i != a.i:
            return _joined(a, b.head)  # "..., killing four and injuring six": the second toll too
        if b.head.i == a.i and b.dep_ in _PARTICIPLE_LINKS and not _casualty(a):
            return True  # "ambushed ... and killed", "detonated ..., killing", "the bombing that killed"
        if (b.dep_ == "advcl" and b.tag_ == "VBG" and a.pos_ != "VERB" and a.dep_ in {"nsubj", "nsubjpass"}
                and a.head.i == b.head.i):  # fmt: skip
            return True  # "Israeli airstrikes hit the port, killing six": the toll of the strikes the verb tells
        for c in b.children:
            if c.dep_ in {"nsubj", "nsubjpass"} and c.i == a.i:
                return True  # "the blast killed 11"
            from_act = c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ in _FROM_ACT)
            if from_act and any(p.i == a.i for p in c.children if p.dep_ == "pobj"):
                return True  # "killed in a gun battle", "killed by the blast"
        return False
    if a.pos_ == "VERB" and b.pos_ != "VERB":
        if b.dep_ == "pobj" and b.head.lower_ == "of" and b.head.head.dep_ == "dobj" and b.head.head.head.i == a.i:
            return True  # "fought a series of clashes", "launched a wave of attacks": the verb's act, counted
        return b.head.i == a.i and b.dep_ == "nsubj"  # "a suicide bomber detonated ...": the bomber's act
    if a.pos_ != "VERB" and b.pos_ != "VERB":
        return (b.head.i == a.i and b.dep_ in {"compound", "conj"}) or (a.head.i == b.i and a.dep_ in {"compound", "conj"})
    return False


def _when_cause(a: Token, b: Token) -> bool:
    """``a`` is the act a casualty ``b`` came from, told in a "when" clause of it: "were killed when
    gunmen attacked the mosque" (one act: the attack that killed them)."""
    return (_casualty(b) and not _casualty(a) and a.dep_ == "advcl" and a.head.i == b.i
            and any(m.dep_ in {"mark", "advmod"} and m.lower_ == "when" and m.i < a.i for m in a.children))


def _rank(e: Event, tok: Token, told: set[int]) -> tuple[int, int, int, float]:
    """Which event of a cluster stays: one with a source, then a verb (what the clause reports; or
    the subject of a verb that is no trigger of the cluster: "airstrikes hit the port, killing
    six" tells the strikes), then the act over its toll."""
    verb = tok.pos_ == "VERB" or (tok.dep_ in {"nsubj", "nsubjpass"} and tok.head.pos_ == "VERB" and tok.head.i not in told)
    return (int(bool(e.source)), int(verb), int(not _casualty(tok)), e.confidence)


def one_attack(events: list[Event], toks: Sequence[Token]) -> list[Event]:
    """Fold the attack words of one act (see the module doc) into one event."""
    assaults = [i for i, e in enumerate(events) if e.event_type == "ASSAULT"]
    if len(assaults) < 2:
        return events
    at = {t.idx: t for t in toks}
    tok_of = {i: at[events[i].trigger.start] for i in assaults if events[i].trigger.start in at}
    parent = {i: i for i in tok_of}

    def find(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    for i, a in tok_of.items():
        for j, b in tok_of.items():
            # (a cause told with no one doing it is no act of its own: "wounded when a shell struck")
            if i != j and (_joined(a, b) or (_when_cause(a, b) and events[i].source)):
                parent[find(j)] = find(i)
    clusters: dict[int, list[int]] = {}
    for i in tok_of:
        clusters.setdefault(find(i), []).append(i)
    drop: set[int] = set()
    keep: dict[int, Event] = {}
    for members in clusters.values():
        if len(members) < 2:
            continue
        told = {tok_of[i].i for i in members}
        members.sort(key=lambda i: _rank(events[i], tok_of[i], told), reverse=True)
        best, rest = members[0], members[1:]
        e = events[best]
        source = e.source or next((events[i].source for i in rest if events[i].source), ())
        target = e.target or next((events[i].target for i in rest if events[i].target), ())
        # those a "when" clause's act killed are whom it was done to ("six soldiers were wounded
        # when gunmen fired on a boat": the soldiers)
        victims = [events[i].target for i in rest if _when_cause(tok_of[best], tok_of[i]) and events[i].target
                   and not any(a.entry_id.startswith("implied:") for a in events[i].target)]  # fmt: skip
        target = victims[0] if victims else target
        if source is not e.source or target is not e.target:
            how = dict(e.roles_how)
            how.update({r: "same-act" for r, new, old in (("source", source, e.source), ("target", target, e.target))
                        if new is not old})  # fmt: skip
            e = replace(e, source=source, target=target, roles_how=tuple(how.items()))
        keep[best] = e
        drop.update(rest)
    return [keep.get(i, e) for i, e in enumerate(events) if i not in drop]


# Prepositions that join an act to what it is about: "agree to", "proposal of", "talks on".
_CONTENT_PREPS = frozenset({"to", "of", "about", "on", "with"})
# The preposition that gives what someone is accused of: "accused X of attacks" (what someone is
# criticised or blamed "for" happened, and is coded: ``roles.reason_agent``).
_CHARGE_PREPS = frozenset({"of"})


def content_nouns(events: list[Event], toks: Sequence[Token]) -> list[Event]:
    """Drop the events of nouns that are another event's content (see the module doc)."""
    if len(events) < 2:
        return events
    at = {t.idx: t for t in toks}
    trigger_at = {e.trigger.start for e in events}
    accusing = {e.trigger.start for e in events if e.event_type == "ACCUSE"}

    def content(e: Event) -> bool:
        tok = at.get(e.trigger.start)
        if tok is None or tok.pos_ != "NOUN":
            return False
        head = tok.head
        if tok.dep_ == "pobj" and head.dep_ == "prep":
            if (head.lower_ in _CHARGE_PREPS and head.head.dep_ == "dobj" and head.head.head.idx in accusing
                    and head.head.head.pos_ == "VERB"):  # fmt: skip
                return True  # "accused the militia of attacks": the parse hung the charge on the accused
            if head.lower_ not in _CONTENT_PREPS:
                return False
            head = head.head
        elif tok.dep_ == "dobj" and e.event_type == "ACCUSE" and head.dep_ == "conj" and head.head.idx in accusing:
            # "summoned the envoy and handed him a note of protest": the note is the protest the
            # summons already makes
            return True
        elif tok.dep_ != "compound":
            return False  # a passive subject is answered, not content: "the deal was welcomed"
        return head.i != tok.i and head.idx in trigger_at

    return [e for e in events if not content(e)]


def one_criticism(events: list[Event]) -> list[Event]:
    """One criticism of one party by another per sentence: "condemned the sanctions, describing
    them as interference", "accused Yerevan of ... and said Armenia had never ..." are one act told
    twice (the codebook's one event); the first one found by its own verb stays, a criticism read
    off what was said ("said", roles ``reported``) only where no verb told it. (Parties are read as
    the rules found them: a target the learned model gives later is not compared here.)"""
    accusations = [e for e in events if e.event_type == "ACCUSE" and e.source and e.target]
    if len(accusations) < 2:
        return events

    def parties(e: Event) -> tuple[frozenset[str], frozenset[str]]:
        return frozenset(a.country for a in e.source), frozenset(a.country for a in e.target)

    def read_off_speech(e: Event) -> bool:
        return dict(e.roles_how).get("target") == "reported"

    kept: dict[tuple[frozenset[str], frozenset[str]], Event] = {}
    for e in sorted(accusations, key=lambda e: (read_off_speech(e), e.trigger.start)):
        kept.setdefault(parties(e), e)
    dropped = {id(e) for e in accusations if kept[parties(e)] is not e}
    return [e for e in events if id(e) not in dropped]


# Sentences after a headline where its acts are told again.
HEADLINE_LEAD = 3


def without_headline_repeats(events: Sequence[Event], lead_start: int) -> list[Event]:
    """A headline kept in the text ("Dozens killed as RSF fighters storm camp") tells the acts its
    lead tells again: an act of the headline with an act of its type in the lead's first
    ``HEADLINE_LEAD`` sentences, parties in common or none named, is that act, not another.
    ``lead_start``: where the lead starts (0: no headline)."""
    if not lead_start:
        return list(events)
    head = [e for e in events if e.trigger.start < lead_start]
    if not head:
        return list(events)
    first = min((e.sentence_index for e in events if e.trigger.start >= lead_start), default=None)
    if first is None:
        return list(events)
    lead = [e for e in events if e.trigger.start >= lead_start and e.sentence_index < first + HEADLINE_LEAD]

    def parties(e: Event) -> set[str]:
        return {a.country for a in (*e.source, *e.target) if a.country}

    def told_again(h: Event) -> bool:
        return any(e.event_type == h.event_type and (not parties(h) or not parties(e) or parties(h) & parties(e)) for e in lead)

    return [e for e in events if e.trigger.start >= lead_start or not told_again(e)]
