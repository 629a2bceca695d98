"""Publication dates as written in feeds, metadata and CSV exports, read by python-dateutil.

Accepted: whatever dateutil reads as a complete date — ISO dates and datetimes ("2016-05-13",
"2016-05-13T09:30:00Z"), "2016/05/13", "20160513", "13 May 2016", "May 13, 2016" (weekday,
ordinals and abbreviations allowed), RFC 2822 ("Fri, 13 May 2016 09:30:00 GMT"). What we add is
refusal: purely numeric dates other than year-first are ambiguous ("05/06/2016" is May or June)
and are refused rather than guessed, and so is a date missing its day or year.

The date is the calendar date as written: a datetime's time zone is not converted, because the
publisher's local date is the one the article's "yesterday" and "on Monday" refer to.

In-text date expressions ("on Monday", "last week") are ``riftwatch.when``'s job; this module only
reads dates that metadata gives whole.
"""

from __future__ import annotations

import datetime as dt
import re

from dateutil import parser as _dateutil

# Year-first numeric forms are unambiguous; any other all-numeric date is day/month or month/day.
_YEAR_FIRST = re.compile(r"\d{4}(?:[-/.]?\d{1,2}[-/.]?\d{1,2})")
_HAS_LETTERS = re.compile(r"[^\W\d_]")
# Two defaults far apart: a field the text lacks comes out different, so a partial date shows.
_DEFAULTS = (dt.datetime(1, 1, 1), dt.datetime(2, 2, 2))


def parse_date(value: str) -> dt.date | None:
    """The date in ``value``, or None when it is not a date we can read unambiguously.

    >>> parse_date("May 13, 2016"), parse_date("13 May 2016"), parse_date("2016-05-13T23:10:00+02:00")
    (datetime.date(2016, 5, 13), datetime.date(2016, 5, 13), datetime.date(2016, 5, 13))
    >>> parse_date("05/06/2016") is None, parse_date("May 2016") is None
    (True, True)
    """
    value = value.strip()
    if not value or len(value) > 100:
        return None
    month_in_words = _HAS_LETTERS.search(re.sub(r"(?i)\b(?:t|z|gmt|utc|[ap]m|st|nd|rd|th)\b|\d[tT]\d", "", value))
    if not month_in_words and not _YEAR_FIRST.match(value):
        return None
    try:
        first, second = (_dateutil.parse(value, default=d, dayfirst=False, yearfirst=True) for d in _DEFAULTS)
    except (ValueError, OverflowError):
        return None
    if first.date() != second.date():
        return None
    day: dt.date = first.date()
    return day
