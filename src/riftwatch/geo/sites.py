"""Sites a gazetteer of settlements does not hold — streets, squares, buildings, camps, and small
places named after "in", "near", "outside", "at" or "from" — placed at the settlement the article
names most (in the country it names most), unless the text gives the site's own place ("the
Middlebury Institute in California", "the Berlin-based Carnegie Center"). A people ("the North
Koreans") is no site.

A site takes that settlement's point and precision; its name says both ("Central Market,
Yaounde"), so a user sees what was placed where. Geoparsing corpora annotate such sites
(GeoWebNews marks streets and buildings as literal toponyms); a site in a locative phrase of an
event's clause also locates the event ("the attack on the Serena Hotel").
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ..records import Place
from .gazetteer import Gazetteer
from .mentions import doc_words, entities, headline_common_words, named_by_noun
from .names import normalize

# Last words of the names of sites a gazetteer of settlements does not hold: streets, squares,
# buildings, camps. A site is placed at the settlement the article puts it in.
SITE_WORDS = frozenset({"street", "st.", "avenue", "ave.", "road", "rd.", "boulevard", "square", "highway", "bridge",
                        "airport", "hospital", "church", "cathedral", "mosque", "temple", "synagogue", "market",
                        "stadium", "park", "hotel", "prison", "jail", "station", "camp", "base", "plantation",
                        "library", "museum", "center", "centre", "hall", "theatre", "theater", "school",
                        "university", "college", "palace", "courthouse", "port", "harbor", "harbour", "drive",
                        "lane", "plaza", "mall", "building", "tower", "embassy", "consulate", "compound", "inn",
                        "academy", "arena", "pier", "gardens", "estates", "elementary", "high", "middle",
                        "quarter", "faubourg", "fields", "terrace", "way", "place", "court"})  # fmt: skip
SITE_LABELS = frozenset({"FAC", "ORG", "LOC", "GPE"})
# Last words of the names of features at sea: a shoal, a reef, an island is outside the settlements an
# article names, so none of them gives its point (an island 1,000 km offshore is not at the capital).
# (Lakes, rivers and hills are left at the settlement: in local news they are near it.)
SEA_FEATURES = frozenset({"island", "islands", "isle", "islet", "atoll", "reef", "shoal", "cay", "sea", "ocean",
                              "strait", "straits"})  # fmt: skip
# Words of the names of lines and zones: a ceasefire line, a border, a buffer zone runs across a
# region, not through the settlement an article names most.
LINE_FEATURES = frozenset({"line", "border", "frontier", "zone", "corridor"})
# Before a name the gazetteer lacks, these make it a place the article puts at its settlement.
UNLISTED_PREPS = frozenset({"in", "near", "outside", "at", "from"})
SITE_SCORE = 0.5  # a site's point is a guess: its settlement's


def find_site_places(doc: Doc, places: Sequence[Place], offset: int = 0) -> list[Place]:
    """Sites (streets, squares, buildings, camps) named in the text, placed at the settlement the
    article names most (on GeoWebNews the nearest one before the site did no better), with its point:
    "a sit-in at the Central Market" in a story from Yaounde is in Yaounde. None where the
    article names no settlement. Precision is the settlement's; the name says both
    ("Central Market, Yaounde")."""
    local = [p for p in places if p.precision in ("city", "admin") and p.how == ""]
    if not local:
        return []
    counts: dict[str, int] = defaultdict(int)
    for p in local:
        counts[p.name] += 1
    # the settlement of the country the article names most: a name that only the gazetteer's
    # capitalised-word matching took for a far-away town ("GERA", an authority) never anchors the rest
    nations: dict[str, int] = defaultdict(int)
    for p in places:
        nations[p.country] += 1
    top = max(local, key=lambda p: (nations[p.country], counts[p.name]))
    busy = [(p.start, p.end) for p in places]
    anchor = top
    out = []
    common = headline_common_words(doc)
    for ent in entities(doc):
        words = _site_words(doc, ent)
        if not words or words[0].i in common:
            continue  # (nor a headline's title-cased common words: "Offensive in Gang Stronghold")
        start, end = words[0].idx + offset, ent.end_char + offset
        if any(a < end and start < b for a, b in busy):
            continue
        text = doc[words[0].i : ent.end].text
        here = (_sentence_anchor(doc, words[0].i, places, local, offset, anchor, nations, counts)
                if words[-1].lower_ in FIELD_SITES else anchor)
        at = _own_place(doc, words[0].i, ent.end, places, offset, here)
        out.append(replace(at, text=text, start=start, end=end, name=f"{text}, {at.name}", score=SITE_SCORE, how=""))
    for first, last in _unlisted_settlements(doc):
        start, end = doc[first].idx + offset, doc[last - 1].idx + len(doc[last - 1]) + offset
        if any(a < end and start < b for a, b in busy) or any(p.start < end and start < p.end for p in out):
            continue
        text = doc[first:last].text
        here = _sentence_anchor(doc, first, places, local, offset, anchor, nations, counts)
        here = _own_place(doc, first, last, places, offset, _sentence_province(doc, first, places, offset, here))
        out.append(replace(here, text=text, start=start, end=end, name=f"{text}, {here.name}", score=SITE_SCORE))
    return sorted(out, key=lambda p: p.start)


# Sites of war and infrastructure reporting, often far from the story's dateline (not the streets,
# schools and hotels of local news, which lie in the article's town).
FIELD_SITES = frozenset({"dam", "base", "camp", "airport", "airfield", "plant", "station", "port", "harbor", "harbour",
                         "prison", "jail", "bridge", "crossing", "checkpoint", "field", "oilfield", "refinery", "mine"})  # fmt: skip


def _sentence_anchor(doc: Doc, i: int, places: Sequence[Place], local: Sequence[Place], offset: int, anchor: Place,
                     nations: dict[str, int], counts: dict[str, int]) -> Place:
    """The settlement for a site at token ``i``: the article's (``anchor``), unless the site's own
    sentence names places of one other country only and none of the anchor's ("the Tishrin Dam"
    in a sentence on northern Syria, in a story from Ankara): then that country's settlement the
    article names most, else the country itself."""
    sent = doc[i].sent
    lo, hi = sent.start_char + offset, sent.end_char + offset
    there = {p.country for p in places if lo <= p.start < hi and p.country and not is_site(p)}
    if not there or anchor.country in there or len(there) > 1:
        return anchor
    (country,) = there
    settled = [p for p in local if p.country == country]
    if settled:
        return max(settled, key=lambda p: (nations[p.country], counts[p.name]))
    land = [p for p in places if p.country == country and p.precision in ("country", "region") and not is_site(p)]
    return land[0] if land else anchor


# Words between a site and the place the text gives for it: "the Museum in Washington", "the
# Eurasia Group, a New York-based think tank".
OWN_PLACE_WORDS = frozenset({"in", ",", "a", "an", "the"})


def _own_place(doc: Doc, first: int, end: int, places: Sequence[Place], offset: int, anchor: Place) -> Place:
    """The place the text itself gives for the site at tokens ``first:end`` - right after it ("the
    Middlebury Institute in California", "the Eurasia Group, a New York-based think tank") or as
    its base ("the Paris-based International Energy Agency") - else ``anchor``, the article's
    settlement. The anchor stays where it lies inside the place the text gives ("the Qahira
    Hotel in central Somalia" in a story from Beledweyne is in Beledweyne)."""
    starts = {p.start: p for p in places if p.how == "" and not is_site(p)}
    ends = {p.end: p for p in places if p.how == "" and not is_site(p)}
    own = None
    i = end
    while i < len(doc) and i - end < 3 and doc[i].lower_ in OWN_PLACE_WORDS:
        i += 1
        got = starts.get(doc[i].idx + offset) if i < len(doc) and i > end else None
        if got is not None and (doc[end].lower_ == "in" or _based(doc, got, offset)):
            own = got
            break
    if own is None and first >= 2 and doc[first - 1].lower_ == "based" and doc[first - 2].text == "-":
        own = ends.get(doc[first - 2].idx + offset)
    if own is None:
        return anchor
    if own.country == anchor.country and (own.precision in ("country", "region") or (own.precision != "city" and own.admin1 == anchor.admin1)):
        return anchor  # the article's town lies inside what the text gives
    return own


def _sentence_province(doc: Doc, i: int, places: Sequence[Place], offset: int, anchor: Place) -> Place:
    """The province or state the sentence of token ``i`` names for a settlement the gazetteer lacks
    ("In South Kordofan state, RSF fighters attacked the village of Habila"), the one nearest
    before it, else after it, when it is not the ``anchor``'s own; else the anchor."""
    sent = doc[i].sent
    lo, hi, at = sent.start_char + offset, sent.end_char + offset, doc[i].idx + offset
    # (a compass part of a province too: "in the eastern Donetsk region")
    provinces = [p for p in places if lo <= p.start < hi and (p.precision == "admin" or (p.precision == "region" and p.admin1))
                 and p.how == "" and not is_site(p)]  # fmt: skip
    if not provinces:
        return anchor
    best = min(provinces, key=lambda p: (p.start > at, abs(p.start - at)))
    if best.country == anchor.country and best.admin1 and best.admin1 == anchor.admin1:
        return anchor  # the article's town lies in the province named
    return best


def _based(doc: Doc, p: Place, offset: int) -> bool:
    """The place is written as a base: "New York-based"."""
    span = doc.char_span(p.start - offset, p.end - offset, alignment_mode="expand")
    return span is not None and span.end + 1 < len(doc) and doc[span.end].text == "-" and doc[span.end + 1].lower_ == "based"


def _unlisted_settlements(doc: Doc) -> list[tuple[int, int]]:
    """Token bounds of names the gazetteer lacks after "the town of", "the village of" ...: a
    settlement too small for it, whatever label the recogniser gave the name ("L'Estere")."""
    words = doc_words(doc)
    out = []
    for i in range(2, len(words)):
        if not words[i][:1].isupper() or not named_by_noun(doc, i):
            continue
        end = i + 1
        while end < len(words) and end - i < 4 and (words[end][:1].isupper() or words[end] in ("-", "'")):
            end += 1
        if not Gazetteer.load().has_key(normalize(doc[i:end].text)):
            out.append((i, end))
    return out


def is_site(p: Place) -> bool:
    """A place found by :func:`find_site_places` (its point is the article's settlement's)."""
    return p.score == SITE_SCORE and p.name.startswith(f"{p.text}, ")


def _site_words(doc: Doc, ent: SpacySpan) -> list[Token]:
    """The words of an entity that names a site ("the" dropped), or [] when it names none."""
    if ent.label_ not in SITE_LABELS:
        return []
    words = [t for t in ent if not (t.i == ent.start and t.lower_ == "the")]
    if not words or not words[0].text[:1].isupper():
        return []
    key = normalize(doc[words[0].i : ent.end].text)
    if Gazetteer.load().is_demonym(key) or (key.endswith("s") and Gazetteer.load().is_demonym(key[:-1])):
        return []  # "the North Koreans": a people, not a site
    if words[-1].lower_ in SEA_FEATURES:
        return []  # "near Second Thomas Shoal", "on Agalega Island": not inside any settlement
    if any(w.lower_ in LINE_FEATURES for w in words):
        return []  # "along the Line of Control", "the Demilitarized Zone": across the land, at no settlement
    if words[-1].lower_ in SITE_WORDS and (len(ent) > 1 or ent.label_ == "FAC"):
        return words  # "Central Market", "Kenyatta Avenue"
    if not all(w.text[:1].isupper() or w.lower_ in ("of", "de", "du", "la") for w in words):
        return []
    if ent.label_ == "FAC" or (ent.label_ == "LOC" and len(ent) > 1):
        return words  # a named facility or locality the recogniser is sure of
    # a place the gazetteer lacks ("in Ishkashim") or a named institution where something happens
    # ("outside Sacred Heart", "at Lincoln High"): only after a preposition of place
    before = doc[ent.start - 1].lower_ if ent.start > 0 else ""
    if ent.label_ == "GPE" and before in UNLISTED_PREPS:
        key = normalize(doc[words[0].i : ent.end].text)
        return [] if Gazetteer.load().has_key(key) else words  # a known name left out on purpose
    if ent.label_ == "ORG" and len(words) > 1 and before in UNLISTED_PREPS:
        return words
    return []
