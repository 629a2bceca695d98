"""Attribution: who the text says a claim comes from.

"DEBKA Weekly's military and Iranian sources report that ..." (anonymous), "Our sources report"
(anonymous), "Shoigu reported to Putin that ..." (named), "according to officials" (anonymous).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from spacy.tokens import Token

from ..geo.mentions import LEAD_TOKENS, lead_dateline
from ..records import Actor, Attribution
from .modality import SPEECH_VERBS

# Heads of attribution phrases that do not name who speaks.
ANONYMOUS_HEADS = frozenset({
    "source", "official", "diplomat", "insider", "analyst", "observer", "witness", "resident", "report",
    "aide", "person", "people", "expert", "activist", "officer", "commander", "spokesman", "spokeswoman",
    "spokesperson", "media", "agency", "outlet", "intelligence", "circle", "quarter", "someone", "they",
    "we", "sources", "officials", "account", "rumour", "rumor", "informant", "correspondent",
})  # fmt: skip
CLAIM_VERBS = SPEECH_VERBS | {"allege", "assert", "warn", "charge", "suggest", "estimate"}


def _span_of(tok: Token) -> tuple[int, int]:
    # the speaker's phrase up to a relative clause on it: "The United States, which does not recognize the
    # government," is "The United States"
    clauses = {t.i for c in tok.subtree if c.dep_ == "relcl" and c.i != tok.i for t in c.subtree}
    toks = []
    for t in tok.subtree:
        if t.i in clauses:
            if t.i > tok.i:
                break
            continue
        toks.append(t)
    while len(toks) > 1 and toks[-1].is_punct:
        toks.pop()
    if toks[0].i < LEAD_TOKENS:
        # a dateline the parse took into the speaker's phrase ("YEREVAN, Oct 7 (Reuters) - Armenia
        # said") says where the story was filed, not who speaks
        _, filed = lead_dateline(tok.doc)
        toks = [t for t in toks if t.idx >= filed] or toks
    start = min(t.idx for t in toks)
    end = max(t.idx + len(t) for t in toks)
    return start, end


def speaker_of(verb: Token) -> Token | None:
    """The subject of a (speech) verb, through conjunction ("said ... and added that") and through
    a participle telling what the main clause's subject said ("sanctioned the commander, saying his
    forces had committed genocide")."""
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if subjects:
        # two subjects where the parse ran a clause into the reporting one ("Israeli airstrikes
        # killed 40 people, health officials said" read with both nouns as subjects of "said"):
        # the one nearest before the verb speaks
        before = [c for c in subjects if c.i < verb.i]
        return before[-1] if before else subjects[0]
    if verb.dep_ == "conj" or (verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.head.pos_ in {"VERB", "AUX"}):
        return speaker_of(verb.head)
    return None


def _attribution_from_speaker(speaker: Token, offset: int, actor_at: dict[int, Actor]) -> Attribution:
    start, end = _span_of(speaker)
    first = speaker.doc[speaker.left_edge.i : speaker.right_edge.i + 1]
    text = first.text[start - first.start_char : end - first.start_char]
    actor = actor_at.get(speaker.i)
    named = actor is not None and bool(actor.person or actor.org)
    anonymous = not named and (speaker.lemma_.lower() in ANONYMOUS_HEADS or speaker.pos_ == "PRON")
    if actor is not None and not named and speaker.pos_ == "PROPN":
        anonymous = False
    return Attribution(text=text, start=start + offset, end=end + offset, anonymous=anonymous, actor=actor)


def attribution_for(
    trigger: Token, sent: Sequence[Token], text: str, offset: int, actor_at: dict[int, Actor], root: Token | None = None,
    lemmas: Collection[str] | None = None,
) -> Attribution | None:
    """The attribution governing ``trigger``: the subject of the speech verb above it, or an
    "according to X" phrase in the same sentence (its tokens ``sent`` and its ``text``).
    ``lemmas``, the sentence's lower-case lemmas when the caller holds them, skip the climb to a
    speech verb in a sentence that has none."""
    if lemmas is not None and CLAIM_VERBS.isdisjoint(lemmas):
        return _according_to(sent, text, offset, actor_at)
    tok = trigger
    steps = 0
    while tok.head.i != tok.i and steps < 10:
        steps += 1
        head = tok.head
        # a verb joined to the speech verb is the speaker's own act ("said ... and urged X"), unless
        # it is a second "that" clause the parse joined to it ("acknowledged that ..., and that X")
        reported = tok.dep_ in {"ccomp", "xcomp", "parataxis", "advcl", "dobj"} or (
            tok.dep_ == "conj" and any(c.dep_ == "mark" and c.lower_ == "that" for c in tok.children))
        if reported and head.lemma_.lower() in CLAIM_VERBS:
            speaker = speaker_of(head)
            if speaker is not None:
                return _attribution_from_speaker(speaker, offset, actor_at)
        tok = head
    # Inverted order: "The rebels attacked the town, officials said."
    if root is None:
        root = next((t for t in sent if t.dep_ == "ROOT"), sent[0])
    if root.i != trigger.i and root.lemma_.lower() in CLAIM_VERBS:
        for child in root.children:
            if child.dep_ in {"ccomp", "parataxis"} and (child.i == trigger.i or child.is_ancestor(trigger)):
                speaker = speaker_of(root)
                if speaker is not None:
                    return _attribution_from_speaker(speaker, offset, actor_at)
    return _according_to(sent, text, offset, actor_at)


def _according_to(sent: Sequence[Token], text: str, offset: int, actor_at: dict[int, Actor]) -> Attribution | None:
    """The attribution of an "according to X" phrase in the sentence (its tokens and text), if any."""
    if "ccording to" not in text:
        return None
    for tok in sent:
        if tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to":
            objs = [t for t in tok.doc[tok.i + 1].children if t.dep_ == "pobj"]
            if objs:
                return _attribution_from_speaker(objs[0], offset, actor_at)
    return None
