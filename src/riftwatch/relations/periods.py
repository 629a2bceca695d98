"""Calendar periods (day, ISO week starting Monday, month) as integer steps from a first period."""

from __future__ import annotations

import datetime as dt

from riftwatch.relations.dyads import Period


def truncate(day: dt.date, period: Period) -> dt.date:
    """The first day of the period holding ``day`` (DuckDB's date_trunc does the same in SQL)."""
    if period == "day":
        return day
    if period == "week":
        return day - dt.timedelta(days=day.weekday())
    return day.replace(day=1)


def index(first: dt.date, day: dt.date, period: Period) -> int:
    """How many periods ``day``'s period lies after ``first`` (a period start)."""
    start = truncate(day, period)
    if period == "day":
        return (start - first).days
    if period == "week":
        return (start - first).days // 7
    return (start.year - first.year) * 12 + start.month - first.month


def start(first: dt.date, i: int, period: Period) -> dt.date:
    """First day of period ``i`` counted from ``first``."""
    if period == "day":
        return first + dt.timedelta(days=i)
    if period == "week":
        return first + dt.timedelta(weeks=i)
    months = first.year * 12 + first.month - 1 + i
    return dt.date(months // 12, months % 12 + 1, 1)


def end(first: dt.date, i: int, period: Period) -> dt.date:
    """Last day of period ``i``."""
    return start(first, i + 1, period) - dt.timedelta(days=1)


def index_sql(period: Period, col: str, first: str) -> str:
    """SQL for ``index`` over period-start dates ``col`` and ``first``."""
    if period == "day":
        return f"({col} - {first})"
    if period == "week":
        return f"(({col} - {first}) // 7)"
    return f"((year({col}) - year({first})) * 12 + month({col}) - month({first}))"
