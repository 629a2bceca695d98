"""Subheadings glued to the sentence after them.

Web news flattened to plain text often loses the line break after a subheading: "Recent attacks
Since the beginning of the year, the group has ..." reaches the parser as one sentence. The heading
names a topic, not an act, so its words are no triggers. A heading is recognised by its shape: a
few words with no verb and no punctuation, ending on a noun, adjective, name or number, followed by
a capitalised function word that opens a sentence ("The", "Since", "While", "In", "A", ...) and is
not part of a name, or by an opening quote and a capitalised word ('Export curbs "It will take
years," ...'). A heading that is a short clause of its own ("Delhi backs the handover Indian
officials said ...") shows in the parse as a second clause joined to it with no "and" and no comma,
opening with a capital within a heading's length.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

MAX_HEADING = 8  # words
OPENERS = frozenset({"DET", "ADP", "SCONJ", "PRON", "ADV", "CCONJ"})  # what a sentence opens with
LAST = frozenset({"NOUN", "PROPN", "ADJ", "NUM"})  # what a heading ends on
OPEN_QUOTES = frozenset({'"', "\u201c"})
CLOSE_QUOTES = frozenset({'"', "\u201d"})


def _verbless(head: Sequence[Token]) -> bool:
    return not any(p.pos_ in ("VERB", "AUX") or p.is_punct for p in head) and head[-1].pos_ in LAST


def heading_length(toks: Sequence[Token]) -> int:
    """How many tokens at the start of a sentence are a glued-on subheading (0 when none)."""
    for k in range(1, min(len(toks), MAX_HEADING + 1)):
        t = toks[k]
        if t.text in OPEN_QUOTES and k + 1 < len(toks) and toks[k + 1].is_title:
            return k if _verbless(toks[:k]) and _quoted_speech(toks[k + 1 :]) else 0
        if not t.is_title:
            if t.is_punct:
                break
            continue
        if t.pos_ not in OPENERS or t.ent_type_:
            return _run_on(toks)
        return k if _verbless(toks[:k]) else 0
    return 0


def _quoted_speech(rest: Sequence[Token]) -> bool:
    """What follows an opening quote is someone's words, not a name or a slogan: the quote ends
    on punctuation ('"It will take years," he said') or runs on past the sentence."""
    for i, t in enumerate(rest):
        if t.text in CLOSE_QUOTES:
            return i > 0 and rest[i - 1].text in {",", ".", "!", "?"}
    return True


def _run_on(toks: Sequence[Token]) -> int:
    """A short clause glued to the sentence's own: the start of a second clause joined to the first
    with no conjunction or punctuation between, capitalised, within a heading's length."""
    first = toks[0].i
    for t in toks:
        if t.dep_ != "conj" or t.pos_ not in ("VERB", "AUX") or t.head.i >= t.i:
            continue
        start = t.left_edge
        if not 0 < start.i - first <= MAX_HEADING or not start.is_title:
            continue
        doc = t.doc
        if any(x.dep_ == "cc" for x in doc[t.head.i + 1 : start.i]) or any(x.is_punct for x in doc[first : start.i]):
            continue
        return start.i - first
    return 0
