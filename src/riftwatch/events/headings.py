"""Subheadings glued to the sentence after them.

Web news flattened to plain text often loses the line break after a subheading: "Recent attacks
Since the beginning of the year, the group has ..." reaches the parser as one sentence. The heading
names a topic, not an act, so its words are no triggers. A heading is recognised by its shape: a
few words with no verb and no punctuation, ending on a noun, adjective, name or number, followed by
a capitalised function word that opens a sentence ("The", "Since", "While", "In", "A", ...) and is
not part of a name.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

MAX_HEADING = 8  # words
OPENERS = frozenset({"DET", "ADP", "SCONJ", "PRON", "ADV", "CCONJ"})  # what a sentence opens with
LAST = frozenset({"NOUN", "PROPN", "ADJ", "NUM"})  # what a heading ends on


def heading_length(toks: Sequence[Token]) -> int:
    """How many tokens at the start of a sentence are a glued-on subheading (0 when none)."""
    for k in range(1, min(len(toks), MAX_HEADING + 1)):
        t = toks[k]
        if not t.is_title:
            continue
        if t.pos_ not in OPENERS or t.ent_type_:
            return 0
        head = toks[:k]
        if any(p.pos_ in ("VERB", "AUX") or p.is_punct for p in head):
            return 0
        return k if head[-1].pos_ in LAST else 0
    return 0
