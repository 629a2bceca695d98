"""Criticism and demands carried by reported speech.

"Shoigu reported to Putin that neither the Syrian forces nor the Iranian forces took advantage of
the raids", "He said the Syrian and Iranian forces ignored the opportunity": a speaker who reports
that a third party failed to act, refused or ignored something criticises that party. The speech
act itself is the event (ACCUSE, CAMEO 112 "accuse", mode "allege"), source the speaker, target the
party of the reported clause; it happened even when the reported act did not.

Likewise "Russia said that Sudan must return the helicopter": a speaker saying what another party
must or should do makes a demand (REQUEST; CAMEO 10 for must / have to, 02 for should).

A warning is a threat only when it announces something of the speaker's own: "Ankara is warning it
could turn to Moscow", "warned Washington of severe consequences", "warned that the bases are at
risk if ...". Warning that another party's conduct will do harm criticises that party ("warned that
the government's actions would divide the country": ACCUSE); a warning about how things will go
("warned that the fire is too big to put out", "warned of a possible resurgence") is a forecast, no
event (``warning_content``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from spacy.tokens import Token

from ..records import Actor
from .attribution import speaker_of
from .draft import Draft, Recoded, SentenceContext
from .matching import criticism_words, holds_criticism
from .modality import factuality
from .pronouns import quotation_speaker, quoted_words
from .roles import actors_under, misread_passive, patient_owner, phrase_actors

# Verbs that report; "claim" and "allege" included, "believe" and "think" are not speech acts.
REPORT_VERBS = frozenset({"say", "report", "tell", "state", "claim", "complain", "charge", "allege",
                          "announce", "note", "add", "write", "insist", "stress", "declare", "warn",
                          "reiterate", "conclude", "repeat", "emphasize", "emphasise", "argue", "rule", "determine",
                          "tweet", "post"})  # fmt: skip
MUST = frozenset({"must", "ought"})
SHOULD = frozenset({"should"})
# Reported acts that are non-cooperation in themselves.
FAILURE_LEMMAS = frozenset({"ignore", "refuse", "fail", "neglect", "reject", "abandon", "betray",
                            "sabotage", "obstruct", "snub", "disregard", "violate", "breach"})  # fmt: skip



def _countries(actors: Sequence[Actor]) -> set[str]:
    return {a.country for a in actors if a.country}


def reported_criticism(
    sent: Sequence[Token], actor_at: dict[int, Actor], author: Callable[[Token, list[Actor]], list[Actor]] | None = None
) -> list[tuple[Token, list[Actor], list[Actor]]]:
    """(speech verb, speakers, criticised) for each criticism found in the sentence. A condemned act
    that names no party ("said the arrests were illegal", "'This is a baseless case,' he said")
    criticises whoever did it: ``author`` finds them (the act the story told)."""
    found: list[tuple[Token, list[Actor], list[Actor]]] = []
    for verb in sent:
        if verb.lemma_.lower() not in REPORT_VERBS or verb.pos_ not in {"VERB", "AUX"}:
            continue
        speaker = speaker_of(verb)
        speakers = actors_under(speaker, actor_at) if speaker is not None else []
        if not speakers:
            continue
        criticised: list[Actor] = []
        for clause in (c for c in verb.children if c.dep_ == "ccomp"):
            for pred in [clause, *(c for c in clause.children if c.dep_ == "conj" and c.pos_ == "VERB")]:
                # "failed", "tried to sabotage", "keeps obstructing"
                tried = [c for c in pred.children if c.dep_ == "xcomp" and c.pos_ == "VERB"]
                negative = ((factuality(pred) == "negated" and not _foretold(pred) and _acts(pred))
                            or any(v.lemma_.lower() in FAILURE_LEMMAS for v in [pred, *tried]) or _condemns(pred))
                # (a clause standing as the subject names its doer: "what China is doing is bullying")
                subj = speaker_of(pred) or next((c for c in pred.children if c.dep_ == "csubj"), None)
                if not negative or subj is None:
                    continue
                # ("a pilot held hostage by rebels was released": the agent did it, not the pilot)
                named = phrase_actors(pred, ("by",), actor_at) if misread_passive(pred, actor_at) else actors_under(subj, actor_at)
                if not named and subj.pos_ == "NOUN":
                    # "the flight by two Russian bombers was a provocation": who did the act named
                    named = phrase_actors(subj, ("by",), actor_at)
                # "his detention was arbitrary": the detained man suffered the act, whoever did it
                # is criticised
                suffered = patient_owner(subj, named) if subj.pos_ == "NOUN" else []
                named = [a for a in named if a not in suffered]
                if not named and author is not None and _condemns(pred):
                    named = author(subj, speakers)
                for a in named:
                    if a not in criticised:
                        criticised.append(a)
            # "Israel's heinous attacks must stop": a condemning word on another party's act
            criticised.extend(a for a in _condemned_owners(clause, actor_at) if a not in criticised)
            # "said the attack was ordered by Russian military intelligence", "said Moscow was
            # behind the sabotage": an act of force laid at another party's door
            criticised.extend(a for a in _blamed(clause, actor_at) if a not in criticised)
        own = _countries(speakers)
        criticised = [a for a in criticised if a.country and a.country not in own]
        if criticised:
            found.append((verb, speakers, criticised))
    return found


# Verbs by which a party is said to have set an act going: "was ordered by", "was orchestrated by"
# (and "was carried out by").
INSTIGATING_VERBS = frozenset({"order", "orchestrate", "direct", "mastermind", "plan", "finance", "fund", "sponsor",
                               "commission", "perpetrate", "instigate", "organize", "organise"})  # fmt: skip
# Nouns of hostile acts a speaker may lay at someone's door.
HOSTILE_ACT_NOUNS = frozenset({"attack", "attacks", "bombing", "sabotage", "arson", "cyberattack", "hack", "hacking",
                               "assassination", "killing", "plot", "strike", "raid", "explosion", "blast",
                               "ambush", "massacre", "abduction", "kidnapping", "operation", "incursion"})  # fmt: skip


def _blamed(clause: Token, actor_at: dict[int, Actor]) -> list[Actor]:
    """Who the reported clause says set a hostile act going: the agent of "the attack was ordered
    by X" (a passive of ``INSTIGATING_VERBS`` whose subject names a hostile act), or the subject of
    "X was behind the attack"."""
    subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
    carried_out = clause.lemma_.lower() == "carry" and any(c.dep_ == "prt" and c.lower_ == "out" for c in clause.children)
    passive = any(c.dep_ == "auxpass" for c in clause.children)
    if (clause.lemma_.lower() in INSTIGATING_VERBS or carried_out) and passive and any(
            s.lemma_.lower() in HOSTILE_ACT_NOUNS for s in subjects):  # fmt: skip
        return phrase_actors(clause, ("by",), actor_at)
    if clause.lemma_ == "be":
        behind = [o for p in clause.children if p.dep_ == "prep" and p.lower_ == "behind" for o in p.children]
        if any(o.lemma_.lower() in HOSTILE_ACT_NOUNS for o in behind):
            return [a for s in subjects for a in actors_under(s, actor_at)]
    return []


def _condemned_owners(clause: Token, actor_at: dict[int, Actor]) -> list[Actor]:
    """Owners of what the reported clause calls by a condemning word placed before it ("Israel's
    heinous attacks", "the regime's brutal crackdown"): the speaker condemns their act."""
    words, _ = criticism_words()
    out: list[Actor] = []
    for noun in clause.subtree:
        if noun.pos_ != "NOUN" or not any(c.dep_ == "amod" and (c.lemma_.lower() in words or c.lower_ in words)
                                          for c in noun.children):  # fmt: skip
            continue
        for owner in (c for c in noun.children if c.dep_ == "poss"):
            out.extend(a for a in actors_under(owner, actor_at) if a not in out)
    return out


# Verbs of a state, not an act: "do not have much influence" finds no fault.
STATE_VERBS = frozenset({"have", "be", "need", "know", "seem", "appear", "exist", "remain", "matter"})


# Verbs of opposing, blocking or harming: not doing one is no failure ("did not oppose the package").
OPPOSING_VERBS = frozenset({"oppose", "block", "reject", "veto", "object", "resist", "obstruct", "refuse", "deny",
                            "criticize", "criticise", "condemn", "attack", "threaten", "hinder", "challenge",
                            "contest", "dispute", "boycott", "sabotage", "undermine", "violate", "breach"})  # fmt: skip


def _acts(pred: Token) -> bool:
    """The reported clause tells something its subject does that it should have done: not a state
    ("do not have influence"), not what is done to it ("is not allowed to leave"), not an act of
    opposing ("did not oppose the package")."""
    return (pred.lemma_.lower() not in STATE_VERBS | OPPOSING_VERBS
            and not any(c.dep_ in {"nsubjpass", "auxpass"} for c in pred.children))  # fmt: skip


# Modals under which "not" tells what a party will, would or should not do: a refusal foretold or
# advice ("said Sweden should not expect support", "said Russia would not attend"), no fault found.
FORETELLING = frozenset({"will", "would", "shall", "should", "must", "ought", "'ll", "wo"})


def _foretold(pred: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in FORETELLING for c in pred.children)


# Verbs by which a party names something in its own words ("what it called a provocation", "what
# officials described as an attack", "which Beijing says is illegal").
WORDING_VERBS = frozenset({"call", "describe", "term", "dub", "label", "brand", "characterize", "characterise",
                           "say", "claim", "allege"})  # fmt: skip


def _condemns(pred: Token) -> bool:
    """The reported clause says its subject is or did something condemnable ("Berisha was involved
    in corrupt acts", "the raids were illegal"): a condemning word (``data/criticism.json``) in the
    predicate, outside the subject and outside a clause joined to it."""
    subject = {t.i for c in pred.children if c.dep_ in {"nsubj", "nsubjpass"} for t in c.subtree}
    # (nor a clause joined to it with a subject of its own: "X was an internal matter and that no
    # country had the right to interfere" says nothing condemnable of X)
    subject |= {t.i for c in pred.children if c.dep_ == "conj" and any(g.dep_ in {"nsubj", "nsubjpass"} for g in c.children)
                for t in c.subtree}  # fmt: skip
    # nor the words of another inside it: "summoned the envoy to protest what it called a dangerous
    # attack" condemns the attack in the summoner's words, not the summoner
    subject |= {t.i for v in pred.subtree if v.i != pred.i and v.lemma_.lower() in WORDING_VERBS
                and any(g.dep_ in {"nsubj", "nsubjpass"} for g in v.children) for t in v.subtree}  # fmt: skip
    return holds_criticism([t for t in list(pred.subtree)[:20] if t.i not in subject], forms=False) or _denied_approval(pred)


# Words that approve of what they are said of: denied ("the suspension was not acceptable", "this
# case is not legal"), they condemn it.
APPROVING = frozenset({"acceptable", "justified", "justifiable", "legitimate", "legal", "lawful", "fair",
                       "appropriate", "proportionate", "proportional", "helpful", "constructive"})  # fmt: skip


def _denied_approval(pred: Token) -> bool:
    """The reported clause denies its subject an approving word: "was not acceptable", "is not
    legal", "are in no way justified"."""
    if pred.lower_ in APPROVING and any(c.dep_ == "auxpass" for c in pred.children):
        words = [pred]  # "was not justified", parsed as a passive
    elif pred.lemma_ == "be":
        words = [c for c in pred.children if c.dep_ in {"acomp", "attr"} and c.lower_ in APPROVING]
    else:
        return False
    return bool(words) and any(c.dep_ == "neg" for w in (pred, *words) for c in w.children)


# "must understand", "should know": what a speaker says another must grasp is no act asked of them.
COGNITION_VERBS = frozenset({"understand", "know", "realize", "realise", "remember", "recognize", "recognise"})


def _obligation(pred: Token) -> str:
    """"10" when the clause says its subject must do something, "02" for should, "" otherwise. A
    passive ("the border should be extended") or a thought ("must understand") asks no one to act;
    "may have to" weighs a possibility."""
    if pred.lemma_.lower() in COGNITION_VERBS or any(c.dep_ == "auxpass" for c in pred.children):
        return ""
    if any(c.dep_ == "aux" and c.lower_ in {"may", "might", "could"} for c in pred.children):
        return ""
    if pred.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ == "have" for c in pred.children):
        return ""  # "should not have spent a day in prison" faults what was done, asks nothing
    for child in pred.children:
        if child.dep_ == "aux" and child.lower_ in MUST:
            return "10"
        if child.dep_ == "aux" and child.lower_ in SHOULD:
            return "02"
    # "has to return", "needs to allow": the obligation verb heads the clause
    # ("will have to look for alternatives" foretells what the speaker's side will do)
    if (pred.lemma_ in {"have", "need"} and any(c.dep_ == "xcomp" for c in pred.children)
            and not any(c.dep_ == "aux" and c.lower_ in FORETELLING for c in pred.children)):  # fmt: skip
        return "10"
    return ""


FIRST_PERSON = frozenset({"we", "i"})


def _party(subj: Token, actor_at: dict[int, Actor]) -> bool:
    """The subject of an obliged clause names a party, not a thing an actor owns ("its border
    should ...", "their borders must ...")."""
    return subj.i in actor_at or any(c.i in actor_at for c in subj.children if c.dep_ in {"compound", "amod", "conj"})


def reported_demands(sent: Sequence[Token], actor_at: dict[int, Actor]) -> list[tuple[Token, Token, str, list[Actor], list[Actor]]]:
    """(speech verb, obliged verb, CAMEO code, speakers, addressees) for each "X said Y must ..." in
    the sentence."""
    found: list[tuple[Token, Token, str, list[Actor], list[Actor]]] = []
    for verb in sent:
        if verb.lemma_.lower() not in REPORT_VERBS or verb.pos_ not in {"VERB", "AUX"}:
            continue
        speaker = speaker_of(verb)
        speakers = actors_under(speaker, actor_at) if speaker is not None else []
        for clause in (c for c in verb.children if c.dep_ == "ccomp"):
            code = _obligation(clause)
            subj = speaker_of(clause)
            if not code or subj is None or subj.lower_ in FIRST_PERSON:
                continue  # "we must protect our borders": the speaker's side obliges itself, asks no one
            if not _party(subj, actor_at):
                continue
            addressees = [a for a in actors_under(subj, actor_at) if a not in speakers]
            if addressees:  # "X said Y must ...": a demand on Y; "you must ..." to no one named is none
                found.append((verb, clause, code, speakers, addressees))
                break
    return found


def quoted_demands(sent: Sequence[Token], actor_at: dict[int, Actor]) -> list[tuple[Token, str, list[Actor], list[Actor]]]:
    """(obliged verb, CAMEO code, speakers, addressees) for each quoted "Y must ..." that no verb of
    saying in the sentence takes as its clause ('"The government must free them," she said' is
    ``reported_demands``'): '"The junta should not send these people back." ... the envoy said',
    '"... then they must stop shelling our towns," he told reporters' with the clause misparsed.
    The speaker is the subject of the sentence's verb of saying outside the quotation, else whoever
    the quotation is the words of (``quotation_speaker``)."""
    quoted = quoted_words(sent)
    if not quoted:
        return []
    found: list[tuple[Token, str, list[Actor], list[Actor]]] = []
    speakers: list[Actor] | None = None
    for pred in sent:
        if pred.i not in quoted or pred.pos_ not in {"VERB", "AUX"}:
            continue
        if pred.dep_ == "ccomp" and pred.head.lemma_.lower() in REPORT_VERBS:
            continue  # "X said Y must ...": a reported demand
        # (quoted, a modal only: "they have to come back" tells a rule; nor a state: "it should be on our minds")
        modal = any(c.dep_ == "aux" and c.lower_ in MUST | SHOULD for c in pred.children)
        code = _obligation(pred) if modal and pred.lemma_ != "be" else ""
        subj = speaker_of(pred) if code else None
        if subj is None or subj.i not in quoted or subj.lower_ in FIRST_PERSON | {"you"}:
            continue
        if not _party(subj, actor_at):
            continue
        if speakers is None:
            speakers = _quote_speakers(sent, quoted, actor_at)
        addressees = [a for a in actors_under(subj, actor_at) if a not in speakers]
        if speakers and addressees:
            found.append((pred, code, speakers, addressees))
    return found


def _quote_speakers(sent: Sequence[Token], quoted: set[int], actor_at: dict[int, Actor]) -> list[Actor]:
    """The subject of a verb of saying outside the quotation, else whose words the quotation is."""
    for verb in sent:
        if verb.i not in quoted and verb.lemma_.lower() in REPORT_VERBS and verb.pos_ in {"VERB", "AUX"}:
            speaker = speaker_of(verb)
            if speaker is not None and speaker.i not in quoted:
                return actors_under(speaker, actor_at)
    return quotation_speaker(sent, actor_at)


# Pronoun subjects that can be the speaker announcing its own act ("it could turn to Moscow").
OWN_PRONOUNS = frozenset({"we", "i", "it", "they", "he", "she"})
COPULAS = frozenset({"be", "seem", "remain", "become"})


def _announces_own_act(clause: Token, own: set[str], actor_at: dict[int, Actor]) -> bool:
    """The warned clause has the speaker (or a pronoun that can be it) doing something, or names
    the condition of a consequence ("... are at risk if Turkey is sanctioned")."""
    if any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in {"if", "unless"} for m in c.children)
           for c in clause.subtree):  # fmt: skip
        return True
    subj = speaker_of(clause)
    if subj is None:
        return False
    if subj.lower_ in OWN_PRONOUNS:
        return clause.lemma_.lower() not in COPULAS  # "it is too big to put out" says how things are
    return bool(own) and bool(_countries(actors_under(subj, actor_at)) & own)


def _subject_actors(clause: Token, ctx: SentenceContext) -> list[Actor]:
    """Actors the clause's subject names, countries named as places among them ("trade between Iran
    and Venezuela is dangerous"), also inside a clausal subject ("expanding cooperation between
    Russia and North Korea is dangerous")."""
    found: list[Actor] = []
    for s in clause.children:
        if s.dep_ in {"nsubj", "nsubjpass", "csubj"}:
            found += [a for t in s.subtree for a in (ctx.actor_at.get(t.i) or ctx.latent_at.get(t.i),)
                      if a is not None and a not in found and not _where(t)]  # fmt: skip
    return found


def _where(tok: Token) -> bool:
    """A place named after "in", "across" or "throughout" says where, not who: "food insecurity in
    Haiti could reach famine levels" names no party."""
    return tok.dep_ == "pobj" and tok.head.lower_ in {"in", "across", "throughout", "inside"}


def _any_act(clause: Token, ctx: SentenceContext) -> bool:
    """The clause's subject is "any" act of force ("any attack on Niger would ..."): a condition on
    others, whoever they are, that a warning answers with a threat of its own (not "any deal must
    not reward aggression": a deal is no blow to answer)."""
    return any(s.dep_ in {"nsubj", "nsubjpass"} and any(d.lower_ in ("any", "every") and d.dep_ == "det" for d in s.children)
               and (e := ctx.triggers.match(s.lemma_.lower(), "NOUN")) is not None and e.quad_class == 4
               for s in clause.children)  # fmt: skip


# Nouns a warned clause makes its subject, threatening force on it: "would be legitimate targets".
TARGET_NOUNS = frozenset({"target", "objective"})


# Verbs that make their subject something ("would be considered", "treated as") and nouns of what
# a party is made to suffer for what it does ("or face consequences").
MAKING_VERBS = frozenset({"be", "consider", "treat", "regard", "deem", "view", "see"})
CONSEQUENCE_NOUNS = frozenset({"consequence", "retaliation", "reprisal", "response", "punishment"})


def _made_a_target(clause: Token) -> bool:
    """The warned clause says its subject will be a target ("X would be legitimate targets", "would
    be considered a legitimate target", "would be treated as a military target") or face
    consequences ("must release everyone or face consequences")."""
    lemma = clause.lemma_.lower()
    if lemma in MAKING_VERBS:
        made = [c for c in clause.children if c.dep_ in {"attr", "oprd", "dobj"}]
        made += [o for p in clause.children if p.dep_ == "prep" and p.lower_ == "as" for o in p.children if o.dep_ == "pobj"]
        if any(m.lemma_.lower() in TARGET_NOUNS for m in made):
            return True
    # (read on the words: the parser may take "or face" for a noun)
    doc = clause.doc
    return any(t.lower_ in {"face", "faces"} and any(w.lemma_.lower() in CONSEQUENCE_NOUNS for w in doc[t.i + 1 : t.i + 4])
               for t in clause.subtree)  # fmt: skip


def warning_content(d: Draft, ctx: SentenceContext) -> None:
    """What a plain warning (the generic "warn" entry) says decides what it is: a threat of the
    speaker's own, criticism of another party, or a forecast that is no event."""
    tok = d.tok
    if d.type != "THREATEN" or tok.pos_ != "VERB" or tok.lemma_.lower() != "warn" or d.entry.cameo != "130":
        return
    own = _countries(d.source)
    # "warning Washington of severe consequences", "warned Moscow against": an addressee named
    if any(c.dep_ in {"dobj", "dative"} and actors_under(c, ctx.actor_at) for c in tok.children):
        return
    for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ in {"against", "to"}):
        if any(actors_under(p, ctx.actor_at) for p in prep.children if p.dep_ == "pobj"):
            return
        if prep.lower_ == "against" and any((p.dep_ == "pcomp" or p.tag_ == "VBG") and p.lemma_.lower() in ctx.lemma_set
                                            for p in prep.children):  # fmt: skip
            # "warned European governments against sending troops": an act warned against, no
            # forecast; aimed at whom it addresses, not at those the act would move
            d.target = [a for c in tok.children if c.dep_ in {"dobj", "dative"} for a in actors_under(c, ctx.actor_at)]
            d.how["target"] = "object" if d.target else ""
            return
    # the warned clause; the parser sometimes hangs it on a word above ("with X warning that ...")
    clauses = [c for c in tok.children if c.dep_ == "ccomp"] or [
        c for c in tok.sent if c.dep_ == "ccomp" and c.left_edge.i == tok.i + 1]
    if any(_announces_own_act(c, own, ctx.actor_at) for c in clauses):
        return
    if any(_any_act(c, ctx) for c in clauses):
        return  # "warned that any attack on Niger would be a declaration of war": what they will do if
    others = list(dict.fromkeys(a for c in clauses for a in _subject_actors(c, ctx) if a.country and a.country not in own))
    if own and others and any(_made_a_target(c) for c in clauses):
        # "warned that all ships linked to Israel would be legitimate targets": a threat of force
        d.target, d.how["target"] = others, "warned-about"
        return
    if own and others:  # "warned that the government's actions would divide the country"
        d.recode(Recoded.of("ACCUSE", "111", "disapprove", d.entry.weight))
        d.target, d.how["target"] = others, "warned-about"
        return
    d.dropped = True  # a forecast: "officials warn it is too big to put out"
