"""The JSON API: routes that parse parameters, open the store for the request and call ``queries``.

Every route is a GET; nothing writes to the store.  The filter parameters are shared by every
panel's route (``filter_params``), so the map, the table, the series and the downloads always show
the same events.  Answers are cached per store version (``Cache``): a dashboard polling an
unchanged store costs no query.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import StreamingResponse

from riftwatch.relations.dyads import Member, Period, parse_codes
from riftwatch.serve import queries, schemas
from riftwatch.serve.filters import Filter, check_type, event_types, parse_bbox, parse_dyad, parse_quads
from riftwatch.serve.reader import StoreReader

router = APIRouter(prefix="/api")


class Cache:
    """The last ``size`` answers, keyed by store version and request URL (0: no caching)."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._items: OrderedDict[tuple[str, str], Any] = OrderedDict()
        self._lock = threading.Lock()

    def get_or(self, key: tuple[str, str], make: Callable[[], Any]) -> Any:
        if self.size <= 0:
            return make()
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
        value = make()
        with self._lock:
            self._items[key] = value
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return value


def reader(request: Request) -> StoreReader:
    r: StoreReader = request.app.state.reader
    return r


def cached(request: Request, make: Callable[[], Any]) -> Any:
    rd = reader(request)
    cache: Cache = request.app.state.cache
    return cache.get_or((rd.version(), str(request.url)), make)


def filter_params(
    actor: Annotated[str | None, Query(description="Actor code, source or target: 'RUS' or 'RUS GOV'.")] = None,
    dyad: Annotated[str | None, Query(description="Two actor codes joined by '-': 'RUS-SYR', 'RUS GOV-SYR REB'.")] = None,
    type: Annotated[str | None, Query(description="PLOVER event type, e.g. ASSAULT.")] = None,
    quad: Annotated[str | None, Query(description="QuadClass 1-4, several with commas: '3,4'.")] = None,
    factuality: Annotated[str | None, Query(description="asserted, negated, hypothetical or future.")] = None,
    happened: Annotated[bool, Query(description="Only events reported as having happened.")] = False,
    min_confidence: Annotated[float | None, Query(ge=0.0, le=1.0, description="Lowest coder confidence.")] = None,
    since: Annotated[dt.date | None, Query(description="First day, YYYY-MM-DD (event date, else publication).")] = None,
    until: Annotated[dt.date | None, Query(description="Last day, YYYY-MM-DD.")] = None,
    place: Annotated[str | None, Query(description="Substring of the place name, or an ISO3 country code.")] = None,
    bbox: Annotated[str | None, Query(description="west,south,east,north in degrees.")] = None,
    text: Annotated[str | None, Query(description="Substring of the event's sentence or trigger.")] = None,
    article: Annotated[str | None, Query(description="Article id (or any id it came in with).")] = None,
    origin: Annotated[str | None, Query(description="riftwatch, gdelt, icews, plover ...")] = None,
) -> Filter:
    """The shared filter of every panel."""
    return Filter(
        actor=parse_codes([actor], "actor")[0] if actor else None,
        dyad=parse_dyad(dyad) if dyad else None,
        event_type=check_type(type) if type else None,
        quads=parse_quads(quad) if quad else (),
        factuality=factuality or None,
        happened=happened,
        min_confidence=min_confidence,
        since=since,
        until=until,
        place=place or None,
        bbox=parse_bbox(bbox) if bbox else None,
        text=text or None,
        article=article or None,
        origin=origin or None,
    )


Filt = Annotated[Filter, Depends(filter_params)]


def coalition_param(
    coalition: Annotated[
        str | None, Query(description="Actor codes with commas, 'RUS,IRN,SYR'; default: inferred from cooperation.")
    ] = None,
) -> list[Member] | None:
    if not coalition:
        return None
    members = parse_codes([c for c in coalition.split(",") if c.strip()], "coalition")
    if len(members) < 2:
        from riftwatch.errors import InputError

        raise InputError("coalition", f"{coalition!r}: a coalition needs at least two actor codes")
    return members


Coalition = Annotated[list[Member] | None, Depends(coalition_param)]
PeriodQ = Annotated[Period, Query(description="day, week or month.")]


@router.get(
    "/version",
    summary="A token that changes whenever the store is written (for polling)",
    responses={200: {"model": schemas.Version}},
)
def version(request: Request) -> dict[str, Any]:
    rd = reader(request)
    return {"version": rd.version(), "store": str(rd.path), "read_only": True}


@router.get(
    "/summary",
    summary="Counts of the filtered events by type, QuadClass, factuality, origin; top actors",
    responses={200: {"model": schemas.Summary}},
)
def summary(request: Request, flt: Filt) -> Any:
    def make() -> dict[str, Any]:
        with reader(request).open(flt) as con:
            out = queries.summary(con)
        out["types"] = event_types()
        return out

    return cached(request, make)


@router.get(
    "/events",
    summary="A page of the filtered events (newest first by default)",
    responses={200: {"model": schemas.EventPage}},
)
def events(
    request: Request,
    flt: Filt,
    sort: Annotated[queries.Sort, Query(description="date (newest first), -date (oldest first), confidence.")] = "date",
    limit: Annotated[int, Query(ge=1, le=1000, description="Events per page.")] = 100,
    offset: Annotated[int, Query(ge=0, le=10**9, description="Events to skip.")] = 0,
) -> Any:
    def make() -> dict[str, Any]:
        with reader(request).open(flt) as con:
            page = queries.event_page(con, sort, limit, offset)
        page["next_offset"] = offset + limit if offset + limit < page["total"] else None
        return page

    return cached(request, make)


@router.get("/events/download", summary="The filtered events as CSV, JSON Lines or GeoJSON (a file)")
def download(
    request: Request,
    flt: Filt,
    format: Annotated[queries.Format, Query(description="csv, jsonl or geojson.")] = "csv",
    limit: Annotated[int, Query(ge=1, le=5_000_000, description="At most this many events.")] = 100_000,
) -> StreamingResponse:
    rd = reader(request)
    ctx = rd.open(flt)
    con = ctx.__enter__()  # opened (or refused with 503) before the response starts

    def body() -> Any:
        try:
            yield from queries.download(con, format, limit)
        finally:
            ctx.__exit__(None, None, None)

    ext = {"csv": "csv", "jsonl": "jsonl", "geojson": "geojson"}[format]
    return StreamingResponse(
        body(),
        media_type=queries.MEDIA[format],
        headers={"Content-Disposition": f'attachment; filename="riftwatch-events.{ext}"'},
    )


@router.get(
    "/places",
    summary="The filtered events grouped by place, busiest first (map markers)",
    responses={200: {"model": schemas.Places}},
)
def places(
    request: Request, flt: Filt, limit: Annotated[int, Query(ge=1, le=20_000, description="Places at most.")] = 2000
) -> Any:
    def make() -> dict[str, Any]:
        with reader(request).open(flt) as con:
            return queries.places(con, limit)

    return cached(request, make)


@router.get(
    "/series",
    summary="Dyad series (events that happened, per period, per QuadClass) of the filtered events",
    responses={200: {"model": schemas.Series}},
)
def series(request: Request, flt: Filt, coalition: Coalition, period: PeriodQ = "week") -> Any:
    def make() -> dict[str, Any]:
        with reader(request).open(dataclasses.replace(flt, dyad=None)) as con:  # the series picks the dyad
            return queries.series(con, flt, coalition, period)

    return cached(request, make)


@router.get(
    "/alerts",
    summary="Rift alerts with their explanations, and the coalition's dyad states",
    responses={200: {"model": schemas.Alerts}},
)
def alerts(request: Request, flt: Filt, coalition: Coalition, period: PeriodQ = "week") -> Any:
    def make() -> dict[str, Any]:
        with reader(request).open(None) as con:
            return queries.alerts(con, flt, coalition, period)

    return cached(request, make)


@router.get(
    "/articles",
    summary="Stored articles, newest first; text filters by title",
    responses={200: {"model": schemas.ArticlePage}},
)
def articles(
    request: Request,
    text: Annotated[str | None, Query(max_length=200, description="Substring of the title.")] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    offset: Annotated[int, Query(ge=0, le=10**9)] = 0,
) -> Any:
    def make() -> dict[str, Any]:
        where, params = ("WHERE contains(lower(title), lower(?))", [text]) if text else ("", [])
        with reader(request).open(None) as con:
            total = con.execute(f"SELECT count(*) FROM articles {where}", params).fetchone()
            found = con.execute(
                f"SELECT article_id, title, url, source, published, n_events FROM articles {where} "
                "ORDER BY published DESC NULLS LAST, article_id LIMIT ? OFFSET ?",
                [*params, limit, offset],
            ).fetchall()
        cols = ("article_id", "title", "url", "source", "published", "n_events")
        items = [dict(zip(cols, r, strict=True)) for r in found]
        for it in items:
            it["published"] = it["published"].isoformat() if it["published"] else None
        return {"total": int(total[0]) if total else 0, "limit": limit, "offset": offset, "articles": items}

    return cached(request, make)


@router.get(
    "/articles/{article_id}",
    summary="An article: its text, events, places, and every coded span",
    responses={200: {"model": schemas.ArticleOut}},
)
def article(request: Request, article_id: str) -> Any:
    def make() -> dict[str, Any]:
        with reader(request).store() as st:
            found = st.article(article_id)
        if found is None:
            raise HTTPException(404, detail={"error": f"article {article_id!r} is not in the store", "parameter": "article_id"})
        found["spans"] = queries.spans(found)
        return found

    return cached(request, make)
