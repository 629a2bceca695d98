"""Factuality of a trigger: asserted, negated, hypothetical (counterfactual, conditional) or future.

Events are never dropped for their modality; they keep a flag and are never counted as having
happened. The rules read the dependency parse: the trigger's own auxiliaries and negations, then
the chain of clauses that govern it ("try to reach", "demand that Iran send", "in order to").
"""

from __future__ import annotations

from spacy.tokens import Token

from ..records import Factuality
from .venue import past_tense

NEGATORS = frozenset({"not", "n't", "never", "no", "neither", "nor", "without", "nobody", "none"})
HYPOTHETICAL_AUX = frozenset({"could", "would", "might", "may", "should", "must", "ought", "'d"})
# What someone is able or allowed to do is no act that happened ("they can appeal", "the prison can
# hold only 130"): "can" on the trigger's own verb. Not from a clause above it: "we can still hear
# them fighting" perceives fighting that happens. ("cannot" is negated first, by its "not".)
ABILITY_AUX = frozenset({"can"})
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
# Predicates whose complement has not happened (yet): the complement is wanted, feared, planned.
FUTURE_PREDICATES = frozenset({
    "try", "want", "plan", "intend", "seek", "hope", "aim", "attempt", "prepare", "expect", "threaten",
    "vow", "pledge", "promise", "propose", "offer", "consider", "mull", "wish", "seem", "agree",
    "ask", "urge", "demand", "request", "call", "press", "push", "appeal", "need", "struggle",
    "be", "going", "likely", "ready", "willing", "set", "due", "eager", "determined", "able", "prepared",
    "plot", "conspire", "scheme", "require", "oblige", "obligate",
})  # fmt: skip
HYPOTHETICAL_PREDICATES = frozenset({"fear", "worry", "suspect", "imagine", "suppose", "if", "unless",
                                     "risk", "warn", "possible", "chance"})  # fmt: skip
# Verbs that keep their object from an act ("barred X from entering", "blocked X from deporting"):
# X is who would act, and the act is not done.
PREVENTING_VERBS = frozenset({"bar", "ban", "block", "prevent", "prohibit", "stop", "keep", "deter", "restrain",
                              "forbid", "exclude", "discourage", "dissuade", "disqualify"})  # fmt: skip
NEGATIVE_PREDICATES = frozenset({"refuse", "fail", "decline", "avoid", "stop", "cease", "deny",
                                 "reject", "forbid", "prevent", "neglect", "ignore"})  # fmt: skip
# Verbs of holding back from an act ("refrained from responding"): the act is not done.
ABSTAINING_VERBS = frozenset({"refrain", "abstain", "desist"})


def _held_back(prep: Token) -> bool:
    """``prep`` is the "from" of a verb of holding back or the "of" of "stopped/fell short"."""
    verb = prep.head
    if prep.lower_ == "from":
        return verb.lemma_.lower() in ABSTAINING_VERBS
    if prep.lower_ != "of":
        return False
    if verb.lower_ == "short":  # "stopped short of": the parse may hang "of" on "short"
        verb = verb.head
        return verb.lemma_.lower() in {"stop", "fall"}
    return verb.lemma_.lower() in {"stop", "fall"} and any(c.lower_ == "short" for c in verb.children)
# Nouns whose complement is intended, not done: "an attempt to prevent", "a plan to attack".
FUTURE_NOUNS = frozenset({"attempt", "bid", "effort", "plan", "intention", "threat", "demand", "request",
                          "call", "proposal", "offer", "promise", "hope", "aim", "goal", "readiness",
                          "pledge", "plot", "push", "drive"})  # fmt: skip
# Adjectives that put a noun's act ahead: "the upcoming talks", "a planned visit".
FUTURE_ADJECTIVES = frozenset({"upcoming", "planned", "proposed", "scheduled", "forthcoming", "prospective",
                               "impending", "intended", "expected", "future"})  # fmt: skip
# Verbs by which the act a noun names happens: "the talks took place", "talks will resume".
OCCURRENCE_VERBS = frozenset({"take", "begin", "start", "resume", "open", "happen", "occur", "continue", "hold",
                              "go", "proceed", "convene", "end", "conclude"})  # fmt: skip
# Verbs that introduce reported speech: their complement keeps its own factuality.
SPEECH_VERBS = frozenset({"say", "report", "tell", "state", "claim", "add", "announce", "note", "confirm",
                          "reveal", "disclose", "believe", "think", "write", "explain",
                          "acknowledge", "admit", "know", "learn", "show", "indicate", "argue", "testify",
                          "quote", "stress", "emphasise", "emphasize", "declare", "mention"})  # fmt: skip
# "decided to dispatch", "ordered ... to pull out": the complement is taken as done when reported.
COMMIT_VERBS = frozenset({"decide", "order", "instruct", "command", "begin", "start", "continue",
                          "manage", "resume", "move", "go", "come", "help", "keep", "choose", "use"})  # fmt: skip

CONDITIONED_CONTENT = frozenset({"ask", "urge", "warn", "threaten", "demand", "call", "request", "appeal",
                                 "tell", "say", "promise", "pledge", "vow", "offer", "wonder", "question"})
# Finite verb forms: past and present tense, which carry their own time and polarity.
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})
_CLAUSE_LINKS = frozenset({"xcomp", "ccomp", "advcl", "conj", "acl", "pcomp", "prep", "acomp"})


def _no_longer(tok: Token) -> bool:
    """"will no longer recognise", "no more supports": the "no" hangs on the adverb, not the verb."""
    return any(c.dep_ == "advmod" and c.lower_ in {"longer", "more"} and any(g.lower_ == "no" for g in c.children)
               for c in tok.children)  # fmt: skip


def negator(child: Token) -> bool:
    """A "not" or "n't" that negates its head: "not only ... but also", "not just ... but" adds
    rather than denies."""
    if child.dep_ != "neg":
        return False
    nxt = child.nbor(1) if child.i + 1 < len(child.doc) else None
    return nxt is None or nxt.lower_ not in {"only", "just", "merely", "simply"}


def _no_det(tok: Token) -> bool:
    """A noun determined by "no": "made no arrests", "no talks were held", "has no plans to"."""
    return any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children)


def _own_status(tok: Token, trigger: bool = False) -> Factuality | None:
    """The status marked on the token's own clause: its auxiliaries and negation (``trigger``: the
    clause is the trigger's own, where an ability is no act either)."""
    children = list(tok.children)
    for child in children:
        if negator(child) or (child.dep_ in {"preconj", "advmod", "det"} and child.lower_ in {"never", "neither"}):
            return "negated"
    if _no_longer(tok) or (tok.pos_ in {"NOUN", "PROPN"} and _no_det(tok)):
        return "negated"
    if trigger and tok.pos_ == "VERB" and any(c.dep_ == "dobj" and (_no_det(c) or c.lower_ == "nothing") for c in children):
        return "negated"  # "offered no evidence", "poses no threat", "caused no casualties", "agreed nothing"
    if tok.pos_ == "NOUN" and tok.dep_ in {"nsubj", "nsubjpass"} and any(c.dep_ == "det" and c.lower_ == "any" for c in children):
        return "hypothetical"  # "any attack on Niger would be ...", "any effort to stop the boats will ...": if one comes
    if any(c.dep_ == "mark" and c.lower_ == "whether" for c in children):
        return "hypothetical"  # "has not said whether it will agree", "unclear whether X would send": a question
    for child in children:
        low = child.lower_
        if child.dep_ in {"aux", "auxpass"}:
            if low in {"would", "'d"} and _reported_future(tok):
                return "future"
            if low in HYPOTHETICAL_AUX or (trigger and low in ABILITY_AUX):
                return "hypothetical"
            if low in FUTURE_AUX:
                return "future"
    # a condition on the clause itself: "if the judge rules against him, he appeals" (a "will" or a
    # modal above has spoken first: "will respond if attacked" is a future); a condition on a demand,
    # a warning or a question is on what is asked or warned of ("urged them to stop if they want to
    # stay", "warned of consequences if ...", "asked if they could"): the asking happened
    if tok.lemma_.lower() not in CONDITIONED_CONTENT and any(c.dep_ == "advcl" and _if_clause(c) for c in children):
        return "hypothetical"
    # "neither the Syrian forces nor the Iranian forces took ...", "neither side agreed to ...",
    # "neither of them signed" mark the subject, not the verb.
    for child in tok.children:
        if child.dep_ in {"nsubj", "nsubjpass"} and any(
            g.dep_ in {"preconj", "det"} and g.lower_ == "neither" for g in child.children
        ):
            return "negated"
        if child.dep_ in {"nsubj", "nsubjpass"} and (
            child.lower_ in {"nobody", "none", "nothing", "neither"} or _no_det(child)
        ):
            return "negated"
    # "going to attack", "is to visit"
    return None


# Verbs that take a stance on what their object names: the act is there to be taken a stance on
# ("would not tolerate Tehran's military support", "did not condemn the raids": the support and
# the raids happened), whatever the stance or its negation.
STANCE_VERBS = frozenset({"tolerate", "accept", "condone", "welcome", "condemn", "denounce", "criticize",
                          "criticise", "deplore", "decry", "praise", "applaud", "acknowledge", "regret",
                          "ignore", "overlook", "excuse", "forgive"})  # fmt: skip


# Speech verbs by which the act their object names is done: announcing sanctions imposes them, so
# not announcing them imposes none ("did not announce a pledge") and announcing them tomorrow is
# ahead; what one confirms or reports is there whatever is said of it.
ANNOUNCING_VERBS = frozenset({"announce", "declare", "unveil"})


# Verbs whose object is an act made ready, not yet done: "is preparing new sanctions", "planned an
# offensive", "drafted a resolution".
PREPARING_VERBS = frozenset({"prepare", "plan", "draft", "ready", "readie", "plot"})


# Verbs whose object is there to be acted on, whatever the verb's own status: "would not affect its
# agreement with Ethiopia", "would undermine the talks", "cannot implement the agreement" (the
# agreement and the talks are not thereby refused, planned or supposed).
PRESUPPOSING_VERBS = frozenset({"affect", "undermine", "jeopardize", "jeopardise", "endanger", "derail", "hamper",
                                "hinder", "complicate", "mitigate", "implement", "violate", "breach", "respect",
                                "honor", "honour", "overshadow", "dilute"})  # fmt: skip


# Conjunctions that open a clause of time or cause, never a main clause.
SUBORDINATORS = frozenset({"after", "before", "since", "as", "when", "while", "once", "until", "because"})


def misread_main(head: Token) -> bool:
    """The parse made a clause of time its root and hung the main clause under it ("Israeli
    aircraft struck sites on Tuesday, state media said, hours after Netanyahu demanded ...":
    struck <- demanded): the root opens with "after", "when", "because" ..."""
    return head.dep_ == "ROOT" and any(c.dep_ == "mark" and c.lower_ in SUBORDINATORS for c in head.children)


def _will(verb: Token) -> bool:
    """An auxiliary puts the verb ahead: "will", "shall", or "would" ("said it would not ...")."""
    return any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX | {"would", "'d"} for c in verb.children)


def _names_it(verb: Token) -> bool:
    """"called the talks productive", "called the raid a crime": a verb that names or describes its
    object speaks of an act that took place; it is no call for one."""
    return verb.lemma_.lower() == "call" and any(c.dep_ in {"oprd", "ccomp", "xcomp", "acomp"} for c in verb.children)


def _denied(pred: Token) -> bool:
    """The predicate is negated on its own clause or, for an adjective, on its copula ("is not
    willing")."""
    if _own_status(pred) == "negated":
        return True
    return pred.dep_ == "acomp" and pred.head.i != pred.i and _own_status(pred.head) == "negated"


# Verbs through which a subject takes part in an act named after a preposition: "take part in the
# talks", "participate in the summit", "engaged in negotiations", "embarked on a tour".
PARTAKING_VERBS = frozenset({"take", "participate", "join", "engage", "embark", "enter"})


def partaking_verb(noun: Token) -> Token | None:
    """The verb by which the noun's act is taken part in, or None."""
    head = noun.head
    if noun.dep_ != "pobj" or head.dep_ != "prep" or head.lower_ not in {"in", "on", "into"}:
        return None
    verb = head.head
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in PARTAKING_VERBS or verb.i == head.i:
        return None
    if verb.lemma_.lower() == "take" and not any(c.dep_ == "dobj" and c.lemma_.lower() == "part" for c in verb.children):
        return None  # "took the town in an assault" is no taking part
    return verb


def _going_to(verb: Token) -> bool:
    """"is going to", "are going to": the future told with "going" (lemma "go")."""
    return verb.lower_ == "going" and any(c.dep_ == "aux" and c.lemma_ == "be" for c in verb.children)


def _if_clause(clause: Token) -> bool:
    """A clause opened by "if" or "unless", or a condition told by inversion ("Were Beijing to
    press Moscow, ...", "Had Washington acted, ...", "Should Russia attack, ...")."""
    return any(m.dep_ == "mark" and m.lower_ in {"if", "unless"} for m in clause.children) or _inverted(clause)


# Auxiliaries that open a condition by standing before their subject.
INVERTED_AUX = frozenset({"were", "had", "should"})


def _inverted(clause: Token) -> bool:
    if clause.dep_ != "advcl":
        return False
    first = clause.doc[clause.left_edge.i]
    if first.lower_ not in INVERTED_AUX or not (first.i == clause.i or (first.dep_ in {"aux", "auxpass"} and first.head.i == clause.i)):
        return False
    return any(c.dep_ in {"nsubj", "nsubjpass"} and c.i > first.i for c in clause.children)


def _reported_future(tok: Token) -> bool:
    """"would" reported by a speech verb is a future in the past ("Iraq said it would allow"),
    not a hypothetical, unless a condition is attached."""
    if _if_clause(tok) or any(c.dep_ == "advcl" and _if_clause(c) for c in tok.children):
        return False
    return tok.dep_ == "ccomp" and tok.head.lemma_.lower() in PROPER_SPEECH


# Conjunctions of a clause of time or cause: what it tells is taken as given.
CIRCUMSTANCE_MARKS = frozenset({"after", "before", "when", "since", "because", "as", "while", "once", "until"})


# Marks of a cause: what a cause clause tells has happened also in the present perfect ("because
# they have imposed a ban"); after "when" or "once" the perfect tells what is still to come.
CAUSE_MARKS = frozenset({"because"})


def _past_circumstance(tok: Token) -> bool:
    """A clause of time or cause in the past tense with a subject of its own ("after police raided
    the offices", "because the army had shelled the town"), or a cause in the present perfect."""
    marks = {c.lower_ for c in tok.children if c.dep_ == "mark"}
    if marks.isdisjoint(CIRCUMSTANCE_MARKS) or not any(c.dep_ in {"nsubj", "nsubjpass"} for c in tok.children):
        return False
    perfect = tok.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_ == "have" for c in tok.children)
    return past_tense(tok) or (perfect and not marks.isdisjoint(CAUSE_MARKS))


def _awaited(clause: Token, head: Token) -> bool:
    """An "until" clause on an act refused or still to come: the condition it waits for."""
    if not any(c.dep_ == "mark" and c.lower_ == "until" for c in clause.children):
        return False
    return _own_status(head) in {"negated", "future", "hypothetical"} or _will(head)


def _purpose(tok: Token) -> bool:
    """An infinitive of purpose: "in order to defeat", "visits to raise morale"."""
    if tok.dep_ not in {"advcl", "acl", "xcomp", "relcl"}:
        return False
    has_to = any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
    in_order = any(c.lower_ == "order" for c in tok.children) or any(
        c.dep_ == "mark" and c.lower_ in {"so", "lest"} for c in tok.children
    )
    return has_to and (tok.dep_ == "advcl" or in_order)


# Nouns that sum up the clause before them: "..., a charge Moscow denies", "..., a claim Kyiv rejected".
SUMMARY_NOUNS = frozenset({"charge", "claim", "accusation", "allegation", "assertion", "account", "version"})


# ... and those that sum up what was asked or offered: "..., a request Guterres refused", "...,
# conditions Kyiv has rejected" (the demand was made; the refusal is said of it).
SUMMED_UP = SUMMARY_NOUNS | {"request", "demand", "condition", "term", "proposal", "offer"}


def summarised(clause: Token) -> bool:
    """``clause`` is a sentence's main clause that the parse hangs as the complement of a verb
    after it whose subject sums it up: "Pristina accused Belgrade of orchestrating the attack, a
    charge Vucic rejected" (the accusation was made; "rejected" is said of the charge). The summing
    noun may be parsed as that verb's object ("..., a charge the ELN denied": charge <- denied)."""
    head = clause.head
    if clause.i >= head.i:
        return False
    if any((c.dep_ == "nsubj" and c.i > clause.i and (c.lemma_.lower() in SUMMARY_NOUNS or summing_noun(c, SUMMED_UP) is not None))
           or (c.dep_ == "dobj" and c.i > clause.i and summing_noun(c, SUMMED_UP) is not None)
           for c in head.children):  # fmt: skip
        return True
    # (or left hanging on a word of the clause: "..., a charge the Gulf state has denied" with
    # "charge" parsed as an apposition and "denied" with no subject)
    doc = clause.doc
    return not any(c.dep_ in {"nsubj", "nsubjpass"} for c in head.children) and any(
        doc[k].lemma_.lower() in SUMMED_UP and doc[k - 1].dep_ == "det" and doc[k - 2].text == ","
        for k in range(clause.i + 2, head.i))  # fmt: skip


def summing_noun(subject: Token, words: frozenset[str] = SUMMARY_NOUNS) -> Token | None:
    """The noun that sums up what came before, opening ``subject``'s phrase just after a comma: the
    subject itself ("..., a charge Vucic rejected") or, where the parse ran it into the name after
    it, a modifier of that name ("..., a charge Abu Dhabi denies": charge <- Dhabi)."""
    for t in (subject, *(c for c in subject.lefts if c.dep_ == "compound")):
        if t.lemma_.lower() not in words:
            continue
        k = t.left_edge.i - 1
        while k >= 0 and t.doc[k].dep_ == "det":  # "..., a charge"
            k -= 1
        if k >= 0 and t.doc[k].text == ",":
            return t
    return None


# Modals under which an act named as the subject is only supposed: "an attack would invoke the
# treaty" (not those of obligation: "sanctions must be lifted" asks for them).
HYPOTHETICAL_MODALS = HYPOTHETICAL_AUX - {"should", "must", "ought"}


# Texts a body adopts or turns down: what one says ("a resolution demanding ...") is said only
# once it is adopted.
PROPOSED_TEXTS = frozenset({"resolution", "draft", "bill", "motion", "proposal", "text", "amendment", "measure",
                            "legislation", "declaration", "statement", "plan"})  # fmt: skip
# Verbs that turn a text down.
BLOCKING_VERBS = frozenset({"veto", "reject", "block", "oppose", "defeat", "kill", "scrap", "shelve", "withdraw"})


def not_adopted(text_noun: Token) -> bool:
    """The text is the object of a verb that turns it down or of one denied ("vetoed a resolution",
    "failed to adopt a resolution", "did not pass the bill")."""
    verb = text_noun.head
    if text_noun.lemma_.lower() not in PROPOSED_TEXTS or text_noun.dep_ not in {"dobj", "nsubjpass"} or verb.pos_ != "VERB":
        return False
    return verb.lemma_.lower() in BLOCKING_VERBS or factuality(verb) == "negated"


def spoken(tok: Token) -> bool:
    """``tok`` is in what someone is reported to say, announce or promise ("said he would meet
    Erdogan", "announced that talks will resume"), not the writer's own account ("Macron will meet
    Tebboune on Wednesday", "Iwaya plans to visit Seoul")."""
    steps = 0
    while tok.dep_ in {"ccomp", "conj", "xcomp", "advcl"} and tok.head.i != tok.i and steps < 5:
        steps += 1
        tok = tok.head
        if tok.lemma_.lower() in SPEECH_VERBS or (tok.lemma_.lower() in COMMITMENT_PREDICATES
                                                  and tok.lemma_.lower() not in SCHEDULING_PREDICATES):  # fmt: skip
            return True
    return False


# Predicates of a commitment that report a schedule when the writer tells them: "Iwaya plans to
# visit Seoul in May" is a visit to come, as "is due to travel", no promise made to anyone.
SCHEDULING_PREDICATES = frozenset({"plan", "intend", "prepare"})


def _unsaid(tok: Token) -> bool:
    """``tok`` is in what a speaker held back from saying: "stopped short of saying that troops
    would be sent", "refrained from claiming that Kenya had ..."."""
    steps = 0
    while tok.dep_ in {"ccomp", "conj"} and tok.head.i != tok.i and steps < 4:
        steps += 1
        tok = tok.head
        if tok.lemma_.lower() in SPEECH_VERBS:
            return tok.dep_ == "pcomp" and _held_back(tok.head)
    return False


def factuality(trigger: Token) -> Factuality:
    """How the text presents the event of ``trigger``.

    Verbs: the trigger's clause, then each governing clause up to a speech verb. Nouns are
    presupposed ("the air raids") unless they are the object of a governing light verb.
    """
    tok = trigger
    if tok.pos_ in {"VERB", "AUX"} and tok.dep_ == "advcl" and _if_clause(tok):
        return "hypothetical"  # "if Hamas does not release the hostages": a condition, not a refusal
    if tok.pos_ == "VERB" and tok.dep_ in {"advcl", "xcomp"} and _inverted(tok.head):
        return "hypothetical"  # "Were Beijing to press Moscow, ...": the verb "were" opens
    if _unsaid(tok):
        return "negated"  # "stopped short of saying that troops would be sent": not said at all
    own = _own_status(tok, trigger=True)
    if own:
        return own
    if tok.pos_ in {"NOUN", "PROPN"}:
        if any(c.dep_ == "amod" and c.lower_ in FUTURE_ADJECTIVES for c in tok.children):
            return "future"  # "the upcoming talks", "a planned visit"
        if any(c.dep_ == "det" and c.lower_ in {"any", "every"} for c in tok.children):
            return "hypothetical"  # "would respond to any new tariffs", "every strike will cost": none told
        head = tok.head
        if tok.dep_ == "nsubj" and head.lemma_ == "be" and any(
            c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children) for c in head.children
        ):
            return "future"  # "talks are to resume", "the summit is to open"
        # A nominal trigger takes the status of a verb that carries it ("did not make visits").
        if tok.dep_ in {"dobj", "attr", "nsubjpass"} and tok.head.pos_ in {"VERB", "AUX"}:
            if tok.head.lemma_.lower() in ANNOUNCING_VERBS:
                return factuality(tok.head)  # "did not announce new sanctions", "will declare an emergency"
            if (tok.head.lemma_ in SPEECH_VERBS or tok.head.lemma_ in STANCE_VERBS or tok.head.lemma_ in PRESUPPOSING_VERBS
                    or _names_it(tok.head)):  # fmt: skip
                return "asserted"
            if tok.head.lemma_.lower() in PREPARING_VERBS and factuality(tok.head) == "asserted":
                return "future"  # "is preparing new sanctions", "had planned an offensive"
            return factuality(tok.head) if tok.head.lemma_ not in FUTURE_NOUNS else "future"
        partaking = partaking_verb(tok)
        if partaking is not None:
            return factuality(partaking)  # "will no longer take part in the negotiations"
        if tok.dep_ in {"nsubj", "nsubjpass"} and tok.head.lemma_.lower() in OCCURRENCE_VERBS:
            return factuality(tok.head)  # "the talks will take place", "talks resumed on Monday"
        if tok.dep_ in {"nsubj", "nsubjpass"} and (
                any(c.dep_ == "aux" and c.lower_ in HYPOTHETICAL_MODALS for c in tok.head.children)
                or (tok.head.dep_ == "advcl" and _if_clause(tok.head))):
            # "an armed attack on its vessels would invoke the treaty", "if threats by China escalate"
            return "hypothetical"
        return "asserted"
    steps = 0
    while tok.dep_ in _CLAUSE_LINKS and tok.head.i != tok.i and steps < 8:
        steps += 1
        head = tok.head
        link = tok.dep_
        lemma = head.lemma_.lower()
        if link == "pcomp" and _held_back(head):
            return "negated"  # "refrained from responding", "stopped short of accusing Pakistan"
        if _if_clause(tok):
            # "will resume talks if Washington lifts sanctions", "would not change its position
            # unless Brussels released the funds": a condition, whatever the clause it conditions
            return "hypothetical"
        if link == "advcl" and _awaited(tok, head):
            # "would not resume talks until Ethiopia withdrew the memorandum": what the talks wait
            # for has not happened
            return "hypothetical"
        if link == "advcl" and _past_circumstance(tok):
            # "accused Kosovo of trying to provoke a conflict after Kosovo police raided offices":
            # a time or a cause told in the past happened, whatever the clause it hangs on
            return "asserted"
        if link == "xcomp" and _going_to(head):
            return "future"  # "Israel is going to strike": a future, as "will strike" is
        if link == "xcomp" and lemma in {"have", "be"} and any(c.dep_ == "advmod" and c.lower_ == "yet" for c in head.children):
            return "negated"  # "has yet to grant permission", "the deal is yet to be finalized": not done so far
        if lemma in RELUCTANCE_VERBS and link in {"xcomp", "advcl"}:
            if _own_status(head) != "negated":
                return "negated"  # "hesitated to strike": held back
            if _will(head):
                return "future"  # "will not hesitate to strike": a commitment (``is_commitment``)
            tok = head  # "did not hesitate to open fire": it was done
            continue
        if _purpose(tok):
            return "future"
        if head.lower_ == "order" and head.head.lower_ == "in":
            return "future"  # "in order to negotiate"
        if head.pos_ == "ADP":
            if head.lower_ == "by" and head.dep_ == "prep" and head.head.pos_ in {"VERB", "AUX"}:
                # "may respond by firing missiles", "threatened to retaliate by cutting aid": the
                # means is as real as the act it serves ("responded by firing" happened)
                status = _own_status(head.head)
                if status:
                    return status
                tok = head.head
                continue
            if head.lower_ == "from" and link == "pcomp" and head.head.lemma_.lower() in PREVENTING_VERBS:
                status = _own_status(head.head)
                # "blocked the administration from deporting them": kept from it, not done (a
                # negated or supposed prevention leaves the act as its own clause tells)
                return "negated" if status is None else "asserted" if status == "negated" else status
            if head.lower_ == "of" and link == "pcomp" and head.head.lemma_.lower() in FUTURE_NOUNS and _no_det(head.head):
                return "negated"  # "has no intention of invading", as "has no plans to deport"
            # "interested in deploying", "ready for talks": go on only through an adjective.
            if head.head.pos_ != "ADJ":
                return "asserted"
            tok = head
            continue
        if link == "prep" or link == "acomp":
            status = _own_status(head)
            if status:
                return status
            tok = head
            continue
        if link == "conj":
            if any(c.dep_ == "cc" and c.lower_ == "nor" for c in head.children):
                return "negated"  # "neither confirmed nor denied the reports"
            if (tok.tag_ == "VBD" and head.tag_ in {"VBG", "VB", "VBN"} and head.dep_ == "ccomp"
                    and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in tok.children)):  # fmt: skip
                # "warned that famine was spreading and called on both sides to ...": a past tense
                # of its own with no subject joins the verb that reports, not what it reports
                tok = head.head
                continue
            status = _own_status(head)
            # a conjunct with a tense of its own ("would not accept the expulsion and demanded
            # guarantees") does not share the first verb's auxiliaries; a bare one does ("will not
            # meet or talk")
            if status and not any(c.dep_ in {"aux", "neg"} for c in tok.children) and tok.tag_ not in FINITE_TAGS:
                return status
            tok = head
            continue
        if head.pos_ in {"NOUN", "PROPN"}:
            if lemma in FUTURE_NOUNS:
                return "negated" if _no_det(head) else "future"  # "has no plans to deport"
            if link == "acl" and not_adopted(head):
                return "negated"  # "vetoed a resolution demanding a ceasefire": nothing was demanded
            return "asserted"
        if lemma in SPEECH_VERBS:
            return "asserted"
        if link == "ccomp" and tok.i < head.i and misread_main(head):
            return "asserted"  # the clause the parse hung under a time clause is the main one
        if link == "ccomp" and summarised(tok):
            return "asserted"  # "X accused Y of Z, a charge Y rejected": the accusation was made
        if lemma in NEGATIVE_PREDICATES and link in {"xcomp", "ccomp"}:
            return "negated"

        if lemma in HYPOTHETICAL_PREDICATES:
            return "hypothetical"
        if link == "xcomp" and lemma == "be" and any(
                (c.dep_ == "acomp" and c.pos_ == "ADJ") or c.dep_ == "csubj" for c in head.children):
            # "it was important to launch the campaign", "it would be possible to settle the
            # dispute", "to put one above another is to invite problems": weighed, not done
            return "hypothetical"
        participle = link == "advcl" and tok.tag_ == "VBG" and not any(c.dep_ in {"mark", "aux"} for c in tok.children)
        # (a participle beside the verb is a second act of the same doer, not what the verb asks,
        # offers or threatens: "offered bounties for their arrest, accusing them of subversion")
        if lemma in FUTURE_PREDICATES and link in {"xcomp", "ccomp", "advcl"} and lemma not in COMMIT_VERBS and not participle:
            if lemma == "be" and not any(c.lower_ == "to" for c in tok.children):
                tok = head
                continue
            # "does not want to meet", "is not willing to negotiate": not wanted is not to come
            return "negated" if link == "xcomp" and _denied(head) else "future"
        status = _own_status(head)
        if status == "negated" and link == "advcl":
            # "would not step down when her term ends", "did not retaliate after the rebels
            # attacked": the clause's negation does not reach its time or cause
            status = None
        if status:
            return status
        tok = head
    return "asserted"


# Verbs of holding back from an act: "hesitated to strike" did not; "will not hesitate to strike"
# pledges it; "did not hesitate to open fire" did it.
RELUCTANCE_VERBS = frozenset({"hesitate"})
# Verbs and adjectives by which a subject commits itself to a future act: PLOVER codes the
# commitment, not the act ("promised to send aid" is AGREE; "vowed to attack" is THREATEN).
COMMITMENT_PREDICATES = frozenset({
    "promise", "pledge", "vow", "agree", "offer", "prepare", "plan", "intend", "threaten", "swear",
    "undertake", "commit", "volunteer", "prepared", "ready", "willing", "determined", "resolve",
})  # fmt: skip
PROPER_SPEECH = frozenset({"say", "tell", "announce", "state", "declare", "add", "report", "confirm",
                           "warn", "insist", "stress", "reiterate", "write"})  # fmt: skip


def is_commitment(trigger: Token) -> bool:
    """True when a future trigger is something its subject commits to ("will evacuate", "promised
    to continue", "is ready to send"), asserted by the text rather than feared or wished by
    someone else. Only for verbs."""
    if trigger.pos_ != "VERB":
        # "pledged to keep up food deliveries": the verb that carries the noun commits.
        head = trigger.head
        if trigger.dep_ in {"dobj", "attr"} and head.pos_ == "VERB" and head.i != trigger.i:
            return is_commitment(head)
        # "sanctions could follow if Ankara activates the system": a measure made conditional
        if trigger.dep_ in {"nsubj", "nsubjpass"} and head.pos_ in {"VERB", "AUX"} and head.i != trigger.i:
            return _conditional(head)
        return False
    tok = trigger
    if any(c.dep_ == "mark" and c.lower_ == "whether" for c in tok.children):
        return False  # "declined to say whether the sanctions would be lifted": a question, no commitment
    committed = any(
        c.dep_ == "aux" and (c.lower_ in FUTURE_AUX or (c.lower_ in {"would", "'d"} and _reported_future(tok)))
        for c in tok.children
    ) or _conditional(tok)
    steps = 0
    while tok.head.i != tok.i and steps < 6:
        steps += 1
        head, link = tok.head, tok.dep_
        lemma = head.lemma_.lower()
        if link == "conj":
            committed = committed or any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in head.children)
            tok = head
            continue
        if link == "xcomp" and (lemma in COMMITMENT_PREDICATES or _going_to(head)):
            committed = True  # "we're going to revoke it": as "we will revoke it"
            tok = head
            continue
        if link in {"xcomp", "advcl"} and lemma in RELUCTANCE_VERBS and _own_status(head) == "negated":
            # "will not hesitate to use force": no reluctance to act is a pledge to
            committed = committed or _will(head)
            tok = head
            continue
        if link == "xcomp" and head.pos_ == "ADJ" and lemma in COMMITMENT_PREDICATES:
            committed = True
            tok = head
            continue
        if link in {"acomp", "xcomp"} and lemma == "be":
            tok = head
            continue
        if link == "ccomp" and lemma in PROPER_SPEECH:
            return committed and _own_status(head) is None
        if link in {"ccomp", "xcomp", "advcl", "acl", "pcomp", "prep"}:
            return False
        break
    return committed


def _conditional(tok: Token) -> bool:
    """"may halt mediation if ...", "will boycott unless ...": an act made conditional by the
    one who would do it is a commitment (a threat or a promise)."""
    modal = any(c.dep_ == "aux" and c.lower_ in {"may", "might", "could", "would", "will", "shall"} for c in tok.children)
    return modal and any(c.dep_ == "advcl" and _if_clause(c) for c in tok.children)


# Predicates whose denial refuses their complement: "does not want to meet", "is not willing to
# negotiate", "did not agree to sign".
WILLING_PREDICATES = frozenset({"want", "intend", "plan", "wish", "agree", "willing", "ready", "prepared"})


def act_verb(trigger: Token) -> Token | None:
    """The verb whose clause carries the trigger: itself, the verb of a noun's object or subject
    ("would not join the talks"), or the verb by which it is taken part in."""
    if trigger.pos_ == "VERB":
        return trigger
    partaking = partaking_verb(trigger)
    if partaking is not None:
        return partaking
    return trigger.head if trigger.head.pos_ == "VERB" and trigger.head.i != trigger.i else None


def is_refusal(trigger: Token) -> bool:
    """"said it would not meet the demands", "will no longer take part in the talks", "refused to
    allow", "does not want to meet": a negated commitment to a cooperative act is a rejection."""
    tok = act_verb(trigger)
    if tok is None:
        return False
    negated = any(negator(c) for c in tok.children) or _no_longer(tok)
    future = _will(tok)
    if negated and future:
        return True
    return refusing_head(tok) is not None


def refusing_head(verb: Token) -> Token | None:
    """The word that says the act is refused ("refused to allow", "does not want to meet"), or None."""
    if verb.dep_ != "xcomp" or verb.head.i == verb.i:
        return None
    head = verb.head
    lemma = head.lemma_.lower()
    if lemma in {"refuse", "decline", "fail"} or (lemma in WILLING_PREDICATES and _denied(head)):
        return head
    return None


PROMISE_VERBS = frozenset({"promise", "pledge", "offer", "agree", "volunteer", "undertake", "commit"})
THREAT_VERBS = frozenset({"threaten", "warn", "vow", "swear"})


# Purposes that make sending forces help ("will send police to reinforce a U.N.-backed mission").
HELPING_PURPOSES = frozenset({"help", "assist", "support", "reinforce", "bolster", "strengthen", "aid", "back",
                              "join", "train"})  # fmt: skip
OWN_WORDS = frozenset({"its", "their", "our", "his", "her", "my"})


def _helping(purpose: Token) -> bool:
    """An infinitive of purpose that helps someone else: not "to reinforce its border"."""
    return (purpose.dep_ in {"advcl", "xcomp"} and purpose.lemma_.lower() in HELPING_PURPOSES
            and any(a.dep_ == "aux" and a.lower_ == "to" for a in purpose.children)
            and not any(o.dep_ == "dobj" and any(p.dep_ == "poss" and p.lower_ in OWN_WORDS for p in o.children)
                        for o in purpose.children))  # fmt: skip


def committed_by(trigger: Token) -> str:
    """"promise" or "threat" when the act is governed by a verb that says which ("pledged to send
    advisers to help" is a promise whatever is sent; "vowed to retaliate" a threat), or has a purpose
    of help ("will send police to reinforce the mission" is a promise); "" otherwise."""
    tok = trigger
    if tok.pos_ != "VERB" and tok.dep_ in {"dobj", "attr"} and tok.head.i != tok.i:
        tok = tok.head
    if any(_helping(c) for c in tok.children):
        return "promise"
    for _ in range(3):
        if tok.dep_ not in {"xcomp", "conj"} or tok.head.i == tok.i:
            break
        tok = tok.head
        lemma = tok.lemma_.lower()
        if lemma in PROMISE_VERBS:
            return "promise"
        if lemma in THREAT_VERBS:
            return "threat"
    return ""
