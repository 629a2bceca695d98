"""Sites a gazetteer of settlements does not hold — streets, squares, buildings, camps — placed at
the settlement the article names most.

A site takes that settlement's point and precision; its name says both ("Central Market,
Yaounde"), so a user sees what was placed where. Geoparsing corpora annotate such sites
(GeoWebNews marks streets and buildings as literal toponyms); a site in a locative phrase of an
event's clause also locates the event ("the attack on the Serena Hotel").
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc

from ..records import Place

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
    top = max(local, key=lambda p: counts[p.name])
    busy = [(p.start, p.end) for p in places]
    anchor = top
    out = []
    for ent in doc.ents:
        if ent.label_ not in SITE_LABELS or (len(ent) < 2 and ent.label_ != "FAC"):
            continue
        words = [t for t in ent if not (t.i == ent.start and t.lower_ == "the")]
        if not words or not words[0].text[:1].isupper():
            continue
        if words[-1].lower_ not in SITE_WORDS and not (ent.label_ in ("FAC", "LOC") and all(
                w.text[:1].isupper() or w.lower_ in ("of", "de", "du", "la") for w in words)):  # fmt: skip
            continue  # a named facility or locality the NER is sure of, or a name ending in a site word
        start, end = words[0].idx + offset, ent.end_char + offset
        if any(a < end and start < b for a, b in busy):
            continue
        text = doc[words[0].i : ent.end].text
        out.append(replace(anchor, text=text, start=start, end=end, name=f"{text}, {anchor.name}", score=0.5))
    return out
