"""Resolve place-name mentions to gazetteer places, using the whole article as context.

Each candidate's score (log10 scale) is its context-free prior (population, feature class, admin
level: see :func:`riftwatch.geo.build.base_prior`) plus boosts from the article:

* its country is named or implied by the article's other place names (``W_COUNTRY``);
* its admin-1 unit (state, province) is, too (``W_ADMIN1``), and its admin-2 unit (``W_ADMIN2``);
* it lies in a unit that is a *possible* reading of another name (``W_PRESENT``): "Athens" next to
  "Henderson County" favours the Athens inside one of the Henderson Counties, however unlikely
  each of them is on its own;
* it lies near the other places the article names (``W_NEAR``);
* the text puts it in a container: "Tripoli, Lebanon", "Alexandria, La.", "the Syrian town of X",
  "Syria's X province" (``W_CONTAINER``; a country given before the name also votes as if named).

A country whose people the article names ("Chinese") is the reading of its name over any town
of that name, unless the text puts the town in a container ("China, Maine").

The article's context is gathered in two passes: first every distinct name spreads one vote over
the countries and states of its candidates in proportion to their prior probability; then each
name is re-ranked against the votes of the *other* names (one sense per discourse: all mentions of
a name in an article get the same place), and the votes are recomputed from the sharper second
pass for a final ranking.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc

from ..records import Place, PlacePrecision, Span
from .gazetteer import Candidate, Gazetteer
from .mentions import doc_words, find_demonyms, find_mentions
from .names import ADMIN_SUFFIXES, normalize
from .seats import find_seats, seat_names

W_COUNTRY = 3.2
W_ADMIN1 = 2.2
W_ADMIN2 = 1.0
W_NEAR = 1.0
NEAR_KM = 150.0
W_CONTAINER = 4.0
W_PRESENT = 1.2
# A county or district is named with its word ("Geneva County", "Fulton County"): a bare "Geneva"
# in a story about the United States is the Swiss city of the talks, not the Alabama county.
W_SUFFIXLESS = 1.5
# The share of the country boost an administrative unit below the first level with no population
# on record takes (``_unpeopled_unit``).
UNPEOPLED_UNIT = 0.5
_CONTAINER = re.compile(r"\s*,\s*((?:[A-Z][\w'\-]*\.?\s?){1,3})")

_PRECISION: dict[str, PlacePrecision] = {
    "city": "city",
    "admin": "admin",
    "country": "country",
    "region": "region",
    "continent": "region",
}


EARTH_KM = 6371.0088


def _arc_km(p1: float, c1: float, l1: float, p2: float, c2: float, l2: float) -> float:
    """Great-circle distance by the haversine formula, from radian latitudes with their cosines and
    radian longitudes (callers that compare one point with many precompute them once)."""
    a = math.sin((p2 - p1) / 2) ** 2 + c1 * c2 * math.sin((l2 - l1) / 2) ** 2
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(a)))


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    return _arc_km(p1, math.cos(p1), math.radians(lon1), p2, math.cos(p2), math.radians(lon2))


def _nearness(lat: float, lon: float, others: Sequence[tuple[float, float, float, float]]) -> float:
    """max over the other places (radian latitude, its cosine, radian longitude, weight) of
    weight * exp(-km / NEAR_KM)."""
    p1 = math.radians(lat)
    c1, l1 = math.cos(p1), math.radians(lon)
    best = 0.0
    for p2, c2, l2, w in others:
        best = max(best, w * math.exp(-_arc_km(p1, c1, l1, p2, c2, l2) / NEAR_KM))
    return best


def _softmax(scores: Sequence[float]) -> list[float]:
    top = max(scores)
    ws = [10.0 ** (s - top) for s in scores]
    total = sum(ws)
    return [w / total for w in ws]


def _sat(v: float) -> float:
    """0 for no votes, ~0.77 for one confident vote, towards 1 for several."""
    return v / (v + 0.3)


@dataclass
class DocContext:
    """Votes of an article's place names for countries, admin units and points.

    Build it with :meth:`from_doc` (mentions found in a parsed doc), :meth:`from_names` (a list of
    names, e.g. gold spans) or :meth:`from_countries` (ISO3 codes known from elsewhere).
    """

    countries: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    admins: dict[int, float] = field(default_factory=lambda: defaultdict(float))
    points: list[tuple[str, float, float, float]] = field(default_factory=list)  # key, lat, lon, weight
    by_key: dict[str, list[tuple[Candidate, float]]] = field(default_factory=dict)

    @classmethod
    def from_names(cls, names: Iterable[str], gaz: Gazetteer) -> DocContext:
        """Context from place names (first pass: prior-weighted votes of each distinct name)."""
        ctx = cls()
        for name in names:
            key = normalize(name)
            if key in ctx.by_key:
                continue
            cands = gaz.lookup(name)
            if cands:
                ctx.add(key, cands, _softmax([c.prior for c in cands]))
        return ctx

    @classmethod
    def from_doc(cls, doc: Doc, gaz: Gazetteer) -> DocContext:
        """Context from the place names found in a parsed doc."""
        return cls.from_names((m.text for m in find_mentions(doc, gaz)), gaz)

    @classmethod
    def from_countries(cls, countries: Iterable[str]) -> DocContext:
        """Context from countries (ISO3) known to be the article's subject."""
        ctx = cls()
        for iso3 in countries:
            ctx.countries[iso3] += 1.0
        return ctx

    def add(self, key: str, cands: Sequence[Candidate], probs: Sequence[float]) -> None:
        """Record one distinct name's distribution over its candidates."""
        self.by_key[key] = list(zip(cands, probs, strict=True))
        for c, p in zip(cands, probs, strict=True):
            if c.country:
                self.countries[c.country] += p
            for row in _admin_rows(c):
                self.admins[row] += p
            if c.kind in ("city", "admin") and c.fcode != "ADM1":
                self.points.append((key, c.lat, c.lon, p))

    def merged(self, other: DocContext) -> DocContext:
        """A context holding both contexts' votes (e.g. a whole article's sentences)."""
        out = DocContext()
        for ctx in (self, other):
            for k, v in ctx.countries.items():
                out.countries[k] += v
            for r, v in ctx.admins.items():
                out.admins[r] += v
            out.points.extend(ctx.points)
            out.by_key.update(ctx.by_key)
        return out

    def _present_elsewhere(self, key: str) -> set[int]:
        return {c.row for k, cs in self.by_key.items() if k != key for c, _ in cs if c.kind == "admin"}

    def _own(self, key: str) -> tuple[dict[str, float], dict[int, float]]:
        own_c: dict[str, float] = defaultdict(float)
        own_a: dict[int, float] = defaultdict(float)
        for c, p in self.by_key.get(key, ()):
            if c.country:
                own_c[c.country] += p
            for row in _admin_rows(c):
                own_a[row] += p
        return own_c, own_a

    def score(
        self, key: str, cands: Sequence[Candidate], containers: Sequence[Candidate] = ()
    ) -> list[float]:
        """Each candidate's score given the votes of every name except ``key`` itself."""
        own_c, own_a = self._own(key)
        others = [(math.radians(la), math.cos(math.radians(la)), math.radians(lo), w)
                  for k, la, lo, w in self.points if k != key and w >= 0.3]  # fmt: skip
        present = self._present_elsewhere(key)
        out = []
        # a sea or a continent lies beyond any one country: it fits whatever country the article is
        # about as well as that country's own places do ("the Pacific" in a story from Oregon is
        # the ocean, not Pacific County)
        world = W_COUNTRY * _sat(max((v - own_c[k] for k, v in self.countries.items()), default=0.0))
        for c in cands:
            s = c.prior
            if c.country:
                boost = W_COUNTRY * _sat(max(0.0, self.countries.get(c.country, 0.0) - own_c[c.country]))
                # an unpeopled district takes half: "Gaza" in a story naming Israel is the city, not
                # the Israeli district of that name
                s += boost * UNPEOPLED_UNIT if _unpeopled_unit(c) else boost
            elif c.kind in ("region", "continent"):
                s += world
            if c.admin1_row >= 0 or c.fcode == "ADM1":
                row = c.row if c.fcode == "ADM1" else c.admin1_row
                s += W_ADMIN1 * _sat(max(0.0, self.admins.get(row, 0.0) - own_a[row]))
            if c.admin2_row >= 0:
                s += W_ADMIN2 * _sat(max(0.0, self.admins.get(c.admin2_row, 0.0) - own_a[c.admin2_row]))
            if present and (c.admin1_row in present or c.admin2_row in present):
                s += W_PRESENT
            if others and c.kind == "city":
                s += W_NEAR * _nearness(c.lat, c.lon, others)
            if containers and any(_inside(c, box) for box in containers):
                s += W_CONTAINER
            if c.kind == "admin" and c.fcode != "ADM1" and _suffix_left_out(c.name, key):
                s -= W_SUFFIXLESS
            out.append(s)
        return out


def _unpeopled_unit(c: Candidate) -> bool:
    """An administrative unit below the first level with no population on record."""
    return c.kind == "admin" and c.fcode != "ADM1" and c.population == 0


def _hamlet_unit(c: Candidate) -> bool:
    """An administrative unit with fewer people on record than a small town."""
    return c.kind == "admin" and 0 < c.population < WEAK_POPULATION


def _suffix_left_out(name: str, key: str) -> bool:
    """The unit's name ends on an admin word ("County") that the mention (its lookup key) lacks."""
    words = normalize(name).split()
    return len(words) > 1 and words[-1] in ADMIN_SUFFIXES and words[-1] not in key.split()


def _admin_rows(c: Candidate) -> list[int]:
    rows = [r for r in (c.admin1_row, c.admin2_row) if r >= 0]
    if c.kind == "admin" and c.row >= 0:
        rows.append(c.row)
    return rows


def _inside(c: Candidate, container: Candidate) -> bool:
    if container.kind == "country":
        return c.country == container.country and c.row != container.row
    if container.fcode == "ADM1":
        return c.admin1_row == container.row
    return False


def _container(text: str, end: int, gaz: Gazetteer) -> list[Candidate]:
    """Countries/states named right after a mention: "Tripoli, Lebanon"."""
    m = _CONTAINER.match(text, end)
    if not m:
        return []
    words = m.group(1).split()
    for n in range(len(words), 0, -1):  # longest first: "New South Wales", "La."
        phrase = " ".join(words[:n])
        for form in (phrase, phrase.rstrip(".")):
            found = [c for c in gaz.lookup(form) if c.kind == "country" or c.fcode == "ADM1"]
            if found:
                return found[:3]
    return []


# "the Syrian town of X", "the northern Iraqi city of X", "Pakistan's Balochistan province": news
# puts a place in its country before the name as often as after it ("X, Syria").
_KIND_WORDS = r"(?:city|town|village|hamlet|township|port|capital|province|region|district|state|county|governorate|enclave|island)"
_CONTAINER_BEFORE = re.compile(
    r"\b([A-Z][\w\-]+)\s+(?:[a-z][\w\-]*\s+){0,2}" + _KIND_WORDS + r"\s+of\s+(?:the\s+)?$"
    r"|\b([A-Z][\w\-]+(?:\s[A-Z][\w\-]+)?)['\u2019]s\s+(?:(?:far\s+)?(?:north|south)?(?:east|west)?(?:ern)?\s+|central\s+)?$"
)
BEFORE_WINDOW = 60


def _container_before(text: str, start: int, gaz: Gazetteer) -> list[Candidate]:
    """The country or state a phrase before a mention puts it in: "the Syrian town of X" (a
    demonym), "Syria's X province" (a possessive)."""
    m = _CONTAINER_BEFORE.search(text[max(0, start - BEFORE_WINDOW) : start])
    if not m:
        return []
    word = m.group(1) or m.group(2)
    return [c for c in gaz.lookup(word, demonyms=True) if c.kind == "country" or c.fcode == "ADM1"][:3]


# "the city of X", "the port town of X": the text says what kind of place X is.
_KIND_CUE = re.compile(r"\b(?:city|town|village|hamlet|township)\s+of\s+$", re.IGNORECASE)
CUE_WINDOW = 24


def _said_settlement(text: str, start: int) -> bool:
    """The mention at ``start`` follows "city of", "town of", "village of" ..."""
    return _KIND_CUE.search(text[max(0, start - CUE_WINDOW) : start]) is not None


def resolve_spans(
    text: str,
    spans: Sequence[Span],
    gaz: Gazetteer,
    context: DocContext | None = None,
    offset: int = 0,
    demonyms: bool = False,
    peoples: frozenset[str] = frozenset(),
) -> list[Place | None]:
    """Resolve given mention spans (offsets into ``text``) using the article as context.

    ``context`` adds votes from outside ``text`` (e.g. the rest of the article). ``demonyms``
    resolves "Israeli" to Israel (for gold spans that annotate them). ``peoples`` are the countries
    (ISO3) whose people the article names ("Chinese"): a name of one of them is that country,
    never a town of the same name however much the rest of the article is about the town's
    country ("their home in China" in a story of Chinese immigrants to the United States was
    China, Maine). Returns one entry per span, None where the gazetteer has no candidate.
    """
    keys = [normalize(s.text) for s in spans]
    cands: dict[str, list[Candidate]] = {}
    containers: dict[str, list[Candidate]] = defaultdict(list)
    settlements: set[str] = set()
    named: set[str] = set()  # countries a phrase before a name gives ("the Syrian town of")
    for s, key in zip(spans, keys, strict=True):
        if key not in cands:
            cands[key] = gaz.lookup(s.text, demonyms=demonyms)
        containers[key].extend(_container(text, s.end, gaz))
        before = _container_before(text, s.start, gaz)
        containers[key].extend(before)
        named.update(c.country for c in before if c.kind == "country")
        if _said_settlement(text, s.start):
            settlements.add(key)
    for key in settlements:  # "the city of Kherson" is the city, not its province
        cands[key] = [c for c in cands[key] if c.kind == "city"] or cands[key]
    if named:  # the text names these countries as surely as a place name would
        given = DocContext.from_countries(sorted(named))
        context = given if context is None else context.merged(given)
    ctx = DocContext()
    for key, cs in cands.items():
        if cs:
            ctx.add(key, cs, _softmax([c.prior for c in cs]))
    if context is not None:
        ctx = ctx.merged(context)
    best: dict[str, tuple[Candidate, float]] = {}
    for _ in range(2):
        nxt = DocContext()
        for key, cs in cands.items():
            if not cs:
                continue
            probs = _softmax(ctx.score(key, cs, containers[key]))
            nxt.add(key, cs, probs)
            i = max(range(len(cs)), key=probs.__getitem__)
            best[key] = (cs[i], probs[i])
        ctx = nxt if context is None else nxt.merged(context)
    for key, cs in cands.items():
        nation = next((c for c in cs if c.kind == "country" and c.country in peoples), None)
        if nation is not None and key in best and best[key][0].kind == "city" and not containers[key]:
            best[key] = (nation, best[key][1])
    islands = {key for s, key in zip(spans, keys, strict=True) if _ISLAND_AFTER.match(text, s.end)}
    weak = {key for key, (c, _) in best.items()
            if _far_guess(c, key, ctx, key in islands) and not any(_inside(c, box) for box in containers[key])}  # fmt: skip
    out: list[Place | None] = []
    for s, key in zip(spans, keys, strict=True):
        if key not in best or key in weak:
            out.append(None)
            continue
        c, p = best[key]
        out.append(to_place(c, s.text, s.start + offset, s.end + offset, p))
    return out


# "X island": the text says the name is an island's (a town of that name is another place).
_ISLAND_AFTER = re.compile(r"\s+[Ii]slands?\b")
# A village or small town (below this population) that nothing in the article puts in its
# country, in an article whose other places are elsewhere, is a guess too far to report.
WEAK_POPULATION = 10_000
KNOWN_POPULATION = 1_000_000
WEAK_SUPPORT = 0.05
STRONG_ELSEWHERE = 1.0


def _far_guess(c: Candidate, key: str, ctx: DocContext, island: bool = False) -> bool:
    """True when the best reading of a name is a small place in a country no other name of the
    article supports, while the article's other names agree on somewhere else: a clear null is
    more useful than a far-away homonym ("Boni" in a Kenyan story, not a German hamlet). A city of
    any size counts when the name is only one of its other names ("Boni" in a story from Mali is
    no Bonn)."""
    if not c.country or not (c.kind == "city" or _unpeopled_unit(c) or _hamlet_unit(c)):
        return False  # (a district with no people on record is as small a guess: "Merawi" in a story
        # from Ethiopia's Amhara region is no Sudanese district; so is a province of a few hundred
        # people: "Alo" of "the Prothom Alo newspaper" in a story from Dhaka is no Wallis and Futuna)
    name = normalize(_fold(c.name))
    own_name = (key in name or name in key) and not island
    if c.population >= WEAK_POPULATION and (own_name or c.fcode == "PPLC" or c.population >= KNOWN_POPULATION):
        return False  # its own name, or a longer or shorter form of it ("New York City", "Quebec"); a
        # capital's or a great city's other names are known the world over ("Kiev"); not a name the
        # text calls an island's ("near Delft island" in a story from Sri Lanka is no Dutch city)
    own_c, _ = ctx._own(key)
    here = ctx.countries.get(c.country, 0.0) - own_c.get(c.country, 0.0)
    elsewhere = sum(v - own_c.get(k, 0.0) for k, v in ctx.countries.items() if k != c.country)
    return here < WEAK_SUPPORT and elsewhere >= STRONG_ELSEWHERE


def english_name(c: Candidate, text: str) -> str:
    """The name to show: GeoNames' own where it is plain ASCII ("Aleppo", "Washington"), else the
    spelling of the English text that named it ("Afrin" for "‘Afrīn", "Aleppo" for the governorate
    "Ḩalab"), else GeoNames' name with its diacritics and transliteration marks folded away. A
    compass region ("eastern Beirut", "northern Syria") shows as the text wrote it.

    >>> english_name(Gazetteer.load().lookup("Aleppo")[0], "Aleppo")  # doctest: +SKIP
    'Aleppo'
    """
    surface = text.strip()
    if c.kind == "region":
        # a compass region ("eastern Beirut"): as the text wrote it, not the key it was looked up by
        words = surface.split()
        if len(words) > 1 and words[0].lower() == "the":
            words = words[1:]
        shown = " ".join(words)
        return shown if shown.isascii() and shown else c.name
    if c.name.isascii():
        return c.name
    words = surface.split()
    if len(words) > 1 and words[0].lower() == "the":
        words = words[1:]
    if len(words) > 1 and words[-1].lower() in ADMIN_SUFFIXES:
        words = words[:-1]
    surface = " ".join(words).removesuffix("'s").removesuffix("\u2019s")
    if surface.isascii() and surface[:1].isupper() and normalize(surface) == normalize(_fold(c.name)):
        return surface
    if surface.isascii() and surface[:1].isupper() and c.kind != "country":
        return surface
    return _fold(c.name)


def _fold(name: str) -> str:
    """ "‘Afrīn" -> "Afrin": accents and transliteration marks (ʿ ʾ ‘ ’) dropped."""
    decomposed = unicodedata.normalize("NFKD", name)
    kept = "".join(ch for ch in decomposed if not unicodedata.combining(ch) and ch not in "\u02bf\u02be\u2018\u2019`")
    return kept.strip() or name


def to_place(c: Candidate, text: str, start: int, end: int, score: float = 1.0) -> Place:
    """A ``Place`` record for a chosen candidate, named in English (``geonames_name`` keeps
    GeoNames' spelling when it differs)."""
    name = english_name(c, text)
    return Place(
        text=text,
        start=start,
        end=end,
        name=name,
        geonames_name=c.name if name != c.name else "",
        geonameid=c.geonameid,
        lat=round(c.lat, 5),
        lon=round(c.lon, 5),
        country=c.country,
        admin1=c.admin1,
        precision=_PRECISION[c.kind],
        score=round(score, 4),
    )


def find_places(
    doc: Doc, gazetteer: Gazetteer, offset: int = 0, context: DocContext | None = None, text: str | None = None
) -> list[Place]:
    """Find and resolve the places in a parsed doc; offsets are ``offset`` + doc offsets.
    Pass ``text`` (the doc's text) when you hold it: ``doc.text`` rebuilds it token by token.

    >>> find_places(nlp("Clashes erupted in Tripoli, the Libyan capital."), Gazetteer.load())[0].country
    'LBY'
    """
    spans = [m for m in find_mentions(doc, gazetteer) if m.text not in seat_names()]
    full = doc.text if text is None else text
    found = [p for p in resolve_spans(full, spans, gazetteer, context, offset, peoples=_peoples(doc, gazetteer, spans))
             if p is not None]  # fmt: skip
    capitals = find_capital_phrases(doc, gazetteer, found, offset)
    seats = find_seat_places(doc, gazetteer, found, offset)
    extra = capitals + seats
    return sorted(found + extra, key=lambda p: p.start) if extra else found


def _peoples(doc: Doc, gazetteer: Gazetteer, spans: Sequence[Span]) -> frozenset[str]:
    """The countries whose people the doc names ("Chinese", "Mexicans")."""
    out: set[str] = set()
    for m in find_demonyms(doc, gazetteer, list(spans)):
        cands = gazetteer.lookup(m.text, demonyms=True) or gazetteer.lookup(m.text[:-1], demonyms=True)
        out.update(c.country for c in cands[:1] if c.kind == "country")
    return frozenset(out)


def find_seat_places(doc: Doc, gazetteer: Gazetteer, places: Sequence[Place], offset: int = 0) -> list[Place]:
    """ "at the White House", "in the Kremlin": a seat of government after a preposition of place
    is a place at its city (name "White House, Washington"); elsewhere it is an actor."""
    out = []
    for span, city in find_seats(doc, gazetteer, [(p.start - offset, p.end - offset) for p in places]):
        at = to_place(city, span.text, span.start_char + offset, span.end_char + offset)
        out.append(replace(at, name=f"{span.text}, {at.name}", geonames_name=""))
    return out


def find_capital_phrases(doc: Doc, gazetteer: Gazetteer, places: Sequence[Place], offset: int = 0) -> list[Place]:
    """ "the Turkish capital", "the Afghan capital": news names a capital by its country's
    demonym; the word "capital" is then that city (name "Ankara")."""
    words = doc_words(doc)
    busy = [(p.start - offset, p.end - offset) for p in places]
    out = []
    for i in range(1, len(words) - 1):
        if words[i + 1] != "capital" or not words[i][:1].isupper() or words[i - 1].lower() != "the":
            continue
        key = normalize(words[i])
        if not gazetteer.is_demonym(key):
            continue
        states = [c for c in gazetteer.lookup(words[i], demonyms=True) if c.kind == "country"]
        city = gazetteer.capital(states[0].country) if states else None
        if city is None:
            continue
        span = doc[i + 1 : i + 2]  # the demonym stays the country's, as geoparsing corpora mark it
        if any(a < span.end_char and span.start_char < b for a, b in busy):
            continue
        place = to_place(city, span.text, span.start_char + offset, span.end_char + offset, 1.0)
        name = english_name(city, city.name)
        out.append(replace(place, name=name, geonames_name=city.name if name != city.name else ""))
    return out


def find_demonym_places(doc: Doc, gazetteer: Gazetteer, places: Sequence[Place], offset: int = 0) -> list[Place]:
    """The countries (or regions) demonyms name: "Sudanese" -> Sudan, precision country.

    Kept apart from :func:`find_places` because the event coder reads a demonym as an actor
    ("Sudanese troops"), never as where something happened; the article's place list and the
    geoparsing evaluation hold both.
    """
    found = find_demonyms(doc, gazetteer, [Span(p.text, p.start - offset, p.end - offset) for p in places])
    if not found:
        return []
    ctx = DocContext()
    for p in places:
        if p.country:
            ctx.countries[p.country] += 1.0
    out = []
    for m in found:
        cands = gazetteer.lookup(m.text, demonyms=True)
        if not cands and m.text.endswith("s"):
            cands = gazetteer.lookup(m.text[:-1], demonyms=True)
        if not cands:
            continue
        scores = ctx.score(normalize(m.text), cands)
        c = cands[max(range(len(cands)), key=scores.__getitem__)]
        out.append(to_place(c, m.text, m.start + offset, m.end + offset, 1.0))
    return out


def resolve_article(
    docs: Sequence[Doc], gazetteer: Gazetteer, offsets: Sequence[int] | None = None
) -> list[list[Place]]:
    """Resolve several docs of one article (e.g. title and body) against the article's whole context."""
    offsets = list(offsets) if offsets is not None else [0] * len(docs)
    mentions = [find_mentions(d, gazetteer) for d in docs]
    out = []
    for i, (doc, spans) in enumerate(zip(docs, mentions, strict=True)):
        others = [m.text for j, ms in enumerate(mentions) if j != i for m in ms]
        ctx = DocContext.from_names(others, gazetteer)
        resolved = resolve_spans(doc.text, spans, gazetteer, ctx, offsets[i])
        out.append([p for p in resolved if p is not None])
    return out


def resolve_name(
    name: str,
    context_countries: Sequence[str] = (),
    gazetteer: Gazetteer | None = None,
    context: DocContext | None = None,
) -> Place | None:
    """Resolve one name (e.g. a gold span) given the countries (ISO3) its article is about.

    >>> resolve_name("Tripoli", ["LBN"]).country
    'LBN'
    """
    gaz = gazetteer or Gazetteer.load()
    ctx = DocContext.from_countries(context_countries)
    if context is not None:
        ctx = ctx.merged(context)
    return resolve_spans(name, [Span(name, 0, len(name))], gaz, ctx)[0]
