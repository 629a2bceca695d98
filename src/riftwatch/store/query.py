"""Event filters and the SQL they become.

A filter is a frozen record so that ``Store.events`` and ``Store.export`` (and later the API) take
the same options and check them in one place.  Values travel as bound parameters, never pasted
into SQL.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Final, get_args

from riftwatch.errors import InputError
from riftwatch.records import Factuality

FACTUALITIES: Final = frozenset(get_args(Factuality))



MAX_LIMIT = 2**63 - 1
"""The largest row limit DuckDB takes (a signed 64-bit integer)."""

@dataclass(frozen=True, slots=True)
class EventFilter:
    """Which events to read; every field left at its default matches everything.

    ``actor`` is a country code ("RUS") or country and sector ("RUS GOV"), matched against both
    source and target actors.  ``since``/``until`` are inclusive and apply to the event's date, or
    to its article's publication date when the event has none.  ``place`` is a case-insensitive
    substring of the event's place name, or its ISO3 country code.

    >>> EventFilter(actor="RUS GOV", happened_only=True).where()[1]
    ['RUS', 'GOV']
    """

    actor: str | None = None
    event_type: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    place: str | None = None
    factuality: str | None = None
    happened_only: bool = False
    article_id: str | None = None
    origin: str | None = None
    limit: int | None = None
    quad_class: int | None = None
    min_confidence: float | None = None
    text: str | None = None  # case-insensitive substring of the event's sentence

    def __post_init__(self) -> None:
        if self.quad_class is not None and self.quad_class not in (1, 2, 3, 4):
            raise InputError("QuadClass filter", f"{self.quad_class!r} is not 1, 2, 3 or 4")
        if self.min_confidence is not None and not 0.0 <= self.min_confidence <= 1.0:
            raise InputError("confidence filter", f"{self.min_confidence!r} is not between 0 and 1")
        if self.actor is not None:
            parts = self.actor.split()
            if not 1 <= len(parts) <= 2:
                raise InputError(
                    "actor filter",
                    f"{self.actor!r} is not a country code or 'COUNTRY SECTOR' (e.g. 'RUS GOV')",
                )
        if self.factuality is not None and self.factuality not in FACTUALITIES:
            raise InputError(
                "factuality filter",
                f"{self.factuality!r} is not one of {', '.join(sorted(FACTUALITIES))}",
            )
        for name in ("since", "until"):
            value = getattr(self, name)
            if value is not None and not isinstance(value, dt.date):
                raise InputError(f"{name} filter", f"{value!r} is not a date")
        if self.since and self.until and self.since > self.until:
            raise InputError("date filter", f"since {self.since} is after until {self.until}")
        if self.limit is not None and self.limit < 0:
            raise InputError("limit", f"{self.limit} is negative")
        if self.limit is not None and self.limit > MAX_LIMIT:
            raise InputError("limit", f"{self.limit} is more than {MAX_LIMIT:,}, the most a query can return")

    @property
    def needs_article(self) -> bool:
        """True when the query must join ``articles`` (date filters fall back to publication)."""
        return self.since is not None or self.until is not None

    def where(self) -> tuple[str, list[Any]]:
        """The WHERE clause (empty string when unfiltered) over ``events e`` and its parameters.

        With date filters the query must LEFT JOIN ``articles a`` on article_id (see needs_article).
        """
        clauses: list[str] = []
        params: list[Any] = []
        if self.actor is not None:
            parts = self.actor.split()
            sql = "EXISTS (SELECT 1 FROM event_actors ea WHERE ea.event_id = e.event_id AND ea.country = ?"
            params.append(parts[0].upper())
            if len(parts) == 2:
                sql += " AND ea.sector = ?"
                params.append(parts[1].upper())
            clauses.append(sql + ")")
        if self.event_type is not None:
            clauses.append("e.event_type = ?")
            params.append(self.event_type.upper())
        if self.since is not None:
            clauses.append("coalesce(e.date, a.published) >= ?")
            params.append(self.since)
        if self.until is not None:
            clauses.append("coalesce(e.date, a.published) <= ?")
            params.append(self.until)
        if self.place is not None:
            clauses.append("(contains(lower(e.place_name), lower(?)) OR e.place_country = upper(?))")
            params.extend([self.place, self.place])
        if self.factuality is not None:
            clauses.append("e.factuality = ?")
            params.append(self.factuality)
        if self.happened_only:
            clauses.append("e.factuality = 'asserted'")
        if self.article_id is not None:
            clauses.append("e.article_id = ?")
            params.append(self.article_id)
        if self.origin is not None:
            clauses.append("e.origin = ?")
            params.append(self.origin)
        if self.quad_class is not None:
            clauses.append("e.quad_class = ?")
            params.append(self.quad_class)
        if self.min_confidence is not None:
            clauses.append("e.confidence >= ?")
            params.append(self.min_confidence)
        if self.text is not None:
            clauses.append("contains(lower(e.sentence), lower(?))")
            params.append(self.text)
        return ("WHERE " + " AND ".join(clauses) if clauses else ""), params

    def select(self, columns: str, *, order: str = "", joins: str = "") -> tuple[str, list[Any]]:
        """A full SELECT of ``columns`` over the filtered events ``e``, ordered by ``order`` if given.

        ``joins`` adds JOIN clauses of the caller's (they may not take parameters).
        """
        where, params = self.where()
        join = " LEFT JOIN articles a ON a.article_id = e.article_id" if self.needs_article else ""
        sql = f"SELECT {columns} FROM events e{join} {joins} {where}"
        if order:
            sql += f" ORDER BY {order}"
        if self.limit is not None:
            sql += " LIMIT ?"
            params.append(self.limit)
        return sql, params


EVENT_ORDER: Final = "e.date NULLS LAST, e.article_id, e.sentence_index, e.trigger_start, e.event_id"
"""Date order, then text order within an article: stable across runs and reruns."""

ORDERS: Final = {
    "date": "e.date DESC NULLS LAST, e.article_id, e.sentence_index, e.trigger_start, e.event_id",
    "confidence": "e.confidence DESC NULLS LAST, e.date DESC NULLS LAST, e.article_id, e.sentence_index, "
    "e.trigger_start, e.event_id",
    "oldest": EVENT_ORDER,
}
"""Orders a reader may ask for: newest first (an analyst's default), most confident first, or oldest
first (the export order)."""
