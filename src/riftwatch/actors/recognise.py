"""Find coded actors in a parsed ``Doc``: names, titles, sector nouns, compounds and pronouns.

How it works, in one pass per doc (steps 1-2 live in ``mentions``, step 3 in ``groups``):

1. One ``PhraseMatcher`` on ``LOWER`` finds every lexicon surface form (built once per lexicon and
   vocab and cached). A case check then keeps "Turkey" but not "turkey", "US" but not "us" —
   equivalent to an ``ORTH`` matcher plus a ``LOWER`` matcher for case variants, in one scan.
2. Overlaps are resolved longest-first; a capital after a locative preposition ("in Tehran") is a
   place, not an actor; "Iran-backed" does not make Iran an actor.
3. Neighbouring mentions are combined into one actor: owner + sector noun ("Iranian forces",
   "Iran's political and military hierarchies", "Hizballah units"), owner + title + name
   ("Syrian President Bashar Assad"), title + "of" + owner ("commander of the Al Qods Brigades"),
   appositions ("Russia's defense minister, Gen. Sergei Shoigu" → one actor). Conjoined owners
   each get their own actor ("Russian, Syrian and Iranian forces" → three).
4. Persons are coded by the publication date through their dated roles; a title with a country
   and no name resolves to the office holder on that date (``Lexicon.holder``).
5. Bare sector nouns ("the rebels") take ``default_country``; "he"/"she"/"his" take the person
   last named (carried across the docs of one article by an ``ArticleContext``).

Coding choices: a defence minister is coded MIL (CAMEO and Phoenix code defence ministries as
military; a defence minister's statements and orders concern the armed forces).
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy
from spacy.symbols import PROPN  # type: ignore[import-not-found]
from spacy.tokens import Doc, Token

from ..events.modality import SPEECH_VERBS
from ..geo.mentions import after_feature_of, doc_words, lead_dateline
from ..records import Actor, Place
from .anaphora import (
    ARMED_GROUP_SECTORS,
    ARMED_PAIR_NOUNS,
    NOT_STATES,
    PAIR_WORDS,
    STATE_BODY_SECTORS,
    ArticleContext,
    acronym_after,
    generic_org_nouns,
    head_key,
    is_definite,
    last_states,
    org_for,
    pair_phrase,
)
from .audience import has_credit_line, in_credit_line, is_audience
from .groups import (
    MODIFIER_DEPS,
    OFFICERS,
    Group,
    combine_groups,
    group_mentions,
    group_sector,
    name_bodies,
    unknown_names,
)
from .lexicon import Entry, Lexicon, fold
from .mentions import (
    ETHNIC_ONLY,
    GENERIC_PARTY_WORDS,
    POSSESSIVE,
    Mention,
    lexicon_mentions,
    said_to_be,
    span_text,
    stance_towards,
)
from .people import country_of_person
from .refine import NOT_NOW

# ArticleContext lives in ``anaphora``; callers make one per article from here
__all__ = ["ArticleContext", "actor_for_token", "actors_for_token", "dominant_country", "find_actors", "located_in"]

_PRONOUNS = {
    "he": "m",
    "him": "m",
    "his": "m",
    "himself": "m",
    "she": "f",
    "her": "f",
    "hers": "f",
    "herself": "f",
}


@dataclass(slots=True)
class _Coded:
    country: str
    sector: str
    person: str = ""
    org: str = ""
    person_entry: Entry | None = None
    regional: bool = False  # "European leaders": of several states, none named (``REGIONAL``)
    unknown: bool = False  # "unidentified gunmen": of no country the text knows (``UNKNOWN``)
    owned: bool = False  # "its citizens": of whom the possessive pronoun before it stands for (``OWNED``)


# The part of an actor's ``entry_id`` that says its group is of a region of several states, not
# of one unnamed country: no event's place gives it a country ("European leaders met in Kyiv").
REGIONAL = "scope:regional"
# ... that it is a body of its country's people the lexicon does not know, by its name ("the Uganda
# Law Society"): no state (``groups.name_bodies``)
BODY = "named:body"
# ... that its country is that of the possessive pronoun before it ("its citizens"): given, no guess
OWNED = "pronoun:owner"
# ... or that the text says it does not know whose it is ("unidentified gunmen", "unknown assailants").
UNKNOWN = "scope:unknown"


# Titles of a state's envoys: with a state and an organisation in the phrase ("Britain's U.N.
# ambassador", "Pakistan's permanent representative to the United Nations") the state's.
DIPLOMATIC_POSTS = frozenset({"ambassador", "envoy"})


def _envoy_of_state(g: Group, org_country: str) -> bool:
    """"Britain's U.N. ambassador": a state's envoy to the organisation, not the organisation's."""
    owner = g.owner.entry if g.owner else None
    return (owner is not None and bool(owner.country) and owner.country not in NOT_STATES and org_country in NOT_STATES
            and g.head is not None and g.head.role in DIPLOMATIC_POSTS)  # fmt: skip


# sectors whose titles name no office of the state: "the rebel commander" is not the army's
NOT_AN_OFFICE = frozenset({"REB", "OPP", "CVL", "REF", "CRM", "PTY", "MED", "BUS", "NGO", "HRI", "EDU", "LAB", "REL"})


# Countries whose people's names are written family name first in English news.
FAMILY_NAME_FIRST = frozenset({"CHN", "TWN", "HKG", "MAC", "KOR", "PRK"})


# Sectors of words that describe what someone was or does ("businessman", "politician"), not an
# office: a person the lexicon knows in office keeps that office's sector ("appointed businessman X
# prime minister").
DESCRIBING_SECTORS = frozenset({"BUS", "PTY"})


def _code(g: Group, lexicon: Lexicon, when: dt.date | None, holder_ok: bool = True) -> _Coded | None:
    """Codes for a group, or None when it is not an actor on its own (e.g. "Iranian oil");
    ``holder_ok`` False: a title is not resolved to its holder ("the former president")."""
    owner = g.owner.entry if g.owner else None
    org_e = g.org.entry if g.org else None
    poss = g.possessor.entry if g.possessor else None
    head = g.head
    country = owner.country if owner else ""
    org_country, org_sector, org_name = org_e.codes_at(when) if org_e else ("", "", "")
    if _envoy_of_state(g, org_country):
        org_e, org_country, org_sector, org_name = None, "", "", ""
    if (org_e is not None and owner is not None and owner.kind in ("country", "demonym") and len(org_country) == 3
            and org_country not in NOT_STATES and owner.country != org_country and org_sector in STATE_BODY_SECTORS):  # fmt: skip
        # a state's agency of a name other states' bear too is the owner's: "Georgia's State
        # Security Service" is no Nigerian one
        org_e, org_country, org_name = None, "", ""
    if org_e is not None:
        country = org_country or country
    elif poss is not None and not country:
        country = poss.codes_at(when)[0]
    if g.person is not None:
        pe = g.person.entry
        if pe is None:
            return None  # unknown people are coded in _code_in_doc, which has their text
        role = head.role if head else ""
        active = pe.roles_at(when)
        match = next((r for r in active if role and r.title == role), None)
        p_country, p_sector, p_org = pe.codes_at(when)
        if not holder_ok and org_e is not None and p_country:
            # "former NATO Secretary General Anders Fogh Rasmussen": the office was, the person is
            return _Coded(p_country, p_sector, pe.name, p_org, pe)
        described = head.sector if head and not (head.sector in DESCRIBING_SECTORS and active) else ""
        sector = (match.sector if match else "") or described or org_sector or p_sector
        return _Coded(
            country or (match.country if match else p_country),
            sector,
            pe.name,
            org_name or (match.org if match and match.org else p_org),
            pe,
        )
    if head is None:
        return _Coded(
            country, org_sector or (owner.sector if owner and owner.kind == "capital" else ""), "", org_name
        )
    if not country and not org_e:
        return None  # a bare head: resolved later against the article context
    if head.needs_name:
        return None
    coded = _Coded(country, group_sector(g, org_sector), "", org_name)
    if head.role and head.is_title and holder_ok and coded.sector not in NOT_AN_OFFICE:
        holder = lexicon.holder(head.role, country, when, org_name if org_e else "")
        if holder is not None:
            coded.person, coded.person_entry = holder.name, holder
            match = next(
                (r for r in holder.roles if r.title == head.role and (when is None or r.active(when))), None
            )
            if match and match.sector and not org_e:
                coded.sector = match.sector
    return coded


def find_actors(
    doc: Doc,
    lexicon: Lexicon,
    published: dt.date | None,
    offset: int = 0,
    *,
    default_country: str | None = None,
    context: ArticleContext | None = None,
    places: Sequence[Place] = (),
) -> list[Actor]:
    """Coded actors in ``doc``, sorted by start and non-overlapping.

    ``start``/``end`` are offsets into the article text (``doc`` offsets + ``offset``). Persons and
    titles are resolved on ``published`` (the latest holder when None). Bare sector nouns ("the
    rebels") take ``default_country``; None means: the country of a place in their own phrase ("the
    rebels in northern Mali", with ``places`` resolved in ``doc``, or a country named there), else
    from the article so far (``context``, see ``ArticleContext.default_for``); "" means none. Pass one ``context`` for all docs of an article so that
    "he" finds a person named in an earlier doc.

    >>> from riftwatch.parse import load_nlp
    >>> doc = load_nlp()("Tehran has decided to send its envoy.")
    >>> [(a.text, a.country, a.sector) for a in find_actors(doc, Lexicon.load(), None)]
    [('Tehran', 'IRN', 'GOV')]
    """
    ctx = context if context is not None else ArticleContext()
    mentions = _acronyms_as_defined(doc, _named_by_acronym(doc, lexicon_mentions(doc, lexicon, published, ctx.place_counts)),
                                    lexicon, ctx)
    mentions = _described_states(doc, mentions, lexicon, ctx)
    mentions, halves = _halves_named(doc, mentions, lexicon, ctx)
    groups = unknown_names(doc, name_bodies(doc, combine_groups(doc, group_mentions(doc, mentions))))
    coded: list[tuple[Group, _Coded | None]] = []
    where: dict[int, str] = {}  # token -> the country a place or country name there denotes
    # an organisation's name is no town, whatever town bears it ("Hamas" is no Hamm)
    org_names = {(m.start, m.end) for m in mentions if m.entry is not None and m.entry.kind == "org"}
    # nor a word of a sector's own name ("Coast Guard" is no Coast region of Tanzania)
    sector_names = {(m.start, m.end) for m in mentions if m.entry is not None and m.entry.kind == "sector_noun" and m.end - m.start > 1}
    # nor is a word of a person's name ("Maria Corina Machado" is no Machado, Brazil)
    in_person = {i for g in groups if g.person is not None for i in range(g.person.start, g.person.end)}
    marks: list[tuple[int, str, float]] = []  # (token, country, weight) of each place: where the story is so far
    # a country's name the gazetteer read, in this story, as a state or province of another country
    # ("Georgia's governor Brian Kemp" in a story from Atlanta): token -> that country
    namesakes: dict[int, str] = {}
    # a dateline ("KYIV, Ukraine (AP) —") says where and by whom the story was filed: the agency
    # is no party of the story (its place still tells where the story happens)
    opened, filed = lead_dateline(doc) if offset == 0 else (0, 0)
    for p in places:
        span = doc.char_span(p.start - offset, p.end - offset, alignment_mode="expand")
        if span is not None and (any(a <= span.start and span.end <= b for a, b in org_names) or span.start in in_person) and p.precision == "city":
            continue
        if span is not None and stance_towards(doc, span.start):
            continue  # "anti-Japan protests across China": not where the story is
        if span is not None and p.precision != "country" and any(a <= span.start and span.end <= b for a, b in sector_names):
            continue
        if span is not None and p.country:
            where.update((t.i, p.country) for t in span)
            # (a province of a country the story names elsewhere too: not a town, nor a subdivision
            # of a country it never names, "Montenegro" read as a Brazilian municipality)
            if p.precision == "admin" and any(q.country == p.country and q.name != p.name and q.precision != "admin" for q in places):
                namesakes.update((t.i, p.country) for t in span)
            if len(p.country) == 3 and p.country not in NOT_STATES:
                # where the story happens: every place it names; a dateline says where the story
                # was filed, often a bureau away from it: half a vote for where the story is so far
                marks.append((span.start, p.country, 0.5 if p.start - offset < filed else 1.0))
                if p.start - offset < filed and not ctx.filed_from:
                    ctx.filed_from = p.country
    credit = has_credit_line(doc)
    # names the story makes a party as a state ("Niger accused Benin"): the state wherever they stand,
    # whatever province of a country the story names bears them (one sense per name)
    states_named = {doc[g.owner.start : g.owner.end].text for g in groups
                    if g.owner is not None and g.owner.kind == "country" and _acts_alone(doc, g)}  # fmt: skip
    for g in groups:
        if g.person is not None and g.person.entry is None and opened <= doc[g.start].idx < filed:
            continue  # a dateline names no one the lexicon does not know: "Zawiya (Libya) (AFP) -" is a town
        c = _code_in_doc(doc, g, lexicon, published)
        if (c is not None and g.owner is not None and g.owner.kind == "country" and g.owner.entry is not None and doc[g.owner.start : g.owner.end].text not in states_named
                and namesakes.get(g.owner.start, c.country) not in (c.country, "") and c.country == g.owner.entry.country):  # fmt: skip
            c.country = namesakes[g.owner.start]  # the US state of Georgia, not the country
        if c is not None and c.sector == "MED" and doc[g.start].idx < filed:
            continue  # a dateline's agency is no actor of the story, nor "the movement" it tells of
        coded.append((g, c))
        if c is not None and ((c.sector == "MED" and is_audience(doc[g.start : g.end].root))
                              or (credit and in_credit_line(doc[g.start]))
                              or (c.sector == "MED" and doc[g.start].idx < filed)):  # fmt: skip
            continue  # "a spokesman told AFP", a credit line, a dateline's agency: no actor of the story (actors.audience)
        if c is not None and len(c.country) == 3 and c.country not in NOT_STATES and doc[g.start].idx < filed:
            # the dateline's places say where the story was filed, often a bureau away from it: a
            # tie goes to the story's own words (``ArticleContext.default_for``)
            ctx.dateline_counts[c.country] += 1
        elif (c is not None and len(c.country) == 3 and c.country not in NOT_STATES and not (g.owner and g.owner.start in halves)
              and not (g.owner is None and g.org is not None and g.org.entry is not None and _generic_party(g.org.entry))):  # fmt: skip
            # (nor a party of a name any country's party may bear: it does not say which country
            # the story is about, ``_home_of_namesake_party``)
            # (a half met by its compass word alone is a state named before, met again: the story is
            # no more about it for that; bare nouns keep the country they had: ``default_for``)
            ctx.country_counts[c.country] += 1
            if g.named_only and g.owner is not None and g.owner.kind == "country" and g.start not in where:
                marks.append((g.start, c.country, 1.0))
            if g.named_only and g.owner is not None and g.owner.kind in ("country", "capital"):
                where.update((i, c.country) for i in range(g.start, g.end))
    ctx.place_counts.update(country for _, country, _ in marks)
    found = _emit(doc, lexicon, coded, published, offset, default_country, ctx, where, _owners(coded), sorted(marks))
    found = _where_they_live(_kin_compounds(doc, found, offset, lexicon), lexicon, ctx)
    return _ship_names(doc, _without_descriptions(doc, found, offset), offset)


def _acts_alone(doc: Doc, g: Group) -> bool:
    """The group is a country's name alone, standing as a party of its clause ("Niger accused
    Benin"), not as a modifier of a noun ("Georgia Republicans")."""
    return g.named_only and g.org is None and doc[g.start : g.end].root.dep_ not in MODIFIER_DEPS


def _set_against(doc: Doc, g: Group, actor: Actor, actors: Sequence[Actor], offset: int) -> tuple[Actor, Actor] | None:
    """The two parties a "between" phrase sets against each other, when ``actor`` (of ``g``) is the
    second: "talks between Sudan's army and the RSF", "fighting between the army and the rebels"
    (two actors, not one side twice); or a state's forces and the rebels of its land named together
    anywhere (over 265 helper articles, "both sides" of a war in Sudan or Colombia four times right
    where they had been the last two states named)."""
    root = doc[g.start : g.end].root
    first = root.head
    if root.dep_ != "conj":
        return None
    a = actor_for_token(actors, first, offset)
    if a is None or not a.country or not actor.country or (a.country, a.sector) == (actor.country, actor.sector):
        return None
    if first.dep_ == "pobj" and first.head.lower_ == "between":
        return a, actor
    # "Delegations from Sudan's army and the RSF": a state's forces named with the armed group of
    # its own land are the two sides of a war within it, as after "between"
    sectors = {a.sector, actor.sector}
    if a.country == actor.country and len(sectors & {"GOV", "MIL"}) == 1 and len(sectors & {"REB"}) == 1:
        return a, actor
    return None


# Lexicon entries of a navy's ship prefix ("USS", "HMS"): the capitalised words after it name the
# ship, not a person or a place ("the USS Carney" is no Mark Carney).
SHIP_PREFIXES = frozenset({"org:us-navy-ship", "org:royal-navy-ship"})


def _without_descriptions(doc: Doc, actors: list[Actor], offset: int) -> list[Actor]:
    """No actor of its own for what someone coded is said to be (``said_to_be``), through names in
    apposition too ("the EU envoy, Jane Doe, a former Danish diplomat"); a description with a name
    or an organisation of its own stays ("X, a former vice president of the Serb List"), and so
    does one of someone coded by nothing else."""
    starts = {t.idx + offset: t.i for t in doc}
    spans = [(a.start - offset, a.end - offset) for a in actors]

    def coded(t: Token) -> bool:
        return any(lo <= t.idx < hi for lo, hi in spans)

    out: list[Actor] = []
    for a in actors:
        i = starts.get(a.start)
        if i is not None and not a.person and not a.org and any(coded(t) for t in said_to_be(doc[i])):
            continue
        out.append(a)
    return out


def _ship_names(doc: Doc, actors: list[Actor], offset: int) -> list[Actor]:
    """A ship prefix's actor stretched over the ship's name, and no actor inside that name."""
    if not any(a.entry_id in SHIP_PREFIXES for a in actors):
        return actors
    ends = {t.idx + offset: t.i for t in doc}
    out: list[Actor] = []
    name_end = -1
    for a in actors:
        if a.start < name_end:
            continue  # a word of the ship's name
        if a.entry_id in SHIP_PREFIXES and (i := ends.get(a.start)) is not None:
            j = i + 1
            while j < len(doc) and (doc[j].text[:1].isupper() or doc[j].text == ".") and j - i <= 5:
                j += 1
            if j > i + 1:
                last = doc[j - 1]
                name_end = last.idx + len(last) + offset
                a = replace(a, text=doc[i:j].text, end=name_end)
        out.append(a)
    return out


def _kin_compounds(doc: Doc, actors: list[Actor], offset: int, lexicon: Lexicon) -> list[Actor]:
    """A people named with the country it lives in, or its heritage, before it: one actor of one
    country. "Chinese Americans", "Turkish Cypriot leaders" are of the second (the citizens);
    "Kosovo Serbs" (a country's name before them) and "Bosnian Serb lawmakers" (a people's name
    that is no state's) of the first, where they live."""
    if not any(a.entry_id.startswith("demonym:") for a in actors):
        return actors
    starts = {t.idx + offset: t.i for t in doc}
    out: list[Actor] = []
    for b in actors:
        i = starts.get(b.start)
        # (a person named by their people: "Bosnian Serb leader Milorad Dodik" is one actor, the person's)
        led = bool(b.person) and b.text.split()[0].lower() in ETHNIC_ONLY
        if (not b.entry_id.startswith("demonym:") and not led) or not i or len(b.country) != 3 or b.country in NOT_STATES:
            out.append(b)
            continue
        before = doc[i - 1]
        at = before.idx + offset
        kin = [e for e in lexicon.lookup(before.text) if e.kind in ("demonym", "country") and len(e.country) == 3
               and e.country not in NOT_STATES and (led or e.country != b.country)]  # fmt: skip
        own = out[-1] if out and out[-1].start == at and out[-1].end == at + len(before) else None
        if not kin or not before.text[:1].isupper() or before.whitespace_ != " " or (own is None and out and out[-1].end > at):
            out.append(b)
            continue
        home = b.country if led else kin[0].country if kin[0].kind == "country" or b.text.split()[0].lower() in ETHNIC_ONLY else b.country
        if own is not None:
            out.pop()  # the first name, coded as an actor of its own
        name = b.name if home == b.country else lexicon.country_name(home)
        # a people's leaders where it lives as a community are not that state's government
        sector = "" if home != b.country and b.sector == "GOV" else b.sector
        out.append(replace(b, text=f"{before.text} {b.text}", start=at, country=home, name=name, sector=sector))
    return out


def _where_they_live(actors: list[Actor], lexicon: Lexicon, ctx: ArticleContext) -> list[Actor]:
    """A people that is no state's, named alone ("Serbs", "Serb leaders", "Croat parties"), is of
    the country the story happens in (Kosovo's Serbs, Bosnia's Croats), where that is not the state
    of its name, and of the country named before it where one is ("Bosnian Serb opposition leader
    X"); its leaders there are no state's government."""
    out = actors
    for k, a in enumerate(actors):
        words = a.text.split()
        j = next((j for j, w in enumerate(words) if w.lower() in ETHNIC_ONLY), None)
        if j is None or not a.entry_id.startswith("demonym:") or "person:" in a.entry_id:
            continue
        if a.country not in {e.country for e in lexicon.lookup(words[j]) if e.kind == "demonym"}:
            continue  # coded by another word ("Serbian police", "Kosovo Serbs")
        kin = [e.country for e in lexicon.lookup(words[j - 1]) if e.kind in ("demonym", "country")] if j else []
        home = kin[0] if kin else ctx.default_for("CVL") if j == 0 else ""
        if not kin and not ctx.place_counts[home]:
            continue  # (where the story is, by the places it names)
        if len(home) != 3 or home in NOT_STATES or home == a.country:
            continue
        if out is actors:
            out = list(actors)
        out[k] = replace(a, country=home, name=lexicon.country_name(home), sector="" if a.sector == "GOV" else a.sector)
    return out


def _acronyms_as_defined(doc: Doc, mentions: list[Mention], lexicon: Lexicon, ctx: ArticleContext) -> list[Mention]:
    """An acronym the text defines after an organisation's name is that organisation, where it is
    defined and later in the article, whatever other body the lexicon knows by it: "Reporters
    Without Borders (RSF) ... RSF said" is no Rapid Support Forces."""
    # the organisation each acronym in brackets follows: acronym token -> that organisation's entry
    defining = {k: o.entry for o in mentions
                if o.kind == "org" and o.entry is not None and (k := acronym_after(doc, o.end)) is not None}  # fmt: skip
    spelled = _spelled_out(doc, mentions, ctx)
    out: list[Mention] = []
    for m in mentions:
        if (m.kind == "org" and m.entry is not None and m.entry.country not in NOT_STATES
                and any(lo <= m.start and m.end <= hi and (m.end - m.start == 1 or m.end < hi) for lo, hi in spelled.values())):  # fmt: skip
            # a word or part of a name the text spells out as another body's ("the Department of
            # State Services (DSS)" is Nigeria's); a body of an international one is still its
            # ("the African Union Commission (AUC)")
            continue
        if m.kind == "org" and m.entry is not None and m.end - m.start == 1:
            word = doc[m.start].text
            if word in ctx.foreign_acronyms:
                continue
            defined_by = defining.get(m.start)
            if defined_by is not None and defined_by.id != m.entry.id:
                ctx.acronyms[word] = defined_by.id
            again = lexicon.get(ctx.acronyms.get(word, ""))
            if again is not None and again.id != m.entry.id:
                m = Mention(m.start, m.end, again)
        out.append(m)
    return out


# Words a name's initials skip: "Organization for Economic Cooperation and Development" (OECD).
_NAME_LINKS = frozenset({"of", "for", "and", "the", "on", "in", "de", "&"})


def _spelled_out(doc: Doc, mentions: Sequence[Mention], ctx: ArticleContext) -> dict[int, tuple[int, int]]:
    """Acronyms in brackets after a name whose initials spell them, where the lexicon does not know
    that name ("the Caspian Pipeline Consortium (CPC)", "the Department of State Services (DSS)"):
    acronym token -> (first, end) tokens of the name. Such a name is of a body the lexicon lacks,
    not of one whose name is a part of it, nor of another it knows by the same letters under
    another full name (those acronyms go to ``ctx.foreign_acronyms``); an acronym the lexicon
    knows by no full name is taken to be the body the text names."""
    out: dict[int, tuple[int, int]] = {}
    known = {(m.start, m.end) for m in mentions if m.entry is not None}
    entry_at = {m.start: m.entry for m in mentions if m.entry is not None and m.end - m.start == 1 and m.kind == "org"}
    for i, tok in enumerate(doc):
        if tok.text != "(" or i == 0 or (k := acronym_after(doc, i)) is None:
            continue
        letters = doc[k].text.replace(".", "").upper()
        start, initials = i, ""
        while start > 0 and len(initials) < len(letters):
            w = doc[start - 1]
            if w.text[:1].isupper() and w.is_alpha:
                initials = w.text[0] + initials
            elif w.lower_ not in _NAME_LINKS or start == i:
                break
            start -= 1
        while start < i and doc[start].lower_ in _NAME_LINKS:
            start += 1
        if initials.upper() != letters or len(letters) < 2 or (start, i) in known:
            continue
        entry = entry_at.get(k)
        if entry is None:
            out[k] = (start, i)
            continue
        words = {t.lower_ for t in doc[start:i]} - _NAME_LINKS
        full = [set(n.lower().split()) - _NAME_LINKS for n in entry.names if " " in n.strip()]
        # the same body however its name is worded ("High Commission" for "High Commissioner"):
        # half the words in common
        if full and not any(len(words & f) * 2 >= len(words | f) for f in full):
            ctx.foreign_acronyms.add(doc[k].text)
            out[k] = (start, i)
    return out


# A state met again by a description: "the kingdom", "the island nation", "the Gulf state", "the
# country's information minister" (with a modifier only, for "state": not "the state" of a federation).
STATE_DESCRIPTIONS = frozenset({"country", "nation", "kingdom", "emirate", "republic"})
_STATE_DESCRIBED = "state"
# ... not a description of another state ("the other country", "the host nation", "the only country to")
# nor of none ("the deep state", "a member state")
_NOT_DESCRIBING = frozenset({"other", "only", "whole", "entire", "same", "first", "second", "third", "last", "next",
                             "host", "home", "own", "every", "each", "single", "neighbouring", "neighboring",
                             "member", "deep", "welfare", "police", "nation", "one-party", "failed", "rogue",
                             "sovereign", "independent", "new", "future", "modern",
                             # a part of a state, not a state: "the autonomous republic", "the breakaway region"
                             "autonomous", "breakaway", "self-declared", "self-proclaimed", "separatist",
                             "unrecognised", "unrecognized"})  # fmt: skip
# Prepositions after which a state described is where something is, not a party ("in the country",
# "across the nation", "the president of the country").
_WHERE_PREPS = frozenset({"in", "from", "across", "throughout", "inside", "within", "around", "into", "outside", "near",
                          "over", "about", "at", "through", "out", "for", "of", "to"})  # fmt: skip
_PARTY_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "poss", "dative"})
# Verbs whose object is a state one runs, defends or moves across, not a party acted on.
_RUN_OR_CROSS = frozenset({"govern", "rule", "lead", "run", "defend", "protect", "serve", "leave", "flee", "enter"})


def _state_description(doc: Doc, i: int) -> int | None:
    """The first token of a definite description of a state headed by token ``i`` and standing as
    a party (subject, object, owner, or the object of "with", "against", "on", "by" ...), else None."""
    tok = doc[i]
    lemma = tok.lemma_.lower()
    if tok.tag_ != "NN" or (lemma not in STATE_DESCRIPTIONS and lemma != _STATE_DESCRIBED):
        return None
    lefts = list(tok.lefts)
    if not lefts or lefts[0].lower_ != "the" or lefts[0].dep_ != "det":
        return None
    mods = lefts[1:]
    if any(c.lower_ in _NOT_DESCRIBING or c.dep_ in ("nummod", "poss") or c.pos_ == "NUM" or c.tag_ == "JJS"
           or c.lower_ == "most" for c in (t for m in mods for t in m.subtree)):  # fmt: skip
        return None  # (nor a superlative: "the greatest and most powerful nation" praises, names none)
    if lemma == _STATE_DESCRIBED and not mods:
        return None  # "the state": a federation's, or the state as such
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
        return None  # "the Republic of Kosovo", "the country of origin"
    if tok.dep_ == "dobj" and tok.head.lemma_.lower() in _RUN_OR_CROSS:
        return None  # "a council to govern the country", "barred from entering the country": no party
    if tok.dep_ in _PARTY_DEPS or (tok.dep_ == "pobj" and tok.head.lower_ not in _WHERE_PREPS) or (
            tok.dep_ == "pobj" and tok.head.lower_ == "to" and tok.head.head.lemma_.lower() not in _MOVING):  # fmt: skip
        return lefts[0].i
    return None


# Verbs whose "to" says where people go, not to whom something is done ("fled to the country",
# "were deported to the country"); after other words "to" names a party ("aid to the kingdom", "a
# visit to the island nation", "travelled to the country").
_MOVING = frozenset({"flee", "return", "come", "go", "move", "migrate", "head", "relocate", "deport", "repatriate",
                     "escape", "smuggle", "bring", "take", "emigrate", "traffic", "cross", "arrive"})  # fmt: skip


def _covered(doc: Doc, mentions: Sequence[Mention]) -> bytearray:
    """One byte a token of ``doc``, set where a mention covers it."""
    taken = bytearray(len(doc))
    for m in mentions:
        taken[m.start : m.end] = b"\x01" * (m.end - m.start)
    return taken


def _described_states(doc: Doc, mentions: list[Mention], lexicon: Lexicon, ctx: ArticleContext) -> list[Mention]:
    """Mentions of states met again by a description ("the kingdom", "the island nation", "the
    country's foreign minister"), of the states named before it in this doc or the article, never
    one the clause says acts on it ("Modi discussed India's ties with the island nation": not
    India): for an owner or a subject, the state its own sentence names as who acts; else the state
    the story is most about so far."""
    if not any(w.lower() in STATE_DESCRIPTIONS or w.lower() == _STATE_DESCRIBED for w in doc_words(doc)):
        return mentions
    taken = _covered(doc, mentions)
    added: list[Mention] = []
    for i, word in enumerate(doc_words(doc)):
        w = word.lower()
        if (w not in STATE_DESCRIPTIONS and w != _STATE_DESCRIBED) or taken[i]:
            continue
        first = _state_description(doc, i)
        if first is None or any(taken[first:i]):
            continue
        tok = doc[i]
        actors = _subject_of_governor(tok) if tok.dep_ in ("dobj", "pobj", "dative") else set()
        if tok.dep_ == "poss" and tok.head.dep_ in ("dobj", "dative") and _names_party(tok.head, lexicon):
            # "The United States urged the country's leaders to ...": the leaders acted on are none of
            # the subject's (its own would be "its leaders"; "conferred the country's highest honor" is)
            actors |= _subject_of_governor(tok.head)
        if tok.dep_ == "pobj":
            # "India's defense ties with the island nation", "expanding Japan's aid to the island
            # nation": the owner of what the phrase hangs on, or of its verb's object, is the other party
            gov = tok.head.head
            held = [*gov.lefts] if gov.pos_ in ("NOUN", "PROPN") else [c for c in gov.children if c.dep_ == "dobj"]
            actors |= {t.i for c in held for t in c.subtree}
        theirs = {m.entry.country for m in mentions if m.entry is not None and m.start in actors}
        before = [m.entry.country for m in mentions if m.entry is not None and m.end <= first
                  and m.kind in ("country", "demonym", "capital", "person")]  # fmt: skip
        named = [c for c in [*ctx.countries_named, *before] if len(c) == 3 and c not in NOT_STATES and c not in theirs]
        if not named:
            continue
        in_sentence = [m.entry.country for m in sorted([*mentions, *added], key=lambda m: m.start)
                       if m.entry is not None and tok.sent.start <= m.start and m.end <= first and _within_subject(doc[m.start])
                       and m.kind in ("country", "demonym", "capital", "person") and m.entry.country in named]  # fmt: skip
        if tok.dep_ in ("poss", "nsubj", "nsubjpass") and in_sentence:
            # "Mauritius conferred the country's highest honor", "Iraq's prime minister said the
            # country's intelligence service ...": the state its own sentence named first as who acts
            entry = lexicon.get(f"country:{in_sentence[0]}")
            if entry is not None:
                added.append(Mention(first, i + 1, entry))
            continue
        # else the state the story is most about so far, of those named: a description stands for
        # the protagonist ("Saudi Arabia summoned the Emirati envoy ... the kingdom rejects"), the
        # one named first on a tie
        here = Counter(before)
        best = max(reversed(dict.fromkeys(reversed(named))),
                   key=lambda c: ctx.country_counts[c] + ctx.place_counts[c] / 2 + here[c])  # fmt: skip
        entry = lexicon.get(f"country:{best}")
        if entry is not None:
            added.append(Mention(first, i + 1, entry))
    return sorted([*mentions, *added], key=lambda m: m.start) if added else mentions


def _halves_named(doc: Doc, mentions: list[Mention], lexicon: Lexicon, ctx: ArticleContext) -> tuple[list[Mention], set[int]]:
    """Mentions of a divided country's half met again by its compass word alone ("the North
    launched", "fled to the South", "the North's leader") in a story that names either half; not
    the first word of another name ("the North Sea", "the South China Sea", "the North Korean port").
    Also the first tokens of those added."""
    halves = lexicon.halves()
    if not any(w.lower() in halves for w in doc_words(doc)):
        return mentions, set()
    taken = _covered(doc, mentions)
    added: list[Mention] = []
    for i, word in enumerate(doc_words(doc)):
        pairs = halves.get(word.lower())
        if not pairs or taken[i] or not word[:1].isupper() or word.isupper() or i == 0 or doc[i - 1].lower_ != "the":
            continue
        after = doc[i + 1] if i + 1 < len(doc) else None
        if after is not None and (after.text[:1].isupper() or after.text in ("-", "–")):
            continue
        named = {m.entry.country for m in mentions if m.entry is not None and m.end <= i}
        for half, other in pairs:
            if {half, other} & (named | ctx.country_counts.keys() | ctx.place_counts.keys() | set(ctx.countries_named)):
                entry = lexicon.get(f"country:{half}")
                if entry is not None:
                    added.append(Mention(i - 1, i + 1, entry))
                break
    return (sorted([*mentions, *added], key=lambda m: m.start) if added else mentions), {m.start for m in added}


def _named_by_acronym(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """"the National Liberation Army (ELN)": a name the lexicon lacks, defined by an acronym it knows,
    is that organisation, not the army its last word names."""
    orgs = {m.start: m for m in mentions if m.kind == "org"}
    if not orgs:
        return mentions
    out: list[Mention] = []
    for m in mentions:
        k = acronym_after(doc, m.end)
        org = orgs.get(k) if k is not None else None
        # (not a place: "Mogadishu (AFP) —" is a dateline, the city no name of the agency)
        if org is not None and m.kind not in {"org", "capital", "country"} and doc[m.start].text[:1].isupper():
            start = m.start
            while start > 0 and doc[start - 1].text[:1].isupper() and doc[start - 1].pos_ == "PROPN":
                start -= 1
            if out and out[-1].end > start:
                start = out[-1].end
            m = Mention(start, m.end, org.entry)
        out.append(m)
    return out


def _owners(coded: list[tuple[Group, _Coded | None]]) -> dict[int, str]:
    """Token -> the country a country name, demonym or capital there names (adjectives too:
    "Turkish" in "a Turkish adviser" is no actor, but says whose adviser). Other places are left
    out: a province's country is the gazetteer's guess, a nationality is the text's word."""
    out: dict[int, str] = {}
    for g, _ in coded:
        for m in (g.owner, g.org):  # an organisation too: "U.N.-appointed rapporteur Jane Doe"
            if m is not None and m.entry is not None and len(m.entry.country) == 3:
                out.update((i, m.entry.country) for i in range(m.start, m.end))
    return out


# The offices a lexicon person holds that make them the leader of a state; the titles a text gives
# any person without naming an office of their own.
TOP_OFFICES = frozenset({"president", "prime minister", "king", "queen", "emir", "sultan", "emperor", "chancellor",
                         "supreme leader", "pope", "grand duke", "crown prince", "prince"})  # fmt: skip
_ANY_TITLE = frozenset({"leader", "counterpart", "vice president", "deputy prime minister"})


def _namesake(g: Group) -> bool:
    """Whether a lexicon person, introduced by a title of their own ("Defense Minister X", no owner,
    no organisation), is someone else: the lexicon knows them only as a state's leader, the title
    is a lesser office they never held."""
    pe = g.person.entry if g.person is not None else None
    head = g.head
    if pe is None or head is None or not head.role or g.owner is not None or g.org is not None or g.possessor is not None:
        return False
    if head.role in TOP_OFFICES or head.role in _ANY_TITLE or not pe.roles:
        return False
    return all(r.title in TOP_OFFICES for r in pe.roles)


def _code_in_doc(doc: Doc, g: Group, lexicon: Lexicon, when: dt.date | None) -> _Coded | None:
    if g.head is None and g.person is None and g.owner is not None and g.owner.kind == "demonym":
        last = doc[g.owner.end - 1]
        top = last
        while top.dep_ == "conj" and top.head.i != top.i:
            top = top.head
        if last.tag_ not in ("NNS", "NNPS") and (
            last.pos_ == "ADJ" or top.dep_ in ("amod", "compound", "nmod", "npadvmod")
        ):
            return None  # an adjective: "Iranian oil", "Russian and Iranian steps"
    if g.named_only and g.owner is not None and g.owner.kind in ("country", "capital") and after_feature_of(doc, g.owner.start):
        return None  # "the Gulf of Guinea", "the Gulf of Aden": a sea, not Guinea or Aden (geo.mentions)
    if g.named_only and g.owner is not None and g.owner.kind == "capital" and g.org is None:
        last = doc[g.owner.end - 1]
        if last.dep_ == "compound" and not last.is_upper:  # headline capitals parse poorly
            return None  # "Damascus airport", "Beijing Olympics"
    if (g.person is not None and g.person.entry is not None and g.owner is not None and g.owner.kind == "demonym"
            and doc[g.owner.end - 1].lower_ in ETHNIC_ONLY):  # fmt: skip
        # "Bosnian Serb leader Milorad Dodik": a people's name says whom they lead, not their state
        g = replace(g, owner=None)
    if g.person is not None and g.person.entry is not None and _namesake(g):
        # "Defense Minister Pedro Sanchez" in a story from Colombia is not Spain's prime minister:
        # a head of state or government introduced by a lesser office of their own is another
        # person of that name, coded as one unknown to the lexicon (the story's own country)
        return _Coded("", g.head.sector if g.head else "", span_text(doc, g.person.start, g.person.end))
    if g.person is not None and g.person.entry is None:
        if g.head is None:
            return None
        if g.head.role and g.owner is None and g.org is None and g.person.end - g.person.start == 1 and g.person.start > g.start:
            # "President Marcos": the one who holds that office now and bears that surname, though
            # the lexicon lists them by full name only
            holder = lexicon.holder_named(g.head.role, doc[g.person.start].text, when)
            if holder is not None:
                return _code(replace(g, person=replace(g.person, entry=holder)), lexicon, when)
        if g.head.needs_name and g.owner is None and g.org is None:
            return _Coded("", g.head.sector, span_text(doc, g.person.start, g.person.end))
        org_country, org_sector, org_name = (
            g.org.entry.codes_at(when) if g.org and g.org.entry else ("", "", "")
        )
        if _envoy_of_state(g, org_country):
            org_country, org_sector, org_name = "", "", ""
        if not org_country and g.owner is None and g.possessor is not None and g.possessor.entry is not None:
            # "Guterres' spokesman, Stephane Dujarric": the office of the person who owns the title
            org_country, p_sector, org_name = g.possessor.entry.codes_at(when)
            org_sector = p_sector if org_country in NOT_STATES else ""
        return _Coded(
            org_country or (g.owner.entry.country if g.owner and g.owner.entry else ""),
            org_sector or g.head.sector,
            span_text(doc, g.person.start, g.person.end),
            org_name,
        )
    if (g.person is not None and g.person.entry is None and g.head is None and g.org is None and g.owner is not None
            and g.owner.kind == "country" and g.owner.entry is not None and g.owner.start > g.person.start):  # fmt: skip
        # "Abdoulaye Bathily of Senegal": a man of that country, of no sector the words give
        return _Coded(g.owner.entry.country, "", span_text(doc, g.person.start, g.person.end))
    former = any(t.lower_.strip("-") in NOT_NOW for t in doc[max(g.start - 1, 0) : g.end])
    # "the former president" is not today's; "commanders", "a commander" are not the commander
    # (past the adjectives before it: "a senior commander", "a top military commander")
    k = g.start - 1
    while k > 0 and doc[k].pos_ == "ADJ":
        k -= 1
    many = doc[g.end - 1].tag_ in ("NNS", "NNPS") or any(t.lower_ in ("a", "an") for t in doc[max(k, 0) : g.start + 1])
    return _code(g, lexicon, when, holder_ok=not former and not many)


def _emit(
    doc: Doc,
    lexicon: Lexicon,
    coded: list[tuple[Group, _Coded | None]],
    when: dt.date | None,
    offset: int,
    fallback: str | None,
    ctx: ArticleContext,
    where: dict[int, str] | None = None,
    owners: dict[int, str] | None = None,
    marks: Sequence[tuple[int, str, float]] = (),
) -> list[Actor]:
    """Turn groups into Actors in text order, resolving bare heads and pronouns against ``ctx``;
    ``owners`` maps tokens to the countries named there (for people introduced by nationality);
    ``marks`` the places named, by token, which tell where the story is so far."""
    covered = bytearray(len(doc))
    for grp, _ in coded:
        covered[grp.start : grp.end] = b"\x01" * (grp.end - grp.start)
    text = doc.text  # once: Doc.text joins every token on each access
    events: list[tuple[int, int, Group | None, _Coded | None]] = [(g.start, 0, g, c) for g, c in coded]
    # the words of each government or ruler named, by country: what an opposition acts against
    rulers = {i: c.country for g, c in coded if c is not None and c.sector == "GOV" and len(c.country) == 3
              and c.country not in NOT_STATES for i in range(g.start, g.end)}  # fmt: skip

    events.extend((i, 1, None, None) for i in _pronouns(doc) if not covered[i])
    # an acronym defined after a name ("National Police (HNP)") is that actor, not another
    defined = {k for grp, _ in coded if (k := acronym_after(doc, grp.end)) is not None}
    # a surname the recogniser did not take for a person ("Balkhi said", tagged as an organisation),
    # or a family name of two or three words ("La Lime told VOA", tagged as a title or a firm)
    runs = {i: j for i, j in _proper_noun_runs(doc).items() if not any(covered[i:j]) and i not in defined}
    events.extend((i, 2, None, None) for i in runs)
    # ... or took for a common word ("Quispeta later accused ...": a surname the tagger did not know)
    events.extend((i, 2, None, None) for i in _mistagged_names(doc) if not covered[i] and i not in defined)
    # ... or an acronym the text defined, which the tagger took for a common noun ("accused the AA
    # of abuses" after "the Arakan Army (AA)")
    events.extend((i, 2, None, None) for i in _lone_acronyms(doc) if not covered[i] and i not in defined and i not in runs)
    events.extend((i, 3, None, None) for i in generic_org_nouns(doc) if not covered[i])  # "the group"
    # the states named in this doc, in text order: places and country names, and coded actors
    # (not a place that only describes something else: "a London-based think tank", "U.S.-made jets")
    # (nor a town named as where something happens: "met in Istanbul", "talks in Washington" name
    # no party a later "the two sides" can mean; a country so named still can)
    countries = {i for g, c in coded if c and g.owner is not None and g.owner.kind == "country" for i in range(g.start, g.end)}
    # (a group its demonym or country name owns counts before it is coded: "Russian and Ukrainian
    # delegations held talks ... The two sides agreed")
    owned = [(g.start, g.owner.entry.country) for g, c in coded
             if c is None and g.owner is not None and g.owner.entry is not None and g.owner.kind in ("demonym", "country")]
    named = sorted({*((i, c) for i, c in (where or {}).items() if not _describing(doc, i) and not _venue_town(doc, i, countries)),
                    *((g.start, c.country) for g, c in coded if c and not _venue_town(doc, g.start, countries)),
                    *((i, c) for i, c in owned if c)})  # fmt: skip
    persons = [(g.start, c.country, c.person) for g, c in coded if c is not None and c.person]
    pairs = _pairs(doc, named, persons, ctx)  # "both countries": first token -> (head token, the two states)
    events.extend((j, 4, None, None) for j in pairs)
    paired = {k for first, (h, _) in pairs.items() for k in range(first, h + 1)}  # the phrases' words
    events.sort(key=lambda e: (e[0], e[1]))
    actors: list[Actor] = []
    passed = 0  # the marks read so far
    for start, kind, g, c in events:
        while passed < len(marks) and marks[passed][0] < start:  # the places named before this mention
            ctx.places_so_far[marks[passed][1]] += marks[passed][2]
            passed += 1
        if g is None and kind == 4:
            # one actor a state, each on words of the phrase: "Both" | "countries", "The" | "three" | "nations"
            head, states = pairs[start]
            cuts = [start, *range(head - len(states) + 2, head + 1), head + 1]
            for k, (country, sector) in enumerate(_sided_pair(doc[head], states, ctx)):
                actors.append(_actor(doc, cuts[k], cuts[k + 1], offset, lexicon.country_name(country), country, sector,
                                     "", "", f"pair:{head_key(doc[head])}"))  # fmt: skip
            continue
        if g is not None and paired and _of_pair(doc, g, paired):
            continue  # "the two leaders", "leaders of both countries": the pair, not the story's country
        if g is None and kind == 2:
            end = runs.get(start, start + 1)
            known = ctx.named.get(" ".join(t.lower_ for t in doc[start:end]))
            if known is not None:
                actors.append(_met_again(doc, start, end, offset, known, ctx, text))
            elif end > start + 1:
                continue
            elif _speaking(doc[start]):
                # a name we cannot code speaks ("Pedersen said Friday ..."): "he" may be them, so
                # not the person named before
                ctx.remember("", "", None)
            continue
        if g is None and kind == 3:
            org = org_for(doc[start], ctx.orgs)
            if org is not None:
                actors.append(_met_again(doc, start, start + 1, offset, org, ctx, text))
            continue
        if g is None:
            tok = doc[start]
            prev = _previous_sentence_start(tok) if _in_subject(tok) else None
            # (a subject outside quotation marks speaks or acts: "'X wants more land,' he said" is not X)
            p = ctx.person_for(_PRONOUNS[tok.lower_], prev, prev is None or in_quotation(text, tok.idx))
            if p is not None:
                actors.append(
                    _actor(
                        doc,
                        start,
                        start + 1,
                        offset,
                        p.name,
                        p.country,
                        p.sector,
                        p.person,
                        p.org,
                        p.entry_id,
                    )
                )
            continue
        if c is not None and c.sector == "MIL" and _policing(g, ctx):
            c = replace(c, sector="COP")  # "Kenyan officers" in a story of Kenya's police
        if (c is not None and g.owner is None and g.org is not None and g.org.entry is not None
                and (home := _home_of_namesake_party(g.org.entry, ctx, lexicon, doc))
                and located_in(doc[g.end - 1], where or {}, owners or {}) != g.org.entry.country):  # fmt: skip
            # "the Democratic Party" of a story from Seoul that has named no American is South
            # Korea's, not the lexicon's American party ("Democrats in Washington" still are)
            c = replace(c, country=home)
        if c is None:
            if g.person is not None and g.person.entry is None and g.head is None:
                known = _named_before(doc, g, ctx)
                if known is not None:
                    actors.append(_met_again(doc, g.start, g.end, offset, known, ctx, text))
                    continue
                intro = _introduced(doc, g, owners, where)
                if intro is None:
                    # someone we cannot code was named: "he" may be them, so not the person before
                    ctx.remember("", "", None)
                    continue
                c = _Coded(intro[0], "", span_text(doc, g.person.start, g.person.end))  # "X, a Turkish adviser"
            else:
                speaker, critic = _speaker_country(doc, g, actors, offset, where) if fallback is None else ("", False)
                c = _bare(doc, g, lexicon, when, fallback, ctx, where or {}, owners or {}, speaker, rulers, critic)
                if c is not None and g.body and c.sector == "PTY" and (member := _member_of(doc, g, actors, offset)):
                    c = replace(c, country=member)  # "Governor Maru Campos, a member of the National Action Party"
            if c is None:
                continue
        elif not c.country and c.person and c.person_entry is None and g.owner is None:
            # "Prime Minister Jane Doe", unknown to the lexicon: the country the words introducing
            # them give ("Professor Jane Doe, a Kenyan adviser"), else, most likely, the country the
            # story is about (as for bare sector nouns)
            known = _named_before(doc, g, ctx)
            if known is not None:  # "Mr. Bennett", introduced before as "U.N. rapporteur Richard Bennett"
                actors.append(_met_again(doc, g.start, g.end, offset, known, ctx, text))
                continue
            intro = _introduced(doc, g, owners, where) if g.person else None
            body = _spokesperson_of_subject(doc, g, ctx, offset) if not intro and fallback is None else None
            if body is not None:  # "China's foreign ministry rejected the protest. Spokesman Lin Jian said ..."
                c = _Coded(body.country, body.sector, c.person, c.org, None)
            else:
                office = _office_named_before(doc, g, ctx) if not intro and fallback is None else None
                # (a title only some countries use is one of theirs: "Sen. Jane Doe", "Defense Secretary John Doe";
                # a sentence opened by "In Beijing," holds its unknown officials there)
                among = g.head.countries if g.head is not None else ()
                fronted = _fronted_place(doc, g.start, where or {}) if fallback is None and not among else ""
                # (a wire story names the officials of the country it is filed from by their title
                # alone: "MANILA — ... Navy spokesman Roy Trinidad said"; not those of a bureau's
                # country the story names nowhere else: a Dubai dateline on a story from Iran)
                home = (ctx.filed_from if fallback is None and (not among or ctx.filed_from in among) and c.sector in STATE_BODY_SECTORS
                        and ctx.place_counts[ctx.filed_from] >= 2 and ctx.country_counts[ctx.filed_from] else "")  # fmt: skip
                guess = intro[0] if intro else office or fronted or home or (ctx.default_for(c.sector, among=among) if fallback is None else fallback)
                if not intro and not office and fallback is None and _office_held(doc, g, lexicon, guess, when):
                    # "Defense Secretary Gilberto Teodoro" in a story from Washington: the lexicon knows
                    # who is the United States' defense secretary then, and it is someone else
                    others = tuple(a for a in among if a != guess)
                    guess = "" if among and not others else ctx.default_for(c.sector, exclude=frozenset({guess}), among=others)
                c = _Coded(guess, c.sector, c.person, c.org, None)
        if (c.person_entry is not None and g.head is None and g.owner is None and g.org is None and g.possessor is None
                and (prior := _named_before(doc, g, ctx)) is not None and prior.country != c.country
                and c.person_entry.id in (ids := prior.entry_id.split("+")) and any(i.startswith("title:") for i in ids)):  # fmt: skip
            # a person the lexicon knows, introduced by the post the story gives them ("The UN envoy
            # for Afghanistan, Roza Otunbayeva, ... Otunbayeva travelled"): that post, not the
            # lexicon's (a former president of Kyrgyzstan)
            c = replace(c, country=prior.country, sector=prior.sector)
        if g.body and not c.org:
            c = replace(c, org=span_text(doc, g.start, g.end))  # "Uganda Law Society": the body by its name
        name = (
            c.person or c.org or (lexicon.country_name(c.country) if c.country else span_text(doc, g.start, g.end))
        )
        actor = _actor(doc, g.start, g.end, offset, name, c.country, c.sector, c.person, c.org, _ids(g, c))
        actors.append(actor)
        ctx.sector_counts[c.sector] += 1
        _memorise(doc, g, c, actor, ctx, lexicon)
        if (g.possessor is not None and (pe := g.possessor.entry) is not None and pe.kind == "person"
                and ((c.sector == "GOV" and g.possessor.start > g.start + 1)
                     or (g.possessor.end < len(doc) and doc[g.possessor.end].tag_ == "POS"))):  # fmt: skip
            # "the government of President Daniel Ortega ... Critics accuse him", "President Joseph
            # Kabila's party ... accusing him": he is named (not "the Trump administration", where
            # the name only says whose it is)
            country, sector, _ = pe.codes_at(when)
            leader = _actor(doc, g.possessor.start, g.possessor.end, offset, pe.name, country, sector, pe.name, "", pe.id)
            ctx.remember(pe.id, pe.gender, leader, in_quotation(text, doc[g.start].idx))
            _name_again(ctx, span_text(doc, g.possessor.start, g.possessor.end).split(), leader, known=True)  # "Ortega" later
        ctx.sides = _set_against(doc, g, actor, actors, offset) or ctx.sides
        if not c.person and actor.country and (g.owner or g.org) and _main_subject(doc[g.start : g.end].root):
            ctx.subject_org = (actor, doc[g.start].sent.start)
        if c.person:
            pe = c.person_entry
            inside = in_quotation(text, doc[g.start].idx)
            ctx.remember(pe.id if pe else "", pe.gender if pe else "", actor, inside)
            if actor.country and g.person is not None:
                _name_again(ctx, span_text(doc, g.person.start, g.person.end).split(), actor, known=pe is not None)
            root = doc[g.start : g.end].root
            if _main_subject(root):
                ctx.subject_person = (pe.gender if pe else "", actor, root.sent.start)
                ctx.subject_quoted = inside
        elif (
            g.head is not None and g.head.role and g.head.mentions and (g.owner or g.org) and actor.country
            and doc[g.head.mentions[-1].end - 1].tag_ not in ("NNS", "NNPS")
        ):  # fmt: skip
            # someone named by office alone ("the Afghan army chief said his forces ..."): "he" and
            # "his" may be them, not the person named before
            ctx.remember("", "", actor)
            root = doc[g.start : g.end].root
            if _main_subject(root):
                ctx.subject_person = ("", actor, root.sent.start)
                ctx.subject_quoted = in_quotation(text, root.idx)
    for _, country, weight in marks[passed:]:
        ctx.places_so_far[country] += weight
    # the states a pair phrase stands for are named there again ("... both countries. The two neighbors")
    ctx.countries_named[:] = [*ctx.countries_named, *_in_text_order(named, pairs)][-COUNTRIES_KEPT:]
    return actors


# A country's ministries have one minister at a time: someone else named by one of these titles is
# not that country's minister (roles as the lexicon's titles name them). Not heads of state or
# government: one unknown to the lexicon is most often a past one ("President Richard Nixon"), or
# no state's ("the court's president").
SOLE_OFFICES = frozenset({"foreign minister", "defense minister", "interior minister", "finance minister",
                          "national security adviser"})  # fmt: skip


def _office_held(doc: Doc, g: Group, lexicon: Lexicon, country: str, when: dt.date | None) -> bool:
    """The lexicon knows who holds the sole office of the group's title in ``country`` on
    ``when``, and the group names someone else (the holder would have been matched by name); not
    a former holder's, a deputy's or a vice minister's office ("former Defense Secretary X")."""
    if g.head is None or g.head.role not in SOLE_OFFICES or not country or when is None or g.person is None:
        return False
    if any(t.lower_.strip("-") in ("former", "ex", "deputy", "vice", "acting", "then", "first")
           for t in doc[max(g.start - 2, 0) : g.person.start]):  # fmt: skip
        return False
    holder = lexicon.holder(g.head.role, country, when)
    # (the holder named otherwise than the lexicon knows: "Lloyd J. Austin III" has Austin's surname)
    return holder is not None and not set(fold(holder.person).split()[-1:]) & {fold(t.text) for t in doc[g.person.start : g.person.end]}


def _venue_town(doc: Doc, i: int, countries: set[int]) -> bool:
    """Token ``i`` is (part of) a town or capital named after "in" or "at": where, not who."""
    if i in countries:
        return False
    tok = doc[i]
    while tok.dep_ == "compound" and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ == "pobj" and tok.head.lower_ in ("in", "at")


def _in_text_order(named: Sequence[tuple[int, str]], pairs: dict[int, tuple[int, tuple[str, ...]]]) -> list[str]:
    """The states named (token, country) and those pair phrases stand for (first token -> (head,
    states)), in text order: a pair phrase names its states again where it stands."""
    at = sorted([*((i, 0, c) for i, c in named), *((first, 1, c) for first, (_, states) in pairs.items() for c in states)],
                key=lambda x: (x[0], x[1]))  # fmt: skip
    return [c for _, _, c in at]


def _introduced(
    doc: Doc, g: Group, owners: dict[int, str] | None, where: dict[int, str] | None
) -> tuple[str, int] | None:
    """The country the words introducing ``g``'s person give: a country, demonym or capital named
    there ("Jane Doe, a Kenyan adviser"), else a place named there ("Doug Ford, Ontario's provincial
    leader", "the governor of Texas"), whose country the gazetteer gives: a surer guess than the
    country the story is mostly about, which is what is left without it."""
    assert g.person is not None
    found = country_of_person(doc, g.person.start, g.person.end, owners or {})
    if found is not None or not where:
        return found
    # not where something else is based ("vice chairman of the Germany-based Kurdish Center"):
    # a place's run of words ending in a hyphenated modifier is left out
    places = dict(where)
    for i in sorted(where, reverse=True):
        if _describing(doc, i) or (i + 1 in where and i + 1 not in places):
            del places[i]
    return country_of_person(doc, g.person.start, g.person.end, places)


def _describing(doc: Doc, i: int) -> bool:
    """Token ``i`` opens a hyphenated modifier ("London-based", "U.S.-made")."""
    return i + 2 < len(doc) and doc[i + 1].text == "-" and doc[i + 2].tag_ in ("VBN", "VBD", "JJ")


def _sided_pair(head: Token, states: tuple[str, ...], ctx: ArticleContext) -> list[tuple[str, str]]:
    """The (country, sector) of each party a pair phrase stands for: the governments of the states
    named last; but "both sides", "the two sides" are the two parties the story set against each
    other, those two states' own or the sides of a war within one ("the army and the RSF" of a war
    in Sudan, not the governments of the last two states a story from Cairo named)."""
    if head_key(head) == "side" and len(states) == 2 and ctx.sides is not None:
        countries = {a.country for a in ctx.sides}
        if len(countries) == 1 or countries == set(states):
            return [(a.country, a.sector or "GOV") for a in ctx.sides]
    return [(c, "MIL" if head_key(head) in ARMED_PAIR_NOUNS else "GOV") for c in states]


def _of_pair(doc: Doc, g: Group, paired: set[int]) -> bool:
    """The group has words of a pair phrase, or is a sector noun of one ("leaders of both countries")."""
    if any(k in paired for k in range(g.start, g.end)):
        return True
    if g.person is not None or g.org is not None:
        return False
    root = doc[g.start : g.end].root
    return any(c.dep_ == "prep" and c.lower_ == "of" and any(o.i in paired for o in c.children) for c in root.children)


COUNTRIES_KEPT = 40  # of the states named so far, the last ones are all "both countries" can mean


# Pair nouns that name people: "the two leaders" are the last two people named, not states.
PERSON_PAIR_NOUNS = frozenset({"leader", "president", "minister", "man"})
# ... of which only people, never states named: "the two men" no one named are two men
ONLY_PEOPLE_PAIR_NOUNS = frozenset({"man"})


def _pairs(
    doc: Doc, named: Sequence[tuple[int, str]], persons: Sequence[tuple[int, str, str]], ctx: ArticleContext
) -> dict[int, tuple[int, tuple[str, ...]]]:
    """ "Both countries", "the two governments", "the three nations": the states named last before
    the phrase (in this doc, else in the article before it), by the phrase's first token; "the two
    leaders": the states of the two people named last, when they are two."""
    out: dict[int, tuple[int, tuple[str, ...]]] = {}
    for i, word in enumerate(doc_words(doc)):
        if word.lower() not in PAIR_WORDS:
            continue
        found = pair_phrase(doc, i)
        if found is None:
            continue
        first, n = found
        if any(first < k < i for k, _ in named):
            continue  # "the two rival Libyan governments": the phrase names its own country
        # not the states of those who speak of the pair ("the EU and the United States called on
        # both governments ...": the two governments are others)
        speakers = _subject_of_governor(doc[i])
        states = None
        if head_key(doc[i]) in PERSON_PAIR_NOUNS and i not in speakers:
            # "Anwar said he had spoken with both leaders": whom "he" takes up is no leader of the two
            speakers |= _reporter_of_pronoun(doc, speakers)
        if head_key(doc[i]) in PERSON_PAIR_NOUNS:
            # "the two presidents": the last two people named, when they are of two states
            # (one person named again is one: "Modi and Ishiba met ... during Ishiba's visit")
            spoken = {name for k, _, name in persons if k in speakers}
            people = [*((a.person or a.name, a.country) if a else ("", "") for _, _, a in ctx.recent_persons),
                      *((name, c) for k, c, name in persons if k < first and k not in speakers)]  # fmt: skip
            people = [(name, c) for name, c in people if not name or name not in spoken]
            taken: list[tuple[str, str]] = []
            for name, country in reversed(people):
                if len(taken) == n:
                    break
                if not name or name not in {w for w, _ in taken}:
                    taken.append((name, country))
            last = [c for _, c in reversed(taken)]
            states = tuple(last) if len(last) == n and len(set(last)) == n and all(
                len(c) == 3 and c not in NOT_STATES for c in last) else None  # fmt: skip
        if states is None and head_key(doc[i]) not in ONLY_PEOPLE_PAIR_NOUNS and (
                head_key(doc[i]) not in PERSON_PAIR_NOUNS or (speakers and i not in speakers)):  # fmt: skip
            # the states named last (or, for people who do not pair up and whom someone speaks
            # to, their states: "Rubio spoke with both foreign ministers"); a pair phrase before
            # this one names its states again there
            before = [(k, c) for k, c in named if k < first and k not in speakers]
            # nor the speakers' own states named earlier ("Rubio hosted the talks and praised both
            # sides": not the United States, whose capital the talks were held in)
            theirs = {c for k, c in [*named, *((k, c) for k, c, _ in persons)] if k in speakers}
            # ... and of a person named before, met again by surname ("Wang urged both sides")
            words = {doc[k].text for k in speakers if doc[k].pos_ == "PROPN"}
            if words:
                known = [*((a.person or a.text, a.country) for _, _, a in ctx.recent_persons if a is not None),
                         *((name, c) for k, c, name in persons if k < first)]  # fmt: skip
                theirs |= {c for name, c in known if words & set(name.split())}
            states = last_states([c for c in [*ctx.countries_named, *_in_text_order(before, out)] if c not in theirs], n,
                                 ctx.country_counts)  # fmt: skip
        if states is not None:
            out[first] = (i, states)
    return out


_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


def in_quotation(text: str, at: int) -> bool:
    """Offset ``at`` of ``text`` stands inside quotation marks opened before it in its paragraph
    (curly marks, or an odd number of straight ones)."""
    before = text[text.rfind("\n", 0, at) + 1 : at]
    return before.count("\u201c") > before.count("\u201d") or before.count('"') % 2 == 1


def _reporter_of_pronoun(doc: Doc, subject: set[int]) -> set[int]:
    """When the subject ``subject`` is "he" or "she", the subject of the verb that reports its clause
    ("Anwar said he had spoken ..."): whom the pronoun most likely takes up."""
    if len(subject) != 1:
        return set()
    (k,) = subject
    pron = doc[k]
    if pron.lower_ not in {"he", "she"} or pron.head.dep_ != "ccomp":
        return set()
    return _subject_of_governor(pron.head)


def _subject_of_governor(tok: Token) -> set[int]:
    """Token indices of the subject of the verb whose object or complement holds ``tok``."""
    cur = tok
    for _ in range(4):
        if cur.head.i == cur.i:
            return set()
        cur = cur.head
        if cur.pos_ in {"VERB", "AUX"}:
            verb = cur
            while verb.dep_ == "conj" and verb.head.pos_ in {"VERB", "AUX"} and not any(
                    c.dep_ in _SUBJECT_DEPS for c in verb.children):  # fmt: skip
                verb = verb.head  # "hosted the talks and praised both sides": hosted's subject
            # (the parse may hang the subject on an auxiliary: "the United States was 'closely
            # monitoring' the situation and urged both sides")
            holders = [verb, *(c for c in verb.children if c.dep_ in ("aux", "auxpass"))]
            out = {t.i for h in holders for c in h.children if c.dep_ in _SUBJECT_DEPS for t in c.subtree}
            if cur.dep_ == "relcl" and any(c.dep_ in _SUBJECT_DEPS and c.tag_ in ("WDT", "WP") for c in cur.children):
                # "China, which has close ties with both countries": the antecedent speaks of them
                out |= {t.i for t in cur.head.subtree if t.i < cur.i}
            return out
    return set()


def _main_subject(tok: Token) -> bool:
    """The subject of a sentence's main verb ("Macron said Putin had lied": Macron, not Putin)."""
    return tok.dep_ in _SUBJECT_DEPS and tok.head.dep_ == "ROOT"


def _within_subject(tok: Token) -> bool:
    """``tok`` is a word of a clause's subject ("Iraqi" of "Iraqi Prime Minister X said")."""
    for _ in range(5):
        if tok.dep_ in _SUBJECT_DEPS:
            return True
        if tok.head.i == tok.i or tok.head.pos_ in ("VERB", "AUX"):
            return False
        tok = tok.head
    return False


def _in_subject(tok: Token) -> bool:
    """A pronoun that is a subject ("He said") or owns one ("His government said"): it most likely
    continues the subject of the sentence before."""
    return tok.dep_ in _SUBJECT_DEPS or (tok.dep_ == "poss" and tok.head.dep_ in _SUBJECT_DEPS)


def _proper_noun_runs(doc: Doc) -> dict[int, int]:
    """start -> end of each run of one to three proper nouns, dates aside ("On Tuesday Balkhi" is
    Balkhi alone): a surname ("Balkhi said") or a family name of several words ("La Lime told
    VOA") met again; found on the POS and entity arrays (no Token object per word)."""
    if not len(doc):
        return {}
    strings = doc.vocab.strings
    name = (doc.to_array("POS") == PROPN) & ~numpy.isin(doc.to_array("ENT_TYPE"), [strings.add("DATE"), strings.add("TIME")])
    edges = numpy.flatnonzero(numpy.diff(numpy.concatenate(([0], name.astype(numpy.int8), [0]))))
    return {int(a): int(b) for a, b in zip(edges[::2], edges[1::2], strict=True) if b - a <= 3}


# Where a capitalised word the tagger took for a common noun or adjective stands as a noun phrase
# of its own: a subject, an object, an owner, an apposition.
_ALONE_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "poss", "appos", "conj", "ROOT", "npadvmod"})
# Children that make it a modifier or a common noun's phrase, not a name ("Young people", "the Rice").
_NOT_NAME_CHILDREN = frozenset({"det", "amod", "compound", "nummod", "poss"})


def _mistagged_names(doc: Doc) -> list[int]:
    """Capitalised words standing alone that the tagger took for common words ("Quispeta said" at
    the start of a sentence, an unfamiliar surname tagged as a noun): a surname met again when the
    article named that person before (the caller checks), found on the IS_TITLE and POS arrays."""
    if not len(doc):
        return []
    arr = doc.to_array(["IS_TITLE", "POS", "ENT_TYPE"])
    strings = doc.vocab.strings
    dated = numpy.isin(arr[:, 2], [strings.add("DATE"), strings.add("TIME")])
    hits = numpy.flatnonzero((arr[:, 0] == 1) & (arr[:, 1] != PROPN) & ~dated)
    out = []
    for i in hits:
        tok = doc[int(i)]
        if tok.dep_ not in _ALONE_DEPS or any(c.dep_ in _NOT_NAME_CHILDREN for c in tok.children):
            continue
        if (tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ == PROPN) or (tok.i > 0 and doc[tok.i - 1].pos_ == PROPN):
            continue  # part of a longer name
        out.append(tok.i)
    return out


def _lone_acronyms(doc: Doc) -> list[int]:
    """Words in capitals of two letters or more that the tagger took for common words ("the AA")."""
    if not len(doc):
        return []
    arr = doc.to_array(["IS_UPPER", "IS_ALPHA", "POS", "LENGTH"])
    return numpy.flatnonzero((arr[:, 0] == 1) & (arr[:, 1] == 1) & (arr[:, 2] != PROPN) & (arr[:, 3] >= 2)).tolist()


def _met_again(doc: Doc, start: int, end: int, offset: int, known: Actor, ctx: ArticleContext, text: str) -> Actor:
    """The person named before with a title or affiliation, at this later mention; "he" may be them."""
    actor = _actor(doc, start, end, offset, known.name, known.country, known.sector, known.person, known.org,
                   f"named:{known.entry_id}")  # fmt: skip
    if known.person:
        ctx.remember("", "", actor)
        root = doc[start:end].root
        if _main_subject(root):  # "Kourouma seized power ... He later dissolved ...": he is Kourouma
            ctx.subject_person = ("", actor, root.sent.start)
            ctx.subject_quoted = in_quotation(text, root.idx)
    return actor


def _memorise(doc: Doc, g: Group, c: _Coded, actor: Actor, ctx: ArticleContext, lexicon: Lexicon) -> None:
    """Note what later mentions may point back to (``anaphora``): an acronym defined after the
    actor, its organisation, and its head noun when the text gave its country (not a noun that
    names a sector of its own other than the organisation's: "the National Liberation Army ...
    the army" is the state's army, not the rebels)."""
    k = acronym_after(doc, g.end)
    if k is not None and actor.country:
        ctx.named.setdefault(doc[k].lower_, actor)
    if (c.org and actor.country and not c.person and not (g.head is not None and g.head.is_title)
            and not (c.sector == "MED" and is_audience(doc[g.start : g.end].root))):  # fmt: skip
        # the organisation itself, not "the U.N. envoy"; nor an agency only told something ("a
        # Somali officer told Reuters"): "the group" after it is no news agency
        ctx.orgs.append(actor)
        root = doc[g.start : g.end].root
        if actor.sector == "MIL" and len(actor.country) == 3 and actor.country not in NOT_STATES and head_key(root) in STATE_FORCES:
            _forces_named(ctx, actor, head_key(root))  # "the Lebanese army", a state's forces by their lexicon name
        if root.pos_ == "PROPN" and root.is_title and g.head is None and not _other_sector(root, actor, lexicon):
            _remember_head(ctx, root, actor)  # "the International Court of Justice ... the court"
        elif g.org is not None and g.head is not None and (noun := doc[g.org.start : g.org.end].root).pos_ == "PROPN" \
                and noun.is_title and not _other_sector(noun, actor, lexicon):
            # "judges of the International Criminal Court ... the court": the organisation's noun
            # too, not only the group's own head
            _remember_head(ctx, noun, replace(actor, name=c.org))
        elif (g.head is None and root.pos_ == "NOUN" and root.i == g.end - 1 and root.is_lower
              and not _state_sector_word(root, lexicon)):  # fmt: skip
            # a name the lexicon knows ending in a common noun ("FARC dissidents"): "the
            # dissidents" later are they (not a state's body: "the army" is no rebel army's)
            _remember_head(ctx, root, actor)
            if root.tag_ in _PLURAL_TAGS:
                _remember_head(ctx, root, actor, suffix=_PLURAL)
    if g.head is not None and g.head.mentions and actor.country and (g.owner or g.org or c.person_entry):
        tok = doc[g.head.mentions[-1].end - 1]
        if not _several_owners(tok):
            _remember_head(ctx, tok, actor, g)
        if actor.sector == "MIL" and g.owner and len(actor.country) == 3 and actor.country not in NOT_STATES:
            _forces_named(ctx, actor, head_key(tok))
        if tok.tag_ in _PLURAL_TAGS:  # "EU foreign ministers ... the ministers", not the one minister named since
            _remember_head(ctx, tok, actor, g, _PLURAL)


def _several_owners(head: Token) -> bool:
    """A plural head noun of several states' bodies ("the governments of Ireland and Switzerland",
    "the Irish and Swiss governments"): no one of them is "the government" met again."""
    return head.tag_ in _PLURAL_TAGS and any(t.dep_ == "conj" and t.head.i != head.i for t in head.subtree)


def _forces_named(ctx: ArticleContext, actor: Actor, key: str) -> None:
    """A state's forces named with their country are "the army" and "the military" after it, by
    either word ("the Lebanese army ... the military said"): the last so named."""
    ctx.forces = actor
    if key in STATE_FORCES:
        ctx.heads.update(dict.fromkeys(STATE_FORCES, actor))


def _owned_sector(owner: Actor, sector: str) -> str:
    """The sector of a body an actor owns: an armed group's forces are the group's own, not a state's
    army ("the RSF said its forces had repelled ...")."""
    return owner.sector if sector == "MIL" and owner.sector in ARMED_GROUP_SECTORS else sector


def _noun_sectors(word: Token, lexicon: Lexicon) -> set[str]:
    """The sectors the word alone names as a sector noun ("army": MIL)."""
    entries, _ = lexicon.lookup_cased(word.lower_)
    return {e.sector for e in entries if e.kind == "sector_noun" and e.sector}


def _names_party(word: Token, lexicon: Lexicon) -> bool:
    """The word alone names people of a sector or an office ("leaders", "army", "president")."""
    entries, _ = lexicon.lookup_cased(word.lower_)
    return any(e.kind in ("sector_noun", "title") for e in entries)


def _state_sector_word(word: Token, lexicon: Lexicon) -> bool:
    """The word alone is a sector noun of a state's body ("army", "police", "government")."""
    return not _noun_sectors(word, lexicon).isdisjoint(STATE_BODY_SECTORS)


def _other_sector(word: Token, actor: Actor, lexicon: Lexicon) -> bool:
    """The word alone is a sector noun of a sector other than the actor's ("Army" of a rebel group)."""
    return bool(_noun_sectors(word, lexicon) - {actor.sector})


def _speaking(tok: Token) -> bool:
    """``tok``, a name (a proper noun, or a capitalised word inside its sentence: not "Officials"
    or "She" opening one), is the subject of a verb of speech ("Pedersen said", "Quispeta told")."""
    name = tok.pos_ == "PROPN" or (tok.pos_ != "PRON" and tok.i > tok.sent.start)
    return name and tok.dep_ == "nsubj" and tok.head.lemma_.lower() in SPEECH_VERBS


def _named_before(doc: Doc, g: Group, ctx: ArticleContext) -> Actor | None:
    """A person named earlier with a title or affiliation, met again by full name or surname."""
    if g.person is None or not ctx.named:
        return None
    words = span_text(doc, g.person.start, g.person.end).split()
    if not words:
        return None
    return ctx.named.get(" ".join(words).lower()) or (ctx.named.get(words[-1].lower()) if len(words) == 1 else None)


def _previous_sentence_start(tok: Token) -> int:
    """Start token of the sentence before ``tok``'s (or of its own when it is the first)."""
    start = tok.sent.start
    return tok.doc[start - 1].sent.start if start > 0 else start


def _pronouns(doc: Doc) -> list[int]:
    """Indices of personal pronouns, found on the LOWER array (no Token object per token)."""
    if not len(doc):
        return []
    strings = doc.vocab.strings
    lowers = doc.to_array("LOWER")
    hits = numpy.flatnonzero(numpy.isin(lowers, [strings.add(p) for p in _PRONOUNS]))
    return [int(i) for i in hits if doc[int(i)].pos_ == "PRON"]


# Nouns of a force's units, posts and vehicles: a sector noun modifying one names that force
# ("opened fire on a police patrol", "a bomb near a military convoy", "the bombing of a French army
# base": the pool codes all such targets as the police or the military, ten times in four stories).
UNIT_NOUNS = frozenset({"patrol", "convoy", "vehicle", "base", "checkpoint", "post", "outpost", "station",
                        "camp", "unit", "position", "headquarters", "barracks", "garrison", "personnel"})  # fmt: skip


def _unit_of(modifier: Token) -> bool:
    head = modifier.head
    return head.i != modifier.i and head.pos_ == "NOUN" and head.lemma_.lower() in UNIT_NOUNS


# Those who act on "the government" as its own country's: the opposition, parties, lawmakers,
# civilians, unions, a country's own churches, schools, press, doctors and bodies ("Thai
# lawmakers called on the government to ...", "the Law Society of Kenya accused the interior ministry").
_OPPOSITION = frozenset({"OPP", "PTY"})
_HOME_CRITICS = _OPPOSITION | {"LEG", "CVL", "LAB", "REL", "EDU", "MED", "HLH", "NGO"}
_ADDRESSING_PREPS = frozenset({"on", "upon", "to", "against", "with"})


# Verbs whose object a commander commands: "ordered the army to ..."
_COMMANDING = frozenset({"order", "instruct", "direct", "command"})
# Verbs of moving forces: the forces a state moves are its own ("deployed troops", "sending soldiers").
_SENDING_FORCES = frozenset({"deploy", "send", "dispatch", "station", "amass", "mass", "redeploy", "move", "position"})
_MOVED_FORCES = frozenset({"troop", "soldier", "force", "unit", "army", "military", "marine", "paratrooper",
                           "reinforcement", "personnel", "warship", "tank"})  # fmt: skip


def _doers(verb: Token) -> list[Token]:
    """The subject of ``verb``, or for one without (a gerund after "of", an infinitive, a joined
    verb) the subject or object that controls it: "accused Uganda of sending soldiers" (Uganda),
    "plans to deploy troops", "massed tanks and deployed troops"."""
    for _ in range(3):
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if subjects:
            return subjects
        if verb.dep_ == "pcomp" and verb.head.lower_ in ("of", "for") and verb.head.head.pos_ == "VERB":
            objects = [c for c in verb.head.head.children if c.dep_ == "dobj"]
            if objects:
                return objects
            verb = verb.head.head
        elif verb.dep_ in ("xcomp", "conj") and verb.head.pos_ in ("VERB", "AUX"):
            verb = verb.head
        else:
            return []
    return []


# Verbs of harm done to people, whose passive subject a speaker reports as its own dead or wounded.
_HARMED = frozenset({"kill", "wound", "injure", "hurt", "maim"})


def _speaker_country(doc: Doc, g: Group, actors: Sequence[Actor], offset: int, where: dict[int, str] | None = None) -> tuple[str, bool]:
    """The country of whoever reports the clause the group is the subject of ("U.S. Trade
    Representative Jamieson Greer said the administration was reviewing ...": the speaker's
    administration), when an actor already coded speaks; or of the opposition, lawmakers or
    civilians whose act the group is the object of ("the opposition leader accused the
    government"), then with True: those who act on it as their own government, not only speak of
    it, make it theirs whoever was named with the same word before."""
    root = doc[g.start : g.end].root
    if root.dep_ == "dobj" and g.owner is None and (
            root.head.lemma_.lower() in _COMMANDING
            or (root.head.lemma_.lower() in _SENDING_FORCES and root.lemma_.lower() in _MOVED_FORCES)):  # fmt: skip
        # "Maduro ordered the navy to escort ...", "he had ordered the army to respond": one
        # commands one's own state's forces; "accused Uganda of sending soldiers": a state sends
        # its own
        starts = {t.idx + offset for c in _doers(root.head) for t in c.subtree}
        commanders = [a for a in actors if a.start in starts and len(a.country) == 3 and a.country not in NOT_STATES]
        if commanders:
            return commanders[-1].country, False
    if root.dep_ == "poss" and root.head.dep_ in ("dobj", "pobj"):
        root = root.head  # "criticized the government's handling of the crisis": the government's act
    if root.dep_ in ("dobj", "pobj"):
        # "Opposition leader Jairam Ramesh accused the government of ...": the opposition of a
        # country faults its own government
        verb = root.head.head if root.dep_ == "pobj" else root.head
        while verb.dep_ == "conj" and verb.head.pos_ == "VERB" and not any(c.dep_ == "nsubj" for c in verb.children):
            verb = verb.head  # "said he supported the exercises but criticized the government": he criticized
        subjects = [c for c in verb.children if c.dep_ == "nsubj"] if verb.pos_ == "VERB" else []
        starts = {t.idx + offset for s in subjects for t in s.subtree}
        # (lawmakers, civilians, unions: only where they act on it, not where they gather: "outside the palace")
        critics = _HOME_CRITICS if root.dep_ == "dobj" or root.head.lower_ in _ADDRESSING_PREPS else _OPPOSITION
        opposed = [a for a in actors if a.start in starts and a.sector in critics and len(a.country) == 3
                   and a.country not in NOT_STATES]  # fmt: skip
        return (opposed[-1].country, True) if opposed else ("", False)
    if root.dep_ not in ("nsubj", "nsubjpass") or root.head.dep_ != "ccomp":
        return "", False
    verb = root.head.head
    if verb.lemma_.lower() not in SPEECH_VERBS:
        return "", False
    speakers = [c for c in verb.children if c.dep_ == "nsubj"]
    if not speakers:
        return "", False
    at = speakers[0].idx + offset
    found = [a for a in actors if a.start <= at < a.end and a.country and len(a.country) == 3]
    if not found and where:
        # a body the lexicon does not know, owned by a place: "Gaza's civil defence agency said"
        owner = next((c for c in speakers[0].children if c.dep_ == "poss" and c.i in where), None)
        return (where[owner.i] if owner is not None else ""), False
    return (found[-1].country if found else ""), False


def _bare(
    doc: Doc, g: Group, lexicon: Lexicon, when: dt.date | None, fallback: str | None, ctx: ArticleContext,
    where: dict[int, str], owners: dict[int, str] | None = None, speaker: str = "",
    rulers: dict[int, str] | None = None, critic: bool = False,
) -> _Coded | None:
    """A head with no owner: "the rebels" (default country) or "the commander" (the last person);
    the government a speaker speaks of is the speaker's (``speaker``; ``critic``: a speaker who acts
    on it as their own); the opposition that acts against a government (``rulers``: its tokens'
    countries) is that country's."""
    head = g.head
    if head is None or head.needs_name or g.person is not None:
        return None
    last = doc[g.end - 1]
    if len(head.mentions) == 1 and (last.pos_ == "ADJ" or last.dep_ in ("compound", "amod")) and not _unit_of(last):
        return None  # "military sources", "in rebel hands": a modifier, not an actor
    if head.is_title:
        if not head.role:
            # "the journalist": the journalist named before; a title the lexicon marks an office
            # is one of the story's country even unnamed ("a federal judge ruled")
            again = _same_head(doc, g, ctx, owners or {})
            if again is None and head.office and fallback is None:
                names = {n.casefold() for m in head.mentions if m.entry is not None for n in m.entry.names}
                party = _home_party(lexicon, ctx, names, head.countries) if head.countries else None
                if party is not None:
                    return _Coded(party.country, party.sector, org=party.org)
                # (where its own phrase puts it: "a federal judge in Maryland" in a story of Venezuela)
                local = located_in(doc[g.end - 1], where or {}, owners or {})
                if local and (not head.countries or local in head.countries):
                    return _Coded(local, head.sector)
                return _Coded(ctx.default_for(head.sector, among=head.countries), head.sector)
            return again
        for entry_id, _, p in reversed(ctx.recent_persons):  # "the president" = the president named last
            entry = lexicon.get(entry_id)
            if (p is not None and entry is None and p.person and f"title:{head.role}" in p.entry_id.split("+")
                    and _one_named_before(doc, g)):
                # one the lexicon does not know, named later with that title ("U.S. special envoy
                # Jane Doe" after a headline's "US envoy"): the one the story goes on with
                return _Coded(p.country, p.sector, p.person, p.org)
            if p is None or entry is None:
                continue
            if any(r.title == head.role for r in (entry.roles_at(when) if when else entry.roles)):
                return _Coded(p.country, p.sector, p.person, p.org, entry)
        return _same_head(doc, g, ctx, owners or {})
    if _officers(g):
        # "the officers": those named so before ("Kenyan police officers ... The officers landed");
        # "officers" of no force in a story of the police: the police (``_policing``)
        again = _same_head(doc, g, ctx, owners or {})
        if again is not None or not _policing(g, ctx) or _of_a_force(last, lexicon):
            return again
        if speaker and speaker not in NOT_STATES:
            return _Coded(speaker, "COP")  # "Haiti's police chief said officers had ...": Haiti's
        return _Coded(ctx.default_for("COP") if fallback is None else fallback, "COP")
    if not head.standalone:
        return None
    last_tok = doc[g.end - 1]
    scope = _scope(doc, g.start, g.end, {i for m in head.mentions for i in range(m.start, m.end)})
    if last_tok.tag_ == "NNS" and last_tok.lemma_.lower() in _ONE_PER_STATE and scope != "regional":
        return None  # "governments", "parliaments": several states, none of them named (but as
        # "European leaders", "Western governments" are of a region's states)
    if scope == "foreign":
        return None  # "foreign troops", "foreign journalists": some other country's, unnamed
    if scope == "international":  # "international forces" (IGO), "international rights groups" (NGO)
        # (an international group of the state's sectors is intergovernmental, of others non-governmental)
        return _Coded("IGO" if head.sector in STATE_BODY_SECTORS else "NGO", head.sector)
    if scope == "regional":
        return _Coded("", head.sector, regional=True)  # "European leaders", "Western sources": several states, none named
    if scope == "unknown":
        return _Coded("", head.sector, unknown=True)  # "unidentified gunmen": whose, the text says it does not know
    if critic and head.sector in STATE_BODY_SECTORS and head.sector != "MIL":
        # "Chad's opposition criticized the government's handling": Chad's, whatever government the
        # story named before
        return _Coded(speaker, head.sector)
    again = _same_head(doc, g, ctx, owners or {})
    if again is not None and speaker and speaker not in NOT_STATES and again.country != speaker and head_key(last) in STATE_FORCES:
        return _Coded(speaker, head.sector)  # "an Israeli official said the military had struck": Israel's
    if again is not None:
        return again  # "The official added": the official named before, not the story's country
    before = doc[g.start - 1].lower_ if g.start > 0 else ""
    owner = None
    if before in ("his", "her"):
        pron = doc[g.start - 1]
        owner = ctx.person_for(_PRONOUNS[before], _previous_sentence_start(pron) if _in_subject(pron) else None)
    elif before == "its" and ctx.subject_org is not None and _in_subject(doc[g.start - 1]):
        actor, sent_start = ctx.subject_org  # "Its defense ministry said": the subject of the sentence before
        if sent_start >= _previous_sentence_start(doc[g.start - 1]):
            owner = actor
    elif before == "its" and ctx.subject_org is not None and ctx.subject_org[1] == doc[g.start - 1].sent.start:
        # "Azerbaijan's embassy in Moscow urged its citizens in Russia": the subject's citizens,
        # whatever place they are in
        return _Coded(ctx.subject_org[0].country, _owned_sector(ctx.subject_org[0], head.sector), owned=True)
    elif before == "whose" and (country := _whose(doc[g.start - 1], owners or {}, ctx)):
        return _Coded(country, head.sector)  # "Cyprus, whose government called it ...": Cyprus's
    elif before in POSSESSIVE and g.start > 1:
        owner = ctx.named.get(doc[g.start - 2].lower_)  # "Mahathir's government": the person named before
    if owner is not None:
        return _Coded(owner.country, _owned_sector(owner, head.sector))  # "his regime": the regime of the person last named
    if speaker and head.sector in STATE_BODY_SECTORS and speaker not in NOT_STATES:
        return _Coded(speaker, head.sector)  # "Greer said the administration would respond"
    if (speaker and speaker not in NOT_STATES and head.sector == "CVL" and last.dep_ == "nsubjpass"
            and last.head.lemma_.lower() in _HARMED):  # fmt: skip
        # "Gaza's civil defence agency said three people were killed in the strike": who counts
        # the dead counts its own people, not the attacker's the story named more
        return _Coded(speaker, head.sector)
    if fallback is None:
        # "a military base near Haifa": the force a unit noun names is where its post is
        unit = last.head if _unit_of(last) else None
        local = located_in(doc[g.end - 1], where, owners) or (located_in(unit, where, owners, UNIT_PLACE) if unit is not None else "")
        if local and local not in _backers(last, lexicon):  # not "pro-Russia" read as "Chicago police"
            return _Coded(local, head.sector)  # "forces in Somalia's north", "police in Lagos"
        based = _based_in(doc, g.start, where)
        if based:
            return _Coded(based, head.sector)  # "a London-based rights group", "Hong Kong-based shipping firms"
        fronted = _fronted_place(doc, g.start, where)
        if fronted and fronted not in _backers(last, lexicon):
            return _Coded(fronted, head.sector)  # "In Pakistan, police arrested ...": that country's police
    if fallback is None and head.sector in ARMED_GROUP_SECTORS and (is_definite(last) or _bare_plural(last)):
        # "the rebels", "the militants": the armed group the story named last, in its own land,
        # wherever the story is filed from ("U.S. warplanes struck Houthi sites in Yemen ... after
        # the rebels fired"; not Hezbollah in a story of Syria that never names Lebanon)
        group = next((a for a in reversed(ctx.orgs) if a.sector in ARMED_GROUP_SECTORS and a.country not in NOT_STATES), None)
        if group is not None and (ctx.place_counts[group.country] or ctx.places_so_far.get(group.country)):
            return _Coded(group.country, head.sector)
    if (fallback is None and head.sector == "MIL" and is_definite(last) and (last.lemma_.lower() in STATE_FORCES or (
            last.lemma_.lower() in STATE_MEN and all(c.dep_ == "det" for c in last.lefts)))
            and ctx.forces is not None and ctx.forces.country not in _backers(last, lexicon)):  # fmt: skip
        # "the army", "the military": the state's forces the story named last with their country
        # ("Sudan's army" in a story filed from Cairo), not those of the country acting most
        return _Coded(ctx.forces.country, head.sector)
    if fallback is None and rulers and any(m.entry is not None and m.entry.sector == "OPP" for m in head.mentions):
        # "opposition parties accused Prime Minister Nikol Pashinyan": the opposition to him (or to
        # whose conduct they fault: "criticized Petro's handling of the dispute")
        # (a ruler named again by surname counts: "Petro's")
        named = {t.i: known.country for t in last.sent if t.pos_ == "PROPN" and (known := ctx.named.get(t.lower_)) is not None
                 and known.sector == "GOV" and len(known.country) == 3 and known.country not in NOT_STATES}  # fmt: skip
        against = _faced(last, rulers) or _faced(last, {**named, **rulers}, owners_too=True)
        if len(against) == 1:
            return _Coded(next(iter(against)), head.sector)
    if fallback is None and _sided(last, lexicon):
        return _Coded("", head.sector)  # "pro-Iranian militias": whose, the text does not say
    if any(m.entry is not None and m.entry.id in OWNED_ONLY for m in head.mentions):
        return None  # "the company" the text gives no country: not the story's country's
    if fallback is None and any(m.entry is not None and m.entry.id in INTERNATIONAL_FORCES for m in head.mentions):
        # "peacekeepers" no story's state owns: a mission's (pool: "European peacekeepers" IGO),
        # not the army of the country they keep the peace in, nor of the country acting most
        return _Coded("IGO", head.sector)
    if fallback is None:
        # "Iran-backed militias", "U.S.-funded forces": whoever backs them is not whose they are;
        # nor is a state's body the one its act is set against; but a state's critics, rebels and
        # people are often of the state where the story happens that they act against ("Rebels
        # ambushed Malian soldiers", "Human rights groups accused Ugandan soldiers of killing
        # civilians" in stories from Mali and Uganda)
        faced = _faced(last, owners or {})
        if head.sector not in STATE_BODY_SECTORS and ctx.place_counts:
            faced -= {max(ctx.place_counts, key=lambda c: ctx.place_counts[c])}
        excluded = _backers(last, lexicon) | faced
        # (a party the lexicon does not know by its name is of where the story happens, as an
        # opposition is: "the opposition National Action Party" of a story of Mexico's dealings
        # with Washington)
        placed = "OPP" if g.body and head.sector == "PTY" else _placed_sector(head.sector, head.mentions)
        return _Coded(ctx.default_for(placed, exclude=excluded), head.sector)
    return _Coded(fallback, head.sector)


def _of_a_force(noun: Token, lexicon: Lexicon) -> bool:
    """``noun`` is said to be of an armed force or police ("officers from the national guard")."""
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in ("of", "from"):
            for obj in prep.children:
                if obj.dep_ == "pobj":
                    words = " ".join(t.lower_ for t in obj.doc[obj.left_edge.i : obj.i + 1] if t.dep_ not in ("det", "poss", "case"))
                    entries, _ = lexicon.lookup_cased(words)
                    if any(e.kind == "sector_noun" and e.sector in ("MIL", "COP", "SPY") for e in entries):
                        return True
    return False


def _officers(g: Group) -> bool:
    """The group's head is "officers" alone, of no force named with it."""
    head = g.head
    return (head is not None and len(head.mentions) == 1 and head.mentions[0].entry is not None
            and head.mentions[0].entry.id == OFFICERS)  # fmt: skip


def _policing(g: Group, ctx: ArticleContext) -> bool:
    """Officers named by no force of their own ("Kenyan officers", "officers") in a story that has
    so far named the police more often than the armed forces: police officers."""
    return _officers(g) and ctx.sector_counts["COP"] > ctx.sector_counts["MIL"]


# Words after a family name that tell a generation: "Ferdinand Marcos Jr." is "Marcos" later.
GENERATION_SUFFIXES = frozenset({"jr.", "jr", "sr.", "sr", "ii", "iii", "iv"})


def _name_again(ctx: ArticleContext, words: Sequence[str], actor: Actor, known: bool) -> None:
    """Later in the article, the full name or the surname alone is the same person (a lexicon
    person too: "Jovenel Moise" ... "Moise said"; "Ferdinand Marcos Jr." ... "Marcos said")."""
    if len(words) > 2 and words[-1].lower() in GENERATION_SUFFIXES:
        _name_again(ctx, words[:-1], actor, known)
    ctx.named.setdefault(" ".join(words).lower(), actor)
    for k in range(1, len(words)):  # the family name, particles and all: "La Lime", "Lime"
        ctx.named.setdefault(" ".join(words[k:]).lower(), actor)
    if len(words) > 1 and (known or actor.country in FAMILY_NAME_FIRST):
        # a known person by the family name written first: "Kim"; so are Chinese and Korean names
        # in English ("spokesperson Lin Jian ... Lin said")
        ctx.named.setdefault(words[0].lower(), actor)


def _whose(pron: Token, owners: dict[int, str], ctx: ArticleContext) -> str:
    """The country of the noun a relative clause opened by "whose" is on ("Cyprus, whose
    government ...", "Faisal bin Farhan, whose government ...": a country, or a person the lexicon
    knows), "" when it names none."""
    verb = pron.head
    for _ in range(3):
        if verb.dep_ == "relcl":
            ante = verb.head
            person = ctx.named.get(ante.lower_)  # (one the lexicon knows: an unknown's country is a guess)
            return owners.get(ante.i) or (person.country if person is not None and "person:" in person.entry_id else "")
        if verb.head.i == verb.i:
            break
        verb = verb.head
    return ""


def _one_named_before(doc: Doc, g: Group) -> bool:
    """"The envoy" alone, outside quotation marks: one person the story named before, not "its
    ambassador", "their presidents", or a title in someone's words."""
    last = doc[g.end - 1]
    return (last.tag_ == "NN" and g.end - g.start == 1 and g.start > 0 and doc[g.start - 1].lower_ == "the"
            and not in_quotation(doc.text, last.idx))


def _bare_plural(tok: Token) -> bool:
    """A plural noun with no determiner or number ("Rebels shelled the town"): the ones the story
    is about, as "the rebels" are."""
    return tok.tag_ == "NNS" and not any(c.dep_ in ("det", "nummod", "poss", "predet") for c in tok.children)


# Sector nouns of one party that only the text can place: "a Greek company", "a Dubai-based firm",
# "the company" named before (the story's country is not a company's).
OWNED_ONLY = frozenset({"sector:company"})


# Sector nouns of forces sent by an international mission: unowned, they are the mission's.
INTERNATIONAL_FORCES = frozenset({"sector:peacekeepers"})


# Nouns of a state's armed forces as a whole, met again by the same or the other word.
STATE_FORCES = frozenset({"army", "military"})
# ... and its men, met again bare: "Mexican soldiers arrested 14 suspects ... The troops seized rifles"
# (not "the Asayish internal security forces", who are named)
STATE_MEN = frozenset({"troop", "soldier", "force"})


# Sector nouns of forces that belong where the story happens, as police do, whatever their sector
# ("security forces" are mostly an army's in the news, yet the ones of a story's country).
PLACED_FORCES = frozenset({"sector:security-forces"})


def _placed_sector(sector: str, mentions: Sequence[Mention]) -> str:
    """The sector whose default country a bare head of ``mentions`` takes: the police's for
    ``PLACED_FORCES``."""
    return "COP" if any(m.entry is not None and m.entry.id in PLACED_FORCES for m in mentions) else sector


# A country before one of these ("Iran-backed", "U.S.-trained") stands behind a group of others.
BACKING = frozenset({"backed", "funded", "sponsored", "supported", "armed", "trained", "financed", "equipped"})


def _based_in(doc: Doc, i: int, where: dict[int, str]) -> str:
    """The country of the place a group at token ``i`` is said to be based in ("a London-based
    rights group", "two Hong Kong-based companies"), else ""."""
    k = i
    while k > 0 and doc[k - 1].dep_ in ("amod", "compound") and doc[k - 1].lower_ != "based" and k > i - 3:
        k -= 1  # "Hong Kong-based shipping companies": past the words of the head
    if k < 3 or doc[k - 1].lower_ != "based" or doc[k - 2].text not in ("-", "–"):
        return ""
    return where.get(k - 3, "")


def _fronted_place(doc: Doc, i: int, where: dict[int, str]) -> str:
    """The country of a place that opens the sentence of token ``i`` as "In X," ("In Pakistan,
    police arrested ...", "In Goma, the rebels ..."): where the sentence's unowned actors are, a
    briefs column's item or a story's turn to another country."""
    sent = doc[i].sent
    first = sent[0] if sent[0].lower_ == "in" else None
    if first is None:
        return ""
    comma = next((t.i for t in doc[first.i + 1 : min(sent.end, first.i + 8)] if t.text == ","), None)
    if comma is None or comma >= i:
        return ""
    found = {where[k] for k in range(first.i + 1, comma) if k in where}
    return next(iter(found)) if len(found) == 1 else ""


def _sided(noun: Token, lexicon: Lexicon) -> frozenset[str]:
    """The countries the group ``noun`` names sides with: "pro-Russia separatists", "pro-Iranian
    militias" (a side taken, not whose they are)."""
    out: set[str] = set()
    doc = noun.doc
    for mod in noun.lefts:
        if mod.i >= 2 and doc[mod.i - 1].text in ("-", "–") and doc[mod.i - 2].lower_ == "pro":
            entries, _ = lexicon.lookup_cased(mod.text)
            out.update(e.country for e in entries if len(e.country) == 3)
    return frozenset(out)


def _backers(noun: Token, lexicon: Lexicon) -> frozenset[str]:
    """The countries that back the group ``noun`` names, or that it sides with: "Iran" in
    "Iran-backed militias", "Russian" in "Russian-funded separatists", "pro-Russia separatists"."""
    out: set[str] = set(_sided(noun, lexicon))
    for mod in noun.lefts:
        if mod.lower_ not in BACKING or mod.i < 2 or mod.nbor(-1).text not in ("-", "–"):
            continue
        first = mod.i - 2
        while first > 0 and mod.doc[first - 1].text not in ("-", "–") and mod.doc[first - 1].is_title and first > mod.i - 4:
            first -= 1  # "United States-backed"
        for k in range(first, mod.i - 1):
            entries, _ = lexicon.lookup_cased(mod.doc[k : mod.i - 1].text)
            out.update(e.country for e in entries if len(e.country) == 3)
            if out:
                break
    return frozenset(out)


def _home_party(lexicon: Lexicon, ctx: ArticleContext, words: set[str], countries: tuple[str, ...]) -> Entry | None:
    """The party of the story's own country whose name ends in the office's name (``words``), where
    that country has no such office (``countries`` have it): "the Congress" of a story from New
    Delhi is the Indian National Congress, no US Congress."""
    home = ctx.default_for("CVL")
    if not home or home in countries:
        return None
    return next((e for e in _parties_of(lexicon, home) if any(n.casefold().split()[-1] in words for n in e.names)), None)


# Words any country's party may be named with (``mentions.GENERIC_PARTY_WORDS`` and more, read
# word by word off the lexicon's names): a party the lexicon names with these alone ("Democratic
# Party", "Justice and Development Party", "Democratic Progressive Party") may be another
# country's of the same name.
_NAMESAKE_PARTY_WORDS = GENERIC_PARTY_WORDS | {"people's", "congress", "justice", "development", "and", "social",
                                               "christian", "union", "popular", "new", "freedom", "unity", "front"}  # fmt: skip


# How much more a story must name its own country than the party's to take a party it names
# otherwise for its own, where it names the party's country more than once.
NAMESAKE_DOMINANCE = 3


def _home_of_namesake_party(entry: Entry, ctx: ArticleContext, lexicon: Lexicon, doc: Doc) -> str:
    """The story's own country, where a party the lexicon names with generic words alone is of a
    country the story names at most once otherwise, or far less than its own and with none of
    that country's other parties; else ""."""
    if not _generic_party(entry):
        return ""
    home = ctx.default_for("PTY")
    if not home or home == entry.country or home in NOT_STATES:
        return ""
    # (the story's country must be the story's, not one named in passing: "Democrats in
    # Washington criticized the deal with Seoul" are American)
    weight = ctx.country_counts[home] + ctx.place_counts[home]
    theirs = ctx.country_counts[entry.country] + ctx.place_counts[entry.country]
    if weight < 2 or weight <= theirs:
        return ""
    # (named once in passing, "U.S." still leaves the story another country's; named more often, in
    # a story of Seoul that tells of Washington's reactions, the party is still Seoul's, unless the
    # story names a rival of the party's own country: "Republicans" keep "Democrats" American)
    if ctx.country_counts[entry.country] + ctx.dateline_counts[entry.country] > 1 and (
            weight < NAMESAKE_DOMINANCE * theirs or _rival_named(entry, lexicon, doc)):  # fmt: skip
        return ""
    return home


def _rival_named(entry: Entry, lexicon: Lexicon, doc: Doc) -> bool:
    """Another party of ``entry``'s country is named in ``doc`` (by the first word of a name:
    "Republican senators" name the Republicans)."""
    firsts = {n.casefold().split()[0] for e in _parties_of(lexicon, entry.country) if e is not entry for n in e.names}
    words = {w.lower() for w in doc_words(doc)}  # (read off the ORTH array: no Token built per word)
    return not firsts.isdisjoint(words | {w[:-1] for w in words if w.endswith("s")})


def _member_of(doc: Doc, g: Group, actors: Sequence[Actor], offset: int) -> str:
    """The country of the person whose apposition names the party (its member, its senator, its
    leader), as coded before it; else ""."""
    tok = doc[g.end - 1]
    for _ in range(4):
        if tok.dep_ not in ("pobj", "prep", "appos", "compound") or tok.head.i == tok.i:
            return ""
        tok = tok.head
        if tok.dep_ == "appos" or tok.pos_ == "PROPN":
            person = actor_for_token(actors, tok.head if tok.dep_ == "appos" else tok, offset)
            if person is not None and person.person and len(person.country) == 3 and person.country not in NOT_STATES:
                return person.country
    return ""


def _generic_party(entry: Entry) -> bool:
    """A party of one country that the lexicon names with generic words alone."""
    return (entry.kind == "org" and entry.sector == "PTY" and bool(entry.country)
            and all(w in _NAMESAKE_PARTY_WORDS for n in entry.names for w in n.casefold().split()))  # fmt: skip


@functools.lru_cache(maxsize=256)
def _parties_of(lexicon: Lexicon, country: str) -> tuple[Entry, ...]:
    """The lexicon's parties of ``country``."""
    return tuple(e for e in lexicon if e.kind == "org" and e.sector == "PTY" and e.country == country)


# The role of a title that speaks for a body: "Spokesman Lin Jian".
SPOKESPERSON = "spokesperson"


def _spokesperson_of_subject(doc: Doc, g: Group, ctx: ArticleContext, offset: int) -> Actor | None:
    """The body a spokesperson the lexicon does not know speaks for, when the sentence opens with
    their title and name alone and the sentence before was that body's, its subject ("China's
    foreign ministry rejected Japan's protest. Spokesman Lin Jian said ...": the story's most
    active country was Japan's); in six helper stories of four topics, all six that way."""
    if (g.head is None or g.head.role != SPOKESPERSON or g.owner is not None or g.org is not None
            or g.possessor is not None or ctx.subject_org is None):  # fmt: skip
        return None
    sent = doc[g.start].sent
    first = next((t for t in sent if not (t.is_space or t.is_quote or t.is_punct)), None)
    if first is None or first.i != g.start or sent.start == 0:
        return None
    before = doc[sent.start - 1].sent
    body, sent_start = ctx.subject_org
    if sent_start != before.start or not offset + before.start_char <= body.start < offset + sent.start_char:
        return None
    return body if body.country and not body.person else None


def _office_named_before(doc: Doc, g: Group, ctx: ArticleContext) -> str:
    """The country of the institution a person speaks for, when the words before the name name it
    without its country and the article named it with one before: "foreign ministry spokesperson
    Jane Doe" after "Afghanistan's Ministry of Foreign Affairs said" is Afghan, whatever country
    the story is mostly about."""
    if g.person is None:
        return ""
    # the words before the name's title ("ministry" of "ministry spokesperson Liu Wenbo"; the
    # person's span may begin at the title)
    name = g.person.end
    while name - 1 > g.start and doc[name - 1].pos_ == "PROPN":
        name -= 1
    for tok in doc[g.start : max(name, g.person.start) - 1]:
        if tok.dep_ == "compound" and tok.pos_ in ("NOUN", "PROPN"):
            known = ctx.heads.get(head_key(tok))
            if known is not None and known.country and not known.person:
                return known.country
    return ""


_PLURAL_TAGS = frozenset({"NNS", "NNPS"})
_PLURAL = "|plural"


# Heads of bodies and offices that come in kinds ("the foreign ministry", "the Constitutional
# Court", "the interior minister"): met again by a definite description only as the same kind.
KIND_HEADS = frozenset({"ministry", "court", "tribunal", "minister", "department", "agency", "council", "commission"})
# Modifiers that say which one or how it stands, not what kind it is ("the new government", "the
# highest court in the land").
_NOT_KINDS = frozenset({"same", "new", "former", "current", "interim", "previous", "outgoing", "incoming", "top",
                        "highest", "senior", "main", "local", "powerful", "influential", "based", "led", "backed"})  # fmt: skip


def _kinds(tok: Token, g: Group | None = None) -> frozenset[str]:
    """The words before a head of ``KIND_HEADS`` that say what kind of body or office it is
    ("defense" of "Cambodia's Defense Ministry"), not whose it is (the group's owner, places)."""
    if head_key(tok) not in KIND_HEADS:
        return frozenset()
    owner = range(g.owner.start, g.owner.end) if g is not None and g.owner is not None else range(0)
    return frozenset(c.lower_ for c in tok.lefts
                     if c.dep_ in ("amod", "compound", "nmod") and c.is_alpha and c.i not in owner
                     and c.ent_type_ not in ("GPE", "NORP", "LOC") and c.lower_ not in _NOT_KINDS)  # fmt: skip


# Words that make an office of a head noun another office, never met again by the noun alone: a
# prime minister is "the prime minister", not "the minister".
_OTHER_OFFICES = frozenset({"prime"})


def _office_key(tok: Token) -> str:
    """The key a head noun is remembered and met again by: its lemma, and a word of ``_OTHER_OFFICES``
    before it ("prime minister")."""
    other = next((c.lower_ for c in tok.lefts if c.lower_ in _OTHER_OFFICES and c.dep_ in ("amod", "compound")), "")
    return f"{other} {head_key(tok)}" if other else head_key(tok)


def _remember_head(ctx: ArticleContext, tok: Token, actor: Actor, g: Group | None = None, suffix: str = "") -> None:
    """``actor`` is met again by a definite description with ``tok``'s head noun (``suffix``: in
    the plural), as its kind."""
    ctx.heads[_office_key(tok) + suffix] = actor
    ctx.head_kinds[_office_key(tok) + suffix] = _kinds(tok, g)


# Heads of the one force a story names, met again with no article: "Police said ...".
ONE_FORCE = frozenset({"police"})


def _same_head(doc: Doc, g: Group, ctx: ArticleContext, owners: dict[int, str] | None = None) -> _Coded | None:
    """A definite description ("the official", "the court") coded as the last actor with the same
    head noun whose country the text gave ("a State Department official"); a plural one ("the
    ministers") as the last such actor named in the plural. Not a body of another kind: "the
    foreign ministry" is not "Cambodia's Defense Ministry", nor "the Constitutional Court" the
    International Court of Justice."""
    if g.head is None or not g.head.mentions:
        return None
    tok = doc[g.head.mentions[-1].end - 1]
    one_force = _office_key(tok) in ONE_FORCE  # (a force, singular or plural: "police said", "the police has")
    key = _office_key(tok) + (_PLURAL if tok.tag_ in _PLURAL_TAGS and not one_force else "")
    # (a story's police are "Police" as much as "the police": "The Haitian National Police ...
    # Police said they had destroyed ...")
    known = ctx.heads.get(key) if is_definite(tok) or (one_force and _bare_plural(tok)) else None
    if known is None or (known.country and known.country in _faced(tok, owners or {})):
        return None
    kinds, known_kinds = _kinds(tok, g), ctx.head_kinds.get(key, frozenset())
    if kinds and known_kinds and not kinds & known_kinds:
        return None
    return _Coded(known.country, known.sector, known.person, known.org)


def _faced(tok: Token, owners: dict[int, str], owners_too: bool = False) -> frozenset[str]:
    """The countries the object of the verb ``tok`` is the subject of names ("The government has
    blamed Eritrea ...", "the ministry summoned Japan's envoy"): the subject is none of theirs, or
    the text would have said "itself"; with ``owners_too``, also the owner of the object ("Petro's
    handling")."""
    if tok.dep_ != "nsubj":
        return frozenset()
    objects = [c for c in tok.head.children if c.dep_ in ("dobj", "dative")]
    objects += [o for c in tok.head.children if c.dep_ == "prep" and c.lower_ in _TOWARD for o in c.children if o.dep_ == "pobj"]
    objects = [o for o in objects if o.lemma_.lower() not in _CIVIL_HEADS]
    # (or whose the object is, by its nationality: "expelled two Russian diplomats", "U.S. envoys")
    objects += [m for o in objects for m in o.children if m.dep_ in ("amod", "compound") and m.i < o.i]
    if owners_too:
        objects += [m for o in objects for m in o.children if m.dep_ == "poss"]
    return frozenset(owners[o.i] for o in objects if o.i in owners)


# Heads of people and bodies outside the state, whom a state acts on at home as often as abroad:
# "authorities suspended the Ethiopian Human Rights Council", "police detained two Kenyan
# journalists" (a state's own people need no "itself").
_CIVIL_HEADS = frozenset({"journalist", "reporter", "activist", "student", "protester", "demonstrator", "civilian",
                          "citizen", "worker", "council", "group", "organization", "organisation", "union", "party",
                          "opposition", "critic", "lawyer", "newspaper", "broadcaster", "outlet", "station", "media"})  # fmt: skip


# Prepositions whose object is the other party of an act ("sanctions on Rwanda", "talks with
# Rwanda"), not where it happened ("troops in Rwanda").
_TOWARD = frozenset({"against", "on", "with", "to", "from", "toward", "towards"})


_LOCATIVE = frozenset({"in", "inside", "from", "across", "throughout"})
# Modifiers that put a group beyond any one country the story names.
_SCOPE = {"international": "international", "multinational": "international", "foreign": "foreign",
          "unidentified": "unknown", "unknown": "unknown", "unnamed": "unknown"}
# Regions of several states: "African leaders" are of no one country the story names.
_REGIONS = frozenset({"European", "African", "Asian", "Western", "Arab", "Latin", "Nordic", "Scandinavian", "Balkan",
                      "Caribbean", "Gulf", "Eastern", "Southeast"})  # fmt: skip
# Institutions a state has one of: in the plural, with no country named, they are several states'.
_ONE_PER_STATE = frozenset({"government", "parliament", "administration", "regime", "military", "army"})


def _scope(doc: Doc, start: int, end: int, named: set[int] | frozenset[int] = frozenset()) -> str:
    """"international", "foreign", "regional" or "unknown" when an adjective before the group says so
    ("international rights groups", "foreign troops", "European leaders"), else "". A word of the
    lexicon's own name (``named``: "foreign ministry") says nothing of whose it is."""
    for child in (c for t in doc[start:end] for c in t.lefts if c.i not in named):
        if child.dep_ == "amod" and child.lower_ in _SCOPE:
            return _SCOPE[child.lower_]
        if child.dep_ in ("amod", "compound", "nmod") and child.text in _REGIONS:
            return "regional"
    return ""


def located_in(head: Token, where: dict[int, str], owners: dict[int, str] | None = None,
               locative: frozenset[str] | None = None) -> str:
    """The country of a place before ``head`` ("Chicago police") or in a locative phrase of its
    own: "the rebels in northern Mali", "police from Kano", or of a modifier after it that says
    where they are: "militants based in Afghanistan", "fighters operating from Syria", "gunmen
    present on Malian territory" (``owners``: demonyms and country names outside ``where``). Only
    phrases attached to the noun: "attacked police in Kano" attaches "in Kano" to the verb, which
    tells where the act was, not whose police they were."""
    if not where and not owners:
        return ""
    for c in head.lefts:  # a place naming whose they are: "Chicago police", "New York City authorities"
        # (the parse may read a name before an adjective as a modifier of its own: "the Amhara
        # regional government", "the Tigray regional administration")
        if (c.dep_ == "compound" or (c.dep_ in {"amod", "nmod"} and c.tag_ == "NNP")) and c.i in where and all(
                t.i in where for t in c.subtree):  # fmt: skip
            return where[c.i]
    preps = [(p, locative or _LOCATIVE) for p in head.children]
    for mod in head.rights:  # a reduced relative: "based in", "operating from", "present on"
        if mod.dep_ in {"acl", "amod"} and mod.pos_ in {"VERB", "ADJ"} and mod.lower_ not in _NOT_WHERE:
            preps.extend((p, _LOCATIVE_AFTER) for p in mod.children)
    for prep, words in preps:
        if prep.dep_ != "prep" or prep.lower_ not in words:
            continue
        if any(o.dep_ == "pobj" and o.lemma_.lower() in BORDER_NOUNS for o in prep.children):
            continue  # "a base near the Venezuelan border", "near the border with Syria": next to that country
        for t in prep.subtree:
            if t.i in where:
                return where[t.i]
            if owners and t.i in owners:
                return owners[t.i]
    return ""


# A border named after a preposition says which country is next door, not which one a place is in.
BORDER_NOUNS = frozenset({"border", "frontier", "boundary"})


# Where a unit's post, base or camp is: "a military base near Haifa", "a police post outside Kano".
UNIT_PLACE = frozenset({"in", "inside", "near", "outside", "at"})
# After a modifier of where a group is ("present on Malian territory"), "on" is locative too.
_LOCATIVE_AFTER = _LOCATIVE | {"on"}
# Modifiers whose place is not where the group is: "militants trained in Syria", "troops sent to Mali".
_NOT_WHERE = frozenset({"trained", "sent", "born", "educated", "killed", "arrested", "deported", "expelled",
                        "wanted", "linked", "accused"})  # fmt: skip


def _ids(g: Group, c: _Coded) -> str:
    parts = [
        m.entry.id for m in (g.owner, g.org, g.possessor, g.person) if m is not None and m.entry is not None
    ]
    if g.head is not None:
        parts.extend(m.entry.id for m in g.head.mentions if m.entry is not None)
    if c.person_entry is not None:
        parts.append(c.person_entry.id)
    if c.regional:
        parts.append(REGIONAL)
    if c.unknown:
        parts.append(UNKNOWN)
    if g.body:
        parts.append(BODY)
    if c.owned:
        parts.append(OWNED)
    return "+".join(dict.fromkeys(parts))


def _actor(
    doc: Doc,
    start: int,
    end: int,
    offset: int,
    name: str,
    country: str,
    sector: str,
    person: str,
    org: str,
    entry_id: str,
) -> Actor:
    first, last = doc[start], doc[end - 1]
    s, e = first.idx, last.idx + len(last)
    # span_text rather than doc.text: Doc.text joins every token on each access
    return Actor(
        text=span_text(doc, start, end),
        start=s + offset,
        end=e + offset,
        name=name,
        country=country,
        sector=sector,
        person=person,
        org=org,
        entry_id=entry_id,
    )


def actor_for_token(actors: Sequence[Actor], token: Token, offset: int = 0) -> Actor | None:
    """The actor whose span covers ``token`` (actors as returned by ``find_actors``), or None."""
    pos = token.idx + offset
    i = bisect.bisect_right(actors, pos, key=lambda a: a.start) - 1
    if i >= 0 and actors[i].start <= pos < actors[i].end:
        return actors[i]
    return None


def actors_for_token(actors: Sequence[Actor], token: Token, offset: int = 0) -> list[Actor]:
    """All actors a token stands for, following conjunctions and modifiers.

    For "forces" in "Russian, Syrian and Iranian forces attacked" this gives the three actors; for
    "Hezbollah" in "Hezbollah and Iranian forces" it gives Hezbollah and the Iranian forces.
    """
    out: list[Actor] = []
    for t in (token, *token.conjuncts):
        for cand in (t, *(c for c in t.children if c.dep_ in MODIFIER_DEPS)):
            for u in (cand, *cand.conjuncts):
                a = actor_for_token(actors, u, offset)
                if a is not None and a not in out:
                    out.append(a)
    return sorted(out, key=lambda a: a.start)


def dominant_country(actors: Sequence[Actor]) -> str | None:
    """The most frequent ISO3 country among ``actors`` (first seen on ties), or None."""
    counts = Counter(a.country for a in actors if len(a.country) == 3 and a.country not in NOT_STATES)
    common = counts.most_common(1)
    return common[0][0] if common else None
