"""Publication dates as written in feeds, metadata and CSV exports.

Accepted: ISO dates and datetimes ("2016-05-13", "2016-05-13T09:30:00Z"), "2016/05/13",
"13 May 2016", "May 13, 2016" (weekday and abbreviations allowed), and RFC 2822 ("Fri, 13 May
2016 09:30:00 GMT"). Purely numeric day/month orders other than year-first are ambiguous
("05/06/2016") and are refused rather than guessed.

The date is the calendar date as written: a datetime's time zone is not converted, because the
publisher's local date is the one the article's "yesterday" and "on Monday" refer to.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re

MONTHS: dict[str, int] = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip

_MONTH = (
    r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
_YMD = re.compile(r"(?P<year>\d{4})[-/.](?P<month>\d{1,2})[-/.](?P<day>\d{1,2})(?:[T\s].*)?")
_COMPACT = re.compile(r"(?P<year>\d{4})(?P<month>\d{2})(?P<day>\d{2})(?:T.*)?")
_DMY = re.compile(
    _WEEKDAY + r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r",?\s+(?P<year>\d{4})\b.*",
    re.IGNORECASE,
)
_MDY = re.compile(
    _WEEKDAY + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})\b.*", re.IGNORECASE
)


def _month(value: str) -> int:
    return int(value) if value.isdigit() else MONTHS[value.lower()[:3]]


def parse_date(value: str) -> dt.date | None:
    """The date in ``value``, or None when it is not a date we can read unambiguously.

    >>> parse_date("May 13, 2016"), parse_date("13 May 2016"), parse_date("2016-05-13T23:10:00+02:00")
    (datetime.date(2016, 5, 13), datetime.date(2016, 5, 13), datetime.date(2016, 5, 13))
    >>> parse_date("05/06/2016") is None
    True
    """
    value = value.strip()
    if not value:
        return None
    for pattern in (_YMD, _COMPACT, _DMY, _MDY):
        m = pattern.fullmatch(value)
        if m is not None:
            try:
                return dt.date(int(m["year"]), _month(m["month"]), int(m["day"]))
            except ValueError:
                return None
    try:
        parsed = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    return parsed.date() if parsed is not None else None
