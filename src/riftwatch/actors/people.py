"""People the lexicon does not know, coded from the words that introduce them.

News introduces a person once, with who they are, and then uses the name alone:

- an apposition: "Mesut Casin, a Turkish presidential adviser, said", "a French national, Marcus
  Detrez, posted", "Doug Ford, Ontario's provincial leader, said";
- words before the name in its own noun phrase: "Turkish presidential adviser Mesut Casin",
  "Palestinian activist Mahmoud Khalil";
- a relative clause saying who they are: "Name, who heads Sudan's army, said".

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
# Conservative party", "leader of the Afghan opposition"); others give a place ("living in
# Australia"). Not for envoys: "the special envoy for North Korea" is sent there (``_SENT``).
_AFFILIATION = frozenset({"of", "for"})
# Nouns whose "to" phrase names whom one serves ("an adviser to Ukraine's president"); for others
# it names where one is sent ("ambassador to the United States").
_SERVING = frozenset({"adviser", "advisor", "aide", "assistant", "counselor", "counsellor", "consultant"})
# ... when it names a principal, not an institution ("adviser to the Chinese American Museum").
_PRINCIPALS = frozenset({"president", "minister", "government", "leader", "king", "queen", "chancellor", "premier",
                         "emir", "prince", "cabinet", "presidency"})  # fmt: skip
# Nouns whose "for" and "to" phrases name where one is sent, not whom one serves.
_SENT = frozenset({"envoy", "ambassador", "representative", "emissary", "coordinator", "negotiator"})
# Verbs of a relative clause that say who someone is: "Name, who heads Sudan's army, said".
_BEING = frozenset({"be", "serve", "head", "lead", "run", "chair", "command", "represent"})


def _noun_phrase(noun: Token) -> list[Token]:
    """The words of ``noun``'s own phrase that can say whose it is: its modifiers ("a Turkish
    presidential adviser", "Ontario's provincial leader") and the object of an "of"/"for" after it,
    with that object's modifiers ("vice chair of the Uyghur Congress"). Clauses are left out: "an
    American who has lived in China" is American."""
    out = [*(t for left in noun.lefts for t in left.subtree), noun]  # the noun too: "an American"
    lemma = noun.lemma_.lower()
    preps = set() if lemma in _SENT else _AFFILIATION | ({"to"} if lemma in _SERVING else set())
    for prep in noun.rights:
        if prep.dep_ == "prep" and prep.lower_ in preps:
            for obj in prep.rights:
                if obj.dep_ == "pobj" and (prep.lower_ != "to" or any(
                        t.lemma_.lower() in _PRINCIPALS for t in (obj, *obj.lefts))):  # "to President X"; fmt: skip
                    out.extend(t for left in obj.lefts for t in left.subtree)
                    out.append(obj)
    return out


# Nouns of an apposition that say a name the tagger took for a person's is a place's: "Papua, a
# former Dutch colony", "Bakhmut, a Russian-held town" (no one's country to read).
PLACE_NOUNS = frozenset({"colony", "province", "region", "territory", "island", "islands", "town", "city", "village",
                         "state", "country", "republic", "enclave", "district", "county", "capital", "port",
                         "peninsula", "archipelago", "protectorate", "exclave"})  # fmt: skip


def introducing_words(doc: Doc, start: int, end: int) -> list[Token]:
    """The words that say who the person named at ``doc[start:end]`` is: the premodifiers of the
    name and an apposition to it (either way round), in text order; none where the apposition says
    it is a place (``PLACE_NOUNS``)."""
    root = doc[start:end].root
    if any(right.dep_ == "appos" and right.lemma_.lower() in PLACE_NOUNS for right in root.rights):
        return []
    out = [t for left in root.lefts if left.dep_ in _PREMODIFIERS for t in left.subtree if t.i < start]
    for right in root.rights:
        if right.dep_ == "appos":  # "Name, a Turkish adviser"
            out.extend(_noun_phrase(right))
        elif right.dep_ == "prep" and right.lower_ == "of":  # "Name of Bolivia's ruling party"
            out.extend(t for o in right.children if o.dep_ == "pobj" for t in _noun_phrase(o))
        elif right.dep_ == "relcl" and right.lemma_.lower() in _BEING and any(
                c.dep_ == "nsubj" and c.lower_ == "who" for c in right.children):  # fmt: skip
            # "Name, who heads Sudan's army," / "who serves as Kenya's interior minister"
            for c in right.children:
                if c.dep_ in ("attr", "dobj"):
                    out.extend(_noun_phrase(c))
                elif c.dep_ == "prep" and c.lower_ == "as":
                    out.extend(t for o in c.children if o.dep_ == "pobj" for t in _noun_phrase(o))
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
