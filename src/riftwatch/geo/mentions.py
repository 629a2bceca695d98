"""Find place-name mentions in a parsed ``Doc``.

Three sources, merged left to right without overlaps (longer spans win):

1. spaCy's GPE/LOC/FAC entities that the gazetteer knows (a leading "the" and a trailing "'s"
   are trimmed), widened to "Idlib province" when an administrative word follows and to
   "northern Syria" / "the north of Iraq" when a compass word precedes;
2. runs of capitalised tokens the NER missed that match a gazetteer name, longest first, with
   guards against common words (sentence-initial single words must name a notable place);
3. AP-style state abbreviations after a comma ("Alexandria, La.") come in through (2) because the
   gazetteer holds "La." as a name of Louisiana.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from ..records import Span
from .gazetteer import Candidate, Gazetteer
from .names import ADMIN_SUFFIXES, normalize, strip_admin_suffix
from .regions import parse_compass

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Lower-case words that may stand inside a place name.
JOINERS = frozenset({"of", "and", "de", "del", "la", "le", "el", "al", "the", "upon", "on", "du", "da", "di", "des", "los", "las", "do", "dos", "das",
                     "au", "aux", "en", "sur", "sous"})  # fmt: skip
# Entity labels that say a capitalised run is something other than a place.
NOT_PLACE_LABELS = frozenset(
    {
        "PERSON",
        "ORG",
        "NORP",
        "DATE",
        "TIME",
        "MONEY",
        "PERCENT",
        "WORK_OF_ART",
        "EVENT",
        "LAW",
        "PRODUCT",
        "LANGUAGE",
        "ORDINAL",
        "CARDINAL",
        "QUANTITY",
    }
)
COMPASS_WORDS = frozenset(
    [
        "north",
        "south",
        "east",
        "west",
        "northern",
        "southern",
        "eastern",
        "western",
        "central",
        "northeast",
        "northwest",
        "southeast",
        "southwest",
        "northeastern",
        "northwestern",
        "southeastern",
        "southwestern",
    ]
)
# Labels the small model often puts on well-known place names ("Aleppo" NORP, "Hama" ORG).
OVERRIDABLE_LABELS = frozenset({"PERSON", "ORG", "NORP"})
# Generic words of geography: alone, they are a piece of a longer name ("the Chagos Islands", "the
# Gulf of Guinea"), never a place of their own in running news text.
FEATURE_WORDS = frozenset({"gulf", "islands", "island", "sea", "river", "lake", "bay", "coast", "strip", "valley",
                           "mountains", "desert", "peninsula", "ocean", "canal", "basin", "plateau", "delta",
                           "highlands", "hills", "falls", "union", "republic", "kingdom", "states", "spring",
                           "city", "county", "province", "state", "region", "sound", "straits", "strait"})  # fmt: skip
# Natural features and sites after a name make a longer name of their own: "Boni Forest" is no
# more the village of Boni than "Lake Victoria" is Victoria.
NATURAL_WORDS = frozenset({"forest", "islands", "island", "sea", "river", "lake", "bay", "coast", "strip", "valley",
                           "mountains", "mountain", "desert", "peninsula", "ocean", "canal", "basin", "plateau",
                           "delta", "highlands", "hills", "falls", "gulf", "dam", "camp", "reserve", "park", "shoal",
                           "reef", "atoll", "archipelago"})  # fmt: skip
# Features named "X of Y": "the Gulf of Guinea", "the Strait of Hormuz" (``after_feature_of``).
FEATURE_OF_WORDS = NATURAL_WORDS | frozenset({"strait", "straits"})
# Buildings and streets after a name are named sites of their own: the "Qahira Hotel" is no more
# a town than "Boni Forest" is; geo.sites places such a site at the article's settlement.
BUILDING_WORDS = frozenset({"street", "avenue", "road", "boulevard", "square", "hotel", "hospital", "mosque",
                            "church", "cathedral", "temple", "market", "stadium", "school", "prison", "jail",
                            "mall", "bridge", "highway", "plaza", "lane", "drive"})  # fmt: skip
# Meetings and documents named after their venue: "the Hanoi Summit" was held in Hanoi, and its
# "Summit" is no town (Summit, New Jersey).
MEETING_WORDS = frozenset({"summit", "conference", "forum", "talks", "agreement", "accord", "accords", "declaration"})
# Classes of a country's divisions: capitalised alone ("officials in the Region", "the State"),
# the word stands for a division the story named, never for a place of that name.
DIVISION_WORDS = frozenset({"region", "province", "state", "county", "district", "territory", "governorate",
                            "prefecture", "municipality", "oblast", "republic", "kingdom", "union"})  # fmt: skip
MAX_RUN = 5  # longest capitalised run tried as one name
NOTABLE_POPULATION = 50_000
STRONG_POPULATION = 100_000


def _notable(cands: list[Candidate], population: int = NOTABLE_POPULATION) -> bool:
    """A place a capitalised word most likely names: a country, state, region or a sizeable city."""
    return any(
        c.kind in ("country", "continent", "region") or c.fcode == "ADM1" or c.population >= population
        for c in cands[:3]
    )


# Institutions news puts things "in" ("sanctions are in Congress", "a vote in Parliament"): the
# body, never the small town of that name.
INSTITUTION_WORDS = frozenset({"congress", "parliament", "senate", "cabinet", "assembly", "council", "court",
                               "knesset", "bundestag", "majlis", "legislature", "government"})  # fmt: skip


def _overridable(doc: Doc, start: int, end: int) -> bool:
    """The NER labelled exactly this span PERSON/ORG/NORP: it may still be a place (not a lone
    institution's name: "in Congress")."""
    # Read the IOB tags of the span's own tokens: building ``doc.ents`` per call is costly.
    first = doc[start]
    if first.ent_iob_ != "B" or first.ent_type_ not in OVERRIDABLE_LABELS:
        return False
    if end - start == 1 and first.lower_ in INSTITUTION_WORDS:
        return False
    if any(doc[i].ent_iob_ != "I" for i in range(start + 1, end)):
        return False
    return end == len(doc) or doc[end].ent_iob_ != "I"


def _trim(span: SpacySpan) -> tuple[int, int]:
    """Token bounds without a leading "the" and a trailing possessive."""
    start, end = span.start, span.end
    doc = span.doc
    if end - start > 1 and doc[start].lower_ == "the":
        start += 1
    if end - start > 1 and doc[end - 1].text in ("'s", "\u2019s", "'"):
        end -= 1
    return start, end


def _widen(doc: Doc, start: int, end: int, gaz: Gazetteer) -> tuple[int, int]:
    """Take in a following admin word and a preceding compass phrase when the result is a place."""
    if end < len(doc) and doc[end].lower_ in ADMIN_SUFFIXES and gaz.lookup(doc[start : end + 1].text):
        end += 1
    # "Rio Grande do Sul", "Mato Grosso do Sul": a joining word and a capitalised word the entity
    # left out, where the gazetteer holds the whole
    if end + 1 < len(doc) and doc[end].lower_ in JOINERS and doc[end + 1].text[:1].isupper():
        for more in (2, 3):
            if end + more <= len(doc) and doc[end + more - 1].text[:1].isupper() and gaz.has_key(normalize(doc[start : end + more].text)):
                end += more
                break
    # "Dera Ghazi Khan": capitalised words the entity left out, read as a person's name, where the
    # gazetteer holds the whole as a sizeable place
    for more in (2, 1):
        if (end + more <= len(doc) and all(t.text[:1].isupper() and t.is_alpha for t in doc[end : end + more])
                and doc[end + more - 1].ent_type_ == "PERSON"
                and gaz.has_key(normalize(doc[start : end + more].text))
                and _notable(gaz.lookup(doc[start : end + more].text))):  # fmt: skip
            end += more
            break
    # "northern Syria", "north-eastern Syria" (3 tokens), "the north of Iraq"
    before = doc_words(doc)[start - 1].lower() if start > 0 else ""
    if before not in COMPASS_WORDS and before not in ("-", "of"):
        return start, end  # every compass phrase ends with such a word right before the name
    for back in (1, 2, 3, 4):
        s = start - back
        if s < 0:
            break
        words = [t.lower_ for t in doc[s:start]]
        if words[0] == "the":
            continue
        if not any(w in COMPASS_WORDS for w in words) or not all(
            w in COMPASS_WORDS or w in ("-", "of") for w in words
        ):
            continue
        phrase = doc[s:end].text
        if parse_compass(normalize(phrase)) and gaz.lookup(phrase):
            return s, end
    return start, end


def _ner_mentions(doc: Doc, gaz: Gazetteer) -> list[tuple[int, int]]:
    """Place entities the gazetteer knows."""
    out = []
    cased: bool | None = None  # whether the text uses capitals at all (read once, when needed)
    for ent in entities(doc):
        if ent.label_ not in PLACE_LABELS:
            continue
        start, end = _trim(ent)
        if end - start == 1 and doc[start].lower_ in COMPASS_WORDS:
            continue
        if not any(t.text[:1].isupper() for t in doc[start:end]):
            # "off its east coast", "the west coast of the country": a description, not a name
            # (unless the whole text is written without capitals)
            cased = (doc.text != doc.text.lower()) if cased is None else cased
            if cased:
                continue
        # "in Kurram district": the gazetteer may hold the name only with its admin word
        with_admin = end < len(doc) and doc[end].lower_ in ADMIN_SUFFIXES
        if not gaz.lookup(doc[start:end].text) and not (with_admin and gaz.lookup(doc[start : end + 1].text)):
            continue
        out.append(_widen(doc, start, end, gaz))
    return out


def _person_words(doc: Doc) -> frozenset[str]:
    """Words of the multi-word person names of a document: "Zamora" after "Jose Ruben Zamora"
    is the man, not the Spanish city (one sense per name per article)."""
    return frozenset(
        t.text for ent in entities(doc) if ent.label_ == "PERSON" and len(ent) > 1 for t in ent if t.text[:1].isupper()
    )


def after_feature_of(doc: Doc, start: int) -> bool:
    """The name at ``start`` completes a natural feature's name: "the Gulf of Guinea", "the Gulf of
    Aden", "the Bay of Bengal", "the Strait of Hormuz" — the sea, not the country or the city."""
    if start < 2 or doc[start - 1].lower_ != "of":
        return False
    feature = doc[start - 2]
    return feature.text[:1].isupper() and feature.lower_ in FEATURE_OF_WORDS


# Words before a ship's name: "the tanker Pacific Dawn", "the Liberian-flagged Sea Falcon", "the MV
# Galaxy Leader", "the USS Carney".
VESSEL_WORDS = frozenset({"tanker", "vessel", "ship", "freighter", "carrier", "ferry", "boat", "trawler",
                          "destroyer", "frigate", "warship", "cruiser", "flagged", "mv", "mt", "uss", "hms"})  # fmt: skip


def _vessel_name(doc: Doc, start: int, end: int) -> bool:
    """The name, or a word of it, is a ship's: its capitalised run follows a word for a vessel or a
    flag ("the Liberian-flagged Sea Falcon" is no state of Venezuela), or opens with a ship prefix."""
    first = start
    while first > 0 and doc[first - 1].text[:1].isupper() and doc[first - 1].is_alpha:
        first -= 1
    if doc[first].lower_ in {"mv", "mt", "uss", "hms"} and first < start:
        return True
    return first > 0 and doc[first - 1].lower_ in VESSEL_WORDS and doc[first - 1].text[:1].islower()


def _piece_of_name(doc: Doc, start: int, end: int) -> bool:
    """A piece of a longer name the gazetteer does not hold: a lone generic word ("Islands",
    "Gulf", "Union") next to a capitalised word or "of"; a name followed by a capitalised natural
    feature ("Boni Forest") or following one and "of" ("the Gulf of Guinea"), or after "New"
    ("New Guinea")."""
    before = doc[start - 1].text if start > 0 else ""
    after = doc[end].text if end < len(doc) else ""
    lone = doc[start].lower_
    if end - start == 1 and lone in DIVISION_WORDS:
        return True  # "the Region", "the Province": a division named before, by its class alone
    if end - start == 1 and (lone in FEATURE_WORDS or lone in BUILDING_WORDS or lone in MEETING_WORDS):
        return before[:1].isupper() or after[:1].isupper() or after == "of"
    if after[:1].isupper() and (after.lower() in NATURAL_WORDS or after.lower() in BUILDING_WORDS):
        return True
    if before == "New":
        return True  # "New Guinea": a longer name than the gazetteer holds ("New York" it matches whole)
    return after_feature_of(doc, start)


# Words after a place in a longer capitalised name that keep the place a place: the authorities,
# offices and institutions of a place ("Central Java Governor", "Kaduna State Police", "Sindh High
# Court"), and, through the sets above, its features, sites, meetings and units.
PLACED_HEADS = frozenset({"governor", "mayor", "minister", "ministry", "president", "premier", "chief", "police",
                          "army", "government", "administration", "authority", "authorities", "department",
                          "office", "sheriff", "university", "college", "airport", "port", "station", "council",
                          "court", "assembly", "parliament", "legislature", "city", "town", "metropolitan",
                          "municipal", "national", "international", "central", "high", "state", "public"})  # fmt: skip


# Lower-case words inside a person's name: "Charles de Gaulle", "Ludwig van Beethoven".
NAME_PARTICLES = frozenset({"de", "da", "del", "della", "di", "du", "van", "von", "der", "bin", "ibn", "y"})


def _opens_other_name(doc: Doc, start: int, end: int, cands: list[Candidate]) -> bool:
    """The match, only another name of its place, opens a longer name of something else: "Human
    Rights Watch" (not Uman, one of whose names is "Human"), "Dog Meat Free Indonesia" (not Free
    State). The place word modifies a capitalised name whose words name no authority, office,
    feature, site, meeting or unit of a place. A place's own name keeps its reading: geoparsing
    corpora count "Leiden" in "Leiden University" as a toponym (on LGL, dropping such names too
    cost 0.02 of the gold toponyms within 161 km); so does a country ("Kenya Airways" is Kenyan)."""
    if end >= len(doc) or not cands or cands[0].kind == "country":
        return False
    if normalize(doc[start:end].text) == normalize(cands[0].name):
        return False  # the place's own name: "Leiden University", "Marion County Sheriff" are there
    if end + 1 < len(doc) and doc[end].lower_ in NAME_PARTICLES and doc[end + 1].text[:1].isupper():
        return True  # a person's name going on: "Charles de Gaulle airport" (not Charles County)
    last = doc[end - 1]
    if last.dep_ != "compound" or not end <= last.head.i < end + MAX_RUN:
        return False
    rest = doc[end : last.head.i + 1]
    if not all(t.text[:1].isupper() and t.pos_ == "PROPN" for t in rest):
        return False
    return _PLACE_KEEPING.isdisjoint(t.lower_ for t in rest)


def _common_word_opening(doc: Doc, i: int, cands: list[Candidate]) -> bool:
    """A sentence's first word, capitalised only for standing first, that the tagger reads as an
    adjective before a lower-case word, and that is not the place's own name but another of its
    names: "Human rights lawyer ..." (not Uman, Ukraine, also called "Human"). (Common nouns too
    lost a GeoWebNews toponym.)"""
    tok = doc[i]
    if not tok.is_sent_start or tok.pos_ != "ADJ" or i + 1 >= len(doc) or not doc[i + 1].is_lower:
        return False
    return bool(cands) and normalize(tok.text) != normalize(cands[0].name)


def _stray_acronym(doc: Doc, start: int, end: int, gaz: Gazetteer, longest: int = 3) -> bool:
    """Two to ``longest`` capitals that name no country or state ("AI" is artificial intelligence,
    not Baxter, Iowa, whose alternate name it is; an authority's initials "GERA" are not Gera,
    Germany): news abbreviates countries and states ("UK", "DRC", "NY"), not towns, and writes town
    names in capitals only in a dateline."""
    text = doc[start:end].text
    if end - start != 1 or not (2 <= len(text) <= 5 and text.isalpha() and text.isupper()):
        return False
    if _defined_acronym(doc.text, text) and not any(c.kind == "country" for c in gaz.lookup(text)[:3]):
        return True  # "the Line of Actual Control (LAC)": the text says what it stands for (not "DRC")
    if len(text) > longest:
        return False
    return not any(c.kind in ("country", "continent", "region") or c.fcode == "ADM1" for c in gaz.lookup(text)[:3])


_MINOR_WORDS = frozenset({"of", "the", "and", "for", "on", "in", "de", "du", "la", "el"})


def _defined_acronym(text: str, acronym: str) -> bool:
    """The text defines ``acronym`` as the initials of the words just before it in parentheses:
    "the Line of Actual Control (LAC)", "Tehreek-e-Labbaik Pakistan (TLP)"."""
    at = text.find(f"({acronym})")
    while at > 0:
        words = [w for w in re.split(r"[\s\-]+", text[max(0, at - 120) : at]) if w][-len(acronym) * 3 :]
        capitals = [w[0] for w in words if w[:1].isupper() and w.lower() not in _MINOR_WORDS]
        if "".join(capitals[-len(acronym) :]) == acronym:
            return True
        at = text.find(f"({acronym})", at + 1)
    return False


def _is_adjective(doc: Doc, start: int, end: int, gaz: Gazetteer) -> bool:
    """A demonym ("Somali", "Thai"): a people or an adjective, not a place."""
    return end - start == 1 and gaz.is_demonym(normalize(doc[start].text))


# Entities that may hold a place in their name: "the Ohio Department of Health", "the University of
# Georgia", "the Madison County Courthouse" are in Ohio, Georgia and Madison County.
HOLDING_LABELS = frozenset({"ORG", "FAC"})


def _embedded(doc: Doc, start: int, end: int) -> bool:
    """The run opens a longer ORG/FAC name or closes one after "of" (a place inside a name)."""
    first, last = doc[start], doc[end - 1]
    if first.ent_type_ not in HOLDING_LABELS or any(doc[k].ent_type_ != first.ent_type_ for k in range(start, end)):
        return False
    opens = first.ent_iob_ == "B" and end < len(doc) and doc[end].ent_iob_ == "I"
    if not opens and first.ent_iob_ == "I" and start > 0 and doc[start - 1].lower_ == "the":
        opens = doc[start - 1].ent_iob_ == "B" and end < len(doc) and doc[end].ent_iob_ == "I"
    closes = (start > 0 and doc[start - 1].lower_ == "of" and first.ent_iob_ == "I"
              and (end == len(doc) or doc[end].ent_iob_ != "I"))  # fmt: skip
    return (opens or closes) and last.text[:1].isupper()


def _person_inside(doc: Doc, start: int, end: int) -> bool:
    """The recogniser read only the run's last words as a person's name, the run's first word
    outside it: "in Dera Ismail Khan" (a city whose name holds "Ismail Khan") may still be a place,
    a big one (checked by the caller)."""
    first = doc[start]
    if first.ent_type_ or end - start < 2:
        return False
    inner = doc[start + 1 : end]
    return (inner[0].ent_iob_ == "B" and all(t.ent_type_ == "PERSON" for t in inner)
            and (end == len(doc) or doc[end].ent_iob_ != "I"))  # fmt: skip


def _placed_by_context(doc: Doc, start: int, end: int, gaz: Gazetteer) -> bool:
    """The words around a name say it is a place: "in Riverdale", "near Maywood", "Bellmore, N.Y.",
    "the town of Aungban"."""
    if start > 0 and doc[start - 1].lower_ in LOCATIVES and doc[start - 1].pos_ == "ADP":
        return True
    if named_by_noun(doc, start):
        return True
    if end + 1 < len(doc) and doc[end].text == ",":
        nxt = doc[end + 1]
        return any(c.kind == "country" or c.fcode == "ADM1" for c in gaz.lookup(nxt.text)[:3])
    return False


# Sites news names by the place they are in: "the Kakuma refugee camp", "the Croix des Bouquets
# civilian jail", "the Maiduguri central market", "Bagram air base" - the name is where the site
# is, however small the place and whatever label the recogniser gave it (PERSON, often). Not
# airports, hospitals or schools: those are named after people as often as after places
# ("Kennedy airport", "Nasser hospital").
SITE_HEADS = frozenset({"camp", "camps", "prison", "jail", "market", "base", "crossing"})


def names_site(doc: Doc, start: int, end: int) -> bool:
    """The name at ``start:end`` modifies a site noun of :data:`SITE_HEADS` at most two words
    after it, in one noun phrase ("the Kakuma refugee camp"; "Dadaab and Kakuma camps")."""
    cur = doc[end - 1]
    for _ in range(3):
        if cur.dep_ == "conj" and cur.head.i < cur.i:
            cur = cur.head  # "Dadaab and Kakuma camps": the second name of a pair
            continue
        if cur.dep_ not in ("compound", "nmod", "amod") or cur.head.i <= cur.i:
            return False
        cur = cur.head
        if cur.lower_ in SITE_HEADS:
            return cur.i - end <= 2 and all(t.is_lower for t in doc[end : cur.i])
    return False


def _placed_by_preposition(doc: Doc, start: int) -> bool:
    """A preposition of place before the name: "in Riverdale", "near Maywood", "from Goma"; or a
    settlement noun that the name completes: "the town of Aungban", "the village of Jangebe"."""
    return (start > 0 and doc[start - 1].lower_ in PLACE_PREPS and doc[start - 1].pos_ == "ADP") or named_by_noun(doc, start)


# Nouns a place name completes after "of": "the town of X", "the village of X" (the recogniser
# labels such small names anything from PERSON to PRODUCT).
SETTLEMENT_NOUNS = frozenset({"town", "village", "city", "hamlet", "township", "municipality", "commune",
                              "district", "province", "county", "suburb", "neighborhood", "neighbourhood",
                              "towns", "villages", "cities", "districts", "provinces", "port", "ports", "island",
                              "islands", "region", "regions", "enclave", "harbour", "harbor", "capital"})  # fmt: skip
# Every word after a place name that keeps it a place inside a longer name (``_opens_other_name``).
_PLACE_KEEPING = (PLACED_HEADS | FEATURE_WORDS | NATURAL_WORDS | BUILDING_WORDS | MEETING_WORDS | INSTITUTION_WORDS
                  | SITE_HEADS | SETTLEMENT_NOUNS | ADMIN_SUFFIXES)  # fmt: skip


def named_by_noun(doc: Doc, start: int) -> bool:
    """The capitalised word at ``start`` names the settlement of "the town of", "the village of"
    ..., or the second of two ("between the towns of Bocaranga and Bazoum")."""
    words = doc_words(doc)  # the cheap tests on words first: most calls end here, no Token built
    if start > 1 and words[start - 1].lower() == "of" and words[start - 2].lower() in SETTLEMENT_NOUNS:
        return True
    if start < 1 or words[start - 1].lower() != "and":
        return False
    first = doc[start].head
    return (doc[start].dep_ == "conj" and doc[start - 1].lower_ == "and" and first.i < start
            and first.text[:1].isupper() and first.i > 1 and doc[first.i - 1].lower_ == "of"
            and doc[first.i - 2].lower_ in SETTLEMENT_NOUNS)  # fmt: skip


# Prepositions after which a gazetteer name is a place whatever label the recogniser gave it.
PLACE_PREPS = frozenset({"in", "near", "outside", "from"})


# A byline paragraph before the dateline: "By SAMUEL OKOCHA Associated Press\n\nABUJA, Nigeria (AP) —".
BYLINE = re.compile(r"By [A-Z][^\n]{0,150}\n\s*")
# A dateline opening a text: capitalised place words (the first in capitals), an optional filing
# date, an optional agency in brackets, then a dash: "KABUL —", "BLANTYRE, Malawi —",
# "ISLAMABAD/PENTAGON —", "PARIS (AP) —", and the wire services' "NAIROBI, March 3 (Reuters) -",
# "LAGOS, Nigeria, Jan. 12, 2024 (AFP) -"; a city in title case only with the agency's name:
# "Kyiv (AFP) -", "Berlin (dpa) -", with the country in brackets before it ("Zawiya (Libya) (AFP) -");
# an agency's name may hold figures ("(France 24) -").
_FILED = r"(?:,? (?:[A-Z][a-z]{2,8}\.? \d{1,2}|\d{1,2} [A-Z][a-z]{2,8})(?:,? \d{4})?)?"
# A country or state after the city, its small words included: "Democratic Republic of Congo".
_DATELINE_REGION = r"(?:, [A-Z][\w.'\-]*(?: (?:(?:of|the|and|de|du|da|do|del) )*[A-Z][\w.'\-]*)*)?"
# Capitals, accented ones too ("SAN JOSÉ", "BOGOTÁ", "SÃO PAULO").
_CAPS = "A-Z\u00c0-\u00d6\u00d8-\u00de"
# The dash, or the full stop and hyphen of the Spanish agencies ("(EFE).-").
_DASH = r"(?:\u2014|\u2013|--| - |(?<=\))\.- ?)"
_DATELINE = re.compile(f"[{_CAPS}][{_CAPS}.'\\-]+(?:[ /][{_CAPS}][{_CAPS}.'\\-]+)*" + _DATELINE_REGION
                       + _FILED + r"(?: \([A-Z][A-Za-z0-9 .\-]*\))? *" + _DASH
                       + r"|[A-Z][\w.'\-]+(?: [A-Z][\w.'\-]+)*" + _DATELINE_REGION
                       + _FILED + r"(?: \([A-Z][A-Za-z .'\-]*\))? \([A-Za-z][A-Za-z0-9 .\-]*\) *" + _DASH)


# A headline kept in the text: a first line with no full stop, then a blank line. The dateline
# opens the paragraph after it ("Militants storm base\n\nKABUL (AP) — ...").
# (a line that ends a quotation ends a sentence when the quotation does: 'said "we will win."', not
# 'UN experts denounce "legal death"')
_HEADLINE = re.compile(r"[^\n]{1,300}(?<![.!?])(?<![.!?][\"\u201d'\u2019])\n[^\S\n]*\n\s*")
LEAD_TOKENS = 80  # tokens read for a headline, a byline and a dateline (doc.text would build every Token)


def lead_start(text: str) -> int:
    """Where the lead paragraph starts: after a headline line kept in the text, else 0."""
    m = _HEADLINE.match(text)
    return m.end() if m else heading_line_end(text, 0)


# The longest a heading on a line of its own may be, and words a wrapped line may end on.
HEADING_CHARS = 90
_CONTINUING = frozenset({"the", "a", "an", "of", "to", "in", "on", "and", "or", "for", "with", "by", "at", "from", "as",
                         "that", "its", "his", "her", "their", "is", "was", "said", "says"})  # fmt: skip


def heading_line_end(text: str, start: int) -> int:
    """Where the paragraph under a heading on a line of its own at ``start`` begins, with a single
    line break between ("Peru: Congress rejects impeachment motion" over "Peru's Congress on
    Thursday rejected ..."); 0 when the line is no such heading: longer than a heading, ending on
    sentence punctuation or on a word a wrapped line runs on from, or with no capital after it."""
    nl = text.find("\n", start)
    if nl < 0 or nl - start > HEADING_CHARS or not text[nl + 1 : nl + 2].isupper():
        return 0
    words = text[start:nl].split()
    if not words or words[-1][-1] in ".!?:;,\"'\u201d\u2019)-\u2014" or words[-1].lower() in _CONTINUING:
        return 0
    return nl + 1


def dateline(text: str) -> tuple[int, int]:
    """(start, end) of a dateline opening the lead paragraph of ``text`` (its dash included, and a
    byline before it), (0, 0) when there is none: what it names says where the story was filed and
    by whom, not who acted (``actors.locative``)."""
    for at in sorted({0, lead_start(text)}):
        byline = BYLINE.match(text, at)
        m = _DATELINE.match(text, byline.end() if byline else at)
        if m:
            return at, m.end()
    return 0, 0


def lead_dateline(doc: Doc) -> tuple[int, int]:
    """``dateline`` of the doc's lead, read once per doc and kept in ``doc.user_data``."""
    got = doc.user_data.get("riftwatch.dateline")
    if got is None:
        got = doc.user_data["riftwatch.dateline"] = dateline(doc[:LEAD_TOKENS].text) if len(doc) else (0, 0)
    return got


def _dateline(doc: Doc, gaz: Gazetteer) -> tuple[int, int] | None:
    """The place of a dateline opening the lead (after a headline and a byline, if any):
    "TORRINGTON —", "WASHINGTON (AP) —", "BLANTYRE, Malawi —", "Kyiv (AFP) -"."""
    head = doc[:LEAD_TOKENS].text if len(doc) > 2 else ""
    for at in sorted({0, lead_start(head)}):
        found = _dateline_at(doc, gaz, head, at)
        if found is not None:
            return found
    return None


def _dateline_at(doc: Doc, gaz: Gazetteer, head: str, at: int) -> tuple[int, int] | None:
    span = doc.char_span(at, at + 1, alignment_mode="expand") if at else None
    if at and span is None:
        return None
    first = span.start if span is not None else 0
    byline = BYLINE.match(head, at)
    if byline is not None:
        span = doc.char_span(byline.end(), byline.end() + 1, alignment_mode="expand")
        if span is None:
            return None
        first = span.start
    agency = dateline(head)[1] > 0  # a title-case city opens one only with the agency's name
    for length in (5, 4, 3, 2, 1):
        if first + length >= len(doc):
            continue
        toks = doc[first : first + length]
        nxt = doc[first + length].text
        if agency and nxt == "(" and all(t.text[:1].isupper() and t.is_alpha for t in toks) and gaz.lookup(toks.text):
            return first, first + length
        # ("PORT-AU-PRINCE": the hyphens of one name, written with no space)
        joined = all(t.text != "-" or (not t.whitespace_ and not doc[t.i - 1].whitespace_) for t in toks)
        if not joined or not toks[-1].is_alpha:
            continue
        if not all(t.text.isupper() and t.is_alpha or t.text in {".", "-"} for t in toks) or len(toks.text) < 3:
            continue
        if nxt not in {"\u2014", "\u2013", "-", "--", ",", "("}:
            continue
        if gaz.lookup(toks.text.title()):
            return first, first + length
    return None


def _capitalised(tok_text: str) -> bool:
    return tok_text[:1].isupper()


# Words before a place name when no entity recogniser ran: without NER labels, a capitalised word
# is taken for a place only where it stands as one ("in Henry", not "Henry said").
LOCATIVES = frozenset({"in", "near", "at", "from", "outside", "across", "into", "around", "toward", "towards",
                       "through", "between", "inside", "within"})  # fmt: skip


_COORDINATORS = frozenset({"and", "or", ",", "&"})


def _coordinated_places(doc: Doc, i: int, gaz: Gazetteer) -> bool:
    """The recogniser labelled a coordination of place names as one name of another kind
    ("Kharkiv and Odesa" as an organisation or a work of art): every part of the entity, split at
    "and", "or" and commas, is a name the gazetteer knows and at least two parts are."""
    tok = doc[i]
    if tok.ent_iob_ not in ("B", "I"):
        return False
    start = i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    parts: list[list[str]] = [[]]
    for t in doc[start:end]:
        if t.lower_ in _COORDINATORS:
            parts.append([])
        else:
            parts[-1].append(t.text)
    names = [" ".join(p) for p in parts if p]
    return len(names) >= 2 and all(gaz.has_key(normalize(n)) for n in names)


def _gazetteer_mentions(doc: Doc, gaz: Gazetteer, taken: set[int]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    no_ner = not doc.has_annotation("ENT_IOB")
    first = gaz.first_words
    words = doc_words(doc)
    i, n = 0, len(doc)
    while i < n:
        word = words[i]
        if i in taken or not _capitalised(word) or normalize(word) not in first:
            i += 1
            continue
        tok = doc[i]
        if tok.is_stop:
            i += 1
            continue
        found = 0
        # A name runs over capitalised words and a few joining words ("Bosnia and Herzegovina").
        limit = 1
        while limit < min(MAX_RUN, n - i):
            nxt = words[i + limit]
            if not (_capitalised(nxt) or nxt.lower() in JOINERS or nxt in ("-", ".", "'")):
                break
            limit += 1
        for length in range(limit, 0, -1):
            toks = doc[i : i + length]
            if any(t.i in taken for t in toks):
                continue
            # (a label on a piece of one hyphened word is no label of the word: "Croix" of
            # "Croix-des-Bouquets" read as a man's name)
            labelled = any(t.ent_type_ in NOT_PLACE_LABELS for t in toks) and not (
                _one_hyphened_word(toks) and any(not t.ent_type_ for t in toks if t.text != "-"))
            embedded = labelled and _embedded(doc, i, i + length)
            if (labelled and not embedded and not _overridable(doc, i, i + length) and not named_by_noun(doc, i)
                    and not names_site(doc, i, i + length) and not _coordinated_places(doc, i, gaz)
                    and not _person_inside(doc, i, i + length)):  # fmt: skip
                continue
            if not _capitalised(toks[-1].text) or toks[-1].is_punct:
                continue
            text = toks.text
            # "La" + "." : abbreviations split by the tokenizer
            if (
                i > 0
                and doc[i - 1].text == ","
                and i + length < n
                and doc[i + length].text == "."
                and gaz.has_key(normalize(text + "."))
            ):
                out.append((i, i + length + 1))
                found = length + 1
                break
            if not gaz.has_key(normalize(text)):
                continue
            cands = gaz.lookup(text)
            if ((_hyphen_part(doc, i + length, words) and not _notable(cands, STRONG_POPULATION))
                    or _article_part(doc, i + length, words) or _article_part(doc, i - 2, words, i)):
                continue  # "Pont" of "Pont-Sonde", "Ain" of "Ain al-Asad": the first part of a longer name is not the place
            # a labelled name is a place when it is a big one, a unit inside an organisation's name
            # ("the Kaduna State Police"), or the recogniser's only label after "in" ("police in Goma"),
            # "near", "outside" or "from"
            site = names_site(doc, i, i + length)
            if labelled and not (
                site
                or _notable(cands, STRONG_POPULATION)
                or (embedded and length > 1 and strip_admin_suffix(normalize(text)))
                or (_placed_by_preposition(doc, i) and (_overridable(doc, i, i + length) or named_by_noun(doc, i)))
            ):
                continue
            if length == 1 and not _notable(cands) and not site and not (
                    _placed_by_preposition(doc, i) if labelled else _placed_by_context(doc, i, i + 1, gaz)):
                continue
            if no_ner and not _notable(cands, STRONG_POPULATION) and (i == 0 or doc[i - 1].lower_ not in LOCATIVES):
                continue  # no NER to tell "Henry" the man from Henry County: ask for "in", "near" ...
            if length == 1 and tok.lower_ in COMPASS_WORDS:
                continue  # "Western governments", "Central bankers": adjectives, not places
            if length == 1 and tok.lower_ in ARABIC_ARTICLES and i + 1 < n and _capitalised(words[i + 1]):
                continue  # "Al" of "Al Jabalain" (a name the gazetteer lacks) is no Ål in Norway
            if _opens_other_name(doc, i, i + length, cands):
                continue
            if length == 1 and _common_word_opening(doc, i, cands):
                continue
            if length > 1 and tok.is_sent_start and not _notable(cands):
                continue
            out.append(_widen(doc, i, i + length, gaz))
            found = length
            break
        i += max(found, 1)
    return out


def _hyphen_part(doc: Doc, end: int, words: list[str]) -> bool:
    """A capitalised word follows ``end`` after a hyphen with no space, or a joining word hyphened
    to one ("Croix-des-Bouquets"): the name goes on."""
    if not (end + 1 < len(doc) and words[end] == "-" and not doc[end - 1].whitespace_ and not doc[end].whitespace_):
        return False
    if _capitalised(words[end + 1]):
        return True
    return (end + 3 < len(doc) and words[end + 1].lower() in JOINERS and words[end + 2] == "-"
            and not doc[end + 1].whitespace_ and not doc[end + 2].whitespace_ and _capitalised(words[end + 3]))  # fmt: skip


def _one_hyphened_word(toks: SpacySpan) -> bool:
    """The run is one word of hyphened parts ("Croix-des-Bouquets"), written with no space."""
    return len(toks) > 2 and any(t.text == "-" for t in toks) and not any(t.whitespace_ for t in toks[:-1])


# Arabic articles hyphened to the next word of a name: "Ain al-Asad", "Deir el-Balah", "Ras al-Ain".
ARABIC_ARTICLES = frozenset({"al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ed", "es"})


def _article_part(doc: Doc, end: int, words: list[str], last: int | None = None) -> bool:
    """An Arabic article hyphened to a capitalised word follows ``end``: the name goes on (or, with
    ``last``, the word at ``last`` ends a name that began before its article: "Ain" of "Ras al-Ain")."""
    if end < 1 or end + 2 >= len(doc) or (last is not None and (last != end + 2 or not _capitalised(words[end - 1]))):
        return False
    return (words[end] in ARABIC_ARTICLES and words[end + 1] == "-" and not doc[end].whitespace_
            and not doc[end + 1].whitespace_ and _capitalised(words[end + 2]))  # fmt: skip


def sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    """(start, end) token indices of the doc's sentences, read once per doc and kept in
    ``doc.user_data`` (every ``doc.sents`` builds a Token per word to find the boundaries)."""
    got = doc.user_data.get("riftwatch.sents")
    if got is None or (got and got[-1][1] != len(doc)):
        got = [(sent.start, sent.end) for sent in doc.sents]
        doc.user_data["riftwatch.sents"] = got
    return got


def entities(doc: Doc) -> list[SpacySpan]:
    """The recogniser's entities, their bounds and labels read once per doc (``doc.ents`` builds a
    Token per word on every read)."""
    global _LAST_ENTITIES
    got = doc.user_data.get("riftwatch.ents")
    if got is None or (got and got[-1][1] > len(doc)):
        got = [(ent.start, ent.end, ent.label_) for ent in doc.ents]
        doc.user_data["riftwatch.ents"] = got
    last = _LAST_ENTITIES
    if last is None or last[0] is not doc or last[1] is not got:
        # the spans of the doc read last, kept here (not in the doc, which they would hold in a cycle)
        last = _LAST_ENTITIES = (doc, got, [SpacySpan(doc, a, b, label=label) for a, b, label in got])
    return list(last[2])


_LAST_ENTITIES: tuple[Doc, list[tuple[int, int, str]], list[SpacySpan]] | None = None


def sentences(doc: Doc) -> list[SpacySpan]:
    """The doc's sentences as spans, from ``sentence_bounds``."""
    return [doc[a:b] for a, b in sentence_bounds(doc)]


def doc_words(doc: Doc) -> list[str]:
    """The doc's token texts, read once per doc from the ORTH array (indexing the Doc builds a
    Token object per word) and kept in ``doc.user_data`` for the other steps that need them."""
    got = doc.user_data.get("riftwatch.words")
    if got is None or len(got) != len(doc):
        strings = doc.vocab.strings
        got = [strings[int(o)] for o in doc.to_array("ORTH")] if len(doc) else []
        doc.user_data["riftwatch.words"] = got
    return got


def find_mentions(doc: Doc, gaz: Gazetteer) -> list[Span]:
    """Place-name mentions in ``doc``, as spans with character offsets into the doc's text."""
    spans = _ner_mentions(doc, gaz)
    line = _dateline(doc, gaz)
    if line is not None:  # before it, only a headline's places
        lead = doc.char_span(lead_start(doc[:LEAD_TOKENS].text), len(doc.text), alignment_mode="expand")
        lo = lead.start if lead is not None and lead.start <= line[0] else 0
        spans = [se for se in spans if se[0] < lo or se[0] >= line[1]] + [line]
    taken = {i for s, e in spans for i in range(s, e)}
    spans += _gazetteer_mentions(doc, gaz, taken)
    spans.sort(key=lambda se: (se[0], -(se[1] - se[0])))
    people = _person_words(doc)
    common = headline_common_words(doc)
    out: list[Span] = []
    last_end = -1
    for s, e in spans:
        if s < last_end:
            continue
        if (_piece_of_name(doc, s, e) or _is_adjective(doc, s, e, gaz) or _vessel_name(doc, s, e)
                or _stray_acronym(doc, s, e, gaz, 3 if (s, e) == line else 5)):  # fmt: skip
            continue
        if e - s == 1 and s in common:
            continue
        if e - s == 1 and doc[s].text in people and (s == 0 or doc[s - 1].lower_ not in LOCATIVES):
            continue
        span = doc[s:e]
        out.append(Span(span.text, span.start_char, span.end_char))
        last_end = e
    return _same_name_again(doc, out, people, gaz)


def headline_common_words(doc: Doc) -> set[int]:
    """Tokens of a headline line, capitalised as a title capitalises every word, that the story
    writes in lower case ("Gangs Storm Central Haitian Town ... the town of Mirebalais", "Border
    Crossing", "Mission"): common words, not the places of the same name (Town, Saint Lucia). Read
    once per doc (the place and site finders both ask) and kept in ``doc.user_data``."""
    got: set[int] | None = doc.user_data.get("riftwatch.headline_common")
    if got is not None:
        return got
    got = set()
    head = lead_start(doc[:LEAD_TOKENS].text)
    if head:
        words = doc_words(doc)
        first = next((i for i, t in enumerate(doc[:LEAD_TOKENS]) if t.idx >= head), len(doc))
        lower = set(words[first:])
        got = {i for i in range(first) if words[i].istitle() and len(words[i]) > 1 and words[i].lower() in lower}
    doc.user_data["riftwatch.headline_common"] = got
    return got


def _same_name_again(doc: Doc, found: list[Span], people: frozenset[str], gaz: Gazetteer) -> list[Span]:
    """One sense per name per article: a name taken for a place once is a place wherever else the
    article writes it the same way, capitalised, outside another entity ("Fargo police said")."""
    names = {m.text for m in found}
    if not names:
        return found
    # every name by its first word, the longest first: "Bosnia and Herzegovina" where the text
    # writes it, "Bosnia" where it does not (a set's order would pick one by chance)
    firsts: dict[str, list[str]] = {}
    for n in sorted(names, key=lambda n: (-len(n.split()), n)):
        firsts.setdefault(n.split()[0], []).append(n)
    taken = [False] * len(doc)
    for m in found:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None:
            for k in range(span.start, span.end):
                taken[k] = True
    extra: list[Span] = []
    words = doc_words(doc)
    for i, word in enumerate(words):
        cands = firsts.get(word)
        if cands is None or taken[i] or word in people:
            continue
        if doc[i].ent_type_ == "PERSON":
            continue
        for name in cands:
            end = i + len(name.split())
            if end > len(doc) or any(taken[k] for k in range(i, end)) or doc[i:end].text != name:
                continue
            if end < len(doc) and words[end][:1].isupper() and doc[end].ent_iob_ == "I":
                break  # "Fargo" inside "Fargo Dome": a longer name than ours
            if _opens_other_name(doc, i, end, gaz.lookup(name)):
                break  # "the Copenhagen Charter" where Copenhagen was the city
            for k in range(i, end):
                taken[k] = True
            span = doc[i:end]
            extra.append(Span(span.text, span.start_char, span.end_char))
            break
    return sorted(found + extra, key=lambda m: m.start) if extra else found


def find_demonyms(doc: Doc, gaz: Gazetteer, taken: list[Span]) -> list[Span]:
    """Capitalised demonyms ("Sudanese", "Sri Lankan", "Minnesotans") outside ``taken`` spans: each
    names the place its people are from, as geoparsing corpora annotate them."""
    out: list[Span] = []
    busy = [(m.start, m.end) for m in taken]
    words = doc_words(doc)

    def known(text: str) -> bool:
        key = normalize(text)
        return gaz.is_demonym(key) or (key.endswith("s") and gaz.is_demonym(key[:-1]))

    i, n = 0, len(words)
    while i < n:
        word = words[i]
        if not word[:1].isupper():
            i += 1
            continue
        length = 0
        if i + 1 < n and words[i + 1][:1].isupper() and known(f"{word} {words[i + 1]}"):
            length = 2
        elif known(word):
            length = 1
        if length:
            span = doc[i : i + length]
            if not any(a < span.end_char and span.start_char < b for a, b in busy):
                out.append(Span(span.text, span.start_char, span.end_char))
        i += max(length, 1)
    return out
