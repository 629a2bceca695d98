"""The shapes of the API's answers, for its OpenAPI schema (``/openapi.json``, ``/docs``).

They document what a client can rely on; the routes still return the queries' dicts as they are
(no validation on the way out: a page of 1,000 events costs no model building). The API tests
validate every answer against these models, so the two cannot drift apart. Fields not listed are
allowed (``extra="allow"``): an answer may grow, never lose a documented field.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class Span(Open):
    text: str
    start: int
    end: int


class ActorOut(Open):
    text: str
    start: int | None = None
    end: int | None = None
    country: str | None = Field(None, description="ISO 3166 alpha-3, 'IGO', 'IMG' or empty")
    sector: str | None = Field(None, description="GOV, MIL, REB, OPP, COP, ... or empty")


class PlaceOut(Open):
    text: str
    start: int
    end: int
    name: str | None = Field(None, description="English display name")
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    precision: str | None = None
    geonames_name: str = ""
    how: str = Field("", description="clause, sentence, article or none: how the place was found")


class EventOut(Open):
    event_id: str
    article_id: str
    sentence_index: int
    sentence: str
    trigger: Span
    event_type: str = Field(description="PLOVER type")
    mode: str | None = None
    factuality: str = Field(description="asserted, negated, hypothetical or future")
    cameo_root: str
    quad_class: int = Field(description="1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict")
    goldstein: float
    source: list[ActorOut]
    target: list[ActorOut]
    place: PlaceOut | None
    place_how: str
    date: str | None = Field(description="YYYY-MM-DD")
    date_end: str | None = None
    date_precision: str | None = None
    date_text: Span | None = None
    attribution: dict[str, Any] | None = None
    quantities: list[dict[str, Any]] = []
    confidence: float
    roles_how: dict[str, str] = {}


class EventPage(Open):
    total: int
    limit: int
    offset: int
    next_offset: int | None
    events: list[EventOut]


class ActorCount(Open):
    code: str = Field(description="'RUS GOV' style actor code")
    events: int


class Summary(Open):
    events: int
    articles: int
    first_date: str | None
    last_date: str | None
    by_type: dict[str, int]
    by_quad_class: dict[str, int]
    by_factuality: dict[str, int]
    by_origin: dict[str, int]
    actors: list[ActorCount]
    types: list[Any] = Field(description="The event types the filter accepts")


class PlaceCount(Open):
    name: str
    lat: float
    lon: float
    country: str
    geonameid: int | None
    events: int
    quad_class: dict[str, int]
    first_date: str | None
    last_date: str | None


class Places(Open):
    events_placed: int
    events_unplaced: int
    places: list[PlaceCount]


class DyadPeriodOut(Open):
    period: str = Field(description="First day of the period")
    events: int
    quad_class: dict[str, int]
    goldstein_mean: float
    types: dict[str, int]


class DyadSeries(Open):
    dyad: list[str] = Field(description="Two actor codes")
    events: int
    periods: list[DyadPeriodOut]


class Series(Open):
    period: str
    dyads: list[DyadSeries]
    dyads_total: int


class ShareOut(Open):
    events: int
    conflict: int
    share: float | None


class AlertOut(Open):
    dyad: list[str]
    start: str
    peak: str | None
    end: str | None
    ongoing: bool
    detected: str
    explanation: str
    confidence: float
    baseline: ShareOut
    recent: ShareOut
    state: str
    event_ids: list[str]
    evidence: list[dict[str, Any]]


class DyadStateOut(Open):
    dyad: list[str]
    state: str
    probability: float
    baseline: ShareOut
    recent: ShareOut


class Alerts(Open):
    coalition: list[str]
    alerts: list[AlertOut]
    alerts_total: int
    dyads: list[DyadStateOut]


class ArticleRow(Open):
    article_id: str
    title: str | None
    url: str | None
    source: str | None
    published: str | None
    n_events: int | None


class ArticlePage(Open):
    total: int
    limit: int
    offset: int
    articles: list[ArticleRow]


class CodedSpan(Open):
    event_id: str
    kind: str = Field(description="trigger, source, target, place, date or attribution")
    start: int
    end: int
    text: str
    label: str


class ArticleOut(Open):
    article_id: str
    text: str
    events: list[EventOut]
    places: list[dict[str, Any]]
    spans: list[CodedSpan]


class Version(Open):
    version: str
    store: str
    read_only: bool
