"""Actors and places that share words: "troops in Syria" names a place, "Syria attacked" an actor.

Also maps tokens to the actors covering them, and adds demonym modifiers the recogniser leaves out
("Pakistani fire").
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from ..geo.mentions import doc_words, lead_dateline
from ..records import Actor, Place
from .mentions import ETHNIC_ONLY, describing, said_to_be, stance_towards


def actor_index(doc: Doc, actors: Sequence[Actor], offset: int = 0) -> dict[int, Actor]:
    """Map each token index to the actor whose span covers it."""
    out: dict[int, Actor] = {}
    for a in actors:
        span = doc.char_span(a.start - offset, a.end - offset, alignment_mode="expand")
        if span is None:
            continue
        for t in span:
            out.setdefault(t.i, a)
    return out


# Prepositions after which a country or capital names a place, not an actor.
LOCATIVE_PREPS = frozenset({"in", "at", "near", "around", "across", "into", "inside", "throughout", "outside",
                            "to", "from", "toward", "towards", "within", "over", "through", "via"})  # fmt: skip


def _part_of_a_place(root: Token) -> bool:
    """"in the north of Khartoum", "near the outskirts of Kabul": the "of" object of a noun that a
    locative preposition governs is a place too."""
    of = root.head
    if root.dep_ != "pobj" or of.lower_ != "of" or of.dep_ != "prep":
        return False
    noun = of.head
    return noun.pos_ == "NOUN" and noun.dep_ == "pobj" and noun.head.lower_ in LOCATIVE_PREPS


# Words that make a name after a hyphen a time or a manner: "Soviet-era", "Soviet-style".
_PERIOD_WORDS = frozenset({"era", "style"})


def _period_word(doc: Doc, i: int) -> bool:
    return i + 2 < len(doc) and doc[i + 1].text in ("-", "\u2013") and doc[i + 2].lower_ in _PERIOD_WORDS


def split_locative(
    doc: Doc, actors: Sequence[Actor], places: Sequence[Place], lexicon: object
) -> tuple[list[Actor], list[Actor]]:
    """Separate actors that are really places ("troops in Syria and Iraq", "strikes in northern
    Syria") from real actors. Returns (actors, latent): latent actors are countries and capitals
    named as places, which a trigger may still read as actors ("sparked anger in Moscow")."""
    kept: list[Actor] = []
    lo, hi = lead_dateline(doc)  # a headline, a byline and a dateline are a few words
    if any(a.start == lo and a.entry_id.startswith("country:") for a in actors):
        lo = hi = 0  # a dateline names a city: "US - China talks resume" opens with parties, not a dateline
    for a in actors:
        placed = any(p.start <= a.start and a.end <= p.end for p in places)
        if lo <= a.start and a.end <= hi:
            continue  # the dateline says where the story was filed and by whom ("KABUL (AP) —"), not who acted
        if a.person or a.org or not placed:
            kept.append(a)
            continue
        span = doc.char_span(a.start, a.end, alignment_mode="expand")
        root = span.root if span is not None else None
        joined = root is not None and root.dep_ == "conj"
        while root is not None and root.dep_ == "conj":
            root = root.head
        if root is not None and root.dep_ == "pobj" and root.head.lower_ in LOCATIVE_PREPS:
            if joined and a.sector and _owns_head(root, kept, a.sector):
                kept.append(a)  # "officials from Saudi Arabia and Iran": Iran's officials too
            continue
        if root is not None and _part_of_a_place(root):
            continue
        kept.append(a)
    latent: list[Actor] = []
    lookup = getattr(lexicon, "lookup", None)
    kept.extend(_modifier_demonyms(doc, kept, lookup))
    kept.sort(key=lambda a: a.start)
    taken = {(a.start, a.end) for a in kept}
    text = doc.text if places else ""
    for p in places:
        if (p.start, p.end) in taken or lookup is None or lo <= p.start < p.end <= hi or p.precision not in {"city", "country"}:
            continue
        if describing(text, p.end, p.start):
            continue  # "Iran-backed rebels", "pro-Russia separatists": Russia does nothing here
        for entry in lookup(p.text):
            if getattr(entry, "kind", "") in {"capital", "country"}:
                latent.append(Actor(text=p.text, start=p.start, end=p.end, name=p.name, country=entry.country,
                                    sector=entry.sector, entry_id=entry.id))  # fmt: skip
                break
    return kept, latent


def _owns_head(first: Token, kept: Sequence[Actor], sector: str) -> bool:
    """The first of joined countries after "from"/"of" belongs to an actor of ``sector`` whose head
    noun the preposition hangs on ("officials from Saudi Arabia and ...")."""
    prep = first.head
    noun = prep.head
    if prep.lower_ not in ("from", "of") or noun.pos_ not in ("NOUN", "PROPN"):
        return False
    return any(k.sector == sector and k.start <= noun.idx < k.end for k in kept)


# "Former" before a nationality and a noun of statehood: states that no longer belong to it.
FORMER = frozenset({"former", "ex"})
STATE_NOUNS = frozenset({"republic", "state", "country", "colony", "territory", "satellite", "member"})


# Participles after a nationality that say whose a ship or a firm is: "British-flagged", "Greek-owned".
FLAG_WORDS = frozenset({"flagged", "registered", "owned"})


def _flag_of(doc: Doc, i: int) -> bool:
    """Token ``i`` opens "X-flagged", "X-owned" or "X-registered"."""
    return i + 2 < len(doc) and doc[i + 1].text in ("-", "\u2013") and doc[i + 2].lower_ in FLAG_WORDS


def _modifier_demonyms(doc: Doc, actors: Sequence[Actor], lookup: object) -> list[Actor]:
    """Demonyms modifying a noun that names no actor: "Pakistani fire", "Iranian nuclear sites",
    each of conjoined ones: "Canadian and Mexican exports".

    The recogniser leaves such adjectives out; as arguments of an event they still say whose it is.
    Coded with the country only (no sector).
    """
    if lookup is None:
        return []
    covered = {i for a in actors for i in range(a.start, a.end)}
    out: list[Actor] = []
    for i, word in enumerate(doc_words(doc)):  # a Token is built only for a capitalised word
        if not word[:1].isupper():
            continue
        tok = doc[i]
        if tok.idx in covered:
            continue
        top = tok  # "Chinese and Russian proposal": "Russian" is a conjunct of the modifier
        listed = False  # ... or of an actor: "by United Nations, U.S., French, Chinese and Mexican representatives"
        while top.dep_ == "conj" and top.head.i < top.i:
            top = top.head
            listed = listed or top.idx in covered
        flag = _flag_of(doc, i)  # "a British-flagged tanker", "a Greek-owned ship": whose the ship is
        if not flag and not listed and (top.dep_ not in {"amod", "compound", "nmod"} or top.head.pos_ not in {"NOUN", "PROPN"}):
            continue
        kinds = ("demonym", "country") if flag else ("demonym",)
        entries = [e for e in lookup(tok.text) if getattr(e, "kind", "") in kinds]  # type: ignore[operator]
        before = f"{doc[i - 2].text}-" if i > 1 and doc[i - 1].text == "-" else f"{doc[i - 1].text} " if i > 0 else ""
        if entries and before and any(getattr(e, "kind", "") == "ignore" for e in lookup(before + tok.text)):  # type: ignore[operator]
            continue  # "Latin American countries", "the Inter-American Dialogue": a region's, not the United States'
        if entries and (stance_towards(doc, i) or _period_word(doc, i)):
            continue  # "a pro-Russian bloc", "Soviet-era ammunition": whom it is for, when it was made; no party
        if entries and any(t.idx in covered for t in said_to_be(top)):
            continue  # "U.N. envoy Hans Grundberg, a Swedish diplomat": what the envoy is, no party
        if entries and i > 0 and doc[i - 1].lower_ in FORMER and top.head.lemma_.lower() in STATE_NOUNS:
            continue  # "former Soviet republics", "a former British colony": states of their own now
        if entries:
            e = entries[0]
            start, text = tok.idx, tok.text
            if out and out[-1].end + 1 == tok.idx and doc[i - 1].whitespace_ and out[-1].entry_id.startswith("demonym:"):
                # "the Turkish Cypriot side", "Bosnian Serb leaders": two names of a people, one party
                # (of the second, the citizens, or of the first where the second is a people that is
                # no state's: where they live)
                kin = out.pop()
                start, text, e = kin.start, f"{kin.text} {tok.text}", (kin if tok.lower_ in ETHNIC_ONLY else e)
            out.append(Actor(text=text, start=start, end=tok.idx + len(tok), name=text,
                             country=e.country, sector="", entry_id=f"demonym:{e.country}"))  # fmt: skip
    return out
