"""Mentions that point back to an actor named earlier in the article (``recognise`` step 5).

News names an actor in full once and then refers back to it:

- by an acronym defined in brackets: "the Haitian National Police (HNP) ... the HNP said";
- by a definite description with the same head noun: "a State Department official said ...
  The official added" (the official is the American one, not someone of the story's country);
- by a generic noun for an organisation: "the Islamic State group ... The group said",
  "the European Union ... the bloc";
- by the noun its name ends in: "the U.N. Security Council ... the council", "the International
  Court of Justice ... the court" (not the court of the story's country).

The resolvers here read the parse and the article memory kept in ``ArticleContext``; they never
guess: with no earlier actor to point to, they give nothing and the caller keeps its own default.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from ..geo.mentions import doc_words
from ..records import Actor

DEFINITE = frozenset({"the", "this", "that", "these", "those"})
# Nouns that name an organisation without saying which: resolved to the last organisation named
# whose kind fits (``None``: any non-state organisation; a set: organisations of those codes).
GENERIC_ORG_NOUNS: dict[str, frozenset[str] | None] = {
    "group": None,
    "organization": None,
    "organisation": None,
    "movement": None,
    "outfit": None,
    "agency": None,
    "bloc": frozenset({"IGO"}),
    "alliance": frozenset({"IGO"}),
    "body": frozenset({"IGO"}),  # only "the world body", "the regional body" (``_BODY``)
    # only an organisation so named: "the Security Council ... the council"
    "council": frozenset(),
    "commission": frozenset(),
    "tribunal": frozenset(),
    "assembly": frozenset(),
}
# Nouns that point back only to an organisation whose name has the same word (empty kinds above).
_NAMED_ONLY = frozenset(w for w, kinds in GENERIC_ORG_NOUNS.items() if kinds == frozenset())
# A "body" is an organisation only so qualified: "the body was found" names no one.
_BODY = frozenset({"world", "regional", "international", "continental", "global", "multilateral", "intergovernmental"})
# Sectors of a state's own institutions: a ministry is not "the group" of a later sentence.
STATE_BODY_SECTORS = frozenset({"GOV", "MIL", "COP", "SPY", "JUD", "LEG"})
_ARMED = frozenset({"rebel", "militant", "separatist", "armed", "insurgent", "jihadist", "terrorist",
                    "extremist", "paramilitary"})  # fmt: skip
ARMED_GROUP_SECTORS = frozenset({"REB", "IMG"})


def is_definite(head: Token) -> bool:
    """True when ``head`` has a definite determiner: "the official", "this group"."""
    return any(c.dep_ == "det" and c.lower_ in DEFINITE for c in head.children)


def head_key(token: Token) -> str:
    """The key an actor's head noun is remembered by: its lemma ("officials" -> "official")."""
    return (token.lemma_ or token.text).lower()


def acronym_after(doc: Doc, end: int) -> int | None:
    """The token index of an acronym defined right after a name: "National Police (HNP)", "the
    Baloch Liberation Army, or BLA,", "the Tehreek-e-Insaf party, known as PTI,"."""
    if end + 2 >= len(doc):
        return None
    if doc[end].text == "(":
        k, close = end + 1, doc[end + 2].text
        if close != ")":
            return None
    elif doc[end].text == ",":
        k = end + 2 if doc[end + 1].lower_ == "or" else end + 3 if (
            doc[end + 1].lower_ == "known" and end + 2 < len(doc) and doc[end + 2].lower_ == "as") else 0  # fmt: skip
        # (the acronym ends its phrase: ", or UN agencies" names no acronym)
        if not k or k >= len(doc) or (k + 1 < len(doc) and doc[k + 1].text not in _AFTER_ACRONYM):
            return None
    else:
        return None
    text = doc[k].text.replace(".", "")
    if not (2 <= len(text) <= 8) or not text[:1].isupper():
        return None
    if sum(c.isupper() for c in text) < 2 or not text.isalnum() or (doc[end].text == "," and not text.isupper()):
        return None  # "(Ramadan)", "(2021)": not an acronym
    return k


# What follows an acronym defined after a comma: the end of its phrase.
_AFTER_ACRONYM = frozenset({",", ".", ";", ":", ")", "\u2014", "\u2013", "-"})


def generic_org_nouns(doc: Doc) -> list[int]:
    """Indices of definite generic organisation nouns: "the group", "The separatist group", "the
    world body"."""
    # the words are read once from the ORTH array: a Token is built only for a candidate noun
    out = []
    for i, w in enumerate(doc_words(doc)):
        if w.lower() not in GENERIC_ORG_NOUNS:
            continue
        t = doc[i]
        # (a capitalised one is tagged a proper noun: "the Commission" after "the European Commission")
        noun = t.pos_ == "NOUN" or (t.pos_ == "PROPN" and t.lower_ in _NAMED_ONLY and t.is_title
                                    and not (i + 1 < len(doc) and doc[i + 1].lower_ in {"on", "for"}))  # not "the Commission on ..."
        if noun and is_definite(t) and (t.lower_ != "body" or any(c.lower_ in _BODY for c in t.lefts)):
            out.append(i)
    return out


# Generic nouns that do not name an intergovernmental body; the "Group of Seven" forums excepted.
_NOT_INTERGOVERNMENTAL = frozenset({"group", "outfit", "movement"})
_GROUP_FORUM = re.compile(r"\bgroup\b|^G-?\d+$", re.IGNORECASE)


def org_for(noun: Token, orgs: Sequence[Actor]) -> Actor | None:
    """The organisation named last that a generic ``noun`` ("the group", "the bloc", "the rebel
    group") can mean."""
    word = noun.lower_
    kinds = GENERIC_ORG_NOUNS.get(word)
    armed = any(c.lower_ in _ARMED for c in noun.lefts)
    # (a word in lower case before it that the name lacks says it is another body: "the
    # electoral commission" after "the European Commission")
    qualifiers = [c.lower_ for c in noun.lefts if c.dep_ in ("amod", "compound") and c.is_lower]
    for a in reversed(orgs):
        if word in _NAMED_ONLY:
            named = (a.org or a.text).lower().split()
            if word in named and all(q in named for q in qualifiers):
                return a
            continue
        if kinds is not None:
            if a.country in kinds and a.sector not in STATE_BODY_SECTORS:
                return a
            continue
        if armed and a.sector not in ARMED_GROUP_SECTORS:
            continue  # "the rebel group": an armed group, not the last organisation of any kind
        if a.sector in STATE_BODY_SECTORS and word != "agency":
            continue  # a state institution, or an alliance's forces, is not "the group"
        if word == "agency" and "agency" not in (a.org or a.text).lower():
            continue
        if word in _NOT_INTERGOVERNMENTAL and a.country == "IGO" and not _GROUP_FORUM.search(a.org or a.text):
            continue  # "the group" is a movement, party or armed group, not the U.N. (but the G7 is one)
        return a
    return None


# "both countries", "the two governments", "the two leaders": the two states the story named last.
PAIR_NOUNS = frozenset({"country", "nation", "state", "government", "leader", "president", "minister",
                        "neighbor", "neighbour", "ally", "capital", "side", "army", "military", "man"})  # fmt: skip
PAIR_WORDS = frozenset({"countries", "nations", "states", "governments", "leaders", "presidents", "ministers",
                        "neighbors", "neighbours", "allies", "capitals", "sides", "armies", "militaries", "men"})  # fmt: skip
# Pair nouns that name the two states' armed forces: "both armies", "the two militaries".
ARMED_PAIR_NOUNS = frozenset({"army", "military"})


def pair_phrase(doc: Doc, i: int) -> tuple[int, int] | None:
    """(first token, how many) of "both X", "the two X", "the three X" when token ``i`` is such a
    plural noun ("both countries", "the two governments", "the three military-led nations")."""
    tok = doc[i]
    if tok.tag_ not in ("NNS", "NNPS") or head_key(tok) not in PAIR_NOUNS:
        return None
    if head_key(tok) == "side" and (any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children)
                                    or (tok.dep_ == "pobj" and tok.head.lower_ in {"on", "from", "across", "along"})):
        return None  # "both sides of the border", "officials on both sides": where, not who
    lefts = [c for c in tok.lefts if c.dep_ in ("det", "predet", "nummod", "preconj", "amod", "compound")]
    if not lefts:
        return None
    first = lefts[0]
    if first.lower_ == "both" and first.dep_ in ("det", "predet", "preconj"):
        return first.i, 2
    count = {"two": 2, "three": 3}.get(lefts[1].lower_, 0) if len(lefts) > 1 and first.lower_ == "the" else 0
    if count and lefts[1].dep_ == "nummod" and lefts[1].i == first.i + 1 and i - first.i >= count - 1:
        return first.i, count
    return None


PAIR_ACTOR_LEAST = 2
# How many states beyond the pair a pair phrase looks back over, and how much more often than any
# of them the story must have made each of its own pair an actor to take that pair instead.
PAIR_LOOKBACK = 3
PAIR_DOMINANCE = 3.0


def last_states(countries: Sequence[str], n: int, weight: Mapping[str, float] | None = None) -> tuple[str, ...] | None:
    """The last ``n`` distinct states of ``countries`` (in text order), older first. With ``weight``
    (how often the story has made each an actor so far), one the story has only named, never made
    an actor ("... under Soviet-era maps"), gives way to the state named just before the last ``n``
    when the story has made that one an actor at least ``PAIR_ACTOR_LEAST`` times ("The two
    countries fought two wars": Armenia and Azerbaijan, not Azerbaijan and the Soviet Union). (How
    often is no guide beyond that: "the three countries" of a summit may include one named once.)"""
    out: list[str] = []
    for c in reversed(countries):
        if len(c) == 3 and c not in NOT_STATES and c not in out:
            out.append(c)
            if len(out) == n + PAIR_LOOKBACK:
                break
    if len(out) < n:
        return None
    if weight is not None and n == 2 and len(out) > n:
        # the story's own pair, where it has made each an actor far more often than the states
        # named since in passing ("mediated between the two sides under the co-chairmanship of
        # Russia, France and the United States ... urged both leaders": Armenia and Azerbaijan)
        top = sorted(out, key=lambda c: (-weight.get(c, 0.0), out.index(c)))[:n]
        rest = max((weight.get(c, 0.0) for c in out if c not in top), default=0.0)
        if min(weight.get(c, 0.0) for c in top) >= PAIR_DOMINANCE * max(rest, 1.0):
            return tuple(c for c in reversed(out) if c in top)
    out = out[: n + 1]
    if weight is not None and len(out) == n + 1:
        least = min(out[:n], key=lambda c: (weight.get(c, 0.0), -out.index(c)))
        if not weight.get(least) and weight.get(out[n], 0.0) >= PAIR_ACTOR_LEAST:
            out.remove(least)
    return tuple(reversed(out[:n]))


# What a dateline's mention of a state counts for, against one in the story.
DATELINE_VOTE = 0.9
_TERRITORIAL = frozenset({"REB", "OPP", "CVL", "REF", "COP", "CRM"})
NOT_STATES = frozenset({"IGO", "NGO", "IMG"})


@dataclass
class ArticleContext:
    """State carried across the docs (sentences, paragraphs) of one article."""

    # people named so far, newest last: (entry id, gender, actor); an actor of None marks someone
    # the lexicon does not know, past whom pronouns are not resolved
    recent_persons: list[tuple[str, str, Actor | None]] = field(default_factory=list)
    # whether each of ``recent_persons`` was named inside a quotation
    quoted_persons: list[bool] = field(default_factory=list)
    # the person who was last the grammatical subject of a clause, and the sentence (its start token)
    subject_person: tuple[str, Actor | None, int] | None = None
    subject_quoted: bool = False  # that subject stood inside quotation marks
    # the state or organisation that was last the subject of a sentence's main verb, and the
    # sentence (its start token): "its" opening the next sentence owns what follows ("Its defense
    # ministry ...")
    subject_org: tuple[Actor, int] | None = None
    country_counts: Counter[str] = field(default_factory=Counter)  # countries of the actors so far
    sector_counts: Counter[str] = field(default_factory=Counter)  # ... and their sectors
    dateline_counts: Counter[str] = field(default_factory=Counter)  # ... named in the dateline ("KYIV, Ukraine")
    # countries named as such, and capitals named as places ("in Tehran")
    place_counts: Counter[str] = field(default_factory=Counter)
    # the same, of the places named before the mention being read (a dateline's counting half)
    places_so_far: defaultdict[str, float] = field(default_factory=lambda: defaultdict(float))
    # people the lexicon does not know, coded from their title or affiliation ("Ghana's foreign
    # minister, Samuel Ablakwa"), by full name and by surname: a later "Ablakwa" is the same person
    named: dict[str, Actor] = field(default_factory=dict)
    # actors met again by a definite description or a generic noun (``anaphora``): the last actor
    # whose country the text gave, by the lemma of its head noun ("official"), and organisations
    heads: dict[str, Actor] = field(default_factory=dict)
    # what kind of body or office each of those was said to be ("defense" of "Cambodia's Defense
    # Ministry", "international" of "the International Court of Justice"): ``KIND_HEADS`` only
    head_kinds: dict[str, frozenset[str]] = field(default_factory=dict)
    orgs: list[Actor] = field(default_factory=list)
    # the last state's armed forces named with their country ("Sudan's army", "the Sudanese
    # military"): "the army", "the military" met again
    forces: Actor | None = None
    # the two parties the story last set against each other ("talks between Sudan's army and the
    # RSF", "fighting between the army and the rebels"): "both sides" met again
    sides: tuple[Actor, Actor] | None = None
    # the state of the place a dateline names ("MANILA, Feb 26 —"): whose officials a wire story
    # names by their title alone ("Foreign Minister X said")
    filed_from: str = ""
    # the states named so far (actors and places), in text order, for "both countries" (``pair_phrase``)
    countries_named: list[str] = field(default_factory=list)
    # acronyms the article defined for an organisation the lexicon knows by its name ("Reporters
    # Without Borders (RSF)"): acronym -> that entry's id
    acronyms: dict[str, str] = field(default_factory=dict)
    # acronyms the article defined for a body the lexicon does not know, though it knows another by
    # the same letters ("the Caspian Pipeline Consortium (CPC)" is no Communist Party of China)
    foreign_acronyms: set[str] = field(default_factory=set)

    def default_for(self, sector: str, exclude: frozenset[str] = frozenset(), among: tuple[str, ...] = ()) -> str:
        """The country for a bare sector noun: rebels, gangs, opposition, police, civilians and refugees
        belong where the story happens (the country named most often, counting capitals named as
        places); other sectors belong to the country that acts most often in the article. Never one
        of ``exclude`` (the group's backers); one of ``among`` when given (an office only those
        countries have), else the first of them."""
        if among:
            counts = self.place_counts if sector in _TERRITORIAL and self.place_counts else self.country_counts
            return max(among, key=lambda c: (counts[c] + self.place_counts[c] / 2, -among.index(c)))
        if sector in _TERRITORIAL and self.places_so_far:
            # where the story is so far (a story from Caracas that later tells of Washington's
            # sanctions), and, half as much, where the whole article is (a story filed in Doha about
            # Gaza)
            every = [c for c in dict.fromkeys([*self.places_so_far, *self.place_counts]) if c not in exclude]  # first named first, on a tie
            so_far = self.places_so_far
            return max(every, key=lambda c: (so_far.get(c, 0.0) + self.place_counts[c] / 2, self.place_counts[c]), default="")
        if sector in _TERRITORIAL and self.place_counts:
            common = [c for c, _ in self.place_counts.most_common(len(exclude) + 1) if c not in exclude]
            return common[0] if common else ""
        # a dateline's mention counts for a little less than one in the story: a bureau's country
        # is often not the story's ("NAIROBI — Ethiopian police ...")
        counts, filed = self.country_counts, self.dateline_counts
        every = [c for c in dict.fromkeys([*counts, *filed]) if c not in exclude]
        return max(every, key=lambda c: counts[c] + DATELINE_VOTE * filed[c], default="")

    def person_for(self, gender: str, subject_in_sentence: int | None = None, quoted: bool = True) -> Actor | None:
        """The person a pronoun of ``gender`` ("m"/"f") most likely refers to.

        A pronoun that is itself a subject prefers the subject of the previous or current sentence
        (``subject_in_sentence`` is that sentence's start token): in "Shoigu reported to Putin ...
        He said ...", "he" is Shoigu. Otherwise the person named last; with ``quoted`` False (a subject
        outside quotation marks) not one last named inside a quotation ("'Putin wants our land,' he
        said": the speaker, not Putin).
        """
        if subject_in_sentence is not None and self.subject_person is not None and (quoted or not self.subject_quoted):
            g, actor, sent_start = self.subject_person
            if g in ("", gender) and sent_start >= subject_in_sentence:
                return actor
        for (_, g, actor), inside in zip(reversed(self.recent_persons), reversed(self.quoted_persons), strict=True):
            if inside and not quoted:
                continue
            if actor is None:
                return None
            if g in ("", gender):
                return actor
        return None

    def remember(self, entry_id: str, gender: str, actor: Actor | None, quoted: bool = False) -> None:
        """Note a person just named (``actor`` None for someone we cannot code), ``quoted`` inside
        quotation marks."""
        if actor is None:
            self.subject_person = None  # an unknown person was named: "he" may be them
        kept = [(p, f) for p, f in zip(self.recent_persons, self.quoted_persons, strict=True)
                if not entry_id or p[0] != entry_id][-7:]
        self.recent_persons = [*(p for p, _ in kept), (entry_id, gender, actor)]
        self.quoted_persons = [*(f for _, f in kept), quoted]
