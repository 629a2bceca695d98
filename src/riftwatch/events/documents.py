"""Who wrote the documents an article names, remembered for later answers to them.

"The U.S. House passed a resolution calling for an inquiry ... Pakistan rejected the resolution":
the rejection answers the resolution's author, named a sentence or more before. Each sentence's
documents (a resolution, report, ruling, finding, statement, proposal ...) are read for an author
— an owner or "by"/"from"/"of"/"in" phrase ("the panel's report", "a resolution in the U.S.
Congress"), the subject of a verb that issues it ("the board passed a resolution"), or the subject
of a verb told "in" it ("experts detailed the transfers in a report") — and the latest author of
each kind of document is kept for the article (``ArticleState.authors``). ``passes.proposal_author``
reads it for a definite document with no author in its own sentence ("the resolution").
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from ..records import Actor
from .matching import PROPOSAL_NOUNS
from .roles import actors_under

# Documents whose author an answer to them is aimed at: the proposals and claims the coder knows,
# and the decisions of courts.
DOCUMENT_NOUNS = PROPOSAL_NOUNS | frozenset({"ruling", "verdict", "judgment", "judgement"})
# Verbs whose subject issues the document that is their object.
AUTHOR_VERBS = frozenset({"pass", "adopt", "issue", "publish", "release", "approve", "present", "draft",
                          "introduce", "submit", "table", "deliver", "produce", "prepare", "compile",
                          "write", "unveil", "hand", "make", "put", "send", "file", "announce"})  # fmt: skip
# Who made a call, offer or plan is named after these ("an offer from Qatar") ...
OFFER_PREPS = frozenset({"by", "from", "of"})
# ... and a document is "in" the body that wrote it ("a resolution in the U.S. Congress").
_AUTHOR_PREPS = OFFER_PREPS | {"in"}
_SUBJECTS = frozenset({"nsubj"})


def document_authors(toks: Sequence[Token], lemmas: Sequence[str], actor_at: dict[int, Actor]) -> dict[str, tuple[Actor, ...]]:
    """The documents a sentence names with an author, by lemma (``lemmas``: each token's, in
    ``toks`` order)."""
    out: dict[str, tuple[Actor, ...]] = {}
    for tok, lemma in zip(toks, lemmas, strict=True):
        if lemma not in DOCUMENT_NOUNS or tok.pos_ != "NOUN":
            continue
        author = own_author(tok, actor_at) or _issuer(tok, actor_at)
        if author:
            out[lemma] = tuple(author)
    return out


def own_author(noun: Token, actor_at: dict[int, Actor], preps: frozenset[str] = _AUTHOR_PREPS) -> list[Actor]:
    """An author in the document's own phrase: an owner or modifier ("the panel's findings", "a
    U.N. report"), a "by"/"from"/"of" phrase, or "in" a body ("a resolution in the U.S. Congress");
    ``preps`` the prepositions read."""
    out = [a for c in noun.children if c.dep_ in {"poss", "amod", "compound", "nmod"} for a in actors_under(c, actor_at)]
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in preps:
            out.extend(a for c in prep.children if c.dep_ == "pobj" for a in actors_under(c, actor_at))
    return list(dict.fromkeys(out))


def _issuer(noun: Token, actor_at: dict[int, Actor]) -> list[Actor]:
    """The subject of the verb that issues the document ("passed a resolution") or that is told in
    it ("said in a statement", "detailed the transfers in a report")."""
    verb = None
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in AUTHOR_VERBS:
        verb = noun.head
    elif noun.dep_ == "pobj" and noun.head.lower_ == "in" and noun.head.head.pos_ == "VERB":
        verb = noun.head.head
    if verb is None:
        return []
    return [a for c in verb.children if c.dep_ in _SUBJECTS for a in actors_under(c, actor_at)]
