"""Sector conventions applied after recognition.

- A people named by its plural demonym ("Palestinians", "the Algerians") are civilians (CVL), as
  CAMEO codes them, unless the text gives another sector.
- Someone who no longer holds office ("former president Jacob Zuma", "ousted leader",
  "ex-premier") is an elite (ELI), not the government.
- A member of the opposition ("opposition lawmakers", "Jane Doe, leader of the main opposition
  Democratic Party", "a lawmaker from the opposition party") is the opposition (OPP), as CAMEO
  codes opposition parties and their members, not the legislature or the government; a person
  the lexicon knows keeps the sector of their dated role.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Token

from ..records import Actor
from .people import introducing_words

# (not "then-President X": in office when the act the sentence tells was done)
FORMER = frozenset({"former", "ex", "ousted", "deposed", "exiled", "toppled", "overthrown", "late", "retired"})
# ... and of whom the title is not said today ("the then-president": not today's holder)
NOT_NOW = FORMER | {"then"}
# Nouns of someone (or a body) belonging to a side: "opposition leader", "lawmaker from the opposition".
MEMBERS = frozenset({"leader", "head", "chairman", "chairwoman", "chair", "member", "lawmaker", "legislator", "mp",
                     "spokesman", "spokeswoman", "spokesperson", "figure", "politician", "activist", "candidate",
                     "senator", "deputy", "parliamentarian", "supporter"})  # fmt: skip


def _of_the_opposition(words: Sequence[Token]) -> bool:
    """A noun of membership among the words is the opposition's: "opposition" modifies it
    ("opposition lawmakers", "opposition party leader") or the object of its "of"/"from" ("leader
    of the main opposition Democratic Party", "a lawmaker from the opposition"); "a critic of the
    opposition" is none of it."""
    for m in words:
        if m.lemma_.lower() not in MEMBERS:
            continue
        mods = [t for c in m.children if c.dep_ in ("amod", "compound", "nmod") for t in c.subtree]
        for prep in (c for c in m.children if c.dep_ == "prep" and c.lower_ in ("of", "from")):
            mods += [t for o in prep.children if o.dep_ == "pobj" for t in (o, *(w for left in o.lefts for w in left.subtree))]
        if any(t.lower_ == "opposition" for t in mods):
            return True
    return False


def refine_sectors(doc: Doc, actors: Sequence[Actor]) -> list[Actor]:
    """Actors with the conventions above applied; others unchanged."""
    out: list[Actor] = []
    for a in actors:
        span = doc.char_span(a.start, a.end, alignment_mode="expand")
        if span is None:
            out.append(a)
            continue
        if a.person and a.sector in {"GOV", "MIL", ""} and any(
            t.lower_.strip("-") in FORMER for t in doc[max(span.start - 2, 0) : span.end][:4]
        ):
            out.append(replace(a, sector="ELI"))
        elif (not a.sector and a.entry_id.startswith("demonym:") and span[-1].tag_ in {"NNS", "NNPS"}
              and all(t.text[:1].isupper() for t in span) and len(span) <= 2):  # fmt: skip
            # (two names: a people with its heritage or home, "Chinese Americans", "Kosovo Serbs")
            out.append(replace(a, sector="CVL"))
        elif (a.sector in {"", "LEG"} or (a.sector == "GOV" and not a.entry_id.startswith("person:"))) and _of_the_opposition(
                [*span, *(introducing_words(doc, span.start, span.end) if a.person else ())]):  # fmt: skip
            out.append(replace(a, sector="OPP"))
        else:
            out.append(a)
    return out
