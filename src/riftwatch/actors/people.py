"""People the lexicon does not know, coded from the words that introduce them.

News introduces a person once, with who they are, and then uses the name alone:

- an apposition: "Mesut Casin, a Turkish presidential adviser, said", "a French national, Marcus
  Detrez, posted", "Doug Ford, Ontario's provincial leader, said";
- words before the name in its own noun phrase: "Turkish presidential adviser Mesut Casin",
  "Palestinian activist Mahmoud Khalil".

The country is that of the first country, demonym, capital or place named in those words (read
from the parse; relative and other clauses inside them are left out: "an American who has lived in
China" is American). The caller remembers the person by name, so that "Casin said" later is coded
too.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

# Words before a name that belong to it: compound nouns, adjectives, possessives.
_PREMODIFIERS = frozenset({"compound", "amod", "nmod", "poss"})
# Prepositions after the noun of an apposition that give an affiliation ("secretary for Britain's
# Conservative party", "leader of the Afghan opposition"); others give a place ("living in Australia").
_AFFILIATION = frozenset({"of", "for"})


def _noun_phrase(noun: Token) -> list[Token]:
    """The words of ``noun``'s own phrase that can say whose it is: its modifiers ("a Turkish
    presidential adviser", "Ontario's provincial leader") and the object of an "of"/"for" after it,
    with that object's modifiers ("vice chair of the Uyghur Congress"). Clauses are left out: "an
    American who has lived in China" is American."""
    out = [*(t for left in noun.lefts for t in left.subtree), noun]  # the noun too: "an American"
    for prep in noun.rights:
        if prep.dep_ == "prep" and prep.lower_ in _AFFILIATION:
            for obj in prep.rights:
                if obj.dep_ == "pobj":
                    out.extend(t for left in obj.lefts for t in left.subtree)
                    out.append(obj)
    return out


def introducing_words(doc: Doc, start: int, end: int) -> list[Token]:
    """The words that say who the person named at ``doc[start:end]`` is: the premodifiers of the
    name and an apposition to it (either way round), in text order."""
    root = doc[start:end].root
    out = [t for left in root.lefts if left.dep_ in _PREMODIFIERS for t in left.subtree if t.i < start]
    for right in root.rights:
        if right.dep_ == "appos":  # "Name, a Turkish adviser"
            out.extend(_noun_phrase(right))
    if root.dep_ == "appos" and root.head.i < start:  # "a French national, Name"
        head = root.head
        while head.dep_ == "pobj" and head.head.dep_ == "prep" and head.head.head.pos_ in ("NOUN", "PROPN"):
            head = head.head.head  # "X's representative to the United Nations, Name": the representative
        out.extend(_noun_phrase(head))
    return sorted(set(out), key=lambda t: t.i)


def country_of_person(doc: Doc, start: int, end: int, countries: dict[int, str]) -> tuple[str, int] | None:
    """The country the introducing words give a person (``countries``: token -> country of the
    countries, demonyms, capitals and places named there), with the token it was read from."""
    for t in introducing_words(doc, start, end):
        country = countries.get(t.i)
        if country:
            return country, t.i
    return None
