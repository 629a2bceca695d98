"""A news organisation that a speaker talks to is the statement's audience, not a party to it; nor
is anyone a credit line names ("Associated Press writer Jane Doe contributed to this report").

"Hamas rejected the proposal, a senior official told AFP", "In an interview with Reuters, Ruto
accused ...", "speaking to CNN", "according to the TASS news agency", "according to a copy seen by
Reuters": the outlet only carried the words. Left among the actors, it was taken for the target of the rejection or the source of the
accusation (the TV channel a leader spoke to coded as the source of his condemnation). An outlet
that acts ("Russia banned the BBC", "Al Jazeera said its reporter was detained") keeps its place.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc, Token

from ..geo.mentions import doc_words
from ..records import Actor

# Verbs of speaking whose object or "to" phrase is who hears it.
SPEAKING = frozenset({"tell", "say", "speak", "talk", "explain", "confirm", "describe", "write", "give", "add"})
# Nouns of speaking: "in an interview with Reuters", "in comments to AFP", "in a statement to CNN".
SPEECH_NOUNS = frozenset({"interview", "comment", "remark", "statement", "briefing", "message", "address"})


# Verbs of a document's reaching a reporter: who has "seen" or "obtained" it only reports it.
SEEING = frozenset({"see", "obtain", "review", "view", "read", "examine"})


# A credit line: "Associated Press writer Jane Doe in Lagos contributed to this report", "Reporting by
# ...; Editing by ...", "Additional reporting by ...".
CREDIT = re.compile(r"\bcontributed (?:reporting )?to this (?:report|story|article)\b|\bcontributed reporting\b"
                    r"|^\(?(?:Additional )?[Rr]eporting by\b|\b[Ee]diting by\b|\b[Ww]riting by\b")
# Words one of which every credit line holds: looked for first, as plain substrings, since the
# pattern's word-boundary alternatives are tried at every position of a text that has none.
CREDIT_WORDS = ("contributed", "eporting by", "diting by", "riting by")


def _credit_lines(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges of the sentences that credit reporters and editors, read once per document:
    most have none, and then no sentence is looked at."""
    lines = doc.user_data.get("riftwatch.credit_lines")
    if lines is None:
        text = doc.text
        credited = any(w in text for w in CREDIT_WORDS) and CREDIT.search(text)
        lines = doc.user_data["riftwatch.credit_lines"] = (
            [(s.start, s.end) for s in doc.sents if CREDIT.search(s.text)] if credited else []
        )
    return lines


def has_credit_line(doc: Doc) -> bool:
    """The document credits its reporters somewhere."""
    return bool(_credit_lines(doc))


def in_credit_line(tok: Token) -> bool:
    """The token's sentence credits the story's reporters and editors."""
    return any(start <= tok.i < end for start, end in _credit_lines(tok.doc))


def is_audience(root: Token) -> bool:
    """The token heads a phrase naming who a statement was made to, or whom it is reported from."""
    head = root.head
    if root.dep_ in {"dobj", "dative"} and head.lemma_.lower() == "tell":
        return True  # "a senior official told AFP"
    if root.dep_ == "pobj" and head.dep_ == "agent" and head.head.lemma_.lower() in SEEING:
        return True  # "according to a copy seen by Reuters", "a letter obtained by VOA"
    if root.dep_ != "pobj" or head.dep_ != "prep":
        return False
    prep, governor = head.lower_, head.head
    if prep == "to" and governor.lower_ == "according":
        return True  # "according to the TASS news agency"
    # "speaking to CNN", "in an interview with Reuters"
    if prep in {"to", "with"} and governor.lemma_.lower() in SPEAKING | SPEECH_NOUNS:
        return True
    # "warned on state television", "said on national radio", "in an address on state TV": the
    # channel that carried the words ("a crackdown on independent media" is on whom it is done)
    return prep == "on" and governor.lemma_.lower() in SPEAKING | SPEECH_NOUNS | BROADCAST_VERBS


# Verbs of saying something publicly over a channel ("warned on state television").
BROADCAST_VERBS = frozenset({"warn", "announce", "declare", "appear", "vow", "pledge", "accuse", "deny", "urge",
                             "appeal", "call", "promise", "insist", "claim"})  # fmt: skip


def _informants(doc: Doc) -> set[int]:
    """Tokens of "people familiar with the matter", "sources familiar with the talks": who
    anonymously told the reporter, no party to what they told (its source is the attribution)."""
    out: set[int] = set()
    for i, w in enumerate(doc_words(doc)):
        if w == "familiar":
            tok = doc[i]
            if tok.dep_ in {"amod", "acl"} and any(c.dep_ == "prep" and c.lower_ == "with" for c in tok.children):
                out.update(t.i for t in tok.head.subtree)
    return out


def without_audience(doc: Doc, actors: Sequence[Actor]) -> list[Actor]:
    """``actors`` less the news organisations that are only a statement's audience, those a credit
    line names, and anonymous informants ("people familiar with the matter")."""
    informants = _informants(doc)
    if informants:
        at = {doc[i].idx for i in informants}
        actors = [a for a in actors if a.start not in at]
    credit = _credit_lines(doc)
    if not credit and all(a.sector != "MED" for a in actors):
        return list(actors)
    kept: list[Actor] = []
    for a in actors:
        if a.sector != "MED" and not credit:
            kept.append(a)
            continue
        span = doc.char_span(a.start, a.end, alignment_mode="expand")
        if span is not None and ((a.sector == "MED" and is_audience(span.root)) or in_credit_line(span.root)):
            continue
        kept.append(a)
    return kept
