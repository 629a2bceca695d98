"""The data model: typed, frozen records passed between pipeline stages.

Every record that points into an article carries character offsets into ``Article.text`` so that
each field of an event can be traced back to its evidence.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Precision = Literal["day", "week", "month", "year", "unknown"]
PlacePrecision = Literal["city", "admin", "country", "region"]
# How an event's place was chosen: a locative phrase of the trigger's own clause, the town a court
# or police force doing it is named after, a locative phrase elsewhere in its sentence, the meeting
# told, the article's dateline or lead; "" for a place not tied to an event.
PlaceHow = Literal["clause", "seat", "sentence", "venue", "article", ""]
Factuality = Literal["asserted", "negated", "hypothetical", "future"]


@dataclass(frozen=True, slots=True)
class Article:
    """One news report as ingested. ``id`` is the input's id, or a content hash."""

    id: str
    text: str
    title: str = ""
    url: str = ""
    source: str = ""
    published: dt.date | None = None
    language: str = "en"
    origin: str = ""  # where it came from: "path/to/file.jsonl:12", "-" for stdin


@dataclass(frozen=True, slots=True)
class Span:
    """A piece of article text with character offsets into ``Article.text``."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Actor:
    """A coded actor mention.

    ``country`` is ISO3 or a PLOVER code for actors above/beside states (IGO, NGO, ...).
    ``sector`` is a PLOVER/CAMEO sector (GOV, MIL, REB, SPY, PTY, ...), "" when unknown.
    ``person`` / ``org`` name the individual or organisation when the mention denotes one.
    """

    text: str
    start: int
    end: int
    name: str
    country: str
    sector: str = ""
    person: str = ""
    org: str = ""
    entry_id: str = ""  # id of the lexicon entry that produced it, for transparency


@dataclass(frozen=True, slots=True)
class Place:
    """A place-name mention resolved against the gazetteer."""

    text: str
    start: int
    end: int
    name: str
    geonameid: int | None
    lat: float
    lon: float
    country: str  # ISO3
    admin1: str = ""
    precision: PlacePrecision = "city"
    score: float = 1.0
    # GeoNames' own spelling ("Ḩalab") where ``name`` is the English one the text uses ("Aleppo")
    geonames_name: str = ""
    how: PlaceHow = ""


@dataclass(frozen=True, slots=True)
class TimeExpr:
    """A date expression resolved against the publication date."""

    text: str
    start: int
    end: int
    date: dt.date
    end_date: dt.date
    precision: Precision


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who the text says a claim comes from."""

    text: str
    start: int
    end: int
    anonymous: bool
    actor: Actor | None = None


@dataclass(frozen=True, slots=True)
class Quantity:
    """A count attached to an event: killed, wounded, troops, ... ``per`` e.g. "day"."""

    kind: str
    low: int | None
    high: int | None
    text: str
    start: int
    end: int
    per: str = ""
    approximate: bool = False


@dataclass(frozen=True, slots=True)
class Event:
    """One coded event with its evidence."""

    event_id: str
    article_id: str
    sentence_index: int
    sentence: str
    sentence_start: int
    trigger: Span
    event_type: str  # one of PLOVER's 16
    cameo_root: str  # "01".."20"
    quad_class: int  # 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict
    goldstein: float
    mode: str = ""  # PLOVER mode of the type ("visit", "aerial", ...), "" if none
    factuality: Factuality = "asserted"
    source: tuple[Actor, ...] = ()
    target: tuple[Actor, ...] = ()
    place: Place | None = None
    date: dt.date | None = None
    date_end: dt.date | None = None
    date_precision: Precision = "unknown"
    date_text: Span | None = None
    attribution: Attribution | None = None
    quantities: tuple[Quantity, ...] = ()
    confidence: float = 0.5  # how sure the coder is that this is an event: the learned event model's probability (the rule coder's own score with Config(learned=False))
    # How each role was found, e.g. (("source", "subject"), ("target", "domestic")); see events.passes
    roles_how: tuple[tuple[str, str], ...] = ()

    @property
    def negated(self) -> bool:
        return self.factuality == "negated"

    @property
    def hypothetical(self) -> bool:
        return self.factuality == "hypothetical"

    @property
    def future(self) -> bool:
        return self.factuality == "future"

    @property
    def happened(self) -> bool:
        """True when the text reports the event as having happened."""
        return self.factuality == "asserted"

    def to_dict(self) -> dict[str, Any]:
        """The PLOVER-style JSON form used by ``export`` (dates as ISO strings)."""
        return event_to_dict(self)


@dataclass(frozen=True, slots=True)
class CodedArticle:
    """An article with everything the pipeline found in it."""

    article: Article
    events: tuple[Event, ...] = ()
    actors: tuple[Actor, ...] = ()
    places: tuple[Place, ...] = ()
    sentences: tuple[Span, ...] = field(default_factory=tuple)


def actor_to_dict(a: Actor) -> dict[str, Any]:
    """An actor in the JSON export shape."""
    return {
        "text": a.text,
        "start": a.start,
        "end": a.end,
        "country": a.country,
        "sector": a.sector,
        "name": a.name,
        "person": a.person or None,
        "org": a.org or None,
    }


def place_to_dict(p: Place | None) -> dict[str, Any] | None:
    if p is None:
        return None
    return asdict(p)


def event_to_dict(e: Event) -> dict[str, Any]:
    return {
        "event_id": e.event_id,
        "article_id": e.article_id,
        "sentence_index": e.sentence_index,
        "sentence": e.sentence,
        "sentence_start": e.sentence_start,
        "trigger": {"text": e.trigger.text, "start": e.trigger.start, "end": e.trigger.end},
        "event_type": e.event_type,
        "mode": e.mode,
        "factuality": e.factuality,
        "cameo_root": e.cameo_root,
        "quad_class": e.quad_class,
        "goldstein": e.goldstein,
        "negated": e.negated,
        "hypothetical": e.hypothetical,
        "future": e.future,
        "source": [actor_to_dict(a) for a in e.source],
        "target": [actor_to_dict(a) for a in e.target],
        "place": place_to_dict(e.place),
        "place_how": "none" if e.place is None else e.place.how,
        "date": e.date.isoformat() if e.date else None,
        "date_end": e.date_end.isoformat() if e.date_end else None,
        "date_precision": e.date_precision,
        "date_text": asdict(e.date_text) if e.date_text else None,
        "attribution": (
            {
                "text": e.attribution.text,
                "start": e.attribution.start,
                "end": e.attribution.end,
                "anonymous": e.attribution.anonymous,
                "actor": actor_to_dict(e.attribution.actor) if e.attribution.actor else None,
            }
            if e.attribution
            else None
        ),
        "quantities": [asdict(q) for q in e.quantities],
        "confidence": e.confidence,
        "roles_how": dict(e.roles_how),
    }


@dataclass(frozen=True, slots=True)
class Failure:
    """An input that could not be used: ``where`` names it (file, file:line), ``reason`` says why."""

    where: str
    reason: str


@dataclass(frozen=True, slots=True)
class Duplicate:
    """An input record with the same text as an article already read in this run.

    It is not coded again: its ``id`` is kept as an alias of the stored article ``same_as``, so
    the article can be found by either id. ``origin`` names the record (file, file:line).
    """

    id: str
    same_as: str
    origin: str
