"""Lexicon mentions in a parsed ``Doc``: one PhraseMatcher scan, a case check, overlaps resolved.

Part of ``recognise`` (see its docstring, steps 1-2): a capital after a locative preposition is a
place, not an actor; "Iran-backed" does not make Iran an actor.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from collections import Counter
from dataclasses import dataclass
from typing import Any

import numpy
import spacy
from spacy.symbols import PROPN  # type: ignore[import-not-found]
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan
from spacy.vocab import Vocab

from ..geo.mentions import entities
from .lexicon import Entry, Lexicon, fold

# Names of a people that are not of its state: "Serbs" of Bosnia or Kosovo are Bosnian or Kosovan
# citizens, while "Serbians" are Serbia's.
ETHNIC_ONLY = frozenset({"serb", "serbs", "croat", "croats", "bosniak", "bosniaks"})

_KIND_RANK = {
    "ignore": 0,
    "person": 1,
    "org": 2,
    "country": 3,
    "capital": 4,
    "demonym": 5,
    "title": 6,
    "sector_noun": 7,
}


OWNER_KINDS = frozenset({"country", "demonym", "capital"})
_LOCATIVE = frozenset(
    {
        "in",
        "to",
        "from",
        "near",
        "around",
        "at",
        "into",
        "inside",
        "outside",
        "toward",
        "towards",
        "across",
        "through",
        "throughout",
        "within",
        "via",
        "outskirts",
    }
)


DESCRIBING_SUFFIXES = frozenset(
    {
        "backed",
        "based",
        "born",
        "made",
        "linked",
        "allied",
        "aligned",
        "funded",
        "sponsored",
        "supported",
        "trained",
        "armed",
        "affiliated",
        "controlled",
        "held",
        "occupied",
        "bound",
    }
)


# Of the describing words, those that say who holds a place ("rebel-held", "army-controlled").
HOLDING_SUFFIXES = frozenset({"held", "controlled", "occupied"})


POSSESSIVE = frozenset({"'s", "'", "’s", "’"})


@dataclass(slots=True)
class Mention:
    start: int  # token indices, end exclusive
    end: int
    entry: Entry | None  # None: a PERSON entity the lexicon does not know

    @property
    def kind(self) -> str:
        return self.entry.kind if self.entry else "person"


class _Matchers:
    """The lexicon's names as sequences of lower-case string hashes, matched on a doc's LOWER array
    (built once per lexicon and vocab, cached on the lexicon). The same matches as spaCy's
    PhraseMatcher on LOWER, without building a Doc per name at start-up (~1.2 s for ~8,000)."""

    def __init__(self, lexicon: Lexicon, vocab: Vocab) -> None:
        strings = vocab.strings
        self.names: set[tuple[int, ...]] = set()
        lengths: dict[int, set[int]] = {}
        for words in pattern_words(lexicon.patterns(), vocab):
            if not words:
                continue
            key = tuple(strings.add(w.lower()) for w in words)
            self.names.add(key)
            lengths.setdefault(key[0], set()).add(len(key))
        self.lengths = {k: sorted(v) for k, v in lengths.items()}

    def matcher(self, doc: Doc) -> list[tuple[int, int, int]]:
        """(0, start, end) for every name in ``doc``, overlapping ones included."""
        if not len(doc) or not self.names:
            return []
        lowers: list[int] = doc.to_array("LOWER").tolist()  # one dict probe per word, no numpy sort
        out: list[tuple[int, int, int]] = []
        n = len(lowers)
        lengths, names = self.lengths, self.names
        for start, low in enumerate(lowers):
            sizes = lengths.get(low)
            if sizes is None:
                continue
            for size in sizes:
                if start + size <= n and tuple(lowers[start : start + size]) in names:
                    out.append((0, start, start + size))
        return out


def pattern_words(patterns: list[str], vocab: Vocab) -> list[list[str]]:
    """Each pattern split into spaCy's tokens. Tokenising the lexicon's ~8,000 names takes about
    1.5 s, so the split is cached (``$RIFTWATCH_CACHE``, keyed by spaCy's version and the patterns'
    hash: a changed lexicon or overlay is split anew); an unwritable cache only costs the time."""
    from ..geo.gazetteer import cache_dir
    from ..parse import RANK_ABBREVIATIONS, keep_ranks_whole

    # (split as the pipeline splits a text: abbreviated ranks whole, ``parse.keep_ranks_whole``)
    digest = hashlib.sha256("\n".join([*RANK_ABBREVIATIONS, "", *patterns]).encode("utf-8")).hexdigest()[:20]
    path = cache_dir() / f"actor-patterns-{spacy.about.__version__}-{digest}.json"
    try:
        words: list[list[str]] = json.loads(path.read_text("utf-8"))
        if len(words) == len(patterns):
            return words
    except (OSError, ValueError):
        pass
    blank = spacy.blank("en", vocab=vocab)
    keep_ranks_whole(blank)
    tokenizer: Any = blank.tokenizer  # spacy.tokenizer ships no type stubs
    words = [[t.text for t in doc] for doc in tokenizer.pipe(patterns)]
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps(words), "utf-8")
        os.replace(tmp, path)
    except OSError:
        pass
    return words


def _matchers(lexicon: Lexicon, vocab: Vocab) -> _Matchers:
    m: _Matchers = lexicon.cached("recognise.matchers", vocab, lambda: _Matchers(lexicon, vocab))
    return m


def _is_acronym(name: str) -> bool:
    letters = [c for c in name if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _case_ok(text: str, entries: list[Entry], level: int) -> bool:
    """Accept a match that differs from the lexicon in case only where it is plausibly a name."""
    if level == 0:
        return True
    if entries[0].kind in ("sector_noun", "title", "ignore"):
        # an office only some countries call so is a name: "a party congress", "the state
        # treasury" are no Congress, no Treasury
        return not (entries[0].countries and text[:1].islower())
    if _is_acronym(text):
        return True  # headline capitals: "HEZBOLLAH", "IRAN"
    if not text[:1].isupper():
        return False  # "turkey", "chad"
    key = fold(text)
    # "Us" is not "US"; a word whose capitals inside the name are lost is no name either: "Let me be
    # clear" holds no "LeT"
    lowered = not any(c.isupper() for c in text[1:])
    return not any(_is_acronym(n) or (lowered and any(c.isupper() for c in n[1:]))
                   for e in entries for n in e.names if fold(n) == key)  # fmt: skip


def _capital_verb(doc: Doc, start: int, end: int, text: str) -> bool:
    """A two-letter word in capitals among words in capitals, read as a verb: "IS" in "IRAN IS
    READY" is no Islamic State; among ordinary words it is ("seven IS fighters", which the tagger
    reads as a verb too). Longer acronyms are names wherever they stand."""
    if end - start != 1 or len(text) > 2 or not text.isupper() or doc[start].pos_ not in ("AUX", "VERB"):
        return False
    near = [doc[k].text for k in (start - 1, end) if 0 <= k < len(doc) and doc[k].is_alpha and len(doc[k].text) > 1]
    return any(w.isupper() for w in near)


def _inside_a_name(doc: Doc, start: int, end: int, entries: list[Entry]) -> bool:
    """An office only some countries have under its name ("Congress") is that office alone, not a
    word of a longer name: "the National Congress Party", "the Congress party" of India."""
    if not any(e.countries and e.office for e in entries):
        return False  # (a title some countries use stands before a name: "Defense Secretary John Doe")
    before = doc[start - 1] if start > 0 else None
    after = doc[end] if end < len(doc) else None
    return ((before is not None and before.pos_ == "PROPN" and before.is_title)
            or (after is not None and (after.is_title or after.lemma_.lower() == "party")))  # fmt: skip


def _best_entry(entries: list[Entry], when: dt.date | None) -> Entry:
    def rank(e: Entry) -> tuple[int, int]:
        return _KIND_RANK.get(e.kind, 9), 0 if e.roles_at(when) else 1

    return min(entries, key=rank)


def span_text(doc: Doc, start: int, end: int) -> str:
    """``doc[start:end].text``; a single token's own text without building a ``Span`` (most names)."""
    return doc[start].text if end - start == 1 else doc[start:end].text


def _city_named_after(doc: Doc, end: int, entries: Any) -> bool:
    """A country's name followed by "City" names a city ("Benin City" is in Nigeria; the capitals
    so named are entries of their own: "Kuwait City")."""
    return end < len(doc) and doc[end].text == "City" and all(e.kind == "country" for e in entries)


# Nouns of a meeting or what it made, which a city before them names the venue of: "the Minsk
# agreements", "the Astana talks", "the Pretoria accord".
VENUE_NOUNS = frozenset({"agreement", "accord", "deal", "talk", "process", "format", "protocol", "declaration",
                         "memorandum", "summit", "conference", "framework", "communique", "ceasefire", "truce"})  # fmt: skip


def _venue_of(doc: Doc, end: int, entries: Any) -> bool:
    """A capital's name before a noun of a meeting or what it made names the venue, not its
    government: "the Minsk agreements" were not Belarus's."""
    return (end < len(doc) and doc[end].lemma_.lower() in VENUE_NOUNS and doc[end - 1].dep_ == "compound"
            and all(e.kind == "capital" for e in entries))  # fmt: skip


def _party_of_another_country(doc: Doc, m: Mention, found: list[Mention]) -> bool:
    """A party's name said of another country names that country's party of the same name: "the
    Democratic Party of Korea", "South Korea's main opposition Democratic Party", "the main
    opposition Democratic Party" are not the US party (the words "of Korea", "South Korea's",
    "opposition" then code it). A body of states said to be a country's is that country's body of
    the same name: "Russia's Security Council" is no UN organ."""
    if m.kind != "org" or m.entry is None or m.entry.sector not in {"PTY", "IGO"}:
        return False
    if m.entry.sector == "IGO":
        return _owned_by_another_country(doc, m, found)
    if m.end + 1 < len(doc) and doc[m.end].lower_ == "of" and doc[m.end + 1].pos_ == "PROPN":
        return True
    # "the main opposition Democratic Party", "the ruling Democratic Party": no US party is so called
    if m.entry.country == "USA" and any(doc[k].lower_ in {"opposition", "ruling"} for k in range(max(0, m.start - 2), m.start)):
        return True
    generic = {w.lower_ for w in doc[m.start : m.end]} <= GENERIC_PARTY_WORDS
    states = {o.entry.country for o in found if o.entry is not None and o.kind in _STATE_NAMING} if generic else set()
    if states and m.entry.country not in states:
        # "Elly Schlein, leader of the center-left Democratic Party", "Democratic Party leader Lee
        # Jae-myung" in a story of other states that names the United States nowhere: a party of
        # the same name elsewhere (the words around it, or the story's country, code it)
        return True
    return _owned_by_another_country(doc, m, found)


# Words of party names that parties of many countries bear ("Democratic Party", "Republicans",
# "the Socialists"), unlike "Fidesz" or "Kuomintang".
GENERIC_PARTY_WORDS = frozenset({"democratic", "democrats", "republican", "republicans", "party", "labour", "labor",
                                 "conservative", "conservatives", "socialist", "socialists", "liberal", "liberals",
                                 "green", "greens", "people", "'s", "national", "communist", "communists",
                                 "progressive", "progressives", "the"})  # fmt: skip
# Mentions that name a state itself, by its name, people, capital or a person of it.
_STATE_NAMING = frozenset({"country", "demonym", "capital", "person"})


def _owned_by_another_country(doc: Doc, m: Mention, found: list[Mention]) -> bool:
    """The name's head has a country of another code as its possessive: "South Korea's ...",
    "Russia's ..."."""
    head = doc[m.end - 1]
    owners = {t.i for c in head.children if c.dep_ == "poss" for t in c.subtree}
    return any(o.kind == "country" and o.entry is not None and m.entry is not None and o.entry.country != m.entry.country
               and o.start in owners for o in found)  # fmt: skip


# Titles a country before them may be the brief of, not the country served: "Trump's Ukraine
# envoy", "Amnesty International's China director", "the U.S. Iran envoy".
PORTFOLIO_TITLES = frozenset({"envoy", "director", "researcher", "representative", "specialist", "coordinator",
                              "campaigner", "czar", "tsar", "correspondent", "adviser", "advisor", "negotiator"})  # fmt: skip
_PERSONAL_DETERMINERS = frozenset({"its", "their", "his", "her", "our"})


def _portfolio(doc: Doc, m: Mention, found: list[Mention]) -> bool:
    """A country named between the one a title serves and the title, as its brief: "Trump's Ukraine
    envoy, Keith Kellogg" (the envoy is Washington's), "Its China director", "the U.S. Iran envoy"."""
    if m.kind != "country" or m.start == 0:
        return False
    k = m.end
    while k < len(doc) and doc[k].lower_ in {"special", "senior", "top", "chief", "policy"}:
        k += 1
    if k >= len(doc) or doc[k].lemma_.lower() not in PORTFOLIO_TITLES:
        return False
    before = doc[m.start - 1]
    return (before.tag_ == "POS" or before.lower_ in _PERSONAL_DETERMINERS
            or any(o is not m and o.end == m.start and o.kind in {"country", "org", "person"} for o in found))  # fmt: skip


def _second_in_line(doc: Doc, m: Mention, found: list[Mention]) -> bool:
    """"Deputy" modifying a title across another name is no lawmaker: "Russia's deputy U.N. envoy"
    (the title it modifies says who they are; right before its title, "deputy president", the
    chain of titles reads it, ``groups``)."""
    if m.kind != "title" or m.end - m.start != 1 or doc[m.start].lower_ != "deputy":
        return False
    head = doc[m.start].head
    return doc[m.start].dep_ in {"amod", "compound"} and any(
        o is not m and o.kind == "title" and o.start <= head.i < o.end and o.start > m.end for o in found)


def _inside_a_place_name(doc: Doc, m: Mention) -> bool:
    """A person's name ending a longer place or facility name is part of that name: "Ain al-Asad"
    (an air base) holds no Assad."""
    if m.kind != "person":
        return False
    return any(label in {"FAC", "GPE", "LOC"} and start < m.start and m.end <= end
               and doc[m.start - 1].is_punct | doc[m.start - 1].is_title | (doc[m.start - 1].lower_ in {"al", "el"})
               for start, end, label in ((e.start, e.end, e.label_) for e in entities(doc)))  # fmt: skip


def _hyphened_modifier(doc: Doc, m: Mention) -> bool:
    """A sector opening a hyphenated modifier of a noun after it is no party: "an intelligence-sharing
    pact", "the military-led government", "police-run checkpoints" (not "a government-in-exile",
    whose hyphened words hang on the sector noun itself; nor "rebel-held villages", where the
    holders are, and what is done to the place falls on them)."""
    if m.kind != "sector_noun" or m.end + 1 >= len(doc) or doc[m.end].text not in ("-", "–"):
        return False
    word = doc[m.end + 1]
    return (word.is_lower and word.is_alpha and word.lower_ not in HOLDING_SUFFIXES
            and word.head.i > word.i and word.head.pos_ in {"NOUN", "PROPN"})


# Verbs whose object, and nouns whose "of" phrase, a nationality word names as a language: "speak
# English", "the imposition of French"; a language is also what one says, writes or teaches "in".
_LANGUAGE_VERBS = frozenset({"speak", "learn", "teach", "understand", "read", "write", "study", "impose", "ban"})
_LANGUAGE_NOUNS = frozenset({"imposition", "use", "teaching", "ban", "language", "knowledge"})


def _language(doc: Doc, m: Mention) -> bool:
    """A nationality word standing alone for a language, no party: "tweeted in English", "forced
    the crew to sign documents in Chinese", "protested the imposition of French in courts" (not
    "French troops", "the French", "Russians")."""
    if m.kind != "demonym" or m.end - m.start != 1:
        return False
    tok = doc[m.start]
    if tok.tag_ in ("NNS", "NNPS") or any(c.dep_ == "det" for c in tok.children) or tok.dep_ in ("amod", "compound", "nmod", "poss"):
        return False
    after = doc[m.end] if m.end < len(doc) else None
    if after is not None and (after.pos_ in ("NOUN", "PROPN", "ADJ") or after.text in ("-", "–", "'s")):
        return False
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ in ("in", "into"):
        return True
    if tok.dep_ == "dobj" and head.lemma_.lower() in _LANGUAGE_VERBS:
        return True
    return tok.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in _LANGUAGE_NOUNS


# Prefixes that make a name a stance towards its bearer: "anti-Japan protests", "pro-Moscow
# separatists", "the pro-Yoon rally" are neither Japan's, Russia's nor Yoon's.
STANCE_PREFIXES = frozenset({"anti", "pro"})


def stance_towards(doc: Doc, start: int) -> bool:
    """A name at token ``start`` after "anti-" or "pro-" says whom a group is for or against, not
    who it is nor where it is."""
    return start >= 2 and doc[start - 1].text in ("-", "\u2013") and doc[start - 2].lower_ in STANCE_PREFIXES


def _against_others(doc: Doc, m: Mention, found: list[Mention]) -> bool:
    """A name of stance (``stance_towards``) that is no party: any but the state an armed group
    fights ("anti-Kabul fighters" mostly are Afghans, as rebels are of the state they fight;
    "anti-Japan protesters" in China are not Japanese)."""
    if not stance_towards(doc, m.start):
        return False
    return doc[m.start - 2].lower_ != "anti" or not any(
        o.start == m.end and o.entry is not None and o.entry.kind == "sector_noun" and o.entry.sector == "REB" for o in found)


def _group_word_as_verb(doc: Doc, start: int, end: int, entries: list[Entry]) -> bool:
    """A sector noun of one word used as a verb ("efforts to police online content", "the army will
    police the border"): an act, no group."""
    tok = doc[start]
    return (end - start == 1 and tok.tag_.startswith("VB") and tok.is_lower
            and all(e.kind == "sector_noun" for e in entries))


def lexicon_mentions(doc: Doc, lexicon: Lexicon, when: dt.date | None, places: Counter[str]) -> list[Mention]:
    found: list[Mention] = []
    for _, start, end in _matchers(lexicon, doc.vocab).matcher(doc):
        text = span_text(doc, start, end)
        entries, level = lexicon.lookup_cased(text)
        if (entries and _case_ok(text, entries, level) and not _capital_verb(doc, start, end, text)
                and not _city_named_after(doc, end, entries) and not _venue_of(doc, end, entries)
                and not _inside_a_name(doc, start, end, entries) and not _group_word_as_verb(doc, start, end, entries)):
            found.append(Mention(start, end, _best_entry(entries, when)))
    found = [m for m in found if not _party_of_another_country(doc, m, found) and not _portfolio(doc, m, found)
             and not _inside_a_place_name(doc, m) and not _second_in_line(doc, m, found) and not _hyphened_modifier(doc, m)
             and not _against_others(doc, m, found) and not _language(doc, m)]
    found.sort(key=lambda m: (m.start - m.end, _KIND_RANK.get(m.kind, 9), m.start))
    taken = bytearray(len(doc))
    kept: list[Mention] = []
    for m in found:
        if not any(taken[m.start : m.end]):
            taken[m.start : m.end] = b"\x01" * (m.end - m.start)
            if m.kind == "ignore":
                continue
            if not _is_place_or_part(doc, m):
                kept.append(m)
            elif m.kind == "capital" and m.entry is not None:
                places[m.entry.country] += 1
    for ent in entities(doc):  # unknown people matter next to titles ("President Foo Bar") and for pronouns
        if ent.label_ == "ORG":
            # an organisation's name that ends a longer one is another organisation: "the Social
            # Democratic Party of Germany", "the Peoples Democratic Party" are not the US party
            kept = [m for m in kept if not (m.kind == "org" and ent.start < m.start < ent.end and m.end <= ent.end
                                            and any(t.pos_ == "PROPN" and t.is_title and not taken[t.i] for t in doc[ent.start : m.start]))]
            continue
        if ent.label_ != "PERSON":
            continue
        if ent.end - ent.start > 1 and doc[ent.end - 1].tag_ == "POS":
            ent = doc[ent.start : ent.end - 1]  # "Mech Dara's arrest": the entity took the "'s" in
        ent = _hyphened_rest(ent)
        if any(taken[ent.start : ent.end]):
            # a name inside a longer personal name is someone else: "Hafez al-Assad", "Paris Hilton"
            if not any(t.is_alpha and t.is_title and not taken[t.i] for t in ent):
                continue
            last = doc[ent.end - 1]
            if taken[last.i] and last.tag_ == "NNPS" and any(
                    m.kind == "demonym" and m.start <= last.i < m.end for m in kept):  # fmt: skip
                continue  # no one's name ends in a people's: "Exiled Nicaraguans" are Nicaraguans
            kept = [m for m in kept if not (ent.start <= m.start and m.end <= ent.end)]
        kept.append(Mention(ent.start, ent.end, None))
    kept.extend(_unlabelled_names(doc, kept, taken))
    kept.sort(key=lambda m: m.start)
    return kept


def _hyphened_rest(ent: SpacySpan) -> SpacySpan:
    """A personal name with the hyphened end of its last word the recogniser left out: "Choi
    Sang-mok", "Lee Jae-myung" (entity "Choi Sang", then "-", "mok" joined without spaces)."""
    doc, end = ent.doc, ent.end
    if (end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ and not doc[end].whitespace_
            and doc[end + 1].is_alpha and doc[end + 1].is_lower and not doc[end + 1].ent_type_):  # fmt: skip
        return doc[ent.start : end + 2]
    return ent


# Words that make a capitalised phrase an institution's name, not a person's ("General Statistics Office").
_INSTITUTION_WORDS = frozenset({
    "office", "ministry", "agency", "council", "committee", "party", "bank", "university", "institute", "department",
    "commission", "court", "group", "union", "association", "foundation", "center", "centre", "company",
    "corporation", "news", "times", "post", "fund", "forum", "army", "force", "forces", "front", "movement",
    "service", "police", "network", "authority", "board", "bureau", "assembly", "parliament", "congress", "senate",
    "house", "museum", "school", "college", "hospital", "airlines", "airways", "express", "statistics", "affairs",
})  # fmt: skip
# Entity labels a personal name the recogniser did not know may wear: none, or an organisation's.
_NAME_MISLABELS = frozenset({"", "ORG"})
# How far after a name and its comma an apposition's title may start (", a senior adviser to ...").
_APPOSITION_REACH = 6


def _unlabelled_names(doc: Doc, kept: list[Mention], taken: bytearray) -> list[Mention]:
    """People the entity recogniser did not take for people, named next to a title: "Peruvian
    lawmaker Elmer Quispeta" (tagged an organisation), "Elmer Quispeta, Peru's foreign minister,"
    (no entity at all). Two or more capitalised proper nouns that no lexicon entry or entity of
    another kind covers, right after a title or its comma ("the electricity minister, Ziad Ali
    Fadel,") or followed by a comma and a title."""
    title_start = sorted(m.start for m in kept if m.kind == "title")
    if not title_start or not len(doc):
        return []
    title_end = {m.end for m in kept if m.kind == "title"}
    # candidate words read from the arrays (no Token per word): capitalised proper nouns that are
    # no lexicon mention and no entity of another kind
    arr = doc.to_array(["POS", "IS_TITLE", "ENT_TYPE"])
    labels = [doc.vocab.strings.add(label) for label in _NAME_MISLABELS if label] + [0]
    ok = (arr[:, 0] == PROPN) & (arr[:, 1] == 1) & numpy.isin(arr[:, 2], labels)
    ok &= numpy.frombuffer(bytes(taken), dtype=numpy.uint8)[: len(doc)] == 0
    out: list[Mention] = []
    # runs of two or more such words
    edges = numpy.flatnonzero(numpy.diff(numpy.concatenate(([0], ok.astype(numpy.int8), [0]))))
    for i, j in zip(edges[::2].tolist(), edges[1::2].tolist(), strict=True):
        before = doc[i - 1].lower_ if i else ""
        if (j - i >= 2 and before not in ("of", "the") and not any(doc[k].lower_ in _INSTITUTION_WORDS for k in range(i, j))
                and (i in title_end or (before == "," and i - 1 in title_end) or _apposed_title(doc, j, title_start))):  # fmt: skip
            out.append(Mention(i, j, None))
    return out


# Words that may open an apposition before its title: "a", "the", "Peru's", "senior", "former".
_APPOSITION_OPENERS = frozenset({"DET", "PROPN", "ADJ", "PART", "NUM", "NOUN"})


def _apposed_title(doc: Doc, comma: int, title_start: list[int]) -> bool:
    """A comma after the name, then a title within a few words, every word before it one that can
    open a noun phrase (", Peru's foreign minister,", ", a senior adviser": not ", who heads")."""
    if comma >= len(doc) or doc[comma].text != ",":
        return False
    for k in title_start:
        if comma < k <= comma + _APPOSITION_REACH:
            return all(doc[m].pos_ in _APPOSITION_OPENERS or doc[m].text in POSSESSIVE for m in range(comma + 1, k))
    return False


def describing(text: str, end: int, start: int = -1) -> bool:
    """Whether the name ending at ``end`` of ``text`` opens a hyphenated modifier ("Iran-backed",
    "a London-based think tank", "U.S.-made jets") or, starting at ``start``, closes one of stance
    ("pro-Russia separatists", "anti-Balaka militias"): it describes something; it is no place
    where an act happens, and no party to it."""
    if 0 < start <= len(text) and text[start - 1] in "-–" and text[max(0, start - 5) : start - 1].lower().split()[-1:] in (["anti"], ["pro"]):
        return True
    if end >= len(text) or text[end] not in "-–":
        return False
    word = text[end + 1 : end + 16].split(" ", 1)[0].lower().rstrip(",.;:")
    return word in DESCRIBING_SUFFIXES


def _is_place_or_part(doc: Doc, m: Mention) -> bool:
    """A capital used as a place ("in Tehran"), or a country or an organisation inside "Iran-backed",
    "al-Qaida-linked", "pro-Russia"."""
    if (
        (m.kind in OWNER_KINDS or m.kind == "org")  # "al-Qaida-linked", as "Iran-backed"
        and m.end + 1 < len(doc)
        and doc[m.end].text in ("-", "–")
        and doc[m.end + 1].lower_ in DESCRIBING_SUFFIXES
    ):
        return True
    if (m.kind in OWNER_KINDS or m.kind == "org") and m.start >= 2 and doc[m.start - 1].text in ("-", "–") and doc[m.start - 2].lower_ == "pro":
        return True  # "pro-Russia separatists": a side taken, not whose they are (an "anti-Pakistan" group mostly is Pakistan's)
    if m.kind != "capital" or (m.end < len(doc) and doc[m.end].text in POSSESSIVE):
        return False  # "to the Kremlin's dismay": an owner, not a place
    i = m.start - 1
    while i >= 0 and doc[i].pos_ == "DET":
        i -= 1
    if i >= 1 and doc[i].lower_ == "to" and doc[i - 1].lower_ == "according":
        return False  # "according to the Kremlin": a source, not a place
    if i >= 0 and doc[i].lower_ in _LOCATIVE:
        return True
    last = doc[m.end - 1]
    return last.dep_ == "pobj" and last.head.lower_ in _LOCATIVE


def said_to_be(word: Token) -> list[Token]:
    """Whom ``word`` (or the noun it modifies: "Swedish" in "a Swedish diplomat") describes, as an
    indefinite description in apposition: "U.N. envoy Hans Grundberg, a Swedish diplomat" (the
    envoy), "the EU envoy, Jane Doe, a former Danish diplomat" (Jane Doe, then the envoy through her
    name's own apposition); nearest first, none when it is no such description. It says what the
    person is, and is no party of its own: the person acts in the office the text gives them."""
    noun = word
    while noun.dep_ in ("amod", "compound", "nmod") and noun.head.i != noun.i:
        noun = noun.head
    if noun.dep_ != "appos" or not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children):
        return []
    chain = [noun.head]
    while chain[-1].dep_ == "appos" and chain[-1].head.i != chain[-1].i:
        chain.append(chain[-1].head)
    return chain
