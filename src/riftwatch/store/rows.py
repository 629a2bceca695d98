"""Conversion between records and the store's rows.

Writing: records become Arrow tables (one per store table) so that DuckDB inserts whole batches
at C speed instead of one statement per row.  Reading: a row of ``events`` becomes exactly the dict
``records.event_to_dict`` makes, so the JSON export of a stored event equals the coder's own.
"""

from __future__ import annotations

import datetime as dt
import gc
import json
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, Final

import pyarrow as pa

from riftwatch.records import Actor, Attribution, CodedArticle, Event, Place, Quantity, actor_to_dict
from riftwatch.store.schema import ACTOR_COLUMNS, ARTICLE_COLUMNS, EVENT_COLUMNS, PLACE_COLUMNS

_S = pa.string()
_I = pa.int32()
_F = pa.float64()
_D = pa.date32()

ARTICLE_SCHEMA: Final = pa.schema(
    list(
        zip(
            ARTICLE_COLUMNS,
            (_S, _S, _S, _S, _S, _D, _S, _S, pa.timestamp("us"), _I),
            strict=True,
        )
    )
)

# fmt: off
_EVENT_TYPES: Final = (
    _S, _S, _S, _I, _S, _I,            # event_id .. sentence_start
    _S, _I, _I,                        # trigger
    _S, _S, _S, _S, _I, _F,            # event_type .. goldstein
    _S, _I, _I, _S, pa.int64(), _F, _F, _S, _S, _S, _F,  # place
    _D, _D, _S, _S, _I, _I,            # date .. date_text_end
    _S, _S, _F, _S, _S,                # attribution .. target_json
    _S,                                # roles_how
    _S, _S,                            # place_how, place_geonames_name
)
# fmt: on
EVENT_SCHEMA: Final = pa.schema(list(zip(EVENT_COLUMNS, _EVENT_TYPES, strict=True)))

ACTOR_SCHEMA: Final = pa.schema(
    list(zip(ACTOR_COLUMNS, (_S, _S, _I, _S, _I, _I, _S, _S, _S, _S, _S, _S), strict=True))
)

PLACE_SCHEMA: Final = pa.schema(
    list(zip(PLACE_COLUMNS, (_S, _I, _I, _S, _S, pa.int64(), _F, _F, _S, _S, _S, _F, _S), strict=True))
)

_NO_PLACE: Final = (None,) * 11
_NO_DATE_TEXT: Final = (None, None, None)



# One encoder for all rows: json.dumps with non-default options builds a new encoder per call,
# which was a fifth of the bulk-load time.
_encode: Final = json.JSONEncoder(ensure_ascii=False).encode


def _actor_json(actors: Sequence[Actor]) -> str:
    return _encode([actor_to_dict(a) for a in actors]) if actors else "[]"


def _quantities_json(qs: Sequence[Quantity]) -> str:
    if not qs:
        return "[]"
    return _encode(
        [
            {"kind": q.kind, "low": q.low, "high": q.high, "text": q.text, "start": q.start,
             "end": q.end, "per": q.per, "approximate": q.approximate}
            for q in qs
        ]
    )  # fmt: skip


def _attribution_json(at: Attribution | None) -> str | None:
    if at is None:
        return None
    actor = actor_to_dict(at.actor) if at.actor is not None else None
    return _encode(
        {"text": at.text, "start": at.start, "end": at.end, "anonymous": at.anonymous, "actor": actor}
    )


def _place_values(p: Place | None) -> tuple[Any, ...]:
    if p is None:
        return _NO_PLACE
    return (p.text, p.start, p.end, p.name, p.geonameid, p.lat, p.lon, p.admin1, p.country,
            p.precision, p.score)  # fmt: skip


def _roles_how_json(how: tuple[tuple[str, str], ...]) -> str:
    return json.dumps(dict(how), separators=(",", ":")) if how else "{}"


def event_values(e: Event, origin: str) -> tuple[Any, ...]:
    """One ``events`` row, in EVENT_COLUMNS order."""
    dt_span = (e.date_text.text, e.date_text.start, e.date_text.end) if e.date_text else _NO_DATE_TEXT
    return (
        e.event_id, e.article_id, origin, e.sentence_index, e.sentence, e.sentence_start,
        e.trigger.text, e.trigger.start, e.trigger.end,
        e.event_type, e.mode, e.factuality, e.cameo_root, e.quad_class, e.goldstein,
        *_place_values(e.place),
        e.date, e.date_end, e.date_precision, *dt_span,
        _attribution_json(e.attribution), _quantities_json(e.quantities), e.confidence,
        _actor_json(e.source), _actor_json(e.target), _roles_how_json(e.roles_how),
        (e.place.how or None) if e.place else "none", e.place.geonames_name if e.place else None,
    )  # fmt: skip


def actor_values(e: Event) -> list[tuple[Any, ...]]:
    """The ``event_actors`` rows of one event: one per source and per target actor."""
    rows: list[tuple[Any, ...]] = []
    for role, actors in (("source", e.source), ("target", e.target)):
        for i, a in enumerate(actors):
            rows.append((e.event_id, role, i, a.text, a.start, a.end, a.name, a.country, a.sector,
                         a.person, a.org, a.entry_id))  # fmt: skip
    return rows


def place_values(article_id: str, p: Place) -> tuple[Any, ...]:
    """One ``places`` row, in PLACE_COLUMNS order."""
    return (article_id, p.start, p.end, p.text, p.name, p.geonameid, p.lat, p.lon, p.admin1,
            p.country, p.precision, p.score, p.geonames_name)  # fmt: skip


def article_values(coded: CodedArticle, n_events: int, now: dt.datetime) -> tuple[Any, ...]:
    """One ``articles`` row, in ARTICLE_COLUMNS order."""
    a = coded.article
    return (a.id, a.title, a.text, a.url, a.source, a.published, a.language, a.origin, now, n_events)


def to_table(rows: Sequence[tuple[Any, ...]], schema: pa.Schema) -> pa.Table:
    """Rows (tuples in the schema's column order) as an Arrow table with exactly that schema."""
    if not rows:
        return schema.empty_table()
    columns = list(zip(*rows, strict=True))
    return pa.Table.from_arrays(
        [pa.array(col, type=f.type) for col, f in zip(columns, schema, strict=True)], schema=schema
    )


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause CPython's cyclic garbage collector while a batch of rows is built.

    A batch allocates hundreds of thousands of tuples and dicts; each allocation burst triggers
    collections that rescan every live object, including the caller's whole list of records.  On a
    million imported events that rescanning cost more than the inserts.  Rows hold no cycles, so
    nothing is lost by collecting once afterwards instead.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def unique_events(events: Iterable[Event]) -> list[Event]:
    """Events with repeated ids dropped (the first one wins), order kept."""
    seen: set[str] = set()
    out: list[Event] = []
    for e in events:
        if e.event_id not in seen:
            seen.add(e.event_id)
            out.append(e)
    return out


# Reading --------------------------------------------------------------------------------------

EVENT_SELECT: Final = ", ".join(f"e.{c}" for c in EVENT_COLUMNS)
"""The ``events`` columns, prefixed for a query aliasing the table as ``e``; feed rows to event_dict."""

_IX: Final = {c: i for i, c in enumerate(EVENT_COLUMNS)}


_decode: Final = json.JSONDecoder().decode


def _json_list(text: str | None) -> Any:
    # Most actor and quantity lists are empty; skipping the decoder for them saves a third of reads.
    return [] if text is None or text == "[]" else _decode(text)


def _json_dict(text: str | None) -> Any:
    return {} if text is None or text == "{}" else _decode(text)


def _iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d is not None else None


def event_dict(row: Sequence[Any]) -> dict[str, Any]:
    """An ``events`` row (selected with EVENT_SELECT) as ``records.event_to_dict`` shapes it."""
    r = row
    factuality = r[_IX["factuality"]]
    place = None
    if r[_IX["place_start"]] is not None:
        place = {
            "text": r[_IX["place_text"]],
            "start": r[_IX["place_start"]],
            "end": r[_IX["place_end"]],
            "name": r[_IX["place_name"]],
            "geonameid": r[_IX["geonameid"]],
            "lat": r[_IX["lat"]],
            "lon": r[_IX["lon"]],
            "country": r[_IX["place_country"]],
            "admin1": r[_IX["place_admin1"]],
            "precision": r[_IX["place_precision"]],
            "score": r[_IX["place_score"]],
            "geonames_name": r[_IX["place_geonames_name"]] or "",
            "how": r[_IX["place_how"]] or "",
        }
    date_text = None
    if r[_IX["date_text_start"]] is not None:
        date_text = {
            "text": r[_IX["date_text"]],
            "start": r[_IX["date_text_start"]],
            "end": r[_IX["date_text_end"]],
        }
    attribution = r[_IX["attribution"]]
    return {
        "event_id": r[_IX["event_id"]],
        "article_id": r[_IX["article_id"]],
        "sentence_index": r[_IX["sentence_index"]],
        "sentence": r[_IX["sentence"]],
        "sentence_start": r[_IX["sentence_start"]],
        "trigger": {
            "text": r[_IX["trigger_text"]],
            "start": r[_IX["trigger_start"]],
            "end": r[_IX["trigger_end"]],
        },
        "event_type": r[_IX["event_type"]],
        "mode": r[_IX["mode"]],
        "factuality": factuality,
        "cameo_root": r[_IX["cameo_root"]],
        "quad_class": r[_IX["quad_class"]],
        "goldstein": r[_IX["goldstein"]],
        "negated": factuality == "negated",
        "hypothetical": factuality == "hypothetical",
        "future": factuality == "future",
        "source": _json_list(r[_IX["source_json"]]),
        "target": _json_list(r[_IX["target_json"]]),
        "place": place,
        "place_how": r[_IX["place_how"]] or ("none" if place is None else ""),
        "date": _iso(r[_IX["date"]]),
        "date_end": _iso(r[_IX["date_end"]]),
        "date_precision": r[_IX["date_precision"]],
        "date_text": date_text,
        "attribution": _decode(attribution) if attribution is not None else None,
        "quantities": _json_list(r[_IX["quantities"]]),
        "confidence": r[_IX["confidence"]],
        "roles_how": _json_dict(r[_IX["roles_how"]]),
    }
