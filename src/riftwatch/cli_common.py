"""Option parsing shared by the CLI modules."""

from __future__ import annotations

import datetime as dt

import typer


def date_option(value: str | None, name: str) -> dt.date | None:
    """A YYYY-MM-DD option value as a date; a clear usage error otherwise."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)", param_hint=name) from None
